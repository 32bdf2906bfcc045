/*
 * check_text.c: the words of events and the numbers in them (src/text.h),
 * written one way for every front end.
 */
#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../src/event.h"
#include "../src/text.h"
#include "suites.h"

START_TEST(text_secs_rounds_and_trims)
{
	char b[48];

	ck_assert_str_eq(text_secs(1500000000, 3, false, b, sizeof(b)),
	    "1.500");
	ck_assert_str_eq(text_secs(1500000000, 3, true, b, sizeof(b)), "1.5");
	ck_assert_str_eq(text_secs(3000000000u, 3, true, b, sizeof(b)), "3");
	ck_assert_str_eq(text_secs(0, 1, false, b, sizeof(b)), "0.0");
	ck_assert_str_eq(text_secs(0, 3, true, b, sizeof(b)), "0");
	ck_assert_str_eq(text_secs(40000000000u, 0, true, b, sizeof(b)),
	    "40");
	ck_assert_str_eq(text_secs(123456789, 1, false, b, sizeof(b)), "0.1");
	/* A fraction of a nanosecond counts: a median of two. */
	ck_assert_str_eq(text_secs(1500000.5, 3, false, b, sizeof(b)),
	    "0.002");
	/* Rounded as printf rounds the double: 1.0005 is just below. */
	ck_assert_str_eq(text_secs(1000500000, 3, false, b, sizeof(b)),
	    "1.000");
}
END_TEST

START_TEST(text_secs_nine_decimals_are_exact)
{
	char b[48], want[48];
	uint64_t big = (1ull << 60) + 1;

	ck_assert_str_eq(text_secs(2123456789, 9, false, b, sizeof(b)),
	    "2.123456789");
	ck_assert_str_eq(text_secs(2120000000, 9, true, b, sizeof(b)),
	    "2.12");
	ck_assert_str_eq(text_secs(1, 9, false, b, sizeof(b)), "0.000000001");
	ck_assert_str_eq(text_secs(3600000000000ull, 9, false, b,
	    sizeof(b)), "3600.000000000");
	/* Past 48 days a quotient by 1e9 would lose the last digits. */
	big &= ~(uint64_t)0x3ff;	/* a whole double */
	snprintf(want, sizeof(want), "%llu.%09llu",
	    (unsigned long long)(big / 1000000000u),
	    (unsigned long long)(big % 1000000000u));
	ck_assert_str_eq(text_secs((double)big, 9, false, b, sizeof(b)),
	    want);
}
END_TEST

START_TEST(text_faults_of_the_line_front_ends)
{
	struct event ev = { .proc = 4, .pid = 81, .state = ST_FAILED,
	    .wstatus = -1 };
	char b[160], want[160];

	snprintf(want, sizeof(want), "Process-2 started 12 of 60 threads: "
	    "%s", strerror(EAGAIN));
	ck_assert_str_eq(text_threads_started(2, 12, 60, EAGAIN, b,
	    sizeof(b)), want);
	ck_assert_str_eq(text_exited_early(&ev, b, sizeof(b)),
	    "Process-4 (pid 81) exited before it was done");
	ck_assert_str_eq(text_never_forked(3, 3, b, sizeof(b)),
	    "Process-3 was never forked");
	ck_assert_str_eq(text_never_forked(3, 9, b, sizeof(b)),
	    "Process-3 to Process-9 were never forked");
	ck_assert(text_fault(&ev, b, sizeof(b)));
	ck_assert_str_eq(b, "Process-4 was never forked");
	ck_assert_str_eq(text_fault_rest(FAULT_KILLED, 1, b, sizeof(b)),
	    "... and 1 more process was killed");
	ck_assert_str_eq(text_fault_rest(FAULT_THREADS, 3, b, sizeof(b)),
	    "... and 3 more processes could not start all their threads");
	ck_assert_str_eq(text_fault_rest(FAULT_EARLY, 2, b, sizeof(b)),
	    "... and 2 more processes exited before they were done");
}
END_TEST

/* The screen's log's other lines: a zombie, a pause and its end; none for
   an event the reference lines or the faults tell. */
