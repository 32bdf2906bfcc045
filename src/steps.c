/*
 * steps.c: step mode's gates (see steps.h).
 */
#include <sys/mman.h>
#include <sys/syscall.h>

#include <errno.h>
#include <linux/futex.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "steps.h"

/* The header takes whole cache lines, so the slots start on one. */
#define HEAD_LEN	((sizeof(struct steps_header) + 63) & ~(size_t)63)

int
steps_create(struct steps *s, unsigned nproc, unsigned nthread,
    uint32_t mode)
{
	size_t n = (size_t)nproc * nthread;
	void *p;

	memset(s, 0, sizeof(*s));
	if (n == 0 || n > (SIZE_MAX - HEAD_LEN) / sizeof(struct steps_slot)) {
		errno = EINVAL;
		return -1;
	}
	p = mmap(NULL, HEAD_LEN + n * sizeof(struct steps_slot),
	    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	/* A fresh anonymous mapping reads as zero: no move granted, no
	   thread at a gate. */
	s->head = p;
	s->slot = (struct steps_slot *)((char *)p + HEAD_LEN);
	s->len = HEAD_LEN + n * sizeof(struct steps_slot);
	s->nproc = nproc;
	s->nthread = nthread;
	atomic_store(&s->head->mode, mode);
	return 0;
}

void
steps_destroy(struct steps *s)
{
	if (s->head != NULL)
		munmap(s->head, s->len);
	memset(s, 0, sizeof(*s));
}

static struct steps_slot *
slot(const struct steps *s, unsigned i, unsigned j)
{
	if (s == NULL || s->head == NULL || i < 1 || i > s->nproc || j < 1 ||
	    j > s->nthread)
		return NULL;
	return &s->slot[(size_t)(i - 1) * s->nthread + (j - 1)];
}

static void
futex_wait(_Atomic uint32_t *w, uint32_t val)
{
	syscall(SYS_futex, w, FUTEX_WAIT, val, NULL, NULL, 0);
}

static void
futex_wake(_Atomic uint32_t *w)
{
	syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
}

bool
steps_arrive(const struct steps *s, unsigned i, unsigned j)
{
	struct steps_slot *g = slot(s, i, j);

	if (g == NULL || (atomic_load_explicit(&s->head->mode,
	    memory_order_acquire) & STEPS_ON) == 0)
		return false;
	/* Seq_cst: the main process, leaving step mode, sees this thread
	   at its gate, or this thread sees the mode off (steps.h). */
	atomic_store(&g->at, 1);
	return true;
}

void
steps_gate(const struct steps *s, unsigned i, unsigned j)
{
	if (steps_arrive(s, i, j))
		steps_wait(s, i, j);
}

void
steps_wait(const struct steps *s, unsigned i, unsigned j)
{
	struct steps_slot *g = slot(s, i, j);
	uint32_t go;

	if (g == NULL)
		return;
	for (;;) {
		go = atomic_load(&g->go);
		if (go > 0) {
			if (atomic_compare_exchange_weak(&g->go, &go, go - 1))
				break;
			continue;
		}
		if ((atomic_load(&s->head->mode) & STEPS_ON) == 0)
			break;
		futex_wait(&g->go, 0);
	}
	atomic_store(&g->at, 0);
}

bool
steps_sleeps(const struct steps *s)
{
	uint32_t mode;

	if (s == NULL || s->head == NULL)
		return true;
	mode = atomic_load_explicit(&s->head->mode, memory_order_relaxed);
	return (mode & STEPS_ON) == 0 || (mode & STEPS_TIMED) != 0;
}

void
steps_set_mode(const struct steps *s, uint32_t mode)
{
	size_t k, n;
	uint32_t was;

	if (s == NULL || s->head == NULL)
		return;
	n = (size_t)s->nproc * s->nthread;
	was = atomic_load(&s->head->mode);
	if ((mode & STEPS_ON) && !(was & STEPS_ON))
		/* Moves left over from the last time it was left: none is
		   granted yet.  No thread looks at go while the mode is
		   off. */
		for (k = 0; k < n; k++)
			atomic_store(&s->slot[k].go, 0);
	atomic_store(&s->head->mode, mode);
	if ((mode & STEPS_ON) || !(was & STEPS_ON))
		return;
	/* Seq_cst, after the store of the mode: every thread at its gate
	   now gets a move, and the wake (steps.h). */
	for (k = 0; k < n; k++)
		if (atomic_load(&s->slot[k].at)) {
			atomic_fetch_add(&s->slot[k].go, 1);
			futex_wake(&s->slot[k].go);
		}
}

uint32_t
steps_mode(const struct steps *s)
{
	return s == NULL || s->head == NULL ? 0 : atomic_load(&s->head->mode);
}

bool
steps_waiting(const struct steps *s, unsigned i, unsigned j)
{
	struct steps_slot *g = slot(s, i, j);

	return g != NULL && (steps_mode(s) & STEPS_ON) &&
	    atomic_load(&g->at) != 0 && atomic_load(&g->go) == 0;
}

bool
steps_grant(struct steps *s, unsigned i, unsigned j)
{
	struct steps_slot *g = slot(s, i, j);
	uint32_t none = 0;

	if (!steps_waiting(s, i, j) ||
	    !atomic_compare_exchange_strong(&g->go, &none, 1))
		return false;
	futex_wake(&g->go);
	s->grants++;
	return true;
}
