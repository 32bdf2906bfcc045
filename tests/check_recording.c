/*
 * check_recording.c: reading a recording back -- a good one event for
 * event and byte for byte, and every kind of bad one refused with its line
 * and what is wrong.  The file-level cases (a directory, /dev/zero, a
 * missing file) are in tests/e2e/replay_bad_files.sh.
 */
#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/event.h"
#include "../src/history.h"
#include "../src/jsonl.h"
#include "../src/model.h"
#include "../src/model_query.h"
#include "../src/quickline.h"
#include "../src/recording.h"
#include "../src/recwhole.h"
#include "../src/spans.h"
#include "../src/trace.h"
#include "suites.h"

/* A whole run of one process with one thread, as --json writes it. */
static const char *const good[] = {
	"{\"event\":\"run\",\"format\":\"ptviz\",\"version\":3,\"processes\":1,"
	"\"threads\":1,\"sleep_s\":0.100000000,\"seed\":18446744073709551615,"
	"\"work\":\"sleep\",\"cpus\":2}",
	"{\"t_ns\":0,\"event\":\"running\",\"proc\":0,\"thread\":0,\"pid\":10,"
	"\"tid\":10}",
	"{\"t_ns\":100,\"event\":\"forked\",\"proc\":1,\"thread\":0,\"pid\":11,"
	"\"tid\":11}",
	"{\"t_ns\":200,\"event\":\"starting\",\"proc\":1,\"thread\":0,"
	"\"pid\":11,\"tid\":11}",
	"{\"t_ns\":300,\"event\":\"running\",\"proc\":1,\"thread\":1,"
	"\"pid\":11,\"tid\":12}",
	"{\"t_ns\":400,\"event\":\"sleeping\",\"proc\":1,\"thread\":1,"
	"\"pid\":11,\"tid\":12,\"sleep_ns\":50000000}",
	"{\"t_ns\":500,\"event\":\"joining\",\"proc\":1,\"thread\":0,"
	"\"pid\":11,\"tid\":11}",
	"{\"t_ns\":600,\"event\":\"stopped\",\"proc\":0,\"thread\":0,"
	"\"pid\":10,\"tid\":10}",
	"{\"t_ns\":700,\"event\":\"continued\",\"proc\":0,\"thread\":0,"
	"\"pid\":10,\"tid\":10}",
	"{\"t_ns\":50000500,\"event\":\"done\",\"proc\":1,\"thread\":1,"
	"\"pid\":11,\"tid\":12}",
	"{\"t_ns\":50000600,\"event\":\"done\",\"proc\":1,\"thread\":0,"
	"\"pid\":11,\"tid\":11}",
	"{\"t_ns\":50000700,\"event\":\"exited\",\"proc\":1,\"thread\":0,"
	"\"pid\":11,\"tid\":11,\"status\":0}",
	"{\"t_ns\":50000800,\"event\":\"done\",\"proc\":0,\"thread\":0,"
	"\"pid\":10,\"tid\":10}",
};
#define NGOOD	(sizeof(good) / sizeof(good[0]))

/* The good recording with line `n` (1-based; 0: none) replaced by `with`
   (NULL: left out), and `extra` added after line `after` (0: none). */
static char *
text(unsigned n, const char *with, unsigned after, const char *extra)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	for (i = 1; i <= NGOOD; i++) {
		if (i != n)
			fprintf(fp, "%s\n", good[i - 1]);
		else if (with != NULL)
			fprintf(fp, "%s\n", with);
		if (i == after)
			fprintf(fp, "%s\n", extra);
	}
	fclose(fp);
	return buf;
}

/* r written again as JSON lines (to free). */
static char *
write_back(const struct recwhole *r)
{
	char *out = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&out, &len);

	ck_assert_ptr_nonnull(fp);
	jsonl_run(fp, &r->cfg);
	for (i = 0; i < r->n; i++)
		jsonl_event(fp, RECORDING_T0, &r->events[i]);
	fclose(fp);
	return out;
}

static int
parse(const char *s, struct recwhole *r, char *err, size_t errlen)
{
	return recwhole_read(r, "run.jsonl", s, strlen(s), err, errlen);
}

/* s reads as a recording and writes back as the same bytes. */
static void
assert_round_trip(const char *s)
{
	struct recwhole r = { 0 };
	char err[256], *out;

	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	out = write_back(&r);
	ck_assert_str_eq(out, s);
	recwhole_free(&r);
	free(out);
}

START_TEST(recording_reads_every_event)
{
	char *s = text(0, NULL, 0, NULL), err[256];
	struct recwhole r = { 0 };

	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), 0);
	ck_assert_uint_eq(r.n, NGOOD - 1);
	ck_assert_uint_eq(r.cfg.nproc, 1);
	ck_assert_uint_eq(r.cfg.nthread, 1);
	ck_assert_uint_eq(r.cfg.sleep_ns, 100000000);
	ck_assert_uint_eq(r.cfg.seed, UINT64_MAX);	/* past int64 */
	ck_assert_uint_eq(r.cut_line, 0);
	ck_assert_uint_eq(r.events[0].t_ns, RECORDING_T0);
	ck_assert_uint_eq(r.events[0].state, ST_MRUNNING);
	ck_assert_uint_eq(r.events[4].state, ST_SLEEPING);
	ck_assert_uint_eq(r.events[4].sleep_ns, 50000000);
	ck_assert_int_eq(r.events[4].tid, 12);
	ck_assert_uint_eq(r.events[10].state, ST_EXITED);
	ck_assert_int_eq(r.events[10].wstatus, 0);
	recwhole_free(&r);
	free(s);
}
END_TEST

/* A recording of version 1, before workloads, reads as the sleep
   workload. */
START_TEST(recording_reads_version_1)
{
	char *s = text(1, "{\"event\":\"run\",\"format\":\"ptviz\","
	    "\"version\":1,\"processes\":1,\"threads\":1,\"sleep_s\":0.1,"
	    "\"seed\":3}", 0, NULL), err[256];
	struct recwhole r = { 0 };

	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(r.cfg.work, WORK_SLEEP);
	ck_assert_uint_eq(r.n, NGOOD - 1);
	recwhole_free(&r);
	free(s);
}
END_TEST

/* Written again, a recording is the same bytes. */
START_TEST(recording_writes_back_the_same_bytes)
{
	char *s = text(0, NULL, 0, NULL);

	assert_round_trip(s);
	free(s);
}
END_TEST

/* Every way a process can end reads back as it was written. */
START_TEST(recording_keeps_how_processes_end)
{
	static const char *const ends[] = {
		"\"event\":\"killed\",\"proc\":1,\"thread\":0,\"pid\":11,"
		"\"tid\":11,\"signal\":\"SIGKILL\"}",
		"\"event\":\"failed\",\"proc\":1,\"thread\":0,\"pid\":11,"
		"\"tid\":11,\"status\":3}",
		"\"event\":\"killed\",\"proc\":1,\"thread\":0,\"pid\":11,"
		"\"tid\":11,\"signal\":\"SIGUNKNOWN\"}",
	};
	char line[256], *s;
	size_t i;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		snprintf(line, sizeof(line), "{\"t_ns\":50000700,%s", ends[i]);
		s = text(12, line, 0, NULL);
		assert_round_trip(s);
		free(s);
	}
}
END_TEST

