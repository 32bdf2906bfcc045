/*
 * timetravel.c: what time travel costs, on a real run: the history's bytes
 * an event, and the time to move the cursor to any point of the history
 * (the model of its first k events, built from the start: the worst case,
 * a move backwards).
 *
 *   timetravel P T MOVES
 * prints "events bytes_per_event median_ms p99_ms max_ms".
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/event.h"
#include "../../src/history.h"
#include "../../src/model.h"
#include "../../src/spawn.h"

struct rec {
	struct model	 m;
	struct history	 h;
};

static void
sink(void *ctx, const struct event *ev)
{
	struct rec *r = ctx;

	if (model_apply(&r->m, ev) && history_add(&r->h, ev) == -1) {
		perror("history");
		exit(1);
	}
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct run_config cfg = { .seed = 1 };
	struct pollfd fds[RUN_NFDS];
	struct rec r;
	struct model at;
	struct run *run;
	double *ms;
	unsigned moves, i;
	uint64_t t;

	if (argc != 4)
		return 2;
	cfg.nproc = (unsigned)atoi(argv[1]);
	cfg.nthread = (unsigned)atoi(argv[2]);
	moves = (unsigned)atoi(argv[3]);
	if (run_block_signals() == -1 ||
	    model_init(&r.m, cfg.nproc, cfg.nthread) == -1 ||
	    model_init(&at, cfg.nproc, cfg.nthread) == -1 ||
	    (ms = calloc(moves, sizeof(*ms))) == NULL)
		return 1;
	history_init(&r.h);
	if ((run = run_start(&cfg, sink, &r)) == NULL)
		return 1;
	while (!run_finished(run)) {
		if (run_pump(run, 4096) > 0 || !run_may_sleep(run))
			continue;
		run_pollfds(run, fds);
		poll(fds, RUN_NFDS, 100);
		run_woke(run);
	}
	run_free(run);
	srand(1);
	for (i = 0; i < moves; i++) {
		size_t k = (size_t)rand() % (r.h.n + 1);

		t = now_ns();
		history_model_at(&r.h, k, &at);
		ms[i] = (double)(now_ns() - t) / 1e6;
	}
	qsort(ms, moves, sizeof(*ms), cmp);
	printf("%zu %.1f %.3f %.3f %.3f\n", r.h.n,
	    (double)history_bytes(&r.h) / (double)r.h.n, ms[moves / 2],
	    ms[moves * 99 / 100], ms[moves - 1]);
	return 0;
}
