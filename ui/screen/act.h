/*
 * act.h: the handlers of the keys (keys.c's table names one for each key).
 *
 * A handler takes the screen's state and the argument its key gives it
 * (which way, which scene: 0 if none), does what the key is for, and
 * returns what the loop must do then: state.h's REACT_* bits (a frame is
 * drawn after every key in any case).
 */
#ifndef PTVIZ_ACT_H
#define PTVIZ_ACT_H

struct tui;

typedef unsigned key_handler(struct tui *t, int arg);

/* The arrows' argument to act_move(). */
enum move { MOVE_UP, MOVE_DOWN, MOVE_LEFT, MOVE_RIGHT };

/* The run: quit, suspend, pause, kill, rerun (r new seed, R same seed). */
key_handler	act_quit;
key_handler	act_suspend;
key_handler	act_pause;
key_handler	act_kill;
key_handler	act_rerun_new;
key_handler	act_rerun;

/* The counts (arg: 1 more, -1 fewer), the workload, a scene or a guess
   (arg: the digit's number, 0 as 10). */
key_handler	act_threads;
key_handler	act_procs;
key_handler	act_sleep;
key_handler	act_work;
key_handler	act_digit;

/* Lessons: predict (g), take back a guess, the planned sleeps (v), many
   runs (m), reaping held (z). */
key_handler	act_predict;
key_handler	act_unguess;
key_handler	act_plans;
key_handler	act_many;
key_handler	act_hold_reap;

/* The screen: help, the view (t), big cells, the kernel's letters, the
   files (w, e). */
key_handler	act_help;
key_handler	act_view;
key_handler	act_big;
key_handler	act_kernel;
key_handler	act_write;
key_handler	act_export;

/* Selecting: the arrows (arg: enum move), a page (arg: -1, 1), the first
   or last cell (-1, 1), Enter, the mouse. */
key_handler	act_move;
key_handler	act_page;
key_handler	act_ends;
key_handler	act_enter;
key_handler	act_mouse;

/* Time: a step (arg: -1, 1), the start or the end (arg: 0, 1), live, play,
   speed (arg: -1, 1). */
key_handler	act_step;
key_handler	act_jump;
key_handler	act_live;
key_handler	act_play;
key_handler	act_speed;

#endif
