/*
 * check_model.c: the model applies good events and ignores every bad one.
 */
#include <sys/wait.h>

#include <check.h>
#include <signal.h>
#include <stdlib.h>

#include "../src/model.h"
#include "../src/model_query.h"
#include "../src/text.h"
#include "suites.h"

#define PID(i)	(1000 + (int)(i))

static struct event
ev(unsigned proc, unsigned thread, unsigned state, uint64_t t)
{
	return (struct event){ .t_ns = t, .pid = proc ? PID(proc) : 1,
	    .tid = PID(proc) * 10 + (int)thread, .proc = (uint16_t)proc,
	    .thread = (uint16_t)thread, .state = (uint8_t)state };
}

static void
apply_ok(struct model *m, struct event e)
{
	ck_assert_msg(model_apply(m, &e), "event %u/%u %s was refused",
	    e.proc, e.thread, state_name(e.state));
}

static void
apply_bad(struct model *m, struct event e)
{
	uint64_t bad = m->bad, events = m->events;

	ck_assert_msg(!model_apply(m, &e), "event %u/%u %s was taken",
	    e.proc, e.thread, state_name(e.state));
	ck_assert_uint_eq(m->bad, bad + 1);
	ck_assert_uint_eq(m->events, events);
}

/* Process i up to "joining", with threads started. */
static void
start_proc(struct model *m, unsigned i)
{
	apply_ok(m, ev(i, 0, ST_FORKED, 10));
	apply_ok(m, ev(i, 0, ST_STARTING, 11));
	apply_ok(m, ev(i, 0, ST_JOINING, 12));
}

static void
finish_thread(struct model *m, unsigned i, unsigned j, uint64_t sleep)
{
	struct event e = ev(i, j, ST_SLEEPING, 100);

	e.sleep_ns = sleep;
	apply_ok(m, ev(i, j, ST_RUNNING, 50));
	apply_ok(m, e);
	apply_ok(m, ev(i, j, ST_DONE, 100 + sleep));
}

static void
reap(struct model *m, unsigned i, unsigned state, int wstatus)
{
	struct event e = ev(i, 0, state, 5000);

	e.wstatus = wstatus;
	apply_ok(m, e);
}

/* An event of thread j of process i that waits for or holds what/object. */
static struct event
obj(unsigned i, unsigned j, unsigned state, uint64_t t, unsigned what,
    unsigned object)
{
	struct event e = ev(i, j, state, t);

	e.what = (uint8_t)what;
	e.object = (uint16_t)object;
	return e;
}

/* A process's mutex has one holder: a second is refused until the first
   is done, and a wait names the holder. */
START_TEST(model_mutex_has_one_holder)
{
	struct model m;
	unsigned hp;

	ck_assert_int_eq(model_init(&m, 1, 2), 0);
	start_proc(&m, 1);
	apply_ok(&m, ev(1, 1, ST_RUNNING, 20));
	apply_ok(&m, ev(1, 2, ST_RUNNING, 20));
	apply_ok(&m, obj(1, 1, ST_HOLDING, 30, OBJ_MUTEX, 0));
	apply_bad(&m, obj(1, 2, ST_HOLDING, 31, OBJ_MUTEX, 0));
	apply_ok(&m, obj(1, 2, ST_WAITING, 32, OBJ_MUTEX, 0));
	ck_assert_uint_eq(model_holder(&m, 1, model_thread(&m, 1, 2), &hp), 1);
	ck_assert_uint_eq(hp, 1);
	/* It holds what it waited for, not something else. */
	apply_bad(&m, obj(1, 2, ST_HOLDING, 33, OBJ_MUTEX, 1));
	apply_bad(&m, obj(1, 2, ST_HOLDING, 33, OBJ_MUTEX, 0));
	apply_ok(&m, ev(1, 1, ST_DONE, 40));
	ck_assert_uint_eq(model_proc(&m, 1)->holder[0], 0);
	apply_ok(&m, obj(1, 2, ST_HOLDING, 41, OBJ_MUTEX, 0));
	ck_assert_uint_eq(model_proc(&m, 1)->holder[0], 2);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->wait_ns, 9);
	/* Busy: holding counts for the concurrency, waiting does not. */
	ck_assert_uint_eq(m.sums.slept_ns, 10);
	ck_assert_uint_eq(m.sums.busy, 1);
	model_free(&m);
}
END_TEST

