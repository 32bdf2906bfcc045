/*
 * code.h: the code pane: the lines a thread of the workload runs, the
 * selected thread's marked, and how many threads are on each.
 */
#ifndef PTVIZ_CODE_H
#define PTVIZ_CODE_H

struct tui;

/* Draw the workload's code at the moment shown, if the pane is up. */
void		 code_draw(const struct tui *t);

#endif
