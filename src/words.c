/*
 * words.c: text laid out in a screen's columns, never cut inside a word
 * (see words.h).
 *
 * A room reads a line cut mid-word ("z reaps t", "in process Proc") as a
 * fault of the tool, so every text the screen shows goes through here:
 * captions, banners and help lines wrap onto the rows they need, and a
 * line that has one row only (a log line) gets shorter by rules a reader
 * follows -- short names first, then its last words.  A line is a range of
 * the text itself, so wrapping copies nothing and allocates nothing; it is
 * done for every frame's header and costs a walk over a few hundred bytes.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "words.h"

/* Columns of the n bytes at s: its code points. */
static int
cols_of(const char *s, size_t n)
{
	int c = 0;
	size_t i;

	for (i = 0; i < n && s[i] != '\0'; i++)
		c += (s[i] & 0xc0) != 0x80;
	return c;
}

int
words_cols(const char *s)
{
	return cols_of(s, strlen(s));
}

/* Bytes of the first `cols` columns at s (fewer if s ends). */
static size_t
bytes_of(const char *s, int cols)
{
	size_t i = 0;

	for (; s[i] != '\0' && cols > 0; cols--)
		for (i++; (s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

/* The lines being laid out, and the line being filled. */
struct flow {
	const char	*s;
	struct words_line *line;
	size_t		 max, n;	/* lines stored at most; done */
	const char	*ls, *le;	/* the line now: [ls, le) */
	int		 col, avail, width;
};

/* End the line being filled (an empty one only as the first) and begin
   the next, `width` wide. */
static void
flow_break(struct flow *f)
{
	if (f->le > f->ls || f->n == 0) {
		if (f->n < f->max)
			f->line[f->n] = (struct words_line){
			    (size_t)(f->ls - f->s), (size_t)(f->le - f->ls) };
		f->n++;
	}
	f->ls = f->le = NULL;
	f->col = 0;
	f->avail = f->width;
}

/* Add [a, b) of `c` columns to the line, after `gap` spaces at g. */
static void
flow_put(struct flow *f, const char *g, int gap, const char *a,
    const char *b, int c)
{
	if (f->ls == NULL)
		f->ls = gap > 0 ? g : a;
	f->le = b;
	f->col += gap + c;
}

/* A word wider than a line: its pieces, each filling a line. */
static void
flow_cut(struct flow *f, const char *a, const char *b)
{
	int c = cols_of(a, (size_t)(b - a)), room;
	size_t k;

	if (f->ls != NULL)
		flow_break(f);
	while (c > (room = f->avail - f->col)) {
		if (room > 0) {
			k = bytes_of(a, room);
			flow_put(f, a, 0, a, a + k, room);
			a += k;
			c -= room;
		}
		flow_break(f);
	}
	flow_put(f, a, 0, a, b, c);
}

/* A phrase wider than a line: word by word, as many on a line as fit. */
static void
flow_words(struct flow *f, const char *g, int gap, const char *a,
    const char *end)
{
	const char *b;
	int c;

	while (a < end) {
		for (b = a; b < end && *b != ' '; b++)
			;
		c = cols_of(a, (size_t)(b - a));
		if (f->ls == NULL && f->n > 0)
			gap = 0;
		if (f->col + gap + c <= f->avail)
			flow_put(f, g, gap, a, b, c);
		else if (c <= f->width) {
			flow_break(f);
			flow_put(f, a, 0, a, b, c);
		} else
			flow_cut(f, a, b);
		for (g = b, gap = 0; b < end && *b == ' '; b++)
			gap++;
		a = b;
	}
}

/* The end of the phrase at a: two spaces, a space before the end of the
   text, or the end. */
static const char *
phrase_end(const char *a)
{
	for (; *a != '\0'; a++)
		if (a[0] == ' ' && (a[1] == ' ' || a[1] == '\0'))
			break;
	return a;
}

/* A phrase of one sign, such as the "·" between figures. */
static bool
is_sign(const char *a, const char *b)
{
	return cols_of(a, (size_t)(b - a)) == 1 &&
	    !isalnum((unsigned char)*a);
}

/* Whether a sign of c columns after gap spaces fits on the line with the
   phrase after it (at p, past its spaces). */
static bool
sign_fits(const struct flow *f, int gap, int c, const char *p)
{
	const char *a = p;

	while (*a == ' ')
		a++;
	c += (int)(a - p) + cols_of(a, (size_t)(phrase_end(a) - a));
	return f->col + gap + c <= f->avail;
}

size_t
words_wrap(const char *s, int first, int width, struct words_line *line,
    size_t max)
{
	struct flow f = { s, line, max, 0, NULL, NULL, 0, first,
	    width < 1 ? 1 : width };
	const char *p = s, *a, *b;
	int gap, c;

	while (*p != '\0') {
		for (a = p; *a == ' '; a++)
			;
		/* Spaces begin a line only as the first; */
		gap = f.ls == NULL && f.n > 0 ? 0 : (int)(a - p);
		if (*a == '\0') {
			/* ... and end it only where they fit. */
			if (gap > f.avail - f.col)
				gap = f.avail - f.col > 0 ? f.avail - f.col : 0;
			if (gap > 0)
				flow_put(&f, p, 0, p, p + gap, gap);
			break;
		}
		b = phrase_end(a);
		c = cols_of(a, (size_t)(b - a));
		/* A sign goes with the phrase after it, or not at all. */
		if (is_sign(a, b) && !sign_fits(&f, gap, c, b)) {
			if (f.ls != NULL)
				flow_break(&f);
		} else if (f.col + gap + c <= f.avail)
			flow_put(&f, p, gap, a, b, c);
		else if (c <= f.width) {
			flow_break(&f);
			flow_put(&f, a, 0, a, b, c);
		} else
			flow_words(&f, p, gap, a, b);
		p = b;
	}
	if (f.ls != NULL)
		flow_break(&f);
	return f.n;
}

/* The short names: a pattern ('#' a number) and what it becomes (\1, \2:
   its first and second number), tried in this order at each word. */
static const struct {
	const char	*pattern, *becomes;
} shorts[] = {
	{ "Thread-# in process Process-#", "P\2 T\1" },
	{ "Thread-# of Process-#", "P\2 T\1" },
	{ "Process-#", "P\1" },
	{ "Thread-#", "T\1" },
};

/* Whether pattern pat matches at s: its length in *n and its numbers in
   num[] (as text, at most 2, each at most 15 digits). */
static bool
short_match(const char *s, const char *pat, size_t *n, char num[2][16])
{
	const char *p = s;
	size_t k, d = 0;

	for (; *pat != '\0'; pat++) {
		if (*pat != '#') {
			if (*p++ != *pat)
				return false;
			continue;
		}
		for (k = 0; isdigit((unsigned char)p[k]) && k < 15; k++)
			num[d][k] = p[k];
		if (k == 0 || d == 2)
			return false;
		num[d++][k] = '\0';
		p += k;
	}
	*n = (size_t)(p - s);
	return true;
}

const char *
words_short(const char *s, char *buf, size_t len)
{
	char num[2][16];
	size_t i, n, used = 0;
	const char *b;

	buf[0] = '\0';
	while (*s != '\0' && used + 1 < len) {
		for (i = 0; i < sizeof(shorts) / sizeof(shorts[0]); i++)
			if ((used == 0 || !isalnum((unsigned char)s[-1])) &&
			    short_match(s, shorts[i].pattern, &n, num))
				break;
		if (i == sizeof(shorts) / sizeof(shorts[0])) {
			buf[used++] = *s++;
			continue;
		}
		for (b = shorts[i].becomes; *b != '\0' && used + 1 < len; b++)
			used += (size_t)snprintf(buf + used, len - used, "%s",
			    *b == '\1' ? num[0] : *b == '\2' ? num[1] :
			    (char[]){ *b, '\0' });
		if (used >= len)
			used = len - 1;
		s += n;
	}
	buf[used] = '\0';
	return buf;
}

/* Where to cut s (in bytes) to leave it at most room columns: after the
   last whole word that fits, or the last clause if that keeps half of
   `width`; 0 if not even the first word fits. */
static size_t
cut_at(const char *s, int room, int width)
{
	size_t word = 0, clause = 0, i;
	int c = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == ' ' && i > 0 && s[i - 1] != ' ') {
			if (c > room)
				break;
			word = i;
			if (strchr(",:;.", s[i - 1]) != NULL)
				clause = i;
		}
		c += (s[i] & 0xc0) != 0x80;
	}
	if (s[i] == '\0' && c <= room)
		word = i;
	if (clause > 0 && cols_of(s, clause) >= width / 2)
		return clause;
	return word;
}

const char *
words_fit(const char *s, int width, const char *more, char *buf,
    size_t len)
{
	char sh[512];
	int room = width - words_cols(more);
	size_t k;

	if (words_cols(s) <= width) {
		snprintf(buf, len, "%s", s);
		return buf;
	}
	words_short(s, sh, sizeof(sh));
	if (words_cols(sh) <= width) {
		snprintf(buf, len, "%s", sh);
		return buf;
	}
	if (room < 0) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	/* Not a word fits: what does, marked as cut. */
	if ((k = cut_at(sh, room, width)) == 0)
		k = bytes_of(sh, room);
	while (k > 0 && strchr(",:;. ", sh[k - 1]) != NULL)
		k--;
	snprintf(buf, len, "%.*s%s", (int)k, sh, more);
	return buf;
}