/* A process that was a zombie (the screen held reaping) reads back as
   one, and its reaping after. */
START_TEST(recording_keeps_a_zombie)
{
	char *s = text(0, NULL, 11, "{\"t_ns\":50000650,\"event\":"
	    "\"zombie\",\"proc\":1,\"thread\":0,\"pid\":11,\"tid\":11}"),
	    err[256];
	struct recwhole r = { 0 };

	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(r.n, NGOOD);
	ck_assert_uint_eq(r.events[10].state, ST_ZOMBIE);
	ck_assert_uint_eq(r.events[11].state, ST_EXITED);
	recwhole_free(&r);
	assert_round_trip(s);
	free(s);
}
END_TEST

/* A last line cut short is skipped, and said; the rest is read. */
START_TEST(recording_skips_a_cut_last_line)
{
	char *s = text(0, NULL, 0, NULL), err[256];
	struct recwhole r = { 0 };
	size_t len = strlen(s);

	/* Cut in the middle of the last line: no newline, half its JSON. */
	len -= strlen(good[NGOOD - 1]) / 2 + 1;
	ck_assert_int_eq(recwhole_read(&r, "run.jsonl", s, len, err,
	    sizeof(err)), 0);
	ck_assert_uint_eq(r.cut_line, NGOOD);
	ck_assert_uint_eq(r.n, NGOOD - 2);
	ck_assert(r.cut);
	recwhole_free(&r);
	/* A whole last line without its newline is not cut. */
	ck_assert_int_eq(recwhole_read(&r, "run.jsonl", s, strlen(s) - 1,
	    err, sizeof(err)), 0);
	ck_assert_uint_eq(r.cut_line, 0);
	ck_assert_uint_eq(r.n, NGOOD - 1);
	ck_assert(!r.cut);
	recwhole_free(&r);
	/* Nothing to replay before a cut first line: refused. */
	ck_assert_int_eq(recwhole_read(&r, "run.jsonl", s, 30, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "run.jsonl: line 1: cut short before the end "
	    "of its JSON");
	free(s);
}
END_TEST

/* A byte-order mark before the first line, and blank lines at the end,
   are let be. */
START_TEST(recording_takes_a_bom_and_blank_lines_at_the_end)
{
	char *s = text(0, NULL, 0, NULL), *t, err[256];
	struct recwhole r = { 0 };

	ck_assert_int_ne(asprintf(&t, "\xef\xbb\xbf%s\n \r\n\t\n", s), -1);
	ck_assert_msg(parse(t, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(r.n, NGOOD - 1);
	ck_assert(!r.cut);
	recwhole_free(&r);
	free(t);
	free(s);
}
END_TEST

/* A run without the main process's end was cut there: read, and said. */
START_TEST(recording_says_a_run_was_cut)
{
	char *s = text(NGOOD, NULL, 0, NULL), err[256];
	struct recwhole r = { 0 };

	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(r.n, NGOOD - 2);
	ck_assert_uint_eq(r.cut_line, 0);
	ck_assert(r.cut);
	recwhole_free(&r);
	free(s);
}
END_TEST

/*
 * Two processes of one thread each take a run-wide object: Process-1's
 * thread holds it from 400 to 1400 ns, Process-2's from `second` ns; the
 * lines as the main process may take them, Process-2's holding before
 * Process-1's done (their rings are read in turn).
 */
static char *
two_holders(const char *work, const char *holds, unsigned second)
{
	char *s;

	ck_assert_int_ne(asprintf(&s,
	    "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":2,"
	    "\"processes\":2,\"threads\":1,\"sleep_s\":0.1,\"seed\":1,"
	    "\"work\":\"%s\"%s}\n"
	    "{\"t_ns\":0,\"event\":\"running\",\"proc\":0,\"thread\":0,"
	    "\"pid\":10,\"tid\":10}\n"
	    "{\"t_ns\":100,\"event\":\"forked\",\"proc\":1,\"thread\":0,"
	    "\"pid\":11,\"tid\":11}\n"
	    "{\"t_ns\":110,\"event\":\"forked\",\"proc\":2,\"thread\":0,"
	    "\"pid\":21,\"tid\":21}\n"
	    "{\"t_ns\":200,\"event\":\"starting\",\"proc\":1,\"thread\":0,"
	    "\"pid\":11,\"tid\":11}\n"
	    "{\"t_ns\":210,\"event\":\"starting\",\"proc\":2,\"thread\":0,"
	    "\"pid\":21,\"tid\":21}\n"
	    "{\"t_ns\":300,\"event\":\"running\",\"proc\":1,\"thread\":1,"
	    "\"pid\":11,\"tid\":12}\n"
	    "{\"t_ns\":310,\"event\":\"running\",\"proc\":2,\"thread\":1,"
	    "\"pid\":21,\"tid\":22}\n"
	    "{\"t_ns\":400,\"event\":\"holding\",\"proc\":1,\"thread\":1,"
	    "\"pid\":11,\"tid\":12,\"holds\":\"%s\",\"object\":0,"
	    "\"hold_ns\":1000}\n"
	    "{\"t_ns\":%u,\"event\":\"holding\",\"proc\":2,\"thread\":1,"
	    "\"pid\":21,\"tid\":22,\"holds\":\"%s\",\"object\":0,"
	    "\"hold_ns\":100}\n"
	    "{\"t_ns\":1400,\"event\":\"done\",\"proc\":1,\"thread\":1,"
	    "\"pid\":11,\"tid\":12}\n"
	    "{\"t_ns\":1600,\"event\":\"done\",\"proc\":2,\"thread\":1,"
	    "\"pid\":21,\"tid\":22}\n",
	    work, strcmp(work, "semaphore") == 0 ? ",\"permits\":1" : "",
	    holds, second, holds), -1);
	return s;
}

/* Thread 1 of process p of race-locked: holds from `t`, updates the
   counter from r, lets go at t + 40. */
static void
locked_update(FILE *fp, unsigned p, unsigned t, unsigned r)
{
	static const char *const moves[] = { "read", "add", "write",
	    "unlock" };
	unsigned k;

	fprintf(fp, "{\"t_ns\":%u,\"event\":\"holding\",\"proc\":%u,"
	    "\"thread\":1,\"pid\":%u,\"tid\":%u,\"holds\":"
	    "\"global-mutex\",\"object\":0,\"hold_ns\":0}\n", t, p,
	    p * 10 + 1, p * 10 + 2);
	for (k = 0; k < 4; k++)
		fprintf(fp, "{\"t_ns\":%u,\"event\":\"move\",\"proc\":%u,"
		    "\"thread\":1,\"pid\":%u,\"tid\":%u,\"move\":\"%s\","
		    "\"value\":%u%s}\n", t + 10 * (k + 1), p, p * 10 + 1,
		    p * 10 + 2, moves[k], k == 0 ? r : k == 3 ? 0 : r + 1,
		    k == 2 ? (r == 0 ? ",\"was\":0" : ",\"was\":1") : "");
}

/* race-locked: an unlock ends a holder's span as done does, so a second
   holder between one's hold and its unlock is refused, and one after its
   unlock is not. */
START_TEST(recording_race_locked_unlock_ends_the_hold)
{
	static const unsigned second[] = { 420, 450 };
	char *s, err[256];
	size_t len;
	unsigned k;
	FILE *fp;

	for (k = 0; k < 2; k++) {
		struct recwhole r = { 0 };

		fp = open_memstream(&s, &len);
		fputs("{\"event\":\"run\",\"format\":\"ptviz\","
		    "\"version\":3,\"processes\":2,\"threads\":1,"
		    "\"sleep_s\":0,\"seed\":1,\"work\":\"race-locked\","
		    "\"iterations\":1}\n"
		    "{\"t_ns\":0,\"event\":\"running\",\"proc\":0,"
		    "\"thread\":0,\"pid\":10,\"tid\":10}\n", fp);
		for (unsigned p = 1; p <= 2; p++)
			fprintf(fp, "{\"t_ns\":%u,\"event\":\"forked\","
			    "\"proc\":%u,\"thread\":0,\"pid\":%u,\"tid\":%u}"
			    "\n{\"t_ns\":%u,\"event\":\"starting\",\"proc\":"
			    "%u,\"thread\":0,\"pid\":%u,\"tid\":%u}\n"
			    "{\"t_ns\":%u,\"event\":\"running\",\"proc\":%u,"
			    "\"thread\":1,\"pid\":%u,\"tid\":%u}\n", 100 + p,
			    p, p * 10 + 1, p * 10 + 1, 200 + p, p, p * 10 + 1,
			    p * 10 + 1, 300 + p, p, p * 10 + 1, p * 10 + 2);
		locked_update(fp, 1, 400, 0);
		locked_update(fp, 2, second[k], 1);
		fclose(fp);
		if (k == 0) {
			ck_assert_int_eq(parse(s, &r, err, sizeof(err)), -1);
			ck_assert_msg(strstr(err, "holds the global mutex "
			    "while Thread-1 of Process-1 holds it") != NULL,
			    "%s", err);
		} else {
			ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0,
			    "%s", err);
			recwhole_free(&r);
		}
		free(s);
	}
}
END_TEST

/* Two holders of the global mutex at once: refused at the second. */
START_TEST(recording_refuses_two_holders_of_the_global_mutex)
{
	char *s = two_holders("global-mutex", "global-mutex", 500), err[256];
	struct recwhole r = { 0 };

	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "run.jsonl: line 10: Thread-1 of Process-2 "
	    "holds the global mutex while Thread-1 of Process-1 holds it "
	    "(since line 9)");
	free(s);
	/* Taken as the first let go, though told before: true. */
	s = two_holders("global-mutex", "global-mutex", 1400);
	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert(r.cut);
	recwhole_free(&r);
	free(s);
}
END_TEST

/* More holders of the semaphore than its permits: refused. */
START_TEST(recording_refuses_more_holders_than_permits)
{
	char *s = two_holders("semaphore", "semaphore", 1399), err[256];
	struct recwhole r = { 0 };

	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "run.jsonl: line 10: Thread-1 of Process-2 "
	    "holds a permit of the semaphore while all 1 are held: more "
	    "holders than permits (Thread-1 of Process-1 holds one since "
	    "line 9)");
	free(s);
	s = two_holders("semaphore", "semaphore", 1401);
	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	recwhole_free(&r);
	free(s);
}
END_TEST

