/*
 * check_kstat.c: the kernel's view of a thread, read from a fake /proc tree
 * (names with spaces and parentheses, files missing, a thread gone) and
 * from the real one: the calling thread running, a thread asleep, a
 * process stopped, and one ended but not reaped.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <check.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/kstat.h"
#include "fake.h"
#include "suites.h"

/* A thread that named itself "a b) (c", asleep: utime 150, stime 50. */
#define FAKE_STAT	"43 (a b) (c) S 1 42 42 0 -1 4194560 10 0 0 0 150 50 " \
			"0 0 20 0 3 0 123 456 789\n"

START_TEST(kstat_reads_a_fake_thread_past_its_name)
{
	char dir[] = "/tmp/check-kstat.XXXXXX";
	long hz = sysconf(_SC_CLK_TCK);
	struct kstat k;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "42/task/43/stat", FAKE_STAT);
	fake_put(dir, "42/task/43/wchan", "hrtimer_nanosleep");
	fake_put(dir, "42/task/43/schedstat", "12000000 3000000 7\n");
	fake_put(dir, "42/task/43/status", "Name:\ta b) (c\nState:\tS (sleeping)\n"
	    "Tgid:\t42\nvoluntary_ctxt_switches:\t5\n"
	    "nonvoluntary_ctxt_switches:\t2\n");
	ck_assert_int_eq(kstat_read(dir, 42, 43, &k), 0);
	ck_assert(!k.gone);
	ck_assert_int_eq(k.state, 'S');
	ck_assert(k.have_wchan && k.have_sched && k.have_ctx);
	ck_assert_str_eq(k.wchan, "hrtimer_nanosleep");
	ck_assert_uint_eq(k.cpu_ns, 12000000);
	ck_assert_uint_eq(k.wait_ns, 3000000);
	ck_assert_uint_eq(k.slices, 7);
	ck_assert_uint_eq(k.stat_cpu_ns, 200 * (1000000000 / hz));
	ck_assert_uint_eq(k.vcs, 5);
	ck_assert_uint_eq(k.nvcs, 2);
	ck_assert_uint_eq(k.reads, 4);
	/* The state alone is one file. */
	ck_assert_int_eq(kstat_read_some(dir, 42, 43, KSTAT_STATE, &k), 0);
	ck_assert_int_eq(k.state, 'S');
	ck_assert(!k.have_wchan && !k.have_sched && !k.have_ctx);
	ck_assert_uint_eq(k.reads, 1);
	fake_rm(dir);
}
END_TEST

START_TEST(kstat_files_missing_are_left_out)
{
	char dir[] = "/tmp/check-kstat.XXXXXX";
	long hz = sysconf(_SC_CLK_TCK);
	struct kstat k;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "42/task/43/stat", FAKE_STAT);
	ck_assert_int_eq(kstat_read(dir, 42, 43, &k), 0);
	ck_assert(!k.gone);
	ck_assert_int_eq(k.state, 'S');
	ck_assert(!k.have_wchan && !k.have_sched && !k.have_ctx);
	ck_assert_str_eq(k.wchan, "");
	/* No schedstat: the time on a CPU is utime + stime. */
	ck_assert_uint_eq(k.cpu_ns, 200 * (1000000000 / hz));
	ck_assert_uint_eq(k.wait_ns, 0);
	/* "0" is no wait channel; a schedstat or status cut short is none. */
	fake_put(dir, "42/task/43/wchan", "0");
	fake_put(dir, "42/task/43/schedstat", "12000000\n");
	fake_put(dir, "42/task/43/status", "Name:\tx\nvoluntary_ctxt_switches:\t5\n");
	ck_assert_int_eq(kstat_read(dir, 42, 43, &k), 0);
	ck_assert(k.have_wchan);
	ck_assert_str_eq(k.wchan, "");
	ck_assert(!k.have_sched && !k.have_ctx);
	ck_assert_uint_eq(k.cpu_ns, 200 * (1000000000 / hz));
	fake_rm(dir);
}
END_TEST

