/*
 * steps.h: step mode's gates -- a gate per thread, in shared memory, that
 * the room opens for one move at a time.
 *
 * In step mode every thread of the built-in run stops at its gate before
 * each move it reports (it sleeps, takes a lock, reads or writes the
 * race's counter, puts or takes an item, waits at a barrier, finishes);
 * the main process lets one thread through for exactly one move.  A move
 * that follows from another's (a lock's waiter that gets it once its
 * holder lets go, a barrier's waiter let through by the last to come) is
 * part of the move that blocked, and has no gate of its own.  Out of step
 * mode a gate costs a thread one load of the mode word.
 *
 * Layout: one MAP_SHARED | MAP_ANONYMOUS mapping made before the forks,
 * every run's: a header (the mode, a cache line of its own: every thread
 * reads it, only the main process writes it) and a slot of two 32-bit
 * words a thread, process by process.  A run of 1024 x 1024 threads maps
 * 8 MB, of which only the pages of threads that stop at a gate are ever
 * touched.
 *
 * The protocol.  A slot's `go` counts the moves granted and not yet made
 * (0 or 1), and is the futex word its thread sleeps on; `at` is 1 while
 * the thread stands at its gate.  A thread at a gate:
 *	at = 1 (seq_cst); while the mode is on: take a move from go if there
 *	is one, else sleep on go while it is 0; then at = 0.
 * The main process grants a move by go = 1 and a wake, to a thread whose
 * `at` it sees; it leaves step mode by mode = 0 (seq_cst), then a move
 * and a wake to every thread it sees `at` its gate -- a Dekker pair with
 * the thread's store of `at` and its load of the mode: either the thread
 * sees the mode off, or the main process sees it at the gate and wakes
 * it.  Entering step mode again first takes back every move left over.
 *
 * Who calls what: the threads steps_gate() (or steps_arrive() and
 * steps_wait()), steps_sleeps() and steps_mode(); the main process the
 * rest.
 */
#ifndef PTVIZ_STEPS_H
#define PTVIZ_STEPS_H

#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The mode word's bits. */
#define STEPS_ON	0x1u	/* every thread stops at its gates */
#define STEPS_TIMED	0x2u	/* ... and its sleeps take their time (off:
				   a sleep in step mode takes none, a move
				   is a move) */

struct steps_header {
	alignas(64) _Atomic uint32_t mode;	/* STEPS_* */
};

struct steps_slot {
	_Atomic uint32_t go;		/* moves granted, not yet made */
	_Atomic uint32_t at;		/* 1: at its gate */
};

struct steps {
	struct steps_header *head;
	struct steps_slot *slot;	/* [nproc * nthread] */
	size_t		 len;		/* bytes mapped */
	unsigned	 nproc, nthread;
	uint64_t	 grants;	/* the main process's: moves granted */
};

/* Map the gates of nproc x nthread threads, in mode `mode` (0: free);
   -1 with errno. */
int		 steps_create(struct steps *s, unsigned nproc,
		    unsigned nthread, uint32_t mode);

/* Unmap them (s zeroed: a second call does nothing). */
void		 steps_destroy(struct steps *s);

/* Thread j of process i (both 1-based): stop at the gate before a move
   while in step mode, until the main process grants the move or leaves
   step mode.  Nothing out of step mode, or for a thread out of range.
   In two halves, for a thread that tells of its coming between them, so
   that the main process can grant the move as soon as it is told:
   steps_arrive() stands at the gate (false: out of step mode, it does
   not), steps_wait() waits there for the move and leaves. */
void		 steps_gate(const struct steps *s, unsigned i, unsigned j);
bool		 steps_arrive(const struct steps *s, unsigned i, unsigned j);
void		 steps_wait(const struct steps *s, unsigned i, unsigned j);

/* Thread: does a sleep take its planned time now?  Not in step mode
   unless the steps are timed. */
bool		 steps_sleeps(const struct steps *s);

/* Main process: set the mode (STEPS_*); leaving step mode lets every
   thread at its gate go. */
void		 steps_set_mode(const struct steps *s, uint32_t mode);

/* The mode now (a thread asks it too: the deadlock does not wait for
   its partner in step mode). */
uint32_t	 steps_mode(const struct steps *s);

/* Main process: is thread j of process i at its gate, waiting for a
   move, with none granted yet? */
bool		 steps_waiting(const struct steps *s, unsigned i, unsigned j);

/* Main process: grant thread j of process i one move; false if it is not
   waiting at its gate (steps_waiting()) or step mode is off. */
bool		 steps_grant(struct steps *s, unsigned i, unsigned j);

#endif
