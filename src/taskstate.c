/*
 * taskstate.c: a thread's state from /proc, named for a learner.
 *
 * The state letter comes first (kstat.c reads it): R, T, t, Z and X say
 * all there is, and cost one file.  Any other letter is a thread asleep in
 * the kernel, and its syscall file says in what: the call's number finds
 * its row in syscalls.c, and the row's role finds here the class and what
 * to read of the arguments (a futex word, a descriptor, a sleep's length).
 * When the syscall file cannot be read (no right to ptrace the thread),
 * the wait channel stands in: a table of the kernel functions a thread
 * waits in, less precise (no descriptor, no futex word) and different
 * from one kernel to the next, but better than a bare 'S'.
 *
 * The words of each class, of each way of input or output and of each
 * kind of descriptor are one table each, so a cell, the details and the
 * help say the same.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kstat.h"
#include "syscalls.h"
#include "taskfd.h"
#include "taskstate.h"

#define SYSCALL_BUF	256	/* "nr" and eight hex numbers */
#define SELECT_BYTES	128	/* an fd_set's first 1024 descriptors */
#define FUTEX_CMD(op)	((op) & 127)	/* without PRIVATE, CLOCK_REALTIME */

/* The letters that say all there is, without the syscall file; a letter
   not here (S, D, ...) is a thread asleep in the kernel. */
static const struct {
	bool			 all;
	enum taskstate_class	 cls;
} by_letter[128] = {
	['R'] = { true, TASKSTATE_CPU },
	['T'] = { true, TASKSTATE_STOPPED },
	['t'] = { true, TASKSTATE_STOPPED },
	['Z'] = { true, TASKSTATE_ZOMBIE },
	['X'] = { true, TASKSTATE_GONE },
	['x'] = { true, TASKSTATE_GONE },
};

/* The kernel functions a thread waits in (a suffix ".isra.0" and the
   like aside), when the syscall file cannot say: the first whole match. */
static const struct {
	const char		*func;
	enum taskstate_class	 cls;
	enum taskstate_io	 io;
} wchans[] = {
	{ "hrtimer_nanosleep",	   TASKSTATE_SLEEP,  TASKSTATE_IO_NONE },
	{ "do_nanosleep",	   TASKSTATE_SLEEP,  TASKSTATE_IO_NONE },
	{ "futex_do_wait",	   TASKSTATE_LOCK,   TASKSTATE_IO_NONE },
	{ "futex_wait_queue",	   TASKSTATE_LOCK,   TASKSTATE_IO_NONE },
	{ "futex_wait_queue_me",   TASKSTATE_LOCK,   TASKSTATE_IO_NONE },
	{ "futex_wait",		   TASKSTATE_LOCK,   TASKSTATE_IO_NONE },
	{ "do_wait",		   TASKSTATE_CHILD,  TASKSTATE_IO_NONE },
	{ "kernel_wait4",	   TASKSTATE_CHILD,  TASKSTATE_IO_NONE },
	{ "anon_pipe_read",	   TASKSTATE_IO,     TASKSTATE_IO_IN },
	{ "pipe_read",		   TASKSTATE_IO,     TASKSTATE_IO_IN },
	{ "anon_pipe_write",	   TASKSTATE_IO,     TASKSTATE_IO_OUT },
	{ "pipe_write",		   TASKSTATE_IO,     TASKSTATE_IO_OUT },
	{ "wait_woken",		   TASKSTATE_IO,     TASKSTATE_IO_IN },
	{ "n_tty_read",		   TASKSTATE_IO,     TASKSTATE_IO_IN },
	{ "unix_stream_data_wait", TASKSTATE_IO,     TASKSTATE_IO_IN },
	{ "sk_wait_data",	   TASKSTATE_IO,     TASKSTATE_IO_IN },
	{ "poll_schedule_timeout", TASKSTATE_IO,     TASKSTATE_IO_EITHER },
	{ "do_sys_poll",	   TASKSTATE_IO,     TASKSTATE_IO_EITHER },
	{ "do_select",		   TASKSTATE_IO,     TASKSTATE_IO_EITHER },
	{ "do_epoll_wait",	   TASKSTATE_IO,     TASKSTATE_IO_EITHER },
	{ "ep_poll",		   TASKSTATE_IO,     TASKSTATE_IO_EITHER },
	{ "inet_csk_accept",	   TASKSTATE_IO,     TASKSTATE_IO_ACCEPT },
	{ "do_sigtimedwait",	   TASKSTATE_SIGNAL, TASKSTATE_IO_NONE },
	{ "sigsuspend",		   TASKSTATE_SIGNAL, TASKSTATE_IO_NONE },
};

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

/* A syscall file's text into ts: "running" (*running), "-1 SP PC" (not
   in a call: nr -1), or "NR A1 ... A6 SP PC"; false if none of these. */
