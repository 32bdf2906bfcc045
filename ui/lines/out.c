/*
 * out.c: standard output that never blocks the loop (see out.h).
 *
 * The FILE is a stdio cookie stream: its writes append to a buffer in
 * memory.  Bytes leave the buffer only in out_ready(), after poll() said
 * the descriptor has room: a pipe then has a free page, so a write of at
 * most PIPE_BUF bytes never waits (Linux fills one free pipe page at once);
 * a regular file never waits for long, so it takes everything.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

#define OUT_FIRST_CAP	(64 * 1024)

/* The cookie stream's write: keep the bytes for out_ready().  A failure
   is 0 bytes taken: fopencookie(3) forbids a negative count. */
static ssize_t
cookie_write(void *cookie, const char *data, size_t n)
{
	struct out *o = cookie;
	size_t cap;
	char *b;

	if (o->err != 0) {
		errno = o->err;
		return 0;
	}
	if (o->off > 0 && o->len + n > o->cap) {
		memmove(o->buf, o->buf + o->off, o->len - o->off);
		o->len -= o->off;
		o->off = 0;
	}
	if (o->len + n > o->cap) {
		for (cap = o->cap ? o->cap : OUT_FIRST_CAP; cap < o->len + n; )
			cap *= 2;
		if ((b = realloc(o->buf, cap)) == NULL) {
			o->err = errno;
			return 0;
		}
		o->buf = b;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, data, n);
	o->len += n;
	return (ssize_t)n;
}

int
out_open(struct out *o, int fd)
{
	cookie_io_functions_t io = { .write = cookie_write };
	struct stat st;

	*o = (struct out){ .fd = fd };
	if (fstat(fd, &st) == -1)
		return -1;
	o->pipe = S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
	o->file = S_ISREG(st.st_mode);
	if ((o->fp = fopencookie(o, "w", io)) == NULL)
		return -1;
	return 0;
}

void
out_close(struct out *o)
{
	/* Whatever fp still holds joins the buffer, which goes. */
	if (o->fp != NULL)
		fclose(o->fp);
	free(o->buf);
	o->fp = NULL;
	o->buf = NULL;
}

size_t
out_pending(struct out *o)
{
	if (fflush(o->fp) == EOF && o->err == 0)
		o->err = errno;
	return o->len - o->off;
}

void
out_pollfd(const struct out *o, struct pollfd *p)
{
	bool waiting = o->len > o->off && o->err == 0;

	*p = (struct pollfd){ .fd = -1 };
	/* POLLERR and POLLHUP come whatever is asked for: a pipe is watched
	   even with nothing to write, to see its reader go. */
	if (waiting || (o->pipe && o->err == 0))
		*p = (struct pollfd){ .fd = o->fd,
		    .events = waiting ? POLLOUT : 0 };
}

void
out_ready(struct out *o, short revents)
{
	size_t n = o->len - o->off;
	ssize_t w;

	if (o->err != 0)
		return;
	if (revents & POLLNVAL) {
		o->err = EBADF;
		return;
	}
	if (o->pipe && (revents & (POLLERR | POLLHUP))) {
		o->err = EPIPE;
		return;
	}
	/* Anything else that went wrong, write() names. */
	if (n == 0 || !(revents & (POLLOUT | POLLERR | POLLHUP)))
		return;
	if (!o->file && n > PIPE_BUF)
		n = PIPE_BUF;
	w = write(o->fd, o->buf + o->off, n);
	if (w == -1) {
		if (errno != EAGAIN && errno != EINTR)
			o->err = errno;
		return;
	}
	o->off += (size_t)w;
	if (o->off == o->len)
		o->off = o->len = 0;
}

int
out_error(const struct out *o)
{
	return o->err;
}
