/*
 * check_taskfake.c: a thread's state read from a fake /proc tree: the odd
 * contents a syscall file may have ("running", "-1 ...", garbage, none),
 * the letters that say it all, each kind of descriptor, a sleep's length
 * from a fake mem file, futex ops that wait and one that does not, the
 * wait channel when the syscall file is not ours to read; the table of
 * calls against this architecture's numbers, and the words of each class.
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/syscalls.h"
#include "../src/taskstate.h"
#include "../src/taskwords.h"
#include "fake.h"
#include "suites.h"

#define TASK	"42/task/43/"
#define STAT_S	"43 (t) S 1 42 42 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0\n"

/* A fake tree with thread 43 of 42 in `letter`; its folder in dir. */
static void
fake_thread(char *dir, char letter)
{
	char stat[] = STAT_S;

	strcpy(dir, "/tmp/check-taskfake.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	*strchr(stat, 'S') = letter;
	fake_put(dir, TASK "stat", stat);
}

/* The syscall file of 43 says: call nr with these arguments. */
static void
fake_call(const char *dir, long nr, unsigned long a0, unsigned long a1,
    unsigned long a2)
{
	char text[256];

	snprintf(text, sizeof(text), "%ld 0x%lx 0x%lx 0x%lx 0x0 0x0 0x0 "
	    "0x7ffd3689a5c8 0x7f597d682503\n", nr, a0, a1, a2);
	fake_put(dir, TASK "syscall", text);
}

/* 43 read from dir with everything asked; 0 expected. */
static void
read_ok(const char *dir, struct taskstate *ts)
{
	ck_assert_int_eq(taskstate_read(dir, 42, 43, TASKSTATE_WANT_ALL, ts),
	    0);
}

/* The sentence of ts, in a static buffer. */
static const char *
told_of(const struct taskstate *ts)
{
	static char buf[160];

	taskwords_describe(ts, buf, sizeof(buf));
	return buf;
}

START_TEST(taskfake_running_and_not_in_a_call)
{
	char dir[64];
	struct taskstate ts;

	fake_thread(dir, 'S');
	fake_put(dir, TASK "syscall", "running\n");
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_CPU);
	ck_assert(ts.have_syscall);
	ck_assert_int_eq(ts.nr, -1);
	ck_assert_uint_eq(ts.reads, 2);
	/* Not in a call, yet asleep: a page fault, say. */
	fake_put(dir, TASK "syscall", "-1 0x7ffd3689a5c8 0x7f597d682503\n");
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_BLOCKED);
	ck_assert_int_eq(ts.nr, -1);
	ck_assert_ptr_null(ts.call);
	ck_assert_str_eq(taskwords_cell(&ts), "wait");
	fake_rm(dir);
}
END_TEST

START_TEST(taskfake_garbage_is_einval_and_missing_is_gone)
{
	static const char *const garbage[] = { "hello\n", "230\n",
	    "230 0x0 0x0\n", "-7 0x0 0x0\n", "230 0x0 0x0 0x0 0x0 0x0 zz 0 0\n",
	    " 230 0x0 0x0 0x0 0x0 0x0 0x0 0x0 0x0\n" };
	char dir[64];
	struct taskstate ts;
	size_t i;

	fake_thread(dir, 'S');
	for (i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
		fake_put(dir, TASK "syscall", garbage[i]);
		errno = 0;
		ck_assert_msg(taskstate_read(dir, 42, 43, 0, &ts) == -1 &&
		    errno == EINVAL, "\"%s\" read as a syscall file",
		    garbage[i]);
	}
	/* Empty: it ended between the two reads. */
	fake_put(dir, TASK "syscall", "");
	read_ok(dir, &ts);
	ck_assert(ts.gone);
	ck_assert_int_eq(ts.cls, TASKSTATE_GONE);
	ck_assert_int_eq(ts.state, 0);
	/* No syscall file: gone too. */
	ck_assert_int_eq(unlink(strcat(strcpy((char[96]){ 0 }, dir),
	    "/" TASK "syscall")), 0);
	read_ok(dir, &ts);
	ck_assert(ts.gone);
	/* No such thread, no such process. */
	ck_assert_int_eq(taskstate_read(dir, 42, 44, 0, &ts), 0);
	ck_assert(ts.gone);
	ck_assert_int_eq(taskstate_read(dir, 99, 0, 0, &ts), 0);
	ck_assert(ts.gone);
	fake_rm(dir);
}
END_TEST

