/*
 * tracetree.c: numbering a traced program's tasks, and telling their
 * births and ends (see tracetree.h).
 *
 * The arrays grow by doubling, as births come one at a time.  A
 * process's birth is told after its main thread was numbered, so that its
 * name -- its main thread's -- is there for the sink to ask for.
 */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "event.h"
#include "tracetree.h"

void
tree_init(struct tree *tr, run_sink *sink, void *ctx)
{
	*tr = (struct tree){ .sink = sink, .ctx = ctx };
	tidmap_init(&tr->tids);
}

void
tree_emit(struct tree *tr, unsigned state, unsigned proc, unsigned thread,
    int32_t tid, int64_t wstatus, unsigned object)
{
	struct event ev = {
		.t_ns = now_ns(),
		.wstatus = wstatus,
		.pid = proc > 0 ? tr->proc[proc - 1].pid : getpid(),
		.tid = tid,
		.proc = (uint16_t)proc,
		.thread = (uint16_t)thread,
		.state = (uint8_t)state,
		.object = (uint16_t)object,
	};

	tr->sink(tr->ctx, &ev);
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

uint32_t
tree_task_of(const struct tree *tr, int32_t tid)
{
	uint32_t k;

	return tidmap_get(&tr->tids, tid, &k) ? k : TREE_NONE;
}

/* A new thread, told if tell (tree_new_thread()). */
static uint32_t
new_thread(struct tree *tr, unsigned proc, int32_t tid, const char *name,
    bool tell)
{
	struct tree_proc *p = &tr->proc[proc - 1];
	struct tree_task *k;
	uint32_t i = tr->ntask;

	if (p->nthread >= UINT16_MAX ||
	    grow(&tr->task, &tr->cap_task, i + 1, sizeof(*tr->task)) == -1 ||
	    grow(&p->task, &p->cap, p->nthread + 1, sizeof(*p->task)) == -1 ||
	    tidmap_put(&tr->tids, tid, i) == -1) {
		tr->unnumbered++;
		return TREE_NONE;
	}
	k = &tr->task[tr->ntask++];
	*k = (struct tree_task){ .tid = tid, .proc = (uint16_t)proc,
	    .thread = (uint16_t)(p->nthread + 1) };
	snprintf(k->name, sizeof(k->name), "%s", name);
	p->task[p->nthread++] = i;
	if (tid == p->pid)
		p->leader = i;
	if (tell)
		tree_emit(tr, ST_TBORN, proc, k->thread, tid, 0, 0);
	return i;
}

uint32_t
tree_new_thread(struct tree *tr, unsigned proc, int32_t tid,
    const char *name)
{
	return new_thread(tr, proc, tid, name, true);
}

uint32_t
tree_new_proc(struct tree *tr, int32_t pid, unsigned parent,
    const char *name)
{
	struct tree_proc *p;
	uint32_t k;

	if (tr->nproc >= UINT16_MAX || grow(&tr->proc, &tr->cap_proc,
	    tr->nproc + 1, sizeof(*tr->proc)) == -1) {
		tr->unnumbered++;
		return TREE_NONE;
	}
	p = &tr->proc[tr->nproc++];
	*p = (struct tree_proc){ .pid = pid, .leader = TREE_NONE };
	k = new_thread(tr, tr->nproc, pid, name, false);
	tree_emit(tr, ST_BORN, tr->nproc, 0, pid, 0, parent);
	if (k != TREE_NONE)
		tree_emit(tr, ST_TBORN, tr->nproc, 1, pid, 0, 0);
	return k;
}

void
tree_end_task(struct tree *tr, uint32_t k)
{
	struct tree_task *task = &tr->task[k];

	if (task->ended)
		return;
	task->ended = true;
	tidmap_del(&tr->tids, task->tid);
	tree_emit(tr, ST_TENDED, task->proc, task->thread, task->tid, 0, 0);
}

unsigned
tree_end_state(int ws)
{
	return WIFSIGNALED(ws) ? ST_KILLED : WEXITSTATUS(ws) != 0 ?
	    ST_FAILED : ST_EXITED;
}

void
tree_end_proc(struct tree *tr, unsigned proc, unsigned state, int ws)
{
	struct tree_proc *p = &tr->proc[proc - 1];
	unsigned j;

	if (p->ended)
		return;
	for (j = 0; j < p->nthread; j++)
		tree_end_task(tr, p->task[j]);
	p->ended = true;
	tree_emit(tr, state, proc, 0, p->pid, ws, 0);
}

int
tree_lead(struct tree *tr, uint32_t k)
{
	struct tree_task *task = &tr->task[k];
	struct tree_proc *p = &tr->proc[task->proc - 1];

	if (tidmap_put(&tr->tids, p->pid, k) == -1)
		return -1;
	tidmap_del(&tr->tids, task->tid);
	task->tid = p->pid;
	p->leader = k;
	return 0;
}

const char *
tree_name(const struct tree *tr, unsigned i, unsigned j)
{
	const struct tree_proc *p;

	if (i < 1 || i > tr->nproc)
		return NULL;
	p = &tr->proc[i - 1];
	if (j == 0)
		return p->leader != TREE_NONE ? tr->task[p->leader].name : NULL;
	return j <= p->nthread ? tr->task[p->task[j - 1]].name : NULL;
}

void
tree_free(struct tree *tr)
{
	unsigned i;

	for (i = 0; i < tr->nproc; i++)
		free(tr->proc[i].task);
	free(tr->proc);
	free(tr->task);
	tidmap_free(&tr->tids);
	tree_init(tr, tr->sink, tr->ctx);
}
