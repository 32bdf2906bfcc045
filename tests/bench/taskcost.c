/*
 * taskcost.c: what it costs to say what each thread of a real program is
 * doing (src/taskstate.c), the figure that bounds how often a traced
 * program's threads can be sampled.
 *
 * A helper process starts THREADS threads (default 1000) that each sleep
 * in clock_nanosleep, as a Python program's threads in time.sleep do.
 * Then, ROUNDS times (default 5), each of five ways in turn sweeps over
 * all of them for at least 0.2 s of this process's CPU (user and system:
 * procfs makes its text in the reader's time):
 *   stat    the stat file alone, by its path (what the kernel view reads);
 *   class   the class, by the paths: stat and syscall;
 *   open    the same from the two files kept open (taskstate_open);
 *   quick   kept open, the syscall file alone (TASKSTATE_WANT_QUICK);
 *   all     by the paths, with all the particulars (the wait channel, the
 *           sleep's length from the helper's memory).
 * Prints the median CPU microseconds a thread of each, and the share of
 * the sweeps that saw every thread asleep (the figure is of the work
 * meant):
 *   taskcost [THREADS [ROUNDS]]
 *     ->  threads us_stat us_class us_open us_quick us_all %asleep
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <dirent.h>
#include <stdbool.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../../src/kstat.h"
#include "../../src/taskstate.h"

#define SWEEP_NS	200000000ull	/* CPU a way sweeps for, a round */
#define MAX_THREADS	20000

enum way { STAT, CLASS, OPEN, QUICK, ALL, WAYS };

static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void *
sleeper(void *arg)
{
	struct timespec long_time = { 100000, 0 };

	for (;;)
		clock_nanosleep(CLOCK_MONOTONIC, 0, &long_time, NULL);
	return arg;
}

/* The helper: n sleeping threads, until it is killed (or we die). */
static pid_t
helper(unsigned n)
{
	pthread_attr_t a;
	pthread_t t;
	pid_t pid;
	unsigned i;

	if ((pid = fork()) != 0)
		return pid;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 64 * 1024);
	for (i = 0; i < n; i++)
		if (pthread_create(&t, &a, sleeper, NULL) != 0)
			_exit(1);
	for (;;)
		pause();
}

/* The tids of pid's threads but its main one, into tids; how many. */
static unsigned
tids_of(pid_t pid, pid_t *tids, unsigned max)
{
	char path[64];
	struct dirent *d;
	unsigned n = 0;
	DIR *dir;
	long tid;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	if ((dir = opendir(path)) == NULL)
		return 0;
	while ((d = readdir(dir)) != NULL && n < max)
		if ((tid = atol(d->d_name)) > 0 && tid != pid)
			tids[n++] = (pid_t)tid;
	closedir(dir);
	return n;
}

static struct taskstate_files files[MAX_THREADS];

/* One sweep over the n threads in way w; how many were asleep. */
static unsigned
sweep(enum way w, pid_t pid, const pid_t *tids, unsigned n)
{
	struct taskstate ts;
	struct kstat k;
	unsigned i, asleep = 0;

	for (i = 0; i < n; i++) {
		if (w == STAT) {
			kstat_read_some("/proc", pid, tids[i], KSTAT_STATE,
			    &k);
			asleep += k.state == 'S';
			continue;
		}
		if (w == OPEN || w == QUICK)
			taskstate_read_open(&files[i], w == QUICK ?
			    TASKSTATE_WANT_QUICK : 0, &ts);
		else
			taskstate_read("/proc", pid, tids[i], w == ALL ?
			    TASKSTATE_WANT_ALL : 0, &ts);
		asleep += ts.cls == TASKSTATE_SLEEP;
	}
	return asleep;
}

/* Two descriptors a thread kept open: as many as the hard limit allows. */
static bool
open_all(pid_t pid, const pid_t *tids, unsigned n)
{
	struct rlimit rl;
	unsigned i;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	for (i = 0; i < n; i++)
		if (taskstate_open("/proc", pid, tids[i], &files[i]) == -1) {
			perror("taskcost: taskstate_open");
			return false;
		}
	return true;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000;
	unsigned rounds = argc > 2 ? (unsigned)atoi(argv[2]) : 5;
	static pid_t tids[MAX_THREADS];
	double us[WAYS][64];
	unsigned r, w, got, tries, sweeps, full = 0, total = 0;
	uint64_t c0;
	pid_t pid;

	if (n == 0 || n > MAX_THREADS || rounds == 0 || rounds > 64) {
		fprintf(stderr, "usage: taskcost [THREADS [ROUNDS]]\n");
		return 2;
	}
	if ((pid = helper(n)) == -1)
		return 1;
	/* All started, and all asleep: up to 30 s on a busy machine. */
	for (tries = 0; tries < 300; tries++) {
		got = tids_of(pid, tids, MAX_THREADS);
		if (got == n && sweep(CLASS, pid, tids, n) == n)
			break;
		usleep(100000);
	}
	if (got != n || !open_all(pid, tids, n)) {
		fprintf(stderr, "taskcost: %u threads of %u started\n", got, n);
		kill(pid, SIGKILL);
		return 1;
	}
	for (r = 0; r < rounds; r++)
		for (w = 0; w < WAYS; w++) {
			c0 = cpu_ns();
			for (sweeps = 0; cpu_ns() - c0 < SWEEP_NS; sweeps++)
				full += sweep(w, pid, tids, n) == n;
			total += sweeps;
			us[w][r] = (double)(cpu_ns() - c0) / 1e3 /
			    ((double)sweeps * n);
		}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	for (w = 0; w < WAYS; w++)
		qsort(us[w], rounds, sizeof(us[w][0]), by_value);
	printf("%u", n);
	for (w = 0; w < WAYS; w++)
		printf(" %.2f", us[w][rounds / 2]);
	printf(" %.1f\n", 100.0 * full / (total > 0 ? total : 1));
	return 0;
}
