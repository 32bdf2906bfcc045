/*
 * floor.c: the floor ptviz's run is measured against: fork P processes,
 * each starting and joining T threads (64 KiB stacks, as ptviz's) that do
 * nothing, with no reporting at all; with N, each thread adds 1 to a
 * counter in shared memory N times as -w race does (a read, then an
 * exchange of what it read plus 1), still with no reporting.
 *   floor P T [N]
 */
#include <sys/mman.h>
#include <sys/wait.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static _Atomic uint32_t *counter;
static unsigned updates;

static void *
nothing(void *arg)
{
	unsigned k;
	uint32_t v;

	for (k = 0; k < updates; k++) {
		v = atomic_load_explicit(counter, memory_order_relaxed);
		atomic_exchange_explicit(counter, v + 1,
		    memory_order_relaxed);
	}
	return arg;
}

static _Noreturn void
child(unsigned nthread)
{
	pthread_t *t = calloc(nthread, sizeof(*t));
	pthread_attr_t attr;
	unsigned j;

	if (t == NULL || pthread_attr_init(&attr) != 0)
		_exit(1);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (j = 0; j < nthread; j++)
		if (pthread_create(&t[j], &attr, nothing, NULL) != 0)
			_exit(1);
	for (j = 0; j < nthread; j++)
		pthread_join(t[j], NULL);
	_exit(0);
}

int
main(int argc, char *argv[])
{
	unsigned nproc, nthread, i;
	int ws, bad = 0;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: floor P T [N]\n");
		return 2;
	}
	nproc = (unsigned)atoi(argv[1]);
	nthread = (unsigned)atoi(argv[2]);
	updates = argc == 4 ? (unsigned)atoi(argv[3]) : 0;
	counter = mmap(NULL, sizeof(*counter), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (counter == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	fflush(NULL);
	for (i = 0; i < nproc; i++) {
		pid_t pid = fork();

		if (pid == 0)
			child(nthread);
		if (pid == -1) {
			perror("fork");
			return 1;
		}
	}
	for (i = 0; i < nproc; i++)
		if (wait(&ws) == -1 || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
			bad++;
	puts("Main process done.");
	return bad ? 1 : 0;
}