START_TEST(text_notes_of_the_screen_log)
{
	struct event ev = { .proc = 2, .pid = 81, .state = ST_ZOMBIE };
	char b[160];

	ck_assert(text_note(&ev, b, sizeof(b)));
	ck_assert_str_eq(b, "Process-2 (pid 81) has ended: a zombie until it "
	    "is reaped.");
	ev.state = ST_MSTOPPED;
	ck_assert(text_note(&ev, b, sizeof(b)));
	ck_assert_str_eq(b, "Stopped (SIGSTOP) every process.");
	ev.state = ST_MCONTINUED;
	ck_assert(text_note(&ev, NULL, 0));
	ck_assert(text_note(&ev, b, sizeof(b)));
	ck_assert_str_eq(b, "Continued (SIGCONT) every process.");
	ev.state = ST_KILLED;
	ck_assert(!text_note(&ev, b, sizeof(b)));
	ck_assert_str_eq(b, "");
}
END_TEST

/* A traced program's lines: each kind in its words, a main thread's
   birth and end in none, a name's control bytes as '?'. */
START_TEST(text_traced_lines_for_a_learner)
{
	struct event e = { .pid = 41, .tid = 41, .proc = 3, .state = ST_BORN,
	    .object = 1 };
	char b[128];

	ck_assert(text_traced(&e, "python3", b, sizeof(b)));
	ck_assert_str_eq(b, ">process 3 (python3, pid 41) born of process 1");
	e.proc = 1;
	e.object = 0;
	ck_assert(text_traced(&e, "ptviz", b, sizeof(b)));
	ck_assert_str_eq(b, ">process 1 (ptviz, pid 41) born of ptviz");
	e.state = ST_EXEC;
	ck_assert(text_traced(&e, "sh", b, sizeof(b)));
	ck_assert_str_eq(b, ">process 1 (pid 41) runs sh now (exec)");
	e.state = ST_FAILED;
	e.wstatus = 3 << 8;
	ck_assert(text_traced(&e, "sh", b, sizeof(b)));
	ck_assert_str_eq(b, ">process 1 (sh, pid 41) exited with status 3");
	e.state = ST_KILLED;
	e.wstatus = 9;
	ck_assert(text_traced(&e, "sh", b, sizeof(b)));
	ck_assert_str_eq(b, ">process 1 (sh, pid 41) killed by SIGKILL");
	e.state = ST_GONE;
	e.wstatus = 0;
	ck_assert(text_traced(&e, "sleep", b, sizeof(b)));
	ck_assert_str_eq(b, ">process 1 (sleep, pid 41) is gone (its status "
	    "is not known)");
	e = (struct event){ .pid = 41, .tid = 44, .proc = 1, .thread = 2,
	    .state = ST_TENDED };
	ck_assert(text_traced(&e, "a\nb", b, sizeof(b)));
	ck_assert_str_eq(b, ">thread 2 of process 1 (a?b, tid 44) ended");
	e.thread = 1;
	ck_assert(!text_traced(&e, "sh", b, sizeof(b)));
	ck_assert_str_eq(b, "");
	e.state = ST_MDONE;
	ck_assert(!text_traced(&e, NULL, b, sizeof(b)));
}
END_TEST

START_TEST(text_ticks_leave_the_gap)
{
	/* 1 ms a unit: 8 units at least is 10 ms; 1 us a unit, 96 of them:
	   0.1 ms is too close, 1 ms is not (steps are whole ms). */
	ck_assert_uint_eq(text_tick_ns(1000000, 8), 10000000);
	ck_assert_uint_eq(text_tick_ns(1000, 96), 1000000);
	ck_assert_uint_eq(text_tick_ns(1000000, 96), 100000000);
	/* Past the largest step, the largest: 20 minutes. */
	ck_assert_uint_eq(text_tick_ns(60000000000ull, 96), 1200000000000ull);
}
END_TEST

Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, text_secs_rounds_and_trims);
	tcase_add_test(tc, text_secs_nine_decimals_are_exact);
	tcase_add_test(tc, text_faults_of_the_line_front_ends);
	tcase_add_test(tc, text_notes_of_the_screen_log);
	tcase_add_test(tc, text_traced_lines_for_a_learner);
	tcase_add_test(tc, text_ticks_leave_the_gap);
	suite_add_tcase(s, tc);
	return s;
}
