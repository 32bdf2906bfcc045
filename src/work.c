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
 *
 * The race's counter is a word the threads read and write apart, as a
 * program without a lock does; the write is an exchange only to tell the
 * value it replaced (a lost update shows there), and the writes are
 * counted beside it, so that the main process knows at the end what the
 * counter should be.
 *
 * The queue is a ring of `slots` item numbers under a robust mutex, with
 * two condition variables, "not full" and "not empty", each a futex word
 * that a signal bumps: glibc's process-shared pthread_cond_t is no use
 * here, as its signal waits for the waiters of an older group to leave,
 * and a waiter killed in it never leaves -- the signaller, holding the
 * lock, hung with every other thread behind it (measured: a queue run
 * with a process killed never ended).  A waiter reads the word with the
 * lock held, lets the lock go and sleeps while the word is unchanged, so
 * a signal in between is never slept through; its sleep is also timed
 * (QUEUE_RECHECK_NS), for the main process's break, which takes no lock.  A producer puts `iterations` items; the
 * consumers take until every item of the run (`items`) was taken.  A
 * process that dies takes its items with it, so the main process breaks
 * the queue (work_recover): waiters stop waiting and nobody waits again.
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
#include <time.h>
#include <unistd.h>

#include "event.h"
#include "model_types.h"
#include "work.h"

/* The facts of each workload, from its row (the bodies and the critical
   paths are taken from it by child.c and stats.c). */
static const struct {
	const char	*name;
	unsigned	 min;
	const char	*about;
	unsigned	 reports;
	unsigned	 per;
	unsigned	 flags;
	const char	*critical_about;
} works[WORK_COUNT] = {
#define X(e, n, m, help, r, per, f, body, crit, words)		\
	[e] = { n, m, help, r, per, f, words },
	WORKS(X)
#undef X
};

/*
 * The code a thread of each workload runs, as the screen's code pane shows
 * it: a few C-like lines true to child.c's body, and beside each line the
 * model's states that mean "the thread is on this line now" (what it last
 * told).  A key matches a thread's state; for a move, `what` is the move's
 * kind, else the object it last waited for or held (kept after the wait:
 * a barrier's second sleep is a sleep after the barrier); `held` counts
 * the locks it holds (the deadlock's second lock).  A thread not started
 * or ended is on no line.
 */
#define ANY	0xffu
#define AT(st, wh)		{ st, wh, ANY, ANY, ANY, ANY }
#define AT_OBJ(st, wh, ob)	{ st, wh, ob, ANY, ANY, ANY }
#define AT_HELD(st, wh, n)	{ st, wh, ANY, n, ANY, ANY }
/* A thread at its gate whose next move runs the line: as AT, and
   whether it has rounds of its loop left (`more`), whether it is a
   producer of the queue. */
#define NEXT_MORE(st, wh, m)	{ st, wh, ANY, ANY, m, ANY }
#define NEXT_ROLE(st, prod)	{ st, ANY, ANY, ANY, ANY, prod }
#define CODE_KEYS	3

struct code_key {
	uint8_t		 state, what, object, held, more, producer;
};

struct code_line {
	const char	*text;
	struct code_key	 at[CODE_KEYS];	/* state 0 (ST_NEW): no more */
	struct code_key	 next[CODE_KEYS]; /* step mode: at its gate, the
					   line its next move runs */
};

