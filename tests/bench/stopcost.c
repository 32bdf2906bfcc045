/*
 * stopcost.c: what one ptrace stop costs on this machine, the tracee
 * stopped, the tracer woken, the tracee let go -- the unit of what tracing
 * a program that forks fast costs (bench.sh part 11: about 5 a child).
 *   stopcost N ROUNDS     (prints each round's time a stop, in
 *                          microseconds, one a line)
 * The tracee raises an ignored signal N times: a traced task stops at
 * each all the same (a signal-delivery stop).  The tracer is ptviz's: it
 * sleeps in poll() on a SIGCHLD signalfd, then waitpid(__WALL | WNOHANG)
 * until nothing is left, letting each stop go with PTRACE_CONT.
 */
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/wait.h>

#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* The tracee: wait for the word, then N stops. */
static _Noreturn void
tracee(int n, const int go[2])
{
	char c;
	int i;

	close(go[1]);
	if (read(go[0], &c, 1) == -1)
		_exit(1);
	signal(SIGUSR1, SIG_IGN);
	for (i = 0; i < n; i++)
		raise(SIGUSR1);
	_exit(0);
}

/* One round: the time a stop, in microseconds; -1 if it failed. */
static double
round_us(int n, int sfd)
{
	struct signalfd_siginfo si;
	struct pollfd pfd = { .fd = sfd, .events = POLLIN };
	int go[2], ws, stops = 0;
	double t0;
	pid_t pid, r;

	if (pipe(go) == -1 || (pid = fork()) == -1)
		return -1;
	if (pid == 0)
		tracee(n, go);
	close(go[0]);
	if (ptrace(PTRACE_SEIZE, pid, NULL, NULL) == -1)
		return -1;
	t0 = now_us();
	close(go[1]);
	while ((r = waitpid(-1, &ws, __WALL | WNOHANG)) != -1) {
		if (r == 0) {
			poll(&pfd, 1, -1);
			while (read(sfd, &si, sizeof(si)) > 0)
				;
		} else if (WIFSTOPPED(ws)) {
			stops++;
			ptrace(PTRACE_CONT, r, NULL, NULL);
		}
	}
	return stops >= n ? (now_us() - t0) / stops : -1;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 20000;
	int rounds = argc > 2 ? atoi(argv[2]) : 5, i, sfd;
	sigset_t chld;
	double us;

	if (n < 1 || rounds < 1)
		return 2;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	if ((sfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC)) == -1)
		return 1;
	for (i = 0; i < rounds; i++) {
		if ((us = round_us(n, sfd)) < 0)
			return 1;
		printf("%.2f\n", us);
	}
	return 0;
}
