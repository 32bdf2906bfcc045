/*
 * kstat.h: what Linux says of one thread (or process): its scheduler state
 * letter, where it waits, its time on a CPU and waiting for one, and how
 * often it gave the CPU up or had it taken away.
 *
 * The files read, under proc_root (normally "/proc"; a test points it at a
 * fake tree):
 *   PID/task/TID/stat       the state letter (field 3) and utime + stime
 *   PID/task/TID/wchan      the kernel function it waits in ("0": none)
 *   PID/task/TID/schedstat  ns on a CPU, ns waiting on a runqueue, slices
 *   PID/task/TID/status     voluntary_ctxt_switches and
 *                           nonvoluntary_ctxt_switches
 * With tid 0, the process itself: PID/stat and so on.  With tid == pid, the
 * task directory is tried first and PID/ after it.
 *
 * A thread or process that no longer exists is not an error: `gone` is set
 * and the call returns 0.  Only the stat file is required; a file missing
 * among the others (a kernel without schedstats, say) clears its have_*.
 * Nothing is allocated: a call is a few open/read/close into stack buffers,
 * cheap enough to make hundreds of times a second.
 */
#ifndef PTVIZ_KSTAT_H
#define PTVIZ_KSTAT_H

#include <sys/types.h>

#include <stdbool.h>
#include <stdint.h>

struct kstat {
	char		 state;		/* field 3 of stat: 'R', 'S', ...; 0
					   if gone */
	bool		 gone;		/* no such thread or process now */
	char		 wchan[40];	/* where it waits; "" for nowhere */
	uint64_t	 cpu_ns;	/* on a CPU: schedstat's, else
					   utime + stime */
	uint64_t	 stat_cpu_ns;	/* utime + stime, in clock ticks */
	uint64_t	 wait_ns;	/* runnable, waiting for a CPU */
	uint64_t	 slices;	/* times it was given a CPU */
	uint64_t	 vcs, nvcs;	/* context switches: voluntary (it
					   blocked), involuntary (preempted) */
	bool		 have_wchan, have_sched, have_ctx;
	unsigned	 reads;		/* files read by the call: its cost */
};

/* What to read: the state alone is one file. */
enum kstat_want {
	KSTAT_STATE	= 1 << 0,	/* stat: state, stat_cpu_ns */
	KSTAT_WCHAN	= 1 << 1,
	KSTAT_SCHED	= 1 << 2,	/* schedstat: cpu_ns, wait_ns, slices */
	KSTAT_CTX	= 1 << 3,	/* status: vcs, nvcs */
	KSTAT_ALL	= 0xf
};

/* Fill k with what `want` asks (KSTAT_STATE is always read) of thread tid
   of process pid, or of the process when tid is 0.  0, with k->gone if it
   no longer exists; -1 with errno if its stat cannot be read or parsed
   (EINVAL: not a stat file). */
int		 kstat_read_some(const char *proc_root, pid_t pid, pid_t tid,
		    unsigned want, struct kstat *k);

/* All of it: kstat_read_some(..., KSTAT_ALL, k). */
int		 kstat_read(const char *proc_root, pid_t pid, pid_t tid,
		    struct kstat *k);

/* The stat file of thread tid of pid (of the process for tid 0) kept
   open, for kstat_read_fd(): procfs makes its text anew at every read, so
   a file kept open saves the path's lookup (two thirds of the cost).  A
   descriptor, or -1 with errno (ENOENT or ESRCH: gone). */
int		 kstat_open(const char *proc_root, pid_t pid, pid_t tid);

/* The state and utime + stime from a file kstat_open() gave: 0, with
   k->gone once the thread has ended (close the file then); -1 with errno.
   The rest of k is cleared. */
int		 kstat_read_fd(int fd, struct kstat *k);

/* What a state letter means, in a few words ("sleeping (interruptible)");
   "unknown state" for a letter Linux does not use. */
const char	*kstat_meaning(char state);

#endif
