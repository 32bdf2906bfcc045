/*
 * recording.c: reading a recording back (see recording.h).
 *
 * The bytes are cut into lines as they come (feed), each line is parsed by
 * json-c and checked (take_run for the first, take_event for the others),
 * and the events are kept in one growing array.  Every check that fails
 * writes its line into the caller's buffer and returns -1; nothing after
 * it is read.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "jsonl.h"
#include "model.h"
#include "recording.h"

/* No time in a recording is later than this after its start (a century),
   so that adding RECORDING_T0 never overflows. */
#define T_MAX		(100ull * 365 * 24 * 3600 * 1000000000ull)

/* Pauses a recording may hold beyond a complete run's events. */
#define PAUSES_MAX	65536u

struct reader {
	struct recording *r;
	struct json_tokener *tok;
	struct model	 m;
	bool		 started;	/* the run record was read */
	uint64_t	*last;		/* latest time of the main process [0],
					   each process [1..P], each thread */
	size_t		 cap;		/* room in r->events */
	uint64_t	 max_events;
	unsigned	 line;		/* the one being read, from 1 */
	char		 buf[RECORDING_LINE_MAX + 1];
	size_t		 len;		/* bytes of the line so far */
	char		*err;
	size_t		 errlen;
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
refuse(struct reader *rd, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	snprintf(rd->err, rd->errlen, "%s: line %u: ", rd->r->name, rd->line);
	n = strlen(rd->err);
	va_start(ap, fmt);
	vsnprintf(rd->err + n, rd->errlen - n, fmt, ap);
	va_end(ap);
	plain(rd->err);
	return -1;
}

/* The member `key` of o if it has type `type`; else NULL and a refusal. */
static json_object *
member(struct reader *rd, json_object *o, const char *key, json_type type,
    const char *what)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v)) {
		refuse(rd, "\"%s\" is missing", key);
		return NULL;
	}
	if (!json_object_is_type(v, type) &&
	    !(type == json_type_double && json_object_is_type(v,
	    json_type_int))) {
		refuse(rd, "\"%s\" is not %s", key, what);
		return NULL;
	}
	return v;
}

/* A whole number in [lo, hi]. */
static int
get_int(struct reader *rd, json_object *o, const char *key, int64_t lo,
    int64_t hi, int64_t *out)
{
	json_object *v = member(rd, o, key, json_type_int, "a whole number");
	int64_t n;

	if (v == NULL)
		return -1;
	n = json_object_get_int64(v);
	if (n < lo || n > hi)
		return refuse(rd, "\"%s\" is %s%lld, out of range (%lld to "
		    "%lld)", key, n == INT64_MAX ? "at least " : "",
		    (long long)n, (long long)lo, (long long)hi);
	*out = n;
	return 0;
}

/* A string without NUL bytes. */
static const char *
get_str(struct reader *rd, json_object *o, const char *key)
{
	json_object *v = member(rd, o, key, json_type_string, "a string");
	const char *s;

	if (v == NULL)
		return NULL;
	s = json_object_get_string(v);
	if (strlen(s) != (size_t)json_object_get_string_len(v)) {
		refuse(rd, "\"%s\" holds a NUL character", key);
		return NULL;
	}
	return s;
}

