/*
 * busy.c: summing a run's busy time (see busy.h for the rules).
 *
 * The sums of starts wrap freely: only count * now - sum is ever used.  A
 * reaping is stamped by the main process after the child's last event, on
 * the same clock, so an end before its phase's start would only be a
 * clock's fault: it counts as nothing.
 */
#include "busy.h"
#include "event.h"

/* count * now - starts: the phases going, up to `now` (0 if `now` is
   older than they are). */
static uint64_t
going(unsigned count, uint64_t starts, uint64_t now)
{
	uint64_t g = (uint64_t)count * now - starts;

	return (int64_t)g < 0 ? 0 : g;
}

void
busy_clear(struct busy_sums *b)
{
	*b = (struct busy_sums){ .cpus = b->cpus };
}

void
busy_set_cpus(struct busy_sums *b, unsigned cpus)
{
	b->cpus = cpus;
}

void
busy_begin(struct busy_sums *b, unsigned state, uint64_t when)
{
	if (!state_busy(state))
		return;
	b->busy++;
	b->busy_starts += when;
	if (state_on_cpu(state)) {
		b->computing++;
		b->computing_starts += when;
	}
}

uint64_t
busy_end(struct busy_sums *b, unsigned state, uint64_t since, uint64_t when)
{
	uint64_t d = when > since ? when - since : 0;

	if (!state_busy(state))
		return 0;
	b->busy--;
	b->busy_starts -= since;
	b->slept_ns += d;
	if (state_on_cpu(state)) {
		b->computing--;
		b->computing_starts -= since;
		b->computed_ns += d;
	}
	return d;
}

uint64_t
busy_ns(const struct busy_sums *b, uint64_t now, uint64_t elapsed)
{
	uint64_t all, comp, counted, most;

	all = going(b->busy, b->busy_starts, now);
	comp = going(b->computing, b->computing_starts, now);
	if (comp > all)
		comp = all;
	counted = b->computed_ns + (b->cpus > 0 ? comp : 0);
	most = (uint64_t)b->cpus * elapsed;
	if (b->cpus > 0 && counted > most)
		counted = most;
	return b->slept_ns - b->computed_ns + (all - comp) + counted;
}

unsigned
busy_now(const struct busy_sums *b)
{
	unsigned comp = b->computing;

	if (b->cpus > 0 && comp > b->cpus)
		comp = b->cpus;
	return b->busy - b->computing + comp;
}