START_TEST(taskfake_letters_that_say_it_all_read_one_file)
{
	static const struct {
		char			 letter;
		enum taskstate_class	 cls;
	} rows[] = {
		{ 'R', TASKSTATE_CPU }, { 'T', TASKSTATE_STOPPED },
		{ 't', TASKSTATE_STOPPED }, { 'Z', TASKSTATE_ZOMBIE },
		{ 'X', TASKSTATE_GONE },
	};
	char dir[64];
	struct taskstate ts;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		fake_thread(dir, rows[i].letter);
		/* Garbage: never read. */
		fake_put(dir, TASK "syscall", "garbage\n");
		read_ok(dir, &ts);
		ck_assert_int_eq(ts.cls, rows[i].cls);
		ck_assert_int_eq(ts.state, rows[i].letter);
		ck_assert_uint_eq(ts.reads, 1);
		ck_assert(!ts.have_syscall);
		fake_rm(dir);
	}
}
END_TEST

START_TEST(taskfake_each_kind_of_descriptor)
{
	static const struct {
		const char		*link;
		enum taskfd_kind	 kind;
		const char		*words;
	} rows[] = {
		{ "pipe:[77]", TASKFD_PIPE, "a pipe" },
		{ "socket:[78]", TASKFD_SOCKET, "a socket" },
		{ "/dev/pts/3", TASKFD_TERMINAL, "the terminal" },
		{ "/dev/tty", TASKFD_TERMINAL, "the terminal" },
		{ "/dev/tty2", TASKFD_TERMINAL, "the terminal" },
		{ "/dev/null", TASKFD_DEVICE, "a device" },
		{ "/home/ann/notes.txt", TASKFD_FILE, "a file" },
		{ "anon_inode:[eventfd]", TASKFD_EVENTFD, "an eventfd" },
		{ "anon_inode:[timerfd]", TASKFD_TIMERFD, "a timerfd" },
		{ "anon_inode:[signalfd]", TASKFD_SIGNALFD, "a signalfd" },
		{ "anon_inode:[eventpoll]", TASKFD_EPOLL, "an epoll set" },
		{ "anon_inode:inotify", TASKFD_INOTIFY, "an inotify watch" },
		{ "anon_inode:[io_uring]", TASKFD_OTHER, "a descriptor" },
	};
	char dir[64], fd[128], want[96];
	struct taskstate ts;
	size_t i;

	fake_thread(dir, 'S');
	fake_call(dir, __NR_read, 3, 0x1000, 1);
	fake_put(dir, "42/fd/.keep", "");
	snprintf(fd, sizeof(fd), "%s/42/fd/3", dir);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unlink(fd);
		ck_assert_int_eq(symlink(rows[i].link, fd), 0);
		read_ok(dir, &ts);
		ck_assert_int_eq(ts.cls, TASKSTATE_IO);
		ck_assert_int_eq(ts.io, TASKSTATE_IO_IN);
		ck_assert_int_eq(ts.fd, 3);
		ck_assert_msg(ts.fdkind == rows[i].kind, "%s is kind %d",
		    rows[i].link, ts.fdkind);
		ck_assert_str_eq(ts.fdlink, rows[i].link);
		ck_assert_uint_eq(ts.reads, 3);
		snprintf(want, sizeof(want), "waiting for input from %s (fd 3,"
		    " read)", rows[i].words);
		ck_assert_str_eq(told_of(&ts), want);
	}
	/* Not asked: not read. */
	ck_assert_int_eq(taskstate_read(dir, 42, 43, 0, &ts), 0);
	ck_assert_int_eq(ts.fdkind, TASKFD_UNKNOWN);
	ck_assert_int_eq(ts.fd, 3);
	ck_assert_uint_eq(ts.reads, 2);
	fake_rm(dir);
}
END_TEST

/* A fake mem file of 42 with t at address at. */
static void
fake_timespec(const char *dir, off_t at, time_t sec, long nsec)
{
	struct timespec t = { sec, nsec };
	char path[96];
	int fd;

	snprintf(path, sizeof(path), "%s/42/mem", dir);
	ck_assert_int_ge(fd = open(path, O_WRONLY | O_CREAT, 0600), 0);
	ck_assert_int_eq(pwrite(fd, &t, sizeof(t), at), (ssize_t)sizeof(t));
	close(fd);
}

