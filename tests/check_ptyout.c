/*
 * check_ptyout.c: a traced program on a terminal of its own (source_traced
 * with TRACER_OUT_PTY): it sees a terminal, of the size it was given, and
 * reads what is typed to it; what it writes comes out as lines, in order,
 * each timed on the events' clock, a last line with no newline too, and a
 * flood loses only its oldest lines, counted, in bounded memory; the
 * lines' text is what a log pane can show.
 */
#include <sys/resource.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/event.h"
#include "../src/ptyout.h"
#include "../src/source.h"
#include "suites.h"

#define DEADLINE_NS	60000000000ull	/* a run's end, however busy */
#define MAX_LINES	64
#define WAKE_MS		20000	/* a poll's wait for what is due, at most */

/* What a traced run told: when it started and ended, its first event's
   time, its lines. */
struct got {
	uint64_t	 first, last;	/* the run's start and end, now_ns() */
	uint64_t	 t0;		/* its first event's time */
	unsigned	 nlines;
	char		 line[MAX_LINES][PTYOUT_LINE];
	uint64_t	 t[MAX_LINES];
	uint64_t	 popped;	/* all lines taken, kept or not */
	char		 newest[PTYOUT_LINE];	/* the last taken */
};

static void
sink(void *ctx, const struct event *ev)
{
	struct got *g = ctx;

	if (g->t0 == 0)
		g->t0 = ev->t_ns;
}

/* Take the lines waiting, the first MAX_LINES kept. */
static void
take(struct source *s, struct got *g)
{
	char line[PTYOUT_LINE];
	uint64_t t;

	while (source_output(s, line, sizeof(line), &t)) {
		if (g->nlines < MAX_LINES) {
			snprintf(g->line[g->nlines], PTYOUT_LINE, "%s", line);
			g->t[g->nlines++] = t;
		}
		snprintf(g->newest, PTYOUT_LINE, "%s", line);
		g->popped++;
	}
}

/* One turn of a front end's loop: pump, take the lines, sleep in poll
   if the source says so. */
static void
turn(struct source *s, struct got *g, bool keep)
{
	struct pollfd fds[SOURCE_NFDS];
	int n;

	ck_assert_uint_lt(now_ns(), g->first + DEADLINE_NS);
	source_pump(s, 4096);
	if (keep)
		take(s, g);
	if (source_finished(s) || (n = source_arm(s, fds)) < 0)
		return;
	/* Something is always due: a stop, a death, output, or a line
	   with no newline to hand out; the source's descriptors wake the
	   loop for each, well within the deadline. */
	ck_assert_int_gt(n, 0);
	ck_assert_int_gt(poll(fds, (nfds_t)n, WAKE_MS), 0);
	source_woke(s);
}

/* `sh -c script` on a terminal of its own, rows x cols if rows. */
static struct source *
start(const char *script, struct got *g, unsigned rows, unsigned cols)
{
	static char sh[] = "sh", c[] = "-c", body[256];
	char *argv[] = { sh, c, body, NULL };
	char why[256];
	struct source *s;

	snprintf(body, sizeof(body), "%s", script);
	ck_assert_int_eq(run_block_signals(), 0);
	s = source_traced(argv, TRACER_OUT_PTY, sink, g, why, sizeof(why));
	ck_assert_msg(s != NULL, "%s", why);
	g->first = now_ns();
	if (rows > 0)
		ck_assert_int_eq(source_resize(s, rows, cols), 0);
	return s;
}

/* Run the script to its end, its lines in g. */
static void
run(const char *script, struct got *g, unsigned rows, unsigned cols)
{
	struct source *s = start(script, g, rows, cols);

	while (!source_finished(s))
		turn(s, g, true);
	g->last = now_ns();
	take(s, g);
	source_free(s);
}

/* Descriptors above stdio's open on a terminal's slave side. */
static unsigned
slaves_held(void)
{
	char path[300], target[64];
	struct dirent *d;
	unsigned n = 0;
	ssize_t len;
	DIR *dir = opendir("/proc/self/fd");

	ck_assert_ptr_nonnull(dir);
	while ((d = readdir(dir)) != NULL) {
		if (atoi(d->d_name) <= 2)
			continue;
		snprintf(path, sizeof(path), "/proc/self/fd/%s", d->d_name);
		len = readlink(path, target, sizeof(target) - 1);
		target[len > 0 ? len : 0] = '\0';
		n += strncmp(target, "/dev/pts/", 9) == 0;
	}
	closedir(dir);
	return n;
}

/* Descriptors open. */
static unsigned
fds_open(void)
{
	struct dirent *d;
	unsigned n = 0;
	DIR *dir = opendir("/proc/self/fd");

	ck_assert_ptr_nonnull(dir);
	while ((d = readdir(dir)) != NULL)
		n += d->d_name[0] != '.';
	closedir(dir);
	return n;
}

