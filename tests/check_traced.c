/*
 * check_traced.c: a traced program's model grows as births come, keeps
 * every cell where model_thread() finds it, and ignores what breaks its
 * rules; the past of a traced run is rebuilt from its history as it
 * was; a kernel record and an end are told in words; the tracer's map of
 * tids finds every key as tids come and go.
 */
#include <sys/wait.h>

#include <check.h>
#include <signal.h>
#include <stdlib.h>

#include "../src/history.h"
#include "../src/model.h"
#include "../src/model_traced.h"
#include "../src/tasktypes.h"
#include "../src/taskwords.h"
#include "../src/text.h"
#include "../src/tidmap.h"
#include "suites.h"

#define PID(i)	(5000 + 100 * (int)(i))

static struct event
tev(unsigned proc, unsigned thread, unsigned state, uint64_t t)
{
	return (struct event){ .t_ns = t, .pid = proc ? PID(proc) : 1,
	    .tid = PID(proc) + (int)thread - (thread > 0),
	    .proc = (uint16_t)proc, .thread = (uint16_t)thread,
	    .state = (uint8_t)state };
}

static bool
apply(struct model *m, struct event e)
{
	return model_apply(m, &e);
}

/* Process i born of parent, with its main thread. */
static void
born(struct model *m, unsigned i, unsigned parent, uint64_t t)
{
	struct event e = tev(i, 0, ST_BORN, t);

	e.object = (uint16_t)parent;
	ck_assert(model_apply(m, &e));
	ck_assert(apply(m, tev(i, 1, ST_TBORN, t)));
}

/* Grows from nothing to 40 processes, process 7 to 100 threads, each
   cell where model_thread() looks, none lost on the way. */
START_TEST(model_traced_grows_as_births_come)
{
	struct model m;
	unsigned i, j;

	ck_assert_int_eq(model_init_traced(&m), 0);
	ck_assert_uint_eq(m.nproc, 0);
	ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
	for (i = 1; i <= 40; i++) {
		born(&m, i, i - 1, 10 * i);
		if (i == 7)
			for (j = 2; j <= 100; j++)
				ck_assert(apply(&m, tev(7, j, ST_TBORN,
				    1000 + j)));
	}
	ck_assert_uint_eq(m.nproc, 40);
	ck_assert_uint_ge(m.nthread, 100);
	ck_assert_uint_eq(model_proc(&m, 7)->nthreads, 100);
	ck_assert_uint_eq(model_proc(&m, 8)->nthreads, 1);
	ck_assert_uint_eq(model_proc(&m, 40)->parent, 39);
	ck_assert_int_eq(model_proc(&m, 40)->pid, PID(40));
	ck_assert_uint_eq(model_proc(&m, 3)->t_forked, 30);
	for (j = 1; j <= 100; j++) {
		ck_assert_int_eq(model_thread(&m, 7, j)->state, ST_TBORN);
		ck_assert_int_eq(model_thread(&m, 7, j)->tid, PID(7) + (int)j -
		    1);
	}
	ck_assert_int_eq(model_thread(&m, 8, 2)->state, ST_NEW);
	ck_assert_uint_eq(m.threads_in[ST_TBORN], 40 + 99);
	ck_assert_uint_eq(m.procs_in[ST_BORN], 40);
	ck_assert_uint_eq(m.bad, 0);
	model_free(&m);
}
END_TEST

/* Reset (the model of a moment of its history, history_model_at): no
   process again, still a traced model that takes the same births and
   grows the same way, its room kept. */
START_TEST(model_traced_reset_takes_the_run_again)
{
	struct model m;
	unsigned i, round, room = 0;

	ck_assert_int_eq(model_init_traced(&m), 0);
	for (round = 0; round < 2; round++) {
		ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
		for (i = 1; i <= 40; i++)
			born(&m, i, i - 1, 10 * i);
		ck_assert(apply(&m, tev(3, 2, ST_TBORN, 500)));
		ck_assert_uint_eq(m.nproc, 40);
		ck_assert_uint_eq(model_proc(&m, 3)->nthreads, 2);
		ck_assert_uint_eq(m.threads_in[ST_TBORN], 41);
		ck_assert_uint_eq(m.bad, 0);
		if (round == 1)
			ck_assert_uint_eq(m.cap_proc, room);
		room = m.cap_proc;
		model_reset(&m);
		ck_assert(m.traced);
		ck_assert_uint_eq(m.nproc, 0);
		ck_assert_uint_eq(m.threads_in[ST_TBORN], 0);
		ck_assert_uint_eq(m.cap_proc, room);
	}
	model_free(&m);
}
END_TEST

