/*
 * header.h: the header of the screen.
 */
#ifndef PTVIZ_HEADER_H
#define PTVIZ_HEADER_H

#include <curses.h>

struct tui;

/* Draw the header into w, as wide as the screen and as tall as the header
   may grow: what runs, how far, the notes, and the lines of a caption, a
   prediction or a batch below them if they fit whole, each wrapped onto
   the rows it needs.  The rows it took: the layout gives it those. */
int		 header_draw(const struct tui *t, WINDOW *w);

#endif
