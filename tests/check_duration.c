/*
 * check_duration.c: the seeded plan of sleeps.
 */
#include <check.h>
#include <stdbool.h>

#include "../src/duration.h"
#include "suites.h"

#define S	3000000000ull

START_TEST(duration_same_seed_same_plan)
{
	unsigned i, j;

	for (i = 1; i <= 64; i++)
		for (j = 1; j <= 64; j++)
			ck_assert_uint_eq(duration_ns(42, i, j, S),
			    duration_ns(42, i, j, S));
	/* Pinned: a seed must give the same plan in every version, too. */
	ck_assert_uint_eq(duration_ns(42, 1, 1, S), 1019166286);
	ck_assert_uint_eq(duration_ns(42, 5, 3, S), 2495651670);
}
END_TEST

START_TEST(duration_other_seed_other_plan)
{
	unsigned i, j, same = 0;

	for (i = 1; i <= 32; i++)
		for (j = 1; j <= 32; j++)
			same += duration_ns(42, i, j, S) ==
			    duration_ns(43, i, j, S);
	ck_assert_uint_le(same, 2);
}
END_TEST

START_TEST(duration_differs_by_process_and_thread)
{
	ck_assert_uint_ne(duration_ns(7, 1, 2, S), duration_ns(7, 2, 1, S));
	ck_assert_uint_ne(duration_ns(7, 1, 1, S), duration_ns(7, 1, 2, S));
	ck_assert_uint_ne(duration_ns(7, 1, 1, S), duration_ns(7, 2, 1, S));
}
END_TEST

/* Uniform in [0, max): never max, and each tenth gets its share. */
START_TEST(duration_is_uniform_below_the_maximum)
{
	unsigned bins[10] = { 0 }, i, j, b;
	uint64_t d;

	for (i = 1; i <= 200; i++) {
		for (j = 1; j <= 200; j++) {
			d = duration_ns(1, i, j, S);
			ck_assert_uint_lt(d, S);
			bins[d / (S / 10)]++;
		}
	}
	for (b = 0; b < 10; b++) {
		ck_assert_uint_gt(bins[b], 3600);	/* 4000 expected */
		ck_assert_uint_lt(bins[b], 4400);
	}
	ck_assert_uint_eq(duration_ns(1, 1, 1, 0), 0);
	ck_assert_uint_eq(duration_ns(1, 1, 1, 1), 0);
}
END_TEST

/* Seeds nobody chose are five digits at most, to be read aloud, and not
   all the same (ten equal draws: one chance in 10^45). */
START_TEST(duration_random_seeds_are_short_and_differ)
{
	uint64_t first = duration_random_seed(), s;
	bool differ = false;
	int i;

	ck_assert_uint_lt(first, DURATION_SEED_MAX);
	for (i = 0; i < 10; i++) {
		s = duration_random_seed();
		ck_assert_uint_lt(s, DURATION_SEED_MAX);
		differ |= s != first;
	}
	ck_assert(differ);
}
END_TEST

/* Phase 0 is the plain duration; a later phase is another draw. */
START_TEST(duration_phases_are_other_draws)
{
	unsigned j, same = 0;

	for (j = 1; j <= 100; j++) {
		ck_assert_uint_eq(duration_phase_ns(9, 2, j, 0, S),
		    duration_ns(9, 2, j, S));
		ck_assert_uint_lt(duration_phase_ns(9, 2, j, 1, S), S);
		same += duration_phase_ns(9, 2, j, 1, S) ==
		    duration_ns(9, 2, j, S);
	}
	ck_assert_uint_eq(same, 0);
}
END_TEST

Suite *
duration_suite(void)
{
	Suite *s = suite_create("duration");
	TCase *tc = tcase_create("duration");

	tcase_add_test(tc, duration_same_seed_same_plan);
	tcase_add_test(tc, duration_other_seed_other_plan);
	tcase_add_test(tc, duration_differs_by_process_and_thread);
	tcase_add_test(tc, duration_is_uniform_below_the_maximum);
	tcase_add_test(tc, duration_random_seeds_are_short_and_differ);
	tcase_add_test(tc, duration_phases_are_other_draws);
	suite_add_tcase(s, tc);
	return s;
}
