/*
 * stress.c: many producers against one consumer, every sequence checked.
 */
#include <sys/wait.h>

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../src/region.h"
#include "../src/ring.h"
#include "stress.h"

struct producer {
	struct ring	*ring;
	unsigned	 id;
	uint64_t	 per;
};

static void *
produce(void *arg)
{
	const struct producer *p = arg;
	struct event ev = { .tid = (int32_t)p->id };
	uint64_t i;

	for (i = 0; i < p->per; i++) {
		ev.sleep_ns = i;
		ring_push_mpsc(p->ring, &ev);
	}
	return NULL;
}

/* Nothing to pop: give the CPU to the producers for a moment.  On a
   loaded machine a consumer that spins starves them, and the stress takes
   minutes instead of seconds. */
static void
idle(void)
{
	sched_yield();
}

/* Take one event and check it is the next of its producer. */
static int
check(const struct event *ev, uint64_t *next, unsigned producers)
{
	if (ev->tid < 0 || (unsigned)ev->tid >= producers) {
		fprintf(stderr, "stress: bad producer id %d\n", ev->tid);
		return -1;
	}
	if (ev->sleep_ns != next[ev->tid]) {
		fprintf(stderr, "stress: producer %d sent %llu, expected %llu\n",
		    ev->tid, (unsigned long long)ev->sleep_ns,
		    (unsigned long long)next[ev->tid]);
		return -1;
	}
	next[ev->tid]++;
	return 0;
}

int
stress_threads(unsigned producers, uint64_t per, uint32_t slots,
    uint32_t start)
{
	struct ring *r = aligned_alloc(64, ring_bytes(slots));
	struct producer *p = calloc(producers, sizeof(*p));
	pthread_t *t = calloc(producers, sizeof(*t));
	uint64_t *next = calloc(producers, sizeof(*next));
	uint64_t got = 0, want = per * producers;
	struct ring_cursor c;
	struct event ev;
	unsigned i;
	int rc = 0;

	if (r == NULL || p == NULL || t == NULL || next == NULL)
		return -1;
	ring_init(r, slots, start, &c);
	for (i = 0; i < producers; i++) {
		p[i] = (struct producer){ r, i, per };
		pthread_create(&t[i], NULL, produce, &p[i]);
	}
	while (got < want && rc == 0) {
		if (ring_pop(r, &c, &ev)) {
			rc = check(&ev, next, producers);
			got++;
		} else {
			idle();
		}
	}
	for (i = 0; i < producers; i++)
		pthread_join(t[i], NULL);
	if (rc == 0 && ring_pop(r, &c, &ev)) {
		fprintf(stderr, "stress: an event too many\n");
		rc = -1;
	}
	free(next);
	free(t);
	free(p);
	free(r);
	return rc;
}

/* One producing process: nthread threads on ring `proc`. */
static _Noreturn void
child(const struct region *g, unsigned proc, unsigned nthread, uint64_t per)
{
	struct producer *p = calloc(nthread, sizeof(*p));
	pthread_t *t = calloc(nthread, sizeof(*t));
	unsigned i;

	if (p == NULL || t == NULL)
		_exit(1);
	for (i = 0; i < nthread; i++) {
		p[i] = (struct producer){ region_ring(g, proc), proc * nthread + i,
		    per };
		if (pthread_create(&t[i], NULL, produce, &p[i]) != 0)
			_exit(1);
	}
	for (i = 0; i < nthread; i++)
		pthread_join(t[i], NULL);
	_exit(0);
}

int
stress_procs(unsigned nproc, unsigned nthread, uint64_t per, uint32_t slots)
{
	unsigned producers = nproc * nthread, i;
	uint64_t *next = calloc(producers, sizeof(*next));
	struct ring_cursor *c = calloc(nproc, sizeof(*c));
	uint64_t got = 0, want = per * producers;
	struct region g;
	struct event ev;
	int rc = 0, ws;

	if (next == NULL || c == NULL ||
	    region_create(&g, nproc, slots, UINT32_MAX - 7) == -1)
		return -1;
	for (i = 0; i < nproc; i++) {
		c[i] = (struct ring_cursor){ UINT32_MAX - 7, slots - 1 };
		if (fork() == 0)
			child(&g, i, nthread, per);
	}
	while (got < want && rc == 0) {
		uint64_t before = got;

		for (i = 0; i < nproc && rc == 0; i++) {
			while (rc == 0 && ring_pop(region_ring(&g, i), &c[i],
			    &ev)) {
				rc = check(&ev, next, producers);
				got++;
			}
		}
		if (got == before)
			idle();
	}
	for (i = 0; i < nproc; i++) {
		wait(&ws);
		if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
			rc = -1;
	}
	region_destroy(&g);
	free(c);
	free(next);
	return rc;
}
