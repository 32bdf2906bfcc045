/*
 * names.h: the names of a traced program's tasks (ptviz -- COMMAND), kept
 * by the screen for as long as the run is on it.
 *
 * The tracer knows a task's name only while the task lives (source_name());
 * the screen shows it after the end too, and at any moment of the past.
 * So the name told with each birth, exec and end is kept beside the
 * history, under the event's place in it (k): the log says each event
 * with the name it had then, the grid and the details a task's name at
 * the moment shown.  Records come in the history's order; each links to
 * the one before it of the same process, so a look-up walks one
 * process's records, not the run's.
 */
#ifndef PTVIZ_NAMES_H
#define PTVIZ_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NAME_MAX_LEN	16	/* the kernel's comm, with its NUL */

struct name_rec {
	size_t		 k;		/* the event's place in the history */
	size_t		 prev;		/* this process's record before,
					   SIZE_MAX: none */
	unsigned	 thread;	/* 0: the process's own event */
	char		 name[NAME_MAX_LEN];
};

struct names {
	struct name_rec	*rec;		/* [n], in the history's order */
	size_t		 n, cap;
	size_t		*last;		/* [cap_proc]: each process's last
					   record, SIZE_MAX: none */
	unsigned	 nproc, cap_proc;
};

/* Keep `name` as process proc's (thread 0) or its thread's, told with
   event k; -1 with errno (ENOMEM) if there is no room. */
int		 names_add(struct names *nm, size_t k, unsigned proc,
		    unsigned thread, const char *name);

/* The name told with event k, or NULL: none. */
const char	*names_at(const struct names *nm, size_t k, unsigned proc);

/* The name of thread `thread` (0: the process) of process proc as of
   the first `upto` events: its last told before, or with first its
   first; NULL if none was. */
const char	*names_of(const struct names *nm, unsigned proc,
		    unsigned thread, size_t upto, bool first);

/* Forget every name, keeping the memory. */
void		 names_clear(struct names *nm);

/* Free everything. */
void		 names_free(struct names *nm);

#endif
