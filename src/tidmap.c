/*
 * tidmap.c: the tracer's map of tids (see tidmap.h).
 */
#include <errno.h>
#include <stdlib.h>

#include "tidmap.h"

#define EMPTY		0
#define TOMBSTONE	(-1)
#define FIRST_SLOTS	64u

struct tidmap_slot {
	int32_t		 tid;		/* EMPTY, TOMBSTONE or a key */
	uint32_t	 v;
};

void
tidmap_init(struct tidmap *m)
{
	*m = (struct tidmap){ .slot = NULL };
}

/* The slot of tid, or the first free one on its way (a tombstone or an
   empty slot) when it is not there; m has slots. */
static struct tidmap_slot *
find(const struct tidmap *m, int32_t tid)
{
	struct tidmap_slot *free_slot = NULL, *s;
	size_t i = ((uint32_t)tid * 2654435761u) & m->mask;

	for (;; i = (i + 1) & m->mask) {
		s = &m->slot[i];
		if (s->tid == tid)
			return s;
		if (s->tid == TOMBSTONE && free_slot == NULL)
			free_slot = s;
		if (s->tid == EMPTY)
			return free_slot != NULL ? free_slot : s;
	}
}

/* A table of n slots (a power of two) holding m's keys, without its
   tombstones; -1 if there is no memory. */
static int
rebuild(struct tidmap *m, size_t n)
{
	struct tidmap old = *m;
	size_t i;

	if ((m->slot = calloc(n, sizeof(*m->slot))) == NULL) {
		*m = old;
		errno = ENOMEM;
		return -1;
	}
	m->mask = n - 1;
	m->used = m->keys = 0;
	for (i = 0; old.slot != NULL && i <= old.mask; i++)
		if (old.slot[i].tid > 0) {
			*find(m, old.slot[i].tid) = old.slot[i];
			m->used++;
			m->keys++;
		}
	free(old.slot);
	return 0;
}

int
tidmap_put(struct tidmap *m, int32_t tid, uint32_t v)
{
	struct tidmap_slot *s;
	size_t n;

	if (tid <= 0) {
		errno = EINVAL;
		return -1;
	}
	if (m->slot == NULL || (m->used + 1) * 2 > m->mask + 1) {
		n = m->slot == NULL ? FIRST_SLOTS : m->mask + 1;
		while ((m->keys + 1) * 4 > n)
			n *= 2;
		if (rebuild(m, n) == -1)
			return -1;
	}
	s = find(m, tid);
	if (s->tid != tid) {
		if (s->tid == EMPTY)
			m->used++;
		m->keys++;
		s->tid = tid;
	}
	s->v = v;
	return 0;
}

bool
tidmap_get(const struct tidmap *m, int32_t tid, uint32_t *v)
{
	const struct tidmap_slot *s;

	if (m->slot == NULL || tid <= 0)
		return false;
	s = find(m, tid);
	if (s->tid != tid)
		return false;
	*v = s->v;
	return true;
}

void
tidmap_del(struct tidmap *m, int32_t tid)
{
	struct tidmap_slot *s;

	if (m->slot == NULL || tid <= 0)
		return;
	s = find(m, tid);
	if (s->tid != tid)
		return;
	s->tid = TOMBSTONE;
	m->keys--;
}

void
tidmap_free(struct tidmap *m)
{
	free(m->slot);
	tidmap_init(m);
}
