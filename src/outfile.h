/*
 * outfile.h: a file ptviz writes -- a recording (--record, the screen's
 * `w`), a trace (--trace, `e`) -- that never waits on its reader.
 *
 * The descriptor is non-blocking.  What a slow reader (a pipe, a FIFO) has
 * not taken yet is held in memory, up to OUTFILE_HOLD_MAX, and sent with
 * the next write or flush; a regular file takes every write at once, so
 * nothing is ever held for it.  At the end, outfile_wait() gives the
 * readers of one or more files OUTFILE_WAIT_NS together to take what is
 * held (less if a descriptor the caller names, the ending signals', has
 * something to read), and outfile_close() gives up on whatever is left and
 * says so: "its reader stopped reading (N bytes not written)".  The first
 * error is kept, and nothing is written after it.
 *
 * Which paths name one file (outfile_id, outfile_same) is here too: two
 * outputs, or an output and the input, must never be one file.
 */
#ifndef PTVIZ_OUTFILE_H
#define PTVIZ_OUTFILE_H

#include <sys/types.h>

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define OUTFILE_HOLD_MAX	(64 << 20)	/* bytes held for a reader */
#define OUTFILE_WAIT_NS		1000000000ull	/* the wait at the end */

/* How to make the file: truncate it, or make a new one (EEXIST if it
   is there). */
enum outfile_how { OUTFILE_TRUNC, OUTFILE_NEW };

struct outfile {
	FILE		*fp;		/* write here; NULL once closed or
					   failed (or never opened) */
	int		 fd;		/* non-blocking */
	const char	*path;
	int		 err;		/* the first error, or 0 */
	char		*held;		/* written, not yet taken by the file */
	size_t		 nheld, capheld;
	size_t		 stalled;	/* bytes left unwritten at the close */
};

/* Make path for writing into f; -1 with errno (and f->err).  A FIFO
   without a reader is refused (ENXIO), not waited for.  f must stay where
   it is until outfile_close(): its stream writes through it. */
int	outfile_open(struct outfile *f, const char *path,
	    enum outfile_how how);

/* After writing to f->fp: has f just failed?  Then it is closed, f->err
   says why: tell it once; nothing more is written. */
bool	outfile_failed(struct outfile *f);

/* Send what is buffered on its way, as far as the file takes it now;
   true if f failed now (as outfile_failed). */
bool	outfile_flush(struct outfile *f);

/* Give the readers of the n files fs (those open) up to OUTFILE_WAIT_NS
   in all to take what they hold, less if cancel_fd (unless -1) becomes
   readable. */
void	outfile_wait(struct outfile *const *fs, size_t n, int cancel_fd);

/* Close f, giving up on what is still held; its first error (errno), or
   0.  Closing one never opened, or failed, gives its error again. */
int	outfile_close(struct outfile *f);

/* What went wrong, in words: strerror, or that the reader stalled. */
const char *outfile_strerror(const struct outfile *f, char *buf,
	    size_t len);

/* What a path names, to tell whether two are one file. */
struct outfile_id {
	bool		 exists;
	bool		 kind;		/* a regular file or a FIFO: one that
					   two writers would spoil */
	dev_t		 dev;
	ino_t		 ino;
	char		 path[PATH_MAX];	/* not there yet: the path it
						   would be made at */
};

/* What path names, or (path NULL) what descriptor fd is open on. */
void	outfile_id(struct outfile_id *id, const char *path, int fd);

/* Are a and b one file: the same regular file or FIFO (whatever the
   path, link or symlink to it), or the same path not made yet? */
bool	outfile_same(const struct outfile_id *a, const struct outfile_id *b);

/* What error err (an errno) of opening path for writing means, in words:
   strerror, but "a FIFO nobody reads" for ENXIO on a FIFO. */
const char *outfile_open_strerror(const char *path, int err);

#endif
