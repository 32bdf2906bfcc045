/*
 * manythreads.c: a program for the tracer's hostile tests.  It forks P
 * children (argument 2, default 4) that start N threads between them
 * (argument 1, default 10000), each on a small stack, each asleep on one
 * condition until its process lets them all go; then they are joined,
 * and the children waited for.  Once every thread is started, the
 * program prints "all N started" on stdout; the threads are let go after
 * H seconds (argument 3, default 1; 0: never, until killed; "-": once
 * standard input ends).  Exit 0, or 1 if a thread or a process could not
 * be started.  Its children die with it.
 */
#include <sys/prctl.h>
#include <sys/wait.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define STACK	(64 * 1024)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int go;

static void *
sleeper(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!go)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* Start n threads, tell ready (a byte on fd), hold them hold seconds (0:
   for ever, -1: until stdin ends), let them go and join them; 0, or 1 if
   one did not start. */
static int
process(int n, int fd, int hold)
{
	char buf[64];
	pthread_attr_t attr;
	pthread_t *t = calloc((size_t)n, sizeof(*t));
	int i, made;

	if (t == NULL)
		return 1;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, STACK);
	for (made = 0; made < n; made++)
		if (pthread_create(&t[made], &attr, sleeper, NULL) != 0)
			break;
	if (made < n || write(fd, "x", 1) != 1)
		fprintf(stderr, "manythreads: %d of %d threads\n", made, n);
	if (hold == 0)
		for (;;)
			pause();
	if (hold > 0)
		sleep((unsigned)hold);
	while (hold < 0 && read(STDIN_FILENO, buf, sizeof(buf)) > 0)
		;
	pthread_mutex_lock(&lock);
	go = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < made; i++)
		pthread_join(t[i], NULL);
	free(t);
	return made < n;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 10000;
	int procs = argc > 2 ? atoi(argv[2]) : 4;
	int hold = argc < 4 ? 1 : argv[3][0] == '-' ? -1 : atoi(argv[3]);
	pid_t parent = getpid();
	int ready[2], i, ws, bad = 0;
	char c;

	if (n < 1 || procs < 1 || pipe(ready) == -1)
		return 1;
	/* Each child dies with the program (a test that kills it leaves
	   nothing); the first takes what does not divide evenly. */
	for (i = 0; i < procs; i++) {
		if (fork() != 0)
			continue;
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		_exit(process(i == 0 ? n - n / procs * (procs - 1) :
		    n / procs, ready[1], hold));
	}
	for (i = 0; i < procs; i++)
		if (read(ready[0], &c, 1) != 1)
			return 1;
	printf("all %d started\n", n);
	fflush(stdout);
	while (wait(&ws) > 0)
		bad |= !WIFEXITED(ws) || WEXITSTATUS(ws) != 0;
	return bad;
}
