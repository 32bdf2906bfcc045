/*
 * check_busy.c: the busy time behind the concurrency figures: spent stays
 * spent, and computing never counts more than the CPUs.
 */
#include <sys/wait.h>

#include <check.h>
#include <signal.h>

#include "../src/model.h"
#include "../src/busy.h"
#include "../src/model_query.h"
#include "suites.h"

#define PID(i)	(2000 + (int)(i))

static void
put(struct model *m, unsigned proc, unsigned thread, unsigned state,
    uint64_t t)
{
	struct event e = { .t_ns = t, .pid = proc ? PID(proc) : 1,
	    .tid = PID(proc) * 10 + (int)thread, .proc = (uint16_t)proc,
	    .thread = (uint16_t)thread, .state = (uint8_t)state,
	    .plan_ns = state == ST_SLEEPING || state == ST_COMPUTING ?
	    1000000 : 0 };

	ck_assert_msg(model_apply(m, &e), "event %u/%u %s at %ju refused",
	    proc, thread, state_name(state), (uintmax_t)t);
}

/* A run of nproc x nthread started at 1, every thread in `state` (sleeping
   or computing) from 100. */
static void
busy_run(struct model *m, unsigned nproc, unsigned nthread, unsigned state)
{
	unsigned i, j;

	ck_assert_int_eq(model_init(m, nproc, nthread), 0);
	put(m, 0, 0, ST_MRUNNING, 1);
	for (i = 1; i <= nproc; i++) {
		put(m, i, 0, ST_FORKED, 10);
		put(m, i, 0, ST_STARTING, 11);
		put(m, i, 0, ST_JOINING, 12);
		for (j = 1; j <= nthread; j++) {
			put(m, i, j, ST_RUNNING, 50);
			put(m, i, j, state, 100);
		}
	}
}

static void
reap(struct model *m, unsigned i, unsigned state, int wstatus, uint64_t t)
{
	struct event e = { .t_ns = t, .pid = PID(i), .tid = PID(i) * 10,
	    .proc = (uint16_t)i, .state = (uint8_t)state,
	    .wstatus = wstatus };

	ck_assert(model_apply(m, &e));
}

/* ptviz -p 2 -t 1, k at 3 s: the killed process's sleep so far stays in
   the figure, which goes on at 2 until the kill and falls slowly after. */
START_TEST(busy_killed_process_keeps_its_time)
{
	struct model m;
	uint64_t before;

	busy_run(&m, 2, 1, ST_SLEEPING);
	before = model_slept_ns(&m, 3001);
	ck_assert_uint_eq(before, 2 * 2901);
	reap(&m, 1, ST_KILLED, SIGKILL, 3001);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->state, ST_LOST);
	ck_assert_uint_eq(model_slept_ns(&m, 3001), before);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->busy_ns, 2901);
	ck_assert_uint_eq(model_slept_ns(&m, 4001), 2901 + 3901);
	ck_assert_uint_eq(model_busy_now(&m), 1);
	model_free(&m);
}
END_TEST

/* Reaping held: a process killed is a zombie until it is reaped; its
   threads stop being busy when it died, not when it was reaped. */
START_TEST(busy_zombie_ends_its_threads_at_its_death)
{
	struct model m;
	struct event z = { .t_ns = 2000, .pid = PID(1), .tid = PID(1) * 10,
	    .proc = 1, .state = ST_ZOMBIE };

	busy_run(&m, 2, 2, ST_SLEEPING);
	ck_assert(model_apply(&m, &z));
	ck_assert_uint_eq(model_busy_now(&m), 2);
	ck_assert_uint_eq(model_slept_ns(&m, 3000), 2 * 1900 + 2 * 2900);
	reap(&m, 1, ST_KILLED, SIGKILL, 5000);
	ck_assert_uint_eq(model_slept_ns(&m, 5000), 2 * 1900 + 2 * 4900);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->busy_ns, 1900);
	model_free(&m);
}
END_TEST

/* cpu 8 x 8 on 2 CPUs: 64 threads say they compute; a thread tells of its
   wait for a CPU only when it runs again, so the figure is bounded by the
   CPUs, on average and now. */
START_TEST(busy_computing_never_more_than_the_cpus)
{
	struct model m;

	busy_run(&m, 8, 8, ST_COMPUTING);
	busy_set_cpus(&m.sums, 2);
	ck_assert_uint_eq(model_busy_now(&m), 2);
	ck_assert(model_concurrency(&m, 1001) <= 2.0);
	ck_assert(model_concurrency(&m, 1001) > 1.7);
	ck_assert(model_slept_ns(&m, 1001) <= 2 * 1000);
	/* One CPU: no more than 1 at once. */
	busy_set_cpus(&m.sums, 1);
	ck_assert_uint_eq(model_busy_now(&m), 1);
	ck_assert(model_concurrency(&m, 5001) <= 1.0);
	model_free(&m);
}
END_TEST

/* Fewer computing threads than CPUs: each is counted to now. */
START_TEST(busy_computing_within_the_cpus_counts_to_now)
{
	struct model m;

	busy_run(&m, 1, 2, ST_COMPUTING);
	busy_set_cpus(&m.sums, 4);
	ck_assert_uint_eq(model_busy_now(&m), 2);
	ck_assert_uint_eq(model_slept_ns(&m, 1100), 2 * 1000);
	model_free(&m);
}
END_TEST

/* CPUs not known (a recording): a computing phase counts up to its
   thread's last event, never past it; a wait told after the fact keeps
   the figure under what it was. */
START_TEST(busy_computing_without_cpus_stops_at_the_last_event)
{
	struct model m;
	struct event e = { .t_ns = 300, .pid = PID(1), .tid = PID(1) * 10 + 1,
	    .proc = 1, .thread = 1, .state = ST_WAITING, .what = OBJ_CPU };

	busy_run(&m, 1, 1, ST_COMPUTING);
	ck_assert_uint_eq(m.sums.cpus, 0);
	ck_assert_uint_eq(model_slept_ns(&m, 900), 0);
	ck_assert(model_apply(&m, &e));
	put(&m, 1, 1, ST_COMPUTING, 600);
	ck_assert_uint_eq(model_slept_ns(&m, 900), 200);
	put(&m, 1, 1, ST_DONE, 1000);
	ck_assert_uint_eq(model_slept_ns(&m, 5000), 600);
	model_free(&m);
}
END_TEST

/* model_reset() keeps the CPUs: a travel in time rebuilds the model. */
START_TEST(busy_reset_keeps_the_cpus)
{
	struct model m;

	ck_assert_int_eq(model_init(&m, 1, 1), 0);
	busy_set_cpus(&m.sums, 3);
	model_reset(&m);
	ck_assert_uint_eq(m.sums.cpus, 3);
	model_free(&m);
}
END_TEST

Suite *
busy_suite(void)
{
	Suite *s = suite_create("busy");
	TCase *tc = tcase_create("busy");

	tcase_add_test(tc, busy_killed_process_keeps_its_time);
	tcase_add_test(tc, busy_zombie_ends_its_threads_at_its_death);
	tcase_add_test(tc, busy_computing_never_more_than_the_cpus);
	tcase_add_test(tc, busy_computing_within_the_cpus_counts_to_now);
	tcase_add_test(tc, busy_computing_without_cpus_stops_at_the_last_event);
	tcase_add_test(tc, busy_reset_keeps_the_cpus);
	suite_add_tcase(s, tc);
	return s;
}
