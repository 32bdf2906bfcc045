/*
 * tasknames.h: the names of a traced program's tasks and the pids of its
 * processes, as its events carried them -- for whoever has the events but
 * not the tracer: a recording read back (source_name(), source_pid()),
 * and the trace written at the end of a run (src/trace.h).
 *
 * For each process (1..) and each of its threads (1..; thread 0 is the
 * process itself) it keeps the name the latest event of that task
 * carried: an event without a name leaves none, so that what is asked
 * after an event is exactly what that event said.  For each process it
 * keeps the latest pid above 0 an event of it gave.  It grows as
 * processes and threads come: room doubles, so a program of 10 000
 * threads in one process costs 10 000 entries, not its square.
 */
#ifndef PTVIZ_TASKNAMES_H
#define PTVIZ_TASKNAMES_H

#include <stddef.h>

struct event;
struct tasknames_proc;

/* The longest name kept, in bytes: a kernel's comm is 15, and each of its
   bytes that is not UTF-8 is read back as U+FFFD, three. */
#define TASKNAMES_MAX	47

struct tasknames {
	struct tasknames_proc *proc;	/* [cap]: process i at [i - 1] */
	unsigned	 nproc;		/* the highest process told of */
	unsigned	 cap;
};

/* An empty table. */
void	tasknames_init(struct tasknames *t);

/* ev happened, carrying name (NULL: none; longer than TASKNAMES_MAX bytes:
   cut there): keep its name for its task and its pid for its process;
   nothing for the main process (proc 0).  0, or -1 with errno if there is
   no memory (what it knew stays). */
int	tasknames_note(struct tasknames *t, const struct event *ev,
	    const char *name);

/* The name of thread `thread` of process `proc` (0: the process) as the
   latest event of it carried it; NULL if none did. */
const char *tasknames_get(const struct tasknames *t, unsigned proc,
	    unsigned thread);

/* The latest pid of process `proc`; 0 if none is known. */
int	tasknames_pid(const struct tasknames *t, unsigned proc);

/* Free it all; it is empty again. */
void	tasknames_free(struct tasknames *t);

#endif
