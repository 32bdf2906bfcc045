/*
 * work.h: what the threads of a run do (the workloads), and the objects
 * the processes of a run share to do it.
 *
 * Every workload is a row of one table: its name on the command line, the
 * fewest threads a process needs for it, and a sentence of what it shows.
 * The thread bodies are in child.c.  The global mutex and the semaphore
 * live in a shared mapping the main process makes before it forks:
 *
 *   global mutex  a robust, process-shared pthread mutex: when its holder
 *                 dies, the next to lock it gets EOWNERDEAD and makes it
 *                 consistent, so nobody waits for the dead;
 *   semaphore     `permits` slots, each free (0) or naming its holder;
 *                 a thread takes a slot by compare-and-swap and waits on a
 *                 futex word that every release bumps.  Because a permit
 *                 names its holder, the main process gives back those of
 *                 a child it reaped (work_recover) and wakes the waiters.
 *
 * A process's own mutexes and its barrier live in the child: they die with
 * every thread that could hold or wait for them.
 */
#ifndef PTVIZ_WORK_H
#define PTVIZ_WORK_H

#include <stdbool.h>

/* X(enum, name, fewest threads a process needs, what it shows) */
#define WORKS(X)							\
	X(WORK_SLEEP, "sleep", 1,					\
	    "each thread sleeps its planned time")			\
	X(WORK_CPU, "cpu", 1,						\
	    "each thread computes until it used its planned CPU time")	\
	X(WORK_MUTEX, "mutex", 1,					\
	    "a process's threads take its mutex in turn")		\
	X(WORK_GMUTEX, "global-mutex", 1,				\
	    "one mutex for every thread of the run")			\
	X(WORK_SEMAPHORE, "semaphore", 1,				\
	    "at most N threads of the run at once (--permits N)")	\
	X(WORK_BARRIER, "barrier", 1,					\
	    "sleep, wait for the process's other threads, sleep again") \
	X(WORK_DEADLOCK, "deadlock", 2,					\
	    "two mutexes taken in opposite orders")

enum work {
#define X(e, name, min, about) e,
	WORKS(X)
#undef X
	WORK_COUNT
};

/* The most permits --permits takes. */
#define WORK_MAX_PERMITS	1024u
#define WORK_DEFAULT_PERMITS	2u

struct work_shared;

/* The name of workload w, as -w takes it. */
const char	*work_name(enum work w);

/* What workload w shows, in a few words. */
const char	*work_about(enum work w);

/* The fewest threads a process needs for workload w. */
unsigned	 work_min_threads(enum work w);

/* The workload named `name`; false if there is none. */
bool		 work_parse(const char *name, enum work *w);

/* Map the objects a run's processes share; NULL with errno on failure. */
struct work_shared *work_shared_create(unsigned permits);

/* Unmap them. */
void		 work_shared_destroy(struct work_shared *ws);

/* Main process, once child `proc` was reaped: give back the permits its
   threads held and wake the waiters; the number given back. */
unsigned	 work_recover(struct work_shared *ws, unsigned proc);

/* Take the global mutex, calling before(arg) first if it has to wait;
   *recovered says whether its holder had died holding it.  0, or an
   errno. */
int		 work_gmutex_lock(struct work_shared *ws, bool *recovered,
		    void (*before)(void *), void *arg);

/* Let the global mutex go. */
void		 work_gmutex_unlock(struct work_shared *ws);

/* Thread `thread` of process `proc`: take a permit, calling before(arg) first if it
   has to wait; the slot taken, to give to work_sem_release(). */
unsigned	 work_sem_acquire(struct work_shared *ws, unsigned proc,
		    unsigned thread, void (*before)(void *), void *arg);

/* Give back the permit in `slot`. */
void		 work_sem_release(struct work_shared *ws, unsigned slot);

#endif
