/*
 * check_history.c: the history keeps every event, in order, within its
 * memory budget, and the model rebuilt from its first k events is the
 * model that applied them one by one -- for real runs (forked, with
 * kills and pauses), at random cut points.
 */
#include <check.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "../src/event.h"
#include "../src/history.h"
#include "../src/model.h"
#include "../src/spawn.h"
#include "suites.h"

/* Field by field: two models that say the same of every thing. */
static void
assert_same_model(const struct model *a, const struct model *b)
{
	unsigned i;

	ck_assert_uint_eq(a->nproc, b->nproc);
	ck_assert_uint_eq(a->nthread, b->nthread);
	ck_assert_uint_eq(a->t0, b->t0);
	ck_assert_uint_eq(a->main_state, b->main_state);
	ck_assert_uint_eq(a->t_main_done, b->t_main_done);
	ck_assert_int_eq(memcmp(a->threads_in, b->threads_in,
	    sizeof(a->threads_in)), 0);
	ck_assert_int_eq(memcmp(a->procs_in, b->procs_in,
	    sizeof(a->procs_in)), 0);
	ck_assert_uint_eq(a->threads_done, b->threads_done);
	ck_assert_uint_eq(a->procs_reaped, b->procs_reaped);
	ck_assert_uint_eq(a->procs_done, b->procs_done);
	ck_assert_uint_eq(a->sums.slept_ns, b->sums.slept_ns);
	ck_assert_uint_eq(a->sums.busy_starts, b->sums.busy_starts);
	ck_assert_uint_eq(a->sums.busy, b->sums.busy);
	ck_assert_uint_eq(a->deadlocks, b->deadlocks);
	ck_assert_uint_eq(a->sem_held, b->sem_held);
	ck_assert_uint_eq(a->stops, b->stops);
	ck_assert_uint_eq(a->events, b->events);
	for (i = 0; i < a->nproc; i++) {
		const struct model_proc *p = &a->procs[i], *q = &b->procs[i];

		ck_assert_uint_eq(p->state, q->state);
		ck_assert_uint_eq(p->reaped, q->reaped);
		ck_assert_int_eq(p->pid, q->pid);
		ck_assert_int_eq(p->wstatus, q->wstatus);
		ck_assert_uint_eq(p->rank, q->rank);
		ck_assert_uint_eq(p->threads_ended, q->threads_ended);
		ck_assert_uint_eq(p->t_forked, q->t_forked);
		ck_assert_uint_eq(p->t_starting, q->t_starting);
		ck_assert_uint_eq(p->t_joining, q->t_joining);
		ck_assert_uint_eq(p->t_done, q->t_done);
		ck_assert_uint_eq(p->t_end, q->t_end);
	}
	for (i = 0; i < a->nproc * a->nthread; i++) {
		const struct model_thread *t = &a->threads[i];
		const struct model_thread *u = &b->threads[i];

		ck_assert_uint_eq(t->state, u->state);
		ck_assert_int_eq(t->tid, u->tid);
		ck_assert_uint_eq(t->rank, u->rank);
		ck_assert_uint_eq(t->sleep_ns, u->sleep_ns);
		ck_assert_uint_eq(t->t_running, u->t_running);
		ck_assert_uint_eq(t->t_sleeping, u->t_sleeping);
		ck_assert_uint_eq(t->t_done, u->t_done);
		ck_assert_int_eq(t->err, u->err);
	}
}

START_TEST(history_keeps_every_event_in_order)
{
	struct history h;
	struct event ev = { 0 };
	size_t k, n = 3 * HISTORY_CHUNK + 17;

	history_init(&h);
	for (k = 0; k < n; k++) {
		ev.t_ns = k;
		ck_assert_int_eq(history_add(&h, &ev), 0);
	}
	ck_assert_uint_eq(h.n, n);
	for (k = 0; k < n; k++)
		ck_assert_uint_eq(history_at(&h, k)->t_ns, k);
	/* 32 bytes an event, and one chunk not yet full. */
	ck_assert_uint_le(history_bytes(&h), n * sizeof(ev) +
	    HISTORY_CHUNK * sizeof(ev) + 64 * sizeof(void *));
	ck_assert_uint_eq(history_find(&h, 0), 1);
	ck_assert_uint_eq(history_find(&h, HISTORY_CHUNK), HISTORY_CHUNK + 1);
	ck_assert_uint_eq(history_find(&h, UINT64_MAX), n);
	history_clear(&h);
	ck_assert_uint_eq(h.n, 0);
	ev.t_ns = 7;
	ck_assert_int_eq(history_add(&h, &ev), 0);
	ck_assert_uint_eq(history_at(&h, 0)->t_ns, 7);
	history_free(&h);
}
END_TEST

