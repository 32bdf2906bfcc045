/*
 * sleepers.c: a program for the tracer's bench: N threads (argument 1,
 * 1000 if none) that each sleep S seconds (argument 2, 5 if none), then
 * end.  What ptviz costs while a program's threads all sleep: the
 * sampling of their states alone.  It prints nothing and exits 0, or 1
 * if a thread could not be started.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned seconds = 5;

static void *
sleeper(void *arg)
{
	(void)arg;
	sleep(seconds);
	return NULL;
}

int
main(int argc, char *argv[])
{
	unsigned i, n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000;
	pthread_attr_t attr;
	pthread_t *t;
	int rc = 0;

	if (argc > 2)
		seconds = (unsigned)atoi(argv[2]);
	if ((t = calloc(n, sizeof(*t))) == NULL)
		return 1;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], &attr, sleeper, NULL) != 0) {
			n = i;
			rc = 1;
		}
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	free(t);
	return rc;
}
