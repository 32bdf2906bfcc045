/*
 * jsonl.c: writing a run as JSON lines (see jsonl.h).
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "jsonl.h"
#include "outfile.h"
#include "spawn.h"

void
jsonl_run(FILE *fp, const struct run_config *cfg)
{
	fprintf(fp, "{\"event\":\"run\",\"format\":\"" JSONL_FORMAT "\","
	    "\"version\":%d,\"processes\":%u,\"threads\":%u,"
	    "\"sleep_s\":%" PRIu64 ".%09" PRIu64 ",\"seed\":%" PRIu64
	    ",\"work\":\"%s\"", JSONL_VERSION, cfg->nproc, cfg->nthread,
	    cfg->sleep_ns / 1000000000u, cfg->sleep_ns % 1000000000u,
	    cfg->seed, work_name(cfg->work));
	if (cfg->work == WORK_SEMAPHORE)
		fprintf(fp, ",\"permits\":%u", cfg->permits ? cfg->permits :
		    WORK_DEFAULT_PERMITS);
	fputs("}\n", fp);
}

void
jsonl_event(FILE *fp, uint64_t t0, const struct event *ev)
{
	int ws = (int)ev->wstatus;
	const char *name;

	fprintf(fp, "{\"t_ns\":%" PRId64 ",\"event\":\"%s\",\"proc\":%u,"
	    "\"thread\":%u,\"pid\":%" PRId32 ",\"tid\":%" PRId32,
	    (int64_t)(ev->t_ns - t0), state_name(ev->state), ev->proc,
	    ev->thread, ev->pid, ev->tid);
	switch (ev->state) {
	case ST_SLEEPING:
		fprintf(fp, ",\"sleep_ns\":%" PRIu64, ev->sleep_ns);
		break;
	case ST_COMPUTING:
		fprintf(fp, ",\"cpu_ns\":%" PRIu64, ev->plan_ns);
		break;
	case ST_WAITING:
		fprintf(fp, ",\"for\":\"%s\",\"object\":%u",
		    object_name(ev->what), ev->object);
		break;
	case ST_HOLDING:
		fprintf(fp, ",\"holds\":\"%s\",\"object\":%u,"
		    "\"hold_ns\":%" PRIu64 "%s", object_name(ev->what),
		    ev->object, ev->plan_ns, ev->what & OBJ_RECOVERED ?
		    ",\"recovered\":true" : "");
		break;
	case ST_DONE:
		if (ev->cpu_ns != 0)
			fprintf(fp, ",\"cpu_used_ns\":%" PRIu64, ev->cpu_ns);
		break;
	case ST_TFAILED:
		name = strerrorname_np((int)ev->err);
		fprintf(fp, ",\"error\":\"%s\"", name != NULL ? name :
		    "unknown");
		break;
	case ST_EXITED:
	case ST_KILLED:
	case ST_FAILED:
		if (ev->wstatus == -1) {
			fputs(",\"error\":\"not forked\"", fp);
		} else if (WIFSIGNALED(ws)) {
			name = sigabbrev_np(WTERMSIG(ws));
			fprintf(fp, ",\"signal\":\"SIG%s\"", name != NULL ?
			    name : "UNKNOWN");
		} else {
			fprintf(fp, ",\"status\":%d", WEXITSTATUS(ws));
		}
		if (ev->what == OBJ_SEM && ev->object > 0)
			fprintf(fp, ",\"permits_back\":%u", ev->object);
		break;
	}
	fputs("}\n", fp);
}

/* Keep bytes the reader has not taken yet (a pipe that is full); -1 and
   ENOBUFS in f->err past JSONL_HOLD_MAX. */
