/*
 * taskstate.c: a thread's state from /proc, named for a learner.
 *
 * The state letter comes first (kstat.c reads it): R, T, t, Z and X say
 * all there is, and cost one file.  Any other letter is a thread asleep in
 * the kernel, and its syscall file says in what: the call's number finds
 * its row in syscalls.c, and the row's role in taskcall.c the class and
 * what to read of the arguments (a futex word, a descriptor, a sleep's
 * length).  Quick (TASKSTATE_WANT_QUICK) turns the order round: the
 * syscall file alone says "running" (the kernel's state 0, R) or names a
 * call, and stat is read only when it names none.
 * When the syscall file cannot be read (no right to ptrace the thread),
 * the wait channel stands in: a table of the kernel functions a thread
 * waits in, less precise (no descriptor, no futex word) and different
 * from one kernel to the next, but better than a bare 'S'.
 *
 * The two files are read by their paths, or kept open and read again
 * with pread(2) (taskstate_open): the lookup of a path under /proc is
 * half of what a reading costs.  The words are taskwords.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kstat.h"
#include "taskcall.h"
#include "taskfd.h"
#include "taskstate.h"

#define SYSCALL_BUF	256	/* "nr" and eight hex numbers */

/* Where a reading takes its files: paths under dir, or two kept open. */
struct src {
	const char	*root;
	pid_t		 pid, tid;
	unsigned	 want;
	char		 dir[PATH_MAX];	/* PID/task/TID */
	int		 stat_fd;	/* -1: by its path */
	int		 syscall_fd;	/* -1: by its path */
};

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

/* The wait channel of the thread in dir into ts->wchan ("" for none). */
static void
read_wchan(const char *dir, struct taskstate *ts)
{
	char path[PATH_MAX], text[sizeof(ts->wchan)];

	if ((size_t)snprintf(path, sizeof(path), "%s/wchan", dir) <
	    sizeof(path) &&
	    taskfd_slurp(path, text, sizeof(text), &ts->reads) > 0) {
		text[strcspn(text, "\n")] = '\0';
		if (strcmp(text, "0") != 0)
			memcpy(ts->wchan, text, sizeof(ts->wchan));
	}
}

/* The class from the wait channel alone, when the syscall file cannot be
   read. */
