/*
 * nav.h: the handlers of the screen's keys (see act.h for what a handler
 * is).
 */
#ifndef PTVIZ_NAV_H
#define PTVIZ_NAV_H

#include "act.h"

/* The arrows' argument to nav_move(). */
enum move { MOVE_UP, MOVE_DOWN, MOVE_LEFT, MOVE_RIGHT };

/* q, Ctrl-C: quit; Ctrl-Z: give the shell back; ?: the help. */
key_handler	nav_quit;
key_handler	nav_suspend;
key_handler	nav_help;

/* t: the next view; b: big cells; K: the kernel's letters; c: the code
   pane; w, e, i: the run to a recording, to a Chrome trace, the moment shown to a picture. */
key_handler	nav_view;
key_handler	nav_big;
key_handler	nav_kernel;
key_handler	nav_code;
key_handler	nav_write;
key_handler	nav_export;
key_handler	nav_picture;

/* Selecting: the arrows (arg: enum move), a page (arg: -1, 1), the first
   or the last cell (arg: -1, 1), the mouse. */
key_handler	nav_move;
key_handler	nav_page;
key_handler	nav_ends;
key_handler	nav_mouse;

/* Time: a step (arg: -1, 1), the start or the end (arg: 0, 1), live,
   play, the speed (arg: -1, 1). */
key_handler	nav_step;
key_handler	nav_jump;
key_handler	nav_live;
key_handler	nav_play;
key_handler	nav_speed;

#endif
