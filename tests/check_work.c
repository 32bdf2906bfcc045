/*
 * check_work.c: the workloads' table (src/work.h): every row whole, and
 * what is made from the rows.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../src/work.h"
#include "suites.h"

START_TEST(work_every_row_is_whole)
{
	enum work w, back;

	for (w = 0; w < WORK_COUNT; w++) {
		ck_assert_str_ne(work_name(w), "");
		ck_assert_msg(work_parse(work_name(w), &back) && back == w,
		    "%s is not found again", work_name(w));
		ck_assert_str_ne(work_about(w), "");
		ck_assert_str_ne(work_critical_about(w), "");
		ck_assert_uint_ge(work_min_threads(w), 1);
		/* running, what it does, done: a sleeping thread's three. */
		ck_assert_uint_ge(work_reports(w, 1), 3);
	}
	ck_assert(!work_parse("", &back));
	ck_assert(!work_parse("Sleep", &back));
}
END_TEST

START_TEST(work_names_lists_every_workload)
{
	char buf[160], tiny[8];

	ck_assert_str_eq(work_names(buf, sizeof(buf), " or "), "sleep, "
	    "cpu, mutex, global-mutex, semaphore, barrier, deadlock, race, "
	    "race-locked or queue");
	ck_assert_str_eq(work_names(buf, sizeof(buf), ", "), "sleep, cpu, "
	    "mutex, global-mutex, semaphore, barrier, deadlock, race, "
	    "race-locked, queue");
	ck_assert_str_eq(work_names(tiny, sizeof(tiny), " or "), "sleep, ");
}
END_TEST

START_TEST(work_flags_say_what_each_needs)
{
	enum work w;

	for (w = 0; w < WORK_COUNT; w++) {
		ck_assert_int_eq(!!(work_flags(w) & WORK_PERMITS),
		    w == WORK_SEMAPHORE);
		ck_assert_int_eq(!!(work_flags(w) & WORK_SHARED),
		    w == WORK_SEMAPHORE || w == WORK_GMUTEX ||
		    w == WORK_RACE || w == WORK_RACE_LOCKED ||
		    w == WORK_QUEUE);
		ck_assert_int_eq(!!(work_flags(w) & WORK_ITERATIONS),
		    w == WORK_RACE || w == WORK_RACE_LOCKED ||
		    w == WORK_QUEUE);
		ck_assert_int_eq(!!(work_flags(w) & WORK_SLOTS),
		    w == WORK_QUEUE);
		ck_assert_int_eq(!!(work_flags(w) & WORK_UNBOUNDED),
		    w == WORK_CPU);
	}
	ck_assert_uint_eq(work_reports(WORK_SLEEP, 1000), 3);
	/* running, 3 moves an update, done */
	ck_assert_uint_eq(work_reports(WORK_RACE, 10), 32);
	ck_assert_uint_eq(work_min_threads(WORK_DEADLOCK), 2);
}
END_TEST

Suite *
work_suite(void)
{
	Suite *s = suite_create("work");
	TCase *tc = tcase_create("work");

	tcase_add_test(tc, work_every_row_is_whole);
	tcase_add_test(tc, work_names_lists_every_workload);
	tcase_add_test(tc, work_flags_say_what_each_needs);
	suite_add_tcase(s, tc);
	return s;
}
