/*
 * timeline_bars.h: the timeline's rows of bars (timeline_bars.c).
 */
#ifndef PTVIZ_TIMELINE_BARS_H
#define PTVIZ_TIMELINE_BARS_H

#include "timeline_geom.h"

struct tui;

/* Draw the rows shown below the axis of g (the stopped spans: span). */
void	 bars_draw(const struct tui *t, const struct tgeom *g, int span[][2],
	    int nspan);

#endif
