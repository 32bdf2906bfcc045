/*
 * outfile.c: a file written without ever waiting on its reader (see
 * outfile.h).
 *
 * The FILE is a stdio cookie stream over a non-blocking descriptor: stdio
 * buffers as usual, and each of its writes goes to the file as far as the
 * file takes it now; the rest is held, in order, and goes first with the
 * next write, flush or wait.  Only the wait at the end ever sleeps, in
 * poll(), with a deadline and beside the caller's descriptor, so a reader
 * that stalls costs ptviz a second at most, and a signal not even that.
 * The descriptor is made non-blocking only once it is open: opening it so
 * makes a FIFO without a reader fail at once (ENXIO) instead of waiting.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "outfile.h"

#define HOLD_FIRST_CAP	(1 << 16)
#define STDIO_BUF	(1 << 16)
#define WAIT_MAX	4	/* files one outfile_wait() watches */

/* Keep bytes the reader has not taken yet (a pipe that is full); -1, with
   ENOBUFS in f->err, past OUTFILE_HOLD_MAX. */
static int
hold(struct outfile *f, const char *buf, size_t len)
{
	size_t cap = f->capheld != 0 ? f->capheld : HOLD_FIRST_CAP;
	char *p;

	if (f->nheld + len > OUTFILE_HOLD_MAX) {
		f->err = ENOBUFS;
		return -1;
	}
	while (cap < f->nheld + len)
		cap *= 2;
	if (cap != f->capheld) {
		if ((p = realloc(f->held, cap)) == NULL) {
			f->err = ENOMEM;
			return -1;
		}
		f->held = p;
		f->capheld = cap;
	}
	memcpy(f->held + f->nheld, buf, len);
	f->nheld += len;
	return 0;
}

/* Write buf as far as the file takes it now: the bytes written, or -1 on
   an error (kept in f->err). */
static ssize_t
write_now(struct outfile *f, const char *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = write(f->fd, buf + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {
			if (f->err == 0)
				f->err = n == 0 ? EIO : errno;
			return -1;
		}
		done += (size_t)n;
	}
	return (ssize_t)done;
}

/* Write what is held, as far as the file takes it now; -1 on an error. */
static int
drain(struct outfile *f)
{
	ssize_t n = write_now(f, f->held, f->nheld);

	if (n == -1)
		return -1;
	memmove(f->held, f->held + n, f->nheld - (size_t)n);
	f->nheld -= (size_t)n;
	return 0;
}

/*
 * The stream's writes, never blocking: what a full pipe does not take now
 * is held and goes with the next write, so a reader that stalls never
 * stalls ptviz.  The first error is kept in the outfile, whoever flushed
 * (spawn.c flushes every stream before it forks).  An error is 0 bytes
 * taken, never -1: fopencookie(3) forbids a negative count, and glibc's
 * fwrite() of a large block read past it when given one.
 */
static ssize_t
cookie_write(void *cookie, const char *buf, size_t len)
{
	struct outfile *f = cookie;
	ssize_t n = 0;

	if (f->err != 0) {
		errno = f->err;
		return 0;
	}
	if (f->nheld > 0 && drain(f) == -1)
		return 0;
	/* Still held: the new bytes go after them. */
	if (f->nheld == 0 && (n = write_now(f, buf, len)) == -1)
		return 0;
	if ((size_t)n < len && hold(f, buf + n, len - (size_t)n) == -1)
		return 0;
	return (ssize_t)len;
}

static int
cookie_close(void *cookie)
{
	struct outfile *f = cookie;

	free(f->held);
	f->held = NULL;
	f->nheld = f->capheld = 0;
	return close(f->fd);
}

int
outfile_open(struct outfile *f, const char *path, enum outfile_how how)
{
	static const cookie_io_functions_t io = { .write = cookie_write,
	    .close = cookie_close };
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK;

	*f = (struct outfile){ .path = path, .fd = -1 };
	flags |= how == OUTFILE_NEW ? O_EXCL : O_TRUNC;
	if ((f->fd = open(path, flags, 0666)) == -1) {
		f->err = errno;
		return -1;
	}
	if ((f->fp = fopencookie(f, "w", io)) == NULL) {
		f->err = errno;
		close(f->fd);
		errno = f->err;
		return -1;
	}
	setvbuf(f->fp, NULL, _IOFBF, STDIO_BUF);
	return 0;
}

/* Close f's stream after a failure; true, for the callers to return. */
static bool
fail(struct outfile *f)
{
	if (f->err == 0)
		f->err = EIO;
	fclose(f->fp);
	f->fp = NULL;
	return true;
}

bool
outfile_failed(struct outfile *f)
{
	if (f->fp == NULL || !ferror(f->fp))
		return false;
	return fail(f);
}

bool
outfile_flush(struct outfile *f)
{
	if (f->fp == NULL)
		return false;
	if (fflush(f->fp) != 0 || (f->nheld > 0 && drain(f) == -1))
		return fail(f);
	return false;
}

