/*
 * check_ring.c: the ring's contract (src/ring.h), boundary by boundary.
 */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/region.h"
#include "../src/ring.h"
#include "stress.h"
#include "suites.h"

static struct ring *
new_ring(uint32_t slots, uint32_t start, struct ring_cursor *c)
{
	struct ring *r = aligned_alloc(64, ring_bytes(slots));

	ck_assert_ptr_nonnull(r);
	ring_init(r, slots, start, c);
	return r;
}

static struct event
numbered(uint64_t n)
{
	return (struct event){ .sleep_ns = n, .state = ST_RUNNING };
}

START_TEST(ring_empty_pops_nothing)
{
	struct ring_cursor c;
	struct ring *r = new_ring(4, 0, &c);
	struct event ev;

	ck_assert(!ring_ready(r, &c));
	ck_assert(!ring_pop(r, &c, &ev));
	ck_assert(!ring_pop_dead(r, &c, &ev));
	free(r);
}
END_TEST

START_TEST(ring_keeps_order_and_contents)
{
	struct ring_cursor c;
	struct ring *r = new_ring(8, 0, &c);
	struct event in = { .t_ns = 7, .sleep_ns = 9, .pid = 10, .tid = 11,
	    .proc = 12, .thread = 13, .state = ST_SLEEPING }, out;
	uint64_t i;

	ring_push_mpsc(r, &in);
	ck_assert(ring_ready(r, &c));
	ck_assert(ring_pop(r, &c, &out));
	ck_assert_mem_eq(&in, &out, sizeof(in));
	for (i = 0; i < 5; i++) {
		in = numbered(i);
		ring_push_mpsc(r, &in);
	}
	for (i = 0; i < 5; i++) {
		ck_assert(ring_pop(r, &c, &out));
		ck_assert_uint_eq(out.sleep_ns, i);
	}
	ck_assert(!ring_pop(r, &c, &out));
	free(r);
}
END_TEST

/* The counters wrap past UINT32_MAX without losing or reordering. */
START_TEST(ring_wraps_around_uint32_max)
{
	struct ring_cursor c;
	struct ring *r = new_ring(4, UINT32_MAX - 5, &c);
	struct event ev;
	uint64_t i, j;

	for (i = 0; i < 40; i++) {
		/* Fill it full, then empty it: crosses the wrap on lap 2. */
		for (j = 0; j < 4; j++) {
			ev = numbered(i * 4 + j);
			ring_push_mpsc(r, &ev);
		}
		for (j = 0; j < 4; j++) {
			ck_assert(ring_pop(r, &c, &ev));
			ck_assert_uint_eq(ev.sleep_ns, i * 4 + j);
		}
		ck_assert(!ring_pop(r, &c, &ev));
	}
	ck_assert_uint_eq(c.head, (uint32_t)(UINT32_MAX - 5 + 160));
	free(r);
}
END_TEST

struct pusher {
	struct ring	*r;
	_Atomic int	 done;
};

static void *
push_one_more(void *arg)
{
	struct pusher *p = arg;
	struct event ev = numbered(99);

	ring_push_mpsc(p->r, &ev);
	atomic_store(&p->done, 1);
	return NULL;
}

START_TEST(ring_full_blocks_until_drained)
{
	struct ring_cursor c;
	struct pusher p = { .r = new_ring(4, UINT32_MAX - 1, &c) };
	struct timespec ms = { 0, 20 * 1000 * 1000 };
	struct event ev;
	pthread_t t;
	uint64_t i;

	for (i = 0; i < 4; i++) {
		ev = numbered(i);
		ring_push_mpsc(p.r, &ev);
	}
	pthread_create(&t, NULL, push_one_more, &p);
	nanosleep(&ms, NULL);
	/* Full: the fifth push waits, nothing was overwritten. */
	ck_assert_int_eq(atomic_load(&p.done), 0);
	ck_assert(ring_pop(p.r, &c, &ev));
	ck_assert_uint_eq(ev.sleep_ns, 0);
	pthread_join(t, NULL);
	ck_assert_int_eq(atomic_load(&p.done), 1);
	for (i = 1; i < 4; i++) {
		ck_assert(ring_pop(p.r, &c, &ev));
		ck_assert_uint_eq(ev.sleep_ns, i);
	}
	ck_assert(ring_pop(p.r, &c, &ev));
	ck_assert_uint_eq(ev.sleep_ns, 99);
	free(p.r);
}
END_TEST

static void *
push_into_full(void *arg)
{
	struct event ev = numbered(7);

	ring_push_mpsc(arg, &ev);
	return NULL;
}

/* Producers that find the ring full go to sleep (counted in waiters), and
   each wakes when its own slot is freed: all arrive, none spins for ever. */
