/*
 * recording.c: reading a recording back (see recording.h): the bytes, the
 * lines, and the one line that says what is wrong.
 *
 * The bytes come in chunks of CHUNK into one buffer (fill: from the file,
 * or from memory for recording_memory); whole lines are cut out of it in
 * place (lines) -- only the part of a line a chunk cut off is moved to the
 * front -- and each is read into what it says by recline.c (the run
 * record first, then events), and each event checked against the run so
 * far by recheck.c.  Every check that fails writes its line into r->err,
 * with the file and the line number, and marks the recording failed;
 * nothing after it is read.  Reading a pipe never waits but in
 * recording_open: poll() says first whether bytes are there.  At the end
 * (finish) the last line without a newline, the holders in time and the
 * run's end are judged, and all but the info is freed.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "recheck.h"
#include "recline.h"
#include "recording.h"
#include "tasknames.h"
#include "text.h"

/* Bytes read at once: big reads cost fewer calls; a pump stops at its
   budget of events, not at the end of a chunk. */
#define CHUNK		(1u << 20)

struct recording {
	struct recording_info info;
	char		 name[64];
	char		 err[256];
	struct run_config cfg;
	int		 fd;		/* -1: memory, or read to its end */
	bool		 own_fd;	/* not standard input: close it */
	bool		 pipe;		/* not a regular file: poll first */
	const char	*mem;		/* recording_memory's bytes */
	size_t		 memlen;
	char		*buf;		/* [CHUNK] */
	size_t		 start, len;	/* not yet taken: buf[start..len) */
	bool		 eof;		/* nothing more to read */
	bool		 more;		/* whole lines left at the last pump */
	struct recline	 rl;		/* what each line says */
	struct recheck	 run;		/* the run so far, to check events */
	bool		 started;	/* the run record was read */
	unsigned	 line;		/* the one being read, from 1 */
	run_sink	*sink;		/* where the events go, this pump */
	void		*ctx;
	size_t		 handed;	/* events handed this pump */
	char		**command;	/* a traced program's; NULL: a
					   built-in run's */
	struct tasknames names;		/* its tasks' names, its pids */
};

/* Control characters (a "\n" in a JSON string, an escape) made '?', so
   that a message stays one line of plain text. */
