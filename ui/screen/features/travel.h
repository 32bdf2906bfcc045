/*
 * travel.h: the moment shown -- following the run, a moment of its
 * past, or playing it back.
 */
#ifndef PTVIZ_TRAVEL_H
#define PTVIZ_TRAVEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tui;

/* Follow the run again: the live model, the newest moment. */
void		 travel_live(struct tui *t);

/* Show the moment after the history's first k events; the end of a run
   that has ended is the live screen. */
void		 travel_to(struct tui *t, size_t k);

/* Show the moment `when` (CLOCK_MONOTONIC, the run's clock). */
void		 travel_to_time(struct tui *t, uint64_t when);

/* Move the moment shown by `by` steps of step_ns (the timeline gives a
   column's). */
void		 travel_step(struct tui *t, int by, uint64_t step_ns);

/* Play the history from the moment shown (the start, if that is now). */
void		 travel_play(struct tui *t);

/* One step faster (by > 0) or slower; false if there is none. */
bool		 travel_speed(struct tui *t, int by);

/* Each frame: the moment to show now, following or playing; true if
   playing moved it (a frame is due). */
bool		 travel_advance(struct tui *t);

#endif
