/*
 * stats.h: what many runs of one configuration show together (--runs N).
 *
 * Feed it each finished run's model; it keeps how often each process
 * finished 1st, 2nd, ... (the rank table), how often each was killed or
 * failed, which finishing orders of the processes appeared and how often,
 * and each run's wall time and planned critical path.  It is pure: no
 * clock, no I/O; a test feeds it hand-made models.
 *
 * The finishing order.  A process finishes when it says it is done (its
 * "Process Process-N done." line: every thread joined), so the order is
 * that of the times of their "done" events, on the monotonic clock every
 * process shares; equal times go by process number.  Only a process that
 * said it was done and then exited 0 has a place in it; one killed or
 * failed counts in `failed` instead.  The order of reaping (the model's
 * process rank) is not used: when several children have ended between two
 * looks, waitpid(-1) returns them oldest first, which would make
 * Process-1 "win" most ties of a short run.
 *
 * An order is kept as nproc process numbers, those that finished in order
 * and then zeros (the missing ones failed), in one array of every order
 * seen, found again through an open-addressing hash table of indices.
 */
#ifndef PTVIZ_STATS_H
#define PTVIZ_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct model;
struct run_config;

/* The words every front end uses beside these counts: the column of the
   runs a process did not finish (killed, or failed), and what the ratio
   of the wall time to the planned critical path means. */
#define STATS_FAILED_WORD	"killed/failed"
#define STATS_RATIO_WORDS	"1 is as fast as the plan allows, with a CPU " \
				"each thread"

struct stats {
	unsigned	 nproc;
	unsigned	 runs;		/* runs added */
	uint32_t	*ranks;		/* [nproc * nproc]: process i (from 0)
					   finished r+1th ranks[i*nproc+r] times */
	uint32_t	*failed;	/* [nproc]: runs it was killed or failed */
	uint64_t	*wall_ns;	/* [runs]: main running to main done */
	uint64_t	*critical_ns;	/* [runs]: planned, 0 if unknown */
	size_t		 cap;		/* of wall_ns and critical_ns */
	uint16_t	*orders;	/* [norders * nproc]: each order seen */
	uint32_t	*order_runs;	/* [norders]: runs that had it */
	unsigned	 norders, ocap;
	uint32_t	*slot;		/* [nslot]: order index + 1, 0 empty */
	size_t		 nslot;		/* a power of two > 2 * norders */
	unsigned	 last;		/* the order of the run added last */
	unsigned	 last_finished;	/* processes that finished in it */
};

/* min, median (of an even count: the mean of the middle two) and max. */
struct stats_spread {
	double		 min, median, max;
};

/* Set up st for runs of nproc processes; -1 with errno on failure. */
int	stats_init(struct stats *st, unsigned nproc);

/* Free what stats_init and stats_add allocated. */
void	stats_free(struct stats *st);

/* Count the finished run m (of st's nproc processes), whose plan's
   critical path was critical_ns (0: unknown); -1 with errno (ENOMEM), and
   nothing counted, on failure. */
int	stats_add(struct stats *st, const struct model *m,
	    uint64_t critical_ns);

/* The finishing order of the run added last: *n processes (1-based),
   the rest of the nproc failed. */
const uint16_t *stats_last_order(const struct stats *st, unsigned *n);

/* Order k (0..norders-1) as stats_last_order gives one; *runs, the runs
   that had it. */
const uint16_t *stats_order(const struct stats *st, unsigned k,
	    unsigned *n, unsigned *runs);

/* The index of the most common order (the first seen of equals), or -1
   before any run. */
int	stats_common(const struct stats *st);

/* The spread of v[0..n-1] (n > 0); v is left as it was. */
int	stats_spread(const uint64_t *v, size_t n, struct stats_spread *out);

/* The spread of wall / critical over the runs whose critical path is
   known and not 0; false if there is none. */
bool	stats_ratio(const struct stats *st, struct stats_spread *out);

/* The planned critical path of a run of cfg: the shortest wall time its
   plan allows with a CPU for every thread (sleep, cpu: the longest thread;
   mutex: the longest process's sum; global-mutex: the sum of all; the
   semaphore: a lower bound, the longest thread or the sum over the
   permits; barrier: the longest process's two phases); false if it has
   none (deadlock: it never ends by itself).  ns NULL only asks whether
   it has one. */
bool	stats_critical_ns(const struct run_config *cfg, uint64_t *ns);

#endif
