/*
 * tracesample.c: sampling a traced program's threads (see tracesample.h).
 *
 * A task's sampling record sits beside the tree, at the same index, so
 * that the tree stays the tracer's numbering and nothing more.  A task is
 * sampled while the tree has it live; its files are closed once it has
 * ended, or when its tid changed (a thread that exec'd leads under its
 * process's pid now).  The state told is compared as three numbers -- the
 * class, the word (futex, descriptor or call) and what the descriptor is
 * -- and what the descriptor is is read (a readlink) only when the
 * descriptor is not the one told before.  The timer is armed once for
 * the next sweep (the first is at the first pump), so a program whose
 * threads are all asleep costs ptviz a wake-up a period and nothing else.
 */
#include <sys/resource.h>
#include <sys/timerfd.h>

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "event.h"
#include "taskstate.h"
#include "tracesample.h"

#define PROC_ROOT	"/proc"
#define WANT		TASKSTATE_WANT_QUICK
/* A sweep is due a little before its time: the loop may wake early
   for another reason, and a timer's wake-up is not to the nanosecond. */
#define SLACK_NS	(SAMPLE_PERIOD_NS / 4)

struct sample_task {
	struct taskstate_files files;
	bool		 open;		/* files are open */
	bool		 paths;		/* could not be: read by paths */
	bool		 told;		/* a state was told */
	uint8_t		 cls;		/* the state told */
	uint16_t	 object;
	int64_t		 kaddr;
};

int
sampler_init(struct sampler *sp)
{
	struct rlimit rl;

	*sp = (struct sampler){ .timer_fd = -1, .maxopen = 256 };
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		sp->maxopen = (unsigned)(rl.rlim_cur / 4);
	sp->timer_fd = timerfd_create(CLOCK_MONOTONIC,
	    TFD_NONBLOCK | TFD_CLOEXEC);
	return sp->timer_fd == -1 ? -1 : 0;
}

int
sampler_fd(const struct sampler *sp)
{
	return sp->timer_fd;
}

void
sampler_woke(struct sampler *sp)
{
	uint64_t ticks;

	while (read(sp->timer_fd, &ticks, sizeof(ticks)) ==
	    (ssize_t)sizeof(ticks))
		;
}

/* Room for n records; false if there is no memory. */
static bool
room(struct sampler *sp, unsigned n)
{
	struct sample_task *q;
	unsigned c = sp->cap > 0 ? sp->cap : 64;

	if (n <= sp->cap)
		return true;
	while (c < n)
		c *= 2;
	if ((q = reallocarray(sp->task, c, sizeof(*q))) == NULL)
		return false;
	for (unsigned i = sp->cap; i < c; i++)
		q[i] = (struct sample_task){ .open = false };
	sp->task = q;
	sp->cap = c;
	return true;
}

static void
shut(struct sampler *sp, struct sample_task *s)
{
	if (s->open) {
		taskstate_close(&s->files);
		sp->nopen--;
	}
	s->open = false;
}

/* Read what task tid of pid, whose record is s, is doing into ts: 0, or
   -1. */
static int
read_task(struct sampler *sp, struct sample_task *s, int32_t pid,
    int32_t tid, unsigned want, struct taskstate *ts)
{
	if (s->open && s->files.tid != tid)
		shut(sp, s);
	if (!s->open && !s->paths && sp->nopen >= sp->maxopen) {
		s->paths = true;
	} else if (!s->open && !s->paths) {
		if (taskstate_open(PROC_ROOT, pid, tid, &s->files) == 0) {
			s->open = true;
			sp->nopen++;
		} else if (errno == EMFILE || errno == ENFILE)
			s->paths = true;
		else
			return -1;
	}
	if (s->open)
		return taskstate_read_open(&s->files, want, ts);
	return taskstate_read(PROC_ROOT, pid, tid, want, ts);
}

