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
 *
 * The same tree and loop serve two other ways in: --attach seizes a
 * running program (tracer_attach.c), tells what it seized at the first
 * pump, and lets it go at the end instead of killing it; --poll forks
 * COMMAND unseized and reads its tree from /proc (procpoll.c), its timer
 * in the epoll set too, where ptrace is refused.
 */
#include <sys/prctl.h>
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
#include "procpoll.h"
#include "tracer.h"
#include "tracer_attach.h"
#include "tracer_fork.h"
#include "tracesample.h"
#include "tracetree.h"

#define TRACE_OPTIONS	(PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |	\
	PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |	\
	PTRACE_O_EXITKILL)
/* An attached program is not ptviz's: its end leaves it running. */
#define ATTACH_OPTIONS	(TRACE_OPTIONS & ~PTRACE_O_EXITKILL)
#define NAME_LEN	TASKINFO_NAME

struct tracer {
	struct tree	 tree;		/* what is numbered so far */
	struct sampler	 sampler;	/* the threads' states */
	int		 chld_fd;	/* signalfd for SIGCHLD */
	int		 poll_fd;	/* epoll: chld_fd and the sampler's
					   timer, one descriptor to poll */
	int		 go;		/* the child waits for its close */
	int32_t		 pid;		/* COMMAND's, until its birth is told */
	int32_t		 attached;	/* --attach's pid, else 0 */
	struct attach_list seized;	/* what --attach seized, told at the
					   first pump */
	bool		 polled;	/* --poll: watched through /proc */
	struct procpoll	 poll;		/* then, its readings */
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
	uint32_t k = tree_task_of(&t->tree, tid);
	struct tree_proc *p;

	if (k == TREE_NONE)
		return;
	p = &t->tree.proc[t->tree.task[k].proc - 1];
	if (tid != p->pid || p->ended) {
		tree_end_task(&t->tree, k);
		return;
	}
	tree_end_proc(&t->tree, t->tree.task[k].proc, tree_end_state(ws), ws);
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
	bool jobstop = event == PTRACE_EVENT_STOP && (sig == SIGSTOP ||
	    sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU);

	if (k == TREE_NONE)
		k = identify(t, tid, TREE_NONE, 0);
	/* Any other stop ends a job-control stop: SIGCONT came. */
	if (k != TREE_NONE)
		t->tree.task[k].stopped = jobstop;
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
		/* The parent goes on before its child is told: a process's
		   birth is told from what ptviz holds (the parent's number
		   and name), and a program that forks fast waits here once
		   a child, so the telling is not made its wait. */
		resume(tid, 0);
		if (k != TREE_NONE && tree_task_of(&t->tree, (int32_t)msg) == TREE_NONE)
			identify(t, (int32_t)msg, k, event);
		return;
	case PTRACE_EVENT_CLONE:
		/* Held until told: whether the new task is a thread is read
		   from /proc, which an exec by its parent would change. */
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
		if (jobstop) {
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

/* A tracer with nothing traced yet, its events to sink(ctx, ev); NULL
   with errno. */
static struct tracer *
tracer_new(run_sink *sink, void *ctx)
{
	struct tracer *t;
	sigset_t chld;
	int saved;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	*t = (struct tracer){ .go = -1, .chld_fd = -1, .poll_fd = -1,
	    .sampler = { .timer_fd = -1 }, .poll = { .timer_fd = -1 } };
	tree_init(&t->tree, sink, ctx);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if ((t->chld_fd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC)) ==
	    -1 || sampler_init(&t->sampler) == -1 || open_poll(t) == -1) {
		saved = errno;
		tracer_free(t);
		errno = saved;
		return NULL;
	}
	return t;
}

struct tracer *
tracer_start(char *const argv[], enum tracer_out out, int tty,
    run_sink *sink, void *ctx, char *why, size_t whylen)
{
	struct tracer *t;
	char path[4096];
	pid_t pid;
	int saved;

	if (!tracer_path(argv[0], path, sizeof(path), why, whylen)) {
		errno = ENOENT;
		return NULL;
	}
	if ((t = tracer_new(sink, ctx)) == NULL)
		goto fail;
	if ((pid = tracer_fork(path, argv, out, tty, TRACE_OPTIONS,
	    &t->go)) == -1) {
		saved = errno;
		snprintf(why, whylen, saved == EPERM ? "cannot trace %s: "
		    "ptrace is not allowed here (%s); run with --poll to "
		    "watch it through /proc alone (tasks shorter than 100 ms "
		    "may be missed)" : "cannot trace %s: %s", argv[0],
		    strerror(saved));
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
	errno = saved;
	return NULL;
}

struct tracer *
tracer_poll(char *const argv[], enum tracer_out out, int tty,
    run_sink *sink, void *ctx, char *why, size_t whylen)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct tracer *t;
	char path[4096];
	int saved;

	if (!tracer_path(argv[0], path, sizeof(path), why, whylen)) {
		errno = ENOENT;
		return NULL;
	}
	/* Orphans of the tree are ptviz's to reap, and to find: nothing
	   of it leaves ptviz's descendants. */
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1 ||
	    (t = tracer_new(sink, ctx)) == NULL)
		goto fail;
	t->polled = true;
	if ((t->pid = tracer_fork(path, argv, out, tty, 0, &t->go)) ==
	    -1 || procpoll_init(&t->poll, t->pid) == -1)
		goto fail_free;
	ev.data.fd = procpoll_fd(&t->poll);
	if (epoll_ctl(t->poll_fd, EPOLL_CTL_ADD, ev.data.fd, &ev) == -1)
		goto fail_free;
	taskinfo_comm(t->pid, t->name);
	return t;
fail_free:
	saved = errno;
	tracer_free(t);
	errno = saved;
fail:
	saved = errno;
	snprintf(why, whylen, "cannot watch %s: %s", argv[0],
	    strerror(saved));
	errno = saved;
	return NULL;
}