START_TEST(kstat_gone_thread_is_an_answer_not_an_error)
{
	char dir[] = "/tmp/check-kstat.XXXXXX";
	struct kstat k;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "42/task/43/stat", FAKE_STAT);
	ck_assert_int_eq(kstat_read(dir, 42, 44, &k), 0);
	ck_assert(k.gone);
	ck_assert_int_eq(k.state, 0);
	ck_assert_int_eq(kstat_read(dir, 99, 99, &k), 0);
	ck_assert(k.gone);
	ck_assert_int_eq(kstat_read(dir, 99, 0, &k), 0);
	ck_assert(k.gone);
	/* An empty stat: the thread ended between open() and read(). */
	fake_put(dir, "42/task/45/stat", "");
	ck_assert_int_eq(kstat_read(dir, 42, 45, &k), 0);
	ck_assert(k.gone);
	fake_rm(dir);
}
END_TEST

START_TEST(kstat_not_a_stat_line_is_einval)
{
	char dir[] = "/tmp/check-kstat.XXXXXX";
	struct kstat k;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "42/task/43/stat", "43 (no end S 1 2 3\n");
	fake_put(dir, "42/task/44/stat", "44 (x) S 1 2\n");
	fake_put(dir, "42/task/46/stat", "46 (x) 7 1 2 3 0 -1 0 0 0 0 0 1 1\n");
	ck_assert_int_eq(kstat_read(dir, 42, 43, &k), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(kstat_read(dir, 42, 44, &k), -1);
	ck_assert_int_eq(kstat_read(dir, 42, 46, &k), -1);
	fake_rm(dir);
}
END_TEST

START_TEST(kstat_zombie_without_task_dir_reads_the_process)
{
	char dir[] = "/tmp/check-kstat.XXXXXX";
	struct kstat k;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "50/stat", "50 (ptviz) Z 1 50 50 0 -1 0 0 0 0 0 3 4 0 0 "
	    "20 0 1 0\n");
	ck_assert_int_eq(kstat_read(dir, 50, 50, &k), 0);
	ck_assert(!k.gone);
	ck_assert_int_eq(k.state, 'Z');
	ck_assert_int_eq(kstat_read(dir, 50, 0, &k), 0);
	ck_assert_int_eq(k.state, 'Z');
	/* Another thread of it is gone, not the process's. */
	ck_assert_int_eq(kstat_read(dir, 50, 51, &k), 0);
	ck_assert(k.gone);
	fake_rm(dir);
}
END_TEST

START_TEST(kstat_meanings_come_from_the_table)
{
	ck_assert_str_eq(kstat_meaning('R'), "running or runnable");
	ck_assert_str_eq(kstat_meaning('S'), "sleeping (interruptible)");
	ck_assert_str_eq(kstat_meaning('D'), "waiting, uninterruptible (disk)");
	ck_assert_str_eq(kstat_meaning('T'), "stopped by a signal");
	ck_assert_str_eq(kstat_meaning('t'), "stopped by a debugger");
	ck_assert_str_eq(kstat_meaning('Z'), "zombie: ended, not reaped yet");
	ck_assert_str_eq(kstat_meaning('X'), "dead");
	ck_assert_str_eq(kstat_meaning('I'), "idle (kernel thread)");
	ck_assert_str_eq(kstat_meaning('q'), "unknown state");
	ck_assert_str_eq(kstat_meaning(0), "unknown state");
	ck_assert_str_eq(kstat_meaning((char)0xe9), "unknown state");
}
END_TEST

START_TEST(kstat_calling_thread_is_running)
{
	struct timespec t0, t;
	struct kstat k;

	/* Burn 30 ms of CPU, so that the kernel has some to report. */
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
	do
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	while ((t.tv_sec - t0.tv_sec) * 1000000000L + t.tv_nsec -
	    t0.tv_nsec < 30000000L);
	ck_assert_int_eq(kstat_read("/proc", getpid(), gettid(), &k), 0);
	ck_assert(!k.gone);
	ck_assert_int_eq(k.state, 'R');
	ck_assert_uint_gt(k.cpu_ns, 0);
	ck_assert(k.have_ctx);
	/* The process itself, read as a process. */
	ck_assert_int_eq(kstat_read("/proc", getpid(), 0, &k), 0);
	ck_assert_int_eq(k.state, 'R');
}
END_TEST