/* Waits and holds that name nothing, or the wrong thing, are refused. */
START_TEST(model_refuses_bad_waits_and_holds)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 1, 1), 0);
	start_proc(&m, 1);
	apply_ok(&m, ev(1, 1, ST_RUNNING, 20));
	apply_bad(&m, obj(1, 1, ST_WAITING, 21, OBJ_NONE, 0));
	apply_bad(&m, obj(1, 1, ST_WAITING, 21, OBJ_COUNT, 0));
	apply_bad(&m, obj(1, 1, ST_WAITING, 21, OBJ_MUTEX, OBJ_MUTEXES));
	apply_bad(&m, obj(1, 1, ST_WAITING, 21, OBJ_CPU, 0)); /* not computing */
	apply_bad(&m, obj(1, 1, ST_HOLDING, 21, OBJ_BARRIER, 0));
	apply_bad(&m, obj(1, 1, ST_HOLDING, 21, OBJ_MUTEX | OBJ_RECOVERED, 0));
	e = ev(1, 1, ST_SLEEPING, 21);
	e.what = OBJ_MUTEX;
	apply_bad(&m, e);
	apply_ok(&m, obj(1, 1, ST_WAITING, 22, OBJ_BARRIER, 0));
	apply_bad(&m, ev(1, 1, ST_COMPUTING, 23));	/* the barrier */
	apply_bad(&m, ev(1, 1, ST_DONE, 23));
	apply_ok(&m, ev(1, 1, ST_SLEEPING, 23));
	apply_bad(&m, ev(1, 1, ST_DONE, 22));		/* time goes back */
	model_free(&m);
}
END_TEST

/* Two threads each waiting for the mutex the other holds: a deadlock,
   found with its cycle, told in words. */
START_TEST(model_finds_a_deadlock)
{
	struct model m;
	char text[160];

	ck_assert_int_eq(model_init(&m, 2, 3), 0);
	start_proc(&m, 2);
	apply_ok(&m, ev(2, 1, ST_RUNNING, 20));
	apply_ok(&m, ev(2, 2, ST_RUNNING, 20));
	apply_ok(&m, obj(2, 1, ST_HOLDING, 30, OBJ_MUTEX, 0));
	apply_ok(&m, obj(2, 2, ST_HOLDING, 30, OBJ_MUTEX, 1));
	apply_ok(&m, obj(2, 1, ST_WAITING, 40, OBJ_MUTEX, 1));
	ck_assert_uint_eq(m.deadlocks, 0);
	ck_assert(!text_deadlock(&m, 2, text, sizeof(text)));
	apply_ok(&m, obj(2, 2, ST_WAITING, 41, OBJ_MUTEX, 0));
	ck_assert_uint_eq(m.deadlocks, 1);
	ck_assert(model_thread(&m, 2, 1)->deadlocked);
	ck_assert(model_thread(&m, 2, 2)->deadlocked);
	ck_assert(!model_thread(&m, 2, 3)->deadlocked);
	ck_assert(text_deadlock(&m, 2, text, sizeof(text)));
	ck_assert_str_eq(text, "deadlock in Process-2: Thread-2 waits for "
	    "Thread-1, which waits for Thread-2");
	/* Killed: what they held is free, and the deadlock is still told. */
	reap(&m, 2, ST_KILLED, SIGKILL);
	ck_assert_uint_eq(model_proc(&m, 2)->holder[0], 0);
	ck_assert(text_deadlock(&m, 2, text, sizeof(text)));
	ck_assert_uint_eq(m.deadlocks, 1);
	model_free(&m);
}
END_TEST

/* The semaphore's holders are counted; a process killed holding permits
   frees them, and its end says how many the main process gave back. */
START_TEST(model_counts_permits)
{
	struct model m;
	struct event e;
	unsigned j;

	ck_assert_int_eq(model_init(&m, 2, 2), 0);
	start_proc(&m, 1);
	start_proc(&m, 2);
	for (j = 1; j <= 2; j++) {
		apply_ok(&m, ev(1, j, ST_RUNNING, 20));
		apply_ok(&m, obj(1, j, ST_HOLDING, 30, OBJ_SEM, 0));
	}
	apply_ok(&m, ev(2, 1, ST_RUNNING, 20));
	apply_ok(&m, obj(2, 1, ST_WAITING, 30, OBJ_SEM, 0));
	ck_assert_uint_eq(m.sem_held, 2);
	ck_assert_uint_eq(m.sem_peak, 2);
	e = ev(1, 0, ST_KILLED, 5000);
	e.wstatus = SIGKILL;
	e.what = OBJ_SEM;
	e.object = 2;
	apply_ok(&m, e);
	ck_assert_uint_eq(m.sem_held, 0);
	ck_assert_uint_eq(m.permits_back, 2);
	apply_ok(&m, obj(2, 1, ST_HOLDING, 5001, OBJ_SEM, 0));
	ck_assert_uint_eq(m.sem_held, 1);
	/* A reaping names permits only. */
	e = ev(2, 0, ST_KILLED, 6000);
	e.wstatus = SIGKILL;
	e.what = OBJ_MUTEX;
	apply_bad(&m, e);
	model_free(&m);
}
END_TEST

/* A semaphore's waiter learns who holds the permits and how many are
   free; a list too long for its room ends "... and N more". */
