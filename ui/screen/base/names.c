/*
 * names.c: the names of a traced program's tasks, under their events (see
 * names.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

/* Room for process proc's last record. */
static int
room_proc(struct names *nm, unsigned proc)
{
	unsigned cap = nm->cap_proc != 0 ? nm->cap_proc : 8, i;
	size_t *last;

	if (proc <= nm->cap_proc)
		return 0;
	while (cap < proc)
		cap *= 2;
	if ((last = reallocarray(nm->last, cap, sizeof(*last))) == NULL)
		return -1;
	nm->last = last;
	for (i = nm->cap_proc; i < cap; i++)
		last[i] = SIZE_MAX;
	nm->cap_proc = cap;
	return 0;
}

int
names_add(struct names *nm, size_t k, unsigned proc, unsigned thread,
    const char *name)
{
	struct name_rec *r;
	size_t cap;

	if (proc == 0 || room_proc(nm, proc) == -1)
		return -1;
	if (nm->n == nm->cap) {
		cap = nm->cap != 0 ? nm->cap * 2 : 64;
		if ((r = reallocarray(nm->rec, cap, sizeof(*r))) == NULL)
			return -1;
		nm->rec = r;
		nm->cap = cap;
	}
	r = &nm->rec[nm->n];
	*r = (struct name_rec){ .k = k, .prev = nm->last[proc - 1],
	    .thread = thread };
	strlcpy(r->name, name, sizeof(r->name));
	nm->last[proc - 1] = nm->n++;
	if (proc > nm->nproc)
		nm->nproc = proc;
	return 0;
}

const char *
names_at(const struct names *nm, size_t k, unsigned proc)
{
	size_t r;

	if (proc == 0 || proc > nm->nproc)
		return NULL;
	for (r = nm->last[proc - 1]; r != SIZE_MAX; r = nm->rec[r].prev)
		if (nm->rec[r].k == k)
			return nm->rec[r].name;
		else if (nm->rec[r].k < k)
			break;
	return NULL;
}

const char *
names_of(const struct names *nm, unsigned proc, unsigned thread,
    size_t upto, bool first)
{
	const char *found = NULL;
	size_t r;

	if (proc == 0 || proc > nm->nproc)
		return NULL;
	/* A process's name is its main thread's: an exec renames both. */
	for (r = nm->last[proc - 1]; r != SIZE_MAX; r = nm->rec[r].prev) {
		const struct name_rec *n = &nm->rec[r];

		if (n->k >= upto || (n->thread != thread &&
		    (thread > 1 || n->thread > 1)))
			continue;
		found = n->name;
		if (!first)
			break;
	}
	return found;
}

void
names_clear(struct names *nm)
{
	unsigned i;

	nm->n = 0;
	for (i = 0; i < nm->cap_proc; i++)
		nm->last[i] = SIZE_MAX;
	nm->nproc = 0;
}

void
names_free(struct names *nm)
{
	free(nm->rec);
	free(nm->last);
	*nm = (struct names){ 0 };
}
