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
 */
#include <sys/ptrace.h>
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
#include "tidmap.h"
#include "tracer.h"
#include "tracer_fork.h"

#define TRACE_OPTIONS	(PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |	\
	PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |	\
	PTRACE_O_EXITKILL)
#define NAME_LEN	TASKINFO_NAME
#define NONE		UINT32_MAX

struct task {
	int32_t		 tid;
	uint16_t	 proc;		/* 1.. */
	uint16_t	 thread;	/* 1.. within its process */
	bool		 ended;
	char		 name[NAME_LEN];
};

struct proc {
	int32_t		 pid;
	uint32_t	 leader;	/* the task whose tid is pid */
	uint32_t	*task;		/* [nthread]: by thread number - 1 */
	unsigned	 nthread, cap;
	bool		 ended;
};

struct tracer {
	run_sink	*sink;
	void		*ctx;
	int		 chld_fd;	/* signalfd for SIGCHLD */
	int		 go;		/* the child waits for its close */
	int32_t		 pid;		/* COMMAND's, until its birth is told */
	char		 name[NAME_LEN];	/* its name then */
	struct task	*task;
	struct proc	*proc;
	unsigned	 ntask, cap_task, nproc, cap_proc;
	struct tidmap	 tids;		/* a live task's tid: its index */
	unsigned	 unnumbered;
	bool		 more;		/* the last pump stopped at its budget */
	bool		 idle;		/* the last pump found nothing more, and
					   no SIGCHLD has been read since */
	bool		 done;
};

static void
emit(struct tracer *t, unsigned state, unsigned proc, unsigned thread,
    int32_t tid, int64_t wstatus, unsigned object)
{
	struct event ev = {
		.t_ns = now_ns(),
		.wstatus = wstatus,
		.pid = proc > 0 ? t->proc[proc - 1].pid : getpid(),
		.tid = tid,
		.proc = (uint16_t)proc,
		.thread = (uint16_t)thread,
		.state = (uint8_t)state,
		.object = (uint16_t)object,
	};

	t->sink(t->ctx, &ev);
}

/* Grow *p, an array of *cap elements of size sz, to hold n; -1 if there
   is no memory. */
static int
grow(void *p, unsigned *cap, unsigned n, size_t sz)
{
	void *q;
	unsigned c = *cap > 0 ? *cap : 8;

	if (n <= *cap)
		return 0;
	while (c < n)
		c *= 2;
	if ((q = reallocarray(*(void **)p, c, sz)) == NULL)
		return -1;
	*(void **)p = q;
	*cap = c;
	return 0;
}

/* The task of tid, or NONE. */
static uint32_t
task_of(const struct tracer *t, int32_t tid)
{
	uint32_t k;

	return tidmap_get(&t->tids, tid, &k) ? k : NONE;
}

/* A new thread of process proc: tid, named name; its birth told if tell.
   The task's index, or NONE if it could not be numbered. */
static uint32_t
new_thread(struct tracer *t, unsigned proc, int32_t tid, const char *name,
    bool tell)
{
	struct proc *p = &t->proc[proc - 1];
	struct task *k;
	uint32_t i = t->ntask;

	if (p->nthread >= UINT16_MAX ||
	    grow(&t->task, &t->cap_task, i + 1, sizeof(*t->task)) == -1 ||
	    grow(&p->task, &p->cap, p->nthread + 1, sizeof(*p->task)) == -1 ||
	    tidmap_put(&t->tids, tid, i) == -1) {
		t->unnumbered++;
		return NONE;
	}
	k = &t->task[t->ntask++];
	*k = (struct task){ .tid = tid, .proc = (uint16_t)proc,
	    .thread = (uint16_t)(p->nthread + 1) };
	snprintf(k->name, sizeof(k->name), "%s", name);
	p->task[p->nthread++] = i;
	if (tid == p->pid)
		p->leader = i;
	if (tell)
		emit(t, ST_TBORN, proc, k->thread, tid, 0, 0);
	return i;
}

/* A new process, pid, born of process parent (0: ptviz), named name; its
   birth and its main thread's told.  Its main thread's task, or NONE. */
static uint32_t
new_proc(struct tracer *t, int32_t pid, unsigned parent, const char *name)
{
	struct proc *p;
	uint32_t k;

	if (t->nproc >= UINT16_MAX ||
	    grow(&t->proc, &t->cap_proc, t->nproc + 1, sizeof(*t->proc)) == -1) {
		t->unnumbered++;
		return NONE;
	}
	p = &t->proc[t->nproc++];
	*p = (struct proc){ .pid = pid, .leader = NONE };
	/* Its name is its main thread's: numbered first, told after. */
	k = new_thread(t, t->nproc, pid, name, false);
	emit(t, ST_BORN, t->nproc, 0, pid, 0, parent);
	if (k != NONE)
		emit(t, ST_TBORN, t->nproc, 1, pid, 0, 0);
	return k;
}

/* Number task tid, new, at its first sight: from the fork or clone event
   `event` of task `by`, or with by NONE, from /proc.  Its index, or
   NONE. */
