/*
 * ignore_term.c: a program for the tracer's tests that will not die of
 * SIGTERM: it ignores it, forks a child that ignores it too, writes its
 * own and its child's pid on stdout and waits for ever.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	pid_t pid;

	signal(SIGTERM, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	if ((pid = fork()) == -1)
		return 1;
	if (pid == 0)
		for (;;)
			pause();
	printf("%d %d\n", (int)getpid(), (int)pid);
	fflush(stdout);
	for (;;)
		pause();
}
