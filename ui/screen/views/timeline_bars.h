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

/* The legend of the timeline's marks on row y of g's window, from the
   table that draws them: each phase's bar or line, a process's line, the
   moment shown. */
void	 bars_legend(const struct tui *t, const struct tgeom *g, int y);

#endif
