/*
 * recfields.c: the fields of a recording's lines, each checked for its
 * type and range (see recfields.h).
 *
 * json-c reads a number too big for 64 bits as the largest it has, so a
 * seed past 2^64 - 1 is looked for in the line's own text (beyond_u64);
 * an errno or a signal is written by name and read back through glibc's
 * tables of names, so a recording means the same on another machine.
 */
#include <errno.h>
#include <json-c/json.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "jsonl.h"
#include "recfields.h"
#include "run.h"
#include "taskfd.h"
#include "tasknames.h"
#include "tasktypes.h"
#include "work.h"

/* The line being read and where its refusal goes. */
struct line {
	json_object	*o;
	const char	*text;		/* the line, for beyond_u64 */
	size_t		 len;
	char		*why;
	size_t		 whylen;
};

/* Say what is wrong with the line; -1. */
static int __attribute__((format(printf, 2, 3)))
refuse(struct line *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(l->why, l->whylen, fmt, ap);
	va_end(ap);
	return -1;
}

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

/* The member `key` if it has type `type`; else NULL and a refusal. */
static json_object *
member(struct line *l, const char *key, json_type type, const char *what)
{
	json_object *v;

	if (!json_object_object_get_ex(l->o, key, &v)) {
		refuse(l, "\"%s\" is missing", key);
		return NULL;
	}
	if (!json_object_is_type(v, type) &&
	    !(type == json_type_double && json_object_is_type(v,
	    json_type_int))) {
		refuse(l, "\"%s\" is not %s", key, what);
		return NULL;
	}
	return v;
}

/* Is there a member `key`? */
static bool
has(const struct line *l, const char *key)
{
	return json_object_object_get_ex(l->o, key, NULL);
}

/* A whole number in [lo, hi]. */
static int
get_int(struct line *l, const char *key, int64_t lo, int64_t hi,
    int64_t *out)
{
	json_object *v = member(l, key, json_type_int, "a whole number");
	int64_t n;

	if (v == NULL)
		return -1;
	n = json_object_get_int64(v);
	if (n < lo || n > hi)
		return refuse(l, "\"%s\" is %s%lld, out of range (%lld to "
		    "%lld)", key, n == INT64_MAX ? "at least " : "",
		    (long long)n, (long long)lo, (long long)hi);
	*out = n;
	return 0;
}

/* A string without NUL bytes. */
static const char *
get_str(struct line *l, const char *key)
{
	json_object *v = member(l, key, json_type_string, "a string");
	const char *s;

	if (v == NULL)
		return NULL;
	s = json_object_get_string(v);
	if (strlen(s) != (size_t)json_object_get_string_len(v)) {
		refuse(l, "\"%s\" holds a NUL character", key);
		return NULL;
	}
	return s;
}

/* The run record's seed: a whole number from 0 to 2^64 - 1. */
static int
take_seed(struct line *l, uint64_t *seed)
{
	json_object *v = member(l, "seed", json_type_int, "a whole number");

	if (v == NULL)
		return -1;
	if (json_object_get_int64(v) < 0)
		return refuse(l, "\"seed\" is negative");
	/* json-c reads a number past 2^64 - 1 as 2^64 - 1. */
	*seed = json_object_get_uint64(v);
	if (*seed == UINT64_MAX && beyond_u64(l->text, l->len))
		return refuse(l, "\"seed\" is beyond %llu (2^64 - 1)",
		    (unsigned long long)UINT64_MAX);
	return 0;
}

/* The run record's kind, format and version (*version). */
static int
take_format(struct line *l, int64_t *version)
{
	json_object *v;
	const char *s;
	int64_t n;

	if (!json_object_object_get_ex(l->o, "event", &v) ||
	    !json_object_is_type(v, json_type_string) ||
	    strcmp(json_object_get_string(v), "run") != 0)
		return refuse(l, "not a ptviz recording: it does not start "
		    "with a \"run\" record");
	if ((s = get_str(l, "format")) == NULL)
		return -1;
	if (strcmp(s, JSONL_FORMAT) != 0)
		return refuse(l, "the format is \"%.40s\", not \""
		    JSONL_FORMAT "\"", s);
	if (get_int(l, "version", INT64_MIN, INT64_MAX, &n) == -1)
		return -1;
	if (n < JSONL_OLDEST || n > JSONL_VERSION)
		return refuse(l, "version %lld of the format is not known "
		    "(this ptviz reads versions %d to %d)", (long long)n,
		    JSONL_OLDEST, JSONL_VERSION);
	*version = n;
	return 0;
}