static void
by_wchan(const char *dir, struct taskstate *ts)
{
	size_t i, n;

	ts->cls = TASKSTATE_BLOCKED;
	read_wchan(dir, ts);
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

/* The directory of thread tid of pid; -1 with ENAMETOOLONG. */
static int
task_dir(char *dir, size_t len, const char *root, pid_t pid, pid_t tid)
{
	if ((size_t)snprintf(dir, len, "%s/%d/task/%d", root, (int)pid,
	    (int)tid) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* The stat file into ts: 1 if its letter says all there is (or the
   thread is gone), 0 if the syscall file must say, -1 with errno. */
static int
by_stat(const struct src *s, struct taskstate *ts)
{
	struct kstat k;
	unsigned char l;

	if ((s->stat_fd >= 0 ? kstat_read_fd(s->stat_fd, &k) :
	    kstat_read_some(s->root, s->pid, s->tid, KSTAT_STATE, &k)) == -1)
		return -1;
	ts->reads += k.reads;
	if (k.gone)
		return gone(ts) + 1;
	ts->state = k.state;
	l = (unsigned char)k.state;
	if (l < 128 && by_letter[l].all) {
		ts->cls = by_letter[l].cls;
		ts->gone = ts->cls == TASKSTATE_GONE;
		return 1;
	}
	return 0;
}

/* The syscall file's text, kept open or by its path. */
static ssize_t
syscall_text(const struct src *s, char *buf, size_t len, unsigned *reads)
{
	char path[PATH_MAX];
	ssize_t n;

	if (s->syscall_fd < 0) {
		if ((size_t)snprintf(path, sizeof(path), "%s/syscall",
		    s->dir) >= sizeof(path)) {
			errno = ENAMETOOLONG;
			return -1;
		}
		return taskfd_slurp(path, buf, len, reads);
	}
	/* One pread() at 0: the kernel writes the line whole. */
	while ((n = pread(s->syscall_fd, buf, len - 1, 0)) == -1 &&
	    errno == EINTR)
		;
	(*reads)++;
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* The syscall file into ts, and the class it gives: 0, or 1 if the wait
   channel said instead; -1 with errno. */
static int
by_syscall(const struct src *s, struct taskstate *ts)
{
	char text[SYSCALL_BUF];
	bool running;
	ssize_t n;
	int r;

	n = syscall_text(s, text, sizeof(text), &ts->reads);
	if (n == 0 || (n == -1 && (errno == ENOENT || errno == ESRCH)))
		return gone(ts);
	/* Not ours to read: no right to ptrace it. */
	if (n == -1 && (errno == EACCES || errno == EPERM)) {
		by_wchan(s->dir, ts);
		return 1;
	}
	if (n == -1)
		return -1;
	if (!parse_syscall(text, ts, &running)) {
		errno = EINVAL;
		return -1;
	}
	ts->have_syscall = true;
	/* "running" is the kernel's state 0: on a CPU or ready for one. */
	if (running) {
		ts->cls = TASKSTATE_CPU;
		ts->state = ts->state != 0 ? ts->state : 'R';
		return 0;
	}
	/* Quick, and not in a call: stopped, a zombie, a page fault? */
	if (ts->nr == -1 && ts->state == 0 && (r = by_stat(s, ts)) != 0)
		return r == 1 ? 0 : -1;
	taskcall_read(s->root, s->pid, s->want, ts);
	return 0;
}

/* What the thread s names is doing, into ts. */
static int
classify(const struct src *s, struct taskstate *ts)
{
	int r;

	clear(ts);
	if (!(s->want & TASKSTATE_WANT_QUICK) && (r = by_stat(s, ts)) != 0)
		return r == 1 ? 0 : -1;
	if ((r = by_syscall(s, ts)) == -1)
		return -1;
	if (r == 0 && (s->want & TASKSTATE_WANT_WCHAN) && !ts->gone)
		read_wchan(s->dir, ts);
	return 0;
}

int
taskstate_read(const char *proc_root, pid_t pid, pid_t tid, unsigned want,
    struct taskstate *ts)
{
	struct src s = { proc_root, pid, tid > 0 ? tid : pid, want, "", -1,
	    -1 };

	if (task_dir(s.dir, sizeof(s.dir), proc_root, pid, s.tid) == -1)
		return -1;
	return classify(&s, ts);
}

int
taskstate_open(const char *proc_root, pid_t pid, pid_t tid,
    struct taskstate_files *f)
{
	char dir[PATH_MAX], path[PATH_MAX];
	int saved;

	f->proc_root = proc_root;
	f->pid = pid;
	f->tid = tid > 0 ? tid : pid;
	f->syscall_fd = -1;
	if ((f->stat_fd = kstat_open(proc_root, pid, f->tid)) == -1)
		return -1;
	if (task_dir(dir, sizeof(dir), proc_root, pid, f->tid) == 0 &&
	    (size_t)snprintf(path, sizeof(path), "%s/syscall", dir) <
	    sizeof(path) &&
	    ((f->syscall_fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 ||
	    errno == EACCES || errno == EPERM))
		return 0;
	saved = errno;
	taskstate_close(f);
	errno = saved;
	return -1;
}

int
taskstate_read_open(const struct taskstate_files *f, unsigned want,
    struct taskstate *ts)
{
	struct src s = { f->proc_root, f->pid, f->tid, want, "", f->stat_fd,
	    f->syscall_fd };

	if (task_dir(s.dir, sizeof(s.dir), f->proc_root, f->pid, f->tid) ==
	    -1)
		return -1;
	return classify(&s, ts);
}

void
taskstate_close(struct taskstate_files *f)
{
	if (f->stat_fd >= 0)
		close(f->stat_fd);
	if (f->syscall_fd >= 0)
		close(f->syscall_fd);
	f->stat_fd = f->syscall_fd = -1;
}