/* Ends: a thread's own, then its process's, which ends the rest with the
   wait status given; exec; main done; ptviz's status rules. */
START_TEST(model_traced_ends_and_execs)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init_traced(&m), 0);
	ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
	born(&m, 1, 0, 2);
	ck_assert(apply(&m, tev(1, 0, ST_EXEC, 3)));
	ck_assert(apply(&m, tev(1, 0, ST_EXEC, 4)));
	ck_assert_int_eq(model_proc(&m, 1)->state, ST_EXEC);
	ck_assert(apply(&m, tev(1, 2, ST_TBORN, 5)));
	ck_assert(apply(&m, tev(1, 3, ST_TBORN, 5)));
	ck_assert(apply(&m, tev(1, 2, ST_TENDED, 6)));
	ck_assert(!apply(&m, tev(1, 2, ST_TENDED, 7)));	/* twice */
	e = tev(1, 0, ST_KILLED, 8);
	e.wstatus = SIGKILL;
	ck_assert(model_apply(&m, &e));
	ck_assert_int_eq(model_thread(&m, 1, 3)->state, ST_TENDED);
	ck_assert_uint_eq(model_thread(&m, 1, 3)->t_done, 8);
	ck_assert_uint_eq(model_thread(&m, 1, 2)->t_done, 6);
	ck_assert_uint_eq(model_proc(&m, 1)->threads_ended, 3);
	ck_assert(model_proc(&m, 1)->reaped);
	ck_assert(WIFSIGNALED(model_proc(&m, 1)->wstatus));
	ck_assert(!apply(&m, tev(1, 4, ST_TBORN, 9)));	/* after its end */
	/* Gone (--poll): an end whose status is not known, 0. */
	born(&m, 2, 1, 9);
	e = tev(2, 0, ST_GONE, 9);
	e.wstatus = 1 << 8;
	ck_assert(!model_apply(&m, &e));
	e.wstatus = 0;
	ck_assert(model_apply(&m, &e));
	ck_assert_int_eq(model_proc(&m, 2)->state, ST_GONE);
	ck_assert_int_eq(model_thread(&m, 2, 1)->state, ST_TENDED);
	ck_assert(apply(&m, tev(0, 0, ST_MDONE, 10)));
	ck_assert_uint_eq(m.t_main_done, 10);
	ck_assert_uint_eq(m.bad, 3);
	model_free(&m);
}
END_TEST

/* A pause: stopped, then continued, any number of times; births and
   ends still come while stopped (tasks on their way to the stop); a
   continue without a stop, or a second stop, is refused; done from
   either. */
START_TEST(model_traced_pauses)
{
	struct model m;

	ck_assert_int_eq(model_init_traced(&m), 0);
	ck_assert(!apply(&m, tev(0, 0, ST_MSTOPPED, 1)));	/* not yet */
	ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
	born(&m, 1, 0, 2);
	ck_assert(!apply(&m, tev(0, 0, ST_MCONTINUED, 3)));
	ck_assert(apply(&m, tev(0, 0, ST_MSTOPPED, 3)));
	ck_assert(model_stopped(&m));
	ck_assert(!apply(&m, tev(0, 0, ST_MSTOPPED, 4)));
	born(&m, 2, 1, 4);
	ck_assert(apply(&m, tev(2, 1, ST_TENDED, 5)));
	ck_assert(apply(&m, tev(0, 0, ST_MCONTINUED, 6)));
	ck_assert(!model_stopped(&m));
	ck_assert(apply(&m, tev(0, 0, ST_MSTOPPED, 7)));
	ck_assert_uint_eq(m.stops, 2);
	ck_assert(apply(&m, tev(0, 0, ST_MDONE, 8)));
	ck_assert_uint_eq(m.bad, 3);
	model_free(&m);
}
END_TEST

/* What breaks the rules changes nothing: births out of order, of a
   parent not born yet, threads of a process not born, wait statuses
   that do not fit their event, built-in states. */
