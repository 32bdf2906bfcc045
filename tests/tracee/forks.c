/*
 * forks.c: a program for the tracer's tests and bench: it forks N children
 * (argument 1, default 2000), at most A alive at once (argument 2, default
 * 32: a storm of forks; 1: one after another), each living about a
 * millisecond; child i exits 0, exits 3, kills itself with SIGKILL or with
 * SIGTERM, as i % 4 says.  It prints nothing and exits 0 once every child
 * was reaped with the status it was meant to have, else 1.
 */
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* What child i does at its end, and the status its parent expects. */
static const struct {
	int	 code;		/* exit code, or -1 */
	int	 sig;		/* else the signal it dies of */
} ends[4] = { { 0, 0 }, { 3, 0 }, { -1, SIGKILL }, { -1, SIGTERM } };

static void
child(int i)
{
	struct timespec ms = { 0, 1000000 };

	nanosleep(&ms, NULL);
	if (ends[i % 4].code >= 0)
		_exit(ends[i % 4].code);
	signal(ends[i % 4].sig, SIG_DFL);
	raise(ends[i % 4].sig);
	_exit(99);
}

/* Reap one child; false if its status is not what child i should have. */
static int
reap(int *pids, int n)
{
	int ws, i;
	pid_t pid = wait(&ws);

	for (i = 0; i < n; i++)
		if (pids[i] == pid)
			break;
	if (i == n)
		return 0;
	if (ends[i % 4].code >= 0)
		return WIFEXITED(ws) && WEXITSTATUS(ws) == ends[i % 4].code;
	return WIFSIGNALED(ws) && WTERMSIG(ws) == ends[i % 4].sig;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 2000, i, alive = 0, ok = 1;
	int most = argc > 2 ? atoi(argv[2]) : 32;
	int *pids = calloc((size_t)n, sizeof(*pids));

	if (pids == NULL || n < 1 || most < 1)
		return 1;
	for (i = 0; i < n; i++) {
		if (alive == most) {
			ok &= reap(pids, n);
			alive--;
		}
		if ((pids[i] = fork()) == 0)
			child(i);
		if (pids[i] == -1)
			return 1;
		alive++;
	}
	for (; alive > 0; alive--)
		ok &= reap(pids, n);
	return ok ? 0 : 1;
}
