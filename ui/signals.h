/*
 * signals.h: the signals that end ptviz (SIGINT, SIGTERM, SIGHUP), read as
 * data from a signalfd so that the loop can leave curses, kill and reap the
 * children, and only then die of the signal, with its exit status.
 */
#ifndef PTVIZ_SIGNALS_H
#define PTVIZ_SIGNALS_H

/* Block the ending signals, so that they wait to be read; -1 with errno. */
int		signals_block(void);

/* A non-blocking signalfd for the ending signals (block them first);
   -1 with errno on failure. */
int		signals_open(void);

/* The ending signal waiting on fd, or 0 if none. */
int		signals_read(int fd);

/* End the process with sig as if it had not been caught. */
_Noreturn void	signals_reraise(int sig);

#endif
