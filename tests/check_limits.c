/*
 * check_limits.c: what the machine allows, read from fake /proc text and a
 * fake /proc tree, and the arithmetic on it.
 */
#include <sys/stat.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/limits.h"
#include "../src/proctext.h"
#include "fake.h"
#include "suites.h"

/* A sample that limits nothing, to set one figure in. */
static struct limits_sample
unlimited(void)
{
	return (struct limits_sample){ .figure = { LIMITS_NONE, LIMITS_NONE,
	    LIMITS_NONE, LIMITS_NONE, LIMITS_NONE } };
}

START_TEST(limits_loadavg_gives_the_tasks)
{
	uint64_t n = 0;

	ck_assert_int_eq(proctext_loadavg("0.12 0.34 0.56 3/789 12345\n",
	    &n), 0);
	ck_assert_uint_eq(n, 789);
	ck_assert_int_eq(proctext_loadavg("48.77 43.04 17.90 4/120 28973",
	    &n), 0);
	ck_assert_uint_eq(n, 120);
	ck_assert_int_eq(proctext_loadavg("0.1 0.2 0.3\n", &n), -1);
	ck_assert_int_eq(proctext_loadavg("0.1 0.2 0.3 4-120 1\n", &n),
	    -1);
	ck_assert_int_eq(proctext_loadavg("0.1 0.2 0.3 4/ 1\n", &n), -1);
	ck_assert_int_eq(proctext_loadavg("", &n), -1);
}
END_TEST

START_TEST(limits_meminfo_gives_mem_available)
{
	uint64_t kib = 0;

	ck_assert_int_eq(proctext_meminfo(
	    "MemTotal:       32859292 kB\n"
	    "MemFree:         1234567 kB\n"
	    "MemAvailable:   24391028 kB\n"
	    "Buffers:          123456 kB\n", &kib), 0);
	ck_assert_uint_eq(kib, 24391028);
	ck_assert_int_eq(proctext_meminfo("MemAvailable: 7 kB", &kib), 0);
	ck_assert_uint_eq(kib, 7);
	/* Older kernels have no MemAvailable: no memory limit. */
	ck_assert_int_eq(proctext_meminfo("MemTotal: 1000 kB\n"
	    "MemFree: 500 kB\n", &kib), -1);
	ck_assert_int_eq(proctext_meminfo("MemAvailable: x kB\n", &kib),
	    -1);
	ck_assert_int_eq(proctext_meminfo("MemAvailable: 99999999999999"
	    "999999999 kB\n", &kib), -1);
	ck_assert_int_eq(proctext_meminfo("XMemAvailable: 5 kB\n", &kib),
	    -1);
}
END_TEST

START_TEST(limits_stat_gives_parent_and_threads)
{
	pid_t ppid = 0;
	uint64_t threads = 0;

	/* A name with spaces and parentheses in it. */
	ck_assert_int_eq(proctext_stat("4242 (ptviz: a) b) S 77 4242 4242 "
	    "0 -1 4194560 100 0 0 0 1 2 0 0 20 0 61 0 123 456\n", &ppid,
	    &threads), 0);
	ck_assert_int_eq(ppid, 77);
	ck_assert_uint_eq(threads, 61);
	ck_assert_int_eq(proctext_stat("1 (init) S 0 1 1 0 -1 4194560 1 "
	    "0 0 0 1 2 0 0 20 0 1 0", &ppid, &threads), 0);
	ck_assert_int_eq(ppid, 0);
	ck_assert_uint_eq(threads, 1);
	ck_assert_int_eq(proctext_stat("4242 (ptviz) S 77 4242\n", &ppid,
	    &threads), -1);
	ck_assert_int_eq(proctext_stat("no parenthesis", &ppid, &threads),
	    -1);
}
END_TEST

