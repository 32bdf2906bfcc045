/*
 * forkbomb.c: a program for the tracer's hostile tests: a fork bomb
 * bounded by the machine's limit (run it where a cgroup's pids.max or
 * RLIMIT_NPROC stops it).  Each process forks two children, which do the
 * same, until a fork fails; a process whose fork failed says so (a byte
 * on a pipe) and, like every other, sleeps until it is killed.  The first
 * prints "limit reached" on stdout at the first failure.  It never
 * exits by itself.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	int failed[2], i;
	pid_t first = getpid();
	char c;

	if (pipe(failed) == -1)
		return 1;
	for (i = 0; i < 2; i++) {
		switch (fork()) {
		case -1:
			if (write(failed[1], "x", 1) != 1)
				return 1;
			i = 2;
			break;
		case 0:
			i = -1;		/* the child begins again */
			break;
		}
	}
	if (getpid() == first && read(failed[0], &c, 1) == 1) {
		printf("limit reached\n");
		fflush(stdout);
	}
	for (;;)
		pause();
}