/* Permits for a workload that has none: refused, as --permits is (found
   by fuzz_recording: written back, the run lost them). */
START_TEST(recording_refuses_permits_without_the_semaphore)
{
	const char *s = "{\"event\":\"run\",\"format\":\"ptviz\","
	    "\"version\":2,\"processes\":2,\"threads\":1,\"sleep_s\":0.1,"
	    "\"seed\":1,\"work\":\"mutex\",\"permits\":1}\n";
	struct recwhole r = { 0 };
	char err[256];

	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "run.jsonl: line 1: \"permits\" is for the "
	    "semaphore workload, not mutex");
}
END_TEST

/* Lines that cross the reader's chunks (a megabyte) read as any other:
   the good run with 40000 pauses in it. */
START_TEST(recording_reads_across_chunks)
{
	char *buf = NULL, err[256];
	size_t len = 0, i, k;
	FILE *fp = open_memstream(&buf, &len);
	struct recwhole r = { 0 };

	ck_assert_ptr_nonnull(fp);
	for (i = 1; i <= NGOOD; i++) {
		fprintf(fp, "%s\n", good[i - 1]);
		for (k = 0; i == 7 && k < 40000; k++)
			fprintf(fp, "{\"t_ns\":%zu,\"event\":\"%s\",\"proc\":0,"
			    "\"thread\":0,\"pid\":10,\"tid\":10}\n", 550 + k /
			    1000, k % 2 ? "continued" : "stopped");
	}
	fclose(fp);
	ck_assert_uint_gt(len, 2 << 20);
	ck_assert_msg(parse(buf, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(r.n, NGOOD - 1 + 40000);
	ck_assert_uint_eq(r.events[NGOOD - 2 + 40000].state, ST_MDONE);
	recwhole_free(&r);
	free(buf);
}
END_TEST

/* Events handed on from a recording read so far; counted by the sink. */
static void
count(void *ctx, const struct event *ev)
{
	(void)ev;
	++*(size_t *)ctx;
}

/* A pipe that has given part of a run: what came is handed on, then the
   reader asks to be polled rather than wait; the rest comes later. */
START_TEST(recording_never_waits_on_a_pipe)
{
	char *s = text(0, NULL, 0, NULL), path[64], err[256];
	const struct recording_info *ri;
	struct recording *rd;
	struct run_config cfg;
	struct pollfd pfd;
	size_t n = 0, half = strlen(s) / 2;
	int p[2];

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(write(p[1], s, half), (ssize_t)half);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	rd = recording_open(path, &cfg, err, sizeof(err));
	ck_assert_msg(rd != NULL, "%s", err);
	ck_assert_uint_eq(cfg.nproc, 1);
	while (recording_pump(rd, count, &n, 2) > 0)
		;
	ck_assert_uint_gt(n, 0);
	ck_assert_uint_lt(n, NGOOD - 1);
	ck_assert_int_eq(recording_pollfd(rd, &pfd), 1);
	ck_assert_int_eq(pfd.events, POLLIN);
	ck_assert_int_eq(write(p[1], s + half, strlen(s) - half),
	    (ssize_t)(strlen(s) - half));
	close(p[1]);
	while (!(ri = recording_get(rd))->ended && !ri->failed)
		recording_pump(rd, count, &n, 2);
	ck_assert_msg(!ri->failed, "%s", ri->error);
	ck_assert_uint_eq(n, NGOOD - 1);
	ck_assert_uint_eq(ri->events, NGOOD - 1);
	ck_assert_int_eq(recording_pollfd(rd, &pfd), 0);
	recording_close(rd);
	close(p[0]);
	free(s);
}
END_TEST

/* A traced program's run, as --json writes it: its command, names (one
   not UTF-8, written as U+FFFD), an exec, a birth of a child, every kind
   of kernel field, a thread's end, a kill and an exit. */
static const char traced[] =
	"{\"event\":\"run\",\"format\":\"ptviz\",\"version\":3,\"traced\":true,"
	"\"command\":[\"sh\",\"-c\",\"sleep 1 & \\\"x\\\"\"]}\n"
	"{\"t_ns\":0,\"event\":\"running\",\"proc\":0,\"thread\":0,\"pid\":10,"
	"\"tid\":10}\n"
	"{\"t_ns\":5,\"event\":\"born\",\"proc\":1,\"thread\":0,\"pid\":11,"
	"\"tid\":11,\"parent\":0,\"name\":\"ptviz\"}\n"
	"{\"t_ns\":6,\"event\":\"born\",\"proc\":1,\"thread\":1,\"pid\":11,"
	"\"tid\":11,\"name\":\"ptviz\"}\n"
	"{\"t_ns\":7,\"event\":\"exec\",\"proc\":1,\"thread\":0,\"pid\":11,"
	"\"tid\":11,\"name\":\"sh\"}\n"
	"{\"t_ns\":8,\"event\":\"born\",\"proc\":1,\"thread\":2,\"pid\":11,"
	"\"tid\":13,\"name\":\"w\\ufffdrk\\u0001\"}\n"
	"{\"t_ns\":9,\"event\":\"kernel\",\"proc\":1,\"thread\":2,\"pid\":11,"
	"\"tid\":13,\"class\":\"lock\",\"futex\":\"0x7f00dead0\","
	"\"name\":\"w\\ufffdrk\\u0001\"}\n"
	"{\"t_ns\":9,\"event\":\"kernel\",\"proc\":1,\"thread\":1,\"pid\":11,"
	"\"tid\":11,\"class\":\"io\",\"fd\":0,\"fd_kind\":\"pipe\","
	"\"way\":\"read\",\"name\":\"sh\"}\n"
	"{\"t_ns\":10,\"event\":\"born\",\"proc\":2,\"thread\":0,\"pid\":12,"
	"\"tid\":12,\"parent\":1,\"name\":\"sh\"}\n"
	"{\"t_ns\":11,\"event\":\"born\",\"proc\":2,\"thread\":1,\"pid\":12,"
	"\"tid\":12,\"name\":\"sh\"}\n"
	"{\"t_ns\":12,\"event\":\"kernel\",\"proc\":2,\"thread\":1,\"pid\":12,"
	"\"tid\":12,\"class\":\"syscall\",\"nr\":61,\"name\":\"sh\"}\n"
	"{\"t_ns\":13,\"event\":\"ended\",\"proc\":1,\"thread\":2,\"pid\":11,"
	"\"tid\":13,\"name\":\"worker\"}\n"
	"{\"t_ns\":14,\"event\":\"killed\",\"proc\":2,\"thread\":0,\"pid\":12,"
	"\"tid\":12,\"signal\":\"SIGKILL\",\"name\":\"sleep\"}\n"
	"{\"t_ns\":15,\"event\":\"exited\",\"proc\":1,\"thread\":0,\"pid\":11,"
	"\"tid\":11,\"status\":0,\"name\":\"sh\"}\n"
	"{\"t_ns\":16,\"event\":\"done\",\"proc\":0,\"thread\":0,\"pid\":10,"
	"\"tid\":10}\n";

/* Where a traced recording's events go: written again as --json writes
   them, each with the name the recording gives as it is handed on. */
struct retell {
	struct recording *rd;
	FILE		*fp;
};

static void
retell(void *ctx, const struct event *ev)
{
	struct retell *r = ctx;

	jsonl_event_named(r->fp, RECORDING_T0, ev,
	    recording_name(r->rd, ev->proc, ev->thread));
}

/* A traced program's recording, read quickly (the quick lines are not its)
   and all through json-c, gives its command, its pids, and each event
   with its task's name as it came, so that it is written again the same
   bytes. */
START_TEST(recording_reads_a_traced_program)
{
	struct run_config cfg;
	struct retell r;
	char err[256], *out = NULL;
	size_t len = 0;
	char *const *cmd;

	r.rd = recording_memory("t.jsonl", traced, strlen(traced), _i == 1,
	    &cfg, err, sizeof(err));
	ck_assert_msg(r.rd != NULL, "%s", err);
	cmd = recording_command(r.rd);
	ck_assert_ptr_nonnull(cmd);
	ck_assert_str_eq(cmd[0], "sh");
	ck_assert_str_eq(cmd[2], "sleep 1 & \"x\"");
	ck_assert_ptr_null(cmd[3]);
	ck_assert_ptr_nonnull(r.fp = open_memstream(&out, &len));
	jsonl_head(r.fp, &cfg, cmd);
	while (recording_pump(r.rd, retell, &r, 3) > 0)
		;
	fclose(r.fp);
	ck_assert_msg(!recording_get(r.rd)->failed, "%s",
	    recording_get(r.rd)->error);
	ck_assert(recording_get(r.rd)->ended);
	ck_assert(!recording_get(r.rd)->cut);
	ck_assert_str_eq(out, traced);
	ck_assert_int_eq(recording_pid(r.rd, 2), 12);
	ck_assert_str_eq(recording_name(r.rd, 1, 2), "worker");
	ck_assert_str_eq(recording_name(r.rd, 2, 0), "sleep");
	ck_assert_ptr_null(recording_name(r.rd, 0, 0));
	recording_close(r.rd);
	free(out);
}
END_TEST

/* A traced recording with line `n` (1-based) replaced by `with`. */
static char *
traced_with(unsigned n, const char *with)
{
	char *buf = NULL;
	const char *p = traced, *nl;
	size_t len = 0;
	unsigned i;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	for (i = 1; (nl = strchr(p, '\n')) != NULL; i++, p = nl + 1)
		if (i == n)
			fprintf(fp, "%s\n", with);
		else
			fwrite(p, 1, (size_t)(nl - p + 1), fp);
	fclose(fp);
	return buf;
}

static const struct {
	unsigned	 line;
	const char	*with;
	const char	*says;
} traced_bad[] = {
	{ 4, "{\"t_ns\":6,\"event\":\"born\",\"proc\":2,\"thread\":1,"
	  "\"pid\":11,\"tid\":11}", "thread 1 of process 2: process 2 is "
	  "not born" },
	{ 3, "{\"t_ns\":5,\"event\":\"born\",\"proc\":1,\"thread\":0,"
	  "\"pid\":11,\"tid\":11,\"parent\":1}", "process 1 cannot be born of "
	  "process 1, not born before it" },
	{ 3, "{\"t_ns\":5,\"event\":\"born\",\"proc\":2,\"thread\":0,"
	  "\"pid\":11,\"tid\":11,\"parent\":0}", "process 2 is born out of "
	  "turn: the next is process 1" },
	{ 15, "{\"t_ns\":15,\"event\":\"exec\",\"proc\":2,\"thread\":0,"
	  "\"pid\":12,\"tid\":12}", "process 2 has already ended" },
	{ 14, "{\"t_ns\":15,\"event\":\"failed\",\"proc\":1,\"thread\":0,"
	  "\"pid\":11,\"tid\":11,\"status\":0}", "process 1 cannot be failed "
	  "so: exited is status 0, failed another status, killed a signal" },
	{ 7, "{\"t_ns\":9,\"event\":\"kernel\",\"proc\":1,\"thread\":2,"
	  "\"pid\":99,\"tid\":13,\"class\":\"cpu\"}", "pid 99 is not the pid "
	  "of process 1 (11)" },
	{ 7, "{\"t_ns\":9,\"event\":\"kernel\",\"proc\":1,\"thread\":2,"
	  "\"pid\":11,\"tid\":13,\"class\":\"dozing\"}", "\"class\" \"dozing\" "
	  "is not a class of kernel state" },
	{ 7, "{\"t_ns\":9,\"event\":\"kernel\",\"proc\":1,\"thread\":2,"
	  "\"pid\":11,\"tid\":13,\"class\":\"lock\",\"futex\":\"0xZZ\"}",
	  "\"futex\" \"0xZZ\" is not an address (0x and hex digits)" },
	{ 7, "{\"t_ns\":1,\"event\":\"kernel\",\"proc\":1,\"thread\":2,"
	  "\"pid\":11,\"tid\":13,\"class\":\"cpu\"}", "time goes backwards "
	  "(0.000000001 s after 0.000000008 s)" },
	{ 6, "{\"t_ns\":8,\"event\":\"born\",\"proc\":1,\"thread\":2,"
	  "\"pid\":11,\"tid\":13,\"name\":[\"w\"]}", "\"name\" is not a "
	  "string" },
	{ 15, "{\"t_ns\":16,\"event\":\"sleeping\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":11,\"sleep_ns\":5}", "\"sleeping\" is not an "
	  "event of a traced program" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":3,"
	  "\"traced\":true,\"command\":[]}", "\"command\" is empty" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":3,"
	  "\"traced\":false,\"command\":[\"sh\"]}", "\"traced\" is not true" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":2,"
	  "\"traced\":true,\"command\":[\"sh\"]}", "a traced program's "
	  "run is of version 3 or later, not 2" },
};

/* A traced recording that breaks its rules is refused at the line that
   does, saying what is wrong. */
START_TEST(recording_refuses_a_bad_traced_line)
{
	char *s = traced_with(traced_bad[_i].line, traced_bad[_i].with);
	char want[320], err[256];
	struct recwhole r = { 0 };

	snprintf(want, sizeof(want), "run.jsonl: line %u: %s",
	    traced_bad[_i].line, traced_bad[_i].says);
	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), -1);
	ck_assert_str_eq(err, want);
	recwhole_free(&r);
	free(s);
}
END_TEST

