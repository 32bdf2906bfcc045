/*
 * stream.h: the front ends that print lines instead of drawing a screen
 * (--plain and --json), and the loop they share.
 */
#ifndef PTVIZ_STREAM_H
#define PTVIZ_STREAM_H

#include <stdio.h>

struct event;
struct model;
struct options;
struct recording;

struct printer {
	/* Before the first event. */
	void	(*start)(FILE *fp, const struct options *o);
	/* After ev was applied to m (events the model ignored never come). */
	void	(*event)(FILE *fp, const struct model *m,
		    const struct event *ev);
};

extern const struct printer plain_printer;	/* plain.c */
extern const struct printer json_printer;	/* json.c */

/* Run once -- or replay rec, if not NULL -- printing with p to stdout; the
   exit status (0 or 1).  A signal that ends it kills and reaps the
   children, then ends ptviz with it. */
int	stream_main(const struct options *o, const struct printer *p,
	    const struct recording *rec);

#endif