struct tracer *
tracer_attach(pid_t pid, run_sink *sink, void *ctx, char *why,
    size_t whylen)
{
	struct tracer *t;
	int saved;

	if (!attach_allowed(pid, why, whylen)) {
		errno = EPERM;
		return NULL;
	}
	if ((t = tracer_new(sink, ctx)) == NULL) {
		saved = errno;
		snprintf(why, whylen, "cannot attach to %d: %s", (int)pid,
		    strerror(saved));
		errno = saved;
		return NULL;
	}
	if (attach_seize(pid, ATTACH_OPTIONS, &t->seized, why, whylen) ==
	    -1) {
		saved = errno;
		tracer_free(t);
		errno = saved;
		return NULL;
	}
	t->pid = t->attached = pid;
	return t;
}

/* What --attach seized numbered and told, in the order it was found:
   each process born of the one it was found a child of (0: of none
   traced), each thread of its process. */
static void
tell_seized(struct tracer *t)
{
	const struct attach_task *a;
	uint32_t k;
	size_t i;

	for (i = 0; i < t->seized.n; i++) {
		a = &t->seized.task[i];
		if (a->tgid == a->tid) {
			k = tree_task_of(&t->tree, a->ppid);
			tree_new_proc(&t->tree, a->tid, k == TREE_NONE ? 0 :
			    t->tree.task[k].proc, a->name);
		} else if (a->tgid != 0 &&
		    (k = tree_task_of(&t->tree, a->tgid)) != TREE_NONE) {
			tree_new_thread(&t->tree, t->tree.task[k].proc,
			    a->tid, a->name);
		}
	}
	attach_list_free(&t->seized);
}

/* The first pump: the run and COMMAND's birth told, and COMMAND let go. */
static void
begin(struct tracer *t)
{
	tree_emit(&t->tree, ST_MRUNNING, 0, 0, getpid(), 0, 0);
	if (t->attached != 0)
		tell_seized(t);
	else
		tree_new_proc(&t->tree, t->pid, 0, t->name);
	t->pid = 0;
	if (t->go != -1)
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
	if (t->polled && !t->done) {
		n += procpoll_run(&t->poll, &t->tree);
		if (t->poll.over) {
			tree_emit(&t->tree, ST_MDONE, 0, 0, getpid(), 0, 0);
			t->done = true;
		}
	}
	if (t->polled)
		return n;
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
	if (t->polled)
		procpoll_woke(&t->poll);
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
tracer_procs(const struct tracer *t)
{
	return t->tree.nproc;
}

unsigned
tracer_unnumbered(const struct tracer *t)
{
	return t->tree.unnumbered;
}

/* Kill (SIGKILL) every process of the tree and reap them all. */
static void
kill_all(struct tracer *t)
{
	unsigned i;
	pid_t tid;
	int ws;

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
}

void
tracer_free(struct tracer *t)
{
	if (t == NULL)
		return;
	/* An attached program goes on as it was; seized.n: seized in part
	   (the seizing failed), or not told yet. */
	if (t->attached != 0 || t->seized.n > 0)
		attach_release(&t->seized, t->pid == 0 ? &t->tree : NULL);
	else if (t->polled)
		procpoll_kill(&t->poll);
	else
		kill_all(t);
	procpoll_free(&t->poll);
	if (t->go != -1)
		close(t->go);
	attach_list_free(&t->seized);
	if (t->chld_fd >= 0)
		close(t->chld_fd);
	if (t->poll_fd >= 0)
		close(t->poll_fd);
	sampler_free(&t->sampler);
	tree_free(&t->tree);
	free(t);
}