/* ptviz's own lines read quickly to the very events json-c reads. */
START_TEST(quickline_reads_what_jsonl_writes)
{
	static const struct event evs[] = {
		{ .t_ns = 5, .sleep_ns = 7, .pid = 11, .tid = 12, .proc = 1,
		  .thread = 1, .state = ST_SLEEPING },
		{ .t_ns = 6, .plan_ns = 9, .pid = -3, .tid = 12, .proc = 1,
		  .thread = 1, .state = ST_HOLDING,
		  .what = OBJ_GMUTEX | OBJ_RECOVERED },
		{ .t_ns = 7, .cpu_ns = 44, .pid = 11, .tid = 12, .proc = 1,
		  .thread = 1, .state = ST_DONE },
		{ .t_ns = 8, .wstatus = 3 << 8, .pid = 11, .tid = 11,
		  .proc = 1, .state = ST_KILLED, .what = OBJ_SEM,
		  .object = 2 },
		{ .t_ns = 9, .pid = 10, .tid = 10, .state = ST_MSTOPPED },
		{ .t_ns = 10, .value = 41, .pid = 11, .tid = 12, .proc = 1,
		  .thread = 1, .state = ST_MOVE, .what = MOVE_READ },
		{ .t_ns = 11, .value = 42, .aux = UINT32_MAX, .pid = 11,
		  .tid = 12, .proc = 1, .thread = 1, .state = ST_MOVE,
		  .what = MOVE_WRITE },
		{ .t_ns = 12, .value = 3, .aux = 17, .pid = 11, .tid = 12,
		  .proc = 1, .thread = 1, .state = ST_MOVE, .what = MOVE_TAKE },
	};
	struct run_config cfg = { .nproc = 1, .nthread = 1,
	    .sleep_ns = 100 };
	struct event e;
	char *line;
	size_t i, len;
	FILE *fp;

	for (i = 0; i < sizeof(evs) / sizeof(evs[0]); i++) {
		line = NULL;
		fp = open_memstream(&line, &len);
		jsonl_event(fp, 0, &evs[i]);
		fclose(fp);
		ck_assert_msg(quickline_event(line, len - 1, &cfg,
		    RECORDING_T0, &e),
		    "%s", line);
		ck_assert_uint_eq(e.t_ns, evs[i].t_ns + RECORDING_T0);
		e.t_ns = evs[i].t_ns;
		ck_assert_msg(memcmp(&e, &evs[i], sizeof(e)) == 0, "%s",
		    line);
		free(line);
	}
}
END_TEST

