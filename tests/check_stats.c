/*
 * check_stats.c: many runs counted -- the rank table, the distinct orders,
 * the spread of wall times and the planned critical paths -- from
 * hand-made finished models.
 */
#include <check.h>
#include <stdlib.h>

#include "../src/duration.h"
#include "../src/event.h"
#include "../src/model.h"
#include "../src/spawn.h"
#include "../src/stats.h"
#include "suites.h"

/* Make m a finished run of its processes in which order[0..n-1] said
   done in that order, the others were killed; wall_ns from main running
   to main done. */
static void
fake_run(struct model *m, const unsigned *order, unsigned n, uint64_t wall)
{
	unsigned i, k;

	model_reset(m);
	m->t0 = 1000;
	m->t_main_done = 1000 + wall;
	for (i = 0; i < m->nproc; i++)
		m->procs[i] = (struct model_proc){ .state = ST_KILLED,
		    .reaped = true, .rank = i + 1 };
	for (k = 0; k < n; k++) {
		struct model_proc *p = &m->procs[order[k] - 1];

		p->state = ST_PDONE;
		p->t_done = 2000 + 10 * k;
		/* The reaping order is not the finishing order. */
		p->rank = m->nproc - k;
	}
}

/* Every rank column sums to the runs, in which every process finished. */
START_TEST(stats_ranks_sum_to_runs_per_rank)
{
	static const unsigned orders[][4] = {
		{ 1, 2, 3, 4 }, { 2, 1, 3, 4 }, { 4, 3, 2, 1 }, { 1, 2, 3, 4 },
		{ 3, 1, 4, 2 }, { 2, 4, 1, 3 }, { 1, 2, 3, 4 },
	};
	unsigned r, i, k, n = sizeof(orders) / sizeof(orders[0]), sum;
	struct model m;
	struct stats st;

	ck_assert_int_eq(model_init(&m, 4, 1), 0);
	ck_assert_int_eq(stats_init(&st, 4), 0);
	for (r = 0; r < n; r++) {
		fake_run(&m, orders[r], 4, 100 + r);
		ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	}
	ck_assert_uint_eq(st.runs, n);
	for (k = 0; k < 4; k++) {
		for (sum = 0, i = 0; i < 4; i++)
			sum += st.ranks[i * 4 + k];
		ck_assert_uint_eq(sum, n);
	}
	/* Process 1 was first in three runs, last in one. */
	ck_assert_uint_eq(st.ranks[0 * 4 + 0], 3);
	ck_assert_uint_eq(st.ranks[0 * 4 + 3], 1);
	ck_assert_uint_eq(st.ranks[3 * 4 + 0], 1);
	for (i = 0; i < 4; i++)
		ck_assert_uint_eq(st.failed[i], 0);
	stats_free(&st);
	model_free(&m);
}
END_TEST

/* Orders come from the times of "done", not from the reaping order, and
   equal times go by process number. */
