/*
 * typing.h: typing to a traced program (ptviz -- COMMAND), which runs on
 * a terminal of its own (src/ptyout.h): `i` opens a line in the footer,
 * Enter sends it with its newline as if typed on that terminal.
 */
#ifndef PTVIZ_TYPING_H
#define PTVIZ_TYPING_H

#include <stdbool.h>

struct tui;

/* i: open the line, if a traced program runs on a terminal of its own
   (else a note says why not); the reaction (REACT_*). */
unsigned	 typing_start(struct tui *t);

/* Key c while the line is open: text, Backspace, Enter (send), Esc
   (close), Ctrl-C and Ctrl-D (sent as they are: an interrupt, the end
   of input); the reaction. */
unsigned	 typing_key(struct tui *t, int c);

/* The line as the footer shows it, "to the program: ..." (NULL: the
   line is not open). */
const char	*typing_prompt(const struct tui *t, char *buf, size_t len);

#endif
