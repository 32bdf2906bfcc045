/*
 * check_spawn.c: whole runs, through the real fork and rings, checked
 * event by event with the model.
 */
#include <sys/wait.h>

#include <check.h>
#include <dirent.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "../src/duration.h"
#include "../src/model.h"
#include "../src/model_query.h"
#include "../src/spawn.h"
#include "../src/steps.h"
#include "../src/work.h"
#include "suites.h"

struct seen {
	struct model	 m;
	uint64_t	 seed;
	uint64_t	 max_ns;
	unsigned	 kill_proc;	/* SIGKILL this process ... */
	unsigned	 kill_state;	/* ... when it reaches this state */
	struct run	*run;
	int		 wrong;		/* events out of order or plan */
	unsigned	 proc_done_before_threads;
	bool		 code;		/* every thread between running and
					   its end is on a line of its code */
	enum work	 work;
	unsigned	 off_code;	/* threads found on no line */
	bool		 kill_deadlocked;	/* SIGKILL each process once
					   its deadlock is found */
	unsigned	 killed;	/* bit i: process i was */
};

/* Count thread t if its state puts it on no line of its code, though it
   is running its body (neither new nor ended). */
static void
code_seen(struct seen *s, const struct model_thread *t)
{
	if (t->state != ST_NEW && t->t_done == 0 &&
	    work_code_at(s->work, t) < 0) {
		fprintf(stderr, "%s: %s (what %u, move %u) on no line\n",
		    work_name(s->work), state_name(t->state), t->what,
		    t->move);
		s->off_code++;
	}
}

static void
kill_deadlocked(struct seen *s)
{
	unsigned i;

	for (i = 1; i <= s->m.nproc && i < 32; i++)
		if (model_proc(&s->m, i)->cycle != 0 &&
		    !(s->killed & (1u << i))) {
			run_signal(s->run, i, SIGKILL);
			s->killed |= 1u << i;
		}
}

static void
sink(void *ctx, const struct event *ev)
{
	struct seen *s = ctx;
	const struct model_proc *p;

	if (!model_apply(&s->m, ev)) {
		s->wrong++;
		return;
	}
	if (ev->state == ST_SLEEPING &&
	    ev->sleep_ns != duration_ns(s->seed, ev->proc, ev->thread,
	    s->max_ns))
		s->wrong++;
	if (ev->state == ST_PDONE) {
		p = model_proc(&s->m, ev->proc);
		if (p->threads_ended != s->m.nthread)
			s->proc_done_before_threads++;
	}
	if (ev->proc == s->kill_proc && ev->state == s->kill_state &&
	    s->run != NULL)
		run_signal(s->run, s->kill_proc, SIGKILL);
	if (s->code && ev->proc >= 1 && ev->thread >= 1)
		code_seen(s, model_thread(&s->m, ev->proc, ev->thread));
	if (s->kill_deadlocked && s->run != NULL)
		kill_deadlocked(s);
}

/* Run cfg to the end (or fail after 20 s), with s seeing every event. */
static void
run_to_end(const struct run_config *cfg, struct seen *s)
{
	struct pollfd fds[RUN_NFDS];
	uint64_t deadline = now_ns() + 20000000000ull;

	ck_assert_int_eq(run_block_signals(), 0);
	ck_assert_int_eq(model_init(&s->m, cfg->nproc, cfg->nthread), 0);
	ck_assert_int_eq(model_work(&s->m, cfg), 0);
	s->seed = cfg->seed;
	s->max_ns = cfg->sleep_ns;
	s->run = run_start(cfg, sink, s);
	ck_assert_ptr_nonnull(s->run);
	/* "forked" came during run_start, before the run could be signalled. */
	if (s->kill_proc != 0 && s->kill_state == ST_FORKED)
		run_signal(s->run, s->kill_proc, SIGKILL);
	while (!run_finished(s->run)) {
		ck_assert_msg(now_ns() < deadline, "the run never ended");
		if (run_pump(s->run, 1024) > 0 || !run_may_sleep(s->run))
			continue;
		run_pollfds(s->run, fds);
		poll(fds, RUN_NFDS, 100);
		run_woke(s->run);
	}
	run_free(s->run);
	s->run = NULL;
}

