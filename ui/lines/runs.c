/*
 * runs.c: what --runs prints (stream.h's runs printers), from the counts
 * of src/stats.h.
 *
 * --plain prints nothing while the runs go (stream.c shows the progress
 * on stderr), then a table -- a row a process, a column a rank, a column
 * of the runs it was killed or failed in, a total row -- and three lines:
 * the finishing orders, the wall times, the planned critical path and the
 * ratio of the two.  --json prints a "run_summary" record after each run
 * and a "runs" record at the end, and no event: ptviz(1) names every
 * field.  Only numbers and fixed names are written, so nothing needs
 * escaping.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/spawn.h"
#include "../../src/stats.h"
#include "../../src/text.h"
#include "../../src/work.h"
#include "../options.h"
#include "runs.h"

/* ns as a person reads it: "0 s", "412 us", "3.18 ms", "2.914 s". */
static const char *
human(double ns, char *buf, size_t len)
{
	char secs[32];

	if (ns == 0)
		snprintf(buf, len, "0 s");
	else if (ns < 1e6)
		snprintf(buf, len, "%.0f us", ns / 1e3);
	else if (ns < 1e9)
		snprintf(buf, len, "%.2f ms", ns / 1e6);
	else
		snprintf(buf, len, "%s s", text_secs(ns, 3, false, secs,
		    sizeof(secs)));
	return buf;
}

const char *
runs_human(uint64_t ns, char *buf, size_t len)
{
	uint64_t s = (ns + 500000000) / 1000000000;

	if (ns < 60000000000ull)
		return human((double)ns, buf, len);
	snprintf(buf, len, "%" PRIu64 " min %" PRIu64 " s", s / 60, s % 60);
	return buf;
}

uint64_t
runs_least_ns(const struct run_config *cfg, unsigned runs)
{
	uint64_t ns;

	if (!stats_critical_ns(cfg, &ns))
		return 0;
	return ns * runs;
}

void
runs_say_before(FILE *fp, const struct run_config *cfg, unsigned runs)
{
	struct run_config shorter = *cfg;
	uint64_t least = runs_least_ns(cfg, runs), crit;
	char a[32], b[32];

	if (least < RUNS_SAY_NS || !stats_critical_ns(cfg, &crit))
		return;
	fprintf(fp, "ptviz: %u run%s take at least %s: each its plan's "
	    "critical path, %s\n", runs, runs == 1 ? "" : "s",
	    runs_human(least, a, sizeof(a)), runs_human(crit, b, sizeof(b)));
	if (least < RUNS_LONG_NS || cfg->sleep_ns <= RUNS_SHORT_SLEEP_NS)
		return;
	shorter.sleep_ns = RUNS_SHORT_SLEEP_NS;
	fprintf(fp, "ptviz: -s %s would take about %s, and leave more of the "
	    "order to the scheduler\n", text_secs(RUNS_SHORT_SLEEP_NS, 3, true,
	    b, sizeof(b)), runs_human(runs_least_ns(&shorter, runs), a,
	    sizeof(a)));
}

/* Is process i (1-based) in order[0..n-1]? */
static bool
in_order(const uint16_t *order, unsigned n, unsigned i)
{
	unsigned k;

	for (k = 0; k < n; k++)
		if (order[k] == i)
			return true;
	return false;
}

/* order[0..n-1] as a JSON array, or its numbers spaced (json false). */
static void
put_order(FILE *fp, const uint16_t *order, unsigned n, bool json)
{
	unsigned k;

	if (json)
		fputc('[', fp);
	for (k = 0; k < n; k++)
		fprintf(fp, "%s%u", k == 0 ? "" : json ? "," : " ", order[k]);
	if (json)
		fputc(']', fp);
}

/* A spread as a JSON object of whole nanoseconds, or of ratios. */
static void
put_spread(FILE *fp, const char *name, const struct stats_spread *sp,
    bool ratio)
{
	if (ratio)
		fprintf(fp, "\"%s\":{\"min\":%.4f,\"median\":%.4f,"
		    "\"max\":%.4f}", name, sp->min, sp->median, sp->max);
	else
		fprintf(fp, "\"%s\":{\"min\":%.0f,\"median\":%.0f,"
		    "\"max\":%.0f}", name, sp->min, sp->median, sp->max);
}

