/*
 * tui.h: the live screen (DESIGN.md section 5), for a terminal that can
 * show it.
 */
#ifndef PTVIZ_TUI_H
#define PTVIZ_TUI_H

#include <stddef.h>

struct options;
struct recording;

/* Run the screen until the user quits; the exit status (2 if the replay
   was refused part way: the screen is left and the line told).  -1, with
   nothing started and the reason in why, if this terminal cannot show it.
   A signal that ends it leaves curses, kills and reaps the children, then
   ends ptviz with that signal. */
int	tui_main(const struct options *o, struct recording *replay,
	    char *why, size_t whylen);

#endif
