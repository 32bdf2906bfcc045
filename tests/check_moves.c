/*
 * check_moves.c: the model's rules for the moves of the race and the
 * queue (src/model_moves.h): the updates lost counted whatever order the
 * processes' moves come in, moves out of their order refused, a write
 * under the lock never losing one, the queue's fill within its slots and
 * every item put and taken once.
 */
#include <check.h>
#include <string.h>

#include "../src/model.h"
#include "../src/run.h"
#include "../src/text.h"
#include "suites.h"

#define PID(i)	(2000 + (int)(i))

static struct event
ev(unsigned proc, unsigned thread, unsigned state)
{
	return (struct event){ .t_ns = 100, .pid = proc ? PID(proc) : 1,
	    .tid = PID(proc) * 10 + (int)thread, .proc = (uint16_t)proc,
	    .thread = (uint16_t)thread, .state = (uint8_t)state };
}

/* Move `move` of thread j of process i, with its figures. */
static struct event
mv(unsigned i, unsigned j, unsigned move, uint32_t value, uint32_t aux)
{
	struct event e = ev(i, j, ST_MOVE);

	e.what = (uint8_t)move;
	e.value = value;
	e.aux = aux;
	return e;
}

static void
ok(struct model *m, struct event e)
{
	ck_assert_msg(model_apply(m, &e), "%u/%u %s %s was refused", e.proc,
	    e.thread, state_name(e.state), e.state == ST_MOVE ?
	    move_name(e.what) : "");
}

static void
refused(struct model *m, struct event e)
{
	uint64_t bad = m->bad;

	ck_assert_msg(!model_apply(m, &e), "%u/%u %s %s was taken", e.proc,
	    e.thread, state_name(e.state), e.state == ST_MOVE ?
	    move_name(e.what) : "");
	ck_assert_uint_eq(m->bad, bad + 1);
}

/* A model of nproc x nthread of workload w, its processes joining and
   its threads running. */
static void
start(struct model *m, unsigned nproc, unsigned nthread, enum work w,
    unsigned iterations, unsigned slots)
{
	struct run_config c = { .nproc = nproc, .nthread = nthread,
	    .work = w, .iterations = iterations, .slots = slots };
	unsigned i, j;

	ck_assert_int_eq(model_init(m, nproc, nthread), 0);
	ck_assert_int_eq(model_work(m, &c), 0);
	ok(m, ev(0, 0, ST_MRUNNING));
	for (i = 1; i <= nproc; i++) {
		ok(m, ev(i, 0, ST_FORKED));
		ok(m, ev(i, 0, ST_STARTING));
		ok(m, ev(i, 0, ST_JOINING));
		for (j = 1; j <= nthread; j++)
			ok(m, ev(i, j, ST_RUNNING));
	}
}

/* Thread j of process i updates the counter: it reads r, writes r + 1
   over `was`. */
static void
update(struct model *m, unsigned i, unsigned j, uint32_t r, uint32_t was)
{
	ok(m, mv(i, j, MOVE_READ, r, 0));
	ok(m, mv(i, j, MOVE_ADD, r + 1, 0));
	ok(m, mv(i, j, MOVE_WRITE, r + 1, was));
}

static const char *
figure(const struct model *m)
{
	static char buf[80];

	text_work_figure(m, buf, sizeof(buf));
	return buf;
}

/* Two processes' threads both read 0 and write 1; the second write, over
   the first's 1, loses an update.  Their rings may be read in either
   order: the model's count is the same. */
START_TEST(moves_race_lost_update_counted_in_either_order)
{
	struct model m;

	start(&m, 2, 1, WORK_RACE, 1, 0);
	update(&m, 1, 1, 0, 0);
	update(&m, 2, 1, 0, 1);
	ck_assert_uint_eq(m.writes, 2);
	ck_assert_int_eq(m.lost, 1);
	ck_assert_str_eq(figure(&m), "counter 1, should be 2: 1 update lost");
	model_free(&m);

	start(&m, 2, 1, WORK_RACE, 1, 0);
	update(&m, 2, 1, 0, 1);
	/* Its write replaced a 1 it did not read: lost already. */
	ck_assert_str_eq(figure(&m), "counter 0, should be 1: 1 update lost");
	update(&m, 1, 1, 0, 0);
	ck_assert_int_eq(m.lost, 1);
	ck_assert_str_eq(figure(&m), "counter 1, should be 2: 1 update lost");
	model_free(&m);
}
END_TEST