START_TEST(limits_pid_max_refuses_with_its_numbers)
{
	struct limits_sample s = unlimited();
	struct limits l;
	char buf[256];

	s.figure[LIMIT_PID_MAX] = 32768;
	s.tasks = 68;
	/* One in 32 is left to others: 32768 - 1024 - 68. */
	ck_assert(!limits_fit(&s, 1024, 1024, &l));
	ck_assert_int_eq(l.id, LIMIT_PID_MAX);
	ck_assert_uint_eq(l.room, 31676);
	ck_assert_uint_eq(l.in_use, 68);
	limits_refusal(buf, sizeof(buf), &l, 1024, 1024);
	ck_assert_str_eq(buf, "1024 processes × 1024 threads need 1049600 "
	    "tasks, but this machine allows 31676 more (kernel.pid_max "
	    "32768, 68 in use)");
	ck_assert(limits_fit(&s, 494, 63, &l));		/* 31616 tasks */
	ck_assert(!limits_fit(&s, 495, 63, &l));	/* 31680 */
	ck_assert(limits_fit(&s, 256, 64, &l));
}
END_TEST

START_TEST(limits_the_tightest_limit_binds)
{
	struct limits_sample s = unlimited();
	struct limits l;

	s.figure[LIMIT_PID_MAX] = 4194304;
	s.figure[LIMIT_THREADS_MAX] = 6400;
	s.tasks = 300;
	limits_tasks(&s, 3, &l);
	ck_assert_str_eq(l.name, "kernel.threads-max");
	ck_assert_uint_eq(l.room, 6400 - 200 - 300);
	s.figure[LIMIT_NPROC] = 100;
	s.user_tasks = 10;
	limits_tasks(&s, 3, &l);
	ck_assert_str_eq(l.name, "RLIMIT_NPROC");
	ck_assert_uint_eq(l.room, 100 - 3 - 10);
	ck_assert_uint_eq(l.in_use, 10);
}
END_TEST

START_TEST(limits_nproc_counts_the_users_tasks)
{
	struct limits_sample s = unlimited();
	struct limits l;
	char buf[256];

	s.figure[LIMIT_NPROC] = 30;
	s.user_tasks = 1;
	ck_assert(!limits_fit(&s, 1, 60, &l));
	limits_refusal(buf, sizeof(buf), &l, 1, 60);
	ck_assert_str_eq(buf, "1 process × 60 threads need 61 tasks, but "
	    "this machine allows 29 more (RLIMIT_NPROC 30, 1 in use)");
	ck_assert(limits_fit(&s, 1, 28, &l));
	ck_assert(!limits_fit(&s, 1, 29, &l));
	ck_assert(limits_fit(&s, 29, 0, &l));
}
END_TEST

/* A rerun ends the run that is going: its tasks are not "in use". */
START_TEST(limits_own_children_are_not_in_use)
{
	struct limits_sample s = unlimited();
	struct limits l;

	s.figure[LIMIT_NPROC] = 40;
	s.user_tasks = 34;		/* ptviz and its 3 x 10 run */
	s.own_tasks = 33;
	s.figure[LIMIT_PID_MAX] = 32768;
	s.tasks = 500;
	limits_tasks(&s, 10, &l);
	ck_assert_str_eq(l.name, "RLIMIT_NPROC");
	ck_assert_uint_eq(l.in_use, 1);
	ck_assert_uint_eq(l.room, 40 - 1 - 1);
	s.figure[LIMIT_NPROC] = LIMITS_NONE;
	limits_tasks(&s, 10, &l);
	ck_assert_uint_eq(l.in_use, 500 - 33);
	/* Never below zero, whatever the counts say. */
	s.own_tasks = 600;
	limits_tasks(&s, 10, &l);
	ck_assert_uint_eq(l.in_use, 0);
}
END_TEST

