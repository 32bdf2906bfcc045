/*
 * tasknames.c: a growing table of task names and process pids (see
 * tasknames.h).
 *
 * A process holds its own name and an array of its threads' names, each
 * a fixed buffer: names are short, and a fixed buffer is one allocation
 * for all of a process's threads.  A name is marked present apart from its
 * text, since a task may have set an empty one.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "tasknames.h"

struct taskname {
	bool		 named;
	char		 s[TASKNAMES_MAX + 1];
};

struct tasknames_proc {
	int		 pid;
	struct taskname	 own;		/* thread 0: the process's */
	struct taskname	*thread;	/* [cap]: thread j at [j - 1] */
	unsigned	 nthread, cap;
};

#define FIRST_CAP	4u

void
tasknames_init(struct tasknames *t)
{
	*t = (struct tasknames){ .proc = NULL };
}

/* Room for n things of size sz at *a, which holds *cap: doubled until
   they fit, the new ones zero; 0, or -1 with errno (nothing changed). */
static int
grow(void *a, unsigned *cap, unsigned n, size_t sz)
{
	unsigned c = *cap > 0 ? *cap : FIRST_CAP;
	char *p;

	while (c < n)
		c *= 2;
	if (c == *cap)
		return 0;
	if ((p = reallocarray(*(void **)a, c, sz)) == NULL)
		return -1;
	memset(p + (size_t)*cap * sz, 0, (size_t)(c - *cap) * sz);
	*(void **)a = p;
	*cap = c;
	return 0;
}

/* The entry of thread j of process p, made room for; NULL with errno. */
static struct taskname *
entry(struct tasknames_proc *p, unsigned j)
{
	if (j == 0)
		return &p->own;
	if (grow(&p->thread, &p->cap, j, sizeof(*p->thread)) == -1)
		return NULL;
	if (j > p->nthread)
		p->nthread = j;
	return &p->thread[j - 1];
}

int
tasknames_note(struct tasknames *t, const struct event *ev, const char *name)
{
	struct tasknames_proc *p;
	struct taskname *n;

	if (ev->proc == 0)
		return 0;
	if (grow(&t->proc, &t->cap, ev->proc, sizeof(*t->proc)) == -1)
		return -1;
	if (ev->proc > t->nproc)
		t->nproc = ev->proc;
	p = &t->proc[ev->proc - 1];
	if ((n = entry(p, ev->thread)) == NULL)
		return -1;
	if (ev->pid > 0)
		p->pid = ev->pid;
	n->named = name != NULL;
	if (name != NULL) {
		strncpy(n->s, name, TASKNAMES_MAX);
		n->s[TASKNAMES_MAX] = '\0';
	}
	return 0;
}

const char *
tasknames_get(const struct tasknames *t, unsigned proc, unsigned thread)
{
	const struct tasknames_proc *p;
	const struct taskname *n;

	if (proc < 1 || proc > t->nproc)
		return NULL;
	p = &t->proc[proc - 1];
	if (thread > p->nthread)
		return NULL;
	n = thread == 0 ? &p->own : &p->thread[thread - 1];
	return n->named ? n->s : NULL;
}

int
tasknames_pid(const struct tasknames *t, unsigned proc)
{
	return proc >= 1 && proc <= t->nproc ? t->proc[proc - 1].pid : 0;
}

void
tasknames_free(struct tasknames *t)
{
	unsigned i;

	for (i = 0; i < t->nproc; i++)
		free(t->proc[i].thread);
	free(t->proc);
	tasknames_init(t);
}
