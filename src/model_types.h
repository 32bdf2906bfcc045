/*
 * model_types.h: the model's data -- a thread, a process, the run -- on
 * its own, so that model.c and the rules it calls (model_objects.c) share
 * it without including each other.  model.h says what the fields mean
 * together and how they change; only model.c and model_objects.c write
 * them.
 */
#ifndef PTVIZ_MODEL_TYPES_H
#define PTVIZ_MODEL_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "busy.h"
#include "event.h"

struct model_thread {
	uint8_t		 state;
	int32_t		 tid;
	uint32_t	 rank;		/* finishing order from 1; 0 before */
	uint8_t		 what;		/* waiting: for what (enum object_kind) */
	uint8_t		 holds;		/* HOLD_* bits: what it holds now */
	uint16_t	 object;	/* waiting: which one */
	bool		 deadlocked;	/* in a cycle of waits */
	uint16_t	 blocker;	/* deadlocked: the thread of the cycle
					   it waits for */
	bool		 recovered;	/* took the global mutex from a holder
					   that died */
	uint64_t	 sleep_ns;	/* planned: the sleep, or the CPU time
					   or time held of the phase now */
	uint64_t	 plan_ns;	/* planned: every busy phase's so far
					   (a barrier's two sleeps), the
					   measure of busy_ns */
	uint64_t	 t_running;	/* event times, 0 until they happen */
	uint64_t	 t_sleeping;	/* first busy: sleeping, computing or
					   holding */
	uint64_t	 t_done;	/* done, lost or failed */
	uint64_t	 t_state;	/* when it entered its state now */
	uint64_t	 t_hold;	/* when it took what it holds now */
	uint64_t	 busy_ns;	/* busy phases ended so far */
	uint64_t	 wait_ns;	/* waits ended so far */
	uint64_t	 cpu_ns;	/* done: CPU time it measured (cpu) */
	int		 err;		/* failed: errno of pthread_create */
	uint8_t		 kclass;	/* traced: what the kernel says it
					   does now (enum taskstate_class),
					   as last sampled (ST_KSTATE) */
	uint16_t	 kobject;	/* traced: ST_KSTATE's object */
	int64_t		 kaddr;		/* traced: its futex word,
					   descriptor or call */
	uint64_t	 t_kstate;	/* traced: when kclass was told; 0
					   not yet */
	uint8_t		 move;		/* its last move (enum move_kind),
					   MOVE_NONE before its first */
	uint32_t	 mval;		/* and that move's value */
	uint32_t	 rounds;	/* rounds of its loop made: the race's
					   updates, the queue's items */
	bool		 gated;		/* at its gate (ST_GATE), in its
					   state still, until its next event */
	uint64_t	 t_gate;	/* ... since then */
};

/* What a thread holds: the per-process mutexes by number, the global
   mutex, a permit of the semaphore. */
#define HOLD_MUTEX(o)	(1u << (o))
#define HOLD_GMUTEX	(1u << OBJ_MUTEXES)
#define HOLD_SEM	(1u << (OBJ_MUTEXES + 1))

struct model_proc {
	uint8_t		 state;
	bool		 reaped;
	int32_t		 pid;
	int		 wstatus;	/* waitpid() status once reaped, -1 if
					   it was never forked */
	uint32_t	 rank;		/* order of reaping from 1; 0 before */
	uint32_t	 done_rank;	/* order of its "done" from 1: the order
					   the reference lines print */
	unsigned	 threads_ended;	/* done, lost or failed */
	uint64_t	 t_forked;
	uint64_t	 t_starting;
	uint64_t	 t_joining;
	uint64_t	 t_done;
	uint64_t	 t_zombie;	/* seen ended, not reaped; 0: never */
	uint64_t	 t_end;		/* reaped */
	uint8_t		 ended_in;	/* zombie: the state it ended in */
	uint16_t	 holder[OBJ_MUTEXES];	/* thread holding each of its
					   mutexes, 0 for none */
	uint16_t	 cycle;		/* deadlocked: a thread of the cycle */
	uint16_t	 last_in;	/* the last of its threads to come to
					   its barrier so far, 0: none */
	unsigned	 permits_back;	/* given back when it was reaped */
	uint16_t	 parent;	/* traced: the process it was born of,
					   0 for ptviz */
	unsigned	 nthreads;	/* traced: its threads born so far */
};

struct model {
	unsigned	 nproc;
	unsigned	 nthread;	/* per process */
	uint64_t	 t0;		/* main running: when the run started
					   (a held run: the gate opened); 0
					   before */
	uint8_t		 main_state;
	uint64_t	 t_main_done;
	struct model_proc   *procs;	/* [nproc] */
	struct model_thread *threads;	/* [nproc * nthread] */
	unsigned	 threads_in[ST_COUNT];	/* threads in each state */
	unsigned	 procs_in[ST_COUNT];	/* processes in each state */
	unsigned	 threads_done;	/* == threads_in[ST_DONE], the rank */
	unsigned	 gated;		/* threads at their gates now */
	uint64_t	 gates;		/* ... and comings to them so far */
	uint64_t	 held_ns;	/* step mode: the whole run held, every
					   thread at its gate, blocked or ended,
					   so far (ended spells) ... */
	uint64_t	 held_since;	/* ... and since when now (0: it is
					   not) */
	unsigned	 procs_reaped;
	unsigned	 procs_done;	/* processes that said "done" */
	struct busy_sums sums;		/* busy time: the concurrency */
	unsigned	 gm_proc, gm_thread;	/* holder of the global mutex */
	unsigned	 sem_held;	/* permits held now */
	unsigned	 sem_peak;	/* the most held at once */
	unsigned	 deadlocks;	/* processes found deadlocked */
	unsigned	 recovered;	/* global mutex taken from the dead */
	unsigned	 permits_back;	/* permits given back by the main
					   process for children that died */
	unsigned	 stops;		/* pauses so far */
	uint64_t	 events;	/* events applied */
	uint64_t	 bad;		/* events ignored */
	bool		 traced;	/* a traced program's: grows as births
					   come (model_traced.h) */
	bool		(*apply_traced)(struct model *,
			    const struct event *);	/* traced: its rules */
	unsigned	 cap_proc;	/* traced: processes there is room for */
	/* The race and the queue (model_moves.h), and the figures the main
	   process told at the end (what: OBJ_COUNTER, OBJ_QUEUE, or 0). */
	uint64_t	 writes;	/* to the counter */
	int64_t		 lost;		/* updates lost: writes - counter */
	unsigned	 slots;		/* the queue's, 0: no queue */
	uint32_t	 items;		/* every item the run puts */
	uint8_t		*item;		/* [items]: put, taken bits */
	uint64_t	 puts, takes;
	int64_t		 unmatched;	/* items put or taken, not both */
	uint32_t	 fill_peak;	/* the most items in it told */
	uint8_t		 end_what;
	uint32_t	 end_value, end_aux;
};

#endif