static const struct code_line code_sleep[] = {
	{ "sleep(d);", { AT(ST_RUNNING, ANY), AT(ST_SLEEPING, ANY) },
	    { AT(ST_RUNNING, ANY) } },
};
static const struct code_line code_cpu[] = {
	{ "compute(d);", { AT(ST_RUNNING, ANY), AT(ST_COMPUTING, ANY),
	    AT(ST_WAITING, OBJ_CPU) }, { AT(ST_RUNNING, ANY) } },
};
static const struct code_line code_mutex[] = {
	{ "lock(&m);", { AT(ST_RUNNING, ANY), AT(ST_WAITING, OBJ_MUTEX) },
	    { AT(ST_RUNNING, ANY) } },
	{ "sleep(d);", { AT(ST_HOLDING, OBJ_MUTEX) }, { { 0 } } },
	{ "unlock(&m);", { { 0 } }, { AT(ST_HOLDING, OBJ_MUTEX) } },
};
static const struct code_line code_gmutex[] = {
	{ "lock(&g);", { AT(ST_RUNNING, ANY), AT(ST_WAITING, OBJ_GMUTEX) },
	    { AT(ST_RUNNING, ANY) } },
	{ "sleep(d);", { AT(ST_HOLDING, OBJ_GMUTEX) }, { { 0 } } },
	{ "unlock(&g);", { { 0 } }, { AT(ST_HOLDING, OBJ_GMUTEX) } },
};
static const struct code_line code_semaphore[] = {
	{ "sem_wait(&s);", { AT(ST_RUNNING, ANY), AT(ST_WAITING, OBJ_SEM) },
	    { AT(ST_RUNNING, ANY) } },
	{ "sleep(d);", { AT(ST_HOLDING, OBJ_SEM) }, { { 0 } } },
	{ "sem_post(&s);", { { 0 } }, { AT(ST_HOLDING, OBJ_SEM) } },
};
/* The sleep after the barrier is part of the wait's move: no gate. */
static const struct code_line code_barrier[] = {
	{ "sleep(d1);", { AT(ST_RUNNING, ANY), AT(ST_SLEEPING, OBJ_NONE) },
	    { AT(ST_RUNNING, ANY) } },
	{ "barrier_wait(&b);", { AT(ST_WAITING, OBJ_BARRIER) },
	    { AT(ST_SLEEPING, OBJ_NONE) } },
	{ "sleep(d2);", { AT(ST_SLEEPING, OBJ_BARRIER) }, { { 0 } } },
};
static const struct code_line code_deadlock[] = {
	{ "lock(&first);", { AT(ST_RUNNING, ANY),
	    AT_HELD(ST_WAITING, OBJ_MUTEX, 0) }, { AT(ST_RUNNING, ANY) } },
	{ "sleep(d1);", { AT_HELD(ST_HOLDING, OBJ_MUTEX, 1) }, { { 0 } } },
	{ "lock(&second);", { AT_HELD(ST_WAITING, OBJ_MUTEX, 1) },
	    { AT_HELD(ST_HOLDING, OBJ_MUTEX, 1) } },
	{ "sleep(d2);", { AT_HELD(ST_HOLDING, OBJ_MUTEX, 2) }, { { 0 } } },
	{ "unlock(&second);", { { 0 } },
	    { AT_HELD(ST_HOLDING, OBJ_MUTEX, 2) } },
	{ "unlock(&first);", { { 0 } }, { { 0 } } },
};
static const struct code_line code_race[] = {
	{ "for (k = 0; k < n; k++) {", { AT(ST_RUNNING, ANY) }, { { 0 } } },
	{ "    v = counter;", { AT(ST_MOVE, MOVE_READ) },
	    { AT(ST_RUNNING, ANY), NEXT_MORE(ST_MOVE, MOVE_WRITE, 1) } },
	{ "    v = v + 1;", { AT(ST_MOVE, MOVE_ADD) },
	    { AT(ST_MOVE, MOVE_READ) } },
	{ "    counter = v;", { AT(ST_MOVE, MOVE_WRITE) },
	    { AT(ST_MOVE, MOVE_ADD) } },
	{ "}", { { 0 } }, { NEXT_MORE(ST_MOVE, MOVE_WRITE, 0) } },
};
static const struct code_line code_race_locked[] = {
	{ "for (k = 0; k < n; k++) {", { AT(ST_RUNNING, ANY) }, { { 0 } } },
	{ "    lock(&g);", { AT(ST_WAITING, OBJ_GMUTEX),
	    AT(ST_HOLDING, OBJ_GMUTEX) },
	    { AT(ST_RUNNING, ANY), NEXT_MORE(ST_MOVE, MOVE_UNLOCK, 1) } },
	{ "    v = counter;", { AT(ST_MOVE, MOVE_READ) },
	    { AT(ST_HOLDING, OBJ_GMUTEX) } },
	{ "    v = v + 1;", { AT(ST_MOVE, MOVE_ADD) },
	    { AT(ST_MOVE, MOVE_READ) } },
	{ "    counter = v;", { AT(ST_MOVE, MOVE_WRITE) },
	    { AT(ST_MOVE, MOVE_ADD) } },
	{ "    unlock(&g);", { AT(ST_MOVE, MOVE_UNLOCK) },
	    { AT(ST_MOVE, MOVE_WRITE) } },
	{ "}", { { 0 } }, { NEXT_MORE(ST_MOVE, MOVE_UNLOCK, 0) } },
};
static const struct code_line code_queue[] = {
	{ "if (producer)", { AT(ST_RUNNING, ANY) }, { { 0 } } },
	{ "  for (k = 0; k < n; k++) {", { { 0 } }, { { 0 } } },
	{ "    wait(&not_full, &m);",
	    { AT_OBJ(ST_WAITING, OBJ_QUEUE, QUEUE_FULL) }, { { 0 } } },
	{ "    put(&q, item);", { AT(ST_MOVE, MOVE_PUT) },
	    { NEXT_ROLE(ST_RUNNING, 1), NEXT_MORE(ST_MOVE, MOVE_PUT, 1) } },
	{ "  }", { { 0 } }, { NEXT_MORE(ST_MOVE, MOVE_PUT, 0) } },
	{ "else", { { 0 } }, { { 0 } } },
	{ "  while (left > 0) {", { { 0 } }, { { 0 } } },
	{ "    wait(&not_empty, &m);",
	    { AT_OBJ(ST_WAITING, OBJ_QUEUE, QUEUE_EMPTY) }, { { 0 } } },
	{ "    item = take(&q);", { AT(ST_MOVE, MOVE_TAKE) },
	    { NEXT_ROLE(ST_RUNNING, 0), NEXT_MORE(ST_MOVE, MOVE_TAKE, 1) } },
	{ "  }", { { 0 } }, { NEXT_MORE(ST_MOVE, MOVE_TAKE, 0) } },
};