/* A write that loses three updates and a later one that writes above it
   again: the sum is the writes less the counter. */
START_TEST(moves_race_lost_sum_is_writes_less_counter)
{
	struct model m;

	start(&m, 1, 3, WORK_RACE, 3, 0);
	update(&m, 1, 2, 0, 0);		/* 1 */
	update(&m, 1, 3, 1, 1);		/* 2 */
	update(&m, 1, 3, 2, 2);		/* 3 */
	update(&m, 1, 2, 3, 3);		/* 4 */
	update(&m, 1, 1, 0, 4);		/* 1, over 4: 3 lost */
	update(&m, 1, 2, 4, 1);		/* 5, over 1: 3 back */
	ck_assert_uint_eq(m.writes, 6);
	ck_assert_int_eq(m.lost, 1);
	ck_assert_str_eq(figure(&m), "counter 5, should be 6: 1 update lost");
	model_free(&m);
}
END_TEST

START_TEST(moves_out_of_order_are_refused)
{
	struct model m;

	start(&m, 1, 2, WORK_RACE, 2, 0);
	refused(&m, mv(1, 1, MOVE_ADD, 1, 0));		/* no read */
	refused(&m, mv(1, 1, MOVE_WRITE, 1, 0));
	refused(&m, mv(1, 1, MOVE_UNLOCK, 0, 0));	/* holds nothing */
	refused(&m, mv(1, 1, MOVE_PUT, 1, 1));		/* no queue */
	refused(&m, mv(1, 1, MOVE_COUNT, 0, 0));
	ok(&m, mv(1, 1, MOVE_READ, 7, 0));
	refused(&m, mv(1, 1, MOVE_READ, 7, 0));
	refused(&m, mv(1, 1, MOVE_ADD, 9, 0));		/* not 7 + 1 */
	refused(&m, ev(1, 1, ST_DONE));			/* mid-update */
	ok(&m, mv(1, 1, MOVE_ADD, 8, 0));
	refused(&m, mv(1, 1, MOVE_WRITE, 9, 0));	/* not what it added */
	ok(&m, mv(1, 1, MOVE_WRITE, 8, 7));
	ok(&m, ev(1, 1, ST_DONE));
	/* Running to done with no move: a consumer of the queue alone. */
	refused(&m, ev(1, 2, ST_DONE));
	model_free(&m);
}
END_TEST

/* Under the global mutex: a write over another's value is refused, the
   unlock lets go, and done while holding is refused. */
START_TEST(moves_locked_update_loses_nothing)
{
	struct model m;
	struct event hold = ev(1, 1, ST_HOLDING);

	hold.what = OBJ_GMUTEX;
	start(&m, 1, 1, WORK_RACE_LOCKED, 2, 0);
	ok(&m, hold);
	ok(&m, mv(1, 1, MOVE_READ, 0, 0));
	ok(&m, mv(1, 1, MOVE_ADD, 1, 0));
	refused(&m, mv(1, 1, MOVE_WRITE, 1, 5));
	ok(&m, mv(1, 1, MOVE_WRITE, 1, 0));
	refused(&m, ev(1, 1, ST_DONE));			/* still holds */
	refused(&m, hold);				/* holds it already */
	ok(&m, mv(1, 1, MOVE_UNLOCK, 0, 0));
	ck_assert_uint_eq(model_thread(&m, 1, 1)->holds, 0);
	ok(&m, hold);
	update(&m, 1, 1, 1, 1);
	ok(&m, mv(1, 1, MOVE_UNLOCK, 0, 0));
	ok(&m, ev(1, 1, ST_DONE));
	ck_assert_str_eq(figure(&m), "counter 2, should be 2");
	model_free(&m);
}
END_TEST

