/*
 * out.h: standard output for the line front ends (--plain, --json),
 * written without ever blocking the loop.
 *
 * The printers write into out->fp, whose bytes collect in memory; the loop
 * hands them to the descriptor only when poll() says it can take them
 * (out_pollfd(), then out_ready()), at most a pipe's atomic write at a time,
 * so a reader that stalls never holds ptviz in write() out of the signals'
 * reach, and the loop can stop taking events while too much waits.  Where
 * the descriptor is a pipe or a socket, poll() also tells when the reader
 * went away, before anything more is written.  The first failure is kept
 * and nothing is written after it: the caller tells it, once.
 */
#ifndef PTVIZ_OUT_H
#define PTVIZ_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct pollfd;

struct out {
	FILE		*fp;		/* what the printers write to */
	int		 fd;
	char		*buf;		/* bytes not yet written: [off, len) */
	size_t		 off, len, cap;
	bool		 pipe;		/* a pipe or socket: its reader can go */
	bool		 file;		/* a regular file: never waits */
	int		 err;		/* errno of the first failure, or 0 */
};

/* Set o up to write to fd; -1 with errno on failure. */
int	out_open(struct out *o, int fd);

/* Free o, writing nothing more (call out_pending() until 0 first). */
void	out_close(struct out *o);

/* Bytes waiting to be written, once what fp holds has joined them. */
size_t	out_pending(struct out *o);

/* What to poll for: the descriptor's room, or (a pipe) its reader going
   away; fd -1 (nothing) when neither can matter. */
void	out_pollfd(const struct out *o, struct pollfd *p);

/* After poll(): write what the descriptor can take now, or note why not. */
void	out_ready(struct out *o, short revents);

/* errno of the first failure (EPIPE: the reader went away), or 0. */
int	out_error(const struct out *o);

#endif
