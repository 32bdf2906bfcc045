/*
 * recording.c: reading a recording back (see recording.h).
 *
 * The bytes come in chunks of CHUNK into one buffer (fill: from the file,
 * or from memory for recording_parse); whole lines are cut out of it in
 * place (lines) -- only the part of a line a chunk cut off is moved to the
 * front -- and each is parsed by json-c with one tokener and checked
 * (take_run for the first, take_event for the others).  Every check that
 * fails writes its line into r->err and marks the recording failed;
 * nothing after it is read.  Reading a pipe never waits but in
 * recording_open: poll() says first whether bytes are there.  At the end
 * (finish) the last line without a newline, the holders in time and the
 * run's end are judged, and all but the info is freed.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "jsonl.h"
#include "model.h"
#include "quickline.h"
#include "recording.h"
#include "spans.h"
#include "text.h"
#include "work.h"

/* No time in a recording is later than this after its start (a century),
   so that adding RECORDING_T0 never overflows. */
#define T_MAX		(100ull * 365 * 24 * 3600 * 1000000000ull)

/* Pauses a recording may hold beyond a complete run's events. */
#define PAUSES_MAX	65536u

/* Bytes read at once: big reads cost fewer calls; a pump stops at its
   budget of events, not at the end of a chunk. */
#define CHUNK		(1u << 20)

/* A UTF-8 byte-order mark, which some editors put first. */
#define BOM		"\xef\xbb\xbf"

struct recording {
	struct recording_info info;
	char		 name[64];
	char		 err[256];
	struct run_config cfg;
	int		 fd;		/* -1: memory, or read to its end */
	bool		 own_fd;	/* not standard input: close it */
	bool		 pipe;		/* not a regular file: poll first */
	const char	*mem;		/* recording_parse's bytes */
	size_t		 memlen;
	char		*buf;		/* [CHUNK] */
	size_t		 start, len;	/* not yet taken: buf[start..len) */
	bool		 eof;		/* nothing more to read */
	bool		 more;		/* whole lines left at the last pump */
	bool		 slow;		/* every line through json-c (tests) */
	struct json_tokener *tok;
	struct model	 m;		/* the run so far, to check events */
	struct spans	 spans;
	bool		 started;	/* the run record was read */
	uint64_t	*last;		/* latest time of the main process [0],
					   each process [1..P], each thread */
	uint64_t	 max_events;
	unsigned	 line;		/* the one being read, from 1 */
	unsigned	 blank;		/* the first of the blank lines just
					   read; 0: none */
	const char	*text;		/* the line being read, its length */
	size_t		 textlen;
	run_sink	*sink;		/* where the events go, this pump */
	void		*ctx;
	size_t		 handed;	/* events handed this pump */
};

/* Does the line hold a whole number beyond 2^64 - 1 outside its strings?
   (Strict JSON has no leading zeros: more digits is more.) */
static bool
beyond_u64(const char *s, size_t len)
{
	static const char most[] = "18446744073709551615";
	bool in = false;
	size_t i, k;

	for (i = 0; i < len; i++) {
		if (in) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				in = false;
			continue;
		}
		if (s[i] == '"')
			in = true;
		/* The first digit of a number, not of a fraction or an
		   exponent, nor of a negative one. */
		if (s[i] < '0' || s[i] > '9' || (i > 0 &&
		    memchr("0123456789.eE+-", s[i - 1], 15) != NULL))
			continue;
		for (k = i; k < len && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k == len || memchr(".eE", s[k], 3) == NULL) {
			if (k - i > sizeof(most) - 1 || (k - i ==
			    sizeof(most) - 1 && memcmp(s + i, most, k - i) > 0))
				return true;
		}
		i = k - 1;
	}
	return false;
}

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

