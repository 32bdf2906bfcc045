/*
 * timeline_frame.h: what a frame of the timeline's rows works out before
 * it draws them (timeline_frame.c): the rows shown, the threads the walk
 * through the events follows, and their slots.
 */
#ifndef PTVIZ_TIMELINE_FRAME_H
#define PTVIZ_TIMELINE_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline_geom.h"

struct tui;

/* A thread the frame's walk follows: the phase it is in and since when
   (folded: since its busy stretch began), and the last column it drew
   (folded: counted), -1 before any. */
struct tslot {
	uint64_t	 since;
	int		 last;
	uint8_t		 state;
	uint8_t		 kclass;	/* traced, in "kernel": its class */
	bool		 cpu;		/* it computes: drawn by its share of
					   a CPU (timeline_share.c) */
};

/* A process with rows shown: its own row, the threads the walk follows
   (folded: every one), the row of the first of them, their first slot,
   and which levels are its if it is folded. */
struct tproc {
	int		 y;		/* its row, -1: scrolled above */
	int		 ty;		/* the row of thread lo */
	unsigned	 lo, hi;	/* threads followed, none if hi < lo */
	size_t		 slot;		/* the slot of thread lo */
	int		 fold;		/* its levels' index, -1: unfolded */
};

/* What a frame works out before it draws the rows. */
struct tframe {
	struct tgeom	 g;
	int		 span[STOPS_MAX][2];	/* stopped spans, columns */
	int		 nspan;
	unsigned	 first;		/* the first process shown */
	struct tproc	*procs;		/* [np]: first, first + 1, ... */
	unsigned	 np;
	struct tslot	*slots;		/* [nslots] */
	size_t		 nslots;
	int		*diffs;		/* each folded row's levels, cols + 1 */
	uint64_t	*on;		/* each slot's ns on a CPU, a column
					   each: [nslots * cols] */
};

/* Map each row of processes and threads shown, from the first shown on:
   which threads the walk follows, where they go, and the walk's slots;
   -1 if there are no rows or no memory for the walk. */
int	 tframe_map(const struct tui *t, struct tframe *f);

/* The slot of thread j of process i, or NULL if the walk does not follow
   it; its process's map in *pp. */
struct tslot *tframe_slot(const struct tframe *f, unsigned i, unsigned j,
	    const struct tproc **pp);

/* The time on a CPU of slot s, a column each. */
uint64_t *tframe_on(const struct tframe *f, const struct tslot *s);

/* The levels of the folded process p: cols + 1 counts. */
int	*tframe_levels(const struct tframe *f, const struct tproc *p);

/* Is column c within a stopped span? */
bool	 tframe_in_stop(const struct tframe *f, int c);

#endif