START_TEST(stats_order_is_by_done_time)
{
	static const unsigned order[3] = { 3, 1, 2 };
	const uint16_t *got;
	struct model m;
	struct stats st;
	unsigned n;

	ck_assert_int_eq(model_init(&m, 3, 1), 0);
	ck_assert_int_eq(stats_init(&st, 3), 0);
	fake_run(&m, order, 3, 50);
	ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	got = stats_last_order(&st, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(got[0], 3);
	ck_assert_uint_eq(got[1], 1);
	ck_assert_uint_eq(got[2], 2);
	/* A tie: 2 and 3 said done at once. */
	m.procs[1].t_done = m.procs[2].t_done = 1;
	ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	got = stats_last_order(&st, &n);
	ck_assert_uint_eq(got[0], 2);
	ck_assert_uint_eq(got[1], 3);
	ck_assert_uint_eq(got[2], 1);
	stats_free(&st);
	model_free(&m);
}
END_TEST

/* Distinct orders are counted once each, however many runs repeat them,
   past the growth of the table; the most common is found. */
START_TEST(stats_counts_distinct_orders)
{
	unsigned order[5], r, k, n, runs, total = 0;
	struct model m;
	struct stats st;
	int common;

	ck_assert_int_eq(model_init(&m, 5, 1), 0);
	ck_assert_int_eq(stats_init(&st, 5), 0);
	/* 120 runs of 40 orders (the 5 rotations of 1..5, each with 8
	   shuffles of its tail), then order 7 six times more. */
	for (r = 0; r < 120 + 6; r++) {
		unsigned o = r < 120 ? r % 40 : 7, rot = o % 5, sh = o / 5;

		for (k = 0; k < 5; k++)
			order[k] = (k + rot) % 5 + 1;
		if (sh & 1) {
			unsigned t = order[1]; order[1] = order[2]; order[2] = t;
		}
		if (sh & 2) {
			unsigned t = order[3]; order[3] = order[4]; order[4] = t;
		}
		if (sh & 4) {
			unsigned t = order[1]; order[1] = order[4]; order[4] = t;
		}
		fake_run(&m, order, 5, r);
		ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	}
	ck_assert_uint_eq(st.norders, 40);
	for (k = 0; k < st.norders; k++) {
		stats_order(&st, k, &n, &runs);
		ck_assert_uint_eq(n, 5);
		total += runs;
	}
	ck_assert_uint_eq(total, 126);
	common = stats_common(&st);
	ck_assert_int_ge(common, 0);
	stats_order(&st, (unsigned)common, &n, &runs);
	ck_assert_uint_eq(runs, 3 + 6);
	stats_free(&st);
	model_free(&m);
}
END_TEST

/* A process killed has no rank: it counts as failed, and its absence is
   part of the order. */
START_TEST(stats_killed_process_counts_apart)
{
	static const unsigned all[3] = { 1, 2, 3 }, two[2] = { 1, 2 };
	struct model m;
	struct stats st;
	unsigned n;

	ck_assert_int_eq(model_init(&m, 3, 1), 0);
	ck_assert_int_eq(stats_init(&st, 3), 0);
	fake_run(&m, all, 3, 10);
	ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	fake_run(&m, two, 2, 10);
	ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	stats_last_order(&st, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(st.failed[2], 1);
	ck_assert_uint_eq(st.failed[0], 0);
	ck_assert_uint_eq(st.ranks[2 * 3 + 2], 1);
	ck_assert_uint_eq(st.norders, 2);
	stats_free(&st);
	model_free(&m);
}
END_TEST

/* The median of an odd count is the middle; of an even count the mean of
   the middle two; the input keeps its order. */
START_TEST(stats_median_right)
{
	uint64_t odd[] = { 9, 1, 5, 3, 7 }, even[] = { 40, 10, 30, 20 };
	uint64_t one[] = { 6 };
	struct stats_spread s;

	ck_assert_int_eq(stats_spread(odd, 5, &s), 0);
	ck_assert(s.min == 1 && s.median == 5 && s.max == 9);
	ck_assert_uint_eq(odd[0], 9);
	ck_assert_int_eq(stats_spread(even, 4, &s), 0);
	ck_assert(s.min == 10 && s.median == 25 && s.max == 40);
	ck_assert_int_eq(stats_spread(one, 1, &s), 0);
	ck_assert(s.min == 6 && s.median == 6 && s.max == 6);
	ck_assert_int_eq(stats_spread(one, 0, &s), -1);
}
END_TEST

/* Wall times are kept a run each; the ratio skips unknown paths. */
START_TEST(stats_wall_against_critical)
{
	static const unsigned order[2] = { 1, 2 };
	struct stats_spread s;
	struct model m;
	struct stats st;

	ck_assert_int_eq(model_init(&m, 2, 1), 0);
	ck_assert_int_eq(stats_init(&st, 2), 0);
	ck_assert(!stats_ratio(&st, &s));
	fake_run(&m, order, 2, 300);
	ck_assert_int_eq(stats_add(&st, &m, 100), 0);
	fake_run(&m, order, 2, 500);
	ck_assert_int_eq(stats_add(&st, &m, 0), 0);
	fake_run(&m, order, 2, 200);
	ck_assert_int_eq(stats_add(&st, &m, 100), 0);
	ck_assert_uint_eq(st.wall_ns[1], 500);
	ck_assert_int_eq(stats_spread(st.wall_ns, st.runs, &s), 0);
	ck_assert(s.min == 200 && s.median == 300 && s.max == 500);
	ck_assert(stats_ratio(&st, &s));
	ck_assert(s.min == 2.0 && s.median == 2.5 && s.max == 3.0);
	stats_free(&st);
	model_free(&m);
}
END_TEST

/* The critical path of each workload from the plan: the longest thread,
   a process's sum, the whole sum, over the permits, two phases; none
   for the deadlock. */
START_TEST(stats_critical_path_per_workload)
{
	struct run_config c = { .nproc = 3, .nthread = 2, .seed = 42,
	    .sleep_ns = 1000000000u, .permits = 2 };
	uint64_t ns, d[4][3], sum = 0, most = 0, proc = 0, bar = 0;
	unsigned i, j;

	for (i = 1; i <= 3; i++) {
		uint64_t ps = 0, a = 0, b = 0;

		for (j = 1; j <= 2; j++) {
			d[i][j] = duration_ns(42, i, j, c.sleep_ns);
			sum += d[i][j];
			ps += d[i][j];
			most = d[i][j] > most ? d[i][j] : most;
			a = d[i][j] > a ? d[i][j] : a;
			ns = duration_phase_ns(42, i, j, 1, c.sleep_ns);
			b = ns > b ? ns : b;
		}
		proc = ps > proc ? ps : proc;
		bar = a + b > bar ? a + b : bar;
	}
	c.work = WORK_SLEEP;
	ck_assert(stats_critical_ns(&c, &ns));
	ck_assert_uint_eq(ns, most);
	c.work = WORK_MUTEX;
	ck_assert(stats_critical_ns(&c, &ns));
	ck_assert_uint_eq(ns, proc);
	c.work = WORK_GMUTEX;
	ck_assert(stats_critical_ns(&c, &ns));
	ck_assert_uint_eq(ns, sum);
	c.work = WORK_SEMAPHORE;
	ck_assert(stats_critical_ns(&c, &ns));
	ck_assert_uint_eq(ns, most > (sum + 1) / 2 ? most : (sum + 1) / 2);
	c.work = WORK_BARRIER;
	ck_assert(stats_critical_ns(&c, &ns));
	ck_assert_uint_eq(ns, bar);
	ck_assert(stats_critical_ns(&c, NULL));
	c.work = WORK_DEADLOCK;
	ck_assert(!stats_critical_ns(&c, &ns));
	ck_assert(!stats_critical_ns(&c, NULL));
}
END_TEST

Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("stats");

	tcase_add_test(tc, stats_ranks_sum_to_runs_per_rank);
	tcase_add_test(tc, stats_order_is_by_done_time);
	tcase_add_test(tc, stats_counts_distinct_orders);
	tcase_add_test(tc, stats_killed_process_counts_apart);
	tcase_add_test(tc, stats_median_right);
	tcase_add_test(tc, stats_wall_against_critical);
	tcase_add_test(tc, stats_critical_path_per_workload);
	suite_add_tcase(s, tc);
	return s;
}
