/*
 * grid_cell.h: one cell of the grid (grid_cell.c).
 */
#ifndef PTVIZ_GRID_CELL_H
#define PTVIZ_GRID_CELL_H

struct ggeom;
struct tui;

/* Draw thread j of process i as a cell at y, x of g's window: its glyph
   and what fits after it; the selection's marks if it is selected. */
void	 gcell_draw(const struct tui *tu, const struct ggeom *g, int y, int x,
	    unsigned i, unsigned j);

/* The lower line, at y, x, of the tall cell of thread j of process i. */
void	 gcell_lower(const struct tui *tu, const struct ggeom *g, int y,
	    int x, unsigned i, unsigned j);

#endif