/* The run's counts, sleep and seed, the workload the sleep one. */
static int
take_counts(struct line *l, struct run_config *cfg)
{
	json_object *v;
	int64_t p, t;
	uint64_t seed;
	double d;

	if (get_int(l, "processes", 1, RUN_MAX_PROCS, &p) == -1 ||
	    get_int(l, "threads", 1, RUN_MAX_THREADS, &t) == -1)
		return -1;
	if ((v = member(l, "sleep_s", json_type_double, "a number")) == NULL)
		return -1;
	d = json_object_get_double(v);
	if (!(d >= 0 && d <= RUN_MAX_SLEEP_NS / 1e9))
		return refuse(l, "\"sleep_s\" is %g, out of range (0 to %llu)",
		    d, RUN_MAX_SLEEP_NS / 1000000000ull);
	if (take_seed(l, &seed) == -1)
		return -1;
	*cfg = (struct run_config){ .nproc = (unsigned)p,
	    .nthread = (unsigned)t, .sleep_ns = (uint64_t)llround(d * 1e9),
	    .seed = seed, .work = WORK_SLEEP,
	    .permits = WORK_DEFAULT_PERMITS };
	return 0;
}

/* The counts only some workloads take, as on the command line: the
   record's name, its flag, its bound, where it goes. */
static const struct {
	const char	*name;
	unsigned	 flag;
	unsigned	 most, dflt;
	size_t		 field;		/* in struct run_config */
} work_counts[] = {
	{ "iterations",	WORK_ITERATIONS, WORK_MAX_ITERATIONS,
	  WORK_DEFAULT_ITERATIONS, offsetof(struct run_config, iterations) },
	{ "slots",	WORK_SLOTS,	WORK_MAX_SLOTS, WORK_DEFAULT_SLOTS,
	  offsetof(struct run_config, slots) },
};

/* The iterations and the slots, if the record names them, only for a
   workload that takes them; the defaults, as on the command line, for
   one that takes them and a record that does not name them (so that the
   run is written back as it was read). */
static int
take_work_counts(struct line *l, struct run_config *cfg)
{
	size_t i;
	int64_t n;

	for (i = 0; i < sizeof(work_counts) / sizeof(work_counts[0]); i++) {
		if (!has(l, work_counts[i].name) &&
		    (work_flags(cfg->work) & work_counts[i].flag))
			*(unsigned *)(void *)((char *)cfg +
			    work_counts[i].field) = work_counts[i].dflt;
		if (!has(l, work_counts[i].name))
			continue;
		if (!(work_flags(cfg->work) & work_counts[i].flag))
			return refuse(l, "\"%s\" is not for the %s workload",
			    work_counts[i].name, work_name(cfg->work));
		if (get_int(l, work_counts[i].name, 1, work_counts[i].most,
		    &n) == -1)
			return -1;
		*(unsigned *)(void *)((char *)cfg + work_counts[i].field) =
		    (unsigned)n;
	}
	return 0;
}

/* The run's workload and its permits, if the record names them. */
static int
take_work(struct line *l, struct run_config *cfg)
{
	const char *s;
	int64_t n;

	/* Version 1 knew only the sleep workload. */
	if (has(l, "work")) {
		if ((s = get_str(l, "work")) == NULL)
			return -1;
		if (!work_parse(s, &cfg->work))
			return refuse(l, "\"work\" \"%.40s\" is not a "
			    "workload", s);
		if (cfg->nthread < work_min_threads(cfg->work))
			return refuse(l, "\"work\" %s needs %u threads or "
			    "more", s, work_min_threads(cfg->work));
	}
	/* As on the command line: permits belong to the semaphore alone
	   (a recording written back would lose them otherwise). */
	if (has(l, "permits")) {
		if (!(work_flags(cfg->work) & WORK_PERMITS))
			return refuse(l, "\"permits\" is for the semaphore "
			    "workload, not %s", work_name(cfg->work));
		if (get_int(l, "permits", 1, WORK_MAX_PERMITS, &n) == -1)
			return -1;
		cfg->permits = (unsigned)n;
	}
	if (take_work_counts(l, cfg) == -1)
		return -1;
	/* Since version 3: the CPUs it ran on; before, not known (0). */
	if (has(l, "cpus")) {
		if (get_int(l, "cpus", 1, RUN_MAX_CPUS, &n) == -1)
			return -1;
		cfg->cpus = (unsigned)n;
	}
	return 0;
}

