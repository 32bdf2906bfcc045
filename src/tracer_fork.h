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

/* Where the traced program's standard streams go. */
enum tracer_out {
	TRACER_OUT_INHERIT,	/* ptviz's stdin, stdout and stderr */
	TRACER_OUT_STDERR,	/* the same, but its stdout is ptviz's
				   stderr (stdout holds ptviz's records) */
	TRACER_OUT_PTY,		/* a terminal of its own (ptyout.h): a new
				   session, the terminal its controlling
				   one and its stdin, stdout and stderr */
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

/* Fork path with argv, seized with PTRACE_SEIZE and options (0: not
   seized, for --poll), its standard streams as out says (tty: the
   terminal's slave side for TRACER_OUT_PTY, else unused); it waits to
   exec until *gofd (close-on-exec) is closed.  Its pid; -1 with errno
   (EPERM: ptrace is not allowed) if it could not be, and then nothing is
   left running.  SIGCHLD is blocked, so the child unblocks every signal. */
pid_t	tracer_fork(const char *path, char *const argv[],
	    enum tracer_out out, int tty, unsigned long options, int *gofd);

#endif