START_TEST(model_names_the_permits_holders)
{
	struct model m;
	char b[64];
	unsigned j;

	ck_assert_int_eq(model_init(&m, 2, 3), 0);
	start_proc(&m, 1);
	start_proc(&m, 2);
	ck_assert_str_eq(text_sem_holders(&m, b, sizeof(b)), "nobody");
	for (j = 1; j <= 3; j++)
		apply_ok(&m, ev(1, j, ST_RUNNING, 20));
	apply_ok(&m, ev(2, 2, ST_RUNNING, 20));
	apply_ok(&m, obj(1, 2, ST_HOLDING, 30, OBJ_SEM, 0));
	apply_ok(&m, obj(2, 2, ST_HOLDING, 30, OBJ_SEM, 0));
	apply_ok(&m, obj(1, 3, ST_HOLDING, 30, OBJ_SEM, 0));
	apply_ok(&m, obj(1, 1, ST_WAITING, 31, OBJ_SEM, 0));
	ck_assert_str_eq(text_sem_holders(&m, b, sizeof(b)),
	    "P1 T2, P1 T3, P2 T2");
	ck_assert_str_eq(text_sem_holders(&m, b, 20), "P1 T2, P1 T3, P2 T2");
	ck_assert_str_eq(text_sem_holders(&m, b, 19), "... and 3 more");
	ck_assert_str_eq(text_sem_free(&m, 3, b, sizeof(b)),
	    "0 of 3 permits");
	ck_assert_str_eq(text_sem_free(&m, 5, b, sizeof(b)),
	    "2 of 5 permits");
	ck_assert_str_eq(text_sem_free(&m, 1, b, sizeof(b)),
	    "0 of 1 permit");
	model_free(&m);
}
END_TEST

/* At a barrier: who has not come yet (short names when long ones do not
   fit); past it, whom a thread waited for, the last to come; its plan is
   both its sleeps, the measure of its busy time. */
START_TEST(model_barrier_says_who_is_waited_for)
{
	struct model m;
	struct event e;
	char b[64];
	unsigned j;

	ck_assert_int_eq(model_init(&m, 1, 3), 0);
	start_proc(&m, 1);
	for (j = 1; j <= 3; j++) {
		apply_ok(&m, ev(1, j, ST_RUNNING, 20));
		e = ev(1, j, ST_SLEEPING, 20);
		e.sleep_ns = 10 * j;
		apply_ok(&m, e);
	}
	ck_assert_str_eq(text_barrier_to_come(&m, 1, b, sizeof(b)),
	    "Thread-1, Thread-2, Thread-3");
	apply_ok(&m, obj(1, 1, ST_WAITING, 30, OBJ_BARRIER, 0));
	ck_assert_str_eq(text_barrier_to_come(&m, 1, b, sizeof(b)),
	    "Thread-2, Thread-3");
	ck_assert_str_eq(text_barrier_to_come(&m, 1, b, 12), "T2, T3");
	ck_assert_str_eq(text_barrier_waited(&m, 1, 1, b, sizeof(b)), "");
	apply_ok(&m, obj(1, 2, ST_WAITING, 40, OBJ_BARRIER, 0));
	apply_ok(&m, obj(1, 3, ST_WAITING, 50, OBJ_BARRIER, 0));
	ck_assert_str_eq(text_barrier_to_come(&m, 1, b, sizeof(b)),
	    "nobody");
	for (j = 1; j <= 3; j++) {
		e = ev(1, j, ST_SLEEPING, 50);
		e.sleep_ns = 100;
		apply_ok(&m, e);
	}
	ck_assert_str_eq(text_barrier_waited(&m, 1, 1, b, sizeof(b)),
	    "for Thread-3");
	ck_assert_str_eq(text_barrier_waited(&m, 1, 3, b, sizeof(b)),
	    "(it came last)");
	apply_ok(&m, ev(1, 1, ST_DONE, 150));
	ck_assert_str_eq(text_barrier_waited(&m, 1, 1, b, sizeof(b)),
	    "for Thread-3");
	ck_assert_uint_eq(model_thread(&m, 1, 1)->plan_ns, 10 + 100);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->busy_ns, 10 + 100);
	model_free(&m);
}
END_TEST

/* A CPU-bound thread: waits for a CPU only while computing, comes back to
   computing, and its progress is its time computing over its plan. */
START_TEST(model_cpu_waits_and_progress)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 1, 1), 0);
	start_proc(&m, 1);
	apply_ok(&m, ev(1, 1, ST_RUNNING, 20));
	e = ev(1, 1, ST_COMPUTING, 100);
	e.plan_ns = 1000;
	apply_ok(&m, e);
	apply_ok(&m, obj(1, 1, ST_WAITING, 300, OBJ_CPU, 0));
	apply_bad(&m, ev(1, 1, ST_SLEEPING, 400));
	ck_assert(model_progress(&m, 1, 1, 5000) > 0.199 &&
	    model_progress(&m, 1, 1, 5000) < 0.201);
	e = ev(1, 1, ST_COMPUTING, 600);
	e.plan_ns = 1000;
	apply_ok(&m, e);
	ck_assert(model_progress(&m, 1, 1, 700) > 0.299 &&
	    model_progress(&m, 1, 1, 700) < 0.301);
	/* Busy 200 up to its last event: the CPUs are not known, so the
	   computing phase going is not counted (check_busy.c). */
	ck_assert_uint_eq(model_slept_ns(&m, 700), 200);
	e = ev(1, 1, ST_DONE, 1400);
	e.cpu_ns = 1001;
	apply_ok(&m, e);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->cpu_ns, 1001);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->wait_ns, 300);
	/* Computing again after a wait goes on with the one plan. */
	ck_assert_uint_eq(model_thread(&m, 1, 1)->plan_ns, 1000);
	model_free(&m);
}
END_TEST

