/*
 * run.h: what a run is asked to be -- its counts, sleep, seed and workload
 * -- apart from how one is made (spawn.h), so that the child's side
 * (child.c) reads it without the main process's.
 */
#ifndef PTVIZ_RUN_H
#define PTVIZ_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "work.h"

/* The largest run ptviz makes (the command line's bounds). */
#define RUN_MAX_PROCS	1024u
#define RUN_MAX_THREADS	1024u
#define RUN_MAX_SLEEP_NS (3600ull * 1000000000ull)
#define RUN_MAX_CPUS	65536u	/* a recording's "cpus" (CPU_SETSIZE is
				   1024; kernels allow more) */

struct run_config {
	unsigned	 nproc;		/* child processes, 1.. */
	unsigned	 nthread;	/* threads per child, 1.. */
	uint64_t	 sleep_ns;	/* longest sleep */
	uint64_t	 seed;		/* for duration_ns() */
	enum work	 work;		/* what the threads do */
	unsigned	 permits;	/* the semaphore's; 0 for the default */
	unsigned	 iterations;	/* race, queue: moves repeated; 0 for
					   the default */
	unsigned	 slots;		/* the queue's; 0 for the default */
	bool		 held;		/* threads wait at the start until
					   run_go() */
	unsigned	 steps;		/* step mode from its start:
					   STEPS_ON, STEPS_TIMED (steps.h);
					   0: the threads go freely */
	uint32_t	 ring_slots;	/* per ring, a power of two; 0: enough
					   for one child's events, up to 1024 */
	unsigned	 cpus;		/* CPUs the run may use (its affinity,
					   cpus_usable()); 0: not known (a
					   recording that does not say) */
	int		 attached;	/* a traced program's: the pid of the
					   one attached to (--attach), 0 */
	bool		 polled;	/* a traced program's: watched
					   through /proc alone (--poll) */
};

#endif