START_TEST(limits_memory_charges_threads_and_processes)
{
	struct limits_sample s = unlimited();
	struct limits l;
	char buf[256];

	/* Seven eighths of 4754 KiB is 4160: ten processes of 9 threads,
	   96 + 10 x 32 KiB each. */
	s.figure[LIMIT_MEMORY] = 4754;
	ck_assert(limits_fit(&s, 10, 9, &l));
	ck_assert(!limits_fit(&s, 11, 9, &l));
	ck_assert(!limits_fit(&s, 10, 10, &l));
	ck_assert_str_eq(l.name, "MemAvailable");
	ck_assert_uint_eq(limits_most_procs(&s, 9, 1024, &l), 10);
	ck_assert_uint_eq(limits_most_threads(&s, 10, 1024, &l), 9);
	limits_refusal(buf, sizeof(buf), &l, 10, 10);
	ck_assert_str_eq(buf, "10 processes × 10 threads need 110 tasks, but "
	    "this machine allows 102 more (MemAvailable 4 MiB, 32 KiB a task "
	    "and 96 KiB more a process)");
	/* A laptop with 1 GiB available runs 256 x 64; no machine holds
	   1024 x 1024 in 8 GiB. */
	s.figure[LIMIT_MEMORY] = 1024 * 1024;
	ck_assert(limits_fit(&s, 256, 64, &l));
	s.figure[LIMIT_MEMORY] = 8 * 1024 * 1024;
	ck_assert(!limits_fit(&s, 1024, 1024, &l));
	/* Nonsense figures do not overflow into "no limit". */
	s.figure[LIMIT_MEMORY] = LIMITS_NONE - 1;
	limits_tasks(&s, 1024, &l);
	ck_assert_uint_lt(l.room, LIMITS_NONE);
	ck_assert(limits_fit(&s, 1024, 1024, &l));
}
END_TEST

START_TEST(limits_nothing_known_limits_nothing)
{
	struct limits_sample s = unlimited();
	struct limits l;

	s.tasks = 1000000;
	ck_assert(limits_fit(&s, 1024, 1024, &l));
	ck_assert_ptr_null(l.name);
	ck_assert_uint_eq(l.room, LIMITS_NONE);
	ck_assert_uint_eq(limits_most_procs(&s, 1024, 1024, &l), 1024);
	ck_assert_uint_eq(limits_most_threads(&s, 1024, 1024, &l), 1024);
}
END_TEST

START_TEST(limits_most_says_what_fits)
{
	struct limits_sample s = unlimited();
	struct limits l;
	char buf[256];

	s.figure[LIMIT_NPROC] = 40;
	s.user_tasks = 1;
	/* Room 38: 3 processes of 10 threads (33), 3 of 11 (36). */
	ck_assert_uint_eq(limits_most_procs(&s, 10, 1024, &l), 3);
	limits_most_note(buf, sizeof(buf), &l, 3, true);
	ck_assert_str_eq(buf, "3 processes is the most this machine allows "
	    "(RLIMIT_NPROC 40, 1 in use)");
	ck_assert_uint_eq(limits_most_threads(&s, 3, 1024, &l), 11);
	limits_most_note(buf, sizeof(buf), &l, 11, false);
	ck_assert_str_eq(buf, "11 threads per process is the most this "
	    "machine allows (RLIMIT_NPROC 40, 1 in use)");
	ck_assert_uint_eq(limits_most_procs(&s, 1024, 1024, &l), 0);
	ck_assert_uint_eq(limits_most_threads(&s, 39, 1024, &l), 0);
	ck_assert_uint_eq(limits_most_threads(&s, 1, 20, &l), 20);
	limits_most_note(buf, sizeof(buf), &l, 1, true);
	ck_assert_str_eq(buf, "1 process is the most this machine allows "
	    "(RLIMIT_NPROC 40, 1 in use)");
	limits_most_note(buf, sizeof(buf), &l, 1, false);
	ck_assert_str_eq(buf, "1 thread per process is the most this machine "
	    "allows (RLIMIT_NPROC 40, 1 in use)");
}
END_TEST

