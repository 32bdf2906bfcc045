/*
 * keys.h: the key table, and the footer and help it generates.
 */
#ifndef PTVIZ_KEYS_H
#define PTVIZ_KEYS_H

#include "act.h"

struct tui;

/* The action a key asks for; ACT_NONE if none. */
enum action	 keys_action(int key);

/* Draw the footer: the keys that fit, those of time first while
   travelling in it. */
void		 keys_draw_footer(const struct tui *t);

/* Draw the help overlay over the rest. */
void		 keys_draw_help(const struct tui *t);

#endif
