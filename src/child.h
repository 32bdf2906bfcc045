/*
 * child.h: what a child process does once forked: it starts its threads,
 * each of which runs the run's workload, joins them and leaves.  It reports
 * every change of its own state and of its threads' through its ring.
 */
#ifndef PTVIZ_CHILD_H
#define PTVIZ_CHILD_H

#include <stdint.h>
#include <sys/types.h>

struct beats;
struct steps;
struct region;
struct run_config;
struct work_shared;

struct child_args {
	const struct run_config *cfg;
	const struct region	*region;
	struct work_shared	*shared;	/* the global mutex, the
						   semaphore */
	const struct beats	*beats;		/* the heartbeats (cpu), or
						   NULL */
	const struct steps	*steps;		/* step mode's gates */
	unsigned		 proc;		/* 1-based */
	pid_t			 parent;	/* the main process */
	int			 devnull;	/* open on /dev/null */
};

/* The body of child process a->proc; never returns, ends with _exit(). */
_Noreturn void	child_main(const struct child_args *a);

#endif
