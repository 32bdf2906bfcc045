/*
 * timeline_bars.h: the timeline's rows of bars (timeline_bars.c).
 */
#ifndef PTVIZ_TIMELINE_BARS_H
#define PTVIZ_TIMELINE_BARS_H

#include <stdbool.h>

#include "timeline_geom.h"

struct tui;

/* Draw the rows shown below the axis of g (the stopped spans: span); true
   if a row drawn is of a thread that computes. */
bool	 bars_draw(const struct tui *t, const struct tgeom *g, int span[][2],
	    int nspan);

#endif
