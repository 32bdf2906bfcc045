/*
 * timeit.c: run commands alternately, N rounds, and print each one's median
 * wall time in milliseconds -- a ratio of two medians taken side by side
 * holds on a noisy machine where a single timing does not.
 *   timeit N 'cmd a' 'cmd b' ...     (each run through /bin/sh, output to
 *                                     /dev/null; a failing run is an error)
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One run of cmd; its wall time in ms, or -1 if it failed. */
static double
once(const char *cmd)
{
	double t0 = now_ms();
	pid_t pid = fork();
	int ws, fd;

	if (pid == 0) {
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (pid == -1 || waitpid(pid, &ws, 0) == -1 || !WIFEXITED(ws) ||
	    WEXITSTATUS(ws) != 0)
		return -1;
	return now_ms() - t0;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char *argv[])
{
	int rounds, ncmd, r, c;
	double *t;

	if (argc < 3 || (rounds = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: timeit ROUNDS CMD...\n");
		return 2;
	}
	ncmd = argc - 2;
	if ((t = calloc((size_t)(rounds * ncmd), sizeof(*t))) == NULL)
		return 1;
	for (r = 0; r < rounds; r++) {
		for (c = 0; c < ncmd; c++) {
			/* Alternate the order too, so neither always goes first. */
			int k = r % 2 ? ncmd - 1 - c : c;

			if ((t[k * rounds + r] = once(argv[k + 2])) < 0) {
				fprintf(stderr, "timeit: '%s' failed\n",
				    argv[k + 2]);
				return 1;
			}
		}
	}
	for (c = 0; c < ncmd; c++) {
		qsort(t + c * rounds, (size_t)rounds, sizeof(*t), cmp);
		printf("%s%.3f", c ? " " : "", t[c * rounds + rounds / 2]);
	}
	putchar('\n');
	free(t);
	return 0;
}
