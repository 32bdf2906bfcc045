/*
 * beatcost.c: what a computing thread's checks and heartbeat cost it.
 *
 * THREADS threads (default 4, neighbours in the beat slots, so their
 * stores share cache lines as in a run) each spin for SECONDS of CPU time
 * the way src/child.c's body_cpu does, in three ways taken in turn, ROUNDS
 * times: the bare spin; a spin of BEAT_SPIN, then both clocks (the checks
 * the cpu workload made before beats); the same and a beat_store().  Prints
 * the median work done per CPU second of each, in millions of rounds:
 *   beatcost [THREADS [SECONDS [ROUNDS]]]    ->  bare checked beating
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/beat.h"

enum how { BARE, CHECKED, BEATING, HOWS };

struct job {
	struct beats	*beats;
	unsigned	 thread;
	enum how	 how;
	uint64_t	 cpu_ns;
	double		 rate;		/* rounds a CPU ns */
};

static uint64_t
clock_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void *
spin(void *arg)
{
	struct job *j = arg;
	struct beat *b = beats_slot(j->beats, 1, j->thread);
	volatile uint64_t x = j->thread;
	uint64_t c0 = clock_ns(CLOCK_THREAD_CPUTIME_ID), c = c0, w, n = 0;
	unsigned k;

	while (c - c0 < j->cpu_ns) {
		for (k = 0; k < BEAT_SPIN; k++)
			x = x * 6364136223846793005u + 1442695040888963407u;
		n += BEAT_SPIN;
		if (j->how == BARE) {
			/* One look at the clock in 64 spins: nearly none. */
			if (n % (64ull * BEAT_SPIN) == 0)
				c = clock_ns(CLOCK_THREAD_CPUTIME_ID);
			continue;
		}
		w = clock_ns(CLOCK_MONOTONIC);
		c = clock_ns(CLOCK_THREAD_CPUTIME_ID);
		if (j->how == BEATING)
			beat_store(b, w, c - c0);
	}
	j->rate = (double)n / (double)(c - c0);
	return NULL;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	unsigned nt = argc > 1 ? (unsigned)atoi(argv[1]) : 4;
	double secs = argc > 2 ? atof(argv[2]) : 0.5;
	unsigned rounds = argc > 3 ? (unsigned)atoi(argv[3]) : 5, r, i;
	struct beats beats;
	struct job *jobs;
	pthread_t *tids;
	double *rate[HOWS];
	int h;

	if (nt < 1 || rounds < 1 || beats_create(&beats, 1, nt) == -1)
		return 1;
	jobs = calloc(nt, sizeof(*jobs));
	tids = calloc(nt, sizeof(*tids));
	for (h = 0; h < HOWS; h++)
		rate[h] = calloc((size_t)rounds * nt, sizeof(double));
	if (jobs == NULL || tids == NULL || rate[HOWS - 1] == NULL)
		return 1;
	for (r = 0; r < rounds; r++)
		for (h = 0; h < HOWS; h++) {
			for (i = 0; i < nt; i++) {
				jobs[i] = (struct job){ &beats, i + 1,
				    (enum how)h, (uint64_t)(secs * 1e9), 0 };
				pthread_create(&tids[i], NULL, spin, &jobs[i]);
			}
			for (i = 0; i < nt; i++) {
				pthread_join(tids[i], NULL);
				rate[h][r * nt + i] = jobs[i].rate;
			}
		}
	for (h = 0; h < HOWS; h++) {
		qsort(rate[h], (size_t)rounds * nt, sizeof(double), cmp);
		printf("%s%.2f", h ? " " : "",
		    rate[h][(size_t)rounds * nt / 2] * 1e3);
	}
	printf("\n");
	beats_destroy(&beats);
	return 0;
}