START_TEST(ring_full_producers_sleep_until_woken)
{
	struct ring_cursor c;
	struct ring *r = new_ring(2, UINT32_MAX - 3, &c);
	struct timespec ms = { 0, 1000 * 1000 };
	struct event ev = numbered(0);
	pthread_t t[8];
	unsigned i, waited;

	ring_push_mpsc(r, &ev);
	ring_push_mpsc(r, &ev);
	for (i = 0; i < 8; i++)
		pthread_create(&t[i], NULL, push_into_full, r);
	for (waited = 0; atomic_load(&r->waiters) != 8; waited++) {
		ck_assert_msg(waited < 5000, "only %u producers asleep",
		    atomic_load(&r->waiters));
		nanosleep(&ms, NULL);
	}
	for (i = 0; i < 10; i++) {
		while (!ring_pop(r, &c, &ev))
			nanosleep(&ms, NULL);
		ck_assert_uint_eq(ev.sleep_ns, i < 2 ? 0 : 7);
	}
	for (i = 0; i < 8; i++)
		pthread_join(t[i], NULL);
	ck_assert_uint_eq(atomic_load(&r->waiters), 0);
	ck_assert(!ring_pop(r, &c, &ev));
	free(r);
}
END_TEST

/* A slot claimed and never published stops ring_pop, not ring_pop_dead. */
START_TEST(ring_pop_dead_skips_unpublished_slots)
{
	struct ring_cursor c;
	struct ring *r = new_ring(8, UINT32_MAX - 2, &c);
	struct event ev;
	uint64_t i;

	ev = numbered(0);
	ring_push_mpsc(r, &ev);
	/* A producer claims position 1 and dies before publishing it. */
	atomic_fetch_add(&r->tail, 1);
	for (i = 2; i < 5; i++) {
		ev = numbered(i);
		ring_push_mpsc(r, &ev);
	}
	ck_assert(ring_pop(r, &c, &ev));
	ck_assert_uint_eq(ev.sleep_ns, 0);
	ck_assert(!ring_pop(r, &c, &ev));	/* waits for position 1 */
	ck_assert(!ring_pop(r, &c, &ev));
	for (i = 2; i < 5; i++) {
		ck_assert(ring_pop_dead(r, &c, &ev));
		ck_assert_uint_eq(ev.sleep_ns, i);
	}
	ck_assert(!ring_pop_dead(r, &c, &ev));
	free(r);
}
END_TEST

/* Whatever a child scribbles over its ring, the consumer stays in bounds
   and returns (run under ASan to catch a stray read). */
START_TEST(ring_consumer_survives_garbage)
{
	struct ring_cursor c;
	uint32_t slots = 16;
	struct ring *r = new_ring(slots, 0, &c);
	unsigned char *bytes = (unsigned char *)r;
	struct event ev;
	unsigned round, i, popped;

	srandom(12345);
	for (round = 0; round < 2000; round++) {
		for (i = 0; i < ring_bytes(slots); i++)
			bytes[i] = (unsigned char)random();
		c.head = (uint32_t)random();
		for (popped = 0; ring_pop(r, &c, &ev); popped++)
			ck_assert_uint_le(popped, slots);
		for (popped = 0; ring_pop_dead(r, &c, &ev); popped++)
			ck_assert_uint_le(popped, slots);
	}
	ck_assert_uint_eq(c.mask, slots - 1);
	free(r);
}
END_TEST

START_TEST(ring_threads_stress_keeps_every_sequence)
{
	ck_assert_int_eq(stress_threads(8, 10000, 8, UINT32_MAX - 1000), 0);
	ck_assert_int_eq(stress_threads(3, 20000, 2, 0), 0);
}
END_TEST

START_TEST(ring_processes_stress_keeps_every_sequence)
{
	ck_assert_int_eq(stress_procs(8, 4, 5000, 16), 0);
	ck_assert_int_eq(stress_procs(4, 8, 2000, 2), 0);
}
END_TEST

START_TEST(region_rejects_bad_sizes)
{
	struct region g;

	ck_assert_int_eq(region_create(&g, 4, 3, 0), -1);
	ck_assert_int_eq(region_create(&g, 4, 1, 0), -1);
	ck_assert_int_eq(region_create(&g, 0, 4, 0), -1);
	ck_assert_int_eq(region_create(&g, 4, RING_MAX_SLOTS * 2, 0), -1);
	ck_assert_int_eq(region_create(&g, 3, 4, 0), 0);
	ck_assert_ptr_ne(region_ring(&g, 1), region_ring(&g, 2));
	ck_assert_uint_eq((uintptr_t)region_ring(&g, 2) % 64, 0);
	region_destroy(&g);
}
END_TEST

Suite *
ring_suite(void)
{
	Suite *s = suite_create("ring");
	TCase *tc = tcase_create("ring");

	/* Long enough for the stress on a machine busy with other work
	   (ten times slower there); a hang still ends in a failure. */
	tcase_set_timeout(tc, 180);
	tcase_add_test(tc, ring_empty_pops_nothing);
	tcase_add_test(tc, ring_keeps_order_and_contents);
	tcase_add_test(tc, ring_wraps_around_uint32_max);
	tcase_add_test(tc, ring_full_blocks_until_drained);
	tcase_add_test(tc, ring_full_producers_sleep_until_woken);
	tcase_add_test(tc, ring_pop_dead_skips_unpublished_slots);
	tcase_add_test(tc, ring_consumer_survives_garbage);
	tcase_add_test(tc, ring_threads_stress_keeps_every_sequence);
	tcase_add_test(tc, ring_processes_stress_keeps_every_sequence);
	tcase_add_test(tc, region_rejects_bad_sizes);
	suite_add_tcase(s, tc);
	return s;
}
