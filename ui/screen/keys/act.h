/*
 * act.h: the handlers of the keys that act on the run (keys.c's table
 * names one for each key; lesson.h and nav.h have the others).
 *
 * A handler takes the screen's state and the argument its key gives it
 * (which way, which scene: 0 if none), does what the key is for, and
 * returns what the loop must do then: state.h's REACT_* bits (a frame is
 * drawn after every key in any case).
 */
#ifndef PTVIZ_ACT_H
#define PTVIZ_ACT_H

struct run_config;
struct tui;

typedef unsigned key_handler(struct tui *t, int arg);

/* The one way a key starts a run: the run on screen is to be replaced by
   a live run of next, if this machine can hold it -- REACT_RERUN -- or,
   refused, a note in the header and REACT_NONE. */
unsigned	act_start(struct tui *t, const struct run_config *next);

/* r, R: rerun with a new seed, or the same (to compare with the run
   before); + - > < ] [ (arg: 1 more, -1 fewer): threads, processes,
   the longest sleep; W: the next workload. */
key_handler	act_rerun_new;
key_handler	act_rerun;
key_handler	act_threads;
key_handler	act_procs;
key_handler	act_sleep;
key_handler	act_work;

/* Space: pause or resume; k: kill the selected process; z: hold or
   release reaping; m: many runs, or stop them. */
key_handler	act_pause;
key_handler	act_kill;
key_handler	act_hold_reap;
key_handler	act_step;
key_handler	act_many;

/* i: type a line to a traced program (features/typing.h). */
unsigned	 act_type(struct tui *t, int arg);

#endif
