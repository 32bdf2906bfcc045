/*
 * check_outfile.c: the writer that never waits on its reader -- held
 * bytes, the second at the end, the wait a signal cuts short, the cap --
 * and which paths name one file.  Each test works in a folder of its own
 * under /tmp, made and removed by it.
 */
#include <sys/stat.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/event.h"
#include "../src/outfile.h"
#include "fake.h"
#include "suites.h"

static char dir[] = "/tmp/ptviz-check-outfile.XXXXXX";

static void
setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(strcpy(dir,
	    "/tmp/ptviz-check-outfile.XXXXXX")));
	ck_assert_int_eq(chdir(dir), 0);
}

static void
teardown(void)
{
	ck_assert_int_eq(chdir("/"), 0);
	fake_rm(dir);
}

/* A FIFO "fifo" here with a reader that never reads: the reader's
   descriptor, which the test keeps. */
static int
stalled_fifo(void)
{
	int fd;

	ck_assert_int_eq(mkfifo("fifo", 0600), 0);
	fd = open("fifo", O_RDONLY | O_NONBLOCK);
	ck_assert_int_ge(fd, 0);
	return fd;
}

/* Are paths a and b one file? */
static bool
same(const char *a, const char *b)
{
	struct outfile_id ia, ib;

	outfile_id(&ia, a, -1);
	outfile_id(&ib, b, -1);
	return outfile_same(&ia, &ib);
}

START_TEST(outfile_stalled_reader_given_a_second)
{
	static char buf[1 << 20];
	struct outfile f, *fs[1] = { &f };
	char why[96], want[96];
	uint64_t t0;
	int rd = stalled_fifo();

	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(outfile_open(&f, "fifo", OUTFILE_TRUNC), 0);
	t0 = now_ns();
	/* The pipe takes 64 KiB; the rest is held, and nothing waits. */
	ck_assert_uint_eq(fwrite(buf, 1, sizeof(buf), f.fp), sizeof(buf));
	ck_assert(!outfile_failed(&f));
	ck_assert(!outfile_flush(&f));
	ck_assert_uint_lt(now_ns() - t0, 500000000u);
	ck_assert_uint_gt(f.nheld, 0);
	outfile_wait(fs, 1, -1);
	ck_assert_uint_ge(now_ns() - t0, OUTFILE_WAIT_NS);
	ck_assert_uint_lt(now_ns() - t0, 3 * OUTFILE_WAIT_NS);
	ck_assert_int_eq(outfile_close(&f), EAGAIN);
	snprintf(want, sizeof(want), "its reader stopped reading (%zu bytes "
	    "not written)", f.stalled);
	ck_assert_str_eq(outfile_strerror(&f, why, sizeof(why)), want);
	ck_assert_uint_gt(f.stalled, sizeof(buf) / 2);
	close(rd);
}
END_TEST

START_TEST(outfile_wait_cut_short_by_the_callers_descriptor)
{
	struct outfile f, *fs[1] = { &f };
	uint64_t t0;
	int rd = stalled_fifo(), sig[2];

	ck_assert_int_eq(pipe(sig), 0);
	ck_assert_int_eq(write(sig[1], "", 1), 1);
	ck_assert_int_eq(outfile_open(&f, "fifo", OUTFILE_TRUNC), 0);
	while (f.nheld == 0 && !outfile_failed(&f)) {
		fputs("a line of the run\n", f.fp);
		ck_assert(!outfile_flush(&f));
	}
	t0 = now_ns();
	outfile_wait(fs, 1, sig[0]);
	ck_assert_uint_lt(now_ns() - t0, OUTFILE_WAIT_NS / 2);
	ck_assert_int_eq(outfile_close(&f), EAGAIN);
	close(rd);
}
END_TEST

START_TEST(outfile_held_bytes_reach_the_reader_in_order)
{
	static char buf[256 << 10], got[sizeof(buf)];
	struct outfile f, *fs[1] = { &f };
	size_t i, n = 0;
	ssize_t r;
	int rd = stalled_fifo();

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 % 251);
	ck_assert_int_eq(outfile_open(&f, "fifo", OUTFILE_TRUNC), 0);
	ck_assert_uint_eq(fwrite(buf, 1, sizeof(buf), f.fp), sizeof(buf));
	ck_assert(!outfile_flush(&f));
	/* The reader takes what is there; each flush sends more. */
	while (n < sizeof(buf)) {
		r = read(rd, got + n, sizeof(buf) - n);
		ck_assert_int_gt(r, 0);
		n += (size_t)r;
		ck_assert(!outfile_flush(&f));
	}
	ck_assert_uint_eq(f.nheld, 0);
	ck_assert(memcmp(buf, got, sizeof(buf)) == 0);
	/* Nothing held: no wait at all. */
	outfile_wait(fs, 1, -1);
	ck_assert_int_eq(outfile_close(&f), 0);
	close(rd);
}
END_TEST

