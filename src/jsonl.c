/*
 * jsonl.c: writing a run as JSON lines (see jsonl.h).
 */
#include <sys/wait.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
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
	    "\"sleep_s\":%" PRIu64 ".%09" PRIu64 ",\"seed\":%" PRIu64 "}\n",
	    JSONL_VERSION, cfg->nproc, cfg->nthread,
	    cfg->sleep_ns / 1000000000u, cfg->sleep_ns % 1000000000u,
	    cfg->seed);
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
		break;
	}
	fputs("}\n", fp);
}

/* The file's writes: the first error is kept in the jsonl_file, whoever
   flushed (spawn.c flushes every stream before it forks). */
static ssize_t
cookie_write(void *cookie, const char *buf, size_t len)
{
	struct jsonl_file *f = cookie;
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = write(f->fd, buf + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (f->err == 0)
				f->err = n == 0 ? EIO : errno;
			return -1;
		}
		done += (size_t)n;
	}
	return (ssize_t)done;
}

static int
cookie_close(void *cookie)
{
	struct jsonl_file *f = cookie;

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
	if ((f->fp = fopencookie(f, "w", io)) == NULL) {
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
	fflush(f->fp);
	return failed(f);
}

int
jsonl_close(struct jsonl_file *f)
{
	if (f->fp != NULL) {
		if (fclose(f->fp) != 0 && f->err == 0)
			f->err = EIO;
		f->fp = NULL;
	}
	return f->err;
}
