/*
 * stream.h: the front ends that print lines instead of drawing a screen
 * (--plain and --json), and the loop they share.
 */
#ifndef PTVIZ_STREAM_H
#define PTVIZ_STREAM_H

#include <stdbool.h>
#include <stdio.h>

struct event;
struct model;
struct options;
struct recording;
struct run_config;
struct stats;

struct printer {
	/* Before the first event. */
	void	(*start)(FILE *fp, const struct options *o);
	/* After ev was applied to m (events the model ignored never come). */
	void	(*event)(FILE *fp, const struct model *m,
		    const struct event *ev);
};

extern const struct printer plain_printer;	/* plain.c */
extern const struct printer json_printer;	/* json.c */
extern const struct printer silent_printer;	/* nothing: a conversion */

/* What --runs prints: after each run, and at the end. */
struct runs_printer {
	/* Run k (from 1) of cfg was just counted in st. */
	void	(*run)(FILE *fp, const struct options *o,
		    const struct run_config *cfg, const struct stats *st,
		    unsigned k);
	/* Every run was counted, or (stopped) those before a signal. */
	void	(*end)(FILE *fp, const struct options *o,
		    const struct stats *st, bool stopped);
};

extern const struct runs_printer plain_runs;	/* runs.c */
extern const struct runs_printer json_runs;	/* runs.c */

/* Run once -- or replay rec, if not NULL, as it is read -- printing with p
   to stdout; the exit status (0 or 1; 2 if rec was refused part way, told
   in one line).  A signal that ends it kills and reaps the children, then
   ends ptviz with it. */
int	stream_main(const struct options *o, const struct printer *p,
	    struct recording *rec);

/* Run o->runs times, one after another, counting each run and printing
   with p to stdout; the exit status (0 or 1), or death by the signal that
   ended it, after what was counted so far was printed. */
int	stream_runs(const struct options *o, const struct runs_printer *p);

#endif
