/*
 * taskcall.h: what a thread blocked in a system call waits for, from the
 * call's number and arguments (taskstate.c reads them from the syscall
 * file).
 */
#ifndef PTVIZ_TASKCALL_H
#define PTVIZ_TASKCALL_H

#include <sys/types.h>

#include "tasktypes.h"

/* The class of ts from its call ts->nr (-1: none, TASKSTATE_BLOCKED) and
   ts->args, with its name, its way of input or output, and what `want`
   asks of the arguments, read under proc_root for process pid. */
void		 taskcall_read(const char *proc_root, pid_t pid,
		    unsigned want, struct taskstate *ts);

#endif
