/*
 * tracer.c: running COMMAND under ptrace and telling its tree's births,
 * execs and deaths (see tracer.h).
 *
 * Why ptrace, and PTRACE_SEIZE.  ptrace needs no privilege for one's own
 * child and stops a task only at the moments asked for: a fork, vfork or
 * clone (PTRACE_O_TRACEFORK, VFORK, CLONE: the new task is traced too,
 * from its first instruction), an exec, a task's exit.  The proc connector
 * or the sched tracepoints see the same but need root.  SEIZE rather than
 * PTRACE_TRACEME: the child cannot ask for options, EXITKILL above all,
 * before its exec, and with SEIZE a job-control stop is told apart from a
 * signal (PTRACE_EVENT_STOP) and can be left as it is (PTRACE_LISTEN), so
 * Ctrl-Z and SIGSTOP mean what they meant.  The child waits on a pipe
 * until the parent has seized it, then execs: nothing of COMMAND runs
 * untraced, and there is no stop to undo.
 *
 * One waitpid(-1, __WALL) loop sees every stop and death, each once.  A
 * new task is numbered at its first sight, which is either its parent's
 * fork or clone event or its own first stop (the kernel gives them in
 * either order): from the event when it came first (a fork is a process,
 * a clone a thread if /proc/PID/task/TID is there), else from
 * /proc/TID/status (Tgid, PPid) -- the parent is held in its event stop
 * meanwhile, so what /proc says is still true.  A non-leader thread's
 * death is its end; the leader's death, which the kernel tells only once
 * every other thread of its group has gone, is its process's end.  An
 * exec by a thread that is not the leader takes the leader's tid: the old
 * leader is gone without a word, and the thread goes on under that tid.
 * What is numbered, and the events that tell it, are tracetree.c's.
 *
 * The threads' states are sampled (tracesample.c) at each pump that finds
 * a period gone by; its timer and the SIGCHLD signalfd are polled as one
 * descriptor, an epoll set, so that the callers poll one as before.
 */
#include <sys/ptrace.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "taskinfo.h"
#include "tracer.h"
#include "tracer_fork.h"
#include "tracesample.h"
#include "tracetree.h"

#define TRACE_OPTIONS	(PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |	\
	PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |	\
	PTRACE_O_EXITKILL)
#define NAME_LEN	TASKINFO_NAME

struct tracer {
	struct tree	 tree;		/* what is numbered so far */
	struct sampler	 sampler;	/* the threads' states */
	int		 chld_fd;	/* signalfd for SIGCHLD */
	int		 poll_fd;	/* epoll: chld_fd and the sampler's
					   timer, one descriptor to poll */
	int		 go;		/* the child waits for its close */
	int32_t		 pid;		/* COMMAND's, until its birth is told */
	char		 name[NAME_LEN];	/* its name then */
	bool		 more;		/* the last pump stopped at its budget */
	bool		 idle;		/* the last pump found nothing more, and
					   no SIGCHLD has been read since */
	bool		 done;
};

/* Number task tid, new, at its first sight: from the fork or clone event
   `event` of task `by`, or with by TREE_NONE, from /proc.  Its index, or
   TREE_NONE. */
static uint32_t
identify(struct tracer *t, int32_t tid, uint32_t by, int event)
{
	char name[NAME_LEN];
	int32_t tgid, ppid;
	uint32_t k;
	unsigned proc;

	if (by != TREE_NONE) {
		proc = t->tree.task[by].proc;
		snprintf(name, sizeof(name), "%s", t->tree.task[by].name);
		if (event == PTRACE_EVENT_CLONE &&
		    taskinfo_in(t->tree.proc[proc - 1].pid, tid))
			return tree_new_thread(&t->tree, proc, tid, name);
		return tree_new_proc(&t->tree, tid, proc, name);
	}
	if (!taskinfo_status(tid, &tgid, &ppid, name)) {
		t->tree.unnumbered++;
		return TREE_NONE;
	}
	if (tgid != tid)
		return (k = tree_task_of(&t->tree, tgid)) == TREE_NONE ? (t->tree.unnumbered++, TREE_NONE) :
		    tree_new_thread(&t->tree, t->tree.task[k].proc, tid,
		    name);
	k = tree_task_of(&t->tree, ppid);
	return tree_new_proc(&t->tree, tid, k == TREE_NONE ? 0 : t->tree.task[k].proc, name);
}

/* Task tid died with wait status ws: a thread's end, or if it leads its
   process, after every thread of it, the process's end. */