/* The member `key` of o if it has type `type`; else NULL and a refusal. */
static json_object *
member(struct recording *rd, json_object *o, const char *key, json_type type,
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
get_int(struct recording *rd, json_object *o, const char *key, int64_t lo,
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
get_str(struct recording *rd, json_object *o, const char *key)
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

/* The run record's seed: a whole number from 0 to 2^64 - 1. */
static int
take_seed(struct recording *rd, json_object *o, uint64_t *seed)
{
	json_object *v = member(rd, o, "seed", json_type_int,
	    "a whole number");

	if (v == NULL)
		return -1;
	if (json_object_get_int64(v) < 0)
		return refuse(rd, "\"seed\" is negative");
	/* json-c reads a number past 2^64 - 1 as 2^64 - 1. */
	*seed = json_object_get_uint64(v);
	if (*seed == UINT64_MAX && beyond_u64(rd->text, rd->textlen))
		return refuse(rd, "\"seed\" is beyond %llu (2^64 - 1)",
		    (unsigned long long)UINT64_MAX);
	return 0;
}

/* The first line: what was run. */
static int
take_run(struct recording *rd, json_object *o)
{
	struct run_config *cfg = &rd->cfg;
	json_object *v;
	const char *s;
	int64_t n, p, t;
	uint64_t seed;
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
	if (take_seed(rd, o, &seed) == -1)
		return -1;
	*cfg = (struct run_config){ .nproc = (unsigned)p,
	    .nthread = (unsigned)t, .sleep_ns = (uint64_t)llround(d * 1e9),
	    .seed = seed, .work = WORK_SLEEP,
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
	/* As on the command line: permits belong to the semaphore alone
	   (a recording written back would lose them otherwise). */
	if (json_object_object_get_ex(o, "permits", &v)) {
		if (!(work_flags(cfg->work) & WORK_PERMITS))
			return refuse(rd, "\"permits\" is for the semaphore "
			    "workload, not %s", work_name(cfg->work));
		if (get_int(rd, o, "permits", 1, WORK_MAX_PERMITS, &n) == -1)
			return -1;
		cfg->permits = (unsigned)n;
	}
	spans_init(&rd->spans, cfg->nproc, cfg->nthread, cfg->permits);
	if (model_init(&rd->m, cfg->nproc, cfg->nthread) == -1 ||
	    (rd->last = calloc(1 + (size_t)p + (size_t)p * (size_t)t,
	    sizeof(*rd->last))) == NULL)
		return refuse(rd, "%s", strerror(errno));
	/* A zombie each at most, while the screen held reaping; a thread
	   reports what its workload's row says beyond the 3 of a sleeping
	   one (which model_expected_events counts), a CPU-bound one a wait
	   each time it was preempted. */
	rd->max_events = model_expected_events(cfg->nproc, cfg->nthread) +
	    cfg->nproc + 2 * PAUSES_MAX;
	if (work_flags(cfg->work) & WORK_UNBOUNDED)
		rd->max_events = UINT64_MAX;
	else
		rd->max_events += (uint64_t)(work_reports(cfg->work) - 3) *
		    cfg->nproc * cfg->nthread;
	rd->started = true;
	return 0;
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

/* What a wait or a hold names: "for" or "holds", and "object". */
static int
take_object(struct recording *rd, json_object *o, const char *key,
    struct event *ev)
{
	json_object *v;
	const char *s;
	int64_t n;
	unsigned k;

	if ((s = get_str(rd, o, key)) == NULL)
		return -1;
	if ((k = object_named(s, strlen(s))) == OBJ_COUNT)
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
take_extra(struct recording *rd, json_object *o, struct event *ev)
{
	json_object *v;
	const char *s;
	int64_t n, most = (int64_t)rd->cfg.sleep_ns;
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
refuse_event(struct recording *rd, const struct event *ev)
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

/* What ev (just applied) did to the holders of the run-wide objects. */
static int
note_spans(struct recording *rd, const struct event *ev)
{
	unsigned j, kind = OBJ_KIND(ev->what);

	if (ev->thread > 0 && ev->state == ST_HOLDING &&
	    (kind == OBJ_GMUTEX || kind == OBJ_SEM))
		return spans_hold(&rd->spans, kind == OBJ_GMUTEX ?
		    SPANS_GMUTEX : SPANS_SEM, ev->proc, ev->thread, ev->t_ns,
		    rd->line);
	if (ev->thread > 0 && (ev->state == ST_DONE ||
	    ev->state == ST_TFAILED))
		spans_end(&rd->spans, ev->proc, ev->thread, ev->t_ns, false);
	/* A reaping: its threads still holding were lost with it. */
	if (ev->proc > 0 && ev->thread == 0 && (ev->state == ST_EXITED ||
	    ev->state == ST_KILLED || ev->state == ST_FAILED))
		for (j = 1; j <= rd->cfg.nthread; j++)
			spans_end(&rd->spans, ev->proc, j, ev->t_ns, true);
	return 0;
}

static int	check_event(struct recording *, const struct event *);

/* Every other line: one event. */
static int
take_event(struct recording *rd, json_object *o)
{
	const struct run_config *cfg = &rd->cfg;
	struct event ev = { 0 };
	enum state_kind kind;
	int64_t t, proc, thread, pid, tid;
	const char *name;

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
	    .state = (uint8_t)state_named(name, strlen(name), kind) };
	if (ev.state == ST_COUNT)
		return refuse(rd, "\"%.40s\" is not an event of %s", name,
		    kind == KIND_MAIN ? "the main process" :
		    kind == KIND_PROC ? "a process" : "a thread");
	if (take_extra(rd, o, &ev) == -1)
		return -1;
	return check_event(rd, &ev);
}

/* An event read from its line, however: checked against the run so far,
   then handed on. */
static int
check_event(struct recording *rd, const struct event *e)
{
	const struct run_config *cfg = &rd->cfg;
	struct event ev = *e;
	uint64_t *last;
	char whom[48], now[32], before[32];

	last = &rd->last[ev.proc == 0 ? 0 : ev.thread == 0 ? ev.proc :
	    1 + cfg->nproc + (size_t)(ev.proc - 1) * cfg->nthread +
	    (ev.thread - 1)];
	if (ev.t_ns < *last)
		return refuse(rd, "time goes backwards for %s (%s s after "
		    "%s s)", who(&ev, whom, sizeof(whom)),
		    text_secs((double)(ev.t_ns - RECORDING_T0), 9, false, now,
		    sizeof(now)), text_secs((double)(*last - RECORDING_T0), 9,
		    false, before, sizeof(before)));
	if (rd->info.events >= rd->max_events)
		return refuse(rd, "more events than a run of %u × %u can "
		    "have", cfg->nproc, cfg->nthread);
	if (!model_apply(&rd->m, &ev))
		return refuse_event(rd, &ev);
	*last = ev.t_ns;
	if (note_spans(rd, &ev) == -1)
		return refuse(rd, "%s", strerror(errno));
	if (ev.t_ns > rd->info.end_ns)
		rd->info.end_ns = ev.t_ns;
	rd->info.events++;
	rd->handed++;
	if (rd->sink != NULL)
		rd->sink(rd->ctx, &ev);
	return 0;
}

/* Is this line the run record of a run? */
static bool
is_run(json_object *o)
{
	json_object *v;

	return json_object_object_get_ex(o, "event", &v) &&
	    json_object_is_type(v, json_type_string) &&
	    strcmp(json_object_get_string(v), "run") == 0;
}

/* The parsed line, checked as the run record or as an event. */
static int
take_record(struct recording *rd, json_object *o)
{
	if (!json_object_is_type(o, json_type_object))
		return refuse(rd, "not a JSON object");
	if (!rd->started)
		return take_run(rd, o);
	if (is_run(o))
		return refuse(rd, "a second run starts here; a recording "
		    "holds one run");
	return take_event(rd, o);
}

/* Only spaces, tabs or a carriage return? */
static bool
blank(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	return len == 0;
}

/* json-c could not read the line (error e): say why; a last line cut
   short, once the run record was read, is skipped and noted instead. */
static int
not_json(struct recording *rd, enum json_tokener_error e, bool cut)
{
	if (cut && rd->started) {
		rd->info.cut_line = rd->line;
		return 0;
	}
	if (e == json_tokener_continue)
		return refuse(rd, cut ? "cut short before the end of its JSON" :
		    "not JSON: it ends before its JSON does");
	if (e == json_tokener_success)
		return refuse(rd, "not JSON: more follows the JSON value");
	return refuse(rd, "not JSON: %s at byte %zu",
	    json_tokener_error_desc(e),
	    json_tokener_get_parse_end(rd->tok) + 1);
}

/* One whole line (without its newline); `cut` if it ended the file without
   one.  Blank lines are let be until a line that is not follows them. */
static int
take_line(struct recording *rd, const char *s, size_t len, bool cut)
{
	enum json_tokener_error e;
	struct event ev;
	json_object *o;
	int rc;

	if (rd->line == 1 && len >= 3 && memcmp(s, BOM, 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (blank(s, len)) {
		if (rd->blank == 0)
			rd->blank = rd->line;
		return 0;
	}
	if (rd->blank != 0) {
		rd->line = rd->blank;
		return refuse(rd, "the line is blank, and lines follow it");
	}
	/* The lines ptviz writes, read without json-c: the same events. */
	if (rd->started && !rd->slow && quickline_event(s, len, &rd->cfg,
	    RECORDING_T0, &ev))
		return check_event(rd, &ev);
	rd->text = s;
	rd->textlen = len;
	json_tokener_reset(rd->tok);
	o = json_tokener_parse_ex(rd->tok, s, (int)len);
	e = json_tokener_get_error(rd->tok);
	if (o == NULL || e != json_tokener_success ||
	    json_tokener_get_parse_end(rd->tok) != len) {
		json_object_put(o);
		return not_json(rd, e, cut);
	}
	rc = take_record(rd, o);
	json_object_put(o);
	return rc;
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
	if (rd->tok != NULL)
		json_tokener_free(rd->tok);
	rd->tok = NULL;
	if (rd->started)
		model_free(&rd->m);
	rd->started = false;
	spans_free(&rd->spans);
	free(rd->last);
	free(rd->buf);
	rd->last = NULL;
	rd->buf = NULL;
	if (rd->own_fd)
		close(rd->fd);
	rd->fd = -1;
	rd->own_fd = false;
}

/* No two holders of the global mutex, nor more of the semaphore than its
   permits, at any one time. */
static int
check_holders(struct recording *rd)
{
	struct spans_clash c;
	struct event ea, eb;
	char a[48], b[48];
	int rc = spans_check(&rd->spans, &c);

	if (rc == -1)
		return refuse(rd, "%s", strerror(errno));
	if (rc == 0)
		return 0;
	rd->line = c.span->line;
	ea = (struct event){ .proc = c.span->proc, .thread = c.span->thread };
	eb = (struct event){ .proc = c.with->proc, .thread = c.with->thread };
	if (c.kind == SPANS_GMUTEX)
		return refuse(rd, "%s holds the global mutex while %s holds "
		    "it (since line %u)", who(&ea, a, sizeof(a)),
		    who(&eb, b, sizeof(b)), c.with->line);
	return refuse(rd, "%s holds a permit of the semaphore while all %u "
	    "are held: more holders than permits (%s holds one since line "
	    "%u)", who(&ea, a, sizeof(a)), c.most, who(&eb, b, sizeof(b)),
	    c.with->line);
}

/* The end of the file: the last line if it had no newline, then what only
   the whole run can say. */
static int
finish(struct recording *rd)
{
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
	if (check_holders(rd) == -1)
		return -1;
	rd->info.cut = rd->m.main_state != ST_MDONE;
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

/* A recording named `name`, nothing read yet; NULL with errno. */
static struct recording *
recording_new(const char *name)
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
	rd->buf = malloc(CHUNK);
	rd->tok = json_tokener_new();
	if (rd->buf == NULL || rd->tok == NULL) {
		recording_close(rd);
		errno = ENOMEM;
		return NULL;
	}
	json_tokener_set_flags(rd->tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
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
	struct recording *rd = recording_new(in ? "standard input" : path);

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
	free(rd);
}

/* recording_parse's sink: keep every event. */
static void
keep(void *ctx, const struct event *ev)
{
	struct recording_whole *w = ctx;
	struct event *e;
	size_t cap = w->cap != 0 ? 2 * w->cap : 64;

	if (w->nomem)
		return;
	if (w->n == w->cap) {
		if ((e = reallocarray(w->events, cap, sizeof(*e))) == NULL) {
			w->nomem = true;
			return;
		}
		w->events = e;
		w->cap = cap;
	}
	w->events[w->n++] = *ev;
}

int
recording_parse(struct recording_whole *w, const char *name,
    const char *buf, size_t len, char *err, size_t errlen)
{
	struct recording *rd = recording_new(name);
	bool slow = w->slow;
	int rc = -1;

	*w = (struct recording_whole){ .slow = slow };
	if (rd == NULL) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		return -1;
	}
	rd->mem = buf;
	rd->memlen = len;
	rd->slow = w->slow;
	if (read_run(rd) == 0) {
		w->cfg = rd->cfg;
		while (!rd->info.ended && !rd->info.failed)
			recording_pump(rd, keep, w, SIZE_MAX);
		rc = rd->info.failed ? -1 : 0;
	}
	if (w->nomem) {
		snprintf(rd->err, sizeof(rd->err), "%s: %s", name,
		    strerror(ENOMEM));
		rc = -1;
	}
	if (rc == -1) {
		snprintf(err, errlen, "%s", rd->err);
		recording_whole_free(w);
	} else {
		w->cut_line = rd->info.cut_line;
		w->cut = rd->info.cut;
	}
	recording_close(rd);
	return rc;
}

void
recording_whole_free(struct recording_whole *w)
{
	free(w->events);
	w->events = NULL;
	w->n = w->cap = 0;
}