START_TEST(taskfake_a_sleep_says_its_length)
{
	char dir[64];
	struct taskstate ts;
	struct timespec now;

	fake_thread(dir, 'S');
	fake_timespec(dir, 0x40, 2, 500000000);
	fake_call(dir, __NR_nanosleep, 0x40, 0, 0);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_SLEEP);
	ck_assert_int_eq(ts.sleep_ns, 2500000000LL);
	ck_assert(!ts.sleep_left);
	ck_assert_uint_eq(ts.reads, 3);
	ck_assert_str_eq(told_of(&ts),
	    "in a timed sleep (nanosleep), 2.5 s asked");
	/* Relative on a clock: arg 2. */
	fake_call(dir, __NR_clock_nanosleep, CLOCK_MONOTONIC, 0, 0x40);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.sleep_ns, 2500000000LL);
	ck_assert(!ts.sleep_left);
	/* Absolute (TIMER_ABSTIME): what is left, on that clock. */
	clock_gettime(CLOCK_MONOTONIC, &now);
	fake_timespec(dir, 0x80, now.tv_sec + 100, now.tv_nsec);
	fake_call(dir, __NR_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME,
	    0x80);
	read_ok(dir, &ts);
	ck_assert(ts.sleep_left);
	ck_assert_int_gt(ts.sleep_ns, 90000000000LL);
	ck_assert_int_le(ts.sleep_ns, 100000000000LL);
	/* A thread's CPU clock is not ours to read: length unknown. */
	fake_call(dir, __NR_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID,
	    TIMER_ABSTIME, 0x80);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_SLEEP);
	ck_assert_int_eq(ts.sleep_ns, -1);
	/* Not there, or not asked: unknown, and the words say less. */
	fake_call(dir, __NR_nanosleep, 0x4000, 0, 0);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.sleep_ns, -1);
	ck_assert_str_eq(told_of(&ts), "in a timed sleep (nanosleep)");
	fake_call(dir, __NR_nanosleep, 0x40, 0, 0);
	ck_assert_int_eq(taskstate_read(dir, 42, 43, 0, &ts), 0);
	ck_assert_int_eq(ts.sleep_ns, -1);
	ck_assert_uint_eq(ts.reads, 2);
	fake_rm(dir);
}
END_TEST

START_TEST(taskfake_futex_ops_that_wait_are_a_lock)
{
	/* FUTEX_WAIT, FUTEX_WAIT_BITSET | PRIVATE | CLOCK_REALTIME (Python's
	   lock), FUTEX_LOCK_PI | PRIVATE, FUTEX_WAIT_REQUEUE_PI. */
	static const unsigned long waits[] = { 0, 0x189, 0x86, 11 };
	char dir[64];
	struct taskstate ts;
	size_t i;

	fake_thread(dir, 'S');
	for (i = 0; i < sizeof(waits) / sizeof(waits[0]); i++) {
		fake_call(dir, __NR_futex, 0x55bb77d71e50, waits[i], 0);
		read_ok(dir, &ts);
		ck_assert_int_eq(ts.cls, TASKSTATE_LOCK);
		ck_assert_uint_eq(ts.futex, 0x55bb77d71e50);
	}
	ck_assert_str_eq(told_of(&ts), "waiting on a lock or a condition "
	    "(futex word 0x55bb77d71e50)");
	/* FUTEX_WAKE | PRIVATE does not wait: a call like any. */
	fake_call(dir, __NR_futex, 0x55bb77d71e50, 0x81, 1);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_SYSCALL);
	ck_assert_uint_eq(ts.futex, 0);
	ck_assert_str_eq(told_of(&ts), "in a system call (futex)");
	fake_rm(dir);
}
END_TEST

START_TEST(taskfake_unknown_call_is_named_by_its_number)
{
	char dir[64];
	struct taskstate ts;

	fake_thread(dir, 'D');
	fake_call(dir, 4000, 0, 0, 0);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_SYSCALL);
	ck_assert_int_eq(ts.nr, 4000);
	ck_assert_ptr_null(ts.call);
	ck_assert_str_eq(told_of(&ts), "in system call 4000");
	ck_assert_str_eq(taskwords_cell(&ts), "syscall");
	fake_call(dir, __NR_openat, 0, 0, 0);
	read_ok(dir, &ts);
	ck_assert_str_eq(told_of(&ts), "in a system call (openat)");
	fake_call(dir, __NR_wait4, 77, 0, 0);
	read_ok(dir, &ts);
	ck_assert_int_eq(ts.cls, TASKSTATE_CHILD);
	ck_assert_str_eq(told_of(&ts),
	    "waiting for a child process to end (wait4)");
	fake_rm(dir);
}
END_TEST

