/*
 * grid_geom.h: where the grid's parts go (grid_geom.c): one geometry for
 * drawing, scrolling, paging and hit testing.
 */
#ifndef PTVIZ_GRID_GEOM_H
#define PTVIZ_GRID_GEOM_H

#include <curses.h>

struct tui;

#define GGEOM_BIG	2	/* big cells: how many times as large */
#define GGEOM_PID_W	7	/* the pid column */
#define GGEOM_TRACED_W	26	/* a traced process's name: its place in
				   the tree, "sh → sleep" */

/* Where the parts of the grid go in its window. */
struct ggeom {
	WINDOW		*w;		/* the window drawn into */
	int		 name_w;	/* "Process-N" at its widest */
	int		 pid_x;		/* 0: no pid column */
	int		 state_x;
	int		 cells_x;	/* first column of the first cell */
	int		 cw;		/* a cell, gap excluded */
	int		 step;		/* from one cell to the next */
	unsigned	 ncols;		/* thread columns shown */
	unsigned	 nrows;		/* process rows shown */
	int		 pitch;		/* lines from one row to the next */
	int		 tall;		/* lines of a cell: 1, or GGEOM_BIG:
					   then ranks and names are big too */
	int		 top;		/* the first row's line: below the
					   column heading */
};

/* Where everything goes in a grid window of this size. */
void	 ggeom_make(const struct tui *t, WINDOW *win, struct ggeom *g);

/* Scroll so that the selected cell is in view. */
void	 ggeom_follow(struct tui *t, const struct ggeom *g);

#endif