/* A traced program's command line: "command", an array of one string or
   more, into *command (one allocation: the pointers, NULL, the
   strings). */
static int
take_command(struct line *l, char ***command)
{
	json_object *a = member(l, "command", json_type_array, "an array");
	json_object *v;
	size_t i, n, bytes;
	char **argv, *p;

	if (a == NULL)
		return -1;
	if ((n = json_object_array_length(a)) == 0)
		return refuse(l, "\"command\" is empty");
	bytes = (n + 1) * sizeof(*argv);
	for (i = 0; i < n; i++) {
		v = json_object_array_get_idx(a, i);
		if (!json_object_is_type(v, json_type_string) ||
		    strlen(json_object_get_string(v)) !=
		    (size_t)json_object_get_string_len(v))
			return refuse(l, "\"command\" holds something that "
			    "is not a string (word %zu)", i + 1);
		bytes += strlen(json_object_get_string(v)) + 1;
	}
	if ((argv = malloc(bytes)) == NULL)
		return refuse(l, "%s", strerror(errno));
	p = (char *)(argv + n + 1);
	for (i = 0; i < n; i++) {
		argv[i] = p;
		p = stpcpy(p, json_object_get_string(
		    json_object_array_get_idx(a, i))) + 1;
	}
	argv[n] = NULL;
	*command = argv;
	return 0;
}

/* Is the run record, of format version `version`, a traced program's
   ("traced": true, since JSONL_TRACED)? */
static int
take_traced(struct line *l, int64_t version, bool *traced)
{
	json_object *v;

	*traced = json_object_object_get_ex(l->o, "traced", &v);
	if (*traced && (!json_object_is_type(v, json_type_boolean) ||
	    !json_object_get_boolean(v)))
		return refuse(l, "\"traced\" is not true");
	if (*traced && version < JSONL_TRACED)
		return refuse(l, "a traced program's run is of version %d or "
		    "later, not %lld", JSONL_TRACED, (long long)version);
	return 0;
}

/* How a traced program was watched: "polled": true (through /proc
   alone), "attached": PID (a process running already). */
static int
take_watched(struct line *l, struct run_config *cfg)
{
	json_object *v;
	int64_t pid;

	if (json_object_object_get_ex(l->o, "polled", &v)) {
		if (!json_object_is_type(v, json_type_boolean) ||
		    !json_object_get_boolean(v))
			return refuse(l, "\"polled\" is not true");
		cfg->polled = true;
	}
	if (has(l, "attached")) {
		if (get_int(l, "attached", 1, INT32_MAX, &pid) == -1)
			return -1;
		cfg->attached = (int)pid;
	}
	return 0;
}

int
recfields_run(json_object *o, const char *text, size_t len,
    struct run_config *cfg, char ***command, char *why, size_t whylen)
{
	struct line l = { o, text, len, why, whylen };
	int64_t version = 0;
	bool traced;

