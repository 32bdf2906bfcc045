/*
 * ringpipe.c: ptviz's per-process shared rings against a pipe, moving the
 * same 32-byte events from P processes x T threads to the main process.
 *   ringpipe [-r ROUNDS] [-n EVENTS] [-s SLOTS] PxT...
 *
 * Both transports share one harness, so only the transport differs.  The
 * main process forks P children, each starting T threads (64 KiB stacks,
 * as ptviz's); every thread waits at a start line in shared memory until
 * all have started, so forking and thread creation are not timed.  Then
 * each thread sends EVENTS / (P x T) events numbered 0, 1, 2 ... in
 * sleep_ns, with its process and thread index, and the clock runs until
 * the main process has taken the last one.
 *   ring: region_create() of P rings of SLOTS slots before the fork, as in
 *         a run; a thread pushes with ring_push_mpsc() then region_notify(),
 *         as child.c's report() does; the consumer goes round the rings
 *         with ring_pop() and, when all are empty for a while, sleeps on
 *         the doorbell (region_arm, last look, poll) as stream.c does.
 *   pipe: one write(2) of 32 bytes per event (atomic: below PIPE_BUF);
 *         the consumer read(2)s 64 KiB at a time until every writer is gone.
 * The consumer checks that every producer's numbers come in order with no
 * gap, and counts what never arrived (a ring run whose children all ended
 * drains what they published with ring_pop_dead and stops).  Rounds run the
 * ring and the pipe one after the other, in alternating order; each row is
 * the median of either's rate and the median of the ratio of each round.
 * One line per configuration:
 *   PxT EVENTS SLOTS ring_ev_s pipe_ev_s ratio lost misordered
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <linux/futex.h>
#include <sys/syscall.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/event.h"
#include "../../src/region.h"
#include "../../src/ring.h"

#define STACK		(64 * 1024)
#define READ_BYTES	(64 * 1024)
#define IDLE_PASSES	64	/* empty passes before the consumer sleeps */
#define MAX_ROUNDS	99
#define POLL_MS		20	/* how often a sleeping consumer looks for
				   children that died */

enum transport { RING, PIPE };

/* Shared by the main process and every producer thread. */
struct start_line {
	_Atomic uint32_t ready;		/* threads at the line */
	_Atomic uint32_t go;		/* 1: run */
	_Atomic uint32_t failed;	/* a child could not start a thread */
};

struct bench {
	enum transport	 how;
	unsigned	 nproc, nthread;
	uint64_t	 per;		/* events per thread */
	uint32_t	 slots;
	struct start_line *line;
	struct region	 region;
	int		 pipefd[2];
};

struct producer {
	const struct bench *b;
	unsigned	 proc, thread;	/* 1-based */
};

struct result {
	double		 secs;
	uint64_t	 got, lost, misordered;
};

static void
futex_wait(_Atomic uint32_t *word, uint32_t val)
{
	syscall(SYS_futex, (uint32_t *)(uintptr_t)word, FUTEX_WAIT, val, NULL,
	    NULL, 0);
}

static void
futex_wake_all(_Atomic uint32_t *word)
{
	syscall(SYS_futex, (uint32_t *)(uintptr_t)word, FUTEX_WAKE, INT_MAX,
	    NULL, NULL, 0);
}

/* One producer thread: wait at the line, then send its events in order. */
static void *
produce(void *arg)
{
	const struct producer *p = arg;
	const struct bench *b = p->b;
	struct ring *r = b->how == RING ?
	    region_ring(&b->region, p->proc - 1) : NULL;
	struct event ev = {
		.pid = (int32_t)p->proc,
		.tid = (int32_t)p->thread,
		.proc = (uint16_t)p->proc,
		.thread = (uint16_t)p->thread,
		.state = ST_SLEEPING,
	};
	uint64_t i;

	atomic_fetch_add(&b->line->ready, 1);
	while (atomic_load(&b->line->go) == 0)
		futex_wait(&b->line->go, 0);
	for (i = 0; i < b->per; i++) {
		ev.sleep_ns = i;
		if (r != NULL) {
			ring_push_mpsc(r, &ev);
			region_notify(&b->region);
		} else if (write(b->pipefd[1], &ev, sizeof(ev)) !=
		    (ssize_t)sizeof(ev)) {
			break;
		}
	}
	return NULL;
}