START_TEST(model_traced_refuses_what_breaks_its_rules)
{
	struct model m;
	struct event e;

	ck_assert_int_eq(model_init_traced(&m), 0);
	ck_assert(!apply(&m, tev(1, 0, ST_BORN, 1)));	/* before running */
	ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
	ck_assert(!apply(&m, tev(2, 0, ST_BORN, 2)));	/* not the next */
	e = tev(1, 0, ST_BORN, 2);
	e.object = 1;					/* of itself */
	ck_assert(!model_apply(&m, &e));
	ck_assert(!apply(&m, tev(1, 1, ST_TBORN, 2)));	/* no process */
	born(&m, 1, 0, 2);
	ck_assert(!apply(&m, tev(1, 3, ST_TBORN, 3)));	/* skips 2 */
	ck_assert(!apply(&m, tev(1, 0, ST_FORKED, 3)));	/* built-in's */
	ck_assert(!apply(&m, tev(1, 1, ST_RUNNING, 3)));
	e = tev(1, 0, ST_EXITED, 4);
	e.wstatus = 3 << 8;				/* status 3: failed */
	ck_assert(!model_apply(&m, &e));
	e.state = ST_FAILED;
	ck_assert(model_apply(&m, &e));
	ck_assert_int_eq(model_proc(&m, 1)->state, ST_FAILED);
	ck_assert_uint_eq(m.nproc, 1);
	ck_assert_uint_eq(m.bad, 8);
	model_free(&m);
}
END_TEST

/* A kernel state of thread j of process i: its class, word, object. */
static struct event
kev(unsigned i, unsigned j, unsigned cls, int64_t word, unsigned object)
{
	struct event e = tev(i, j, ST_KSTATE, 20);

	e.what = (uint8_t)cls;
	e.kaddr = word;
	e.object = (uint16_t)object;
	return e;
}

/* A live thread takes its kernel states, one after another, each kept
   with its word; a thread not born or ended, a class out of range,
   "gone", an object on a class that has none, are refused. */
START_TEST(model_traced_takes_kernel_states)
{
	struct model m;
	struct event e;
	const struct model_thread *t;

	ck_assert_int_eq(model_init_traced(&m), 0);
	ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
	born(&m, 1, 0, 2);
	ck_assert(apply(&m, tev(1, 2, ST_TBORN, 3)));
	ck_assert(apply(&m, kev(1, 2, TASKSTATE_LOCK, 0x7f0010, 0)));
	t = model_thread(&m, 1, 2);
	ck_assert_uint_eq(t->kclass, TASKSTATE_LOCK);
	ck_assert_int_eq(t->kaddr, 0x7f0010);
	ck_assert_uint_eq(t->t_kstate, 20);
	ck_assert_int_eq(t->state, ST_TBORN);
	ck_assert(apply(&m, kev(1, 1, TASKSTATE_IO, 0,
	    KSTATE_OBJECT(TASKFD_PIPE, TASKSTATE_IO_IN))));
	t = model_thread(&m, 1, 1);
	ck_assert_uint_eq(t->kclass, TASKSTATE_IO);
	ck_assert_uint_eq(KSTATE_FDKIND(t->kobject), TASKFD_PIPE);
	ck_assert(apply(&m, kev(1, 1, TASKSTATE_SLEEP, 0, 0)));
	ck_assert_uint_eq(model_thread(&m, 1, 1)->kclass, TASKSTATE_SLEEP);
	ck_assert(!apply(&m, kev(1, 3, TASKSTATE_CPU, 0, 0)));	/* not born */
	ck_assert(!apply(&m, kev(1, 1, TASKSTATE_GONE, 0, 0)));
	ck_assert(!apply(&m, kev(1, 1, TASKSTATE_CLASSES, 0, 0)));
	ck_assert(!apply(&m, kev(1, 1, TASKSTATE_SLEEP, 0, 1)));
	ck_assert(!apply(&m, kev(1, 1, TASKSTATE_IO, 0,
	    KSTATE_OBJECT(TASKFD_KINDS, 0))));
	ck_assert(!apply(&m, kev(1, 0, TASKSTATE_CPU, 0, 0)));	/* process */
	e = kev(1, 2, TASKSTATE_CPU, 0, 0);
	e.tid = 1;					/* not its tid */
	ck_assert(!model_apply(&m, &e));
	ck_assert(apply(&m, tev(1, 2, ST_TENDED, 30)));
	ck_assert(!apply(&m, kev(1, 2, TASKSTATE_CPU, 0, 0)));	/* ended */
	ck_assert_uint_eq(model_thread(&m, 1, 2)->kclass, TASKSTATE_LOCK);
	ck_assert_uint_eq(m.bad, 8);
	model_free(&m);
}
END_TEST

