/*
 * signals.h: the signals that end ptviz (SIGINT, SIGTERM, SIGHUP), stop it
 * (SIGTSTP, on the screen) and continue it (SIGCONT, on the screen: after
 * a SIGSTOP from outside, the shell may have set the terminal back), read
 * as data from a signalfd so that the loop can leave curses, kill and reap
 * the children, and only then die of the signal, with its exit status --
 * or take the screen back.
 *
 * A signal ignored when ptviz started stays ignored, in ptviz and in its
 * children, as shells and POSIX expect: under nohup (SIGHUP ignored) ptviz
 * survives the terminal closing, and a background job started with SIGINT
 * ignored does not die of SIGINT.  SIGCHLD is put back to its default, as
 * the reaping needs it.
 */
#ifndef PTVIZ_SIGNALS_H
#define PTVIZ_SIGNALS_H

#include <stdbool.h>

/* Note which signals were ignored at start, put SIGCHLD back to its
   default and block SIGPIPE (a write to a reader that went away then fails
   with EPIPE, to be told or re-raised); -1 with errno.  Call it first. */
int		signals_init(void);

/* Was sig ignored when ptviz started? */
bool		signals_ignored(int sig);

/* Block the ending signals not ignored at start, and SIGTSTP and SIGCONT
   too when stop is set, so that they wait to be read; -1 with errno. */
int		signals_block(bool stop);

/* A non-blocking signalfd for what signals_block(stop) blocked; -1 with
   errno on failure. */
int		signals_open(bool stop);

/* The signal waiting on fd, or 0 if none. */
int		signals_read(int fd);

/* End the process with sig as if it had not been caught. */
_Noreturn void	signals_reraise(int sig);

/* Stop the process with SIGTSTP as if it had not been caught, and return
   once it is continued (at once where job control does not stop it). */
void		signals_stop_self(void);

#endif