struct recorder {
	struct model	 live;
	struct history	 h;
	struct run	*run;
	unsigned	 kill_proc;	/* SIGKILL it when it starts joining */
	bool		 pause;		/* pause and continue once, midway */
	bool		 paused;
};

static void
record(void *ctx, const struct event *ev)
{
	struct recorder *r = ctx;

	if (!model_apply(&r->live, ev))
		return;
	ck_assert_int_eq(history_add(&r->h, ev), 0);
	if (r->run != NULL && ev->proc == r->kill_proc &&
	    ev->state == ST_JOINING)
		run_signal(r->run, r->kill_proc, SIGKILL);
}

/* Run cfg to its end, every event into r's live model and history. */
static void
record_run(const struct run_config *cfg, struct recorder *r)
{
	struct pollfd fds[RUN_NFDS];
	uint64_t deadline = now_ns() + 20000000000ull;

	ck_assert_int_eq(run_block_signals(), 0);
	ck_assert_int_eq(model_init(&r->live, cfg->nproc, cfg->nthread), 0);
	history_init(&r->h);
	r->run = run_start(cfg, record, r);
	ck_assert_ptr_nonnull(r->run);
	while (!run_finished(r->run)) {
		ck_assert_msg(now_ns() < deadline, "the run never ended");
		if (r->pause && !r->paused && r->live.threads_done > 0) {
			r->paused = true;
			if (run_pause(r->run, true) == 0)
				run_pause(r->run, false);
		}
		if (run_pump(r->run, 64) > 0 || !run_may_sleep(r->run))
			continue;
		run_pollfds(r->run, fds);
		poll(fds, RUN_NFDS, 100);
		run_woke(r->run);
	}
	run_free(r->run);
	r->run = NULL;
}

START_TEST(history_model_at_k_is_the_model_of_k_events)
{
	struct recorder r = { 0 };
	struct run_config cfg;
	struct model step, at;
	unsigned seed = 1000 + (unsigned)_i, round;
	size_t k, applied;

	srand(seed);
	cfg = (struct run_config){ .nproc = 1 + (unsigned)(rand() % 6),
	    .nthread = 1 + (unsigned)(rand() % 6),
	    .sleep_ns = (uint64_t)(rand() % 4) * 1000000, .seed = seed };
	r.kill_proc = rand() % 3 == 0 ? 1 + (unsigned)rand() % cfg.nproc : 0;
	r.pause = rand() % 2 == 0;
	record_run(&cfg, &r);
	ck_assert_uint_eq(r.live.main_state, ST_MDONE);
	ck_assert_uint_eq(r.h.n, r.live.events);
	ck_assert_int_eq(model_init(&step, cfg.nproc, cfg.nthread), 0);
	ck_assert_int_eq(model_init(&at, cfg.nproc, cfg.nthread), 0);
	/* Random cut points, in order, against a model stepped along. */
	applied = 0;
	for (round = 0; round < 12; round++) {
		k = (size_t)rand() % (r.h.n + 1);
		if (k < applied) {
			model_reset(&step);
			applied = 0;
		}
		for (; applied < k; applied++)
			ck_assert(model_apply(&step, history_at(&r.h, applied)));
		history_model_at(&r.h, k, &at);
		assert_same_model(&at, &step);
	}
	/* After the last event: the live model itself. */
	history_model_at(&r.h, r.h.n, &at);
	assert_same_model(&at, &r.live);
	model_free(&step);
	model_free(&at);
	model_free(&r.live);
	history_free(&r.h);
}
END_TEST

START_TEST(history_records_pauses_as_main_events)
{
	struct recorder r = { .pause = true };
	struct run_config cfg = { .nproc = 2, .nthread = 2,
	    .sleep_ns = 30000000, .seed = 5 };
	size_t k, stopped = 0, continued = 0;

	record_run(&cfg, &r);
	for (k = 0; k < r.h.n; k++) {
		const struct event *ev = history_at(&r.h, k);

		stopped += ev->state == ST_MSTOPPED && ev->proc == 0;
		continued += ev->state == ST_MCONTINUED && ev->proc == 0;
	}
	ck_assert_uint_eq(stopped, 1);
	ck_assert_uint_eq(continued, 1);
	ck_assert_uint_eq(r.live.stops, 1);
	ck_assert_uint_eq(r.live.bad, 0);
	ck_assert_uint_eq(r.live.main_state, ST_MDONE);
	model_free(&r.live);
	history_free(&r.h);
}
END_TEST

Suite *
history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");

	tcase_add_test(tc, history_keeps_every_event_in_order);
	tcase_add_loop_test(tc, history_model_at_k_is_the_model_of_k_events,
	    0, 24);
	tcase_add_test(tc, history_records_pauses_as_main_events);
	suite_add_tcase(s, tc);
	return s;
}
