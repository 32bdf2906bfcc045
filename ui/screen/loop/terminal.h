/*
 * terminal.h: the terminal the screen is drawn on.
 */
#ifndef PTVIZ_TERMINAL_H
#define PTVIZ_TERMINAL_H

#include <curses.h>
#include <stddef.h>

struct tui;

/* Take the terminal: the keys from t->in (stdin's terminal opened anew,
   or the controlling terminal), curses on stdout.  NULL, with nothing
   taken and the reason in why, if this terminal cannot show the screen
   (TERM unset or unknown, no cursor addressing). */
SCREEN	*terminal_open(struct tui *t, char *why, size_t whylen);

/* Set curses up the way the loop needs it: raw keys, no echo, the mouse,
   the theme, the input pad; -1 if the pad cannot be made. */
int	 terminal_setup(struct tui *t);

/* Leave curses: the terminal as it was before. */
void	 terminal_close(struct tui *t, SCREEN *scr);

#endif
