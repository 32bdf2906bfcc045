/*
 * limits.h: how many more tasks (processes and threads) this machine lets
 * ptviz start now, and which limit binds.
 *
 * A run of P processes of T threads needs P x (T + 1) tasks.  The kernel
 * refuses a fork or a pthread_create (EAGAIN) past any of these, so ptviz
 * compares against all of them before it starts anything:
 *   kernel.pid_max      a pid for every task: the pids in use are the tasks
 *                       that exist now (/proc/loadavg);
 *   kernel.threads-max  the tasks of the whole machine;
 *   RLIMIT_NPROC        the soft limit on the tasks of the real user, which
 *                       root is exempt from (the user's tasks are counted in
 *                       /proc/PID);
 *   pids.max            the tasks of the cgroup ptviz is in, root or not
 *                       (pids.current counts them): of the cgroup and of
 *                       each one above it, the one that leaves the least
 *                       room, in the pids controller's hierarchy (cgroup
 *                       v1) or the unified one (v2);
 *   memory              MemAvailable over what a thread and a process cost.
 * A limit found part way all the same (one this does not read) is still
 * told (in a few lines, by the front end), never hung on.
 *
 * Use: limits_sample() reads the machine once (a few small files, and for
 * an ordinary user one pass over /proc); the rest is arithmetic on that
 * sample, pure and cheap, so that the front ends can ask "does this fit?"
 * and "what is the most that fits?" of one reading.  The children of the
 * calling process are not counted as in use: a rerun ends them first.
 *
 * Anything that cannot be read counts as no limit: ptviz never refuses a
 * run because /proc is missing or odd.  A figure read but with nothing to
 * set against it (say, pid_max without /proc/loadavg) is still a limit,
 * with nothing counted in use.
 */
#ifndef PTVIZ_LIMITS_H
#define PTVIZ_LIMITS_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The limits, in the order they are tried when two leave the same room. */
enum limit_id {
	LIMIT_PID_MAX,		/* kernel.pid_max */
	LIMIT_THREADS_MAX,	/* kernel.threads-max */
	LIMIT_NPROC,		/* RLIMIT_NPROC */
	LIMIT_CGROUP,		/* a cgroup's pids.max */
	LIMIT_MEMORY,		/* MemAvailable */
	LIMIT_COUNT
};

/* No limit: a room, or a figure that could not be read. */
#define LIMITS_NONE	UINT64_MAX

/* What a task costs in memory, in KiB (measured: see limits.c). */
#define LIMITS_THREAD_KIB	32u	/* each task: a thread, or a process */
#define LIMITS_PROC_KIB		96u	/* and each process on top */

/* Who is asking: limits_self() fills it for the calling process; a test
   sets it by hand. */
struct limits_self {
	uid_t		 uid;		/* real uid: whose tasks count */
	pid_t		 pid;		/* its children are not counted */
	uint64_t	 nproc;		/* RLIMIT_NPROC (soft), or LIMITS_NONE
					   (unlimited, or root: exempt) */
};

/* One reading of the machine.  Each figure is LIMITS_NONE when it could not
   be read; each count is 0 when it could not be. */
struct limits_sample {
	uint64_t	 figure[LIMIT_COUNT];	/* memory: MemAvailable, KiB */
	uint64_t	 tasks;		/* tasks on the machine now */
	uint64_t	 user_tasks;	/* tasks of self.uid now */
	uint64_t	 cgroup_tasks;	/* pids.current of the cgroup whose
					   pids.max is the figure */
	uint64_t	 own_tasks;	/* tasks of self.pid's children */
};

/* The limit that binds a shape of run, with its numbers. */
struct limits {
	enum limit_id	 id;
	const char	*name;		/* "kernel.pid_max", ...; NULL: none */
	uint64_t	 figure;	/* the limit (memory: KiB available) */
	uint64_t	 in_use;	/* tasks it counts now; memory: 0 */
	uint64_t	 room;		/* tasks ptviz may start now, the
					   margin kept; LIMITS_NONE: no limit */
};

/* The calling process as limits_sample_at() wants it. */
void		 limits_self(struct limits_self *self);

/* Read the machine now, for the calling process. */
void		 limits_sample(struct limits_sample *s);

/* Read a machine whose /proc is under root ("" for the real one), for
   self.  Never fails: what cannot be read counts as no limit. */
void		 limits_sample_at(struct limits_sample *s, const char *root,
		    const struct limits_self *self);

/* The binding limit for processes of nthread threads: the one that leaves
   the least room, in tasks.  l->name is NULL if nothing limits. */
void		 limits_tasks(const struct limits_sample *s, unsigned nthread,
		    struct limits *l);

/* True if nproc x nthread fits; either way l is the binding limit. */
bool		 limits_fit(const struct limits_sample *s, unsigned nproc,
		    unsigned nthread, struct limits *l);

/* The most processes of nthread threads that fit (0 if none); l is the
   limit that stops one more. */
unsigned	 limits_most_procs(const struct limits_sample *s,
		    unsigned nthread, unsigned max, struct limits *l);

/* The most threads per process for nproc processes that fit, up to max
   (0 if none); l is the limit that stops one more. */
unsigned	 limits_most_threads(const struct limits_sample *s,
		    unsigned nproc, unsigned max, struct limits *l);

/* "1024 processes × 1024 threads need 1049600 tasks, but this machine
   allows 31636 more (kernel.pid_max 32768, 108 in use)": why a run is
   refused, without the "ptviz: " prefix. */
void		 limits_refusal(char *buf, size_t len, const struct limits *l,
		    unsigned nproc, unsigned nthread);

/* Would a run of nproc x nthread fit this machine now?  One reading
   (limits_sample); if not, and buf is not NULL, why in buf
   (limits_refusal's words).  Every live run is checked with this. */
bool		 limits_run_fits(unsigned nproc, unsigned nthread, char *buf,
		    size_t len);

/* Would `events` kept in memory (the screen's history: every event of a
   run, 32 bytes each) take no more than half the memory available now?
   If not, and buf is not NULL, why in buf, a refusal's words. */
bool		 limits_events_fit(uint64_t events, char *buf, size_t len);

/* "64 processes is the most this machine allows (kernel.pid_max 32768,
   108 in use)", or "... threads per process ...": the note of a key. */
void		 limits_most_note(char *buf, size_t len,
		    const struct limits *l, unsigned most, bool procs);

#endif
