/*
 * stats.c: counting many runs of one configuration (stats.h).
 *
 * Everything is counted as a run is added, so printing the table is a
 * walk over arrays, and a run cut short by a signal leaves every figure
 * true of the runs added so far.  Memory grows with the runs: two 64-bit
 * times a run and, for each distinct order, nproc 16-bit process numbers
 * (10000 runs of 1024 processes, each order new: 20 MB).  Distinct orders
 * are found through a hash table of FNV-1a over the order, kept at most
 * half full; a run whose order was seen before costs one lookup.
 *
 * The critical path of a plan comes from one table of functions, taken
 * from the workloads' rows (work.h), each a pure function of the
 * configuration and duration_ns().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "event.h"
#include "model.h"
#include "spawn.h"
#include "stats.h"

int
stats_init(struct stats *st, unsigned nproc)
{
	*st = (struct stats){ .nproc = nproc, .nslot = 16 };
	if (nproc == 0 || nproc > UINT16_MAX) {
		errno = EINVAL;
		return -1;
	}
	st->ranks = calloc((size_t)nproc * nproc, sizeof(*st->ranks));
	st->failed = calloc(nproc, sizeof(*st->failed));
	st->slot = calloc(st->nslot, sizeof(*st->slot));
	/* One order more than any kept: the scratch of the run added. */
	st->ocap = 4;
	st->orders = calloc((size_t)(st->ocap + 1) * nproc,
	    sizeof(*st->orders));
	st->order_runs = calloc(st->ocap, sizeof(*st->order_runs));
	if (st->ranks == NULL || st->failed == NULL || st->slot == NULL ||
	    st->orders == NULL || st->order_runs == NULL) {
		stats_free(st);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void
stats_free(struct stats *st)
{
	free(st->ranks);
	free(st->failed);
	free(st->wall_ns);
	free(st->critical_ns);
	free(st->orders);
	free(st->order_runs);
	free(st->slot);
	*st = (struct stats){ 0 };
}

/* Process i (1-based) finished before j? */
static bool
before(const struct model *m, unsigned i, unsigned j)
{
	uint64_t a = model_proc(m, i)->t_done, b = model_proc(m, j)->t_done;

	return a < b || (a == b && i < j);
}

/* Fill order[0..nproc-1] with m's finishing order, zeros after; the
   number that finished.  An insertion sort: a run's processes arrive
   nearly in order. */
static unsigned
finishing_order(const struct model *m, uint16_t *order)
{
	unsigned i, k, n = 0;

	for (i = 1; i <= m->nproc; i++) {
		const struct model_proc *p = model_proc(m, i);

		if (!p->reaped || p->state != ST_PDONE)
			continue;
		for (k = n++; k > 0 && before(m, i, order[k - 1]); k--)
			order[k] = order[k - 1];
		order[k] = (uint16_t)i;
	}
	for (k = n; k < m->nproc; k++)
		order[k] = 0;
	return n;
}

/* FNV-1a of an order. */
static uint32_t
hash(const uint16_t *order, unsigned n)
{
	uint32_t h = 2166136261u;
	unsigned k;

	for (k = 0; k < n; k++) {
		h = (h ^ (order[k] & 0xff)) * 16777619u;
		h = (h ^ (order[k] >> 8)) * 16777619u;
	}
	return h;
}

/* The slot of `order` in the table: where it is, or the empty one where
   it would go. */
static size_t
find(const struct stats *st, const uint16_t *order)
{
	size_t mask = st->nslot - 1, s;
	size_t bytes = st->nproc * sizeof(*order);

	for (s = hash(order, st->nproc) & mask; st->slot[s] != 0;
	    s = (s + 1) & mask)
		if (memcmp(&st->orders[(size_t)(st->slot[s] - 1) * st->nproc],
		    order, bytes) == 0)
			break;
	return s;
}

/* Room for one more order and its slot, the scratch order kept; -1 with
   errno. */
static int
grow_orders(struct stats *st)
{
	uint32_t *slot, *runs;
	uint16_t *orders;
	size_t nslot, s, k, mask;
	unsigned cap;

	if (st->norders < st->ocap)
		goto table;
	cap = st->ocap * 2;
	orders = reallocarray(st->orders, (size_t)(cap + 1) * st->nproc,
	    sizeof(*orders));
	if (orders == NULL)
		return -1;
	/* The scratch (the run being added) moves to its new place. */
	memmove(&orders[(size_t)cap * st->nproc],
	    &orders[(size_t)st->ocap * st->nproc],
	    st->nproc * sizeof(*orders));
	st->orders = orders;
	if ((runs = reallocarray(st->order_runs, cap, sizeof(*runs))) == NULL)
		return -1;
	st->order_runs = runs;
	st->ocap = cap;
table:
	if ((size_t)(st->norders + 1) * 2 < st->nslot)
		return 0;
	nslot = st->nslot * 2;
	if ((slot = calloc(nslot, sizeof(*slot))) == NULL)
		return -1;
	mask = nslot - 1;
	for (k = 0; k < st->norders; k++) {
		s = hash(&st->orders[k * st->nproc], st->nproc) & mask;
		while (slot[s] != 0)
			s = (s + 1) & mask;
		slot[s] = (uint32_t)k + 1;
	}
	free(st->slot);
	st->slot = slot;
	st->nslot = nslot;
	return 0;
}

/* Room for one more run's times; -1 with errno. */
static int
grow_runs(struct stats *st)
{
	uint64_t *w, *c;
	size_t cap;

	if (st->runs < st->cap)
		return 0;
	cap = st->cap == 0 ? 64 : st->cap * 2;
	if ((w = reallocarray(st->wall_ns, cap, sizeof(*w))) == NULL)
		return -1;
	st->wall_ns = w;
	if ((c = reallocarray(st->critical_ns, cap, sizeof(*c))) == NULL)
		return -1;
	st->critical_ns = c;
	st->cap = cap;
	return 0;
}

int
stats_add(struct stats *st, const struct model *m, uint64_t critical_ns)
{
	uint16_t *scratch;
	unsigned i, n, k;
	size_t s;

	if (m->nproc != st->nproc) {
		errno = EINVAL;
		return -1;
	}
	if (grow_runs(st) == -1 || grow_orders(st) == -1)
		return -1;
	scratch = &st->orders[(size_t)st->ocap * st->nproc];
	n = finishing_order(m, scratch);
	s = find(st, scratch);
	if (st->slot[s] == 0) {
		k = st->norders++;
		memcpy(&st->orders[(size_t)k * st->nproc], scratch,
		    st->nproc * sizeof(*scratch));
		st->order_runs[k] = 0;
		st->slot[s] = k + 1;
	}
	k = st->slot[s] - 1;
	st->order_runs[k]++;
	st->last = k;
	st->last_finished = n;
	for (i = 0; i < n; i++)
		st->ranks[(size_t)(scratch[i] - 1) * st->nproc + i]++;
	for (i = 1; i <= st->nproc; i++) {
		const struct model_proc *p = model_proc(m, i);

		if (!p->reaped || p->state != ST_PDONE)
			st->failed[i - 1]++;
	}
	st->wall_ns[st->runs] = m->t_main_done >= m->t0 ?
	    m->t_main_done - m->t0 : 0;
	st->critical_ns[st->runs] = critical_ns;
	st->runs++;
	return 0;
}

const uint16_t *
stats_last_order(const struct stats *st, unsigned *n)
{
	*n = st->last_finished;
	return &st->orders[(size_t)st->last * st->nproc];
}

const uint16_t *
stats_order(const struct stats *st, unsigned k, unsigned *n, unsigned *runs)
{
	const uint16_t *o = &st->orders[(size_t)k * st->nproc];

	for (*n = 0; *n < st->nproc && o[*n] != 0; (*n)++)
		;
	*runs = st->order_runs[k];
	return o;
}

int
stats_common(const struct stats *st)
{
	unsigned k;
	int best = -1;

	for (k = 0; k < st->norders; k++)
		if (best == -1 || st->order_runs[k] > st->order_runs[best])
			best = (int)k;
	return best;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The spread of v[0..n-1], sorted in place. */
static void
spread_sorted(double *v, size_t n, struct stats_spread *out)
{
	qsort(v, n, sizeof(*v), cmp_double);
	out->min = v[0];
	out->max = v[n - 1];
	out->median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
stats_spread(const uint64_t *v, size_t n, struct stats_spread *out)
{
	double *d;
	size_t i;

	if (n == 0) {
		errno = EINVAL;
		return -1;
	}
	if ((d = calloc(n, sizeof(*d))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		d[i] = (double)v[i];
	spread_sorted(d, n, out);
	free(d);
	return 0;
}

bool
stats_ratio(const struct stats *st, struct stats_spread *out)
{
	double *d;
	size_t i, n = 0;

	if (st->runs == 0 || (d = calloc(st->runs, sizeof(*d))) == NULL)
		return false;
	for (i = 0; i < st->runs; i++)
		if (st->critical_ns[i] != 0)
			d[n++] = (double)st->wall_ns[i] /
			    (double)st->critical_ns[i];
	if (n > 0)
		spread_sorted(d, n, out);
	free(d);
	return n > 0;
}

/* The planned time of phase `ph` of thread j of process i. */
static uint64_t
plan(const struct run_config *c, unsigned i, unsigned j, unsigned ph)
{
	return duration_phase_ns(c->seed, i, j, ph, c->sleep_ns);
}

/* sleep, cpu: every thread at once; the longest ends the run. */
static uint64_t
crit_longest(const struct run_config *c)
{
	uint64_t most = 0, d;
	unsigned i, j;

	for (i = 1; i <= c->nproc; i++)
		for (j = 1; j <= c->nthread; j++)
			if ((d = plan(c, i, j, 0)) > most)
				most = d;
	return most;
}

/* mutex: a process's threads one after another; the longest process. */
static uint64_t
crit_process_sum(const struct run_config *c)
{
	uint64_t most = 0, sum;
	unsigned i, j;

	for (i = 1; i <= c->nproc; i++) {
		for (sum = 0, j = 1; j <= c->nthread; j++)
			sum += plan(c, i, j, 0);
		if (sum > most)
			most = sum;
	}
	return most;
}

/* global-mutex: every thread of the run one after another. */
static uint64_t
crit_sum(const struct run_config *c)
{
	uint64_t sum = 0;
	unsigned i, j;

	for (i = 1; i <= c->nproc; i++)
		for (j = 1; j <= c->nthread; j++)
			sum += plan(c, i, j, 0);
	return sum;
}

/* semaphore: no shorter than its longest thread, nor than the sum shared
   by the permits (a lower bound: the best packing is a hard problem). */
static uint64_t
crit_permits(const struct run_config *c)
{
	unsigned permits = c->permits ? c->permits : WORK_DEFAULT_PERMITS;
	uint64_t longest = crit_longest(c), shared;

	shared = (crit_sum(c) + permits - 1) / permits;
	return longest > shared ? longest : shared;
}

/* barrier: a process waits for its slowest first sleep, then its slowest
   second one; the longest process. */
static uint64_t
crit_barrier(const struct run_config *c)
{
	uint64_t most = 0, a, b, d;
	unsigned i, j;

	for (i = 1; i <= c->nproc; i++) {
		for (a = b = 0, j = 1; j <= c->nthread; j++) {
			if ((d = plan(c, i, j, 0)) > a)
				a = d;
			if ((d = plan(c, i, j, 1)) > b)
				b = d;
		}
		if (a + b > most)
			most = a + b;
	}
	return most;
}

/* The critical path of each workload, named in its row (work.h); NULL:
   it has none. */
static uint64_t (*const critical[WORK_COUNT])(const struct run_config *) = {
#define X(e, name, min, help, reports, per, flags, body, crit, words)	\
	[e] = crit,
	WORKS(X)
#undef X
};

bool
stats_critical_ns(const struct run_config *cfg, uint64_t *ns)
{
	if ((unsigned)cfg->work >= WORK_COUNT ||
	    critical[cfg->work] == NULL)
		return false;
	if (ns != NULL)
		*ns = critical[cfg->work](cfg);
	return true;
}
