/*
 * tracer_attach.h: ptviz --attach PID: a process that runs already,
 * seized with each of its threads and its descendants (every thread is
 * seized on its own: the kernel follows only those), and let go again
 * at ptviz's end, still running.
 *
 * Without PTRACE_O_EXITKILL: the program is not ptviz's, so ptviz's end
 * (even SIGKILL: the kernel lets every tracee go then) leaves it running.
 */
#ifndef PTVIZ_TRACER_ATTACH_H
#define PTVIZ_TRACER_ATTACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "taskinfo.h"

struct tree;

/* A task seized, as it was found. */
struct attach_task {
	int32_t		 tid;
	int32_t		 tgid;		/* its process */
	int32_t		 ppid;		/* its process's parent */
	char		 name[TASKINFO_NAME];
};

/* The tasks seized, in order: a process, then its other threads, then
   its children's, and so on down. */
struct attach_list {
	struct attach_task *task;
	size_t		 n, cap;
};

/* May pid be attached to?  False, and why in one line, if it is ptviz
   itself or its parent, there is no such process, it is a thread of
   another, or another tracer has it; nothing is seized yet. */
bool	attach_allowed(pid_t pid, char *why, size_t whylen);

/* Seize pid, its threads and its descendants with PTRACE_SEIZE and
   options, each recorded in l.  0; or -1 with errno and why in one line
   (EPERM: why it is not allowed: another user's, yama's ptrace_scope),
   and then whatever was seized is let go and l is empty.  A task that
   ends meanwhile, or is traced already through its parent's fork or
   clone, is left out: its event tells it. */
int	attach_seize(pid_t pid, unsigned long options, struct attach_list *l,
	    char *why, size_t whylen);

/* Let every tracee go, running as it was: each task of l, or if tr is
   not NULL each live task of tr, is stopped (PTRACE_INTERRUPT) and let
   go (PTRACE_DETACH), with the signal it was stopped for on its way, and
   so is each one born meanwhile; returns once ptviz traces none. */
void	attach_release(const struct attach_list *l, const struct tree *tr);

/* Free l's tasks; it is empty again. */
void	attach_list_free(struct attach_list *l);

#endif