/* The first line: what was run. */
static int
take_run(struct reader *rd, json_object *o)
{
	struct run_config *cfg = &rd->r->cfg;
	json_object *v;
	const char *s;
	int64_t n, p, t;
	double d;

	if (!json_object_object_get_ex(o, "event", &v) ||
	    !json_object_is_type(v, json_type_string) ||
	    strcmp(json_object_get_string(v), "run") != 0)
		return refuse(rd, "not a ptviz recording: it does not start "
		    "with a \"run\" record");
	if ((s = get_str(rd, o, "format")) == NULL)
		return -1;
	if (strcmp(s, JSONL_FORMAT) != 0)
		return refuse(rd, "the format is \"%.40s\", not \""
		    JSONL_FORMAT "\"", s);
	if (get_int(rd, o, "version", INT64_MIN, INT64_MAX, &n) == -1)
		return -1;
	if (n < JSONL_OLDEST || n > JSONL_VERSION)
		return refuse(rd, "version %lld of the format is not known "
		    "(this ptviz reads versions %d to %d)", (long long)n,
		    JSONL_OLDEST, JSONL_VERSION);
	if (get_int(rd, o, "processes", 1, RUN_MAX_PROCS, &p) == -1 ||
	    get_int(rd, o, "threads", 1, RUN_MAX_THREADS, &t) == -1)
		return -1;
	if ((v = member(rd, o, "sleep_s", json_type_double, "a number")) ==
	    NULL)
		return -1;
	d = json_object_get_double(v);
	if (!(d >= 0 && d <= RUN_MAX_SLEEP_NS / 1e9))
		return refuse(rd, "\"sleep_s\" is %g, out of range (0 to %llu)",
		    d, RUN_MAX_SLEEP_NS / 1000000000ull);
	if ((v = member(rd, o, "seed", json_type_int, "a whole number")) ==
	    NULL)
		return -1;
	if (json_object_get_int64(v) < 0)
		return refuse(rd, "\"seed\" is negative");
	*cfg = (struct run_config){ .nproc = (unsigned)p,
	    .nthread = (unsigned)t, .sleep_ns = (uint64_t)llround(d * 1e9),
	    .seed = json_object_get_uint64(v), .work = WORK_SLEEP,
	    .permits = WORK_DEFAULT_PERMITS };
	/* Version 1 knew only the sleep workload. */
	if (json_object_object_get_ex(o, "work", &v)) {
		if ((s = get_str(rd, o, "work")) == NULL)
			return -1;
		if (!work_parse(s, &cfg->work))
			return refuse(rd, "\"work\" \"%.40s\" is not a "
			    "workload", s);
		if (cfg->nthread < work_min_threads(cfg->work))
			return refuse(rd, "\"work\" %s needs %u threads or "
			    "more", s, work_min_threads(cfg->work));
	}
	if (json_object_object_get_ex(o, "permits", &v)) {
		if (get_int(rd, o, "permits", 1, WORK_MAX_PERMITS, &n) == -1)
			return -1;
		cfg->permits = (unsigned)n;
	}
	if (model_init(&rd->m, cfg->nproc, cfg->nthread) == -1 ||
	    (rd->last = calloc(1 + (size_t)p + (size_t)p * (size_t)t,
	    sizeof(*rd->last))) == NULL)
		return refuse(rd, "%s", strerror(errno));
	/* A thread of a workload reports up to twice as much as a sleeping
	   one; a CPU-bound one a wait each time it was preempted. */
	/* A zombie each at most, while the screen held reaping. */
	rd->max_events = model_expected_events(cfg->nproc, cfg->nthread) +
	    cfg->nproc + 2 * PAUSES_MAX;
	if (cfg->work == WORK_CPU)
		rd->max_events = UINT64_MAX;
	else if (cfg->work != WORK_SLEEP)
		rd->max_events += 3ull * cfg->nproc * cfg->nthread;
	rd->started = true;
	return 0;
}

/* The state named `name` for a record of this kind; ST_COUNT if none. */
static unsigned
state_named(const char *name, enum state_kind kind)
{
	enum state_kind k;
	unsigned s;

	for (s = 0; s < ST_COUNT; s++)
		if (s != ST_LOST && state_kind(s, &k) && k == kind &&
		    strcmp(state_name(s), name) == 0)
			return s;
	return ST_COUNT;
}

/* The errno named `name` ("EAGAIN"); -1 for "unknown". */
static int
errno_named(const char *name, int *err)
{
	int e;

	if (strcmp(name, "unknown") == 0) {
		*err = -1;
		return 0;
	}
	for (e = 1; e < 4096; e++)
		if (strerrorname_np(e) != NULL &&
		    strcmp(strerrorname_np(e), name) == 0) {
			*err = e;
			return 0;
		}
	return -1;
}