/* Every workload has a few lines of code, and a real run of it puts each
   of its threads, at each of its events, on one of them. */
START_TEST(spawn_every_state_is_on_a_line_of_code)
{
	struct run_config cfg = { .nproc = 2, .nthread = 4,
	    .sleep_ns = 5000000, .seed = 7, .work = (enum work)_i,
	    .permits = 2, .iterations = 20, .slots = 2 };
	struct seen s = { .code = true, .work = (enum work)_i,
	    .kill_deadlocked = _i == WORK_DEADLOCK };

	ck_assert_uint_gt(work_code_lines(s.work), 0);
	ck_assert_uint_le(work_code_lines(s.work), WORK_CODE_MAX);
	run_to_end(&cfg, &s);
	ck_assert_uint_eq(s.m.bad, 0);
	ck_assert_uint_eq(s.off_code, 0);
	model_free(&s.m);
}
END_TEST

static void
assert_complete(const struct seen *s, unsigned p, unsigned t)
{
	ck_assert_uint_eq(s->wrong, 0);
	ck_assert_uint_eq(s->m.bad, 0);
	ck_assert_uint_eq(s->m.events, model_expected_events(p, t));
	ck_assert_uint_eq(s->m.threads_done, p * t);
	ck_assert_uint_eq(s->m.procs_in[ST_PDONE], p);
	ck_assert_uint_eq(s->m.main_state, ST_MDONE);
	ck_assert_uint_eq(s->proc_done_before_threads, 0);
}

START_TEST(spawn_run_delivers_every_event_in_order)
{
	struct run_config cfg = { .nproc = 5, .nthread = 3,
	    .sleep_ns = 20000000, .seed = 42 };
	struct seen s = { 0 };

	run_to_end(&cfg, &s);
	assert_complete(&s, 5, 3);
	model_free(&s.m);
}
END_TEST

/* Rings of 2 and 4 slots: producers wait, nothing is lost. */
START_TEST(spawn_tiny_rings_lose_nothing)
{
	struct run_config cfg = { .nproc = 16, .nthread = 32,
	    .sleep_ns = 0, .seed = 1, .ring_slots = _i ? 4 : 2 };
	struct seen s = { 0 };

	run_to_end(&cfg, &s);
	assert_complete(&s, 16, 32);
	model_free(&s.m);
}
END_TEST

START_TEST(spawn_64x64_delivers_every_event)
{
	struct run_config cfg = { .nproc = 64, .nthread = 64,
	    .sleep_ns = 1000000, .seed = 3 };
	struct seen s = { 0 };

	run_to_end(&cfg, &s);
	assert_complete(&s, 64, 64);
	model_free(&s.m);
}
END_TEST

/* A seed from `from` on whose process 3 sleeps at least a fifth of max in
   every thread, so that a kill sent when it starts sleeping lands first. */
static uint64_t
slow_seed(uint64_t from, uint64_t max)
{
	unsigned j;

	for (;; from++) {
		for (j = 1; j <= 3; j++)
			if (duration_ns(from, 3, j, max) < max / 5)
				break;
		if (j > 3)
			return from;
	}
}

/* A child killed at each stage of its life: the run still ends, the others
   finish, it is reported killed and its unfinished threads lost. */
START_TEST(spawn_killed_child_never_hangs_the_run)
{
	static const unsigned when[] = { ST_FORKED, ST_STARTING, ST_RUNNING,
	    ST_SLEEPING, ST_JOINING };
	unsigned round, i, lost;

	for (round = 0; round < 25; round++) {
		struct run_config cfg = { .nproc = 5, .nthread = 3,
		    .sleep_ns = 200000000,
		    .seed = slow_seed(round * 1000, 200000000),
		    .ring_slots = round % 2 ? 2 : 0 };
		struct seen s = { .kill_proc = 3,
		    .kill_state = when[round % 5] };

		run_to_end(&cfg, &s);
		ck_assert_uint_eq(s.wrong, 0);
		ck_assert_msg(model_proc(&s.m, 3)->state == ST_KILLED,
		    "round %u: process 3 is %s", round,
		    state_name(model_proc(&s.m, 3)->state));
		for (i = 1; i <= 5; i++)
			if (i != 3)
				ck_assert_uint_eq(model_proc(&s.m, i)->state,
				    ST_PDONE);
		lost = s.m.threads_in[ST_LOST];
		ck_assert_uint_eq(s.m.threads_done + lost, 15);
		ck_assert_uint_ge(lost, 1);
		ck_assert_uint_eq(s.m.main_state, ST_MDONE);
		model_free(&s.m);
	}
}
END_TEST