static bool
parse_syscall(const char *text, struct taskstate *ts, bool *running)
{
	const char *p;
	char *end;
	long nr;
	int i;

	*running = strncmp(text, "running", 7) == 0;
	if (*running)
		return true;
	/* strtol() would take spaces before the number. */
	if (*text != '-' && (*text < '0' || *text > '9'))
		return false;
	errno = 0;
	nr = strtol(text, &end, 10);
	if (end == text || errno != 0 || nr < -1 || *end != ' ')
		return false;
	ts->nr = nr;
	for (i = 0; nr >= 0 && i < 6; i++) {
		p = end;
		if (strncmp(p, " 0x", 3) != 0)
			return false;
		p += 3;
		ts->args[i] = strtoull(p, &end, 16);
		if (end == p || errno != 0)
			return false;
	}
	return true;
}

/* The class from the wait channel alone, when the syscall file cannot be
   read: its own file, unless stat's reading already gave it. */
static void
by_wchan(const char *dir, struct taskstate *ts)
{
	char path[PATH_MAX], text[sizeof(ts->wchan)];
	size_t i, n;

	ts->cls = TASKSTATE_BLOCKED;
	if (ts->wchan[0] == '\0' && (size_t)snprintf(path, sizeof(path),
	    "%s/wchan", dir) < sizeof(path) &&
	    taskfd_slurp(path, text, sizeof(text), &ts->reads) > 0) {
		text[strcspn(text, "\n")] = '\0';
		if (strcmp(text, "0") != 0)
			memcpy(ts->wchan, text, sizeof(ts->wchan));
	}
	for (i = 0; i < sizeof(wchans) / sizeof(wchans[0]); i++) {
		n = strlen(wchans[i].func);
		if (strncmp(ts->wchan, wchans[i].func, n) == 0 &&
		    (ts->wchan[n] == '\0' || ts->wchan[n] == '.')) {
			ts->cls = wchans[i].cls;
			ts->io = wchans[i].io;
			return;
		}
	}
}

/* ts as nothing known yet. */
static void
clear(struct taskstate *ts)
{
	memset(ts, 0, sizeof(*ts));
	ts->nr = -1;
	ts->fd = -1;
	ts->sleep_ns = -1;
}

/* ts as a thread that has ended (the files it took are still counted). */
static int
gone(struct taskstate *ts)
{
	unsigned reads = ts->reads;

	clear(ts);
	ts->cls = TASKSTATE_GONE;
	ts->gone = true;
	ts->reads = reads;
	return 0;
}

/* The class from the call the syscall file names. */
static void
by_call(const struct ctx *c, struct taskstate *ts)
{
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
	roles[row->role].read(c, ts);
}

/* The thread's syscall file read into ts, and the class it gives. */
static int
by_syscall(const struct ctx *c, pid_t tid, struct taskstate *ts)
{
	char dir[PATH_MAX], path[PATH_MAX], text[SYSCALL_BUF];
	bool running;
	ssize_t n;

	if ((size_t)snprintf(dir, sizeof(dir), "%s/%d/task/%d", c->root,
	    (int)c->pid, (int)tid) >= sizeof(dir) ||
	    (size_t)snprintf(path, sizeof(path), "%s/syscall", dir) >=
	    sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	n = taskfd_slurp(path, text, sizeof(text), &ts->reads);
	if (n == 0 || (n == -1 && (errno == ENOENT || errno == ESRCH)))
		return gone(ts);
	/* Not ours to read: no right to ptrace it. */
	if (n == -1 && (errno == EACCES || errno == EPERM)) {
		by_wchan(dir, ts);
		return 0;
	}
	if (n == -1)
		return -1;
	if (!parse_syscall(text, ts, &running)) {
		errno = EINVAL;
		return -1;
	}
	ts->have_syscall = true;
	if (running)
		ts->cls = TASKSTATE_CPU;
	else
		by_call(c, ts);
	return 0;
}

int
taskstate_read(const char *proc_root, pid_t pid, pid_t tid, unsigned want,
    struct taskstate *ts)
{
	const struct ctx c = { proc_root, pid, want };
	struct kstat k;
	unsigned char l;

	clear(ts);
	tid = tid > 0 ? tid : pid;
	if (kstat_read_some(proc_root, pid, tid,
	    (want & TASKSTATE_WANT_WCHAN) ? KSTAT_WCHAN : 0, &k) == -1)
		return -1;
	ts->reads = k.reads;
	if (k.gone)
		return gone(ts);
	ts->state = k.state;
	memcpy(ts->wchan, k.wchan, sizeof(ts->wchan));
	l = (unsigned char)k.state;
	if (l < 128 && by_letter[l].all) {
		ts->cls = by_letter[l].cls;
		ts->gone = ts->cls == TASKSTATE_GONE;
		return 0;
	}
	return by_syscall(&c, tid, ts);
}
