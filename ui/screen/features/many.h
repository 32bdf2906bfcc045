/*
 * many.h: many runs on the screen (m): a batch of runs of one
 * configuration, counted as --runs counts them.
 */
#ifndef PTVIZ_MANY_H
#define PTVIZ_MANY_H

struct tui;

/* m: start a batch of runs, or stop the one going and show its table;
   the reaction (REACT_*). */
unsigned	 many_toggle(struct tui *t);

/* A run ended: count it in the batch and ask for the next (REACT_RERUN),
   or show the table after the last. */
unsigned	 many_run_ended(struct tui *t);

#endif
