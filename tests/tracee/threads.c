/*
 * threads.c: a program for the tracer's tests: a process with three
 * threads it names.  "early" ends at once; "worker-b" and "worker-c" wait
 * until main has joined it, then end -- so "early" ends first whatever
 * the scheduler does.  It prints nothing and exits 0.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

static int go[2];

static void *
early(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "early");
	return NULL;
}

static void *
worker(void *arg)
{
	char c;

	pthread_setname_np(pthread_self(), arg);
	if (read(go[0], &c, 1) != 1)
		return NULL;
	return NULL;
}

int
main(void)
{
	pthread_t b, c, a;

	if (pipe(go) == -1 ||
	    pthread_create(&b, NULL, worker, (void *)(uintptr_t)"worker-b") != 0 ||
	    pthread_create(&c, NULL, worker, (void *)(uintptr_t)"worker-c") != 0 ||
	    pthread_create(&a, NULL, early, NULL) != 0)
		return 1;
	pthread_join(a, NULL);
	if (write(go[1], "gg", 2) != 2)
		return 1;
	pthread_join(b, NULL);
	pthread_join(c, NULL);
	return 0;
}