static uint32_t
identify(struct tracer *t, int32_t tid, uint32_t by, int event)
{
	char name[NAME_LEN];
	int32_t tgid, ppid;
	uint32_t k;
	unsigned proc;

	if (by != NONE) {
		proc = t->task[by].proc;
		snprintf(name, sizeof(name), "%s", t->task[by].name);
		if (event == PTRACE_EVENT_CLONE &&
		    taskinfo_in(t->proc[proc - 1].pid, tid))
			return new_thread(t, proc, tid, name, true);
		return new_proc(t, tid, proc, name);
	}
	if (!taskinfo_status(tid, &tgid, &ppid, name)) {
		t->unnumbered++;
		return NONE;
	}
	if (tgid != tid)
		return (k = task_of(t, tgid)) == NONE ? (t->unnumbered++, NONE) :
		    new_thread(t, t->task[k].proc, tid, name, true);
	k = task_of(t, ppid);
	return new_proc(t, tid, k == NONE ? 0 : t->task[k].proc, name);
}

/* Task k has ended: told, and forgotten by its tid. */
static void
end_task(struct tracer *t, uint32_t k)
{
	struct task *task = &t->task[k];

	if (task->ended)
		return;
	task->ended = true;
	tidmap_del(&t->tids, task->tid);
	emit(t, ST_TENDED, task->proc, task->thread, task->tid, 0, 0);
}

/* Task tid died with wait status ws: a thread's end, or if it leads its
   process, after every thread of it, the process's end. */
static void
on_death(struct tracer *t, int32_t tid, int ws)
{
	uint32_t k = task_of(t, tid), j;
	struct proc *p;
	unsigned state;

	if (k == NONE)
		return;
	p = &t->proc[t->task[k].proc - 1];
	if (tid != p->pid || p->ended) {
		end_task(t, k);
		return;
	}
	for (j = 0; j < p->nthread; j++)
		end_task(t, p->task[j]);
	p->ended = true;
	state = WIFSIGNALED(ws) ? ST_KILLED : WEXITSTATUS(ws) != 0 ?
	    ST_FAILED : ST_EXITED;
	emit(t, state, t->task[k].proc, 0, tid, ws, 0);
}

/* Task k (tid, its process's leader now) has exec'd; former is the tid
   of the thread that did, which takes the leader's tid if it was another
   one -- the old leader is gone. */
static void
on_exec(struct tracer *t, uint32_t k, int32_t tid, int32_t former)
{
	struct proc *p = &t->proc[t->task[k].proc - 1];
	uint32_t x = task_of(t, former);

	if (former != tid && x != NONE) {
		end_task(t, k);
		tidmap_del(&t->tids, former);
		if (tidmap_put(&t->tids, tid, x) == 0) {
			t->task[x].tid = tid;
			p->leader = k = x;
		}
	}
	taskinfo_comm(tid, t->task[k].name);
	emit(t, ST_EXEC, t->task[k].proc, 0, tid, 0, 0);
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
	uint32_t k = task_of(t, tid);
	unsigned long msg = 0;

	if (k == NONE)
		k = identify(t, tid, NONE, 0);
	if (event != 0 && event != PTRACE_EVENT_STOP &&
	    event != PTRACE_EVENT_EXIT && k != NONE &&
	    ptrace(PTRACE_GETEVENTMSG, tid, NULL, &msg) == -1)
		event = -1;
	switch (event) {
	case 0:				/* a signal on its way: deliver it */
		resume(tid, sig);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		if (k != NONE && task_of(t, (int32_t)msg) == NONE)
			identify(t, (int32_t)msg, k, event);
		break;
	case PTRACE_EVENT_EXEC:
		if (k != NONE)
			on_exec(t, k, tid, (int32_t)msg);
		break;
	case PTRACE_EVENT_EXIT:
		if (k != NONE)
			taskinfo_comm(tid, t->task[k].name);
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

struct tracer *
tracer_start(char *const argv[], bool out_to_stderr, run_sink *sink,
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
	*t = (struct tracer){ .sink = sink, .ctx = ctx, .go = -1 };
	tidmap_init(&t->tids);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if ((t->chld_fd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC)) ==
	    -1)
		goto fail;
	if ((pid = tracer_fork(path, argv, out_to_stderr, TRACE_OPTIONS,
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
	emit(t, ST_MRUNNING, 0, 0, getpid(), 0, 0);
	new_proc(t, t->pid, 0, t->name);
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
	/* Nothing has stopped or died since waitpid last said so: a stop
	   or a death would have left SIGCHLD pending, and the poll on
	   chld_fd would have woken (tracer_woke()) before this pump. */
	if (t->idle)
		return 0;
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
			emit(t, ST_MDONE, 0, 0, getpid(), 0, 0);
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
	t->idle = false;
}

int
tracer_fd(const struct tracer *t)
{
	return t->chld_fd;
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
	const struct proc *p;

	if (proc < 1 || proc > t->nproc)
		return NULL;
	p = &t->proc[proc - 1];
	if (thread == 0)
		return p->leader != NONE ? t->task[p->leader].name : NULL;
	return thread <= p->nthread ? t->task[p->task[thread - 1]].name : NULL;
}

int
tracer_pid(const struct tracer *t, unsigned proc)
{
	if (proc < 1 || proc > t->nproc || t->proc[proc - 1].ended)
		return 0;
	return t->proc[proc - 1].pid;
}

unsigned
tracer_unnumbered(const struct tracer *t)
{
	return t->unnumbered;
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
	for (i = 0; i < t->nproc; i++)
		if (!t->proc[i].ended)
			kill(t->proc[i].pid, SIGKILL);
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
	if (t->chld_fd > 0)
		close(t->chld_fd);
	for (i = 0; i < t->nproc; i++)
		free(t->proc[i].task);
	free(t->proc);
	free(t->task);
	tidmap_free(&t->tids);
	free(t);
}
