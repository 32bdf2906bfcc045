/*
 * timeline_share.c: a CPU-bound thread's row of the timeline, column by
 * column by its share of a CPU.
 *
 * A column of the axis stands for tens of milliseconds; a thread that has
 * to share a CPU is preempted every few, so drawn phase by phase (a bar
 * while computing, a line while waiting) nearly every column would show a
 * bar, and a thread that waited half its life would look as if it had a
 * CPU of its own.  Instead, the frame's walk adds each stretch a thread
 * computed to the columns it falls in (ns on a CPU, a column each), and
 * each column from its first computing to its end is drawn as a level:
 * the time it was on a CPU over the time of that column it lived, in
 * sevenths (theme_level), or the waiting line where it had no CPU at all.
 * The waits come from the thread itself (src/child.c), so what is drawn is
 * what it measured.
 */
#include <string.h>

#include "../base/state.h"
#include "timeline_share.h"

/* Below this share a column is drawn as a wait: not even the lowest
   level, which stands for up to a seventh. */
#define SHARE_NONE	(1.0 / 14)

/* The time column c stands for: [*a, *b). */
static void
column(const struct tgeom *g, int c, uint64_t *a, uint64_t *b)
{
	*a = g->t0 + (uint64_t)c * g->col_ns;
	*b = *a + g->col_ns;
}

/* How much of [a, b) falls in column c. */
static uint64_t
overlap(const struct tgeom *g, int c, uint64_t a, uint64_t b)
{
	uint64_t ca, cb;

	column(g, c, &ca, &cb);
	/* The last column takes what is past the axis, as tgeom_col(). */
	if (c == g->cols - 1 && b > cb)
		cb = b;
	if (a < ca)
		a = ca;
	if (b > cb)
		b = cb;
	return b > a ? b - a : 0;
}

void
tshare_add(const struct tgeom *g, uint64_t *on, uint64_t a, uint64_t b)
{
	int c, c2;

	if (b <= a)
		return;
	c2 = tgeom_col(g, b);
	for (c = tgeom_col(g, a); c <= c2; c++)
		on[c] += overlap(g, c, a, b);
}

/* Is column c within a stopped span? */
static bool
stopped(const int span[][2], int nspan, int c)
{
	int s;

	for (s = 0; s < nspan; s++)
		if (c >= span[s][0] && c <= span[s][1])
			return true;
	return false;
}

int
tshare_draw(const struct tui *t, const struct tgeom *g, int y,
    const uint64_t *on, uint64_t a, uint64_t b, const int span[][2],
    int nspan)
{
	const struct theme *th = &t->theme;
	int c, c1 = tgeom_col(g, a), c2 = tgeom_col(g, b);
	uint64_t lived;
	double frac;
	enum look l;

	for (c = c1; c <= c2; c++) {
		lived = overlap(g, c, a, b > a ? b : a + 1);
		frac = lived == 0 ? 0 : (double)on[c] / (double)lived;
		l = stopped(span, nspan, c) ? LOOK_STOPPED :
		    frac < SHARE_NONE ? LOOK_WAITING : LOOK_COMPUTING;
		wattrset(g->w, th->attr[l]);
		wmove(g->w, y, g->x0 + c);
		theme_glyphs(g->w, l == LOOK_STOPPED ?
		    theme_glyph(th, LOOK_STOPPED) : l == LOOK_WAITING ?
		    theme_mark(th, MARK_SPAN) : theme_level(th, frac), 1);
	}
	wattrset(g->w, A_NORMAL);
	return c2;
}

/* The legend's words after the levels and after the waiting line: the
   longest that fits the window's width. */
static const char *const legends[][2] = {
	{ " computing: the share of each column's time on a CPU, in "
	    "sevenths   ", " waiting for a CPU all the column" },
	{ " share of a CPU in each column's time   ", " none" },
	{ " share of a CPU", "" },
};
#define NLEGENDS	(sizeof(legends) / sizeof(legends[0]))

void
tshare_legend(const struct tui *t, const struct tgeom *g, int y, int x)
{
	const struct theme *th = &t->theme;
	size_t i = 0;
	int k;

	while (i + 1 < NLEGENDS && x + 8 + (int)(strlen(legends[i][0]) +
	    strlen(legends[i][1])) > getmaxx(g->w))
		i++;
	wmove(g->w, y, x);
	wattrset(g->w, th->attr[LOOK_COMPUTING]);
	for (k = 0; k < 7; k++)
		theme_put(g->w, theme_level(th, (k + 0.5) / 7));
	wattrset(g->w, A_NORMAL);
	theme_put(g->w, legends[i][0]);
	if (legends[i][1][0] == '\0')
		return;
	wattrset(g->w, th->attr[LOOK_WAITING]);
	theme_put(g->w, theme_mark(th, MARK_SPAN));
	wattrset(g->w, A_NORMAL);
	theme_put(g->w, legends[i][1]);
}
