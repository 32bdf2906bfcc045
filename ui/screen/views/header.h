/*
 * header.h: the header of the screen.
 */
#ifndef PTVIZ_HEADER_H
#define PTVIZ_HEADER_H

struct tui;

/* Draw the header's lines: what runs, how far, the notes, and the lines
   of a caption, a prediction or a batch below them when there is room. */
void		 header_draw(const struct tui *t);

#endif