/* A child process: start its threads, join them, _exit. */
static _Noreturn void
child(const struct bench *b, unsigned proc, pid_t parent)
{
	struct producer *p = calloc(b->nthread, sizeof(*p));
	pthread_t *t = calloc(b->nthread, sizeof(*t));
	pthread_attr_t attr;
	unsigned j, started;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 || getppid() != parent)
		_exit(127);
	if (b->how == PIPE)
		close(b->pipefd[0]);
	if (p == NULL || t == NULL || pthread_attr_init(&attr) != 0)
		_exit(126);
	pthread_attr_setstacksize(&attr, STACK);
	for (started = 0; started < b->nthread; started++) {
		p[started] = (struct producer){ b, proc, started + 1 };
		if (pthread_create(&t[started], &attr, produce,
		    &p[started]) != 0) {
			/* The main process sees the flag and lets go. */
			atomic_store(&b->line->failed, 1);
			break;
		}
	}
	for (j = 0; j < started; j++)
		pthread_join(t[j], NULL);
	_exit(started == b->nthread ? 0 : 1);
}

/* Check ev is the next event of its producer. */
static void
check(const struct bench *b, uint64_t *next, const struct event *ev,
    struct result *res)
{
	unsigned k;

	res->got++;
	if (ev->proc < 1 || ev->proc > b->nproc || ev->thread < 1 ||
	    ev->thread > b->nthread) {
		res->misordered++;
		return;
	}
	k = (ev->proc - 1u) * b->nthread + (ev->thread - 1u);
	if (ev->sleep_ns != next[k])
		res->misordered++;
	next[k] = ev->sleep_ns + 1;
}

/* Reap the children that ended; the number still running. */
static unsigned
reap(unsigned live)
{
	while (live > 0 && waitpid(-1, NULL, WNOHANG) > 0)
		live--;
	return live;
}

/* Take events from the rings until all came or every child is gone. */
static void
consume_rings(struct bench *b, uint64_t *next, uint64_t want,
    struct result *res)
{
	struct ring_cursor *cur = calloc(b->nproc, sizeof(*cur));
	struct pollfd pfd = { .fd = b->region.doorbell, .events = POLLIN };
	struct event ev;
	unsigned i, live = b->nproc, idle = 0;
	uint64_t n;
	bool ready;

	if (cur == NULL)
		abort();
	for (i = 0; i < b->nproc; i++)
		cur[i] = (struct ring_cursor){ 0, b->slots - 1 };
	while (res->got < want) {
		for (i = 0, n = 0; i < b->nproc; i++) {
			struct ring *r = region_ring(&b->region, i);

			/* At most a lap per ring, to be fair to the others. */
			while (n < b->slots && ring_pop(r, &cur[i], &ev)) {
				check(b, next, &ev, res);
				n++;
			}
		}
		if (n > 0 || ++idle < IDLE_PASSES) {
			idle = n > 0 ? 0 : idle;
			continue;
		}
		idle = 0;
		region_arm(&b->region);
		for (i = 0, ready = false; i < b->nproc && !ready; i++)
			ready = ring_ready(region_ring(&b->region, i), &cur[i]);
		if (!ready)
			poll(&pfd, 1, POLL_MS);
		region_disarm(&b->region);
		if (!ready && (live = reap(live)) == 0)
			break;
	}
	/* Every producer gone: what they published and nothing more. */
	if (res->got < want)
		for (i = 0; i < b->nproc; i++)
			while (ring_pop_dead(region_ring(&b->region, i),
			    &cur[i], &ev))
				check(b, next, &ev, res);
	free(cur);
}

/* Read events from the pipe until every writer has closed it. */
static void
consume_pipe(struct bench *b, uint64_t *next, uint64_t want,
    struct result *res, uint64_t *t1)
{
	static struct event buf[READ_BYTES / sizeof(struct event)];
	size_t have = 0, i;
	ssize_t n;