/* m and n are the same model: every count, process and thread. */
static void
same_model(const struct model *m, const struct model *n)
{
	unsigned i, j;

	ck_assert_uint_eq(m->nproc, n->nproc);
	ck_assert_int_eq(m->main_state, n->main_state);
	ck_assert_mem_eq(m->procs_in, n->procs_in, sizeof(m->procs_in));
	ck_assert_mem_eq(m->threads_in, n->threads_in, sizeof(m->threads_in));
	for (i = 1; i <= m->nproc; i++) {
		ck_assert_int_eq(model_proc(m, i)->state,
		    model_proc(n, i)->state);
		ck_assert_uint_eq(model_proc(m, i)->nthreads,
		    model_proc(n, i)->nthreads);
		for (j = 1; j <= model_proc(m, i)->nthreads; j++) {
			ck_assert_int_eq(model_thread(m, i, j)->state,
			    model_thread(n, i, j)->state);
			ck_assert_uint_eq(model_thread(m, i, j)->kclass,
			    model_thread(n, i, j)->kclass);
			ck_assert_uint_eq(model_thread(m, i, j)->t_kstate,
			    model_thread(n, i, j)->t_kstate);
		}
	}
}

/* Time travel in a traced run: the model of the first k events, rebuilt
   from the history into one model made once -- at any k, forward and
   back, past the births that made room -- is the model those k events
   make; back at the start it has no process again. */
START_TEST(history_rebuilds_a_traced_model)
{
	struct model live, at, fresh;
	struct history h;
	struct event e[200];
	size_t n = 0, k, ks[] = { 0, 1, 40, 120, 3, 77, 0, 200 };
	unsigned i, j;

	ck_assert_int_eq(model_init_traced(&live), 0);
	ck_assert_int_eq(model_init_traced(&at), 0);
	history_init(&h);
	e[n++] = tev(0, 0, ST_MRUNNING, 1);
	for (i = 1; i <= 12; i++) {
		e[n] = tev(i, 0, ST_BORN, 10 * i);
		e[n++].object = (uint16_t)(i - 1);
		e[n++] = tev(i, 1, ST_TBORN, 10 * i);
	}
	for (j = 2; j <= 30; j++)
		e[n++] = tev(5, j, ST_TBORN, 200 + j);
	for (j = 1; j <= 30; j++)
		e[n++] = kev(5, j, j % 2 ? TASKSTATE_SLEEP : TASKSTATE_LOCK,
		    0x7f00, 0);
	e[n++] = tev(3, 0, ST_EXEC, 300);
	for (j = 2; j <= 30; j++)
		e[n++] = tev(5, j, ST_TENDED, 400 + j);
	while (n < 200) {
		e[n] = tev(12, 0, ST_KILLED, 500);
		e[n++].wstatus = SIGKILL;
	}
	for (k = 0; k < n; k++) {
		ck_assert(model_apply(&live, &e[k]) == (k <= 114));
		ck_assert_int_eq(history_add(&h, &e[k]), 0);
	}
	for (k = 0; k < sizeof(ks) / sizeof(ks[0]); k++) {
		ck_assert_int_eq(model_init_traced(&fresh), 0);
		for (i = 0; i < ks[k]; i++)
			model_apply(&fresh, &e[i]);
		history_model_at(&h, ks[k], &at);
		same_model(&at, &fresh);
		model_free(&fresh);
	}
	ck_assert_uint_eq(at.nproc, live.nproc);
	history_model_at(&h, 0, &at);
	ck_assert_uint_eq(at.nproc, 0);
	ck_assert(at.traced);
	history_free(&h);
	model_free(&live);
	model_free(&at);
}
END_TEST

/* What the screen says of a traced thread and a traced process's end. */
START_TEST(traced_words)
{
	char buf[160];

	ck_assert_str_eq(text_traced_end(0, buf, sizeof(buf)), "exit 0");
	ck_assert_str_eq(text_traced_end(3 << 8, buf, sizeof(buf)), "exit 3");
	ck_assert_str_eq(text_traced_end(SIGKILL, buf, sizeof(buf)),
	    "killed by SIGKILL");
	taskwords_kstate(TASKSTATE_LOCK, 0, 0x7f0010, buf, sizeof(buf));
	ck_assert_str_eq(buf, "waiting on a lock or a condition (futex word "
	    "0x7f0010)");
	taskwords_kstate(TASKSTATE_IO, KSTATE_OBJECT(TASKFD_PIPE,
	    TASKSTATE_IO_IN), 3, buf, sizeof(buf));
	ck_assert_str_eq(buf, "waiting for input from a pipe (fd 3)");
	ck_assert_str_eq(taskwords_kstate_cell(TASKSTATE_IO,
	    KSTATE_OBJECT(TASKFD_PIPE, TASKSTATE_IO_IN)), "read");
	ck_assert_str_eq(taskwords_kstate_cell(TASKSTATE_CHILD, 0), "child");
}
END_TEST