/* A stat line of a process with `threads` threads and parent ppid. */
static void
put_stat(const char *dir, int pid, int ppid, int threads)
{
	char path[64], text[256];

	snprintf(path, sizeof(path), "proc/%d/stat", pid);
	snprintf(text, sizeof(text), "%d (ptviz) S %d %d %d 0 -1 4194560 1 0 "
	    "0 0 1 2 0 0 20 0 %d 0 123 456\n", pid, ppid, pid, pid, threads);
	fake_put(dir, path, text);
}

/* A fake machine: pid_max 4096, 120 tasks, 2 GiB available; process 100
   (ptviz, 1 thread) with children 101 (3 threads) and 102 (4), and 7
   (2 threads) of the same owner. */
static void
fake_proc(char *dir)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "proc/sys/kernel/pid_max", "4096\n");
	fake_put(dir, "proc/sys/kernel/threads-max", "100000\n");
	fake_put(dir, "proc/loadavg", "0.50 0.40 0.30 2/120 9999\n");
	fake_put(dir, "proc/meminfo", "MemTotal: 4000000 kB\n"
	    "MemAvailable: 2097152 kB\n");
	put_stat(dir, 100, 1, 1);
	put_stat(dir, 101, 100, 3);
	put_stat(dir, 102, 100, 4);
	put_stat(dir, 7, 1, 2);
	fake_put(dir, "proc/100/task/100/children", "101 102 ");
	fake_put(dir, "proc/self", "not a process\n");
}

START_TEST(limits_read_a_fake_proc)
{
	char dir[] = "/tmp/check_limits.XXXXXX";
	struct limits_self self = { .uid = getuid(), .pid = 100, .nproc = 50 };
	struct limits_sample s;
	struct limits l;

	fake_proc(dir);
	limits_sample_at(&s, dir, &self);
	ck_assert_uint_eq(s.figure[LIMIT_PID_MAX], 4096);
	ck_assert_uint_eq(s.figure[LIMIT_THREADS_MAX], 100000);
	ck_assert_uint_eq(s.figure[LIMIT_NPROC], 50);
	ck_assert_uint_eq(s.figure[LIMIT_MEMORY], 2097152);
	ck_assert_uint_eq(s.tasks, 120);
	ck_assert_uint_eq(s.user_tasks, 1 + 3 + 4 + 2);
	ck_assert_uint_eq(s.own_tasks, 3 + 4);
	limits_tasks(&s, 3, &l);
	ck_assert_str_eq(l.name, "RLIMIT_NPROC");
	ck_assert_uint_eq(l.in_use, 3);		/* 100 and 7 */
	ck_assert_uint_eq(l.room, 50 - 1 - 3);
	/* Root (no RLIMIT_NPROC) does not scan, and pid_max binds. */
	self.nproc = LIMITS_NONE;
	limits_sample_at(&s, dir, &self);
	ck_assert_uint_eq(s.user_tasks, 0);
	limits_tasks(&s, 3, &l);
	ck_assert_str_eq(l.name, "kernel.pid_max");
	ck_assert_uint_eq(l.in_use, 120 - 7);
	/* Another user's processes are not counted. */
	self = (struct limits_self){ .uid = getuid() + 1, .pid = 100,
	    .nproc = 50 };
	limits_sample_at(&s, dir, &self);
	ck_assert_uint_eq(s.user_tasks, 0);
	fake_rm(dir);
}
END_TEST

/* mountinfo of a hybrid machine (v1 pids, v2 unified beside) and of a
   v2-only one, in a container whose cgroup root is not the hierarchy's. */
static const char hybrid_mounts[] =
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
    "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime shared:9 - cgroup cgroup "
    "rw,pids\n"
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 "
    "rw\n";
static const char v2_mounts[] =
    "25 20 0:22 /user.slice /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 "
    "rw,nsdelegate\n";