START_TEST(spawn_signal_reaches_only_live_children)
{
	struct run_config cfg = { .nproc = 2, .nthread = 1, .sleep_ns = 0,
	    .seed = 1 };
	struct seen s = { 0 };

	run_to_end(&cfg, &s);
	model_free(&s.m);
	ck_assert_int_eq(model_init(&s.m, 2, 1), 0);
	s.run = run_start(&cfg, sink, &s);
	ck_assert_ptr_nonnull(s.run);
	ck_assert_int_eq(run_signal(s.run, 9, SIGCONT), -1);
	ck_assert_int_gt(run_pid(s.run, 1), 0);
	ck_assert_int_eq(run_pid(s.run, 3), 0);
	run_free(s.run);
	model_free(&s.m);
}
END_TEST

/* A computing thread beats while it runs: its wall clock moves on between
   two looks and its CPU time grows, never past the wall time since the
   run began; its last beat holds all of its planned CPU time.  A run of
   another workload has no beats. */
START_TEST(spawn_computing_threads_beat)
{
	struct run_config cfg = { .nproc = 1, .nthread = 2,
	    .sleep_ns = 300000000, .seed = 1, .work = WORK_CPU };
	struct seen s = { 0 };
	uint64_t t0, deadline, w, c, last[3] = { 0 };
	unsigned j, moved[3] = { 0 };

	ck_assert_int_eq(run_block_signals(), 0);
	ck_assert_int_eq(model_init(&s.m, 1, 2), 0);
	s.seed = cfg.seed;
	s.max_ns = cfg.sleep_ns;
	t0 = now_ns();
	deadline = t0 + 20000000000ull;
	s.run = run_start(&cfg, sink, &s);
	ck_assert_ptr_nonnull(s.run);
	ck_assert(!run_beat(s.run, 1, 3, &w, &c));
	ck_assert(!run_beat(s.run, 2, 1, &w, &c));
	while (!run_finished(s.run)) {
		ck_assert_msg(now_ns() < deadline, "the run never ended");
		run_pump(s.run, 1024);
		for (j = 1; j <= 2; j++) {
			if (!run_beat(s.run, 1, j, &w, &c))
				continue;
			ck_assert_uint_ge(w, t0);
			ck_assert_uint_le(w, now_ns());
			ck_assert_uint_le(c, w - t0);
			if (w > last[j])
				moved[j]++;
			last[j] = w;
		}
		usleep(2000);
	}
	for (j = 1; j <= 2; j++) {
		ck_assert_msg(moved[j] >= 3, "thread %u beat %u times", j,
		    moved[j]);
		ck_assert(run_beat(s.run, 1, j, &w, &c));
		ck_assert_uint_ge(c, model_thread(&s.m, 1, j)->sleep_ns);
	}
	run_free(s.run);
	model_free(&s.m);
	cfg.work = WORK_SLEEP;
	ck_assert_int_eq(model_init(&s.m, 1, 2), 0);
	s.run = run_start(&cfg, sink, &s);
	ck_assert_ptr_nonnull(s.run);
	ck_assert(!run_beat(s.run, 1, 1, &w, &c));
	run_free(s.run);
	model_free(&s.m);
}
END_TEST

/* The kernel's state letter of process pid ("Z": a zombie), or '?'. */
static char
proc_letter(int pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if ((f = fopen(path, "r")) == NULL)
		return '?';
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' ? p[2] : '?';
}

/* Pump a run whose reaping is held until `n` processes are zombies (or
   fail after 10 s). */
