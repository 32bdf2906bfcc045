/*
 * taskstate.h: what a real thread is doing now, as the kernel says it,
 * named for a learner: on a CPU, in a timed sleep, waiting on a lock, for
 * a child, for input or output (on a pipe, a socket, the terminal...).
 *
 * The files read, under proc_root (normally "/proc"; a test points it at a
 * fake tree), for thread tid of process pid:
 *   PID/task/TID/stat      the state letter: R, S, D, T, t, Z... (always)
 *   PID/task/TID/syscall   the call it is blocked in and its arguments
 *                          ("running": on a CPU now; "-1 SP PC": not in
 *                          a call) (unless the letter says it all: R, T,
 *                          t, Z, X)
 *   PID/task/TID/wchan     the kernel function it waits in: read only
 *                          when syscall cannot be (no right to ptrace it:
 *                          Yama's ptrace_scope 3), or when asked
 *   PID/fd/N               readlink: what the descriptor is (WANT_FD)
 *   PID/fdinfo/N           an epoll set's descriptors (WANT_FD)
 *   PID/mem                a few bytes: poll's and select's descriptors
 *                          (WANT_FD), a sleep's length (WANT_SLEEP)
 * The cost: two files for a thread that waits; one for a thread on a CPU,
 * stopped or a zombie; one or two more for what it waits on, when asked;
 * quick, one file for most.  Nothing is allocated; each file is an open,
 * a read and a close, or a pread(2) of a file kept open (taskstate_open).
 * Measured on 1000 sleeping threads (make bench, part 11): 19 us a thread
 * by the paths, 8 kept open, 3.5 quick.  Reading syscall, fd/ and mem
 * needs the right to ptrace the thread (the same user and Yama's
 * ptrace_scope at most 1, or ptviz its tracer).
 *
 * What sampling cannot see: a state is what the thread is doing at the
 * instant of the read.  A sleep shorter than the period between two reads,
 * a lock taken and released between them, a read that a pipe answered at
 * once, are never seen; a thread that has just woken reads as on a CPU
 * while still inside its call.  A thread that ends is `gone`, an answer
 * and not an error.
 *
 * The words for a class, a cell's and a learner's, are in taskwords.h.
 */
#ifndef PTVIZ_TASKSTATE_H
#define PTVIZ_TASKSTATE_H

#include <sys/types.h>

#include "tasktypes.h"

/* Fill ts with what thread tid of process pid is doing (tid 0: the main
   thread), and with what `want` asks.  0, with ts->gone if it no longer
   exists; -1 with errno if its stat or syscall file cannot be read or
   parsed (EINVAL: not such a file). */
int		 taskstate_read(const char *proc_root, pid_t pid, pid_t tid,
		    unsigned want, struct taskstate *ts);

/* A thread's stat and syscall files kept open, for taskstate_read_open():
   a reading is then a pread(2) of each, without the lookup of their paths
   (half of its cost: tests/bench/taskcost.c).  Two descriptors a thread.
   The other files (wchan, fd/, mem) are still read by their paths. */
struct taskstate_files {
	const char	*proc_root;	/* kept: not copied */
	pid_t		 pid, tid;
	int		 stat_fd;
	int		 syscall_fd;	/* -1: not ours to read */
};

/* Open thread tid of pid's files into f (tid 0: the main thread): 0, or
   -1 with errno (ENOENT or ESRCH: gone; EMFILE). */
int		 taskstate_open(const char *proc_root, pid_t pid, pid_t tid,
		    struct taskstate_files *f);

/* taskstate_read() from the files f keeps open.  Once ts->gone, close
   them: the thread will not come back. */
int		 taskstate_read_open(const struct taskstate_files *f,
		    unsigned want, struct taskstate *ts);

/* Close the files f keeps open. */
void		 taskstate_close(struct taskstate_files *f);

#endif
