/*
 * syscalls.h: a system call's number named, and what a thread blocked in
 * it waits for.
 *
 * The numbers are the architecture's own, taken at compile time from the
 * kernel's headers (<sys/syscall.h>, __NR_*): x86_64's futex is 202,
 * aarch64's 98.  A number the table does not name (a call it leaves out,
 * another architecture's) has no row: its caller says "system call N".
 * A 32-bit program on a 64-bit kernel (i386 on x86_64) numbers its calls
 * differently, and is named wrongly: ptviz does not build for it.
 */
#ifndef PTVIZ_SYSCALLS_H
#define PTVIZ_SYSCALLS_H

/* Where a call waits, and where its arguments say on what. */
enum syscalls_role {
	SYSCALLS_OTHER,		/* named only */
	SYSCALLS_NANOSLEEP,	/* timed sleep, the length at arg 0 */
	SYSCALLS_CLOCKSLEEP,	/* timed sleep: flags arg 1, time arg 2 */
	SYSCALLS_FUTEX,		/* futex: word arg 0, op arg 1 */
	SYSCALLS_FUTEXV,	/* futex_waitv: several words */
	SYSCALLS_CHILD,		/* wait4, waitid */
	SYSCALLS_IN,		/* input from the descriptor at arg 0 */
	SYSCALLS_OUT,		/* output to the descriptor at arg 0 */
	SYSCALLS_ACCEPT,	/* a connection on the socket at arg 0 */
	SYSCALLS_CONNECT,	/* connecting the socket at arg 0 */
	SYSCALLS_POLL,		/* struct pollfd[arg 1] at arg 0 */
	SYSCALLS_SELECT,	/* nfds arg 0, fd_sets at args 1 and 2 */
	SYSCALLS_EPOLL,		/* the epoll descriptor at arg 0 */
	SYSCALLS_FLOCK,		/* a file lock on the descriptor at arg 0 */
	SYSCALLS_SIGNAL,	/* pause, sigsuspend, sigtimedwait */
	SYSCALLS_ROLES
};

struct syscalls_row {
	const char	*name;		/* "clock_nanosleep" */
	enum syscalls_role role;
};

/* The row of call nr on this architecture, or NULL if the table has none
   (a negative nr, one it does not name). */
const struct syscalls_row *syscalls_find(long nr);

#endif
