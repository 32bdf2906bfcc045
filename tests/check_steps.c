/*
 * check_steps.c: step mode's gates (src/steps.h), in one process: threads
 * of this process stand in for the children's threads, and the test is
 * the main process that grants their moves.  Each thread goes through
 * its gates `n` times and counts every gate it passes; a wait for a
 * thread to come to its gate polls, with a deadline, so a broken gate
 * fails the test rather than hanging it (the case's timeout is the last
 * resort).
 */
#include <check.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "../src/steps.h"
#include "suites.h"

/* How long a thread may take to come to its gate on a loaded machine. */
#define ARRIVE_MS	10000

/* A thread standing in for thread j of process i. */
struct gater {
	pthread_t	 tid;
	struct steps	*s;
	unsigned	 i, j;
	unsigned	 n;		/* gates to go through; 0: until stop */
	_Atomic unsigned passed;	/* gates passed */
	_Atomic bool	 stop;		/* n == 0: leave after this gate */
	_Atomic bool	 done;
};

static void *
gater_main(void *arg)
{
	struct gater *g = arg;
	unsigned k;

	for (k = 0; g->n == 0 ? !atomic_load(&g->stop) : k < g->n; k++) {
		steps_gate(g->s, g->i, g->j);
		atomic_fetch_add(&g->passed, 1);
	}
	atomic_store(&g->done, true);
	return NULL;
}

static void
gater_start(struct gater *g, struct steps *s, unsigned i, unsigned j,
    unsigned n)
{
	*g = (struct gater){ .s = s, .i = i, .j = j, .n = n };
	ck_assert_int_eq(pthread_create(&g->tid, NULL, gater_main, g), 0);
}

