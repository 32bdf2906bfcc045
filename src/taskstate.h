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
 * stopped or a zombie; one or two more for what it waits on, when asked.
 * Nothing is allocated; each file is an open, a read and a close.  Reading
 * syscall, fd/ and mem needs the right to ptrace the thread (the same user
 * and Yama's ptrace_scope at most 1, or ptviz its tracer).
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

#include <stdbool.h>
#include <stdint.h>

#include "taskfd.h"

/* What a thread is doing, for a learner.  Each has a row of words in
   taskstate.c's table. */
enum taskstate_class {
	TASKSTATE_GONE,		/* no such thread now (or 'X', dead) */
	TASKSTATE_CPU,		/* 'R': on a CPU, or ready for one */
	TASKSTATE_SLEEP,	/* nanosleep, clock_nanosleep */
	TASKSTATE_LOCK,		/* futex wait (a mutex, a condition, a
				   join), flock */
	TASKSTATE_CHILD,	/* wait4, waitid */
	TASKSTATE_IO,		/* read, write, poll, accept... on fd */
	TASKSTATE_SIGNAL,	/* pause, sigsuspend, sigtimedwait */
	TASKSTATE_SYSCALL,	/* another call: named in `call`, or nr */
	TASKSTATE_BLOCKED,	/* asleep, for what the kernel does not say
				   (not in a call: a page fault; or the
				   syscall file not readable) */
	TASKSTATE_STOPPED,	/* 'T' or 't': by a signal or a debugger */
	TASKSTATE_ZOMBIE,	/* 'Z': ended, not waited for yet */
	TASKSTATE_CLASSES
};

/* Input or output: which way it waits. */
enum taskstate_io {
	TASKSTATE_IO_NONE,
	TASKSTATE_IO_IN,	/* read, recv... */
	TASKSTATE_IO_OUT,	/* write, send... (the other end is full) */
	TASKSTATE_IO_EITHER,	/* poll, select, epoll_wait */
	TASKSTATE_IO_ACCEPT,	/* accept: a connection to come */
	TASKSTATE_IO_CONNECT,	/* connect: the other end to answer */
	TASKSTATE_IOS
};

/* What to read beyond the class. */
enum taskstate_want {
	TASKSTATE_WANT_FD	= 1 << 0,	/* what the descriptor is: fd/,
						   fdinfo/, mem for poll and
						   select */
	TASKSTATE_WANT_SLEEP	= 1 << 1,	/* a sleep's length: mem */
	TASKSTATE_WANT_WCHAN	= 1 << 2,	/* wchan, even when the syscall
						   file says */
	TASKSTATE_WANT_ALL	= 0x7
};

struct taskstate {
	enum taskstate_class cls;
	char		 state;		/* stat's letter; 0 if gone */
	bool		 gone;		/* cls == TASKSTATE_GONE */
	bool		 have_syscall;	/* the syscall file was read */
	long		 nr;		/* the call, -1 for none */
	const char	*call;		/* its name, NULL if not in the
					   table (or no call) */
	uint64_t	 args[6];	/* its arguments, as the file gives */
	uint64_t	 futex;		/* LOCK: the futex word's address (the
					   same word, the same lock); 0 if
					   not a futex or several */
	enum taskstate_io io;		/* IO: which way */
	int		 fd;		/* IO, LOCK by flock: the descriptor
					   (poll's first), -1 for none */
	unsigned	 nfds;		/* poll, select, epoll: how many it
					   watches (0: not known) */
	enum taskfd_kind fdkind;	/* what fd is (TASKSTATE_WANT_FD) */
	char		 fdlink[48];	/* its link: "pipe:[1234]" */
	int64_t		 sleep_ns;	/* SLEEP: the length asked, or what
					   is left of an absolute one; -1
					   unknown (TASKSTATE_WANT_SLEEP) */
	bool		 sleep_left;	/* sleep_ns is what is left */
	char		 wchan[40];	/* where it waits in the kernel; ""
					   if not read or none */
	unsigned	 reads;		/* files read by the call: its cost */
};

/* Fill ts with what thread tid of process pid is doing (tid 0: the main
   thread), and with what `want` asks.  0, with ts->gone if it no longer
   exists; -1 with errno if its stat or syscall file cannot be read or
   parsed (EINVAL: not such a file). */
int		 taskstate_read(const char *proc_root, pid_t pid, pid_t tid,
		    unsigned want, struct taskstate *ts);

#endif
