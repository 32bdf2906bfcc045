/*
 * keys.h: the key table, and the footer and help it generates.
 */
#ifndef PTVIZ_KEYS_H
#define PTVIZ_KEYS_H

#include "act.h"

struct tui;

/* Carry key out: its handler's reaction (state.h's REACT_*), or, for a
   key that acts on the run in a replay, a note and REACT_NONE. */
unsigned	 keys_do(struct tui *t, int key);

/* The handler of key, to tell one key from another (act_quit); NULL if
   it has none. */
key_handler	*keys_handler(int key);

/* Draw the footer: the keys that fit, those of time first while
   travelling in it. */
void		 keys_draw_footer(const struct tui *t);

/* Draw the help overlay over the rest. */
void		 keys_draw_help(const struct tui *t);

#endif
