/*
 * batch.c: what a batch of many runs (m, features/many.c) shows: two lines
 * under the header while it goes, and at its end (or on m again) a table
 * over the screen, each count shaded by how often; any key closes it.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/stats.h"
#include "../../../src/text.h"
#include "../../lines/runs.h"
#include "../base/state.h"
#include "batch.h"

/* How long the batch takes at the least, as it starts ("; at least
   4 min 47 s in all; [ shortens the sleep"), or "". */
static const char *
least(const struct tui *t, char *buf, size_t len)
{
	uint64_t ns = runs_least_ns(&t->opt.run, t->batch.want);
	char h[32];

	buf[0] = '\0';
	if (ns >= RUNS_SAY_NS)
		snprintf(buf, len, "; at least %s in all%s", runs_human(ns, h,
		    sizeof(h)), ns >= RUNS_LONG_NS && t->opt.run.sleep_ns >
		    RUNS_SHORT_SLEEP_NS ? "; [ shortens the sleep" : "");
	return buf;
}

/* The lines under the header: how far the batch is, what it shows. */
bool
batch_lines(const struct tui *t, char *l1, size_t n1, char *l2, size_t n2)
{
	const struct batch *b = &t->batch;
	const uint16_t *o;
	unsigned n, runs, k;
	char least_s[96];
	size_t used;
	int c;

	if (!b->on && !b->table)
		return false;
	snprintf(l1, n1, "many runs: %u of %u done, all with seed %llu (only "
	    "the scheduler differs)%s%s", b->st.runs, b->want,
	    (unsigned long long)t->opt.run.seed, b->on ? least(t, least_s,
	    sizeof(least_s)) : "", b->on ? "; m stops" : "");
	l2[0] = '\0';
	if ((c = stats_common(&b->st)) < 0)
		return true;
	o = stats_order(&b->st, (unsigned)c, &n, &runs);
	snprintf(l2, n2, "%u different order%s so far; the most common:",
	    b->st.norders, b->st.norders == 1 ? "" : "s");
	for (k = 0; k < n; k++) {
		used = strlen(l2);
		snprintf(l2 + used, n2 - used, " %u", o[k]);
	}
	used = strlen(l2);
	snprintf(l2 + used, n2 - used, " (%u of %u runs)", runs, b->st.runs);
	return true;
}

/* A count's shade: how often of the runs, in four steps. */
static const char *
shade(const struct theme *th, unsigned count, unsigned runs)
{
	unsigned i = count == 0 ? 0 : 1 + (3 * count + runs - 1) / runs;

	if (i == 0)
		return " ";
	return theme_sym(th, SYM_SHADE_1 + (i > 4 ? 4 : i) - 1);
}

/* One figure of a spread: seconds from nanoseconds, or a ratio. */
static const char *
figure(double v, bool secs, char *buf, size_t len)
{
	if (secs)
		return text_secs(v, 3, false, buf, len);
	snprintf(buf, len, "%.3f", v);
	return buf;
}

/* A spread as "min 1.234, median 1.300, max 1.500 s" (secs: of
   nanoseconds, in seconds), or of ratios. */
static void
spread_text(char *buf, size_t len, const char *what,
    const struct stats_spread *s, bool secs)
{
	char lo[32], mid[32], hi[32];

	snprintf(buf, len, "%s: min %s, median %s, max %s%s", what,
	    figure(s->min, secs, lo, sizeof(lo)),
	    figure(s->median, secs, mid, sizeof(mid)),
	    figure(s->max, secs, hi, sizeof(hi)), secs ? " s" : "");
}

#define CELL_W		6	/* a rank's column */
#define RANKS_X		14	/* the first rank's column */
#define FAILED_W	((int)sizeof(STATS_FAILED_WORD))	/* its column */

/* The table's rows: a process each, how often it finished in each place
   (shaded by how often), and how often it was killed or failed; the
   next line. */