/* The signal named `name` ("SIGKILL"); 0x7e, which has no name, for
   "SIGUNKNOWN". */
static int
signal_named(const char *name, int *sig)
{
	int s;

	if (strncmp(name, "SIG", 3) != 0)
		return -1;
	if (strcmp(name + 3, "UNKNOWN") == 0) {
		*sig = 0x7e;
		return 0;
	}
	for (s = 1; s < 0x7f; s++)
		if (sigabbrev_np(s) != NULL &&
		    strcmp(sigabbrev_np(s), name + 3) == 0) {
			*sig = s;
			return 0;
		}
	return -1;
}

/* The object kind named `name` ("mutex"); OBJ_COUNT if none. */
static unsigned
object_named(const char *name)
{
	unsigned k;

	for (k = OBJ_NONE + 1; k < OBJ_COUNT; k++)
		if (strcmp(object_name(k), name) == 0)
			return k;
	return OBJ_COUNT;
}

/* What a wait or a hold names: "for" or "holds", and "object". */
static int
take_object(struct reader *rd, json_object *o, const char *key,
    struct event *ev)
{
	json_object *v;
	const char *s;
	int64_t n;
	unsigned k;

	if ((s = get_str(rd, o, key)) == NULL)
		return -1;
	if ((k = object_named(s)) == OBJ_COUNT)
		return refuse(rd, "\"%s\" \"%.40s\" is not a thing a thread "
		    "waits for or holds", key, s);
	if (get_int(rd, o, "object", 0, OBJ_MUTEXES - 1, &n) == -1)
		return -1;
	ev->what = (uint8_t)k;
	ev->object = (uint16_t)n;
	if (json_object_object_get_ex(o, "recovered", &v)) {
		if (!json_object_is_type(v, json_type_boolean))
			return refuse(rd, "\"recovered\" is not true or "
			    "false");
		if (json_object_get_boolean(v))
			ev->what |= OBJ_RECOVERED;
	}
	return 0;
}

/* The fields of an event that only some states have. */
static int
take_extra(struct reader *rd, json_object *o, struct event *ev)
{
	json_object *v;
	const char *s;
	int64_t n, most = (int64_t)rd->r->cfg.sleep_ns;
	int e;

	switch (ev->state) {
	case ST_SLEEPING:
		if (get_int(rd, o, "sleep_ns", 0, most, &n) == -1)
			return -1;
		ev->sleep_ns = (uint64_t)n;
		return 0;
	case ST_COMPUTING:
		if (get_int(rd, o, "cpu_ns", 0, most, &n) == -1)
			return -1;
		ev->plan_ns = (uint64_t)n;
		return 0;
	case ST_WAITING:
		return take_object(rd, o, "for", ev);
	case ST_HOLDING:
		if (take_object(rd, o, "holds", ev) == -1 ||
		    get_int(rd, o, "hold_ns", 0, most, &n) == -1)
			return -1;
		ev->plan_ns = (uint64_t)n;
		return 0;
	case ST_DONE:
		if (json_object_object_get_ex(o, "cpu_used_ns", &v)) {
			if (get_int(rd, o, "cpu_used_ns", 1, (int64_t)T_MAX,
			    &n) == -1)
				return -1;
			ev->cpu_ns = (uint64_t)n;
		}
		return 0;
	case ST_TFAILED:
		if ((s = get_str(rd, o, "error")) == NULL)
			return -1;
		if (errno_named(s, &e) == -1)
			return refuse(rd, "\"error\" \"%.40s\" is not an errno "
			    "name", s);
		ev->err = e;
		return 0;
	case ST_EXITED:
	case ST_KILLED:
	case ST_FAILED:
		break;
	default:
		return 0;
	}
	if (json_object_object_get_ex(o, "status", &v)) {
		if (get_int(rd, o, "status", 0, 255, &n) == -1)
			return -1;
		ev->wstatus = n << 8;
	} else if (json_object_object_get_ex(o, "signal", &v)) {
		if ((s = get_str(rd, o, "signal")) == NULL)
			return -1;
		if (signal_named(s, &e) == -1)
			return refuse(rd, "\"signal\" \"%.40s\" is not a "
			    "signal name", s);
		ev->wstatus = e;
	} else if (json_object_object_get_ex(o, "error", &v)) {
		if ((s = get_str(rd, o, "error")) == NULL)
			return -1;
		if (strcmp(s, "not forked") != 0)
			return refuse(rd, "\"error\" of a process is \"%.40s\","
			    " not \"not forked\"", s);
		ev->wstatus = -1;
	} else {
		return refuse(rd, "a process's end needs \"status\", "
		    "\"signal\" or \"error\"");
	}
	if (json_object_object_get_ex(o, "permits_back", &v)) {
		if (get_int(rd, o, "permits_back", 1, WORK_MAX_PERMITS,
		    &n) == -1)
			return -1;
		ev->what = OBJ_SEM;
		ev->object = (uint16_t)n;
	}
	return 0;
}