	for (;;) {
		n = read(b->pipefd[0], (char *)buf + have, sizeof(buf) - have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
		for (i = 0; i < have / sizeof(buf[0]); i++)
			check(b, next, &buf[i], res);
		/* A read may end inside an event: keep its first part. */
		memmove(buf, buf + i, have % sizeof(buf[0]));
		have %= sizeof(buf[0]);
		if (res->got == want && *t1 == 0)
			*t1 = now_ns();
	}
}

/* One timed run of one transport; -1 if it could not run. */
static int
run_once(struct bench *b, struct result *res)
{
	uint64_t want = b->per * b->nproc * b->nthread, t0, t1 = 0, k;
	uint64_t *next = calloc((size_t)b->nproc * b->nthread, sizeof(*next));
	unsigned i, forked = 0;
	pid_t parent = getpid();
	int rc = -1;

	memset(res, 0, sizeof(*res));
	memset(b->line, 0, sizeof(*b->line));
	if (next == NULL)
		return -1;
	if (b->how == RING &&
	    region_create(&b->region, b->nproc, b->slots, 0) == -1) {
		perror("ringpipe: region_create");
		goto out_next;
	}
	if (b->how == PIPE && pipe(b->pipefd) == -1) {
		perror("ringpipe: pipe");
		goto out_next;
	}
	fflush(NULL);
	for (i = 1; i <= b->nproc; i++) {
		pid_t pid = fork();

		if (pid == 0)
			child(b, i, parent);
		if (pid == -1) {
			perror("ringpipe: fork");
			break;
		}
		forked++;
	}
	if (b->how == PIPE)
		close(b->pipefd[1]);
	/* Everyone at the line (or someone could not get there), then go. */
	while (forked == b->nproc &&
	    atomic_load(&b->line->ready) < b->nproc * b->nthread &&
	    atomic_load(&b->line->failed) == 0)
		usleep(1000);
	t0 = now_ns();
	atomic_store(&b->line->go, 1);
	futex_wake_all(&b->line->go);
	if (b->how == RING) {
		consume_rings(b, next, want, res);
		t1 = now_ns();
	} else {
		consume_pipe(b, next, want, res, &t1);
		if (t1 == 0)
			t1 = now_ns();
	}
	for (i = 0; i < forked; i++)
		wait(NULL);
	res->secs = (double)(t1 - t0) / 1e9;
	for (k = 0; k < (uint64_t)b->nproc * b->nthread; k++)
		res->lost += b->per - (next[k] < b->per ? next[k] : b->per);
	if (forked == b->nproc && atomic_load(&b->line->failed) == 0)
		rc = 0;
	else
		fprintf(stderr, "ringpipe: %ux%u: could not start every "
		    "process and thread\n", b->nproc, b->nthread);
	if (b->how == RING)
		region_destroy(&b->region);
	else
		close(b->pipefd[0]);
out_next:
	free(next);
	return rc;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Rounds of ring and pipe for one PxT; prints its line. */
static int
bench_config(struct bench *b, int rounds, uint64_t events)
{
	double rate[2][MAX_ROUNDS], ratio[MAX_ROUNDS];
	uint64_t lost = 0, misordered = 0;
	struct result res;
	int r, k;

	b->per = events / ((uint64_t)b->nproc * b->nthread);
	if (b->per == 0)
		b->per = 1;
	for (r = 0; r < rounds; r++) {
		for (k = 0; k < 2; k++) {
			/* Alternate which goes first. */
			b->how = (enum transport)(r % 2 ? 1 - k : k);
			if (run_once(b, &res) == -1)
				return -1;
			rate[b->how][r] = (double)res.got / res.secs;
			lost += res.lost;
			misordered += res.misordered;
		}
		ratio[r] = rate[RING][r] / rate[PIPE][r];
	}
	printf("%ux%u %llu %u %.0f %.0f %.2f %llu %llu\n", b->nproc,
	    b->nthread, (unsigned long long)(b->per * b->nproc * b->nthread),
	    b->slots, median(rate[RING], rounds), median(rate[PIPE], rounds),
	    median(ratio, rounds), (unsigned long long)lost,
	    (unsigned long long)misordered);
	fflush(stdout);
	return 0;
}

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: ringpipe [-r ROUNDS] [-n EVENTS] [-s SLOTS] "
	    "PxT...\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct bench b = { .slots = 1024 };
	uint64_t events = 10000000;
	int rounds = 3, c, i, rc = 0;

	while ((c = getopt(argc, argv, "n:r:s:")) != -1) {
		switch (c) {
		case 'n':
			events = strtoull(optarg, NULL, 10);
			break;
		case 'r':
			rounds = atoi(optarg);
			break;
		case 's':
			b.slots = (uint32_t)strtoul(optarg, NULL, 10);
			break;
		default:
			usage();
		}
	}
	if (optind == argc || rounds < 1 || rounds > MAX_ROUNDS || events == 0)
		usage();
	b.line = mmap(NULL, sizeof(*b.line), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (b.line == MAP_FAILED) {
		perror("ringpipe: mmap");
		return 1;
	}
	/* Writers to a pipe whose reader is gone get EPIPE, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	for (i = optind; i < argc; i++) {
		if (sscanf(argv[i], "%ux%u", &b.nproc, &b.nthread) != 2 ||
		    b.nproc < 1 || b.nthread < 1 || b.nproc > UINT16_MAX ||
		    b.nthread > UINT16_MAX)
			usage();
		if (bench_config(&b, rounds, events) == -1)
			rc = 1;
	}
	return rc;
}