static int
hold(struct jsonl_file *f, const char *buf, size_t len)
{
	size_t cap = f->capheld != 0 ? f->capheld : 1 << 16;
	char *p;

	if (f->nheld + len > JSONL_HOLD_MAX) {
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
write_now(struct jsonl_file *f, const char *buf, size_t len)
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
drain(struct jsonl_file *f)
{
	ssize_t n = write_now(f, f->held, f->nheld);

	if (n == -1)
		return -1;
	memmove(f->held, f->held + n, f->nheld - (size_t)n);
	f->nheld -= (size_t)n;
	return 0;
}

/*
 * The file's writes, never blocking: what a full pipe does not take now is
 * held and goes with the next write, so a reader that stalls never stalls
 * the run.  The first error is kept in the jsonl_file, whoever flushed
 * (spawn.c flushes every stream before it forks).
 */
static ssize_t
cookie_write(void *cookie, const char *buf, size_t len)
{
	struct jsonl_file *f = cookie;
	ssize_t n = 0;

	if (f->nheld > 0 && drain(f) == -1)
		return -1;
	/* Still held: the new bytes go after them. */
	if (f->nheld == 0 && (n = write_now(f, buf, len)) == -1)
		return -1;
	if ((size_t)n < len && hold(f, buf + n, len - (size_t)n) == -1)
		return -1;
	return (ssize_t)len;
}

static int
cookie_close(void *cookie)
{
	struct jsonl_file *f = cookie;

	free(f->held);
	f->held = NULL;
	f->nheld = f->capheld = 0;
	return close(f->fd);
}

int
jsonl_create(struct jsonl_file *f, const char *path)
{
	static const cookie_io_functions_t io = { .write = cookie_write,
	    .close = cookie_close };
	int saved;

	*f = (struct jsonl_file){ .path = path, .fd = -1 };
	if ((f->fd = outfile_create(path)) == -1)
		return -1;
	if (fcntl(f->fd, F_SETFL, O_NONBLOCK) == -1 ||
	    (f->fp = fopencookie(f, "w", io)) == NULL) {
		saved = errno;
		close(f->fd);
		errno = saved;
		return -1;
	}
	setvbuf(f->fp, NULL, _IOFBF, 1 << 16);
	return 0;
}

/* After a write: has f just failed? */
static bool
failed(struct jsonl_file *f)
{
	if (!ferror(f->fp))
		return false;
	if (f->err == 0)
		f->err = EIO;
	fclose(f->fp);
	f->fp = NULL;
	return true;
}

bool
jsonl_put_run(struct jsonl_file *f, const struct run_config *cfg)
{
	if (f->fp == NULL)
		return false;
	jsonl_run(f->fp, cfg);
	return failed(f);
}

bool
jsonl_put(struct jsonl_file *f, uint64_t t0, const struct event *ev)
{
	if (f->fp == NULL)
		return false;
	jsonl_event(f->fp, t0, ev);
	return failed(f);
}

bool
jsonl_flush(struct jsonl_file *f)
{
	if (f->fp == NULL)
		return false;
	if (fflush(f->fp) == 0 && f->nheld > 0 && drain(f) == -1) {
		fclose(f->fp);
		f->fp = NULL;
		return true;
	}
	return failed(f);
}

int
jsonl_close(struct jsonl_file *f)
{
	struct pollfd p = { .fd = f->fd, .events = POLLOUT };
	uint64_t end = now_ns() + JSONL_CLOSE_WAIT_NS, now;

	if (f->fp == NULL)
		return f->err;
	/* What a slow reader has not taken yet: a last wait for it. */
	fflush(f->fp);
	while (f->err == 0 && f->nheld > 0 && drain(f) == 0 &&
	    f->nheld > 0) {
		if ((now = now_ns()) >= end) {
			f->stalled = f->nheld;
			f->err = EAGAIN;
			break;
		}
		poll(&p, 1, (int)((end - now) / 1000000) + 1);
	}
	if (fclose(f->fp) != 0 && f->err == 0)
		f->err = EIO;
	f->fp = NULL;
	return f->err;
}

const char *
jsonl_strerror(const struct jsonl_file *f, char *buf, size_t len)
{
	if (f->stalled != 0)
		snprintf(buf, len, "its reader stopped reading (%zu bytes "
		    "not written)", f->stalled);
	else if (f->err == ENOBUFS)
		snprintf(buf, len, "its reader is too slow (%d MiB waiting)",
		    JSONL_HOLD_MAX >> 20);
	else
		snprintf(buf, len, "%s", strerror(f->err));
	return buf;
}
