/*
 * timeline_share.h: a CPU-bound thread's row of the timeline, column by
 * column by its share of a CPU (timeline_share.c).
 */
#ifndef PTVIZ_TIMELINE_SHARE_H
#define PTVIZ_TIMELINE_SHARE_H

#include <stdint.h>

#include "timeline_geom.h"

struct tui;

/* The thread was on a CPU from `a` to `b`: add that time to each column
   of on[] (g->cols of them, ns) it falls in. */
void	 tshare_add(const struct tgeom *g, uint64_t *on, uint64_t a,
	    uint64_t b);

/* Draw on row y the columns from `a` (it began computing) to `b` (its end
   or the moment shown), each a level by the share of that column's time
   the thread was on a CPU (on[]), or the waiting line where it was on
   none; the columns of a pause (span) in the stopped look.  The last
   column drawn. */
int	 tshare_draw(const struct tui *t, const struct tgeom *g, int y,
	    const uint64_t *on, uint64_t a, uint64_t b, const int span[][2],
	    int nspan);

/* The legend of those levels on row y from column x, if the run shown
   computes. */
void	 tshare_legend(const struct tui *t, const struct tgeom *g, int y,
	    int x);

#endif
