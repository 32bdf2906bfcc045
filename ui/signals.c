/*
 * signals.c: reading the ending signals from a descriptor, and dying of one.
 */
#include <sys/signalfd.h>

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "signals.h"

/* The ending signals. */
static void
ending(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
}

int
signals_block(void)
{
	sigset_t set;

	ending(&set);
	return sigprocmask(SIG_BLOCK, &set, NULL);
}

int
signals_open(void)
{
	sigset_t set;

	ending(&set);
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