static void
json_run(FILE *fp, const struct options *o, const struct run_config *cfg,
    const struct stats *st, unsigned k)
{
	const uint16_t *order;
	unsigned n, i, failed = 0;
	uint64_t critical;

	(void)o;
	order = stats_last_order(st, &n);
	fprintf(fp, "{\"event\":\"run_summary\",\"run\":%u,\"seed\":%" PRIu64
	    ",\"order\":", k, cfg->seed);
	put_order(fp, order, n, true);
	fputs(",\"failed\":[", fp);
	for (i = 1; i <= st->nproc; i++)
		if (!in_order(order, n, i))
			fprintf(fp, "%s%u", failed++ ? "," : "", i);
	fprintf(fp, "],\"wall_ns\":%" PRIu64 ",\"critical_ns\":",
	    st->wall_ns[st->runs - 1]);
	if (stats_critical_ns(cfg, &critical))
		fprintf(fp, "%" PRIu64 "}\n", critical);
	else
		fputs("null}\n", fp);
}

static void
json_end(FILE *fp, const struct options *o, const struct stats *st,
    bool stopped)
{
	const struct run_config *c = &o->run;
	struct stats_spread sp;
	const uint16_t *order;
	unsigned i, r, n, runs;
	int common = stats_common(st);
	char secs[32];

	fprintf(fp, "{\"event\":\"runs\",\"runs\":%u,\"asked\":%u,"
	    "\"stopped\":%s,\"processes\":%u,\"threads\":%u,"
	    "\"sleep_s\":%s,\"seed\":%" PRIu64 ",\"vary_seed\":%s,"
	    "\"work\":\"%s\",\"ranks\":[", st->runs, o->runs,
	    stopped ? "true" : "false", c->nproc, c->nthread,
	    text_secs((double)c->sleep_ns, 9, false, secs, sizeof(secs)),
	    c->seed, o->vary_seed ? "true" : "false", work_name(c->work));
	for (i = 0; i < st->nproc; i++) {
		fputs(i == 0 ? "[" : ",[", fp);
		for (r = 0; r < st->nproc; r++)
			fprintf(fp, "%s%" PRIu32, r == 0 ? "" : ",",
			    st->ranks[(size_t)i * st->nproc + r]);
		fputc(']', fp);
	}
	fputs("],\"failed\":[", fp);
	for (i = 0; i < st->nproc; i++)
		fprintf(fp, "%s%" PRIu32, i == 0 ? "" : ",", st->failed[i]);
	fprintf(fp, "],\"orders\":%u,\"common_order\":", st->norders);
	if (common >= 0) {
		order = stats_order(st, (unsigned)common, &n, &runs);
		put_order(fp, order, n, true);
		fprintf(fp, ",\"common_runs\":%u,", runs);
	} else {
		fputs("null,\"common_runs\":0,", fp);
	}
	if (st->runs > 0 && stats_spread(st->wall_ns, st->runs, &sp) == 0)
		put_spread(fp, "wall_ns", &sp, false);
	else
		fputs("\"wall_ns\":null", fp);
	fputc(',', fp);
	if (st->runs > 0 && stats_critical_ns(c, NULL) &&
	    stats_spread(st->critical_ns, st->runs, &sp) == 0)
		put_spread(fp, "critical_ns", &sp, false);
	else
		fputs("\"critical_ns\":null", fp);
	fputc(',', fp);
	if (stats_critical_ns(c, NULL) && stats_ratio(st, &sp))
		put_spread(fp, "ratio", &sp, true);
	else
		fputs("\"ratio\":null", fp);
	fputs("}\n", fp);
}

static void
plain_run(FILE *fp, const struct options *o, const struct run_config *cfg,
    const struct stats *st, unsigned k)
{
	(void)fp;
	(void)o;
	(void)cfg;
	(void)st;
	(void)k;
}

/* The header line: what ran, how often, with which seeds. */
static void
plain_header(FILE *fp, const struct options *o, const struct stats *st,
    bool stopped)
{
	const struct run_config *c = &o->run;
	char t[32];

	if (stopped)
		fprintf(fp, "stopped by a signal after %u of %u runs", st->runs,
		    o->runs);
	else
		fprintf(fp, "%u run%s", st->runs, st->runs == 1 ? "" : "s");
	fprintf(fp, " of %u process%s x %u thread%s, -w %s, sleep up to %s, ",
	    c->nproc, c->nproc == 1 ? "" : "es", c->nthread,
	    c->nthread == 1 ? "" : "s", work_name(c->work),
	    human((double)c->sleep_ns, t, sizeof(t)));
	if (o->vary_seed && st->runs > 1)
		fprintf(fp, "seeds %" PRIu64 " to %" PRIu64 " (one a run)\n",
		    c->seed, c->seed + st->runs - 1);
	else
		fprintf(fp, "seed %" PRIu64 "%s\n", c->seed, o->vary_seed ?
		    "" : " (the same each run)");
}

