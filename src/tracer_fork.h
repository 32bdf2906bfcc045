/*
 * tracer_fork.h: finding the program ptviz -- COMMAND is to run, as
 * execvp(3) would, refusing the ones it must not trace before anything is
 * forked, and forking it under ptrace.
 */
#ifndef PTVIZ_TRACER_FORK_H
#define PTVIZ_TRACER_FORK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Where COMMAND's standard input, output and error go. */
enum tracer_out {
	TRACER_OUT_OURS,	/* ptviz's own: --plain passes it through */
	TRACER_OUT_STDERR,	/* its output to ptviz's stderr: --json */
	TRACER_OUT_NULL,	/* all three /dev/null: the screen, which
				   the program's output must not garble */
};

/* The file that running `file` runs: `file` itself if it has a '/', else
   the first executable regular file of that name in $PATH (execvp's
   default path if it is unset), in path[pathlen].  False, and why in
   one line in why[whylen] ("nosuch: command not found in PATH"), if
   there is none, it is not executable, or it is set-user-ID, set-group-ID
   or has file capabilities: traced by an ordinary user, it would run
   without its privilege; traced by root, a tracer would hold a
   privileged program. */
bool	tracer_path(const char *file, char *path, size_t pathlen, char *why,
	    size_t whylen);

/* Fork path with argv, seized with PTRACE_SEIZE and options, its
   standard output and error where out says; it waits to
   exec until *gofd (close-on-exec) is closed.  Its pid; -1 with errno
   (EPERM: ptrace is not allowed) if it could not be, and then nothing is
   left running.  SIGCHLD is blocked, so the child unblocks every signal. */
pid_t	tracer_fork(const char *path, char *const argv[], enum tracer_out out,
	    unsigned long options, int *gofd);

#endif