/* Who an event is about, for messages: "Thread-2 of Process-1". */
static const char *
who(const struct event *ev, char *buf, size_t len)
{
	if (ev->proc == 0)
		snprintf(buf, len, "the main process");
	else if (ev->thread == 0)
		snprintf(buf, len, "Process-%u", ev->proc);
	else
		snprintf(buf, len, "Thread-%u of Process-%u", ev->thread,
		    ev->proc);
	return buf;
}

/* The model refused ev: say why, as far as the model shows. */
static int
refuse_event(struct reader *rd, const struct event *ev)
{
	const struct model_proc *p = ev->proc > 0 ?
	    model_proc(&rd->m, ev->proc) : NULL;
	unsigned now;
	char name[48];

	if (ev->proc == 0)
		now = rd->m.main_state;
	else if (ev->thread == 0)
		now = p->state;
	else
		now = model_thread(&rd->m, ev->proc, ev->thread)->state;
	if (p != NULL && p->reaped)
		return refuse(rd, "Process-%u has already ended", ev->proc);
	if (p != NULL && ev->state == ST_FORKED && ev->pid <= 0)
		return refuse(rd, "a forked process needs a pid above 0");
	if (p != NULL && ev->state != ST_FORKED && p->state != ST_NEW &&
	    ev->pid != p->pid)
		return refuse(rd, "pid %d is not the pid of Process-%u (%d)",
		    ev->pid, ev->proc, p->pid);
	if (ev->state == ST_HOLDING && OBJ_KIND(ev->what) == OBJ_MUTEX &&
	    p->holder[ev->object] != 0 && p->holder[ev->object] != ev->thread)
		return refuse(rd, "%s cannot hold mutex %c: Thread-%u holds it",
		    who(ev, name, sizeof(name)), 'A' + ev->object,
		    p->holder[ev->object]);
	if (ev->thread > 0 && p->state != ST_STARTING &&
	    p->state != ST_JOINING)
		return refuse(rd, "%s cannot be %s while its process is %s",
		    who(ev, name, sizeof(name)), state_name(ev->state),
		    state_name(p->state));
	return refuse(rd, "%s cannot be %s after %s",
	    who(ev, name, sizeof(name)), state_name(ev->state),
	    state_name(now));
}