#define CODE(a)	{ a, sizeof(a) / sizeof((a)[0]) }
static const struct {
	const struct code_line	*line;
	unsigned		 n;
} codes[WORK_COUNT] = {
	[WORK_SLEEP] = CODE(code_sleep),
	[WORK_CPU] = CODE(code_cpu),
	[WORK_MUTEX] = CODE(code_mutex),
	[WORK_GMUTEX] = CODE(code_gmutex),
	[WORK_SEMAPHORE] = CODE(code_semaphore),
	[WORK_BARRIER] = CODE(code_barrier),
	[WORK_DEADLOCK] = CODE(code_deadlock),
	[WORK_RACE] = CODE(code_race),
	[WORK_RACE_LOCKED] = CODE(code_race_locked),
	[WORK_QUEUE] = CODE(code_queue),
};

/* A waiter of the queue looks again after this long, signalled or not. */
#define QUEUE_RECHECK_NS	100000000u

struct queue {
	pthread_mutex_t	 lock;		/* robust, process-shared */
	_Atomic uint32_t not_full, not_empty;	/* bumped by a signal */
	uint32_t	 slots;
	uint32_t	 fill;		/* items in it now */
	uint32_t	 head;		/* the next to take */
	uint32_t	 put, taken;	/* items so far */
	uint32_t	 items;		/* every item of the run */
	_Atomic bool	 broken;
	uint32_t	*item;		/* [slots], in the mapping */
};

