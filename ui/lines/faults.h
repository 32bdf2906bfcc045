/*
 * faults.h: what went wrong in a run, told on stderr as the line front
 * ends tell it: a process killed or failed, threads that could not start,
 * an exit before done, a deadlock (a live run's deadlocked process is
 * then killed, so the run ends: never a hang).
 *
 * A limit reached part way can fail a thousand processes at once, so
 * faults are told in a few lines, not one each: a process whose threads
 * could not all start is one line when it is reaped ("started 12 of 60
 * threads"), each kind of fault is told in full for its first
 * FAULTS_LINES processes only, and faults_summary() counts the rest in
 * one line per kind at the end of the run, with the processes never
 * forked as one range.  Across the runs of --runs the kinds are counted
 * as for one run.  The words are text.c's.
 */
#ifndef PTVIZ_FAULTS_H
#define PTVIZ_FAULTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../../src/text.h"

#define FAULTS_LINES	3	/* processes told in full, of each kind */

struct event;
struct model;
struct source;

struct faults {
	int		 count;		/* faults so far: exit status 1 */
	bool		 live;		/* a live run, not a recording */
	unsigned	 nproc;
	unsigned	 told[FAULT_COUNT];	/* processes with each fault */
	unsigned	 tfailed_told;	/* threads failed, of processes told */
	unsigned	 never_first;	/* the processes never forked: */
	unsigned	 never_last;	/* one range (fork_all stops at the
					   first failure); 0 if none */
	unsigned	 deadlocks;	/* told so far */
	uint8_t		*broken;	/* [nproc]: what was done of each
					   process's deadlock */
};

/* Ready to tell the faults of runs of nproc processes (live: a run, not a
   recording); -1 with errno. */
int	faults_init(struct faults *f, unsigned nproc, bool live);

/* Free what faults_init took. */
void	faults_free(struct faults *f);

/* Another run of the same counts begins (--runs): its deadlocks and
   failed threads are new; the kinds told go on counting. */
void	faults_next_run(struct faults *f);

/* ev was just applied to m: tell on fp what went wrong with it, within
   the limits above, and each deadlock m found since the last look. */
void	faults_event(struct faults *f, const struct model *m,
	    const struct event *ev, FILE *fp);

/* Kill the processes of the deadlocks told, in a live run. */
void	faults_kill(struct faults *f, struct source *src);

/* At the end of the run, on fp: the processes never forked, and the
   faults not told in full, one line each. */
void	faults_summary(const struct faults *f, FILE *fp);

#endif