/* Any other form is left to json-c, which reads it or says why not. */
START_TEST(quickline_leaves_other_lines_to_json_c)
{
	static const char *const others[] = {
		"{ \"t_ns\":5,\"event\":\"running\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12}",
		"{\"event\":\"running\",\"t_ns\":5,\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12}",
		"{\"t_ns\":05,\"event\":\"running\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12}",
		"{\"t_ns\":5,\"event\":\"runn\\u0069ng\",\"proc\":1,"
		"\"thread\":1,\"pid\":11,\"tid\":12}",
		"{\"t_ns\":5,\"event\":\"running\",\"proc\":2,\"thread\":1,"
		"\"pid\":11,\"tid\":12}",
		"{\"t_ns\":5,\"event\":\"running\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12,\"x\":1}",
		"{\"t_ns\":5,\"event\":\"sleeping\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12,\"sleep_ns\":101}",
		"{\"t_ns\":5.0,\"event\":\"running\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12}",
		"{\"t_ns\":18446744073709551616,\"event\":\"running\","
		"\"proc\":1,\"thread\":1,\"pid\":11,\"tid\":12}",
		"{\"t_ns\":5,\"event\":\"running\",\"proc\":1,\"thread\":1,"
		"\"pid\":2147483648,\"tid\":12}",
		"{\"t_ns\":5,\"event\":\"running\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12}\r",
		"{\"t_ns\":5,\"event\":\"move\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12,\"move\":\"write\",\"value\":4}",
		"{\"t_ns\":5,\"event\":\"move\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12,\"move\":\"read\","
		"\"value\":4294967296}",
		"{\"t_ns\":5,\"event\":\"move\",\"proc\":1,\"thread\":1,"
		"\"pid\":11,\"tid\":12,\"move\":\"jump\",\"value\":4}",
	};
	struct run_config cfg = { .nproc = 1, .nthread = 1,
	    .sleep_ns = 100 };
	struct event e;
	size_t i;

	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		ck_assert_msg(!quickline_event(others[i], strlen(others[i]),
		    &cfg, RECORDING_T0, &e), "%s", others[i]);
}
END_TEST

