/*
 * theme.h: how each state looks -- its glyph and its colour, from one
 * table -- and the few ways every view puts text on the screen.
 */
#ifndef PTVIZ_THEME_H
#define PTVIZ_THEME_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../../src/palette.h"

struct theme {
	bool		 utf8;		/* glyphs from the UTF-8 column */
	bool		 colour;	/* false: NO_COLOR or no colours */
	attr_t		 attr[LOOK_COUNT];	/* colour pair and attributes */
};

/* Choose glyphs and colours for this terminal and locale. */
void		 theme_init(struct theme *th);

/* The glyph of a look: UTF-8 or ASCII, one column wide. */
const char	*theme_glyph(const struct theme *th, enum look l);

/* Draw the grid's legend of the cell glyphs on one line, as many whole
   entries as fit -- a traced program's if traced; returns its width. */
int		 theme_legend(WINDOW *w, const struct theme *th, int y, int x,
		    bool traced);

/* Draw the help's legend (the grid's, and the glyphs only the help
   explains) from the `from`th entry on (0: the first) at y, x,
   as many whole ones as fit in `cols` columns; the number of the first
   left out (theme_legend_count() once all are drawn).  w NULL: only
   count them. */
int		 theme_legend_from(WINDOW *w, const struct theme *th, int y,
		    int x, int from, int cols);

/* How many entries the legend has. */
int		 theme_legend_count(void);

/* The timeline's marks. */
enum mark { MARK_BAR, MARK_SPAN, MARK_NOW, MARK_NOW_HEAD, MARK_COUNT };

/* The small signs of the screen's text, each in UTF-8 and in ASCII: the
   one table of them (theme.c), as the looks are. */
enum sym {
	SYM_DASH,		/* — between the header's parts */
	SYM_SEP,		/* · between the status line's figures */
	SYM_TIMES,		/* × in "5 × 3" and "2.00×" */
	SYM_LE,			/* ≤ in "sleep ≤ 3 s" */
	SYM_PLAYING,		/* ▶ before "playing" */
	SYM_POINT,		/* ▸ after a caption's title */
	SYM_MORE_UP,		/* ↑ rows above the ones shown */
	SYM_MORE_DOWN,		/* ↓ rows below */
	SYM_MORE_LEFT,		/* ‹ columns to the left */
	SYM_MORE_RIGHT,		/* › columns to the right */
	SYM_SEL_LEFT,		/* ▕ the selected cell's left edge */
	SYM_SEL_RIGHT,		/* ▏ and its right edge */
	SYM_FOLDED,		/* ▸ a folded process in the timeline */
	SYM_UNFOLDED,		/* ▾ an unfolded one */
	SYM_NONE,		/* — no value (details) */
	SYM_MORE,		/* … a text shortened to fit its line */
	SYM_NOT_YET,		/* · a cell the kernel has no thread for yet */
	SYM_OF,			/* · in "Process-1 · Thread-2" */
	SYM_MICRO,		/* µ of µs */
	SYM_TREE,		/* └ before a process born of another */
	SYM_BECAME,		/* → between a name and the one an exec
				   gave it */
	SYM_SHADE_1,		/* ░ ▒ ▓ █: how often, in four steps */
	SYM_SHADE_2,
	SYM_SHADE_3,
	SYM_SHADE_4,
	SYM_HERE,		/* ▶ the selected thread's line (code pane) */
	SYM_COUNT
};

/* A sign's text: UTF-8 or ASCII, as the terminal takes. */
const char	*theme_sym(const struct theme *th, enum sym s);

/* Columns s takes on the screen (every glyph used here is one wide). */
int		 theme_width(const char *s);

/* A mark's glyph, one column wide. */
const char	*theme_mark(const struct theme *th, enum mark k);

/* The pie glyph of a one-column sleeping cell, by how far it has slept
   (0..1); the sleeping glyph in ASCII. */
const char	*theme_pie(const struct theme *th, double frac);

/* A block of height frac (0..1, at least the lowest eighth). */
const char	*theme_level(const struct theme *th, double frac);

/* A fill of `cols` columns `frac` full (0..1) in block glyphs. */
void		 theme_fill(WINDOW *w, const struct theme *th, enum look l,
		    double frac,
		    int cols);

/* Add the one-column glyph s (UTF-8) n times at the cursor: decoded once,
   far cheaper than waddstr() for each. */
void		 theme_glyphs(WINDOW *w, const char *s, int n);

/* How many decimal digits n has: the width of "Process-N" and ranks. */
int		 theme_digits(unsigned n);

/* Lines of a big number (theme_big), and its columns: 3 a digit and 1
   between two, for the back of a room. */
#define THEME_BIG_LINES	2
int		 theme_big_width(unsigned n);

/* Draw n in big block digits from y, x: THEME_BIG_LINES lines of
   theme_big_width(n) columns, in the attributes set. */
void		 theme_big(WINDOW *w, const struct theme *th, int y, int x,
		    unsigned n);

/* Add s at the cursor, cut at the window's right edge (never wrapped):
   for cells and marks, not for words (theme_flow, theme_fit). */
void		 theme_put(WINDOW *w, const char *s);

/* Add s at the cursor, wrapped at its spaces onto the rows below, each
   begun at column indent (src/words.h: no word is cut); false if w had too
   few rows for all of it. */
bool		 theme_flow(WINDOW *w, const char *s, int indent);

/* Add s at the cursor on the one line left of it, shortened to fit (short
   names, then fewer words and an ellipsis: words_fit()); the columns it
   took. */
int		 theme_fit(WINDOW *w, const struct theme *th, const char *s);

/* Show the cells from x to x + n - 1 of row y reversed: the selection. */
void		 theme_reverse(WINDOW *w, int y, int x, int n);

/* A rule across row 0 of w with a title in it. */
void		 theme_rule(WINDOW *w, const struct theme *th,
		    const char *title);

#endif
