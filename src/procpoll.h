/*
 * procpoll.h: a program watched through /proc alone (ptviz --poll --
 * COMMAND), where ptrace is not allowed: COMMAND runs untraced, as
 * ptviz's child, and its tree is found by reading /proc every
 * POLL_PERIOD_NS (less often if a reading would cost more than
 * POLL_SHARE allows), into the tracer's tree (tracetree.h), as the same
 * events: births, execs, threads' births and ends, processes' ends.
 *
 * What polling misses, and what it cannot know: a task that is born and
 * ends between two readings is never seen; an exec is seen as the
 * process's name changing (an exec of a program of the same name is not
 * seen; a main thread that renames itself looks like one); a birth's
 * parent is the process it was found a child of; times are those of the
 * reading, not of the moment.  A process's end has its true wait status
 * when ptviz reaps it -- COMMAND, and each orphan it adopts, as
 * PR_SET_CHILD_SUBREAPER makes it their reaper -- or when it is seen as a
 * zombie (its exit code, /proc/PID/stat); else its parent reaped it
 * unseen, and its end is "gone" (ST_GONE), its status unknown.
 */
#ifndef PTVIZ_PROCPOLL_H
#define PTVIZ_PROCPOLL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "taskinfo.h"

#define POLL_PERIOD_NS	50000000u	/* 50 ms: 20 readings a second */
#define POLL_SHARE	50		/* a reading costs 2 % of a CPU at
					   most: the period is 50 times its
					   cost, if longer */

struct tree;

/* A process as a reading of /proc found it. */
struct procpoll_seen {
	int32_t		 pid;
	bool		 mark;		/* ptviz's descendant */
	struct taskinfo_stat st;
};

struct procpoll {
	int		 timer_fd;	/* rings when a reading is due */
	int32_t		 child;		/* COMMAND's, until reaped */
	bool		 due;		/* a reading is due */
	bool		 over;		/* COMMAND reaped, and the last reading
					   found nothing of the tree alive */
	struct procpoll_seen *seen;	/* the last reading, by pid */
	size_t		 nseen, cap;
	int32_t		*tids;		/* one process's threads */
	size_t		 ntid, captid;
};

/* Watch child (forked untraced, ptviz a subreaper already); its timer
   armed.  0, or -1 with errno. */
int	procpoll_init(struct procpoll *pp, int32_t child);

/* The timer's descriptor: readable when a reading is due. */
int	procpoll_fd(const struct procpoll *pp);

/* After a poll: a reading is due if the timer rang. */
void	procpoll_woke(struct procpoll *pp);

/* Reap what has ended of ptviz's children, and if a reading is due, read
   /proc and tell tr what changed; the number of changes told. */
size_t	procpoll_run(struct procpoll *pp, struct tree *tr);

/* Kill (SIGKILL) every descendant of ptviz, read again until none is
   left alive, and reap them all: nothing of the tree outlives this. */
void	procpoll_kill(struct procpoll *pp);

/* Close the timer, free what pp holds. */
void	procpoll_free(struct procpoll *pp);

#endif