	*command = NULL;
	if (take_format(&l, &version) == -1 ||
	    take_traced(&l, version, &traced) == -1)
		return -1;
	/* A traced program has no counts: its model grows. */
	if (traced) {
		*cfg = (struct run_config){ .nproc = 1, .nthread = 1,
		    .work = WORK_SLEEP, .permits = WORK_DEFAULT_PERMITS };
		return take_watched(&l, cfg) == -1 ? -1 :
		    take_command(&l, command);
	}
	if (take_counts(&l, cfg) == -1)
		return -1;
	return take_work(&l, cfg);
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
take_object(struct line *l, const char *key, struct event *ev)
{
	json_object *v;
	const char *s;
	int64_t n;
	unsigned k;

	if ((s = get_str(l, key)) == NULL)
		return -1;
	if ((k = object_named(s, strlen(s))) == OBJ_COUNT)
		return refuse(l, "\"%s\" \"%.40s\" is not a thing a thread "
		    "waits for or holds", key, s);
	if (get_int(l, "object", 0, OBJ_MUTEXES - 1, &n) == -1)
		return -1;
	ev->what = (uint8_t)k;
	ev->object = (uint16_t)n;
	if (json_object_object_get_ex(l->o, "recovered", &v)) {
		if (!json_object_is_type(v, json_type_boolean))
			return refuse(l, "\"recovered\" is not true or "
			    "false");
		if (json_object_get_boolean(v))
			ev->what |= OBJ_RECOVERED;
	}
	return 0;
}

/* A move: "move", "value" and its aux if it has one. */
static int
take_move(struct line *l, struct event *ev)
{
	const char *s, *aux;
	int64_t n;
	unsigned k;

	if ((s = get_str(l, "move")) == NULL)
		return -1;
	if ((k = move_named(s, strlen(s))) == MOVE_COUNT)
		return refuse(l, "\"move\" \"%.40s\" is not a move", s);
	if (get_int(l, "value", 0, UINT32_MAX, &n) == -1)
		return -1;
	ev->what = (uint8_t)k;
	ev->value = (uint32_t)n;
	if ((aux = move_aux_name(k)) != NULL) {
		if (get_int(l, aux, 0, UINT32_MAX, &n) == -1)
			return -1;
		ev->aux = (uint32_t)n;
	}
	return 0;
}

/* The main process's end: the figures of the race or the queue, if it
   tells them. */
static int
take_main_end(struct line *l, const struct run_config *cfg,
    struct event *ev)
{
	unsigned what = (work_flags(cfg->work) & WORK_SLOTS) ? OBJ_QUEUE :
	    OBJ_COUNTER;
	const char *value, *aux;
	int64_t v, a;

	if (!end_figure_names(what, &value, &aux) || !has(l, value))
		return 0;
	if (!(work_flags(cfg->work) & WORK_ITERATIONS))
		return refuse(l, "\"%s\" is for the race and the queue, not "
		    "%s", value, work_name(cfg->work));
	if (get_int(l, value, 0, UINT32_MAX, &v) == -1 ||
	    get_int(l, aux, 0, UINT32_MAX, &a) == -1)
		return -1;
	ev->what = (uint8_t)what;
	ev->value = (uint32_t)v;
	ev->aux = (uint32_t)a;
	return 0;
}

/* The fields of a thread's event that only some states have; a plan is
   no longer than the run's longest sleep. */
static int
take_thread_extra(struct line *l, const struct run_config *cfg,
    struct event *ev)
{
	int64_t n, most = (int64_t)cfg->sleep_ns;
	const char *s;
	int e;

	switch (ev->state) {
	case ST_SLEEPING:
		if (get_int(l, "sleep_ns", 0, most, &n) == -1)
			return -1;
		ev->sleep_ns = (uint64_t)n;
		return 0;
	case ST_COMPUTING:
		if (get_int(l, "cpu_ns", 0, most, &n) == -1)
			return -1;
		ev->plan_ns = (uint64_t)n;
		return 0;
	case ST_WAITING:
		return take_object(l, "for", ev);
	case ST_HOLDING:
		if (take_object(l, "holds", ev) == -1 ||
		    get_int(l, "hold_ns", 0, most, &n) == -1)
			return -1;
		ev->plan_ns = (uint64_t)n;
		return 0;
	case ST_DONE:
		if (has(l, "cpu_used_ns")) {
			if (get_int(l, "cpu_used_ns", 1,
			    (int64_t)RECFIELDS_T_MAX, &n) == -1)
				return -1;
			ev->cpu_ns = (uint64_t)n;
		}
		return 0;
	case ST_TFAILED:
		if ((s = get_str(l, "error")) == NULL)
			return -1;
		if (errno_named(s, &e) == -1)
			return refuse(l, "\"error\" \"%.40s\" is not an errno "
			    "name", s);
		ev->err = e;
		return 0;
	case ST_MOVE:
		return take_move(l, ev);
	case ST_MDONE:
		return take_main_end(l, cfg, ev);
	}
	return 0;
}

/* How a process ended (exited, killed, failed): a status, a signal or
   "not forked"; and the permits given back for it. */
static int
take_end(struct line *l, struct event *ev)
{
	const char *s;
	int64_t n;
	int sig;

	if (has(l, "status")) {
		if (get_int(l, "status", 0, 255, &n) == -1)
			return -1;
		ev->wstatus = n << 8;
	} else if (has(l, "signal")) {
		if ((s = get_str(l, "signal")) == NULL)
			return -1;
		if (signal_named(s, &sig) == -1)
			return refuse(l, "\"signal\" \"%.40s\" is not a "
			    "signal name", s);
		ev->wstatus = sig;
	} else if (has(l, "error")) {
		if ((s = get_str(l, "error")) == NULL)
			return -1;
		if (strcmp(s, "not forked") != 0)
			return refuse(l, "\"error\" of a process is \"%.40s\","
			    " not \"not forked\"", s);
		ev->wstatus = -1;
	} else {
		return refuse(l, "a process's end needs \"status\", "
		    "\"signal\" or \"error\"");
	}
	if (has(l, "permits_back")) {
		if (get_int(l, "permits_back", 1, WORK_MAX_PERMITS, &n) == -1)
			return -1;
		ev->what = OBJ_SEM;
		ev->object = (uint16_t)n;
	}
	return 0;
}

/* The fields every event has, processes up to nproc and threads up to
   nthread, into *ev. */
static int
take_common(struct line *l, unsigned nproc, unsigned nthread, uint64_t t0,
    struct event *ev)
{
	enum state_kind kind;
	int64_t t, proc, thread, pid, tid;
	const char *name;

