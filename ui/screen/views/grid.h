/*
 * grid.h: the process x thread grid, a view of the body (state.h's
 * struct view_ops).
 */
#ifndef PTVIZ_GRID_H
#define PTVIZ_GRID_H

#include "../base/state.h"

extern const struct view_ops grid_view;

/* Process rows and thread columns the grid shows now (what the kernel's
   letters are read for). */
void		 grid_shown(const struct tui *t, WINDOW *w, unsigned *rows,
		    unsigned *cols);

#endif