static pid_t sleeper_tid;

/* A thread that says who it is, then sleeps. */
static void *
sleeper(void *arg)
{
	__atomic_store_n(&sleeper_tid, gettid(), __ATOMIC_RELEASE);
	sleep(30);
	return arg;
}

/* Poll the state of pid/tid until it is `want`, for up to 2 s. */
static char
state_soon(pid_t pid, pid_t tid, char want, struct kstat *k)
{
	int i;

	for (i = 0; i < 200; i++) {
		ck_assert_int_eq(kstat_read("/proc", pid, tid, k), 0);
		if (k->state == want)
			break;
		usleep(10000);
	}
	return k->state;
}

START_TEST(kstat_thread_in_nanosleep_is_sleeping)
{
	pthread_t th;
	struct kstat k;
	pid_t tid;
	int fd;

	ck_assert_int_eq(pthread_create(&th, NULL, sleeper, NULL), 0);
	while ((tid = __atomic_load_n(&sleeper_tid, __ATOMIC_ACQUIRE)) == 0)
		usleep(1000);
	ck_assert_int_eq(state_soon(getpid(), tid, 'S', &k), 'S');
	ck_assert(k.have_wchan);
	ck_assert_uint_ge(k.vcs, 1);
	/* Its stat kept open reads the same, until it has gone. */
	ck_assert_int_ge(fd = kstat_open("/proc", getpid(), tid), 0);
	ck_assert_int_eq(kstat_read_fd(fd, &k), 0);
	ck_assert_int_eq(k.state, 'S');
	ck_assert(!k.gone);
	pthread_cancel(th);
	pthread_join(th, NULL);
	/* Joined: its tid is gone from the process. */
	ck_assert_int_eq(kstat_read("/proc", getpid(), tid, &k), 0);
	ck_assert(k.gone);
	ck_assert_int_eq(kstat_read_fd(fd, &k), 0);
	ck_assert(k.gone);
	close(fd);
	ck_assert_int_eq(kstat_open("/proc", getpid(), tid), -1);
	ck_assert_int_eq(errno, ENOENT);
}
END_TEST

START_TEST(kstat_stopped_process_is_t_and_unreaped_is_z)
{
	siginfo_t si;
	struct kstat k;
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		pause();
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(kill(pid, SIGSTOP), 0);
	ck_assert_int_eq(waitpid(pid, &status, WUNTRACED), pid);
	ck_assert(WIFSTOPPED(status));
	ck_assert_int_eq(kstat_read("/proc", pid, pid, &k), 0);
	ck_assert_int_eq(k.state, 'T');
	ck_assert_str_eq(kstat_meaning(k.state), "stopped by a signal");
	/* Killed, and waited for without reaping it: a zombie. */
	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	ck_assert_int_eq(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT), 0);
	ck_assert_int_eq(kstat_read("/proc", pid, pid, &k), 0);
	ck_assert_int_eq(k.state, 'Z');
	ck_assert_int_eq(kstat_read("/proc", pid, 0, &k), 0);
	ck_assert_int_eq(k.state, 'Z');
	/* Reaped: gone. */
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(kstat_read("/proc", pid, pid, &k), 0);
	ck_assert(k.gone);
}
END_TEST

Suite *
kstat_suite(void)
{
	Suite *s = suite_create("kstat");
	TCase *tc = tcase_create("kstat");

	tcase_add_test(tc, kstat_reads_a_fake_thread_past_its_name);
	tcase_add_test(tc, kstat_files_missing_are_left_out);
	tcase_add_test(tc, kstat_gone_thread_is_an_answer_not_an_error);
	tcase_add_test(tc, kstat_not_a_stat_line_is_einval);
	tcase_add_test(tc, kstat_zombie_without_task_dir_reads_the_process);
	tcase_add_test(tc, kstat_meanings_come_from_the_table);
	tcase_add_test(tc, kstat_calling_thread_is_running);
	tcase_add_test(tc, kstat_thread_in_nanosleep_is_sleeping);
	tcase_add_test(tc, kstat_stopped_process_is_t_and_unreaped_is_z);
	suite_add_tcase(s, tc);
	return s;
}
