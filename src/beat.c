/*
 * beat.c: mapping the heartbeat slots and reading one (see beat.h).
 *
 * A slot is 16 bytes, four to a cache line: a thread stores into its own
 * every 20 us or so, so a line shared with three others bounces between
 * CPUs at most that often, which costs far less than the spin (make bench
 * measures the beat against a spin without one).  Padding every slot to a
 * line would cost 64 MB at 1024 x 1024 threads.
 */
#include <sys/mman.h>

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "beat.h"

int
beats_create(struct beats *b, unsigned nproc, unsigned nthread)
{
	size_t n = (size_t)nproc * nthread;
	void *p;

	memset(b, 0, sizeof(*b));
	if (n == 0 || n > SIZE_MAX / sizeof(struct beat)) {
		errno = EINVAL;
		return -1;
	}
	p = mmap(NULL, n * sizeof(struct beat), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	/* A fresh anonymous mapping reads as zero: no beat yet. */
	b->slot = p;
	b->len = n * sizeof(struct beat);
	b->nproc = nproc;
	b->nthread = nthread;
	return 0;
}

void
beats_destroy(struct beats *b)
{
	if (b->slot != NULL)
		munmap(b->slot, b->len);
	memset(b, 0, sizeof(*b));
}

struct beat *
beats_slot(const struct beats *b, unsigned i, unsigned j)
{
	if (b == NULL || b->slot == NULL || i < 1 || i > b->nproc || j < 1 ||
	    j > b->nthread)
		return NULL;
	return &b->slot[(size_t)(i - 1) * b->nthread + (j - 1)];
}

bool
beat_load(const struct beat *s, uint64_t *wall, uint64_t *cpu)
{
	/* Acquire: the CPU time loaded next is at least as new as this. */
	*wall = atomic_load_explicit(&s->wall, memory_order_acquire);
	*cpu = atomic_load_explicit(&s->cpu, memory_order_relaxed);
	return *wall != 0;
}
