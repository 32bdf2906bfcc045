/*
 * layout.h: where each part of the screen goes.
 */
#ifndef PTVIZ_LAYOUT_H
#define PTVIZ_LAYOUT_H

#include <stdbool.h>

struct layout;
struct tui;

/* Tile the screen for the view shown: header, body, log beside details,
   footer.  On a screen too small for that, t->lay.too_small and no
   panes. */
void	layout_build(struct tui *t);

/* Free the panes (not the input pad, which lives as long as curses). */
void	layout_free(struct layout *l);

/* Whether the header now takes other rows than the layout gave it (a note
   or a caption came, went, or wraps otherwise): then layout_build(). */
bool	layout_header_moved(struct tui *t);

/* Instead of a broken screen: what is wrong, centred, word-wrapped. */
void	layout_too_small_draw(void);

#endif
