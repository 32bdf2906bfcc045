/*
 * taskcall.c: what a thread blocked in a system call waits for, from the
 * call and its arguments.
 *
 * The call's row in syscalls.c gives its role; the role, here, its class,
 * its way of input or output, and what its arguments say: a futex word
 * (the address: two threads on one word wait on one lock), a descriptor
 * and what it is, a sleep's length, read from the thread's memory.  Only
 * what `want` asks is read beyond the syscall file.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <time.h>

#include "syscalls.h"
#include "taskcall.h"
#include "taskfd.h"

#define SELECT_BYTES	128	/* an fd_set's first 1024 descriptors */
#define FUTEX_CMD(op)	((op) & 127)	/* without PRIVATE, CLOCK_REALTIME */

/* What a role's reader needs: where to read, what was asked. */
struct ctx {
	const char	*root;
	pid_t		 pid;
	unsigned	 want;
};

/* The descriptor fd of the thread's call, and what it is if asked. */
static void
with_fd(const struct ctx *c, struct taskstate *ts, uint64_t fd)
{
	ts->fd = fd <= INT_MAX ? (int)fd : -1;
	if ((c->want & TASKSTATE_WANT_FD) && ts->fd >= 0)
		ts->fdkind = taskfd_readlink(c->root, c->pid, ts->fd, ts->fdlink,
		    sizeof(ts->fdlink), &ts->reads);
}

/* A struct timespec at addr in the thread's memory, in ns; -1 if it
   cannot be read or is not one. */