	if (get_int(l, "t_ns", INT64_MIN, INT64_MAX, &t) == -1 ||
	    (name = get_str(l, "event")) == NULL ||
	    get_int(l, "proc", 0, nproc, &proc) == -1 ||
	    get_int(l, "thread", 0, nthread, &thread) == -1 ||
	    get_int(l, "pid", INT32_MIN, INT32_MAX, &pid) == -1 ||
	    get_int(l, "tid", INT32_MIN, INT32_MAX, &tid) == -1)
		return -1;
	if (t < 0)
		return refuse(l, "\"t_ns\" is %lld, before the run started",
		    (long long)t);
	if ((uint64_t)t > RECFIELDS_T_MAX)
		return refuse(l, "\"t_ns\" is %lld, more than a century",
		    (long long)t);
	if (proc == 0 && thread != 0)
		return refuse(l, "the main process (proc 0) has no threads");
	kind = proc == 0 ? KIND_MAIN : thread == 0 ? KIND_PROC : KIND_THREAD;
	*ev = (struct event){ .t_ns = t0 + (uint64_t)t,
	    .pid = (int32_t)pid, .tid = (int32_t)tid,
	    .proc = (uint16_t)proc, .thread = (uint16_t)thread,
	    .state = (uint8_t)state_named(name, strlen(name), kind) };
	if (ev->state == ST_COUNT)
		return refuse(l, "\"%.40s\" is not an event of %s", name,
		    kind == KIND_MAIN ? "the main process" :
		    kind == KIND_PROC ? "a process" : "a thread");
	return 0;
}

/* Is ev's state a process's end? */
static bool
is_end(const struct event *ev)
{
	return ev->state == ST_EXITED || ev->state == ST_KILLED ||
	    ev->state == ST_FAILED;
}

int
recfields_event(json_object *o, const struct run_config *cfg, uint64_t t0,
    struct event *ev, char *why, size_t whylen)
{
	struct line l = { o, NULL, 0, why, whylen };