/* Every other line: one event. */
static int
take_event(struct reader *rd, json_object *o)
{
	const struct run_config *cfg = &rd->r->cfg;
	struct event ev = { 0 };
	enum state_kind kind;
	int64_t t, proc, thread, pid, tid;
	const char *name;
	uint64_t *last;
	char whom[48];

	if (get_int(rd, o, "t_ns", INT64_MIN, INT64_MAX, &t) == -1 ||
	    (name = get_str(rd, o, "event")) == NULL ||
	    get_int(rd, o, "proc", 0, cfg->nproc, &proc) == -1 ||
	    get_int(rd, o, "thread", 0, cfg->nthread, &thread) == -1 ||
	    get_int(rd, o, "pid", INT32_MIN, INT32_MAX, &pid) == -1 ||
	    get_int(rd, o, "tid", INT32_MIN, INT32_MAX, &tid) == -1)
		return -1;
	if (t < 0)
		return refuse(rd, "\"t_ns\" is %lld, before the run started",
		    (long long)t);
	if ((uint64_t)t > T_MAX)
		return refuse(rd, "\"t_ns\" is %lld, more than a century",
		    (long long)t);
	if (proc == 0 && thread != 0)
		return refuse(rd, "the main process (proc 0) has no threads");
	kind = proc == 0 ? KIND_MAIN : thread == 0 ? KIND_PROC : KIND_THREAD;
	ev = (struct event){ .t_ns = RECORDING_T0 + (uint64_t)t,
	    .pid = (int32_t)pid, .tid = (int32_t)tid,
	    .proc = (uint16_t)proc, .thread = (uint16_t)thread,
	    .state = (uint8_t)state_named(name, kind) };
	if (ev.state == ST_COUNT)
		return refuse(rd, "\"%.40s\" is not an event of %s", name,
		    kind == KIND_MAIN ? "the main process" :
		    kind == KIND_PROC ? "a process" : "a thread");
	if (take_extra(rd, o, &ev) == -1)
		return -1;
	last = &rd->last[kind == KIND_MAIN ? 0 : kind == KIND_PROC ?
	    (size_t)proc : 1 + cfg->nproc + (size_t)(proc - 1) *
	    cfg->nthread + (size_t)(thread - 1)];
	if (ev.t_ns < *last)
		return refuse(rd, "time goes backwards for %s (%.9f s after "
		    "%.9f s)", who(&ev, whom, sizeof(whom)),
		    (double)(ev.t_ns - RECORDING_T0) / 1e9,
		    (double)(*last - RECORDING_T0) / 1e9);
	if (rd->r->n >= rd->max_events)
		return refuse(rd, "more events than a run of %u × %u can "
		    "have", cfg->nproc, cfg->nthread);
	if (!model_apply(&rd->m, &ev))
		return refuse_event(rd, &ev);
	*last = ev.t_ns;
	if (rd->r->n == rd->cap) {
		size_t cap = rd->cap != 0 ? rd->cap * 2 : 1024;
		struct event *e = realloc(rd->r->events, cap * sizeof(*e));

		if (e == NULL)
			return refuse(rd, "%s", strerror(errno));
		rd->r->events = e;
		rd->cap = cap;
	}
	rd->r->events[rd->r->n++] = ev;
	return 0;
}

/* One whole line (without its newline); `cut` if it ended the file without
   one.  1 if it was a cut line, skipped. */
static int
take_line(struct reader *rd, const char *s, size_t len, bool cut)
{
	enum json_tokener_error e;
	json_object *o;
	int rc;

	if (len == 0)
		return refuse(rd, "the line is empty");
	json_tokener_reset(rd->tok);
	o = json_tokener_parse_ex(rd->tok, s, (int)len);
	e = json_tokener_get_error(rd->tok);
	if (o == NULL || e != json_tokener_success ||
	    json_tokener_get_parse_end(rd->tok) != len) {
		json_object_put(o);
		if (cut && rd->line > 1) {
			rd->r->cut_line = rd->line;
			return 1;
		}
		if (e == json_tokener_continue)
			return refuse(rd, cut ? "cut short before the end of "
			    "its JSON" : "not JSON: it ends before its JSON "
			    "does");
		if (e == json_tokener_success)
			return refuse(rd, "not JSON: more follows the JSON "
			    "value");
		return refuse(rd, "not JSON: %s at byte %zu",
		    json_tokener_error_desc(e),
		    json_tokener_get_parse_end(rd->tok) + 1);
	}
	if (!json_object_is_type(o, json_type_object))
		rc = refuse(rd, "not a JSON object");
	else
		rc = rd->started ? take_event(rd, o) : take_run(rd, o);
	json_object_put(o);
	return rc;
}