/* Apply a run of 3 processes, one thread each, ending in `order`. */
static void
run_in_order(struct model *m, const unsigned order[3])
{
	unsigned k, i;

	apply_ok(m, ev(0, 0, ST_MRUNNING, 1));
	for (i = 1; i <= 3; i++)
		start_proc(m, i);
	for (k = 0; k < 3; k++) {
		i = order[k];
		finish_thread(m, i, 1, 10 * (k + 1));
		apply_ok(m, ev(i, 0, ST_PDONE, 200 + k));
		reap(m, i, ST_EXITED, 0);
	}
}

/* The same seed, another schedule: exactly the processes whose place
   changed are marked. */
START_TEST(model_moved_marks_the_places_that_changed)
{
	static const unsigned first[3] = { 2, 1, 3 }, second[3] = { 2, 3, 1 };
	struct model a, b, c;
	bool moved[3];

	ck_assert_int_eq(model_init(&a, 3, 1), 0);
	ck_assert_int_eq(model_init(&b, 3, 1), 0);
	ck_assert_int_eq(model_init(&c, 3, 2), 0);
	run_in_order(&a, first);
	ck_assert_uint_eq(model_moved(&a, &a, moved), 0);
	run_in_order(&b, second);
	ck_assert_uint_eq(model_moved(&a, &b, moved), 2);
	ck_assert(moved[0] && !moved[1] && moved[2]);
	/* Other counts: nothing to compare. */
	ck_assert_uint_eq(model_moved(&a, &c, moved), 0);
	/* A run not ended yet marks nothing of what has not ended. */
	model_reset(&b);
	ck_assert_uint_eq(model_moved(&a, &b, moved), 0);
	model_free(&a);
	model_free(&b);
	model_free(&c);
}
END_TEST

START_TEST(model_complete_run_counts_every_event)
{
	struct model m;
	unsigned i, j;

	ck_assert_int_eq(model_init(&m, 2, 3), 0);
	apply_ok(&m, ev(0, 0, ST_MRUNNING, 1));
	ck_assert_uint_eq(m.t0, 1);
	for (i = 1; i <= 2; i++) {
		start_proc(&m, i);
		for (j = 1; j <= 3; j++)
			finish_thread(&m, i, j, 10 * j);
		apply_ok(&m, ev(i, 0, ST_PDONE, 200));
		ck_assert(!model_finished(&m));
		reap(&m, i, ST_EXITED, 0);
	}
	apply_ok(&m, ev(0, 0, ST_MDONE, 6000));
	ck_assert(model_finished(&m));
	ck_assert_uint_eq(m.events, model_expected_events(2, 3));
	ck_assert_uint_eq(m.bad, 0);
	ck_assert_uint_eq(m.threads_done, 6);
	ck_assert_uint_eq(m.threads_in[ST_DONE], 6);
	ck_assert_uint_eq(m.procs_in[ST_PDONE], 2);
	ck_assert_uint_eq(m.sums.slept_ns, 2 * (10 + 20 + 30));
	ck_assert_uint_eq(model_thread(&m, 2, 3)->rank, 6);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->sleep_ns, 20);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->t_done, 120);
	ck_assert_int_eq(model_proc(&m, 2)->pid, PID(2));
	ck_assert_uint_eq(model_proc(&m, 2)->rank, 2);
	ck_assert(model_proc(&m, 1)->reaped);
	ck_assert_uint_eq(m.main_state, ST_MDONE);
	/* Reaped once only, whatever a garbage record says. */
	apply_bad(&m, ev(1, 0, ST_EXITED, 7000));
	apply_bad(&m, ev(1, 0, ST_KILLED, 7000));
	ck_assert_uint_eq(m.procs_reaped, 2);
	ck_assert_uint_eq(model_proc(&m, 1)->state, ST_PDONE);
	model_free(&m);
}
END_TEST

START_TEST(model_ignores_out_of_range_events)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 2, 3), 0);
	start_proc(&m, 1);
	apply_bad(&m, ev(3, 1, ST_RUNNING, 1));		/* no process 3 */
	apply_bad(&m, ev(0, 1, ST_RUNNING, 1));		/* no process 0 */
	apply_bad(&m, ev(1, 4, ST_RUNNING, 1));		/* no thread 4 */
	apply_bad(&m, ev(1, 0, ST_RUNNING, 1));		/* thread state, proc */
	apply_bad(&m, ev(1, 1, ST_STARTING, 1));	/* proc state, thread */
	apply_bad(&m, ev(1, 1, ST_MDONE, 1));		/* main state */
	apply_bad(&m, ev(1, 1, ST_COUNT, 1));		/* no such state */
	apply_bad(&m, ev(1, 1, 255, 1));
	e = ev(1, 1, ST_RUNNING, 1);
	e.pid = 4242;					/* not its pid */
	apply_bad(&m, e);
	apply_bad(&m, ev(1, 1, ST_LOST, 1));		/* only the model */
	apply_bad(&m, ev(2, 1, ST_RUNNING, 1));		/* not forked yet */
	ck_assert_uint_eq(m.threads_in[ST_NEW], 6);
	ck_assert_uint_eq(m.events, 3);
	model_free(&m);
}
END_TEST

