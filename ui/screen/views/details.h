/*
 * details.h: the details pane: the selected thread and its process.
 */
#ifndef PTVIZ_DETAILS_H
#define PTVIZ_DETAILS_H

struct tui;

/* Draw what is known of the selected thread and its process. */
void		 details_draw(const struct tui *t);

#endif
