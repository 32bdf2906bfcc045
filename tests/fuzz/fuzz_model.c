/*
 * fuzz_model.c: what a child could write into shared memory, as bytes.
 *
 * Input: two bytes of counts, a byte of ring head, then bytes taken both as
 * a stream of event records for model_apply() and as the raw memory of a
 * ring for the consumer (ring_pop, ring_pop_dead).  The main process must
 * never crash, read out of bounds, loop, or let its counts stop adding up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/model.h"
#include "../../src/ring.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SLOTS	8u

static void
check_counts(const struct model *m)
{
	unsigned s, threads = 0, procs = 0, gated = 0, k;

	for (s = 0; s < ST_COUNT; s++) {
		threads += m->threads_in[s];
		procs += m->procs_in[s];
	}
	/* Step mode: a thread at its gate is alive, and counted once. */
	for (k = 0; k < m->nproc * m->nthread; k++)
		if (m->threads[k].gated) {
			if (m->threads[k].t_done != 0)
				abort();
			gated++;
		}
	if (gated != m->gated || m->gates < m->gated)
		abort();
	if (threads != m->nproc * m->nthread || procs != m->nproc ||
	    m->threads_done != m->threads_in[ST_DONE] ||
	    m->procs_reaped > m->nproc)
		abort();
}

/* Feed the bytes to the consumer of a ring made of them. */
static void
consume(const uint8_t *data, size_t size, uint32_t head, struct model *m)
{
	static _Alignas(64) unsigned char mem[4096];
	struct ring *r = (struct ring *)mem;
	struct ring_cursor c = { head, SLOTS - 1 };
	struct event ev;
	unsigned n;

	_Static_assert(sizeof(mem) >= 64 * 3 + SLOTS * sizeof(struct ring_slot),
	    "room for the ring");
	memset(mem, 0, sizeof(mem));
	memcpy(mem, data, size < ring_bytes(SLOTS) ? size : ring_bytes(SLOTS));
	for (n = 0; ring_pop(r, &c, &ev); n++) {
		if (n > SLOTS)
			abort();		/* popped more than it held */
		model_apply(m, &ev);
	}
	for (n = 0; ring_pop_dead(r, &c, &ev); n++) {
		if (n > SLOTS)
			abort();
		model_apply(m, &ev);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model m;
	struct event ev;
	size_t off;

	if (size < 3)
		return 0;
	if (model_init(&m, 1 + data[0] % 8, 1 + data[1] % 8) == -1)
		abort();
	for (off = 3; off + sizeof(ev) <= size; off += sizeof(ev)) {
		memcpy(&ev, data + off, sizeof(ev));
		model_apply(&m, &ev);
		check_counts(&m);
	}
	consume(data + 3, size - 3, (uint32_t)data[2] * 0x01010101u, &m);
	check_counts(&m);
	model_free(&m);
	return 0;
}
