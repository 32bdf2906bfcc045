/*
 * taskinfo.h: what /proc says of one task (a process or a thread) that
 * the tracer needs: its name, its thread group and parent, and whether it
 * is a thread of a given process.  Each call opens and reads one file, so
 * the tracer calls them only at a birth, an exec or an end.
 */
#ifndef PTVIZ_TASKINFO_H
#define PTVIZ_TASKINFO_H

#include <stdbool.h>
#include <stdint.h>

/* The kernel's comm: 15 bytes at most, with its NUL. */
#define TASKINFO_NAME	16

/* The name task tid has now (/proc/TID/comm) into name; false if it is
   gone (name unchanged). */
bool	taskinfo_comm(int32_t tid, char name[TASKINFO_NAME]);

/* Task tid's thread group (its process's pid), its parent process and its
   name, from /proc/TID/status; false if it is gone. */
bool	taskinfo_status(int32_t tid, int32_t *tgid, int32_t *ppid,
	    char name[TASKINFO_NAME]);

/* What /proc/PID/stat says of a process. */
struct taskinfo_stat {
	char		 state;		/* 'R', 'S', ..., 'Z' */
	int32_t		 ppid;
	int		 exit_code;	/* a zombie's wait status */
	char		 name[TASKINFO_NAME];
};

/* Process pid's stat into *st; false if it is gone. */
bool	taskinfo_stat(int32_t pid, struct taskinfo_stat *st);

/* The first number of task tid's status line `field` ("TracerPid",
   "Uid": its real uid) into *v; false if it is gone or has none. */
bool	taskinfo_number(int32_t tid, const char *field, long *v);

/* Process pid's command line (/proc/PID/cmdline, 4 KiB of it at most),
   as an argv in one block for free(); a process with none (a zombie) is
   named by its comm in brackets, as ps names it.  NULL if it is gone or
   there is no memory. */
char	**taskinfo_cmdline(int32_t pid);

/* Is task tid a thread of process pid (/proc/PID/task/TID is there)? */
bool	taskinfo_in(int32_t pid, int32_t tid);

#endif
