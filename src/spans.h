/*
 * spans.h: the times each run-wide object -- the global mutex, the
 * semaphore's permits -- was held, checked for more holders at once than
 * it has.
 *
 * The model cannot judge this as the events come: the processes sharing
 * these objects report on rings the main process reads in turn, so a
 * holder's "holding" may arrive before the "done" of the one it followed.
 * Time can judge it: a holder reports holding after it took the object
 * and its end before it let go (DESIGN.md, 9), so the spans of two
 * holders never overlap in time, whatever order they arrived in.  The
 * spans are noted as a recording is read and swept in time order at its
 * end (spans_check).  Spans that never ended (a recording cut short) and
 * global-mutex spans ended by their thread's death (the robust mutex let
 * go when the thread died, a time no event tells) are not judged.
 */
#ifndef PTVIZ_SPANS_H
#define PTVIZ_SPANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What is held: the global mutex, a permit of the semaphore. */
enum spans_kind { SPANS_GMUTEX, SPANS_SEM, SPANS_KINDS };

struct span {
	uint64_t	 start, end;	/* end: UINT64_MAX while held */
	uint32_t	 line;		/* of its "holding" */
	uint16_t	 proc, thread;
};

struct spans {
	unsigned	 nthread;
	size_t		 nthreads;	/* processes x threads */
	unsigned	 most[SPANS_KINDS];	/* holders at once, at most */
	struct span	*s[SPANS_KINDS];
	size_t		 n[SPANS_KINDS], cap[SPANS_KINDS];
	uint32_t	*open[SPANS_KINDS];	/* [nthreads]: span + 1 each
					   thread holds now, 0: none */
};

/* A clash found: `span` held when `most` already were, `with` one of
   them. */
struct spans_clash {
	enum spans_kind	 kind;
	unsigned	 most;
	const struct span *span, *with;
};

/* Spans of a run of nproc x nthread whose semaphore has `permits`. */
void	spans_init(struct spans *sp, unsigned nproc, unsigned nthread,
	    unsigned permits);

/* Thread j of process i took `kind` at t, told on `line`; -1 with errno
   (ENOMEM). */
int	spans_hold(struct spans *sp, enum spans_kind kind, unsigned i,
	    unsigned j, uint64_t t, uint32_t line);

/* Thread j of process i ended at t (done, failed, or lost: `lost`): what
   it held is let go. */
void	spans_end(struct spans *sp, unsigned i, unsigned j, uint64_t t,
	    bool lost);

/* 0 if no object ever had more holders than it has; 1 with the first
   clash in time in c (its pointers good until spans_free); -1 with errno
   (ENOMEM). */
int	spans_check(const struct spans *sp, struct spans_clash *c);

/* Free what the spans hold. */
void	spans_free(struct spans *sp);

#endif