static void
on_death(struct tracer *t, int32_t tid, int ws)
{
	uint32_t k = tree_task_of(&t->tree, tid), j;
	struct tree_proc *p;
	unsigned state;

	if (k == TREE_NONE)
		return;
	p = &t->tree.proc[t->tree.task[k].proc - 1];
	if (tid != p->pid || p->ended) {
		tree_end_task(&t->tree, k);
		return;
	}
	for (j = 0; j < p->nthread; j++)
		tree_end_task(&t->tree, p->task[j]);
	p->ended = true;
	state = WIFSIGNALED(ws) ? ST_KILLED : WEXITSTATUS(ws) != 0 ?
	    ST_FAILED : ST_EXITED;
	tree_emit(&t->tree, state, t->tree.task[k].proc, 0, tid, ws, 0);
}

/* Task k (tid, its process's leader now) has exec'd; former is the tid
   of the thread that did, which takes the leader's tid if it was another
   one -- the old leader is gone. */
static void
on_exec(struct tracer *t, uint32_t k, int32_t tid, int32_t former)
{
	uint32_t x = tree_task_of(&t->tree, former);

	if (former != tid && x != TREE_NONE) {
		tree_end_task(&t->tree, k);
		if (tree_lead(&t->tree, x) == 0)
			k = x;
	}
	taskinfo_comm(tid, t->tree.task[k].name);
	tree_emit(&t->tree, ST_EXEC, t->tree.task[k].proc, 0, tid, 0, 0);
}

/* Let a stopped task go on, delivering sig (0: none). */
static void
resume(int32_t tid, int sig)
{
	ptrace(PTRACE_CONT, tid, NULL, (void *)(uintptr_t)sig);
}

/* Task tid stopped with wait status ws: tell what it means, and let it go
   on at once. */
static void
on_stop(struct tracer *t, int32_t tid, int ws)
{
	int sig = WSTOPSIG(ws), event = (unsigned)ws >> 16;
	uint32_t k = tree_task_of(&t->tree, tid);
	unsigned long msg = 0;

	if (k == TREE_NONE)
		k = identify(t, tid, TREE_NONE, 0);
	if (event != 0 && event != PTRACE_EVENT_STOP &&
	    event != PTRACE_EVENT_EXIT && k != TREE_NONE &&
	    ptrace(PTRACE_GETEVENTMSG, tid, NULL, &msg) == -1)
		event = -1;
	switch (event) {
	case 0:				/* a signal on its way: deliver it */
		resume(tid, sig);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		if (k != TREE_NONE && tree_task_of(&t->tree, (int32_t)msg) == TREE_NONE)
			identify(t, (int32_t)msg, k, event);
		break;
	case PTRACE_EVENT_EXEC:
		if (k != TREE_NONE)
			on_exec(t, k, tid, (int32_t)msg);
		break;
	case PTRACE_EVENT_EXIT:
		if (k != TREE_NONE)
			taskinfo_comm(tid, t->tree.task[k].name);
		break;
	case PTRACE_EVENT_STOP:
		/* A job-control stop stays a stop. */
		if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
		    sig == SIGTTOU) {
			ptrace(PTRACE_LISTEN, tid, NULL, NULL);
			return;
		}
		break;
	}
	resume(tid, 0);
}

/* The epoll set of chld_fd and the sampler's timer: 0, or -1. */
static int
open_poll(struct tracer *t)
{
	struct epoll_event ev = { .events = EPOLLIN };

	if ((t->poll_fd = epoll_create1(EPOLL_CLOEXEC)) == -1)
		return -1;
	ev.data.fd = t->chld_fd;
	if (epoll_ctl(t->poll_fd, EPOLL_CTL_ADD, t->chld_fd, &ev) == -1)
		return -1;
	ev.data.fd = sampler_fd(&t->sampler);
	return epoll_ctl(t->poll_fd, EPOLL_CTL_ADD, ev.data.fd, &ev);
}

struct tracer *
tracer_start(char *const argv[], enum tracer_out out, run_sink *sink,
    void *ctx, char *why, size_t whylen)
{
	struct tracer *t;
	char path[4096];
	sigset_t chld;
	pid_t pid;
	int saved;

	if (!tracer_path(argv[0], path, sizeof(path), why, whylen)) {
		errno = ENOENT;
		return NULL;
	}
	if ((t = calloc(1, sizeof(*t))) == NULL)
		goto fail;
	*t = (struct tracer){ .go = -1, .chld_fd = -1, .poll_fd = -1,
	    .sampler = { .timer_fd = -1 } };
	tree_init(&t->tree, sink, ctx);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if ((t->chld_fd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC)) ==
	    -1 || sampler_init(&t->sampler) == -1 || open_poll(t) == -1)
		goto fail;
	if ((pid = tracer_fork(path, argv, out, TRACE_OPTIONS,
	    &t->go)) == -1) {
		saved = errno;
		snprintf(why, whylen, saved == EPERM ? "cannot trace %s: "
		    "ptrace is not allowed here (%s); watching a program "
		    "through /proc alone is not built yet" : "cannot trace "
		    "%s: %s", argv[0], strerror(saved));
		tracer_free(t);
		errno = saved;
		return NULL;
	}
	/* Told at the first pump, when it may go. */
	t->pid = pid;
	taskinfo_comm(pid, t->name);
	return t;
