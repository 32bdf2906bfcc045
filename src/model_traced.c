/*
 * model_traced.c: applying a traced program's events to a model that grows
 * (see model_traced.h).
 *
 * Growing keeps model_thread()'s arithmetic -- thread j of process i at
 * (i - 1) * nthread + (j - 1) -- so that everything reading a model reads
 * this one too.  The price is a rectangle: room for the most threads any
 * process has, in every process.  A program with one process of 10 000
 * threads costs 10 000 cells; 2 000 processes of one thread, 2 000; only a
 * program with both at once pays for their product.  Births come one at a
 * time, so the room doubles rather than grows by one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "event.h"
#include "model.h"
#include "model_traced.h"
#include "tasktypes.h"

#define FIRST_PROCS	8u
#define FIRST_THREADS	4u

int
model_init_traced(struct model *m)
{
	*m = (struct model){ .main_state = ST_NEW, .traced = true,
	    .apply_traced = model_traced_apply, .cap_proc = FIRST_PROCS,
	    .nthread = FIRST_THREADS };
	m->procs = calloc(m->cap_proc, sizeof(*m->procs));
	m->threads = calloc((size_t)m->cap_proc * m->nthread,
	    sizeof(*m->threads));
	if (m->procs == NULL || m->threads == NULL) {
		model_free(m);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* Room for cap processes of nthread threads each: the threads laid out
   again at the new width; 0, or -1 if there is no memory (m unchanged). */
static int
make_room(struct model *m, unsigned cap, unsigned nthread)
{
	struct model_proc *procs;
	struct model_thread *threads;
	unsigned i, j;

	threads = calloc((size_t)cap * nthread, sizeof(*threads));
	procs = reallocarray(m->procs, cap, sizeof(*procs));
	if (threads == NULL || procs == NULL) {
		free(threads);
		if (procs != NULL)
			m->procs = procs;
		return -1;
	}
	memset(procs + m->cap_proc, 0, (cap - m->cap_proc) * sizeof(*procs));
	for (i = 0; i < m->nproc; i++)
		memcpy(&threads[(size_t)i * nthread],
		    &m->threads[(size_t)i * m->nthread],
		    m->nthread * sizeof(*threads));
	for (i = 0; i < cap; i++)
		for (j = i < m->nproc ? m->nthread : 0; j < nthread; j++)
			threads[(size_t)i * nthread + j].state = ST_NEW;
	free(m->threads);
	m->threads = threads;
	m->procs = procs;
	m->cap_proc = cap;
	m->nthread = nthread;
	return 0;
}

/* Room for process i with thread j. */
static bool
room_for(struct model *m, unsigned i, unsigned j)
{
	unsigned cap = m->cap_proc, nthread = m->nthread;

	while (cap < i)
		cap *= 2;
	while (nthread < j)
		nthread *= 2;
	if (nthread > UINT16_MAX)
		nthread = UINT16_MAX;
	if (cap == m->cap_proc && nthread == m->nthread)
		return true;
	return make_room(m, cap, nthread) == 0;
}

static struct model_thread *
cell(struct model *m, unsigned i, unsigned j)
{
	return &m->threads[(size_t)(i - 1) * m->nthread + (j - 1)];
}

static void
set_proc(struct model *m, struct model_proc *p, unsigned state)
{
	if (p->state != ST_NEW)
		m->procs_in[p->state]--;
	m->procs_in[state]++;
	p->state = state;
}

static void
set_thread(struct model *m, struct model_thread *t, unsigned state,
    uint64_t when)
{
	if (t->state != ST_NEW)
		m->threads_in[t->state]--;
	m->threads_in[state]++;
	t->state = state;
	t->t_state = when;
}

/* A thread of process i ends (its own end, or its process's). */
static void
end_thread(struct model *m, unsigned i, struct model_thread *t,
    uint64_t when)
{
	set_thread(m, t, ST_TENDED, when);
	t->t_done = when;
	m->procs[i - 1].threads_ended++;
}

/* Is the program going: started, not ended (paused or not)?  A pause is
   asked of a tree whose tasks may be on their way to a stop: births and
   ends still come while it is paused. */
static bool
going(const struct model *m)
{
	return m->main_state == ST_MRUNNING || m->main_state == ST_MSTOPPED ||
	    m->main_state == ST_MCONTINUED;
}

/* Process ev->proc is born, the next one, of a process born before it. */
static bool
born(struct model *m, const struct event *ev)
{
	struct model_proc *p;

	if (!going(m) || ev->proc != m->nproc + 1 ||
	    ev->object >= ev->proc ||
	    ev->pid <= 0 || ev->what != 0 || !room_for(m, ev->proc, 1))
		return false;
	m->nproc++;
	p = &m->procs[ev->proc - 1];
	p->pid = ev->pid;
	p->parent = ev->object;
	p->t_forked = ev->t_ns;
	set_proc(m, p, ST_BORN);
	return true;
}

/* Thread ev->thread of process ev->proc, which is alive, is born, the
   next one of its process. */