static int
ranks_draw(const struct tui *t, WINDOW *w, int lines)
{
	const struct stats *st = &t->batch.st;
	const struct theme *th = &t->theme;
	unsigned i, r, c, np = st->nproc;
	char buf[32], nth[16];
	int y, x;

	mvwaddstr(w, 1, 2, "finished");
	for (r = 0; r < np; r++) {
		snprintf(buf, sizeof(buf), "%6s", text_ordinal(r + 1, nth,
		    sizeof(nth)));
		mvwaddstr(w, 1, RANKS_X + (int)r * CELL_W, buf);
	}
	mvwaddstr(w, 1, RANKS_X + (int)np * CELL_W, " " STATS_FAILED_WORD);
	for (i = 0, y = 2; i < np && y < lines - 6; i++, y++) {
		wattrset(w, th->attr[LOOK_TITLE]);
		snprintf(buf, sizeof(buf), "Process-%u", i + 1);
		mvwaddstr(w, y, 2, buf);
		for (r = 0; r < np; r++) {
			c = st->ranks[i * np + r];
			x = RANKS_X + (int)r * CELL_W;
			wattrset(w, c > 0 ? th->attr[LOOK_SLEEPING] : A_NORMAL);
			wmove(w, y, x + 1);
			theme_glyphs(w, shade(th, c, st->runs), 2);
			wattrset(w, c > 0 ? A_BOLD : th->attr[LOOK_DIM]);
			snprintf(buf, sizeof(buf), "%3u", c);
			mvwaddstr(w, y, x + 3, buf);
		}
		wattrset(w, th->attr[LOOK_DIM]);
		snprintf(buf, sizeof(buf), "%*u", FAILED_W, st->failed[i]);
		mvwaddstr(w, y, RANKS_X + (int)np * CELL_W, buf);
	}
	wattrset(w, A_NORMAL);
	return y;
}

/* Below the rows: how many orders, the wall times, against the plan. */
static void
totals_draw(const struct stats *st, WINDOW *w, int y)
{
	struct stats_spread sp;
	char buf[160];

	snprintf(buf, sizeof(buf), "%u different finishing order%s in %u runs",
	    st->norders, st->norders == 1 ? "" : "s", st->runs);
	mvwaddstr(w, y++, 2, buf);
	if (stats_spread(st->wall_ns, st->runs, &sp) == 0) {
		spread_text(buf, sizeof(buf), "wall time", &sp, true);
		mvwaddstr(w, y++, 2, buf);
	}
	if (stats_ratio(st, &sp)) {
		spread_text(buf, sizeof(buf), "wall / planned critical path",
		    &sp, false);
		mvwaddstr(w, y++, 2, buf);
		mvwaddstr(w, y, 4, "(" STATS_RATIO_WORDS ")");
	}
}

void
batch_draw(const struct tui *t)
{
	const struct stats *st = &t->batch.st;
	const struct theme *th = &t->theme;
	int lines = (int)st->nproc + 9;
	int cols = RANKS_X + (int)st->nproc * CELL_W + FAILED_W + 2;
	char buf[160];
	WINDOW *w;

	if (!t->batch.table || st->runs == 0)
		return;
	if (cols < 76)
		cols = 76;
	lines = lines > LINES ? LINES : lines;
	cols = cols > COLS ? COLS : cols;
	if ((w = newwin(lines, cols, (LINES - lines) / 2,
	    (COLS - cols) / 2)) == NULL)
		return;
	werase(w);
	box(w, 0, 0);
	wattrset(w, th->attr[LOOK_TITLE]);
	snprintf(buf, sizeof(buf), " %u runs, seed %llu: who finished where ",
	    st->runs, (unsigned long long)t->opt.run.seed);
	mvwaddstr(w, 0, 2, buf);
	totals_draw(st, w, ranks_draw(t, w, lines) + 1);
	wattrset(w, th->attr[LOOK_DIM]);
	if (lines > 2)
		mvwaddstr(w, lines - 1, 2, " any key closes; m runs 20 more ");
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
	delwin(w);
}