START_TEST(limits_cgroup_of_the_pids_controller)
{
	char dir[256];
	size_t top = 0;

	/* v1: the line naming pids among its controllers. */
	ck_assert_int_eq(proctext_cgroup("9:name=systemd:/\n"
	    "8:cpu,pids:/class/a\n0::/\n", hybrid_mounts, dir, sizeof(dir),
	    &top), 0);
	ck_assert_str_eq(dir, "/sys/fs/cgroup/pids/class/a");
	ck_assert_uint_eq(top, strlen("/sys/fs/cgroup/pids"));
	/* The root cgroup: the mount point itself. */
	ck_assert_int_eq(proctext_cgroup("8:pids:/\n", hybrid_mounts,
	    dir, sizeof(dir), &top), 0);
	ck_assert_str_eq(dir, "/sys/fs/cgroup/pids");
	/* "pidsx" or "xpids" is not pids; then v2, whose hierarchy is
	   mounted here too. */
	ck_assert_int_eq(proctext_cgroup("8:pidsx,xpids:/a\n0::/b\n",
	    hybrid_mounts, dir, sizeof(dir), &top), 0);
	ck_assert_str_eq(dir, "/sys/fs/cgroup/unified/b");
	/* v2 mounted from /user.slice: a cgroup below it, and one outside
	   (not mounted here). */
	ck_assert_int_eq(proctext_cgroup("0::/user.slice/u-1/s\n",
	    v2_mounts, dir, sizeof(dir), &top), 0);
	ck_assert_str_eq(dir, "/sys/fs/cgroup/u-1/s");
	ck_assert_int_eq(proctext_cgroup("0::/user.slicex/s\n",
	    v2_mounts, dir, sizeof(dir), &top), -1);
	ck_assert_int_eq(proctext_cgroup("0::/system.slice\n", v2_mounts,
	    dir, sizeof(dir), &top), -1);
	/* Nothing mounted, nothing named, nonsense. */
	ck_assert_int_eq(proctext_cgroup("8:pids:/a\n", "", dir,
	    sizeof(dir), &top), -1);
	ck_assert_int_eq(proctext_cgroup("", hybrid_mounts, dir,
	    sizeof(dir), &top), -1);
	ck_assert_int_eq(proctext_cgroup("garbage\n::\n", hybrid_mounts,
	    dir, sizeof(dir), &top), -1);
	ck_assert_int_eq(proctext_cgroup("8:pids:/a\n", "1 2 3\n", dir,
	    sizeof(dir), &top), -1);
}
END_TEST

START_TEST(limits_cgroup_with_least_room_binds)
{
	char dir[] = "/tmp/check_limits.XXXXXX";
	struct limits_self self = { .uid = getuid(), .pid = 100,
	    .nproc = LIMITS_NONE };
	struct limits_sample s;
	struct limits l;

	fake_proc(dir);
	fake_put(dir, "proc/100/cgroup", "8:pids:/class/a\n0::/\n");
	fake_put(dir, "proc/100/mountinfo", hybrid_mounts);
	/* class: 64 of which 20 in use (room 62 - 20 = 42); class/a: 32 of
	   which 9 in use, 7 of them ptviz's children (room 31 - 2 = 29). */
	fake_put(dir, "sys/fs/cgroup/pids/class/pids.max", "64\n");
	fake_put(dir, "sys/fs/cgroup/pids/class/pids.current", "20\n");
	fake_put(dir, "sys/fs/cgroup/pids/class/a/pids.max", "32\n");
	fake_put(dir, "sys/fs/cgroup/pids/class/a/pids.current", "9\n");
	fake_put(dir, "sys/fs/cgroup/pids/pids.current", "300\n");
	limits_sample_at(&s, dir, &self);
	ck_assert_uint_eq(s.figure[LIMIT_CGROUP], 32);
	ck_assert_uint_eq(s.cgroup_tasks, 9);
	limits_tasks(&s, 3, &l);
	ck_assert_str_eq(l.name, "cgroup pids.max");
	ck_assert_uint_eq(l.in_use, 2);
	ck_assert_uint_eq(l.room, 31 - 2);
	/* The level above binds once it leaves less room; "max" is none. */
	fake_put(dir, "sys/fs/cgroup/pids/class/pids.current", "45\n");
	fake_put(dir, "sys/fs/cgroup/pids/class/a/pids.max", "max\n");
	limits_sample_at(&s, dir, &self);
	ck_assert_uint_eq(s.figure[LIMIT_CGROUP], 64);
	ck_assert_uint_eq(s.cgroup_tasks, 45);
	ck_assert(!limits_fit(&s, 7, 3, &l));
	ck_assert_uint_eq(l.room, 62 - (45 - 7));
	/* No pids.max anywhere: no limit. */
	fake_put(dir, "sys/fs/cgroup/pids/class/pids.max", "max\n");
	limits_sample_at(&s, dir, &self);
	ck_assert_uint_eq(s.figure[LIMIT_CGROUP], LIMITS_NONE);
	fake_rm(dir);
}
END_TEST

