/*
 * batch.h: what a batch of many runs shows.
 */
#ifndef PTVIZ_BATCH_H
#define PTVIZ_BATCH_H

#include <stdbool.h>
#include <stddef.h>

struct tui;

/* The two lines under the header while a batch goes or its table is up;
   false if neither. */
bool		 batch_lines(const struct tui *t, char *l1, size_t n1, char *l2,
		    size_t n2);

/* The table of the batch, over the screen, when it is up. */
void		 batch_draw(const struct tui *t);

#endif
