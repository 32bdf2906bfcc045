/*
 * share.h: how much of a CPU each CPU-bound thread on screen gets, for the
 * grid's cells (share.c).
 */
#ifndef PTVIZ_SHARE_H
#define PTVIZ_SHARE_H

#include <stdbool.h>

struct share_cell;
struct tui;

/* Before drawing a frame: work out, for the grid's `rows` processes and
   `cols` threads from its first shown, whether each CPU-bound thread is
   on a CPU at the moment shown and its share of a CPU over the second
   before; nothing when the grid is not shown. */
void		 share_frame(struct tui *t, unsigned rows, unsigned cols);

/* What share_frame() found for thread j of process i, or NULL: it is not
   CPU-bound at the moment shown, or not on screen. */
const struct share_cell *share_cell(const struct tui *t, unsigned i,
		    unsigned j);

/* Free what the share view holds. */
void		 share_free(struct tui *t);

#endif