struct work_shared {
	pthread_mutex_t	 gmutex;	/* robust, process-shared */
	_Atomic uint32_t seq;		/* bumped by every release */
	_Atomic uint32_t counter;	/* the race's */
	_Atomic uint32_t writes;	/* to it so far */
	struct queue	 q;
	unsigned	 permits;
	size_t		 len;		/* of the mapping */
	_Atomic uint32_t slot[];	/* [permits]: 0 free, or holder;
					   then the queue's [slots] */
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

uint64_t
work_reports(enum work w, unsigned iterations)
{
	if (iterations == 0)
		iterations = WORK_DEFAULT_ITERATIONS;
	return (unsigned)w < WORK_COUNT ? works[w].reports +
	    (uint64_t)works[w].per * iterations : 0;
}

uint64_t
work_run_events(enum work w, unsigned nproc, unsigned nthread,
    unsigned iterations)
{
	/* Each process: forked, starting, joining, done, reaped, and a
	   fault or two; the main process's few. */
	return (uint64_t)nproc * nthread * work_reports(w, iterations) +
	    (uint64_t)nproc * 8 + 8;
}

bool
work_queue_producer(unsigned j)
{
	return j % 2 == 1;
}

uint64_t
work_queue_items(unsigned nproc, unsigned nthread, unsigned iterations)
{
	return (uint64_t)nproc * ((nthread + 1) / 2) * iterations;
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

unsigned
work_code_lines(enum work w)
{
	return (unsigned)w < WORK_COUNT ? codes[w].n : 0;
}

const char *
work_code_text(enum work w, unsigned k)
{
	return k < work_code_lines(w) ? codes[w].line[k].text : "";
}

static bool
key_fits(const struct code_key *key, const struct model_thread *t)
{
	unsigned what = t->state == ST_MOVE ? t->move : t->what;

	return key->state == t->state &&
	    (key->what == ANY || key->what == what) &&
	    (key->object == ANY || key->object == t->object) &&
	    (key->held == ANY ||
	    key->held == (unsigned)__builtin_popcount(t->holds));
}

int
work_code_at(enum work w, const struct model_thread *t)
{
	unsigned k, a;

	for (k = 0; k < work_code_lines(w); k++)
		for (a = 0; a < CODE_KEYS &&
		    codes[w].line[k].at[a].state != ST_NEW; a++)
			if (key_fits(&codes[w].line[k].at[a], t))
				return (int)k;
	return -1;
}

bool
work_code_at_any(enum work w, unsigned k)
{
	return k < work_code_lines(w) && codes[w].line[k].at[0].state !=
	    ST_NEW;
}

int
work_code_next(enum work w, const struct model *m, unsigned i, unsigned j,
    unsigned iterations)
{
	const struct model_thread *t = &m->threads[(size_t)(i - 1) *
	    m->nthread + (j - 1)];
	const struct code_key *key;
	bool producer = work_queue_producer(j), more;
	unsigned k, a;

	if (!t->gated)
		return -1;
	/* Rounds left: a consumer of the queue takes while items are left to
	   take, the others make their --iterations. */
	more = m->slots > 0 && !producer ? m->takes < m->items :
	    t->rounds < (iterations ? iterations : WORK_DEFAULT_ITERATIONS);
	for (k = 0; k < work_code_lines(w); k++)
		for (a = 0; a < CODE_KEYS &&
		    codes[w].line[k].next[a].state != ST_NEW; a++) {
			key = &codes[w].line[k].next[a];
			if (key_fits(key, t) && (key->more == ANY ||
			    key->more == more) && (key->producer == ANY ||
			    key->producer == producer))
				return (int)k;
		}
	return -2;
}

/* Lock robust mutex m: 0, EOWNERDEAD (its holder died: make it
   consistent) or another errno.  A holder killed in its unlock, after it
   set the word free but before it woke a waiter, leaves the waiters
   asleep on a free mutex for ever: the kernel's robust list cannot tell,
   the word names no owner.  So a waiter looks again every 100 ms (seen:
   a race-locked run with a process killed, 1 in 30 on a busy machine). */
static int
robust_lock(pthread_mutex_t *m)
{
	struct timespec ts;
	int error;

	do {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		error = pthread_mutex_timedlock(m, &ts);
	} while (error == ETIMEDOUT);
	return error;
}

/* A robust, process-shared mutex at m; 0 or an errno. */
static int
robust_init(pthread_mutex_t *m)
{
	pthread_mutexattr_t ma;
	int error;

	if ((error = pthread_mutexattr_init(&ma)) != 0)
		return error;
	if ((error = pthread_mutexattr_setpshared(&ma,
	    PTHREAD_PROCESS_SHARED)) == 0 &&
	    (error = pthread_mutexattr_setrobust(&ma,
	    PTHREAD_MUTEX_ROBUST)) == 0)
		error = pthread_mutex_init(m, &ma);
	pthread_mutexattr_destroy(&ma);
	return error;
}

/* The queue's lock, shared by processes, and its conditions; 0 or an
   errno. */
static int
queue_init(struct queue *q, uint32_t *item, unsigned slots, uint64_t items)
{
	*q = (struct queue){ .slots = slots, .item = item,
	    .items = (uint32_t)items };
	atomic_init(&q->broken, false);
	atomic_init(&q->not_full, 0);
	atomic_init(&q->not_empty, 0);
	return robust_init(&q->lock);
}

struct work_shared *
work_shared_create(unsigned permits, unsigned slots, uint64_t items)
{
	struct work_shared *ws;
	size_t len;
	int error;

	if (permits == 0 || permits > WORK_MAX_PERMITS ||
	    slots > WORK_MAX_SLOTS || items > UINT32_MAX) {
		errno = EINVAL;
		return NULL;
	}
	len = sizeof(*ws) + (permits + slots) * sizeof(ws->slot[0]);
	ws = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0);
	if (ws == MAP_FAILED)
		return NULL;
	ws->permits = permits;
	ws->len = len;
	atomic_init(&ws->seq, 0);
	atomic_init(&ws->counter, 0);
	atomic_init(&ws->writes, 0);
	for (unsigned i = 0; i < permits; i++)
		atomic_init(&ws->slot[i], 0);
	/* The queue's items after the permits: a mapping is zero-filled. */
	if ((error = robust_init(&ws->gmutex)) != 0 ||
	    (error = queue_init(&ws->q, (uint32_t *)(void *)((char *)ws +
	    sizeof(*ws) + permits * sizeof(ws->slot[0])), slots,
	    items)) != 0) {
		munmap(ws, len);
		errno = error;
		return NULL;
	}
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
	work_queue_break(ws);
	return back;
}

int
work_gmutex_lock(struct work_shared *ws, bool *recovered,
    void (*before)(void *), void *arg)
{
	int error = pthread_mutex_trylock(&ws->gmutex);

	if (error == EBUSY) {
		before(arg);
		error = robust_lock(&ws->gmutex);
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

uint32_t
work_counter_read(struct work_shared *ws)
{
	return atomic_load_explicit(&ws->counter, memory_order_relaxed);
}

uint32_t
work_counter_write(struct work_shared *ws, uint32_t v)
{
	uint32_t was = atomic_exchange_explicit(&ws->counter, v,
	    memory_order_relaxed);

	atomic_fetch_add_explicit(&ws->writes, 1, memory_order_relaxed);
	return was;
}

void
work_figures(const struct work_shared *ws, uint32_t *counter,
    uint32_t *writes, uint32_t *left, uint32_t *put)
{
	/* Every child was reaped: nothing writes any more. */
	*counter = atomic_load(&ws->counter);
	*writes = atomic_load(&ws->writes);
	*left = ws->q.fill;
	*put = ws->q.put;
}

/* Take the queue's lock, from a holder that died if need be. */
static void
queue_lock(struct queue *q)
{
	if (robust_lock(&q->lock) == EOWNERDEAD)
		pthread_mutex_consistent(&q->lock);
}

/* Wait for condition c, the lock held (and held again on return), until
   it is signalled or QUEUE_RECHECK_NS passed. */
static void
queue_wait(struct queue *q, _Atomic uint32_t *c)
{
	static const struct timespec ts = { 0, QUEUE_RECHECK_NS };
	uint32_t seq = atomic_load(c);

	pthread_mutex_unlock(&q->lock);
	syscall(SYS_futex, c, FUTEX_WAIT, seq, &ts, NULL, 0);
	queue_lock(q);
}

/* Signal condition c: wake n of its waiters. */
static void
queue_signal(_Atomic uint32_t *c, int n)
{
	atomic_fetch_add(c, 1);
	syscall(SYS_futex, c, FUTEX_WAKE, n, NULL, NULL, 0);
}

bool
work_queue_put(struct work_shared *ws, void (*full)(void *),
    void (*moved)(void *, uint32_t, uint32_t), void *arg)
{
	struct queue *q = &ws->q;
	bool told = false, put = false;

	queue_lock(q);
	while (q->fill == q->slots && !atomic_load(&q->broken)) {
		/* Told with the lock held: the wait comes before the
		   take that frees a slot, in the history as in fact. */
		if (!told)
			full(arg);
		told = true;
		queue_wait(q, &q->not_full);
	}
	if (q->fill < q->slots && !atomic_load(&q->broken)) {
		q->item[(q->head + q->fill) % q->slots] = ++q->put;
		moved(arg, ++q->fill, q->put);
		queue_signal(&q->not_empty, 1);
		put = true;
	}
	pthread_mutex_unlock(&q->lock);
	return put;
}

bool
work_queue_take(struct work_shared *ws, void (*empty)(void *),
    void (*moved)(void *, uint32_t, uint32_t), void *arg)
{
	struct queue *q = &ws->q;
	bool told = false, took = false;
	uint32_t n;

	queue_lock(q);
	while (q->fill == 0 && q->taken < q->items &&
	    !atomic_load(&q->broken)) {
		if (!told)
			empty(arg);
		told = true;
		queue_wait(q, &q->not_empty);
	}
	if (q->fill > 0) {
		n = q->item[q->head];
		q->head = (q->head + 1) % q->slots;
		q->taken++;
		moved(arg, --q->fill, n);
		queue_signal(&q->not_full, 1);
		took = true;
	}
	/* The last item taken: the consumers still waiting go home. */
	if (q->taken == q->items)
		queue_signal(&q->not_empty, INT_MAX);
	pthread_mutex_unlock(&q->lock);
	return took;
}

void
work_queue_break(struct work_shared *ws)
{
	struct queue *q = &ws->q;

	if (q->slots == 0)
		return;
	/* Without the lock: its holder may be stopped (a pause), and the
	   main process must never wait for a child.  A waiter that looked
	   at `broken` just before misses this wake-up and sees it at its
	   next look (QUEUE_RECHECK_NS). */
	atomic_store(&q->broken, true);
	queue_signal(&q->not_full, INT_MAX);
	queue_signal(&q->not_empty, INT_MAX);
}