/* stdin, stdout and stderr are a terminal; out and err come as lines in
   the order written; the last, with no newline, at the end; each timed
   on the events' clock, in order, from the run's first event (the
   program runs only after it) to its end (its output is read to the end
   after its last event). */
START_TEST(pty_program_sees_a_terminal_and_its_lines_come_in_order)
{
	static struct got g;
	unsigned i, before = fds_open();

	run("test -t 0 && test -t 1 && test -t 2 && echo tty; echo out; "
	    "echo err >&2; printf last", &g, 0, 0);
	ck_assert_uint_gt(g.t0, 0);
	ck_assert_uint_eq(g.nlines, 4);
	ck_assert_str_eq(g.line[0], "tty");
	ck_assert_str_eq(g.line[1], "out");
	ck_assert_str_eq(g.line[2], "err");
	ck_assert_str_eq(g.line[3], "last");
	for (i = 0; i < g.nlines; i++) {
		ck_assert_uint_ge(g.t[i], g.t0);
		ck_assert_uint_le(g.t[i], g.last);
		if (i > 0)
			ck_assert_uint_ge(g.t[i], g.t[i - 1]);
	}
	ck_assert_uint_eq(fds_open(), before);
}
END_TEST

/* ptviz keeps no slave side: the program's end is the terminal's. */
START_TEST(pty_slave_side_is_the_programs_alone)
{
	static struct got g;
	struct source *s = start("read x; echo \"got $x\"", &g, 0, 0);

	ck_assert_uint_eq(slaves_held(), 0);
	ck_assert_int_eq(source_input(s, "y\n", 2), 2);
	while (!source_finished(s))
		turn(s, &g, true);
	source_free(s);
}
END_TEST

/* A prompt with no newline is handed out while the program waits for
   its answer; what is typed reaches it, echoed as a terminal does. */
START_TEST(pty_prompt_is_a_line_and_input_reaches_the_program)
{
	static struct got g;
	struct source *s = start("printf 'name? '; read x; echo \"hi $x\"",
	    &g, 0, 0);

	while (g.nlines == 0 && !source_finished(s))
		turn(s, &g, true);
	ck_assert_uint_eq(g.nlines, 1);
	ck_assert_str_eq(g.line[0], "name? ");
	ck_assert(!source_finished(s));
	ck_assert_int_eq(source_input(s, "bob\n", 4), 4);
	while (!source_finished(s))
		turn(s, &g, true);
	take(s, &g);
	source_free(s);
	ck_assert_uint_eq(g.nlines, 3);
	ck_assert_str_eq(g.line[1], "bob");
	ck_assert_str_eq(g.line[2], "hi bob");
}
END_TEST

/* The size given is the one the program sees. */
START_TEST(pty_size_is_seen_by_the_program)
{
	static struct got g;

	run("stty size", &g, 30, 100);
	ck_assert_uint_eq(g.nlines, 1);
	ck_assert_str_eq(g.line[0], "30 100");
}
END_TEST

/* 10 MB of "y" lines taken by no one: at most PTYOUT_LINES wait, the
   rest are counted as dropped (more if a line was cut while its writer
   waited), and the memory does not grow with them; the newest are the
   ones kept. */
START_TEST(pty_flood_keeps_the_newest_lines_in_bounded_memory)
{
	static struct got g;
	struct rusage before, after;
	struct source *s;

	getrusage(RUSAGE_SELF, &before);
	s = start("yes | head -c 10000000; echo end", &g, 0, 0);
	while (!source_finished(s))
		turn(s, &g, false);
	ck_assert_uint_ge(source_output_dropped(s), 5000001 - PTYOUT_LINES);
	take(s, &g);
	source_free(s);
	getrusage(RUSAGE_SELF, &after);
	ck_assert_uint_eq(g.popped, PTYOUT_LINES);
	ck_assert_str_eq(g.line[0], "y");
	ck_assert_str_eq(g.newest, "end");
	ck_assert_uint_lt((unsigned long)(after.ru_maxrss - before.ru_maxrss),
	    8192);
}
END_TEST

/* What a log pane gets of a terminal's bytes: colours, cursor moves and
   a title dropped, even cut between two reads; CR gone, a tab a space,
   other control characters in caret notation, UTF-8 kept; a long line cut
   between two characters. */
