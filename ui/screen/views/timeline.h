/*
 * timeline.h: time left to right, a bar a thread.
 */
#ifndef PTVIZ_TIMELINE_H
#define PTVIZ_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct selection;
struct tui;

/* Scroll so that the selected row shows (before drawing). */
void		 timeline_scroll(struct tui *t);

/* Draw the timeline as last scrolled. */
void		 timeline_draw(const struct tui *t);

/* Nanoseconds one column of the axis stands for (at least 1). */
uint64_t	 timeline_col_ns(const struct tui *t);

/* Is process i folded into one row now? */
bool		 timeline_folded(const struct tui *t, unsigned i);

/* The row at screen position y, x into sel; false if there is none. */
bool		 timeline_hit(const struct tui *t, int y, int x,
		    struct selection *sel);

#endif