/* Holders are judged by time: ends before starts at one instant, a span
   of no length inside another still a second holder, a semaphore of 2
   takes two at once but not three, a mutex let go by a death unjudged. */
START_TEST(spans_judge_holders_by_time)
{
	struct spans sp;
	struct spans_clash c;

	spans_init(&sp, 3, 1, 2);
	ck_assert_int_eq(spans_hold(&sp, SPANS_SEM, 1, 1, 100, 5), 0);
	ck_assert_int_eq(spans_hold(&sp, SPANS_SEM, 2, 1, 150, 6), 0);
	spans_end(&sp, 1, 1, 300, false);
	ck_assert_int_eq(spans_hold(&sp, SPANS_SEM, 3, 1, 300, 7), 0);
	spans_end(&sp, 2, 1, 400, false);
	spans_end(&sp, 3, 1, 500, false);
	ck_assert_int_eq(spans_check(&sp, &c), 0);
	/* A third at 250, before the first let go at 300. */
	spans_free(&sp);
	spans_init(&sp, 3, 1, 2);
	spans_hold(&sp, SPANS_SEM, 1, 1, 100, 5);
	spans_hold(&sp, SPANS_SEM, 2, 1, 150, 6);
	spans_hold(&sp, SPANS_SEM, 3, 1, 250, 7);
	spans_end(&sp, 1, 1, 300, false);
	spans_end(&sp, 2, 1, 400, false);
	spans_end(&sp, 3, 1, 500, false);
	ck_assert_int_eq(spans_check(&sp, &c), 1);
	ck_assert_uint_eq(c.span->line, 7);
	ck_assert_uint_eq(c.most, 2);
	spans_free(&sp);
	/* The global mutex: a span of no length inside another clashes; one
	   ended by its holder's death is not judged. */
	spans_init(&sp, 3, 1, 1);
	spans_hold(&sp, SPANS_GMUTEX, 1, 1, 100, 5);
	spans_hold(&sp, SPANS_GMUTEX, 2, 1, 200, 6);
	spans_end(&sp, 2, 1, 200, false);
	spans_end(&sp, 1, 1, 300, false);
	ck_assert_int_eq(spans_check(&sp, &c), 1);
	ck_assert_uint_eq(c.span->line, 6);
	ck_assert_uint_eq(c.with->line, 5);
	spans_free(&sp);
	spans_init(&sp, 3, 1, 1);
	spans_hold(&sp, SPANS_GMUTEX, 1, 1, 100, 5);
	spans_hold(&sp, SPANS_GMUTEX, 2, 1, 200, 6);
	spans_end(&sp, 1, 1, 900, true);
	spans_end(&sp, 2, 1, 300, false);
	ck_assert_int_eq(spans_check(&sp, &c), 0);
	spans_free(&sp);
}
END_TEST