	if (take_common(&l, cfg->nproc, cfg->nthread, t0, ev) == -1)
		return -1;
	if (is_end(ev))
		return take_end(&l, ev);
	return take_thread_extra(&l, cfg, ev);
}

/* Which of the names name(0..count-1) s is; count if none. */
static unsigned
named_among(const char *(*name)(unsigned), unsigned count, const char *s)
{
	unsigned k;

	for (k = 0; k < count && strcmp(name(k), s) != 0; k++)
		;
	return k;
}

/* A name of a kind in member `key`, into *k; what: what its names are. */
static int
take_named(struct line *l, const char *key, const char *(*name)(unsigned),
    unsigned count, const char *what, unsigned *k)
{
	const char *s = get_str(l, key);

	if (s == NULL)
		return -1;
	if ((*k = named_among(name, count, s)) == count)
		return refuse(l, "\"%s\" \"%.40s\" is not %s", key, s, what);
	return 0;
}

/* A futex word as jsonl.c writes it: "0x" and up to 16 hex digits. */
static int
take_futex(struct line *l, struct event *ev)
{
	const char *s = get_str(l, "futex");
	size_t n;
	uint64_t v = 0;

	if (s == NULL)
		return -1;
	n = strspn(s + (strncmp(s, "0x", 2) == 0 ? 2 : 0),
	    "0123456789abcdef");
	if (strncmp(s, "0x", 2) != 0 || n == 0 || n > 16 || s[2 + n] != '\0')
		return refuse(l, "\"futex\" \"%.40s\" is not an address "
		    "(0x and hex digits)", s);
	for (s += 2; *s != '\0'; s++)
		v = v << 4 | (uint64_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
	ev->kaddr = (int64_t)v;
	return 0;
}

/* A kernel state's fields: its class, and for a lock its futex word, for
   input or output its descriptor (what it is, which way), for another
   call its number; each as jsonl.c writes it, absent where it writes
   none. */
static int
take_kstate(struct line *l, struct event *ev)
{
	unsigned cls, kind, way;
	int64_t n;

	if (take_named(l, "class", kstate_class_name, TASKSTATE_CLASSES,
	    "a class of kernel state", &cls) == -1)
		return -1;
	ev->what = (uint8_t)cls;
	if (cls == TASKSTATE_LOCK && has(l, "futex"))
		return take_futex(l, ev);
	if (cls == TASKSTATE_IO) {
		ev->kaddr = -1;
		if (!has(l, "fd"))
			return 0;
		if (get_int(l, "fd", 0, INT32_MAX, &n) == -1 ||
		    take_named(l, "fd_kind", kstate_fd_name, TASKFD_KINDS,
		    "a kind of descriptor", &kind) == -1 ||
		    take_named(l, "way", kstate_io_name, TASKSTATE_IOS,
		    "a way of input or output", &way) == -1)
			return -1;
		ev->kaddr = n;
		ev->object = KSTATE_OBJECT(kind, way);
		return 0;
	}
	if (cls == TASKSTATE_SYSCALL)
		return get_int(l, "nr", INT64_MIN, INT64_MAX, &ev->kaddr);
	return 0;
}

/* A task's name, if the event has one, into name[TASKNAMES_MAX + 1];
   *named says whether it had. */
static int
take_name(struct line *l, char *name, bool *named)
{
	const char *s;

	if (!(*named = has(l, "name")))
		return 0;
	if ((s = get_str(l, "name")) == NULL)
		return -1;
	if (strlen(s) > TASKNAMES_MAX)
		return refuse(l, "\"name\" is longer than %d bytes: not a "
		    "task's name", TASKNAMES_MAX);
	strcpy(name, s);
	return 0;
}

/* A watched process's end whose status is not known (--poll): "status":
   null. */
static int
take_unknown_end(struct line *l, struct event *ev)
{
	json_object *v;

	if (!json_object_object_get_ex(l->o, "status", &v))
		return refuse(l, "\"status\" is missing");
	if (v != NULL)
		return refuse(l, "\"status\" of a process gone is not null");
	ev->wstatus = 0;
	return 0;
}

int
recfields_traced(json_object *o, uint64_t t0, struct event *ev, char *name,
    bool *named, char *why, size_t whylen)
{
	struct line l = { o, NULL, 0, why, whylen };
	int64_t n;

	if (take_common(&l, UINT16_MAX, UINT16_MAX, t0, ev) == -1 ||
	    take_name(&l, name, named) == -1)
		return -1;
	switch (ev->state) {
	case ST_MRUNNING:
	case ST_MDONE:
	case ST_MSTOPPED:
	case ST_MCONTINUED:
	case ST_EXEC:
	case ST_TBORN:
	case ST_TENDED:
		return 0;
	case ST_BORN:
		if (get_int(&l, "parent", 0, UINT16_MAX, &n) == -1)
			return -1;
		ev->object = (uint16_t)n;
		return 0;
	case ST_KSTATE:
		return take_kstate(&l, ev);
	case ST_EXITED:
	case ST_FAILED:
	case ST_KILLED:
		return take_end(&l, ev);
	case ST_GONE:
		return take_unknown_end(&l, ev);
	}
	return refuse(&l, "\"%s\" is not an event of a traced program",
	    state_name(ev->state));
}
