/*
 * thread_exec.c: a program for the tracer's tests: its second thread (not
 * the main one) execs /bin/true, which the kernel lets happen only once
 * every other thread has gone -- the main thread disappears, and the
 * exec'ing thread takes its tid.
 */
#include <pthread.h>
#include <unistd.h>

static void *
run_true(void *arg)
{
	char name[] = "true";
	char *const argv[] = { name, NULL };

	(void)arg;
	execv("/bin/true", argv);
	_exit(1);
}

int
main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, run_true, NULL) != 0)
		return 1;
	pthread_join(t, NULL);
	return 1;
}