static void
plain(char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/* Say what is wrong with the current line; -1. */
static int __attribute__((format(printf, 2, 3)))
refuse(struct recording *rd, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	snprintf(rd->err, sizeof(rd->err), "%s: line %u: ", rd->name,
	    rd->line);
	n = strlen(rd->err);
	va_start(ap, fmt);
	vsnprintf(rd->err + n, sizeof(rd->err) - n, fmt, ap);
	va_end(ap);
	plain(rd->err);
	rd->info.failed = true;
	rd->info.error = rd->err;
	return -1;
}

/* An event read from its line, however: checked against the run so far,
   then handed on. */
static int
check_event(struct recording *rd, const struct event *ev)
{
	char why[256];

	if (recheck_event(&rd->run, ev, rd->line, why, sizeof(why)) == -1)
		return refuse(rd, "%s", why);
	/* Before the sink: it asks for the name of the event it is
	   handed. */
	if (tasknames_note(&rd->names, ev, rd->rl.name) == -1)
		return refuse(rd, "%s", strerror(errno));
	if (ev->t_ns > rd->info.end_ns)
		rd->info.end_ns = ev->t_ns;
	rd->info.events++;
	rd->handed++;
	if (rd->sink != NULL)
		rd->sink(rd->ctx, ev);
	return 0;
}

/* The run record was read (rd->rl.cfg): what was run, and the check of its
   events begun. */
static int
start_run(struct recording *rd)
{
	rd->cfg = rd->rl.cfg;
	rd->command = rd->rl.command;
	rd->rl.command = NULL;
	if ((rd->command != NULL ? recheck_init_traced(&rd->run,
	    RECORDING_T0) : recheck_init(&rd->run, &rd->cfg,
	    RECORDING_T0)) == -1)
		return refuse(rd, "%s", strerror(errno));
	rd->started = true;
	return 0;
}

/* One whole line (without its newline); `cut` if it ended the file without
   one. */
static int
take_line(struct recording *rd, const char *s, size_t len, bool cut)
{
	switch (recline_take(&rd->rl, s, len, rd->line, cut, rd->started ?
	    &rd->cfg : NULL, RECORDING_T0)) {
	case RECLINE_NONE:
		return 0;
	case RECLINE_CUT:
		rd->info.cut_line = rd->line;
		return 0;
	case RECLINE_RUN:
		return start_run(rd);
	case RECLINE_EVENT:
		return check_event(rd, &rd->rl.ev);
	case RECLINE_BAD:
		break;
	}
	rd->line = rd->rl.line;
	return refuse(rd, "%s", rd->rl.why);
}

/* Take the whole lines waiting in the buffer, until `budget` events were
   handed; -1 if one was refused. */
static int
lines(struct recording *rd, size_t budget)
{
	const char *p, *nl;
	size_t n;

	rd->more = false;
	while (!rd->info.failed && rd->start < rd->len) {
		if (rd->started && rd->handed >= budget) {
			rd->more = true;
			return 0;
		}
		p = rd->buf + rd->start;
		n = rd->len - rd->start;
		if ((nl = memchr(p, '\n', n)) != NULL)
			n = (size_t)(nl - p);
		if (n > RECORDING_LINE_MAX)
			return refuse(rd, "longer than %d bytes: not a ptviz "
			    "recording", RECORDING_LINE_MAX);
		if (nl == NULL)
			return 0;
		if (take_line(rd, p, n, false) == -1)
			return -1;
		rd->line++;
		rd->start += n + 1;
	}
	return rd->info.failed ? -1 : 0;
}

/* Could not read: say so; -1. */
static int
unreadable(struct recording *rd)
{
	snprintf(rd->err, sizeof(rd->err), "%s: %s", rd->name,
	    strerror(errno));
	rd->info.failed = true;
	rd->info.error = rd->err;
	return -1;
}

/* Read the next chunk behind what is left of a line; the bytes read (0 at
   the end, or when a pipe has none now and `wait` is false), or -1. */
static ssize_t
fill(struct recording *rd, bool wait)
{
	struct pollfd p = { .fd = rd->fd, .events = POLLIN };
	ssize_t got;

	memmove(rd->buf, rd->buf + rd->start, rd->len - rd->start);
	rd->len -= rd->start;
	rd->start = 0;
	if (rd->fd == -1) {
		got = (ssize_t)(rd->memlen < CHUNK - rd->len ? rd->memlen :
		    CHUNK - rd->len);
		memcpy(rd->buf + rd->len, rd->mem, (size_t)got);
		rd->mem += got;
		rd->memlen -= (size_t)got;
	} else if (rd->pipe && !wait && poll(&p, 1, 0) <= 0) {
		return 0;		/* nothing now: the loop polls */
	} else {
		while ((got = read(rd->fd, rd->buf + rd->len,
		    CHUNK - rd->len)) == -1 && errno == EINTR)
			;
		if (got == -1 && errno == EAGAIN)
			return 0;
		if (got == -1)
			return unreadable(rd);
	}
	rd->eof = got == 0;
	rd->len += (size_t)got;
	rd->info.bytes += (uint64_t)got;
	return got;
}

/* Let go of what only the reading needed. */
static void
reader_free(struct recording *rd)
{
	recline_free(&rd->rl);
	recheck_free(&rd->run);
	rd->started = false;
	free(rd->buf);
	rd->buf = NULL;
	if (rd->own_fd)
		close(rd->fd);
	rd->fd = -1;
	rd->own_fd = false;
}

/* The end of the file: the last line if it had no newline, then what only
   the whole run can say. */
static int
finish(struct recording *rd)
{
	char why[256];

	if (rd->start < rd->len && take_line(rd, rd->buf + rd->start,
	    rd->len - rd->start, true) == -1)
		return -1;
	rd->start = rd->len;
	if (!rd->started) {
		snprintf(rd->err, sizeof(rd->err), "%s: empty: not a ptviz "
		    "recording", rd->name);
		rd->info.failed = true;
		rd->info.error = rd->err;
		return -1;
	}
	if (recheck_end(&rd->run, &rd->line, why, sizeof(why)) == -1)
		return refuse(rd, "%s", why);
	rd->info.cut = rd->run.m.main_state != ST_MDONE;
	rd->info.ended = true;
	reader_free(rd);
	return 0;
}

size_t
recording_pump(struct recording *rd, run_sink *sink, void *ctx,
    size_t budget)
{
	rd->sink = sink;
	rd->ctx = ctx;
	rd->handed = 0;
	while (!rd->info.ended && !rd->info.failed) {
		if (lines(rd, budget) == -1 || rd->more)
			break;
		if (rd->eof) {
			finish(rd);
			break;
		}
		if (fill(rd, false) <= 0 && !rd->eof)
			break;
	}
	return rd->handed;
}

int
recording_pollfd(const struct recording *rd, struct pollfd *fd)
{
	if (rd->info.ended || rd->info.failed)
		return 0;
	if (rd->more || rd->eof || !rd->pipe)
		return -1;
	*fd = (struct pollfd){ .fd = rd->fd, .events = POLLIN };
	return 1;
}

const struct recording_info *
recording_get(const struct recording *rd)
{
	return &rd->info;
}

char *const *
recording_command(const struct recording *rd)
{
	return rd->command;
}

const char *
recording_name(const struct recording *rd, unsigned proc, unsigned thread)
{
	return tasknames_get(&rd->names, proc, thread);
}

int
recording_pid(const struct recording *rd, unsigned proc)
{
	return tasknames_pid(&rd->names, proc);
}

/* A recording named `name`, nothing read yet, every line read by json-c
   if slow; NULL with errno. */
static struct recording *
recording_new(const char *name, bool slow)
{
	struct recording *rd;

	if ((rd = calloc(1, sizeof(*rd))) == NULL)
		return NULL;
	snprintf(rd->name, sizeof(rd->name), "%s", name);
	plain(rd->name);
	rd->info.name = rd->name;
	rd->info.end_ns = RECORDING_T0;
	rd->fd = -1;
	rd->line = 1;
	tasknames_init(&rd->names);
	if ((rd->buf = malloc(CHUNK)) == NULL ||
	    recline_init(&rd->rl, slow) == -1) {
		recording_close(rd);
		errno = ENOMEM;
		return NULL;
	}
	return rd;
}

/* Read up to the end of the run record, waiting for it; -1 if refused. */
static int
read_run(struct recording *rd)
{
	while (!rd->started) {
		if (lines(rd, 0) == -1)
			return -1;
		if (rd->started)
			break;
		if (rd->eof)
			return finish(rd);
		if (fill(rd, true) == -1)
			return -1;
	}
	return 0;
}

/* Open path for reading: standard input for "-"; -1 with errno. */
static int
open_input(struct recording *rd, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0) {
		rd->fd = STDIN_FILENO;
	} else {
		if ((rd->fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
			return -1;
		rd->own_fd = true;
	}
	if (fstat(rd->fd, &st) == -1)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	rd->pipe = !S_ISREG(st.st_mode);
	rd->info.size = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	return 0;
}

struct recording *
recording_open(const char *path, struct run_config *cfg, char *err,
    size_t errlen)
{
	bool in = strcmp(path, "-") == 0;
	struct recording *rd = recording_new(in ? "standard input" : path,
	    false);

	if (rd == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (open_input(rd, path) == -1)
		unreadable(rd);
	else if (isatty(rd->fd))
		snprintf(rd->err, sizeof(rd->err), "%s: a terminal: a "
		    "recording is read from a file or a pipe", rd->name);
	else if (read_run(rd) == 0) {
		*cfg = rd->cfg;
		return rd;
	}
	snprintf(err, errlen, "%s", rd->err);
	recording_close(rd);
	return NULL;
}

unsigned
recording_warnings(const struct recording *rd, char w[][160])
{
	uint64_t at = rd->info.end_ns - RECORDING_T0;
	char secs[32];
	unsigned n = 0;

	if (!rd->info.ended)
		return 0;
	if (rd->info.cut_line != 0)
		snprintf(w[n++], 160, "line %u is cut short (the writer "
		    "stopped?): skipped; the run replays up to it",
		    rd->info.cut_line);
	if (rd->info.cut)
		snprintf(w[n++], 160, "the recording stops at %s s: the run "
		    "was cut there", text_secs((double)at, at >= 100000000 ||
		    at == 0 ? 1 : 3, false, secs, sizeof(secs)));
	return n;
}

void
recording_close(struct recording *rd)
{
	if (rd == NULL)
		return;
	reader_free(rd);
	free(rd->command);
	tasknames_free(&rd->names);
	free(rd);
}

struct recording *
recording_memory(const char *name, const char *buf, size_t len, bool slow,
    struct run_config *cfg, char *err, size_t errlen)
{
	struct recording *rd = recording_new(name, slow);

	if (rd == NULL) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		return NULL;
	}
	rd->mem = buf;
	rd->memlen = len;
	if (read_run(rd) == 0) {
		*cfg = rd->cfg;
		return rd;
	}
	snprintf(err, errlen, "%s", rd->err);
	recording_close(rd);
	return NULL;
}