START_TEST(model_refuses_transitions_out_of_order)
{
	struct model m;

	ck_assert_int_eq(model_init(&m, 1, 2), 0);
	apply_bad(&m, ev(1, 0, ST_STARTING, 1));	/* before forked */
	start_proc(&m, 1);
	apply_bad(&m, ev(1, 0, ST_FORKED, 1));		/* forked twice */
	apply_bad(&m, ev(1, 1, ST_DONE, 1));		/* done before sleep */
	apply_ok(&m, ev(1, 1, ST_RUNNING, 1));
	apply_bad(&m, ev(1, 1, ST_RUNNING, 1));		/* running twice */
	apply_bad(&m, ev(1, 1, ST_TFAILED, 1));		/* failed once running */
	finish_thread(&m, 1, 2, 5);
	apply_bad(&m, ev(1, 2, ST_SLEEPING, 1));	/* back from done */
	ck_assert_uint_eq(m.threads_done, 1);
	apply_bad(&m, ev(0, 0, ST_MDONE, 1));		/* main not running */
	model_free(&m);
}
END_TEST

START_TEST(model_killed_process_loses_unfinished_threads)
{
	struct model m;

	ck_assert_int_eq(model_init(&m, 2, 3), 0);
	start_proc(&m, 1);
	finish_thread(&m, 1, 1, 5);
	apply_ok(&m, ev(1, 2, ST_RUNNING, 1));
	reap(&m, 1, ST_KILLED, SIGKILL);
	ck_assert_uint_eq(model_proc(&m, 1)->state, ST_KILLED);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->state, ST_DONE);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->state, ST_LOST);
	ck_assert_uint_eq(model_thread(&m, 1, 3)->state, ST_LOST);
	ck_assert_uint_eq(m.threads_in[ST_LOST], 2);
	ck_assert_uint_eq(model_proc(&m, 1)->threads_ended, 3);
	/* Nothing more is taken from it. */
	apply_bad(&m, ev(1, 3, ST_RUNNING, 1));
	apply_bad(&m, ev(1, 0, ST_PDONE, 1));
	model_free(&m);
}
END_TEST

/* A zombie has ended and is not reaped: it counts as neither until the
   reaping, which then ends it as usual -- done if it said so first. */
START_TEST(model_zombie_ends_only_when_reaped)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 3, 2), 0);
	apply_ok(&m, ev(0, 0, ST_MRUNNING, 1));
	/* Process-1 ends well, Process-2 dies with Thread-2 asleep,
	   Process-3 exits 0 before it was done. */
	start_proc(&m, 1);
	finish_thread(&m, 1, 1, 5);
	finish_thread(&m, 1, 2, 7);
	apply_ok(&m, ev(1, 0, ST_PDONE, 200));
	start_proc(&m, 2);
	finish_thread(&m, 2, 1, 5);
	e = ev(2, 2, ST_SLEEPING, 100);
	e.sleep_ns = 1000;
	apply_ok(&m, ev(2, 2, ST_RUNNING, 50));
	apply_ok(&m, e);
	start_proc(&m, 3);
	apply_ok(&m, ev(1, 0, ST_ZOMBIE, 300));
	apply_ok(&m, ev(2, 0, ST_ZOMBIE, 310));
	apply_ok(&m, ev(3, 0, ST_ZOMBIE, 320));
	ck_assert_uint_eq(m.procs_in[ST_ZOMBIE], 3);
	ck_assert_uint_eq(m.procs_reaped, 0);
	ck_assert(!model_finished(&m));
	ck_assert_uint_eq(model_proc(&m, 1)->state, ST_ZOMBIE);
	ck_assert(!model_proc(&m, 1)->reaped);
	ck_assert_uint_eq(model_proc(&m, 1)->rank, 0);
	ck_assert_uint_eq(model_proc(&m, 1)->t_zombie, 300);
	/* Its threads keep their states until it is reaped. */
	ck_assert_uint_eq(model_thread(&m, 2, 2)->state, ST_SLEEPING);
	/* ... but are busy no more: their process died. */
	ck_assert_uint_eq(m.sums.busy, 0);
	/* Nothing more comes from the dead, and it is a zombie once. */
	apply_bad(&m, ev(2, 2, ST_DONE, 400));
	apply_bad(&m, ev(1, 0, ST_ZOMBIE, 400));
	apply_bad(&m, ev(1, 0, ST_PDONE, 400));
	/* The reapings, in another order than the deaths. */
	reap(&m, 2, ST_KILLED, SIGKILL);
	reap(&m, 1, ST_EXITED, 0);
	reap(&m, 3, ST_EXITED, 0);
	ck_assert_uint_eq(m.procs_in[ST_ZOMBIE], 0);
	ck_assert_uint_eq(m.procs_reaped, 3);
	ck_assert(model_finished(&m));
	ck_assert_uint_eq(model_proc(&m, 1)->state, ST_PDONE);
	ck_assert(model_proc(&m, 1)->reaped);
	ck_assert_uint_eq(model_proc(&m, 1)->rank, 2);
	ck_assert_uint_eq(model_proc(&m, 1)->t_end, 5000);
	ck_assert_uint_eq(model_proc(&m, 2)->state, ST_KILLED);
	ck_assert_uint_eq(model_proc(&m, 2)->rank, 1);
	ck_assert_uint_eq(model_thread(&m, 2, 2)->state, ST_LOST);
	ck_assert_uint_eq(model_proc(&m, 3)->state, ST_FAILED);
	ck_assert_uint_eq(m.threads_in[ST_LOST], 3);
	ck_assert_uint_eq(m.sums.busy, 0);
	ck_assert_uint_eq(m.bad, 3);
	apply_ok(&m, ev(0, 0, ST_MDONE, 6000));
	model_free(&m);
}
END_TEST

