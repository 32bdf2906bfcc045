/*
 * timeline_geom.h: where the timeline's parts go (timeline_geom.c).
 */
#ifndef PTVIZ_TIMELINE_GEOM_H
#define PTVIZ_TIMELINE_GEOM_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tui;

#define STOPS_MAX	64	/* stopped spans drawn on the axis */

/* Where the parts of the body go, and the time each column stands for. */
struct tgeom {
	WINDOW		*w;		/* the window drawn into, or NULL */
	int		 name_w;	/* "Process-N" at its widest */
	int		 state_x;
	int		 x0;		/* first column of the axis */
	int		 cols;		/* columns of the axis */
	uint64_t	 t0;		/* the run's start */
	uint64_t	 col_ns;	/* time a column stands for */
	int		 rows;		/* rows below the axis */
};

/* A row of the timeline: a process (thread 0) or one of its threads. */
struct trow {
	unsigned	 proc, thread;
};

/* Where everything goes in the body as it is now. */
void	 tgeom_make(const struct tui *t, WINDOW *w, struct tgeom *g);

/* The column of time `when` (clamped to the axis). */
int	 tgeom_col(const struct tgeom *g, uint64_t when);

/* Is process i folded into one row now? */
bool	 tgeom_folded(const struct tui *t, unsigned i);

/* The index of the selection's row among all rows. */
size_t	 tgeom_selected_row(const struct tui *t);

/* Row n of all rows, counting from the first process's; false past the
   last. */
bool	 tgeom_row_at(const struct tui *t, size_t n, struct trow *row);

/* Spans when every child was stopped, up to the moment shown, as column
   ranges: [from, to] pairs; the number of pairs (at most STOPS_MAX). */
int	 tgeom_stops(const struct tui *t, const struct tgeom *g,
	    int span[][2]);

/* The axis: seconds, the stopped spans, and the moment shown. */
void	 tgeom_axis_draw(const struct tui *t, const struct tgeom *g,
	    int span[][2], int nspan);

#endif
