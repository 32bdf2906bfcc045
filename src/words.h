/*
 * words.h: text laid out in the columns a screen has, never cut inside a
 * word: wrapped at its spaces onto as many lines as it needs, or made to
 * fit one line -- with the short names of processes and threads ("P1 T2"
 * for "Thread-2 in process Process-1"), then without its last words and
 * an ellipsis.  Pure: no curses; the screen's theme draws what it lays
 * out (ui/screen/base/theme.h).
 *
 * A column is a code point: every glyph ptviz writes is one column wide
 * (the theme's table), so a width counts code points, never bytes.
 */
#ifndef PTVIZ_WORDS_H
#define PTVIZ_WORDS_H

#include <stddef.h>

/* One line of a text wrapped by words_wrap(): len bytes of it from off
   (the spaces where it broke are in no line). */
struct words_line {
	size_t		 off, len;
};

/* Columns s takes: its code points. */
int		 words_cols(const char *s);

/*
 * Lay s out in lines: the first has `first` columns (what is left of a
 * line already begun), every other `width`.  It breaks at spaces only,
 * and prefers the widest gaps: a phrase (words joined by single spaces;
 * two spaces or more part phrases, as on the status line) that fits on a
 * line of its own is never broken; a longer one breaks between its words.
 * A phrase of one sign (the "·" between figures) is dropped at a break,
 * so no line ends or starts with it.  Only a word wider than `width` is
 * cut, into pieces of `width`.  The first max lines go to line[]; returns
 * how many lines s needs (line NULL, max 0: only count them).  An empty
 * first line means s begins on the next.
 */
size_t		 words_wrap(const char *s, int first, int width,
		    struct words_line *line, size_t max);

/* s with the short names of processes and threads, in buf: "P1 T2" for
   "Thread-2 in process Process-1" and "Thread-2 of Process-1", "P3" for
   "Process-3", "T4" for "Thread-4"; buf. */
const char	*words_short(const char *s, char *buf, size_t len);

/*
 * s in at most width columns, in buf: s if it fits; else with the short
 * names (words_short) if they fit; else the short form cut after its last
 * whole word that leaves room for `more` (the theme's ellipsis) -- after
 * a clause (a word ending in , : ; or .) if that keeps half of the width
 * -- its trailing punctuation dropped, and `more` added.  buf.
 */
const char	*words_fit(const char *s, int width, const char *more,
		    char *buf, size_t len);

#endif
