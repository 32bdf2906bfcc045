/*
 * stream.h: the front ends that print lines instead of drawing a screen
 * (--plain and --json), and the loop they share.
 */
#ifndef PTVIZ_STREAM_H
#define PTVIZ_STREAM_H

#include "printer.h"

struct options;
struct recording;

extern const struct printer silent_printer;	/* nothing: a conversion */

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