static void
pump_to_zombies(struct seen *s, unsigned n)
{
	uint64_t deadline = now_ns() + 10000000000ull;
	struct pollfd fds[RUN_NFDS];

	while (s->m.procs_in[ST_ZOMBIE] < n) {
		ck_assert_msg(now_ns() < deadline, "%u zombies of %u",
		    s->m.procs_in[ST_ZOMBIE], n);
		if (run_pump(s->run, 1024) > 0 || !run_may_sleep(s->run))
			continue;
		run_pollfds(s->run, fds);
		poll(fds, RUN_NFDS, 100);
		run_woke(s->run);
	}
}

/* Reaping held: every child that ends stays a zombie, said once, and the
   loop may sleep (nothing signals again); released, each is reaped and
   the run ends as usual, one zombie event more per process. */
START_TEST(spawn_held_reaping_leaves_zombies)
{
	struct run_config cfg = { .nproc = 3, .nthread = 2,
	    .sleep_ns = 20000000, .seed = 7 };
	struct pollfd fds[RUN_NFDS];
	struct seen s = { 0 };
	unsigned i;
	int pid;

	ck_assert_int_eq(run_block_signals(), 0);
	ck_assert_int_eq(model_init(&s.m, 3, 2), 0);
	s.seed = cfg.seed;
	s.max_ns = cfg.sleep_ns;
	s.run = run_start(&cfg, sink, &s);
	ck_assert_ptr_nonnull(s.run);
	ck_assert_int_eq(run_hold_reaping(s.run, true), 0);
	pump_to_zombies(&s, 3);
	for (i = 1; i <= 3; i++) {
		pid = run_pid(s.run, i);
		ck_assert_int_gt(pid, 0);
		ck_assert_int_eq(proc_letter(pid), 'Z');
		ck_assert(!model_proc(&s.m, i)->reaped);
	}
	ck_assert_uint_eq(s.m.threads_done, 6);
	ck_assert_uint_ne(s.m.main_state, ST_MDONE);
	/* Nothing more to say, and nothing wakes the loop. */
	ck_assert_uint_eq(run_pump(s.run, 1024), 0);
	ck_assert(run_may_sleep(s.run));
	run_pollfds(s.run, fds);
	ck_assert_int_eq(poll(fds, RUN_NFDS, 200), 0);
	run_woke(s.run);
	ck_assert_uint_eq(run_pump(s.run, 1024), 0);
	/* A zombie cannot be signalled. */
	ck_assert_int_eq(run_signal(s.run, 0, SIGSTOP), -1);
	run_hold_reaping(s.run, false);
	run_pump(s.run, 1024);
	ck_assert(run_finished(s.run));
	ck_assert_uint_eq(s.wrong, 0);
	ck_assert_uint_eq(s.m.bad, 0);
	ck_assert_uint_eq(s.m.events, model_expected_events(3, 2) + 3);
	ck_assert_uint_eq(s.m.procs_in[ST_PDONE], 3);
	ck_assert_uint_eq(s.m.procs_reaped, 3);
	run_free(s.run);
	ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
	model_free(&s.m);
}
END_TEST

/* Freeing a run reaps its zombies: none is left behind. */
START_TEST(spawn_free_reaps_zombies)
{
	struct run_config cfg = { .nproc = 2, .nthread = 1, .sleep_ns = 0,
	    .seed = 1 };
	struct seen s = { 0 };
	int pid[2];

	ck_assert_int_eq(run_block_signals(), 0);
	ck_assert_int_eq(model_init(&s.m, 2, 1), 0);
	s.run = run_start(&cfg, sink, &s);
	ck_assert_ptr_nonnull(s.run);
	run_hold_reaping(s.run, true);
	pump_to_zombies(&s, 2);
	pid[0] = run_pid(s.run, 1);
	pid[1] = run_pid(s.run, 2);
	ck_assert_int_eq(proc_letter(pid[0]), 'Z');
	run_free(s.run);
	ck_assert_int_eq(kill(pid[0], 0), -1);
	ck_assert_int_eq(kill(pid[1], 0), -1);
	ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
	model_free(&s.m);
}
END_TEST

