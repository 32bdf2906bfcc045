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

/* Draw the help overlay over the rest: the page t->help_page of it, if
   the screen is too short for all of it. */
void		 keys_draw_help(const struct tui *t);

/* A key while the help is up: space or PgDn turn to the next page (and
   close the last), PgUp to the one before, any other key closes it; the
   reaction. */
unsigned	 keys_help_key(struct tui *t, int key);

#endif