START_TEST(limits_unreadable_proc_is_no_limit)
{
	char dir[] = "/tmp/check_limits.XXXXXX";
	struct limits_self self = { .uid = getuid(), .pid = 100, .nproc = 50 };
	struct limits_sample s;
	struct limits l;

	/* Nothing there at all, but RLIMIT_NPROC itself. */
	limits_sample_at(&s, "/nonexistent/ptviz", &self);
	ck_assert_uint_eq(s.figure[LIMIT_PID_MAX], LIMITS_NONE);
	ck_assert_uint_eq(s.figure[LIMIT_MEMORY], LIMITS_NONE);
	ck_assert_uint_eq(s.tasks, 0);
	self.nproc = LIMITS_NONE;
	limits_sample_at(&s, "/nonexistent/ptviz", &self);
	ck_assert(limits_fit(&s, 1024, 1024, &l));
	/* Garbage and empty files are no limit either. */
	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_put(dir, "proc/sys/kernel/pid_max", "lots\n");
	fake_put(dir, "proc/sys/kernel/threads-max", "");
	fake_put(dir, "proc/loadavg", "\n");
	fake_put(dir, "proc/meminfo", "MemAvailable: many kB\n");
	limits_sample_at(&s, dir, &self);
	ck_assert(limits_fit(&s, 1024, 1024, &l));
	ck_assert_ptr_null(l.name);
	fake_rm(dir);
}
END_TEST

/* The real machine: its figures are sane, and a small run fits. */
START_TEST(limits_this_machine_fits_a_small_run)
{
	struct limits_sample s;
	struct limits l;

	limits_sample(&s);
	ck_assert(limits_fit(&s, 5, 3, &l));
	ck_assert_uint_gt(s.tasks, 0);
	ck_assert_uint_eq(s.own_tasks, 0);
}
END_TEST

Suite *
limits_suite(void)
{
	Suite *s = suite_create("limits");
	TCase *tc = tcase_create("limits");

	tcase_add_test(tc, limits_loadavg_gives_the_tasks);
	tcase_add_test(tc, limits_meminfo_gives_mem_available);
	tcase_add_test(tc, limits_stat_gives_parent_and_threads);
	tcase_add_test(tc, limits_pid_max_refuses_with_its_numbers);
	tcase_add_test(tc, limits_the_tightest_limit_binds);
	tcase_add_test(tc, limits_nproc_counts_the_users_tasks);
	tcase_add_test(tc, limits_own_children_are_not_in_use);
	tcase_add_test(tc, limits_memory_charges_threads_and_processes);
	tcase_add_test(tc, limits_nothing_known_limits_nothing);
	tcase_add_test(tc, limits_most_says_what_fits);
	tcase_add_test(tc, limits_read_a_fake_proc);
	tcase_add_test(tc, limits_cgroup_of_the_pids_controller);
	tcase_add_test(tc, limits_cgroup_with_least_room_binds);
	tcase_add_test(tc, limits_unreadable_proc_is_no_limit);
	tcase_add_test(tc, limits_this_machine_fits_a_small_run);
	suite_add_tcase(s, tc);
	return s;
}