/* Bad recordings: the line replaced (or added), and the message. */
static const struct bad {
	unsigned	 line;		/* replace this line with `with` */
	const char	*with;
	unsigned	 after;		/* or add `with` after this line */
	const char	*msg;
} bads[] = {
	{ 1, "[1,2]", 0, "line 1: not a JSON object" },
	{ 1, "hello", 0, "line 1: not JSON: " },
	{ 1, "{\"event\":\"running\"}", 0, "line 1: not a ptviz recording: "
	  "it does not start with a \"run\" record" },
	{ 1, "{\"event\":\"run\",\"format\":\"other\",\"version\":1}", 0,
	  "line 1: the format is \"other\", not \"ptviz\"" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":4}", 0,
	  "line 1: version 4 of the format is not known (this ptviz reads "
	  "versions 1 to 3)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":3,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":1,\"seed\":1,"
	  "\"work\":\"sleep\",\"cpus\":0}", 0,
	  "line 1: \"cpus\" is 0, out of range (1 to 65536)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":2,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":1,\"seed\":1,"
	  "\"work\":\"nap\"}", 0,
	  "line 1: \"work\" \"nap\" is not a workload" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":2,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":1,\"seed\":1,"
	  "\"work\":\"deadlock\"}", 0,
	  "line 1: \"work\" deadlock needs 2 threads or more" },
	{ 6, "{\"t_ns\":400,\"event\":\"waiting\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":12,\"for\":\"spoon\",\"object\":0}", 0,
	  "line 6: \"for\" \"spoon\" is not a thing a thread waits for or "
	  "holds" },
	{ 6, "{\"t_ns\":400,\"event\":\"holding\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":12,\"holds\":\"barrier\",\"object\":0,"
	  "\"hold_ns\":1}", 0,
	  "line 6: Thread-1 of Process-1 cannot be holding after running" },
	{ 6, "{\"t_ns\":400,\"event\":\"holding\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":12,\"holds\":\"mutex\",\"object\":2,"
	  "\"hold_ns\":1}", 0,
	  "line 6: \"object\" is 2, out of range (0 to 1)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":0,\"threads\":1,\"sleep_s\":1,\"seed\":1}", 0,
	  "line 1: \"processes\" is 0, out of range (1 to 1024)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":1,\"threads\":99999999999999999999,\"sleep_s\":1,"
	  "\"seed\":1}", 0, "line 1: \"threads\" is at least "
	  "9223372036854775807, out of range (1 to 1024)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":-1,\"seed\":1}", 0,
	  "line 1: \"sleep_s\" is -1, out of range (0 to 3600)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":1,\"seed\":-5}", 0,
	  "line 1: \"seed\" is negative" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":\"1\",\"seed\":1}", 0,
	  "line 1: \"sleep_s\" is not a number" },
	{ 3, "{\"t_ns\":100,\"event\":\"forked\",\"proc\":2,\"thread\":0,"
	  "\"pid\":11,\"tid\":11}", 0,
	  "line 3: \"proc\" is 2, out of range (0 to 1)" },
	{ 3, "{\"t_ns\":100,\"event\":\"forked\",\"proc\":\"1\",\"thread\":0,"
	  "\"pid\":11,\"tid\":11}", 0, "line 3: \"proc\" is not a whole "
	  "number" },
	{ 3, "{\"t_ns\":100,\"event\":\"forked\",\"proc\":1,\"thread\":0,"
	  "\"tid\":11}", 0, "line 3: \"pid\" is missing" },
	{ 3, "{\"t_ns\":100,\"event\":\"flying\",\"proc\":1,\"thread\":0,"
	  "\"pid\":11,\"tid\":11}", 0, "line 3: \"flying\" is not an event "
	  "of a process" },
	{ 3, "{\"t_ns\":100,\"event\":\"fork\\ned\\u001b[2J\",\"proc\":1,"
	  "\"thread\":0,\"pid\":11,\"tid\":11}", 0, "line 3: \"fork?ed?[2J\" is "
	  "not an event of a process" },
	{ 3, "{\"t_ns\":-100,\"event\":\"forked\",\"proc\":1,\"thread\":0,"
	  "\"pid\":11,\"tid\":11}", 0, "line 3: \"t_ns\" is -100, before the "
	  "run started" },
	{ 5, "{\"t_ns\":300,\"event\":\"done\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":12}", 0, "line 5: Thread-1 of Process-1 cannot "
	  "be done after new" },
	{ 6, "{\"t_ns\":250,\"event\":\"sleeping\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":12,\"sleep_ns\":5}", 0, "line 6: time goes "
	  "backwards for Thread-1 of Process-1 (0.000000250 s after "
	  "0.000000300 s)" },
	{ 6, "{\"t_ns\":400,\"event\":\"sleeping\",\"proc\":1,\"thread\":1,"
	  "\"pid\":11,\"tid\":12,\"sleep_ns\":100000001}", 0, "line 6: "
	  "\"sleep_ns\" is 100000001, out of range (0 to 100000000)" },
	{ 6, "{\"t_ns\":400,\"event\":\"sleeping\",\"proc\":1,\"thread\":1,"
	  "\"pid\":99,\"tid\":12,\"sleep_ns\":5}", 0, "line 6: pid 99 is not "
	  "the pid of Process-1 (11)" },
	{ 0, "{\"t_ns\":0,\"event\":\"running\",\"proc\":0,"
	  "\"thread\":0,\"pid\":10,\"tid\":10}", 2,
	  "line 3: the main process cannot be running after running" },
	{ 0, "", 3, "line 4: the line is blank, and lines follow it" },
	{ 0, " \t", 3, "line 4: the line is blank, and lines follow it" },
	{ 0, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":2}", 13,
	  "line 14: a second run starts here; a recording holds one run" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":1,"
	  "\"seed\":18446744073709551616}", 0,
	  "line 1: \"seed\" is beyond 18446744073709551615 (2^64 - 1)" },
	{ 1, "{\"event\":\"run\",\"format\":\"ptviz\",\"version\":1,"
	  "\"processes\":1,\"threads\":1,\"sleep_s\":1,\"x\":\"1\\\"\","
	  "\"seed\":99999999999999999999999}", 0,
	  "line 1: \"seed\" is beyond 18446744073709551615 (2^64 - 1)" },
	{ 0, "{\"t_ns\":1} {}", 3, "line 4: not JSON: " },
	{ 0, "{\"t_ns\":1,\"s\":\"\xff\"}", 3, "line 4: not JSON: " },
	{ 12, "{\"t_ns\":50000700,\"event\":\"killed\",\"proc\":1,"
	  "\"thread\":0,\"pid\":11,\"tid\":11,\"signal\":\"SIGFOO\"}", 0,
	  "line 12: \"signal\" \"SIGFOO\" is not a signal name" },
	{ 12, "{\"t_ns\":50000700,\"event\":\"exited\",\"proc\":1,"
	  "\"thread\":0,\"pid\":11,\"tid\":11}", 0, "line 12: a process's end "
	  "needs \"status\", \"signal\" or \"error\"" },
	{ 0, "{\"t_ns\":50000900,\"event\":\"exited\",\"proc\":1,"
	  "\"thread\":0,\"pid\":11,\"tid\":11,\"status\":0}", 13,
	  "line 14: Process-1 has already ended" },
};

START_TEST(recording_refuses_bad_lines)
{
	const struct bad *b = &bads[_i];
	char *s = b->after != 0 ? text(0, NULL, b->after, b->with) :
	    text(b->line, b->with, 0, NULL), err[512];
	struct recwhole r = { 0 };
	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), -1);
	ck_assert_msg(strncmp(err, "run.jsonl: ", 11) == 0, "%s", err);
	ck_assert_msg(strncmp(err + 11, b->msg, strlen(b->msg)) == 0,
	    "case %d: got \"%s\", want \"%s\"", _i, err, b->msg);
	ck_assert_ptr_null(r.events);
	free(s);
}
END_TEST