/* The next bytes of the file. */
static int
feed(struct reader *rd, const char *p, size_t n)
{
	const char *nl;
	size_t take;

	while (n > 0) {
		nl = memchr(p, '\n', n);
		take = nl != NULL ? (size_t)(nl - p) : n;
		if (rd->len + take > RECORDING_LINE_MAX)
			return refuse(rd, "longer than %d bytes: not a ptviz "
			    "recording", RECORDING_LINE_MAX);
		memcpy(rd->buf + rd->len, p, take);
		rd->len += take;
		if (nl == NULL)
			return 0;
		if (take_line(rd, rd->buf, rd->len, false) == -1)
			return -1;
		rd->line++;
		rd->len = 0;
		p += take + 1;
		n -= take + 1;
	}
	return 0;
}

/* The end of the file. */
static int
finish(struct reader *rd)
{
	if (rd->len > 0 && take_line(rd, rd->buf, rd->len, true) == -1)
		return -1;
	if (rd->line == 1 && rd->len == 0) {
		snprintf(rd->err, rd->errlen, "%s: empty: not a ptviz "
		    "recording", rd->r->name);
		return -1;
	}
	return 0;
}

static int
reader_open(struct reader *rd, struct recording *r, const char *name,
    char *err, size_t errlen)
{
	*r = (struct recording){ 0 };
	snprintf(r->name, sizeof(r->name), "%s", name);
	plain(r->name);
	*rd = (struct reader){ .r = r, .line = 1, .err = err,
	    .errlen = errlen };
	if ((rd->tok = json_tokener_new()) == NULL) {
		snprintf(err, errlen, "%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	json_tokener_set_flags(rd->tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
	return 0;
}

/* Free the reader, and the recording too if rc says it failed; rc. */
static int
reader_close(struct reader *rd, int rc)
{
	if (rd->tok != NULL)
		json_tokener_free(rd->tok);
	if (rd->started)
		model_free(&rd->m);
	free(rd->last);
	if (rc == -1)
		recording_free(rd->r);
	return rc;
}

int
recording_parse(struct recording *r, const char *name, const char *buf,
    size_t len, char *err, size_t errlen)
{
	struct reader rd;

	if (reader_open(&rd, r, name, err, errlen) == -1)
		return reader_close(&rd, -1);
	return reader_close(&rd, feed(&rd, buf, len) == -1 ? -1 :
	    finish(&rd));
}

int
recording_read(struct recording *r, const char *path, char *err,
    size_t errlen)
{
	bool in = strcmp(path, "-") == 0;
	struct reader rd;
	struct stat st;
	char chunk[65536];
	ssize_t got;
	int fd, rc = 0;

	if (reader_open(&rd, r, in ? "standard input" : path, err,
	    errlen) == -1)
		return reader_close(&rd, -1);
	fd = in ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1 ||
	    (S_ISDIR(st.st_mode) && (errno = EISDIR) != 0)) {
		snprintf(err, errlen, "%s: %s", r->name, strerror(errno));
		if (fd != -1 && !in)
			close(fd);
		return reader_close(&rd, -1);
	}
	while (rc == 0) {
		got = read(fd, chunk, sizeof(chunk));
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1) {
			snprintf(err, errlen, "%s: %s", r->name,
			    strerror(errno));
			rc = -1;
		} else if (got == 0) {
			rc = finish(&rd);
			break;
		} else {
			rc = feed(&rd, chunk, (size_t)got);
		}
	}
	if (!in)
		close(fd);
	return reader_close(&rd, rc);
}

void
recording_free(struct recording *r)
{
	free(r->events);
	r->events = NULL;
	r->n = 0;
}