/* The table: a row a process, a column a rank, then failed. */
static void
plain_table(FILE *fp, const struct stats *st)
{
	unsigned i, r, w, name_w, n = st->nproc;
	uint32_t sum;
	char buf[24];

	w = (unsigned)snprintf(buf, sizeof(buf), "%u", st->runs);
	w = (w > (unsigned)strlen(text_ordinal(n, buf, sizeof(buf))) ? w :
	    (unsigned)strlen(buf)) + 2;
	if (w < 6)
		w = 6;
	name_w = (unsigned)snprintf(buf, sizeof(buf), "Process-%u", n);
	fprintf(fp, "%-*s", (int)name_w, "finished");
	for (r = 1; r <= n; r++)
		fprintf(fp, "%*s", (int)w, text_ordinal(r, buf, sizeof(buf)));
	fprintf(fp, "  %s\n", STATS_FAILED_WORD);
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "Process-%u", i + 1);
		fprintf(fp, "%-*s", (int)name_w, buf);
		for (r = 0; r < n; r++)
			fprintf(fp, "%*" PRIu32, (int)w,
			    st->ranks[(size_t)i * n + r]);
		fprintf(fp, "  %*" PRIu32 "\n",
		    (int)strlen(STATS_FAILED_WORD), st->failed[i]);
	}
	fprintf(fp, "%-*s", (int)name_w, "total");
	for (r = 0; r < n; r++) {
		for (sum = 0, i = 0; i < n; i++)
			sum += st->ranks[(size_t)i * n + r];
		fprintf(fp, "%*" PRIu32, (int)w, sum);
	}
	for (sum = 0, i = 0; i < n; i++)
		sum += st->failed[i];
	fprintf(fp, "  %*" PRIu32 "\n", (int)strlen(STATS_FAILED_WORD), sum);
}

/* "min 1.21 ms, median 1.48 ms, max 3.10 ms", or one figure when all
   are the same. */
static void
plain_spread(FILE *fp, const struct stats_spread *sp, bool ratio)
{
	char a[32], b[32], c[32];

	if (ratio)
		fprintf(fp, "min %.2f, median %.2f, max %.2f", sp->min,
		    sp->median, sp->max);
	else if (sp->min == sp->max)
		fputs(human(sp->min, a, sizeof(a)), fp);
	else
		fprintf(fp, "min %s, median %s, max %s",
		    human(sp->min, a, sizeof(a)),
		    human(sp->median, b, sizeof(b)),
		    human(sp->max, c, sizeof(c)));
}

static void
plain_end(FILE *fp, const struct options *o, const struct stats *st,
    bool stopped)
{
	const char *about = work_critical_about(o->run.work);
	struct stats_spread sp;
	const uint16_t *order;
	unsigned n, runs;
	int common;

	plain_header(fp, o, st, stopped);
	if (st->runs == 0)
		return;
	fputc('\n', fp);
	plain_table(fp, st);
	fputc('\n', fp);
	common = stats_common(st);
	order = stats_order(st, (unsigned)common, &n, &runs);
	fprintf(fp, "finishing orders: %u different; the most common: ",
	    st->norders);
	if (n == 0)
		fputs("none finished", fp);
	else
		put_order(fp, order, n, false);
	fprintf(fp, " (%u of %u runs)\n", runs, st->runs);
	fputs("wall time, main running to main done: ", fp);
	if (stats_spread(st->wall_ns, st->runs, &sp) == 0)
		plain_spread(fp, &sp, false);
	fputs("\ncritical path planned", fp);
	if (!stats_critical_ns(&o->run, NULL)) {
		fprintf(fp, ": - (%s)\n", about);
		return;
	}
	fprintf(fp, " (%s): ", about);
	if (stats_spread(st->critical_ns, st->runs, &sp) == 0)
		plain_spread(fp, &sp, false);
	fputs("\nwall / critical path: ", fp);
	if (stats_ratio(st, &sp)) {
		plain_spread(fp, &sp, true);
		fputs("\n  (" STATS_RATIO_WORDS ")", fp);
	} else
		fputs("- (nothing planned to wait for)", fp);
	fputc('\n', fp);
}

const struct runs_printer plain_runs = { plain_run, plain_end };
const struct runs_printer json_runs = { json_run, json_end };