/* A built-in run's model never takes a traced program's events. */
START_TEST(model_builtin_refuses_traced_events)
{
	struct model m;

	ck_assert_int_eq(model_init(&m, 2, 2), 0);
	ck_assert(apply(&m, tev(0, 0, ST_MRUNNING, 1)));
	ck_assert(!apply(&m, tev(1, 0, ST_BORN, 2)));
	ck_assert(!apply(&m, tev(1, 1, ST_TBORN, 2)));
	ck_assert(!apply(&m, tev(1, 0, ST_EXEC, 2)));
	ck_assert(!apply(&m, tev(1, 1, ST_TENDED, 2)));
	ck_assert(!apply(&m, kev(1, 1, TASKSTATE_SLEEP, 0, 0)));
	ck_assert(apply(&m, tev(1, 0, ST_FORKED, 3)));
	ck_assert(apply(&m, tev(1, 0, ST_STARTING, 3)));
	ck_assert(apply(&m, tev(1, 1, ST_RUNNING, 4)));
	ck_assert(!apply(&m, kev(1, 1, TASKSTATE_SLEEP, 0, 0)));
	ck_assert_int_eq(model_thread(&m, 1, 1)->state, ST_RUNNING);
	ck_assert_uint_eq(m.nproc, 2);
	model_free(&m);
}
END_TEST

/* 100 000 tids put, half deleted, tids reused: every key found, no key
   deleted found, the table no bigger than its keys need. */
START_TEST(tidmap_finds_every_key_as_tids_come_and_go)
{
	struct tidmap map;
	uint32_t v, i;

	tidmap_init(&map);
	ck_assert(!tidmap_get(&map, 1, &v));
	for (i = 1; i <= 100000; i++)
		ck_assert_int_eq(tidmap_put(&map, (int32_t)i, i * 3), 0);
	for (i = 1; i <= 100000; i += 2)
		tidmap_del(&map, (int32_t)i);
	for (i = 1; i <= 100000; i++) {
		ck_assert(tidmap_get(&map, (int32_t)i, &v) == (i % 2 == 0));
		if (i % 2 == 0)
			ck_assert_uint_eq(v, i * 3);
	}
	/* Churn: tombstones must not fill the table. */
	for (i = 0; i < 1000000; i++) {
		ck_assert_int_eq(tidmap_put(&map, 200001 + (int32_t)(i % 64),
		    i), 0);
		tidmap_del(&map, 200001 + (int32_t)(i % 64));
	}
	ck_assert_uint_eq(map.keys, 50000);
	ck_assert_uint_le(map.mask + 1, 4 * 131072);
	ck_assert_int_eq(tidmap_put(&map, 2, 7), 0);	/* replaced */
	ck_assert(tidmap_get(&map, 2, &v) && v == 7);
	ck_assert_int_eq(tidmap_put(&map, 0, 1), -1);
	tidmap_free(&map);
}
END_TEST

Suite *
traced_suite(void)
{
	Suite *s = suite_create("traced");
	TCase *tc = tcase_create("traced");

	tcase_add_test(tc, model_traced_grows_as_births_come);
	tcase_add_test(tc, model_traced_reset_takes_the_run_again);
	tcase_add_test(tc, model_traced_ends_and_execs);
	tcase_add_test(tc, model_traced_pauses);
	tcase_add_test(tc, model_traced_refuses_what_breaks_its_rules);
	tcase_add_test(tc, model_traced_takes_kernel_states);
	tcase_add_test(tc, model_builtin_refuses_traced_events);
	tcase_add_test(tc, history_rebuilds_a_traced_model);
	tcase_add_test(tc, traced_words);
	tcase_add_test(tc, tidmap_finds_every_key_as_tids_come_and_go);
	suite_add_tcase(s, tc);
	return s;
}