void
outfile_wait(struct outfile *const *fs, size_t n, int cancel_fd)
{
	struct pollfd p[WAIT_MAX + 1];
	uint64_t end = now_ns() + OUTFILE_WAIT_NS, now;
	size_t i, waiting;

	if (n > WAIT_MAX)
		n = WAIT_MAX;
	for (i = 0; i < n; i++)
		outfile_flush(fs[i]);
	for (;;) {
		for (i = waiting = 0; i < n; i++) {
			p[i] = (struct pollfd){ .fd = -1, .events = POLLOUT };
			if (fs[i]->fp != NULL && fs[i]->err == 0 &&
			    fs[i]->nheld > 0 && ++waiting)
				p[i].fd = fs[i]->fd;
		}
		if (waiting == 0 || (now = now_ns()) >= end)
			return;
		p[n] = (struct pollfd){ .fd = cancel_fd, .events = POLLIN };
		if (poll(p, n + 1, (int)((end - now) / 1000000) + 1) > 0 &&
		    (p[n].revents & POLLIN))
			return;
		/* An error (the reader went away) shows in drain(). */
		for (i = 0; i < n; i++)
			if (p[i].revents != 0)
				drain(fs[i]);
	}
}

int
outfile_close(struct outfile *f)
{
	if (f->fp == NULL)
		return f->err;
	fflush(f->fp);
	if (f->err == 0 && f->nheld > 0 && drain(f) == 0 && f->nheld > 0) {
		f->stalled = f->nheld;
		f->err = EAGAIN;
	}
	if (fclose(f->fp) != 0 && f->err == 0)
		f->err = EIO;
	f->fp = NULL;
	return f->err;
}

const char *
outfile_strerror(const struct outfile *f, char *buf, size_t len)
{
	if (f->stalled != 0)
		snprintf(buf, len, "its reader stopped reading (%zu bytes "
		    "not written)", f->stalled);
	else if (f->err == ENOBUFS)
		snprintf(buf, len, "its reader is too slow (%d MiB waiting)",
		    OUTFILE_HOLD_MAX >> 20);
	else
		snprintf(buf, len, "%s", outfile_open_strerror(f->path,
		    f->err));
	return buf;
}

/* Follow path's symlinks, even to where nothing is yet, into out. */
static void
follow(const char *path, char *out, size_t len)
{
	char target[PATH_MAX], *slash;
	struct stat st;
	ssize_t n;
	int hops;

	strlcpy(out, path, len);
	for (hops = 0; hops < 40 && lstat(out, &st) == 0 &&
	    S_ISLNK(st.st_mode); hops++) {
		if ((n = readlink(out, target, sizeof(target) - 1)) <= 0)
			return;
		target[n] = '\0';
		/* A relative target is relative to the link's directory. */
		if (target[0] != '/' && (slash = strrchr(out, '/')) != NULL) {
			slash[1] = '\0';
			strlcat(out, target, len);
		} else {
			strlcpy(out, target, len);
		}
	}
}

/* The path a file not there yet would be made at: its symlinks followed,
   its directory resolved; as given if the directory is not there. */
static void
would_be(const char *path, char *out, size_t len)
{
	char cur[PATH_MAX], dir[PATH_MAX], real[PATH_MAX];
	const char *base = cur;
	char *slash;

	follow(path, cur, sizeof(cur));
	strlcpy(dir, ".", sizeof(dir));
	if ((slash = strrchr(cur, '/')) != NULL) {
		base = slash + 1;
		if (slash == cur)
			strlcpy(dir, "/", sizeof(dir));
		else
			strlcpy(dir, cur, (size_t)(slash - cur) + 1);
	}
	if (realpath(dir, real) == NULL) {
		strlcpy(out, cur, len);
		return;
	}
	strlcpy(out, strcmp(real, "/") != 0 ? real : "", len);
	strlcat(out, "/", len);
	strlcat(out, base, len);
}

void
outfile_id(struct outfile_id *id, const char *path, int fd)
{
	struct stat st;

	*id = (struct outfile_id){ .exists = false };
	if ((path != NULL ? stat(path, &st) : fstat(fd, &st)) == 0) {
		id->exists = true;
		id->kind = S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode);
		id->dev = st.st_dev;
		id->ino = st.st_ino;
	} else if (path != NULL) {
		would_be(path, id->path, sizeof(id->path));
	}
}

bool
outfile_same(const struct outfile_id *a, const struct outfile_id *b)
{
	if (a->exists != b->exists)
		return false;
	if (a->exists)
		return a->kind && a->dev == b->dev && a->ino == b->ino;
	return a->path[0] != '\0' && strcmp(a->path, b->path) == 0;
}

const char *
outfile_open_strerror(const char *path, int err)
{
	struct stat st;

	if (err == ENXIO && stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
		return "a FIFO nobody reads";
	return strerror(err);
}