/* The wait channels a child that may not read the syscall file sees,
   and the class each gives. */
static const struct {
	const char		*wchan;
	enum taskstate_class	 cls;
	enum taskstate_io	 io;
} by_wchan[] = {
	{ "hrtimer_nanosleep\n", TASKSTATE_SLEEP, TASKSTATE_IO_NONE },
	{ "futex_do_wait", TASKSTATE_LOCK, TASKSTATE_IO_NONE },
	{ "futex_wait_queue_me", TASKSTATE_LOCK, TASKSTATE_IO_NONE },
	{ "do_wait", TASKSTATE_CHILD, TASKSTATE_IO_NONE },
	{ "anon_pipe_read", TASKSTATE_IO, TASKSTATE_IO_IN },
	{ "poll_schedule_timeout.constprop.0", TASKSTATE_IO,
	    TASKSTATE_IO_EITHER },
	{ "do_sigtimedwait.isra.0", TASKSTATE_SIGNAL, TASKSTATE_IO_NONE },
	{ "do_waitress", TASKSTATE_BLOCKED, TASKSTATE_IO_NONE },
	{ "0", TASKSTATE_BLOCKED, TASKSTATE_IO_NONE },
};

START_TEST(taskfake_wchan_stands_in_when_syscall_is_not_ours)
{
	char dir[64], path[128];
	struct taskstate ts;
	int status;
	size_t i;
	pid_t pid;

	fake_thread(dir, 'S');
	fake_call(dir, __NR_futex, 0x1000, 0, 0);
	/* Another user may enter the tree, not read syscall (mode 0400, and
	   ours: a child that is root becomes nobody). */
	ck_assert_int_eq(chmod(dir, 0755), 0);
	snprintf(path, sizeof(path), "%s/" TASK "syscall", dir);
	ck_assert_int_eq(chmod(path, geteuid() == 0 ? 0400 : 0), 0);
	for (i = 0; i < sizeof(by_wchan) / sizeof(by_wchan[0]); i++) {
		fake_put(dir, TASK "wchan", by_wchan[i].wchan);
		if ((pid = fork()) == 0) {
			if (geteuid() == 0 && (setgid(65534) == -1 ||
			    setuid(65534) == -1))
				_exit(90);
			if (taskstate_read(dir, 42, 43, TASKSTATE_WANT_ALL,
			    &ts) == -1 || ts.have_syscall)
				_exit(91);
			_exit(ts.cls == by_wchan[i].cls && ts.io ==
			    by_wchan[i].io && ts.futex == 0 ? 0 :
			    10 + (int)ts.cls);
		}
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "wchan %s: exit %d", by_wchan[i].wchan,
		    WEXITSTATUS(status));
	}
	fake_rm(dir);
}
END_TEST

