/*
 * recwhole.h: a whole recording in memory read at once, its events kept
 * in an array: for the tests and the fuzzers, which want every event of
 * a recording, or its refusal, from one call.  The front ends read a
 * recording as it comes (recording.h) and keep nothing here.
 */
#ifndef PTVIZ_RECWHOLE_H
#define PTVIZ_RECWHOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"
#include "tasknames.h"

struct event;

/* The name an event of a traced program carried. */
struct recwhole_name {
	bool		 named;
	char		 s[TASKNAMES_MAX + 1];
};

struct recwhole {
	bool		 slow;		/* set first: every line by json-c */
	struct run_config cfg;
	char		**command;	/* a traced program's (one block), or
					   NULL */
	struct event	*events;	/* [n], in the file's order */
	struct recwhole_name *names;	/* [n]: a traced program's; NULL */
	size_t		 n, cap;
	unsigned	 cut_line;
	bool		 cut;
	bool		 nomem;		/* an event could not be kept */
};

/* Read buf as a recording named `name`; -1 with one line in err, and w
   empty, if it is not a good one. */
int	recwhole_read(struct recwhole *w, const char *name, const char *buf,
	    size_t len, char *err, size_t errlen);

/* Free what recwhole_read gave. */
void	recwhole_free(struct recwhole *w);

#endif