/* Open descriptors of this process. */
static unsigned
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	unsigned n = 0;

	ck_assert_ptr_nonnull(d);
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

/* Resident set size in KiB. */
static long
rss_kib(void)
{
	long pages = 0, rss = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fscanf(f, "%ld %ld", &pages, &rss), 2);
	fclose(f);
	return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Runs of the soak below: a thousand, but 250 under ASan, where each costs
   three times as much and the thousand came near the 120 s timeout. */
#ifdef __SANITIZE_ADDRESS__
#define SOAK_RUNS	250
#else
#define SOAK_RUNS	1000
#endif

/* A soak: a thousand runs in one process, as the screen's rerun key does.
   Descriptors, memory and children stay flat. */
START_TEST(spawn_thousand_runs_leave_nothing_behind)
{
	struct run_config cfg = { .nproc = 5, .nthread = 3, .sleep_ns = 0 };
	unsigned i, fds = 0;
	long rss = 0;

	for (i = 0; i < SOAK_RUNS; i++) {
		struct seen s = { 0 };

		cfg.seed = i;
		run_to_end(&cfg, &s);
		assert_complete(&s, 5, 3);
		model_free(&s.m);
		/* Every child was reaped: none is left to wait for. */
		ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
		if (i == 50) {
			fds = count_fds();
			rss = rss_kib();
		}
	}
	ck_assert_uint_eq(count_fds(), fds);
#ifndef __SANITIZE_ADDRESS__	/* its quarantine keeps freed memory */
	ck_assert_msg(rss_kib() - rss <= 256, "RSS grew from %ld to %ld KiB",
	    rss, rss_kib());
#else
	(void)rss;
#endif
}
END_TEST

/* Step mode, a run of each workload stepped by a random room: a thread
   stands at its gate until it is let go, makes one move, and its first
   event after it is on the line the code pane marked as its next (or,
   for a lock taken at once, the line after it -- the sleep it holds the
   lock for; for a put that must wait, the wait just before it); a move
   that ends the thread was marked on a line of no state (an unlock, a
   loop's end) or on none.  Every gate is passed by a grant. */
struct stepper {
	struct seen	 s;
	unsigned	 proc, thread;	/* let go, its move not seen yet */
	int		 next;		/* the line marked for it */
	unsigned	 iterations;
	unsigned	 gates, moves, wrong_line;
	unsigned	 lost;		/* moves let go, their process killed */
};

static void
step_sink(void *ctx, const struct event *ev)
{
	struct stepper *st = ctx;
	const struct model_thread *t;
	int at;

	sink(&st->s, ev);
	if (ev->state == ST_GATE)
		st->gates++;
	/* A deadlocked process killed: the move let go never comes. */
	if (ev->proc == st->proc && ev->thread == 0 &&
	    (ev->state == ST_KILLED || ev->state == ST_FAILED)) {
		st->proc = st->thread = 0;
		st->lost++;
	}
	if (ev->proc != st->proc || ev->thread != st->thread || st->proc == 0 ||
	    ev->state == ST_GATE)
		return;
	t = model_thread(&st->s.m, ev->proc, ev->thread);
	at = work_code_at(st->s.work, t);
	/* A consumer of the queue marked to take may find every item taken
	   by another woken meanwhile, a move the model had not seen yet. */
	if (t->t_done != 0 && st->s.m.slots > 0 &&
	    st->s.m.takes >= st->s.m.items)
		;
	else if (t->t_done != 0 ? st->next >= 0 &&
	    work_code_at_any(st->s.work, (unsigned)st->next) :
	    at < st->next - 1 || at > st->next + 1) {
		fprintf(stderr, "%s: P%u T%u marked line %d, its move went to "
		    "line %d (%s)\n", work_name(st->s.work), ev->proc,
		    ev->thread, st->next, at, state_name(t->state));
		st->wrong_line++;
	}
	st->proc = st->thread = 0;
	st->moves++;
}