static int64_t
timespec_at(const struct ctx *c, uint64_t addr, unsigned *reads)
{
	struct timespec t;

	if (taskfd_mem(c->root, c->pid, addr, &t, sizeof(t), reads) == -1 ||
	    t.tv_sec < 0 || t.tv_sec >= INT64_MAX / 1000000000 ||
	    t.tv_nsec < 0 || t.tv_nsec >= 1000000000L)
		return -1;
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Is id a clock the whole system shares (not a thread's CPU clock, which
   would be ptviz's own here)? */
static bool
shared_clock(uint64_t id)
{
	static const clockid_t shared[] = { CLOCK_REALTIME, CLOCK_MONOTONIC,
	    CLOCK_BOOTTIME, CLOCK_TAI };
	size_t i;

	for (i = 0; i < sizeof(shared) / sizeof(shared[0]); i++)
		if (id == (uint64_t)shared[i])
			return true;
	return false;
}

static void
role_other(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_SYSCALL;
}

static void
role_nanosleep(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_SLEEP;
	if (c->want & TASKSTATE_WANT_SLEEP)
		ts->sleep_ns = timespec_at(c, ts->args[0], &ts->reads);
}

/* clock_nanosleep(clock, flags, time, left): with TIMER_ABSTIME, time is
   when on that clock, and what is left is worked out now. */
static void
role_clocksleep(const struct ctx *c, struct taskstate *ts)
{
	struct timespec now;
	int64_t t;

	ts->cls = TASKSTATE_SLEEP;
	if (!(c->want & TASKSTATE_WANT_SLEEP) ||
	    (t = timespec_at(c, ts->args[2], &ts->reads)) == -1)
		return;
	if (!(ts->args[1] & TIMER_ABSTIME)) {
		ts->sleep_ns = t;
		return;
	}
	if (!shared_clock(ts->args[0]) ||
	    clock_gettime((clockid_t)ts->args[0], &now) == -1)
		return;
	t -= (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
	ts->sleep_ns = t > 0 ? t : 0;
	ts->sleep_left = true;
}

/* futex(word, op, ...): the ops that wait are a lock or a condition (a
   join too: glibc waits on the thread's tid word); the others do not
   block, and are a call like any. */
static void
role_futex(const struct ctx *c, struct taskstate *ts)
{
	static const bool waits[16] = {
		[0] = true,		/* FUTEX_WAIT */
		[6] = true,		/* FUTEX_LOCK_PI */
		[9] = true,		/* FUTEX_WAIT_BITSET */
		[11] = true,		/* FUTEX_WAIT_REQUEUE_PI */
		[13] = true,		/* FUTEX_LOCK_PI2 */
	};
	uint64_t op = FUTEX_CMD(ts->args[1]);

	if (op >= 16 || !waits[op]) {
		ts->cls = TASKSTATE_SYSCALL;
		return;
	}
	ts->cls = TASKSTATE_LOCK;
	ts->futex = ts->args[0];
}

/* futex_waitv(waiters, n, ...): several words at once. */
static void
role_futexv(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_LOCK;
	ts->nfds = ts->args[1] <= UINT_MAX ? (unsigned)ts->args[1] : 0;
}

static void
role_child(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_CHILD;
}

/* read, write, accept, connect...: the descriptor is arg 0. */
static void
role_fd(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_IO;
	with_fd(c, ts, ts->args[0]);
}

/* poll(fds, n, timeout): the first struct pollfd says the first. */
static void
role_poll(const struct ctx *c, struct taskstate *ts)
{
	struct {
		int	fd;
		short	events, revents;
	} first;

	ts->cls = TASKSTATE_IO;
	ts->nfds = ts->args[1] <= UINT_MAX ? (unsigned)ts->args[1] : 0;
	if ((c->want & TASKSTATE_WANT_FD) && ts->nfds > 0 &&
	    taskfd_mem(c->root, c->pid, ts->args[0], &first, sizeof(first),
	    &ts->reads) == 0)
		with_fd(c, ts, first.fd < 0 ? UINT64_MAX : (uint64_t)first.fd);
}

/* select(n, in, out, ...): the first descriptor set in `in` (or `out`),
   and how many are, among the first 1024. */
static void
role_select(const struct ctx *c, struct taskstate *ts)
{
	unsigned char set[SELECT_BYTES];
	uint64_t at = ts->args[1] != 0 ? ts->args[1] : ts->args[2];
	size_t bytes = ts->args[0] < SELECT_BYTES * 8 ?
	    ((size_t)ts->args[0] + 63) / 64 * 8 : SELECT_BYTES;
	int fd, first = -1;

	ts->cls = TASKSTATE_IO;
	if (!(c->want & TASKSTATE_WANT_FD) || bytes == 0 ||
	    taskfd_mem(c->root, c->pid, at, set, bytes, &ts->reads) == -1)
		return;
	for (fd = 0; fd < (int)ts->args[0] && (size_t)fd < bytes * 8; fd++)
		if (set[fd / 8] & (1u << (fd % 8))) {
			first = first == -1 ? fd : first;
			ts->nfds++;
		}
	if (first != -1)
		with_fd(c, ts, (uint64_t)first);
}

/* epoll_wait(epfd, ...): the set's first descriptor, from its fdinfo. */
static void
role_epoll(const struct ctx *c, struct taskstate *ts)
{
	int first;

	ts->cls = TASKSTATE_IO;
	if (!(c->want & TASKSTATE_WANT_FD) || ts->args[0] > INT_MAX)
		return;
	first = taskfd_epoll_first(c->root, c->pid, (int)ts->args[0],
	    &ts->nfds, &ts->reads);
	if (first >= 0)
		with_fd(c, ts, (uint64_t)first);
}

/* flock(fd, op): a lock on a file, no futex word. */
static void
role_flock(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_LOCK;
	with_fd(c, ts, ts->args[0]);
}

static void
role_signal(const struct ctx *c, struct taskstate *ts)
{
	ts->cls = TASKSTATE_SIGNAL;
}

/* Each role of syscalls.h: how to read it, and its way of i/o. */
static const struct {
	void		(*read)(const struct ctx *, struct taskstate *);
	enum taskstate_io io;
} roles[SYSCALLS_ROLES] = {
	[SYSCALLS_OTHER] =	{ role_other,	   TASKSTATE_IO_NONE },
	[SYSCALLS_NANOSLEEP] =	{ role_nanosleep,  TASKSTATE_IO_NONE },
	[SYSCALLS_CLOCKSLEEP] =	{ role_clocksleep, TASKSTATE_IO_NONE },
	[SYSCALLS_FUTEX] =	{ role_futex,	   TASKSTATE_IO_NONE },
	[SYSCALLS_FUTEXV] =	{ role_futexv,	   TASKSTATE_IO_NONE },
	[SYSCALLS_CHILD] =	{ role_child,	   TASKSTATE_IO_NONE },
	[SYSCALLS_IN] =		{ role_fd,	   TASKSTATE_IO_IN },
	[SYSCALLS_OUT] =	{ role_fd,	   TASKSTATE_IO_OUT },
	[SYSCALLS_ACCEPT] =	{ role_fd,	   TASKSTATE_IO_ACCEPT },
	[SYSCALLS_CONNECT] =	{ role_fd,	   TASKSTATE_IO_CONNECT },
	[SYSCALLS_POLL] =	{ role_poll,	   TASKSTATE_IO_EITHER },
	[SYSCALLS_SELECT] =	{ role_select,	   TASKSTATE_IO_EITHER },
	[SYSCALLS_EPOLL] =	{ role_epoll,	   TASKSTATE_IO_EITHER },
	[SYSCALLS_FLOCK] =	{ role_flock,	   TASKSTATE_IO_NONE },
	[SYSCALLS_SIGNAL] =	{ role_signal,	   TASKSTATE_IO_NONE },
};

void
taskcall_read(const char *proc_root, pid_t pid, unsigned want,
    struct taskstate *ts)
{
	const struct ctx c = { proc_root, pid, want };
	const struct syscalls_row *row;

	if (ts->nr == -1) {
		ts->cls = TASKSTATE_BLOCKED;
		return;
	}
	if ((row = syscalls_find(ts->nr)) == NULL) {
		ts->cls = TASKSTATE_SYSCALL;
		return;
	}
	ts->call = row->name;
	ts->io = roles[row->role].io;
	roles[row->role].read(&c, ts);
}
