/*
 * work.c: the facts of the workloads, from their rows in work.h, and the
 * global mutex and semaphore that the processes of a run share.
 *
 * The semaphore is a futex word and an array of slots.  Taking a permit is
 * a compare-and-swap of a free slot to the taker's name; waiting is a
 * FUTEX_WAIT on the word as it was read before the slots were looked at,
 * so a release in between (which bumps the word) is never slept through.
 * A release frees the slot, bumps the word and wakes one waiter.  A waiter
 * woken and then killed would pass on nobody's wake-up: the main process's
 * recovery after each reaping wakes them all.
 */
#include <sys/mman.h>
#include <sys/syscall.h>

#include <errno.h>
#include <linux/futex.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "work.h"

/* The facts of each workload, from its row (the bodies and the critical
   paths are taken from it by child.c and stats.c). */
static const struct {
	const char	*name;
	unsigned	 min;
	const char	*about;
	unsigned	 reports;
	unsigned	 flags;
	const char	*critical_about;
} works[WORK_COUNT] = {
#define X(e, n, m, help, r, f, body, crit, words)			\
	[e] = { n, m, help, r, f, words },
	WORKS(X)
#undef X
};

struct work_shared {
	pthread_mutex_t	 gmutex;	/* robust, process-shared */
	_Atomic uint32_t seq;		/* bumped by every release */
	unsigned	 permits;
	size_t		 len;		/* of the mapping */
	_Atomic uint32_t slot[];	/* [permits]: 0 free, or holder */
};

const char *
work_name(enum work w)
{
	return (unsigned)w < WORK_COUNT ? works[w].name : "?";
}

const char *
work_about(enum work w)
{
	return (unsigned)w < WORK_COUNT ? works[w].about : "";
}

unsigned
work_min_threads(enum work w)
{
	return (unsigned)w < WORK_COUNT ? works[w].min : 1;
}

unsigned
work_reports(enum work w)
{
	return (unsigned)w < WORK_COUNT ? works[w].reports : 0;
}

unsigned
work_flags(enum work w)
{
	return (unsigned)w < WORK_COUNT ? works[w].flags : 0;
}

const char *
work_critical_about(enum work w)
{
	return (unsigned)w < WORK_COUNT ? works[w].critical_about : "";
}

bool
work_parse(const char *name, enum work *w)
{
	unsigned i;

	for (i = 0; i < WORK_COUNT; i++) {
		if (strcmp(name, works[i].name) == 0) {
			*w = (enum work)i;
			return true;
		}
	}
	return false;
}

const char *
work_names(char *buf, size_t len, const char *last)
{
	size_t n = 0;
	unsigned i;

	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < WORK_COUNT && n < len; i++) {
		snprintf(buf + n, len - n, "%s%s", i == 0 ? "" :
		    i + 1 == WORK_COUNT ? last : ", ", works[i].name);
		n += strlen(buf + n);
	}
	return buf;
}

struct work_shared *
work_shared_create(unsigned permits)
{
	struct work_shared *ws;
	pthread_mutexattr_t ma;
	size_t len;
	int error;

	if (permits == 0 || permits > WORK_MAX_PERMITS) {
		errno = EINVAL;
		return NULL;
	}
	len = sizeof(*ws) + permits * sizeof(ws->slot[0]);
	ws = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0);
	if (ws == MAP_FAILED)
		return NULL;
	ws->permits = permits;
	ws->len = len;
	atomic_init(&ws->seq, 0);
	for (unsigned i = 0; i < permits; i++)
		atomic_init(&ws->slot[i], 0);
	if ((error = pthread_mutexattr_init(&ma)) != 0 ||
	    (error = pthread_mutexattr_setpshared(&ma,
	    PTHREAD_PROCESS_SHARED)) != 0 ||
	    (error = pthread_mutexattr_setrobust(&ma,
	    PTHREAD_MUTEX_ROBUST)) != 0 ||
	    (error = pthread_mutex_init(&ws->gmutex, &ma)) != 0) {
		munmap(ws, len);
		errno = error;
		return NULL;
	}
	pthread_mutexattr_destroy(&ma);
	return ws;
}

void
work_shared_destroy(struct work_shared *ws)
{
	if (ws != NULL)
		munmap(ws, ws->len);
}

/* Wake up to n waiters on the word. */
static void
wake(struct work_shared *ws, int n)
{
	syscall(SYS_futex, &ws->seq, FUTEX_WAKE, n, NULL, NULL, 0);
}

unsigned
work_recover(struct work_shared *ws, unsigned proc)
{
	unsigned i, back = 0;

	if (ws == NULL)
		return 0;
	for (i = 0; i < ws->permits; i++) {
		uint32_t h = atomic_load(&ws->slot[i]);

		if (h != 0 && h >> 16 == proc &&
		    atomic_compare_exchange_strong(&ws->slot[i], &h, 0))
			back++;
	}
	/* Every waiter, also for a wake-up the dead one took with it. */
	atomic_fetch_add(&ws->seq, 1);
	wake(ws, INT_MAX);
	return back;
}

int
work_gmutex_lock(struct work_shared *ws, bool *recovered,
    void (*before)(void *), void *arg)
{
	int error = pthread_mutex_trylock(&ws->gmutex);

	if (error == EBUSY) {
		before(arg);
		error = pthread_mutex_lock(&ws->gmutex);
	}
	*recovered = error == EOWNERDEAD;
	if (error == EOWNERDEAD)
		error = pthread_mutex_consistent(&ws->gmutex);
	return error;
}

void
work_gmutex_unlock(struct work_shared *ws)
{
	pthread_mutex_unlock(&ws->gmutex);
}

/* Take a free slot for `me`; its index, or -1 if none is free. */
static int
take_slot(struct work_shared *ws, uint32_t me)
{
	unsigned i;

	for (i = 0; i < ws->permits; i++) {
		uint32_t free_ = 0;

		if (atomic_load_explicit(&ws->slot[i],
		    memory_order_relaxed) == 0 &&
		    atomic_compare_exchange_strong(&ws->slot[i], &free_, me))
			return (int)i;
	}
	return -1;
}

unsigned
work_sem_acquire(struct work_shared *ws, unsigned proc, unsigned thread,
    void (*before)(void *), void *arg)
{
	uint32_t me = (uint32_t)proc << 16 | (thread & 0xffffu), seq;
	int slot;

	if ((slot = take_slot(ws, me)) >= 0)
		return (unsigned)slot;
	before(arg);
	for (;;) {
		seq = atomic_load(&ws->seq);
		if ((slot = take_slot(ws, me)) >= 0)
			return (unsigned)slot;
		syscall(SYS_futex, &ws->seq, FUTEX_WAIT, seq, NULL, NULL, 0);
	}
}

void
work_sem_release(struct work_shared *ws, unsigned slot)
{
	atomic_store(&ws->slot[slot], 0);
	atomic_fetch_add(&ws->seq, 1);
	wake(ws, 1);
}
