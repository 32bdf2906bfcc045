/*
 * check_tasknames.c: the table of a traced program's task names and
 * pids: what the latest event of a task carried, as it grows.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../src/event.h"
#include "../src/tasknames.h"
#include "suites.h"

/* An event of thread j of process i, pid pid. */
static struct event
ev_of(unsigned i, unsigned j, int pid)
{
	return (struct event){ .proc = (uint16_t)i, .thread = (uint16_t)j,
	    .pid = pid, .tid = pid + (int)j, .state = ST_TBORN };
}

/* Processes and threads told of out of order, far beyond the first room:
   each name found where it was put, nothing where none was. */
START_TEST(tasknames_grow_and_keep_each_name)
{
	struct tasknames t;
	struct event e;

	tasknames_init(&t);
	e = ev_of(9, 20, 900);
	ck_assert_int_eq(tasknames_note(&t, &e, "late"), 0);
	e = ev_of(1, 0, 100);
	ck_assert_int_eq(tasknames_note(&t, &e, "sh"), 0);
	e = ev_of(1, 1, 100);
	ck_assert_int_eq(tasknames_note(&t, &e, "sh-main"), 0);
	ck_assert_str_eq(tasknames_get(&t, 9, 20), "late");
	ck_assert_str_eq(tasknames_get(&t, 1, 0), "sh");
	ck_assert_str_eq(tasknames_get(&t, 1, 1), "sh-main");
	ck_assert_ptr_null(tasknames_get(&t, 9, 0));
	ck_assert_ptr_null(tasknames_get(&t, 9, 19));
	ck_assert_ptr_null(tasknames_get(&t, 9, 21));
	ck_assert_ptr_null(tasknames_get(&t, 5, 1));
	ck_assert_ptr_null(tasknames_get(&t, 10, 0));
	ck_assert_ptr_null(tasknames_get(&t, 0, 0));
	ck_assert_int_eq(tasknames_pid(&t, 9), 900);
	ck_assert_int_eq(tasknames_pid(&t, 1), 100);
	ck_assert_int_eq(tasknames_pid(&t, 5), 0);
	ck_assert_int_eq(tasknames_pid(&t, 10), 0);
	tasknames_free(&t);
	ck_assert_ptr_null(tasknames_get(&t, 1, 0));
}
END_TEST

/* The latest event's name is the name: an exec renames, an event without
   a name leaves none, an empty name is a name; the main process has
   none; a pid of 0 leaves the pid known. */
START_TEST(tasknames_keep_what_the_latest_event_said)
{
	struct tasknames t;
	struct event e = ev_of(2, 0, 200), m = ev_of(0, 0, 10);

	tasknames_init(&t);
	ck_assert_int_eq(tasknames_note(&t, &e, "sh"), 0);
	ck_assert_int_eq(tasknames_note(&t, &e, "sleep"), 0);
	ck_assert_str_eq(tasknames_get(&t, 2, 0), "sleep");
	ck_assert_int_eq(tasknames_note(&t, &e, ""), 0);
	ck_assert_str_eq(tasknames_get(&t, 2, 0), "");
	ck_assert_int_eq(tasknames_note(&t, &e, NULL), 0);
	ck_assert_ptr_null(tasknames_get(&t, 2, 0));
	e.pid = 0;
	ck_assert_int_eq(tasknames_note(&t, &e, "x"), 0);
	ck_assert_int_eq(tasknames_pid(&t, 2), 200);
	ck_assert_int_eq(tasknames_note(&t, &m, "ptviz"), 0);
	ck_assert_ptr_null(tasknames_get(&t, 0, 0));
	tasknames_free(&t);
}
END_TEST

/* A name longer than the table keeps is cut at TASKNAMES_MAX bytes. */
START_TEST(tasknames_cut_a_long_name)
{
	struct tasknames t;
	struct event e = ev_of(1, 1, 5);
	char name[TASKNAMES_MAX + 10];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	tasknames_init(&t);
	ck_assert_int_eq(tasknames_note(&t, &e, name), 0);
	ck_assert_uint_eq(strlen(tasknames_get(&t, 1, 1)), TASKNAMES_MAX);
	tasknames_free(&t);
}
END_TEST

/* 10 000 threads in one process, and 2 000 processes of one thread: each
   told of in order of birth, each found. */
START_TEST(tasknames_hold_many)
{
	struct tasknames t;
	struct event e;
	char name[16];
	unsigned i;

	tasknames_init(&t);
	for (i = 1; i <= 10000; i++) {
		e = ev_of(1, i, 7);
		snprintf(name, sizeof(name), "t%u", i);
		ck_assert_int_eq(tasknames_note(&t, &e, name), 0);
	}
	for (i = 2; i <= 2000; i++) {
		e = ev_of(i, 1, (int)i * 10);
		snprintf(name, sizeof(name), "p%u", i);
		ck_assert_int_eq(tasknames_note(&t, &e, name), 0);
	}
	ck_assert_str_eq(tasknames_get(&t, 1, 1), "t1");
	ck_assert_str_eq(tasknames_get(&t, 1, 10000), "t10000");
	ck_assert_str_eq(tasknames_get(&t, 1234, 1), "p1234");
	ck_assert_int_eq(tasknames_pid(&t, 2000), 20000);
	tasknames_free(&t);
}
END_TEST

Suite *
tasknames_suite(void)
{
	Suite *s = suite_create("tasknames");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, tasknames_grow_and_keep_each_name);
	tcase_add_test(tc, tasknames_keep_what_the_latest_event_said);
	tcase_add_test(tc, tasknames_cut_a_long_name);
	tcase_add_test(tc, tasknames_hold_many);
	suite_add_tcase(s, tc);
	return s;
}