START_TEST(model_exit_zero_before_done_is_a_failure)
{
	struct model m;

	ck_assert_int_eq(model_init(&m, 1, 1), 0);
	start_proc(&m, 1);
	reap(&m, 1, ST_EXITED, 0);
	ck_assert_uint_eq(model_proc(&m, 1)->state, ST_FAILED);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->state, ST_LOST);
	model_free(&m);
}
END_TEST

START_TEST(model_unforked_process_fails_with_its_threads)
{
	struct model m;
	struct event e = ev(2, 0, ST_FAILED, 3);

	ck_assert_int_eq(model_init(&m, 2, 2), 0);
	e.pid = 0;
	e.wstatus = -1;
	apply_ok(&m, e);
	ck_assert_uint_eq(model_proc(&m, 2)->state, ST_FAILED);
	ck_assert_int_eq(model_proc(&m, 2)->wstatus, -1);
	ck_assert_uint_eq(m.threads_in[ST_LOST], 2);
	model_free(&m);
}
END_TEST

START_TEST(model_thread_that_could_not_start_is_failed)
{
	struct model m;
	struct event e = ev(1, 2, ST_TFAILED, 3);

	ck_assert_int_eq(model_init(&m, 1, 2), 0);
	start_proc(&m, 1);
	e.err = 11;
	apply_ok(&m, e);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->state, ST_TFAILED);
	ck_assert_int_eq(model_thread(&m, 1, 2)->err, 11);
	reap(&m, 1, ST_FAILED, 1 << 8);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->state, ST_LOST);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->state, ST_TFAILED);
	model_free(&m);
}
END_TEST

/* Random records, biased towards plausible ones: the counts stay whole. */
START_TEST(model_survives_random_events)
{
	struct model m;
	struct event e;
	unsigned i, s, sum_t, sum_p;

	ck_assert_int_eq(model_init(&m, 4, 4), 0);
	srandom(99);
	for (i = 0; i < 200000; i++) {
		e = (struct event){ .t_ns = (uint64_t)random(),
		    .sleep_ns = (uint64_t)random(),
		    .pid = random() % 4 ? PID(random() % 6) : (int32_t)random(),
		    .proc = (uint16_t)(random() % 7),
		    .thread = (uint16_t)(random() % 7),
		    .state = (uint8_t)(random() % (ST_COUNT + 3)) };
		model_apply(&m, &e);
	}
	for (s = sum_t = sum_p = 0; s < ST_COUNT; s++) {
		sum_t += m.threads_in[s];
		sum_p += m.procs_in[s];
	}
	ck_assert_uint_eq(sum_t, 16);
	ck_assert_uint_eq(sum_p, 4);
	ck_assert_uint_eq(m.events + m.bad, 200000);
	ck_assert_uint_eq(m.threads_done, m.threads_in[ST_DONE]);
	model_free(&m);
}
END_TEST

/* The sleep so far: finished sleeps plus the part of those in progress. */
START_TEST(model_slept_counts_sleeps_in_progress)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 1, 3), 0);
	start_proc(&m, 1);
	finish_thread(&m, 1, 1, 30);			/* slept 30 */
	apply_ok(&m, ev(1, 2, ST_RUNNING, 100));
	e = ev(1, 2, ST_SLEEPING, 200);
	e.sleep_ns = 1000;
	apply_ok(&m, e);
	apply_ok(&m, ev(1, 3, ST_RUNNING, 100));
	e = ev(1, 3, ST_SLEEPING, 250);
	apply_ok(&m, e);
	ck_assert_uint_eq(model_slept_ns(&m, 300), 30 + 100 + 50);
	ck_assert_uint_eq(model_slept_ns(&m, 10), 30);	/* before they began */
	apply_ok(&m, ev(1, 2, ST_DONE, 400));
	ck_assert_uint_eq(model_slept_ns(&m, 500), 30 + 200 + 250);
	reap(&m, 1, ST_KILLED, SIGKILL);		/* thread 3 is lost */
	/* ... and keeps what it slept, up to the reaping at 5000. */
	ck_assert_uint_eq(model_slept_ns(&m, 9000), 30 + 200 + 4750);
	model_free(&m);
}
END_TEST

