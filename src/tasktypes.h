/*
 * tasktypes.h: what a real thread is doing, as taskstate.c reads it and
 * taskwords.c tells it: the classes, the ways of input or output, and the
 * record of one reading.
 */
#ifndef PTVIZ_TASKTYPES_H
#define PTVIZ_TASKTYPES_H

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
	TASKSTATE_WANT_ALL	= 0x7,
	TASKSTATE_WANT_QUICK	= 1 << 3	/* the syscall file first, and
						   stat only when it names no
						   call: one file, not two,
						   for a caller that knows
						   its tracees' stops and
						   exits (a thread stopped in
						   a call reads as the call,
						   one exiting as exit) */
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
	uint64_t	 futex;		/* LOCK: the futex word's address:
					   in one process, the same word is
					   the same lock (in two, the same
					   address is two words, forked
					   copies, unless in shared memory);
					   0 if not a futex, or several */
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

#endif