START_TEST(outfile_hold_has_a_cap)
{
	static char buf[1 << 20];
	struct outfile f;
	char why[96];
	int i, rd = stalled_fifo();

	ck_assert_int_eq(outfile_open(&f, "fifo", OUTFILE_TRUNC), 0);
	for (i = 0; i < (OUTFILE_HOLD_MAX >> 20) + 2 && f.fp != NULL; i++) {
		fwrite(buf, 1, sizeof(buf), f.fp);
		outfile_failed(&f);
	}
	ck_assert_ptr_null(f.fp);
	ck_assert_int_eq(f.err, ENOBUFS);
	ck_assert_str_eq(outfile_strerror(&f, why, sizeof(why)),
	    "its reader is too slow (64 MiB waiting)");
	ck_assert_int_eq(outfile_close(&f), ENOBUFS);
	close(rd);
}
END_TEST

START_TEST(outfile_fifo_without_reader_refused)
{
	struct outfile f;

	ck_assert_int_eq(mkfifo("fifo", 0600), 0);
	ck_assert_int_eq(outfile_open(&f, "fifo", OUTFILE_TRUNC), -1);
	ck_assert_int_eq(errno, ENXIO);
	ck_assert_int_eq(outfile_close(&f), ENXIO);
}
END_TEST

START_TEST(outfile_new_never_overwrites)
{
	struct outfile f;

	fake_put(dir, "there", "precious\n");
	ck_assert_int_eq(outfile_open(&f, "there", OUTFILE_NEW), -1);
	ck_assert_int_eq(errno, EEXIST);
	ck_assert_int_eq(outfile_open(&f, "new", OUTFILE_NEW), 0);
	fputs("run\n", f.fp);
	ck_assert_int_eq(outfile_close(&f), 0);
}
END_TEST

START_TEST(outfile_one_file_by_any_path)
{
	fake_put(dir, "a", "a\n");
	fake_put(dir, "b", "b\n");
	fake_put(dir, "sub/c", "c\n");
	ck_assert_int_eq(link("a", "hard"), 0);
	ck_assert_int_eq(symlink("a", "sym"), 0);
	ck_assert_int_eq(symlink("sub/../a", "sym2"), 0);
	ck_assert_int_eq(symlink("sub/later", "dangling"), 0);
	ck_assert_int_eq(mkfifo("fifo", 0600), 0);
	ck_assert(same("a", "a"));
	ck_assert(same("a", "./a"));
	ck_assert(same("a", "sub/../a"));
	ck_assert(same("a", "hard"));
	ck_assert(same("sym", "hard"));
	ck_assert(same("sym2", "a"));
	ck_assert(same("fifo", "./fifo"));
	ck_assert(!same("a", "b"));
	ck_assert(!same("a", "sub/c"));
	ck_assert(!same("a", "missing"));
	/* Not made yet: the same path it would be made at. */
	ck_assert(same("missing", "./missing"));
	ck_assert(same("missing", "sub/../missing"));
	ck_assert(same("dangling", "sub/later"));
	ck_assert(same("dangling", "./sub/../sub/later"));
	ck_assert(!same("missing", "sub/missing"));
	/* Devices are no file to spoil: two outputs may both discard. */
	ck_assert(!same("/dev/null", "/dev/null"));
}
END_TEST

START_TEST(outfile_one_file_by_descriptor)
{
	struct outfile_id ia, ib;
	int fd;

	fake_put(dir, "a", "a\n");
	fd = open("a", O_WRONLY | O_APPEND);
	ck_assert_int_ge(fd, 0);
	outfile_id(&ia, NULL, fd);
	outfile_id(&ib, "a", -1);
	ck_assert(outfile_same(&ia, &ib));
	outfile_id(&ib, "missing", -1);
	ck_assert(!outfile_same(&ia, &ib));
	close(fd);
}
END_TEST

Suite *
outfile_suite(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("outfile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, outfile_stalled_reader_given_a_second);
	tcase_add_test(tc, outfile_wait_cut_short_by_the_callers_descriptor);
	tcase_add_test(tc, outfile_held_bytes_reach_the_reader_in_order);
	tcase_add_test(tc, outfile_hold_has_a_cap);
	tcase_add_test(tc, outfile_fifo_without_reader_refused);
	tcase_add_test(tc, outfile_new_never_overwrites);
	tcase_add_test(tc, outfile_one_file_by_any_path);
	tcase_add_test(tc, outfile_one_file_by_descriptor);
	suite_add_tcase(s, tc);
	return s;
}
