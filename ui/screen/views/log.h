/*
 * log.h: the log pane.
 */
#ifndef PTVIZ_LOG_H
#define PTVIZ_LOG_H

struct tui;

/* Draw the reference lines of the history up to the cursor. */
void		 log_draw(const struct tui *t);

#endif
