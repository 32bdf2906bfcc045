/*
 * region.c: mapping the shared region and the doorbell handshake.
 */
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdint.h>
#include <unistd.h>

#include "region.h"
#include "ring.h"

/* The header takes whole cache lines, so the first ring starts on one. */
#define HEADER_LEN	((sizeof(struct region_header) + 63) & ~(size_t)63)

static struct region_header *
header(const struct region *g)
{
	return g->base;
}

int
region_create(struct region *g, unsigned nrings, uint32_t slots,
    uint32_t start)
{
	struct ring_cursor unused;
	unsigned i;
	int saved;

	if (slots < RING_MIN_SLOTS || slots > RING_MAX_SLOTS ||
	    (slots & (slots - 1)) != 0 || nrings == 0) {
		errno = EINVAL;
		return -1;
	}
	g->ring_len = ring_bytes(slots);
	if (nrings > (SIZE_MAX - HEADER_LEN) / g->ring_len) {
		errno = ENOMEM;
		return -1;
	}
	g->len = HEADER_LEN + nrings * g->ring_len;
	g->nrings = nrings;
	g->slots = slots;
	g->base = mmap(NULL, g->len, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (g->base == MAP_FAILED)
		return -1;
	g->doorbell = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (g->doorbell == -1) {
		saved = errno;
		munmap(g->base, g->len);
		errno = saved;
		return -1;
	}
	atomic_init(&header(g)->asleep, 0);
	atomic_init(&header(g)->gate, 1);
	for (i = 0; i < nrings; i++)
		ring_init(region_ring(g, i), slots, start, &unused);
	return 0;
}

void
region_destroy(struct region *g)
{
	if (g->doorbell != -1)
		close(g->doorbell);
	if (g->base != NULL && g->base != MAP_FAILED)
		munmap(g->base, g->len);
	g->base = NULL;
	g->doorbell = -1;
}

struct ring *
region_ring(const struct region *g, unsigned i)
{
	return (struct ring *)((char *)g->base + HEADER_LEN + i * g->ring_len);
}

void
region_notify(const struct region *g)
{
	struct region_header *h = header(g);
	uint64_t one = 1;

	/* Full fence: the publish before it is ordered before the load of the
	   flag (the other half of the Dekker pair is in region_arm). */
	atomic_thread_fence(memory_order_seq_cst);
	if (atomic_load_explicit(&h->asleep, memory_order_relaxed) &&
	    atomic_exchange_explicit(&h->asleep, 0, memory_order_relaxed)) {
		/* EAGAIN (counter full) still leaves it readable: fine. */
		(void)!write(g->doorbell, &one, sizeof(one));
	}
}

void
region_arm(const struct region *g)
{
	atomic_store_explicit(&header(g)->asleep, 1, memory_order_relaxed);
	/* Full fence: the flag is visible before we look at the rings. */
	atomic_thread_fence(memory_order_seq_cst);
}

void
region_disarm(const struct region *g)
{
	uint64_t n;

	atomic_store_explicit(&header(g)->asleep, 0, memory_order_relaxed);
	(void)!read(g->doorbell, &n, sizeof(n));
}

void
region_gate_wait(const struct region *g)
{
	struct region_header *h = header(g);

	while (atomic_load(&h->gate) == 0)
		syscall(SYS_futex, &h->gate, FUTEX_WAIT, 0, NULL, NULL, 0);
}

void
region_gate_open(const struct region *g)
{
	struct region_header *h = header(g);

	atomic_store(&h->gate, 1);
	syscall(SYS_futex, &h->gate, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* Close the gate: the threads of the children forked next wait at it. */
void
region_gate_close(const struct region *g)
{
	atomic_store(&header(g)->gate, 0);
}