static void
sleep_ms(unsigned ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* Wait until thread j of process i is at its gate, waiting; false if it
   did not come within ARRIVE_MS. */
static bool
arrives(const struct steps *s, unsigned i, unsigned j)
{
	unsigned ms;

	for (ms = 0; ms < ARRIVE_MS; ms++) {
		if (steps_waiting(s, i, j))
			return true;
		sleep_ms(1);
	}
	return false;
}

/* Wait until g's thread has passed `n` gates in all; false if it did not
   within ARRIVE_MS. */
static bool
passes(const struct gater *g, unsigned n)
{
	unsigned ms;

	for (ms = 0; ms < ARRIVE_MS; ms++) {
		if (atomic_load(&g->passed) >= n)
			return true;
		sleep_ms(1);
	}
	return false;
}

START_TEST(steps_gate_waits_for_a_grant)
{
	struct steps s;
	struct gater g;

	ck_assert_int_eq(steps_create(&s, 1, 1, STEPS_ON), 0);
	gater_start(&g, &s, 1, 1, 2);
	ck_assert(arrives(&s, 1, 1));
	/* A while at its gate, and still there: nobody let it go. */
	sleep_ms(50);
	ck_assert(steps_waiting(&s, 1, 1));
	ck_assert_uint_eq(atomic_load(&g.passed), 0);
	/* One grant, one gate passed, and at the next it waits again. */
	ck_assert(steps_grant(&s, 1, 1));
	ck_assert(passes(&g, 1));
	ck_assert(arrives(&s, 1, 1));
	sleep_ms(50);
	ck_assert_uint_eq(atomic_load(&g.passed), 1);
	ck_assert(steps_grant(&s, 1, 1));
	ck_assert_int_eq(pthread_join(g.tid, NULL), 0);
	ck_assert_uint_eq(atomic_load(&g.passed), 2);
	ck_assert(!steps_waiting(&s, 1, 1));
	ck_assert_uint_eq(s.grants, 2);
	steps_destroy(&s);
}
END_TEST

START_TEST(steps_grant_refused_off_the_gate)
{
	struct steps s;
	struct gater g;

	ck_assert_int_eq(steps_create(&s, 2, 2, STEPS_ON), 0);
	/* Nobody at a gate yet, and threads that do not exist. */
	ck_assert(!steps_waiting(&s, 1, 1));
	ck_assert(!steps_grant(&s, 1, 1));
	ck_assert(!steps_grant(&s, 0, 1));
	ck_assert(!steps_grant(&s, 1, 0));
	ck_assert(!steps_grant(&s, 3, 1));
	ck_assert(!steps_grant(&s, 1, 3));
	gater_start(&g, &s, 2, 1, 1);
	ck_assert(arrives(&s, 2, 1));
	/* Its neighbours are not at theirs. */
	ck_assert(!steps_waiting(&s, 1, 1));
	ck_assert(!steps_waiting(&s, 2, 2));
	ck_assert(!steps_grant(&s, 2, 2));
	ck_assert(!steps_grant(&s, 1, 1));
	ck_assert_uint_eq(s.grants, 0);
	/* One move granted: a second before it is made, or after (its one
	   gate passed), is refused. */
	ck_assert(steps_grant(&s, 2, 1));
	ck_assert(!steps_grant(&s, 2, 1));
	ck_assert_int_eq(pthread_join(g.tid, NULL), 0);
	ck_assert(!steps_grant(&s, 2, 1));
	ck_assert_uint_eq(atomic_load(&g.passed), 1);
	ck_assert_uint_eq(s.grants, 1);
	/* Out of step mode nothing is granted. */
	steps_set_mode(&s, 0);
	ck_assert(!steps_grant(&s, 2, 1));
	ck_assert_uint_eq(s.grants, 1);
	steps_destroy(&s);
	/* Destroyed: a second destroy, and a gate, do nothing. */
	steps_destroy(&s);
	steps_gate(&s, 1, 1);
	ck_assert(steps_sleeps(&s));
}
END_TEST

START_TEST(steps_off_lets_every_gated_thread_go)
{
	struct steps s;
	struct gater g[4];
	unsigned k;

	ck_assert_int_eq(steps_create(&s, 2, 2, STEPS_ON), 0);
	for (k = 0; k < 4; k++)
		gater_start(&g[k], &s, k / 2 + 1, k % 2 + 1, 3);
	for (k = 0; k < 4; k++)
		ck_assert(arrives(&s, k / 2 + 1, k % 2 + 1));
	ck_assert(!steps_sleeps(&s));
	/* Off: all of them go through every gate left, with no grant. */
	steps_set_mode(&s, 0);
	ck_assert(steps_sleeps(&s));
	for (k = 0; k < 4; k++) {
		ck_assert_int_eq(pthread_join(g[k].tid, NULL), 0);
		ck_assert_uint_eq(atomic_load(&g[k].passed), 3);
		ck_assert(!steps_waiting(&s, k / 2 + 1, k % 2 + 1));
	}
	ck_assert_uint_eq(s.grants, 0);
	steps_destroy(&s);
}
END_TEST

START_TEST(steps_on_again_gates_them)
{
	struct steps s;
	struct gater g;
	unsigned was;

	/* Free from the start: the gates cost nothing. */
	ck_assert_int_eq(steps_create(&s, 1, 1, 0), 0);
	gater_start(&g, &s, 1, 1, 0);
	ck_assert(passes(&g, 100));
	ck_assert(!steps_waiting(&s, 1, 1));
	/* On: it stops at its next gate and stays there. */
	steps_set_mode(&s, STEPS_ON | STEPS_TIMED);
	ck_assert_uint_eq(steps_mode(&s), STEPS_ON | STEPS_TIMED);
	ck_assert(steps_sleeps(&s));
	ck_assert(arrives(&s, 1, 1));
	was = atomic_load(&g.passed);
	sleep_ms(50);
	ck_assert_uint_eq(atomic_load(&g.passed), was);
	ck_assert(steps_grant(&s, 1, 1));
	ck_assert(passes(&g, was + 1));
	ck_assert(arrives(&s, 1, 1));
	ck_assert_uint_eq(atomic_load(&g.passed), was + 1);
	/* Off, on again: gated again, once its moves let go are made. */
	steps_set_mode(&s, 0);
	ck_assert(passes(&g, was + 100));
	steps_set_mode(&s, STEPS_ON);
	ck_assert(arrives(&s, 1, 1));
	was = atomic_load(&g.passed);
	sleep_ms(50);
	ck_assert_uint_eq(atomic_load(&g.passed), was);
	/* Off to let it leave. */
	atomic_store(&g.stop, true);
	steps_set_mode(&s, 0);
	ck_assert_int_eq(pthread_join(g.tid, NULL), 0);
	steps_destroy(&s);
}
END_TEST

/* The stress: STRESS_THREADS threads of STRESS_GATES gates each while
   the main thread grants moves to whoever waits and, after about one
   grant in 50, leaves step mode for a moment.  In each stretch of step
   mode a thread passes no more gates than it was granted, plus the one
   it may have been passing as the mode came on; once every thread is
   through, the grants counted by steps_grant() are those made. */
#define STRESS_THREADS	4
#define STRESS_GATES	2000u

struct stretch {
	unsigned	 passed0[STRESS_THREADS];
	unsigned	 granted[STRESS_THREADS];
};

static void
stretch_begin(struct stretch *st, struct gater *g)
{
	unsigned k;

	for (k = 0; k < STRESS_THREADS; k++) {
		st->passed0[k] = atomic_load(&g[k].passed);
		st->granted[k] = 0;
	}
}

static void
stretch_check(const struct stretch *st, struct gater *g)
{
	unsigned k, moved;

	for (k = 0; k < STRESS_THREADS; k++) {
		moved = atomic_load(&g[k].passed) - st->passed0[k];
		ck_assert_msg(moved <= st->granted[k] + 1, "thread %u passed "
		    "%u gates in step mode on %u grants", k + 1, moved,
		    st->granted[k]);
	}
}

static bool
all_done(struct gater *g)
{
	unsigned k;

	for (k = 0; k < STRESS_THREADS; k++)
		if (!atomic_load(&g[k].done))
			return false;
	return true;
}

START_TEST(steps_stress_never_passes_without_a_grant)
{
	struct steps s;
	struct gater g[STRESS_THREADS];
	struct stretch st;
	unsigned k, j, granted = 0, toggles = 0, spin;
	unsigned seed = 20261203;

	ck_assert_int_eq(steps_create(&s, 1, STRESS_THREADS, STEPS_ON), 0);
	for (k = 0; k < STRESS_THREADS; k++)
		gater_start(&g[k], &s, 1, k + 1, STRESS_GATES);
	stretch_begin(&st, g);
	while (!all_done(g)) {
		j = rand_r(&seed) % STRESS_THREADS;
		if (!steps_grant(&s, 1, j + 1))
			continue;
		st.granted[j]++;
		granted++;
		if (rand_r(&seed) % 50 != 0)
			continue;
		/* Now and then, out of step mode for a moment, then in
		   again. */
		stretch_check(&st, g);
		steps_set_mode(&s, 0);
		for (spin = rand_r(&seed) % 2000; spin > 0; spin--)
			atomic_signal_fence(memory_order_seq_cst);
		steps_set_mode(&s, STEPS_ON);
		stretch_begin(&st, g);
		toggles++;
	}
	stretch_check(&st, g);
	for (k = 0; k < STRESS_THREADS; k++) {
		ck_assert_int_eq(pthread_join(g[k].tid, NULL), 0);
		ck_assert_uint_eq(atomic_load(&g[k].passed), STRESS_GATES);
	}
	ck_assert_uint_eq(s.grants, granted);
	/* Both kinds of pass happened: by a grant and by leaving. */
	ck_assert_uint_gt(granted, 0);
	ck_assert_uint_gt(toggles, 0);
	steps_destroy(&s);
}
END_TEST

Suite *
steps_suite(void)
{
	Suite *s = suite_create("steps");
	TCase *tc = tcase_create("steps");

	/* A hang ends in a failure, late enough for a loaded machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, steps_gate_waits_for_a_grant);
	tcase_add_test(tc, steps_grant_refused_off_the_gate);
	tcase_add_test(tc, steps_off_lets_every_gated_thread_go);
	tcase_add_test(tc, steps_on_again_gates_them);
	tcase_add_test(tc, steps_stress_never_passes_without_a_grant);
	suite_add_tcase(s, tc);
	return s;
}
