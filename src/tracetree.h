/*
 * tracetree.h: the tree of a traced program as the tracer numbers it --
 * its processes in order of birth, each one's threads in order of birth,
 * a task found by its tid -- and the events that tell it, handed to the
 * sink as each task is numbered or ends.
 *
 * The tracer (tracer.c) owns one and is the only writer; the arrays are
 * laid out here for it to read (a task's name, a process's pid).  A task
 * is found by tid only while it lives: its tid may be another task's
 * later.
 */
#ifndef PTVIZ_TRACETREE_H
#define PTVIZ_TRACETREE_H

#include <stdbool.h>
#include <stdint.h>

#include "spawn.h"
#include "taskinfo.h"
#include "tidmap.h"

#define TREE_NONE	UINT32_MAX	/* no task */

struct tree_task {
	int32_t		 tid;
	uint16_t	 proc;		/* 1.. */
	uint16_t	 thread;	/* 1.. within its process */
	bool		 ended;
	bool		 stopped;	/* in a job-control stop, as the
					   tracer or a reading of /proc saw */
	char		 name[TASKINFO_NAME];
};

struct tree_proc {
	int32_t		 pid;
	uint32_t	 leader;	/* the task whose tid is pid */
	uint32_t	*task;		/* [nthread]: by thread number - 1 */
	unsigned	 nthread, cap;
	bool		 ended;
};

struct tree {
	run_sink	*sink;
	void		*ctx;
	struct tree_task *task;
	struct tree_proc *proc;
	unsigned	 ntask, cap_task, nproc, cap_proc;
	struct tidmap	 tids;		/* a live task's tid: its index */
	unsigned	 unnumbered;	/* tasks that could not be */
};

/* An empty tree, its events to sink(ctx, ev). */
void		 tree_init(struct tree *tr, run_sink *sink, void *ctx);

/* Hand the sink an event of process proc (0: ptviz itself, whose pid it
   carries), thread thread, task tid, now. */
void		 tree_emit(struct tree *tr, unsigned state, unsigned proc,
		    unsigned thread, int32_t tid, int64_t wstatus,
		    unsigned object);

/* The live task of tid, or TREE_NONE. */
uint32_t	 tree_task_of(const struct tree *tr, int32_t tid);

/* A new thread of process proc: tid, named name; its birth told.  Its
   task, or TREE_NONE if it could not be numbered (counted). */
uint32_t	 tree_new_thread(struct tree *tr, unsigned proc, int32_t tid,
		    const char *name);

/* A new process, pid, born of process parent (0: ptviz), named name; its
   birth and its main thread's told.  Its main thread's task, or
   TREE_NONE. */
uint32_t	 tree_new_proc(struct tree *tr, int32_t pid, unsigned parent,
		    const char *name);

/* Task k has ended: told, and no longer found by its tid. */
void		 tree_end_task(struct tree *tr, uint32_t k);

/* The end that wait status ws tells: exited (0), failed, killed. */
unsigned	 tree_end_state(int ws);

/* Process proc has ended with wait status ws: each of its threads' end
   told, then its own, as `state` (exited, failed, killed; gone with ws
   0), unless it was told already. */
void		 tree_end_proc(struct tree *tr, unsigned proc, unsigned state,
		    int ws);

/* Task k, a thread that exec'd, leads its process now: it goes on under
   its process's pid, found by it, and no longer by its own tid; 0, or -1
   if there is no memory (nothing changed). */
int		 tree_lead(struct tree *tr, uint32_t k);

/* Thread j of process i's name (j 0: the process's, its leader's); NULL
   if there is none. */
const char	*tree_name(const struct tree *tr, unsigned i, unsigned j);

/* Free what the tree holds; it is empty again. */
void		 tree_free(struct tree *tr);

#endif