static bool
thread_born(struct model *m, const struct event *ev)
{
	struct model_proc *p = &m->procs[ev->proc - 1];
	struct model_thread *t;

	if (p->state != ST_BORN && p->state != ST_EXEC)
		return false;
	if (ev->thread != p->nthreads + 1 || ev->pid != p->pid ||
	    ev->tid <= 0 || ev->what != 0 || ev->object != 0 ||
	    !room_for(m, ev->proc, ev->thread))
		return false;
	/* Room made may have moved the processes. */
	p = &m->procs[ev->proc - 1];
	p->nthreads++;
	t = cell(m, ev->proc, ev->thread);
	t->tid = ev->tid;
	t->t_running = ev->t_ns;
	set_thread(m, t, ST_TBORN, ev->t_ns);
	return true;
}

/* A thread's end, or a process's exec or end. */
static bool
change(struct model *m, const struct event *ev)
{
	struct model_proc *p = &m->procs[ev->proc - 1];
	struct model_thread *t;
	unsigned j;
	int ws;

	if ((p->state != ST_BORN && p->state != ST_EXEC) ||
	    ev->pid != p->pid || ev->what != 0 || ev->object != 0)
		return false;
	if (ev->state == ST_TENDED) {
		if (ev->thread > p->nthreads ||
		    (t = cell(m, ev->proc, ev->thread))->state != ST_TBORN)
			return false;
		end_thread(m, ev->proc, t, ev->t_ns);
		return true;
	}
	if (ev->thread != 0)
		return false;
	if (ev->state == ST_EXEC) {
		set_proc(m, p, ST_EXEC);
		return true;
	}
	/* Its end: exited (status 0), failed (another), killed, or gone
	   (its status unknown: 0). */
	ws = (int)ev->wstatus;
	if (ev->wstatus != ws || (ev->state == ST_GONE ? ws != 0 :
	    ev->state == ST_EXITED ? !WIFEXITED(ws) ||
	    WEXITSTATUS(ws) != 0 : ev->state == ST_FAILED ? !WIFEXITED(ws) ||
	    WEXITSTATUS(ws) == 0 : !WIFSIGNALED(ws)))
		return false;
	for (j = 1; j <= p->nthreads; j++)
		if ((t = cell(m, ev->proc, j))->state == ST_TBORN)
			end_thread(m, ev->proc, t, ev->t_ns);
	set_proc(m, p, ev->state);
	p->reaped = true;
	p->wstatus = ws;
	p->t_end = ev->t_ns;
	p->rank = ++m->procs_reaped;
	return true;
}

/* What the kernel says a live thread does now: a class it can be in
   (never gone: a thread's end is its own event), and for input or output
   a kind of descriptor and a way that are. */
static bool
kernel_state(struct model *m, const struct event *ev)
{
	struct model_proc *p = &m->procs[ev->proc - 1];
	struct model_thread *t;

	if ((p->state != ST_BORN && p->state != ST_EXEC) ||
	    ev->pid != p->pid || ev->thread > p->nthreads ||
	    ev->what == TASKSTATE_GONE || ev->what >= TASKSTATE_CLASSES ||
	    (ev->what == TASKSTATE_IO ?
	    KSTATE_FDKIND(ev->object) >= TASKFD_KINDS ||
	    KSTATE_IO(ev->object) >= TASKSTATE_IOS : ev->object != 0))
		return false;
	t = cell(m, ev->proc, ev->thread);
	if (t->state != ST_TBORN || ev->tid != t->tid)
		return false;
	t->kclass = ev->what;
	t->kobject = ev->object;
	t->kaddr = ev->kaddr;
	t->t_kstate = ev->t_ns;
	return true;
}

/* The main process: ptviz, running from the start to the end of the
   whole tree. */
static bool
main_change(struct model *m, const struct event *ev)
{
	if (ev->proc != 0 || ev->thread != 0 || ev->what != 0 ||
	    ev->object != 0)
		return false;
	if (ev->state == ST_MRUNNING && m->main_state == ST_NEW) {
		m->t0 = ev->t_ns;
	} else if (ev->state == ST_MDONE && going(m)) {
		m->t_main_done = ev->t_ns;
	} else if (ev->state == ST_MSTOPPED && going(m) &&
	    m->main_state != ST_MSTOPPED) {
		m->stops++;
	} else if (ev->state != ST_MCONTINUED ||
	    m->main_state != ST_MSTOPPED) {
		return false;
	}
	m->main_state = ev->state;
	return true;
}

int
model_traced_status(const struct model *m)
{
	int ws;

	if (m->nproc == 0 || !model_proc(m, 1)->reaped)
		return 1;
	ws = model_proc(m, 1)->wstatus;
	return WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : WEXITSTATUS(ws);
}

bool
model_traced_apply(struct model *m, const struct event *ev)
{
	enum state_kind kind;

	if (!state_kind(ev->state, &kind))
		return false;
	if (kind == KIND_MAIN)
		return main_change(m, ev);
	if (ev->state == ST_BORN)
		return ev->thread == 0 && born(m, ev);
	if (ev->proc < 1 || ev->proc > m->nproc || !going(m))
		return false;
	switch (ev->state) {
	case ST_TBORN:
		return ev->thread >= 1 && thread_born(m, ev);
	case ST_TENDED:
		return ev->thread >= 1 && change(m, ev);
	case ST_KSTATE:
		return ev->thread >= 1 && kernel_state(m, ev);
	case ST_EXEC:
	case ST_EXITED:
	case ST_FAILED:
	case ST_KILLED:
	case ST_GONE:
		return change(m, ev);
	}
	return false;
}