START_TEST(recording_refuses_long_lines_and_nothing)
{
	char *s = malloc(1 << 20), err[256];
	struct recwhole r = { 0 };

	memset(s, 'x', 1 << 20);
	ck_assert_int_eq(recwhole_read(&r, "big", s, 1 << 20, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "big: line 1: longer than 4096 bytes: not a "
	    "ptviz recording");
	memset(s, 0, 1 << 20);
	ck_assert_int_eq(recwhole_read(&r, "zero", s, 1 << 20, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "zero: line 1: longer than 4096 bytes: not a "
	    "ptviz recording");
	ck_assert_int_eq(recwhole_read(&r, "empty", s, 0, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "empty: empty: not a ptviz recording");
	free(s);
}
END_TEST

/* The trace of the good run: its names, spans and pauses are there. */
START_TEST(recording_exports_a_trace)
{
	char *s = text(0, NULL, 0, NULL), *out = NULL, err[256];
	struct recwhole r = { 0 };
	struct history h;
	size_t len = 0, i;
	FILE *fp;

	ck_assert_int_eq(parse(s, &r, err, sizeof(err)), 0);
	history_init(&h);
	for (i = 0; i < r.n; i++)
		ck_assert_int_eq(history_add(&h, &r.events[i]), 0);
	fp = open_memstream(&out, &len);
	ck_assert_int_eq(trace_write(fp, &r.cfg, &h), 0);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(out, "\"name\":\"process_name\",\"pid\":"
	    "1,\"tid\":0,\"args\":{\"name\":\"Process-1\"}"));
	ck_assert_ptr_nonnull(strstr(out, "\"name\":\"thread_name\",\"pid\":1,"
	    "\"tid\":1,\"args\":{\"name\":\"Thread-1\"}"));
	/* running from 0.3 us to 0.4 us: ticks of 1/64 us. */
	ck_assert_ptr_nonnull(strstr(out, "{\"ph\":\"X\",\"name\":\"running\","
	    "\"pid\":1,\"tid\":1,\"cat\":\"thread\",\"ts\":0.296875,"
	    "\"dur\":0.109375,"));
	ck_assert_ptr_nonnull(strstr(out, "\"name\":\"sleeping\""));
	ck_assert_ptr_nonnull(strstr(out, "\"planned_us\":50000.000"));
	ck_assert_ptr_nonnull(strstr(out, "{\"ph\":\"i\",\"name\":\"stopped\","
	    "\"pid\":0,\"tid\":0,\"s\":\"g\",\"ts\":0.593750"));
	ck_assert_ptr_nonnull(strstr(out, "{\"ph\":\"b\",\"name\":"
	    "\"Process-1\",\"pid\":1,\"tid\":0,\"cat\":\"process\",\"id\":1,"
	    "\"ts\":0.093750"));
	ck_assert_ptr_null(strstr(out, "unfinished"));
	history_free(&h);
	recwhole_free(&r);
	free(out);
	free(s);
}
END_TEST

/* A run held at its start (g), written from the gate: what it did while
   held ("held", its forks, its threads' starts) is at 0, the rest counts
   from the gate; it reads back, and its trace starts at the gate. */
START_TEST(recording_of_a_held_run_counts_from_the_gate)
{
	static const struct event evs[] = {
		{ .t_ns = 1000, .pid = 10, .tid = 10, .state = ST_MHELD },
		{ .t_ns = 1100, .pid = 11, .tid = 11, .proc = 1,
		  .state = ST_FORKED },
		{ .t_ns = 1200, .pid = 11, .tid = 11, .proc = 1,
		  .state = ST_STARTING },
		{ .t_ns = 1300, .pid = 11, .tid = 12, .proc = 1, .thread = 1,
		  .state = ST_RUNNING },
		{ .t_ns = 1400, .pid = 11, .tid = 11, .proc = 1,
		  .state = ST_JOINING },
		{ .t_ns = 10001000, .pid = 10, .tid = 10,
		  .state = ST_MRUNNING },
		{ .t_ns = 10001100, .sleep_ns = 500, .pid = 11, .tid = 12,
		  .proc = 1, .thread = 1, .state = ST_SLEEPING },
		{ .t_ns = 10001600, .pid = 11, .tid = 12, .proc = 1,
		  .thread = 1, .state = ST_DONE },
		{ .t_ns = 10001700, .pid = 11, .tid = 11, .proc = 1,
		  .state = ST_PDONE },
		{ .t_ns = 10001800, .pid = 11, .tid = 11, .proc = 1,
		  .state = ST_EXITED },
		{ .t_ns = 10001900, .pid = 10, .tid = 10, .state = ST_MDONE },
	};
	struct run_config cfg = { .nproc = 1, .nthread = 1,
	    .sleep_ns = 100000000, .seed = 1 };
	struct recwhole r = { 0 };
	struct history h;
	struct model m;
	char *s = NULL, *out = NULL, err[256];
	size_t len = 0, i;
	FILE *fp = open_memstream(&s, &len);

	jsonl_run(fp, &cfg);
	for (i = 0; i < sizeof(evs) / sizeof(evs[0]); i++)
		jsonl_event(fp, 10001000, &evs[i]);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(s, "{\"t_ns\":0,\"event\":\"held\","));
	ck_assert_ptr_nonnull(strstr(s, "{\"t_ns\":0,\"event\":\"forked\","));
	ck_assert_ptr_nonnull(strstr(s, "{\"t_ns\":0,\"event\":\"running\","
	    "\"proc\":0,"));
	ck_assert_ptr_nonnull(strstr(s, "{\"t_ns\":100,\"event\":"
	    "\"sleeping\","));
	ck_assert_msg(parse(s, &r, err, sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(r.events[0].state, ST_MHELD);
	history_init(&h);
	for (i = 0; i < r.n; i++)
		ck_assert_int_eq(history_add(&h, &r.events[i]), 0);
	ck_assert_int_eq(model_init(&m, 1, 1), 0);
	history_model_at(&h, h.n, &m);
	ck_assert_uint_eq(m.bad, 0);
	ck_assert_uint_eq(m.t0, RECORDING_T0);
	ck_assert_uint_eq(model_elapsed(&m, 0), 900);
	fp = open_memstream(&out, &len);
	ck_assert_int_eq(trace_write(fp, &r.cfg, &h), 0);
	fclose(fp);
	/* The sleep starts 0.1 us after the gate: 6.4 ticks of 1/64 us. */
	ck_assert_ptr_nonnull(strstr(out, "\"name\":\"sleeping\",\"pid\":1,"
	    "\"tid\":1,\"cat\":\"thread\",\"ts\":0.093750,"));
	model_free(&m);
	history_free(&h);
	recwhole_free(&r);
	free(out);
	free(s);
}
END_TEST

Suite *
recording_suite(void)
{
	Suite *s = suite_create("recording");
	TCase *tc = tcase_create("recording");

	tcase_add_test(tc, recording_reads_every_event);
	tcase_add_test(tc, recording_reads_version_1);
	tcase_add_test(tc, recording_writes_back_the_same_bytes);
	tcase_add_test(tc, recording_keeps_how_processes_end);
	tcase_add_test(tc, recording_keeps_a_zombie);
	tcase_add_test(tc, recording_skips_a_cut_last_line);
	tcase_add_test(tc, recording_takes_a_bom_and_blank_lines_at_the_end);
	tcase_add_test(tc, recording_says_a_run_was_cut);
	tcase_add_test(tc, recording_refuses_two_holders_of_the_global_mutex);
	tcase_add_test(tc, recording_race_locked_unlock_ends_the_hold);
	tcase_add_test(tc, recording_refuses_more_holders_than_permits);
	tcase_add_test(tc, recording_refuses_permits_without_the_semaphore);
	tcase_add_test(tc, recording_reads_across_chunks);
	tcase_add_test(tc, recording_never_waits_on_a_pipe);
	tcase_add_test(tc, quickline_reads_what_jsonl_writes);
	tcase_add_test(tc, quickline_leaves_other_lines_to_json_c);
	tcase_add_test(tc, spans_judge_holders_by_time);
	tcase_add_loop_test(tc, recording_refuses_bad_lines, 0,
	    sizeof(bads) / sizeof(bads[0]));
	tcase_add_test(tc, recording_refuses_long_lines_and_nothing);
	tcase_add_test(tc, recording_exports_a_trace);
	tcase_add_test(tc, recording_of_a_held_run_counts_from_the_gate);
	tcase_add_loop_test(tc, recording_reads_a_traced_program, 0, 2);
	tcase_add_loop_test(tc, recording_refuses_a_bad_traced_line, 0,
	    sizeof(traced_bad) / sizeof(traced_bad[0]));
	suite_add_tcase(s, tc);
	return s;
}