fail:
	saved = errno;
	snprintf(why, whylen, "cannot trace %s: %s", argv[0],
	    strerror(saved));
	tracer_free(t);
	errno = saved;
	return NULL;
}

/* The first pump: the run and COMMAND's birth told, and COMMAND let go. */
static void
begin(struct tracer *t)
{
	tree_emit(&t->tree, ST_MRUNNING, 0, 0, getpid(), 0, 0);
	tree_new_proc(&t->tree, t->pid, 0, t->name);
	t->pid = 0;
	close(t->go);
	t->go = -1;
}

size_t
tracer_pump(struct tracer *t, size_t budget)
{
	size_t n = 0;
	pid_t tid;
	int ws;

	if (t->pid != 0)
		begin(t);
	if (!t->done)
		n = sampler_run(&t->sampler, &t->tree, now_ns());
	/* Nothing has stopped or died since waitpid last said so: a stop
	   or a death would have left SIGCHLD pending, and the poll on
	   chld_fd would have woken (tracer_woke()) before this pump. */
	if (t->idle)
		return n;
	t->more = false;
	while (!t->done) {
		if (n >= budget) {
			t->more = true;
			break;
		}
		tid = waitpid(-1, &ws, __WALL | WNOHANG);
		if (tid == -1 && errno == EINTR)
			continue;
		if (tid == -1 && errno == ECHILD) {
			tree_emit(&t->tree, ST_MDONE, 0, 0, getpid(), 0, 0);
			t->done = true;
		}
		if (tid <= 0) {
			t->idle = tid == 0;
			break;
		}
		n++;
		if (WIFSTOPPED(ws))
			on_stop(t, tid, ws);
		else if (WIFEXITED(ws) || WIFSIGNALED(ws))
			on_death(t, tid, ws);
	}
	return n;
}

void
tracer_woke(struct tracer *t)
{
	struct signalfd_siginfo si;

	while (read(t->chld_fd, &si, sizeof(si)) == sizeof(si))
		;
	sampler_woke(&t->sampler);
	t->idle = false;
}

int
tracer_fd(const struct tracer *t)
{
	return t->poll_fd;
}

bool
tracer_may_sleep(const struct tracer *t)
{
	return !t->more && t->pid == 0;
}

bool
tracer_finished(const struct tracer *t)
{
	return t->done;
}

const char *
tracer_name(const struct tracer *t, unsigned proc, unsigned thread)
{
	return tree_name(&t->tree, proc, thread);
}

int
tracer_pid(const struct tracer *t, unsigned proc)
{
	if (proc < 1 || proc > t->tree.nproc || t->tree.proc[proc - 1].ended)
		return 0;
	return t->tree.proc[proc - 1].pid;
}

unsigned
tracer_unnumbered(const struct tracer *t)
{
	return t->tree.unnumbered;
}

void
tracer_free(struct tracer *t)
{
	unsigned i;
	pid_t tid;
	int ws;

	if (t == NULL)
		return;
	if (t->pid > 0)
		kill(t->pid, SIGKILL);
	for (i = 0; i < t->tree.nproc; i++)
		if (!t->tree.proc[i].ended)
			kill(t->tree.proc[i].pid, SIGKILL);
	/* Every tracee left is reaped here, and one born meanwhile (its
	   first stop) is killed too: nothing of the tree outlives this.  A
	   killed task still stops at its exit (PTRACE_EVENT_EXIT), and
	   waits there until it is let go. */
	while ((tid = waitpid(-1, &ws, __WALL)) > 0 || errno == EINTR)
		if (tid > 0 && WIFSTOPPED(ws)) {
			kill(tid, SIGKILL);
			resume(tid, 0);
		}
	if (t->go != -1)
		close(t->go);
	if (t->chld_fd >= 0)
		close(t->chld_fd);
	if (t->poll_fd >= 0)
		close(t->poll_fd);
	sampler_free(&t->sampler);
	tree_free(&t->tree);
	free(t);
}