/* The word a state is told by: the futex, the descriptor, the call. */
static int64_t
word_of(const struct taskstate *ts)
{
	switch (ts->cls) {
	case TASKSTATE_LOCK:
		return (int64_t)ts->futex;
	case TASKSTATE_IO:
		return ts->fd;
	case TASKSTATE_SYSCALL:
		return ts->nr;
	default:
		return 0;
	}
}

/* Sample task k; 1 if a change was told. */
static size_t
sample(struct sampler *sp, struct tree *tr, uint32_t k)
{
	const struct tree_task *task = &tr->task[k];
	struct sample_task *s = &sp->task[k];
	int32_t pid = tr->proc[task->proc - 1].pid;
	struct taskstate ts;
	uint16_t object = 0;
	int64_t kaddr;

	if (read_task(sp, s, pid, task->tid, WANT, &ts) == -1 || ts.gone) {
		shut(sp, s);
		return 0;
	}
	/* In a job-control stop: the call its files name is the one it
	   stopped in, not what it does. */
	if (task->stopped)
		ts.cls = TASKSTATE_STOPPED;
	/* Stopped at its end (the tracer lets it go): its end is told. */
	if (ts.cls == TASKSTATE_SYSCALL && ts.call != NULL &&
	    (strcmp(ts.call, "exit") == 0 ||
	    strcmp(ts.call, "exit_group") == 0))
		return 0;
	kaddr = word_of(&ts);
	if (ts.cls == TASKSTATE_IO && s->told && s->cls == TASKSTATE_IO &&
	    s->kaddr == kaddr)
		object = KSTATE_OBJECT(KSTATE_FDKIND(s->object), ts.io);
	else if (ts.cls == TASKSTATE_IO &&
	    read_task(sp, s, pid, task->tid, WANT | TASKSTATE_WANT_FD, &ts) == 0)
		object = KSTATE_OBJECT(ts.fdkind, ts.io);
	if (s->told && s->cls == ts.cls && s->kaddr == kaddr &&
	    s->object == object)
		return 0;
	*s = (struct sample_task){ .files = s->files, .open = s->open,
	    .paths = s->paths, .told = true, .cls = (uint8_t)ts.cls,
	    .object = object, .kaddr = kaddr };
	tr->sink(tr->ctx, &(struct event){ .t_ns = now_ns(), .kaddr = kaddr,
	    .pid = pid, .tid = task->tid, .proc = task->proc,
	    .thread = task->thread, .state = ST_KSTATE,
	    .what = (uint8_t)ts.cls, .object = object });
	return 1;
}

/* The timer rings once, at the next sweep. */
static void
arm(struct sampler *sp)
{
	struct itimerspec it = {
		.it_value = { (time_t)(sp->next_ns / 1000000000u),
		    (long)(sp->next_ns % 1000000000u) },
	};

	timerfd_settime(sp->timer_fd, TFD_TIMER_ABSTIME, &it, NULL);
}

size_t
sampler_run(struct sampler *sp, struct tree *tr, uint64_t now)
{
	size_t n = 0;
	uint64_t cpu;
	uint32_t k;

	if (now + SLACK_NS < sp->next_ns || !room(sp, tr->ntask))
		return 0;
	cpu = thread_cpu_ns();
	for (k = 0; k < tr->ntask; k++) {
		if (tr->task[k].ended)
			shut(sp, &sp->task[k]);
		else
			n += sample(sp, tr, k);
	}
	/* The next sweep after the period, or after SAMPLE_SHARE times
	   what this one cost, if more: many threads are sampled less often,
	   not at more cost. */
	cpu = thread_cpu_ns() - cpu;
	sp->next_ns = now + (cpu * SAMPLE_SHARE > SAMPLE_PERIOD_NS ?
	    cpu * SAMPLE_SHARE : SAMPLE_PERIOD_NS);
	arm(sp);
	return n;
}

void
sampler_free(struct sampler *sp)
{
	unsigned k;

	for (k = 0; k < sp->cap; k++)
		shut(sp, &sp->task[k]);
	free(sp->task);
	if (sp->timer_fd >= 0)
		close(sp->timer_fd);
	*sp = (struct sampler){ .timer_fd = -1 };
}