START_TEST(pty_bytes_become_text_a_pane_can_show)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "\x1b[1;31mred\x1b[0m plain\r\n", "red plain" },
		{ "\x1b]0;a title\x07" "after\n", "after" },
		{ "\x1b]2;st\x1b\\" "x\x1b(By\x1b" "7z\n", "xyz" },
		{ "a\tb\x07" "c\x7f\n", "a b^Gc^?" },
		{ "caf\xc3\xa9 \xe2\x9c\x93\n", "caf\xc3\xa9 \xe2\x9c\x93" },
		{ "\n", "" },
	};
	static const char *cut[] = { "1\x1b[3", "8;5;2mb\x1b]0;t",
	    "itle\x07" "2\n" };
	char line[PTYOUT_LINE], long_line[PTYOUT_LINE + 8];
	struct ptyout *p;
	uint64_t t;
	size_t i;
	int tty;

	ck_assert_ptr_nonnull(p = ptyout_open(&tty));
	close(tty);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ptyout_take(p, cases[i].in, strlen(cases[i].in), 10 + i);
		ck_assert(ptyout_pop(p, line, sizeof(line), &t));
		ck_assert_str_eq(line, cases[i].want);
		ck_assert_uint_eq(t, 10 + i);
	}
	/* A sequence cut between two reads. */
	for (i = 0; i < 3; i++)
		ptyout_take(p, cut[i], strlen(cut[i]), 1 + i);
	ck_assert(ptyout_pop(p, line, sizeof(line), &t));
	ck_assert_str_eq(line, "1b2");
	ck_assert_uint_eq(t, 1);
	/* A 2-byte character across the cut goes whole to the next. */
	memset(long_line, 'x', PTYOUT_LINE - 2);
	memcpy(long_line + PTYOUT_LINE - 2, "\xc3\xa9z\n", 4);
	ptyout_take(p, long_line, PTYOUT_LINE + 2, 4);
	ck_assert(ptyout_pop(p, line, sizeof(line), &t));
	ck_assert_uint_eq(strlen(line), PTYOUT_LINE - 2);
	ck_assert(ptyout_pop(p, line, sizeof(line), &t));
	ck_assert_str_eq(line, "\xc3\xa9z");
	ck_assert(!ptyout_pop(p, line, sizeof(line), &t));
	ptyout_free(p);
}
END_TEST

/* A line with no newline wakes the poll on its own after a while, and is
   handed out then: a prompt shows however quiet the rest of the program
   is. */
START_TEST(pty_line_without_newline_wakes_the_loop)
{
	struct pollfd pfd = { .events = POLLIN };
	char line[16];
	struct ptyout *p;
	uint64_t t, t0;
	int tty;

	ck_assert_ptr_nonnull(p = ptyout_open(&tty));
	ck_assert_int_eq(write(tty, "name? ", 6), 6);
	pfd.fd = ptyout_fd(p);
	ck_assert_int_gt(poll(&pfd, 1, WAKE_MS), 0);
	t0 = now_ns();
	ck_assert_uint_eq(ptyout_read(p, t0, false), 0);
	while (!ptyout_pop(p, line, sizeof(line), &t)) {
		ck_assert_int_gt(poll(&pfd, 1, WAKE_MS), 0);
		ptyout_read(p, now_ns(), false);
	}
	ck_assert_str_eq(line, "name? ");
	ck_assert_uint_ge(now_ns() - t0, PTYOUT_PARTIAL_NS);
	ck_assert(!ptyout_done(p));
	close(tty);
	ptyout_free(p);
}
END_TEST

/* A source with no terminal has no lines, takes no input, has no size. */
START_TEST(pty_none_for_a_program_on_ptvizs_streams)
{
	static char true_[] = "true";
	char *argv[] = { true_, NULL };
	static struct got g;
	struct source *s;
	char why[256], line[8];
	uint64_t t;

	ck_assert_int_eq(run_block_signals(), 0);
	s = source_traced(argv, TRACER_OUT_STDERR, sink, &g, why,
	    sizeof(why));
	ck_assert_msg(s != NULL, "%s", why);
	g.first = now_ns();
	errno = 0;
	ck_assert_int_eq(source_input(s, "x", 1), -1);
	ck_assert_int_eq(errno, ENOTSUP);
	ck_assert_int_eq(source_resize(s, 10, 10), -1);
	while (!source_finished(s))
		turn(s, &g, true);
	ck_assert(!source_output(s, line, sizeof(line), &t));
	ck_assert_uint_eq(source_output_dropped(s), 0);
	source_free(s);
}
END_TEST

Suite *
ptyout_suite(void)
{
	Suite *s = suite_create("ptyout");
	TCase *tc = tcase_create("ptyout");

	tcase_add_test(tc, pty_bytes_become_text_a_pane_can_show);
	tcase_add_test(tc, pty_program_sees_a_terminal_and_its_lines_come_in_order);
	tcase_add_test(tc, pty_slave_side_is_the_programs_alone);
	tcase_add_test(tc, pty_prompt_is_a_line_and_input_reaches_the_program);
	tcase_add_test(tc, pty_size_is_seen_by_the_program);
	tcase_add_test(tc, pty_flood_keeps_the_newest_lines_in_bounded_memory);
	tcase_add_test(tc, pty_line_without_newline_wakes_the_loop);
	tcase_add_test(tc, pty_none_for_a_program_on_ptvizs_streams);
	suite_add_tcase(s, tc);
	return s;
}
