/*
 * signals.c: reading the ending signals from a descriptor, and dying of one.
 *
 * What was ignored at start is learnt once, in signals_init(), before
 * anything else changes a disposition; the sets built afterwards leave
 * those signals out, so they are never blocked, read or re-raised.
 */
#include <sys/signalfd.h>

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "signals.h"

/* Signals whose disposition was SIG_IGN at start (this file's own). */
static sigset_t ignored_at_start;

int
signals_init(void)
{
	static const int watched[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP,
	    SIGPIPE };
	struct sigaction sa;
	sigset_t pipe;
	size_t i;

	sigemptyset(&ignored_at_start);
	for (i = 0; i < sizeof(watched) / sizeof(watched[0]); i++) {
		if (sigaction(watched[i], NULL, &sa) == -1)
			return -1;
		if (sa.sa_handler == SIG_IGN)
			sigaddset(&ignored_at_start, watched[i]);
	}
	/* A parent that ignored SIGCHLD would have the kernel reap the
	   children before we could: the run would never end. */
	if (signal(SIGCHLD, SIG_DFL) == SIG_ERR)
		return -1;
	sigemptyset(&pipe);
	sigaddset(&pipe, SIGPIPE);
	return sigprocmask(SIG_BLOCK, &pipe, NULL);
}

bool
signals_ignored(int sig)
{
	return sigismember(&ignored_at_start, sig) == 1;
}

/* The signals read from the descriptor: ending ones, and SIGTSTP and
   SIGCONT (the screen's).  Blocking SIGCONT does not keep it from
   continuing the process; it only waits to be read. */
static void
caught(sigset_t *set, bool stop)
{
	static const int ending[] = { SIGINT, SIGTERM, SIGHUP };
	size_t i;

	sigemptyset(set);
	for (i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		if (!signals_ignored(ending[i]))
			sigaddset(set, ending[i]);
	if (stop && !signals_ignored(SIGTSTP))
		sigaddset(set, SIGTSTP);
	if (stop)
		sigaddset(set, SIGCONT);
}

int
signals_block(bool stop)
{
	sigset_t set;

	caught(&set, stop);
	return sigprocmask(SIG_BLOCK, &set, NULL);
}

int
signals_open(bool stop)
{
	sigset_t set;

	caught(&set, stop);
	return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

int
signals_read(int fd)
{
	struct signalfd_siginfo si;

	if (read(fd, &si, sizeof(si)) != sizeof(si))
		return 0;
	return (int)si.ssi_signo;
}

_Noreturn void
signals_reraise(int sig)
{
	sigset_t set;

	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

void
signals_stop_self(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL }, old;
	sigset_t set, saved;

	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &saved);
	/* Delivered at once: the process stops here until SIGCONT. */
	raise(SIGTSTP);
	sigprocmask(SIG_SETMASK, &saved, NULL);
	sigaction(SIGTSTP, &old, NULL);
}
