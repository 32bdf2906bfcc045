/*
 * grid.h: the process x thread grid.
 */
#ifndef PTVIZ_GRID_H
#define PTVIZ_GRID_H

#include <stdbool.h>

struct selection;
struct tui;

/* Scroll so that the selected cell shows (before drawing). */
void		 grid_scroll(struct tui *t);

/* Draw the grid as last scrolled. */
void		 grid_draw(const struct tui *t);

/* Process rows the grid shows at once: a page. */
unsigned	 grid_page(const struct tui *t);

/* The cell at screen position y, x into sel; false if there is none (a
   click on a name selects the row and keeps the thread). */
bool		 grid_hit(const struct tui *t, int y, int x,
		    struct selection *sel);

/* Process rows and thread columns the grid shows now. */
void		 grid_shown(const struct tui *t, unsigned *rows,
		    unsigned *cols);

#endif
