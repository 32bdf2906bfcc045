/*
 * bigrec.c: a big recording that is still a true one, for the bench.
 *   bigrec N < run.jsonl > big.jsonl
 * From a real --json run of the cpu workload, about N events: after each
 * "computing" of a thread come as many pairs of "waiting" for a CPU and
 * "computing" again as make up N, their times spread evenly up to that
 * thread's next event -- what a thread preempted that often would report.
 * They are merged into the run's lines by time, as the main process would
 * have taken them (a heap of the threads' pairs still to come), so the
 * file stays in about the order of its times.  The model and the reader
 * take it as they take the run it came from.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_B	512

struct line {
	char		 text[LINE_MAX_B];
	size_t		 next;		/* this thread's next line; 0: none */
	uint64_t	 t;
	unsigned	 proc, thread;
	int		 pid, tid;
	uint64_t	 cpu;
	int		 computing;
};

/* Read the canonical line ptviz writes; 0 for one that is not an event. */
static int
scan(struct line *l)
{
	char ev[32];

	if (sscanf(l->text, "{\"t_ns\":%" SCNu64 ",\"event\":\"%31[^\"]\","
	    "\"proc\":%u,\"thread\":%u,\"pid\":%d,\"tid\":%d", &l->t, ev,
	    &l->proc, &l->thread, &l->pid, &l->tid) != 6)
		return 0;
	l->computing = strcmp(ev, "computing") == 0;
	if (l->computing && sscanf(strstr(l->text, "\"cpu_ns\":"),
	    "\"cpu_ns\":%" SCNu64, &l->cpu) != 1)
		return 0;
	return 1;
}

/* The pairs of one "computing" line still to write. */
struct gen {
	const struct line *l;
	uint64_t	 next;		/* the thread's next event's time */
	uint64_t	 k;		/* pairs written */
};

static uint64_t pairs;

static uint64_t
gen_t(const struct gen *g)
{
	return g->l->t + (g->next - g->l->t) * g->k / pairs;
}

/* The heap of generators, earliest first. */
static struct gen *heap;
static size_t nheap;

static void
sift_down(size_t i)
{
	struct gen tmp;
	size_t c;

	for (; (c = 2 * i + 1) < nheap; i = c) {
		if (c + 1 < nheap && gen_t(&heap[c + 1]) < gen_t(&heap[c]))
			c++;
		if (gen_t(&heap[i]) <= gen_t(&heap[c]))
			break;
		tmp = heap[i];
		heap[i] = heap[c];
		heap[c] = tmp;
	}
}

static void
push(struct gen g)
{
	struct gen tmp;
	size_t i = nheap++, p;

	heap[i] = g;
	for (; i > 0 && gen_t(&heap[p = (i - 1) / 2]) > gen_t(&heap[i]);
	    i = p) {
		tmp = heap[i];
		heap[i] = heap[p];
		heap[p] = tmp;
	}
}

/* Write the heap's pairs due before time `before`. */
static void
drain(uint64_t before)
{
	struct gen *g;
	uint64_t t;

	while (nheap > 0 && (t = gen_t(&heap[0])) < before) {
		g = &heap[0];
		printf("{\"t_ns\":%" PRIu64 ",\"event\":\"waiting\","
		    "\"proc\":%u,\"thread\":%u,\"pid\":%d,\"tid\":%d,"
		    "\"for\":\"cpu\",\"object\":0}\n", t, g->l->proc,
		    g->l->thread, g->l->pid, g->l->tid);
		printf("{\"t_ns\":%" PRIu64 ",\"event\":\"computing\","
		    "\"proc\":%u,\"thread\":%u,\"pid\":%d,\"tid\":%d,"
		    "\"cpu_ns\":%" PRIu64 "}\n", t, g->l->proc, g->l->thread,
		    g->l->pid, g->l->tid, g->l->cpu);
		if (++g->k == pairs)
			heap[0] = heap[--nheap];
		sift_down(0);
	}
}

int
main(int argc, char *argv[])
{
	struct line *l = NULL;
	size_t n = 0, cap = 0, i, k, computes = 0, *last;
	uint64_t want;

	if (argc != 2 || (want = strtoull(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: bigrec N < run.jsonl > big.jsonl\n");
		return 2;
	}
	for (;;) {
		if (n == cap && (l = realloc(l, (cap = cap ? 2 * cap : 4096) *
		    sizeof(*l))) == NULL)
			return 1;
		if (fgets(l[n].text, LINE_MAX_B, stdin) == NULL)
			break;
		l[n].computing = 0;
		l[n].proc = 0;
		l[n].next = 0;
		if (n > 0 && scan(&l[n]) && l[n].computing)
			computes++;
		n++;
	}
	/* Each thread's next line, in one pass from the end. */
	if ((last = calloc(1024 * 1025, sizeof(*last))) == NULL)
		return 1;
	for (i = n; i-- > 1; ) {
		if (l[i].proc == 0 || l[i].proc > 1024 || l[i].thread > 1024)
			continue;
		k = (size_t)l[i].proc * 1025 + l[i].thread;
		l[i].next = last[k];
		last[k] = i;
	}
	free(last);
	pairs = computes > 0 && want > n ? (want - n) / (2 * computes) : 0;
	if ((heap = calloc(computes + 1, sizeof(*heap))) == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		/* A thread's pairs all come before its next line: their
		   times are before it. */
		if (i > 0 && l[i].proc != 0)
			drain(l[i].t);
		fputs(l[i].text, stdout);
		if (!l[i].computing || l[i].proc == 0 || pairs == 0)
			continue;
		push((struct gen){ &l[i], l[i].next != 0 ?
		    l[l[i].next].t : l[i].t, 0 });
	}
	drain(UINT64_MAX);
	free(heap);
	free(l);
	return computes > 0 ? 0 : 1;
}