/* Let a thread at its gate make its move, chosen by r: 1 if one was. */
static int
step_one(struct stepper *st, uint64_t *r)
{
	const struct model *m = &st->s.m;
	const struct model_thread *t;
	unsigned n = m->nproc * m->nthread, k, i, j, c;

	*r = *r * 6364136223846793005u + 1442695040888963407u;
	for (c = 0; c < n; c++) {
		k = (unsigned)((*r >> 33) + c) % n;
		i = k / m->nthread + 1;
		j = k % m->nthread + 1;
		t = model_thread(m, i, j);
		if (!t->gated || !run_step_waiting(st->s.run, i, j))
			continue;
		st->next = work_code_next(st->s.work, m, i, j,
		    st->iterations);
		ck_assert(run_step(st->s.run, i, j));
		st->proc = i;
		st->thread = j;
		return 1;
	}
	return 0;
}

START_TEST(spawn_stepped_moves_go_where_the_code_pane_said)
{
	struct run_config cfg = { .nproc = 2, .nthread = 3,
	    .sleep_ns = 2000000000, .seed = 11, .work = (enum work)_i,
	    .permits = 2, .iterations = 3, .slots = 2, .steps = STEPS_ON };
	struct stepper st = { .s = { .work = (enum work)_i,
	    .kill_deadlocked = _i == WORK_DEADLOCK }, .iterations = 3 };
	struct pollfd fds[RUN_NFDS];
	uint64_t deadline = now_ns() + 60000000000ull, r = 5 + (uint64_t)_i;

	ck_assert_int_eq(run_block_signals(), 0);
	ck_assert_int_eq(model_init(&st.s.m, cfg.nproc, cfg.nthread), 0);
	ck_assert_int_eq(model_work(&st.s.m, &cfg), 0);
	st.s.seed = cfg.seed;
	st.s.max_ns = cfg.sleep_ns;
	st.s.run = run_start(&cfg, step_sink, &st);
	ck_assert_ptr_nonnull(st.s.run);
	while (!run_finished(st.s.run)) {
		ck_assert_msg(now_ns() < deadline, "the stepped run never "
		    "ended");
		if (run_pump(st.s.run, 1024) > 0)
			continue;
		if (st.proc == 0 && step_one(&st, &r))
			continue;
		if (!run_may_sleep(st.s.run))
			continue;
		run_pollfds(st.s.run, fds);
		poll(fds, RUN_NFDS, 5);
		run_woke(st.s.run);
	}
	ck_assert_uint_eq(run_step_grants(st.s.run), st.moves + st.lost);
	run_free(st.s.run);
	ck_assert_uint_eq(st.s.m.bad, 0);
	ck_assert_uint_eq(st.wrong_line, 0);
	/* Sleeps of 2 s each took none: a move is a move. */
	ck_assert_uint_gt(st.gates, cfg.nproc * cfg.nthread);
	model_free(&st.s.m);
}
END_TEST

Suite *
spawn_suite(void)
{
	Suite *s = suite_create("spawn");
	TCase *tc = tcase_create("spawn");

	/* The soak takes 17 s on an idle machine: room for a busy one. */
	tcase_set_timeout(tc, 180);
	tcase_add_test(tc, spawn_run_delivers_every_event_in_order);
	tcase_add_loop_test(tc, spawn_tiny_rings_lose_nothing, 0, 2);
	tcase_add_test(tc, spawn_64x64_delivers_every_event);
	tcase_add_test(tc, spawn_killed_child_never_hangs_the_run);
	tcase_add_test(tc, spawn_signal_reaches_only_live_children);
	tcase_add_test(tc, spawn_held_reaping_leaves_zombies);
	tcase_add_test(tc, spawn_free_reaps_zombies);
	tcase_add_test(tc, spawn_computing_threads_beat);
	tcase_add_test(tc, spawn_thousand_runs_leave_nothing_behind);
	tcase_add_loop_test(tc, spawn_stepped_moves_go_where_the_code_pane_said,
	    0, WORK_COUNT);
	tcase_add_loop_test(tc, spawn_every_state_is_on_a_line_of_code, 0,
	    WORK_COUNT);
	suite_add_tcase(s, tc);
	return s;
}
