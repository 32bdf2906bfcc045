/*
 * taskfd.h: the few files of /proc that say what a thread waits on: a
 * descriptor's link (what it is), an epoll set's descriptors, a few bytes
 * of the thread's memory (a sleep's length, poll's descriptors).  The
 * reading half of taskstate.c, and the kinds of descriptor.
 *
 * Each call is an open, a read and a close under proc_root, nothing
 * allocated; *reads counts the files read.  Reading another process's
 * fd/ and mem needs the right to ptrace it.
 */
#ifndef PTVIZ_TASKFD_H
#define PTVIZ_TASKFD_H

#include <sys/types.h>

#include <stdint.h>

/* What a descriptor is, from its link in PID/fd/. */
enum taskfd_kind {
	TASKFD_UNKNOWN,		/* not read, or not readable */
	TASKFD_PIPE,
	TASKFD_SOCKET,
	TASKFD_TERMINAL,	/* /dev/pts/N, /dev/ttyN, /dev/tty */
	TASKFD_DEVICE,		/* another /dev/ node */
	TASKFD_FILE,		/* a path */
	TASKFD_EVENTFD,
	TASKFD_TIMERFD,
	TASKFD_SIGNALFD,
	TASKFD_EPOLL,
	TASKFD_INOTIFY,
	TASKFD_OTHER,		/* another anon_inode:, ... */
	TASKFD_KINDS
};

/* The file path read whole into buf, NUL-terminated (at most len - 1
   bytes of it), counted in *reads: its length, or -1 with errno. */
ssize_t		 taskfd_slurp(const char *path, char *buf, size_t len,
		    unsigned *reads);

/* What descriptor fd of pid is, from its link in PID/fd/ (copied into
   link, cut to len); TASKFD_UNKNOWN if it cannot be read. */
enum taskfd_kind taskfd_readlink(const char *proc_root, pid_t pid,
		    int fd, char *link, size_t len, unsigned *reads);

/* len bytes of pid's memory at addr, from PID/mem: 0, or -1 with errno
   (EFAULT, EIO: not there). */
int		 taskfd_mem(const char *proc_root, pid_t pid, uint64_t addr,
		    void *buf, size_t len, unsigned *reads);

/* The first descriptor of the epoll set epfd of pid, from PID/fdinfo/,
   and in *n how many it has (among the first 2 KB of that file: some
   30): the descriptor, or -1 (none, or not readable; *n is 0 then). */
int		 taskfd_epoll_first(const char *proc_root, pid_t pid, int epfd,
		    unsigned *n, unsigned *reads);

#endif