/* A queue of 2 slots, one process of a producer and a consumer putting
   and taking 2 items. */
START_TEST(moves_queue_within_slots_items_once)
{
	struct model m;
	struct event full = ev(1, 1, ST_WAITING), empty = ev(1, 2, ST_WAITING);
	char buf[64];

	full.what = empty.what = OBJ_QUEUE;
	full.object = QUEUE_FULL;
	empty.object = QUEUE_EMPTY;
	start(&m, 1, 2, WORK_QUEUE, 2, 2);
	ck_assert_uint_eq(m.items, 2);
	refused(&m, mv(1, 1, MOVE_PUT, 0, 1));		/* fill 0 after */
	refused(&m, mv(1, 1, MOVE_PUT, 3, 1));		/* above 2 */
	refused(&m, mv(1, 1, MOVE_PUT, 1, 3));		/* no item 3 */
	refused(&m, mv(1, 1, MOVE_PUT, 1, 0));
	ok(&m, empty);
	refused(&m, mv(1, 2, MOVE_PUT, 1, 1));		/* waited to take */
	ok(&m, mv(1, 1, MOVE_PUT, 1, 1));
	refused(&m, mv(1, 1, MOVE_PUT, 2, 1));		/* item 1 again */
	refused(&m, mv(1, 1, MOVE_TAKE, 0, 1));		/* a producer */
	ok(&m, full);
	ck_assert_str_eq(text_object(&m, 1, 1, buf, sizeof(buf)),
	    "a free slot: the queue is full");
	ck_assert_str_eq(text_object(&m, 1, 2, buf, sizeof(buf)),
	    "an item: the queue is empty");
	ok(&m, mv(1, 2, MOVE_TAKE, 0, 1));
	refused(&m, mv(1, 2, MOVE_TAKE, 0, 1));		/* item 1 again */
	refused(&m, mv(1, 2, MOVE_TAKE, 2, 2));		/* above 1 after */
	ck_assert_str_eq(figure(&m), "queue 0 of 2 full: 1 put, 1 taken");
	/* Taken before it is told put: the producer's ring read later. */
	ok(&m, mv(1, 2, MOVE_TAKE, 0, 2));
	ck_assert_int_eq(m.unmatched, 1);
	ck_assert_str_eq(figure(&m), "queue 0 of 2 full: 1 put, 2 taken");
	ok(&m, mv(1, 1, MOVE_PUT, 1, 2));
	ck_assert_int_eq(m.unmatched, 0);
	ok(&m, ev(1, 1, ST_DONE));
	ok(&m, ev(1, 2, ST_DONE));
	ck_assert_uint_eq(m.fill_peak, 1);
	model_reset(&m);
	ck_assert_uint_eq(m.items, 2);
	ck_assert_uint_eq(m.puts, 0);
	model_free(&m);
}
END_TEST

/* The main process's end may tell the counter or the queue, nothing
   else. */
START_TEST(moves_main_end_tells_the_figures)
{
	struct model m;
	struct event done = ev(0, 0, ST_MDONE);

	start(&m, 1, 1, WORK_RACE, 1, 0);
	done.what = OBJ_MUTEX;
	refused(&m, done);
	done.what = OBJ_COUNTER;
	done.value = 3;
	done.aux = 4;
	ok(&m, done);
	ck_assert_uint_eq(m.end_what, OBJ_COUNTER);
	ck_assert_uint_eq(m.end_value, 3);
	ck_assert_uint_eq(m.end_aux, 4);
	model_free(&m);
}
END_TEST

Suite *
moves_suite(void)
{
	Suite *s = suite_create("moves");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, moves_race_lost_update_counted_in_either_order);
	tcase_add_test(tc, moves_race_lost_sum_is_writes_less_counter);
	tcase_add_test(tc, moves_out_of_order_are_refused);
	tcase_add_test(tc, moves_locked_update_loses_nothing);
	tcase_add_test(tc, moves_queue_within_slots_items_once);
	tcase_add_test(tc, moves_main_end_tells_the_figures);
	suite_add_tcase(s, tc);
	return s;
}