START_TEST(taskfake_quick_reads_stat_only_when_no_call_is_named)
{
	char dir[64];
	struct taskstate ts;
	struct taskstate_files f;

	fake_thread(dir, 'T');
	/* Stopped inside a sleep: quick reads the sleep, in one file. */
	fake_call(dir, __NR_nanosleep, 0x40, 0, 0);
	ck_assert_int_eq(taskstate_read(dir, 42, 43, TASKSTATE_WANT_QUICK,
	    &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_SLEEP);
	ck_assert_int_eq(ts.state, 0);
	ck_assert_uint_eq(ts.reads, 1);
	/* Not in a call: stat says why. */
	fake_put(dir, TASK "syscall", "-1 0x7ffd3689a5c8 0x7f597d682503\n");
	ck_assert_int_eq(taskstate_read(dir, 42, 43, TASKSTATE_WANT_QUICK,
	    &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_STOPPED);
	ck_assert_int_eq(ts.state, 'T');
	ck_assert_uint_eq(ts.reads, 2);
	fake_put(dir, TASK "stat", STAT_S);
	ck_assert_int_eq(taskstate_read(dir, 42, 43, TASKSTATE_WANT_QUICK,
	    &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_BLOCKED);
	/* "running": R, without stat. */
	fake_put(dir, TASK "syscall", "running\n");
	ck_assert_int_eq(taskstate_open(dir, 42, 43, &f), 0);
	ck_assert_int_eq(taskstate_read_open(&f, TASKSTATE_WANT_QUICK, &ts),
	    0);
	ck_assert_int_eq(ts.cls, TASKSTATE_CPU);
	ck_assert_int_eq(ts.state, 'R');
	ck_assert_uint_eq(ts.reads, 1);
	/* Files kept open read what they say now. */
	fake_call(dir, __NR_futex, 0x1000, 0, 0);
	ck_assert_int_eq(taskstate_read_open(&f, 0, &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_LOCK);
	ck_assert_uint_eq(ts.futex, 0x1000);
	ck_assert_uint_eq(ts.reads, 2);
	taskstate_close(&f);
	fake_rm(dir);
}
END_TEST

START_TEST(taskfake_table_has_this_architectures_numbers)
{
#if defined(__x86_64__)
	/* DESIGN.md section 10: what Python's threads read on x86_64. */
	ck_assert_str_eq(syscalls_find(230)->name, "clock_nanosleep");
	ck_assert_str_eq(syscalls_find(202)->name, "futex");
	ck_assert_str_eq(syscalls_find(61)->name, "wait4");
	ck_assert_str_eq(syscalls_find(7)->name, "poll");
	ck_assert_str_eq(syscalls_find(232)->name, "epoll_wait");
#elif defined(__aarch64__)
	ck_assert_str_eq(syscalls_find(115)->name, "clock_nanosleep");
	ck_assert_str_eq(syscalls_find(98)->name, "futex");
	ck_assert_str_eq(syscalls_find(260)->name, "wait4");
	ck_assert_str_eq(syscalls_find(73)->name, "ppoll");
	ck_assert_str_eq(syscalls_find(22)->name, "epoll_pwait");
#endif
	ck_assert_int_eq(syscalls_find(__NR_futex)->role, SYSCALLS_FUTEX);
	ck_assert_int_eq(syscalls_find(__NR_read)->role, SYSCALLS_IN);
	ck_assert_int_eq(syscalls_find(__NR_accept4)->role, SYSCALLS_ACCEPT);
	ck_assert_ptr_null(syscalls_find(-1));
	ck_assert_ptr_null(syscalls_find(4000));
	ck_assert_ptr_null(syscalls_find(1L << 40));
}
END_TEST

START_TEST(taskfake_every_class_has_its_words)
{
	struct taskstate ts;
	unsigned c, w;

	memset(&ts, 0, sizeof(ts));
	for (c = 0; c < TASKSTATE_CLASSES; c++) {
		ts.cls = (enum taskstate_class)c;
		for (w = 0; w < TASKSTATE_IOS; w++) {
			ts.io = (enum taskstate_io)w;
			ck_assert_ptr_nonnull(taskwords_cell(&ts));
			ck_assert_int_ge(strlen(taskwords_cell(&ts)), 3);
			ck_assert_int_le(strlen(taskwords_cell(&ts)), 8);
		}
		ck_assert_int_gt(strlen(taskwords_meaning(ts.cls)), 8);
	}
	for (c = 0; c < TASKFD_KINDS; c++)
		ck_assert_ptr_nonnull(taskwords_fd((enum taskfd_kind)c));
	ck_assert_str_eq(taskwords_meaning(TASKSTATE_CLASSES), "unknown");
	ck_assert_str_eq(taskwords_fd(TASKFD_KINDS), "a descriptor");
}
END_TEST

Suite *
taskfake_suite(void)
{
	Suite *s = suite_create("taskfake");
	TCase *tc = tcase_create("taskfake");

	tcase_add_test(tc, taskfake_running_and_not_in_a_call);
	tcase_add_test(tc, taskfake_garbage_is_einval_and_missing_is_gone);
	tcase_add_test(tc, taskfake_letters_that_say_it_all_read_one_file);
	tcase_add_test(tc, taskfake_each_kind_of_descriptor);
	tcase_add_test(tc, taskfake_a_sleep_says_its_length);
	tcase_add_test(tc, taskfake_futex_ops_that_wait_are_a_lock);
	tcase_add_test(tc, taskfake_unknown_call_is_named_by_its_number);
	tcase_add_test(tc,
	    taskfake_wchan_stands_in_when_syscall_is_not_ours);
	tcase_add_test(tc,
	    taskfake_quick_reads_stat_only_when_no_call_is_named);
	tcase_add_test(tc, taskfake_table_has_this_architectures_numbers);
	tcase_add_test(tc, taskfake_every_class_has_its_words);
	suite_add_tcase(s, tc);
	return s;
}