/* A run held at its start (g): "held", its threads started and going no
   further, a pause refused; its clock starts at "running", when the gate
   opens, so the hold counts in no figure. */
START_TEST(model_held_run_starts_its_clock_at_the_gate)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 1, 2), 0);
	apply_ok(&m, ev(0, 0, ST_MHELD, 1000));
	ck_assert_uint_eq(m.t0, 0);
	start_proc(&m, 1);
	apply_ok(&m, ev(1, 1, ST_RUNNING, 1100));
	ck_assert(model_thread_held(&m, 1, 1));
	ck_assert(!model_thread_held(&m, 1, 2));	/* not started */
	/* Held, no thread is busy, and the run is not paused. */
	e = ev(1, 1, ST_SLEEPING, 1200);
	e.sleep_ns = 100;
	apply_bad(&m, e);
	apply_bad(&m, ev(0, 0, ST_MSTOPPED, 1300));
	ck_assert_uint_eq(model_elapsed(&m, 9000), 0);
	ck_assert(model_concurrency(&m, 9000) == 0);
	/* The gate opens ten seconds on: the clock starts then. */
	apply_ok(&m, ev(0, 0, ST_MRUNNING, 11000));
	ck_assert_uint_eq(m.t0, 11000);
	ck_assert(!model_thread_held(&m, 1, 1));
	ck_assert_uint_eq(model_elapsed(&m, 11500), 500);
	/* A start from before the gate, read late, still counts. */
	apply_ok(&m, ev(1, 2, ST_RUNNING, 1150));
	e = ev(1, 1, ST_SLEEPING, 11000);
	e.sleep_ns = 100;
	apply_ok(&m, e);
	e = ev(1, 2, ST_SLEEPING, 11000);
	e.sleep_ns = 300;
	apply_ok(&m, e);
	apply_ok(&m, ev(1, 1, ST_DONE, 11100));
	apply_ok(&m, ev(1, 2, ST_DONE, 11300));
	apply_ok(&m, ev(1, 0, ST_PDONE, 11300));
	e = ev(1, 0, ST_EXITED, 11350);
	apply_ok(&m, e);
	apply_ok(&m, ev(0, 0, ST_MDONE, 11400));
	ck_assert_uint_eq(model_elapsed(&m, 99999), 400);
	ck_assert(model_concurrency(&m, 99999) == 1.0);
	ck_assert_uint_eq(m.events, model_expected_events(1, 2) + 1);
	ck_assert_uint_eq(m.bad, 2);
	/* Every child killed while it was held: no time passed at all. */
	model_reset(&m);
	apply_ok(&m, ev(0, 0, ST_MHELD, 1000));
	apply_ok(&m, ev(1, 0, ST_FORKED, 1010));
	e = ev(1, 0, ST_KILLED, 5000);
	e.wstatus = SIGKILL;
	apply_ok(&m, e);
	apply_ok(&m, ev(0, 0, ST_MDONE, 5100));
	ck_assert_uint_eq(model_elapsed(&m, 9000), 0);
	model_free(&m);
}
END_TEST

/* Step mode: a thread comes to its gate (ST_GATE) in its state, with what
   it holds, and is not busy there; once until its next event, never
   while it waits or before it started.  While every thread is at its gate,
   blocked or ended, the run is held: that time is counted apart and the
   concurrency leaves it out. */
START_TEST(model_gate_keeps_the_state_and_holds_the_clock)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init(&m, 1, 2), 0);
	apply_ok(&m, ev(0, 0, ST_MRUNNING, 1));
	start_proc(&m, 1);
	apply_bad(&m, ev(1, 1, ST_GATE, 20));		/* not started */
	apply_ok(&m, ev(1, 1, ST_RUNNING, 20));
	apply_ok(&m, ev(1, 2, ST_RUNNING, 20));
	apply_ok(&m, ev(1, 1, ST_GATE, 30));
	ck_assert(model_thread(&m, 1, 1)->gated);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->state, ST_RUNNING);
	ck_assert_uint_eq(m.held_since, 0);		/* thread 2 goes */
	apply_bad(&m, ev(1, 1, ST_GATE, 31));		/* twice */
	apply_ok(&m, ev(1, 2, ST_GATE, 40));
	ck_assert_uint_eq(m.gated, 2);
	ck_assert_uint_eq(m.held_since, 40);		/* all at gates */
	/* Let go at 1040: thread 1 takes the mutex, and stands at its gate
	   holding it from 1050. */
	apply_ok(&m, obj(1, 1, ST_HOLDING, 1040, OBJ_MUTEX, 0));
	ck_assert(!model_thread(&m, 1, 1)->gated);
	ck_assert_uint_eq(m.held_ns, 1000);
	apply_ok(&m, ev(1, 1, ST_GATE, 1050));
	ck_assert_uint_eq(model_thread(&m, 1, 1)->state, ST_HOLDING);
	ck_assert_uint_eq(model_thread(&m, 1, 1)->holds, HOLD_MUTEX(0));
	ck_assert_uint_eq(model_busy_now(&m), 0);
	/* Thread 2, let go at 3050, finds it held: blocked at once, not at
	   a gate; with thread 1 at its gate the run stays held. */
	apply_ok(&m, obj(1, 2, ST_WAITING, 3050, OBJ_MUTEX, 0));
	ck_assert_uint_eq(m.held_ns, 1000);
	ck_assert_uint_eq(m.held_since, 1050);
	apply_bad(&m, ev(1, 2, ST_GATE, 3060));		/* it waits */
	/* Thread 1 finishes at 4050 and lets go; its busy time is its
	   holding from 1040 to its gate at 1050, not to its end. */
	apply_ok(&m, ev(1, 1, ST_DONE, 4050));
	ck_assert_uint_eq(model_thread(&m, 1, 1)->busy_ns, 10);
	ck_assert_uint_eq(m.held_ns, 1000 + 3000);
	e = obj(1, 2, ST_HOLDING, 4060, OBJ_MUTEX, 0);
	apply_ok(&m, e);
	apply_ok(&m, ev(1, 2, ST_GATE, 4070));
	ck_assert_uint_eq(m.held_since, 4070);
	apply_ok(&m, ev(1, 2, ST_DONE, 5070));
	ck_assert_uint_eq(m.gated, 0);
	ck_assert_uint_eq(m.gates, 4);
	apply_ok(&m, ev(1, 0, ST_PDONE, 5070));
	apply_ok(&m, ev(1, 0, ST_EXITED, 5080));
	apply_ok(&m, ev(0, 0, ST_MDONE, 5090));
	/* 5089 ns elapsed, 5000 of them held; busy 10 + 10. */
	ck_assert_uint_eq(model_held_ns(&m, 99999), 5000);
	ck_assert_uint_eq(model_slept_ns(&m, 99999), 20);
	ck_assert(model_concurrency(&m, 99999) > 0.22 &&
	    model_concurrency(&m, 99999) < 0.23);		/* 20 / 89 */
	ck_assert_uint_eq(m.bad, 3);
	model_free(&m);
}
END_TEST

START_TEST(model_init_rejects_empty_or_huge_counts)
{
	struct model m;

	ck_assert_int_eq(model_init(&m, 0, 3), -1);
	ck_assert_int_eq(model_init(&m, 3, 0), -1);
	ck_assert_int_eq(model_init(&m, 70000, 1), -1);
}
END_TEST

START_TEST(text_ordinal_of_every_ending)
{
	static const struct { unsigned n; const char *s; } want[] = {
		{ 0, "0th" }, { 1, "1st" }, { 2, "2nd" }, { 3, "3rd" },
		{ 4, "4th" }, { 11, "11th" }, { 12, "12th" }, { 13, "13th" },
		{ 21, "21st" }, { 22, "22nd" }, { 23, "23rd" }, { 101, "101st" },
		{ 111, "111th" }, { 112, "112th" }, { 1002, "1002nd" },
	};
	char buf[16];
	size_t k;

	for (k = 0; k < sizeof(want) / sizeof(want[0]); k++)
		ck_assert_str_eq(text_ordinal(want[k].n, buf, sizeof(buf)),
		    want[k].s);
}
END_TEST

Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, model_complete_run_counts_every_event);
	tcase_add_test(tc, text_ordinal_of_every_ending);
	tcase_add_test(tc, model_ignores_out_of_range_events);
	tcase_add_test(tc, model_refuses_transitions_out_of_order);
	tcase_add_test(tc, model_killed_process_loses_unfinished_threads);
	tcase_add_test(tc, model_exit_zero_before_done_is_a_failure);
	tcase_add_test(tc, model_zombie_ends_only_when_reaped);
	tcase_add_test(tc, model_unforked_process_fails_with_its_threads);
	tcase_add_test(tc, model_thread_that_could_not_start_is_failed);
	tcase_add_test(tc, model_survives_random_events);
	tcase_add_test(tc, model_slept_counts_sleeps_in_progress);
	tcase_add_test(tc, model_mutex_has_one_holder);
	tcase_add_test(tc, model_refuses_bad_waits_and_holds);
	tcase_add_test(tc, model_finds_a_deadlock);
	tcase_add_test(tc, model_counts_permits);
	tcase_add_test(tc, model_names_the_permits_holders);
	tcase_add_test(tc, model_barrier_says_who_is_waited_for);
	tcase_add_test(tc, model_cpu_waits_and_progress);
	tcase_add_test(tc, model_moved_marks_the_places_that_changed);
	tcase_add_test(tc, model_init_rejects_empty_or_huge_counts);
	tcase_add_test(tc, model_held_run_starts_its_clock_at_the_gate);
	tcase_add_test(tc, model_gate_keeps_the_state_and_holds_the_clock);
	suite_add_tcase(s, tc);
	return s;
}
