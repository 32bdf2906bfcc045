/*
 * trace.c: writing a run as a Chrome trace (see trace.h).
 *
 * A thread's spans (running, sleeping, computing, waiting, holding) come
 * from the history, one per state it was in, in one pass; how each thread
 * and process ended comes from the model of the whole history, and the
 * pauses from the history in its order.  A traced program's thread has a
 * span for each state the kernel was seen in (src/tracesample.h), named
 * by its class, from its birth to its end; its processes and threads are
 * named as their latest events named them (src/tasknames.h), escaped as
 * --json escapes them.  Everything else is numbers and fixed names.
 */
#include <sys/wait.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "history.h"
#include "jsonl.h"
#include "model.h"
#include "model_query.h"
#include "model_traced.h"
#include "outfile.h"
#include "spawn.h"
#include "tasknames.h"
#include "tasktypes.h"
#include "text.h"
#include "trace.h"

/* What was run: the built-in run of cfg, or a traced program (command
   not NULL) whose tasks' names are in names. */
struct trace_run {
	const struct run_config *cfg;
	char *const	*command;
	const struct tasknames *names;
};

struct trace {
	FILE		*fp;
	uint64_t	 t0;		/* the run's start */
	uint64_t	 end;		/* the last moment known */
	bool		 first;		/* no event written yet */
};

/*
 * Times are microseconds from the start of the run, in steps of 1/64 us
 * (about 16 ns).  Such numbers are exact in binary floating point, so a
 * reader that adds ts and dur, or subtracts one ts from another, gets
 * exactly the next span's start: with nanoseconds written as decimals,
 * speedscope saw a running span overlap the sleep after it.
 */
static uint64_t
ticks(const struct trace *tr, uint64_t t)
{
	uint64_t d = t > tr->t0 ? t - tr->t0 : 0;

	return (d * 64 + 500) / 1000;
}

/* A number of ticks, as microseconds. */
static void
put_us(FILE *fp, const char *key, uint64_t ticks)
{
	fprintf(fp, ",\"%s\":%" PRIu64 ".%06" PRIu64, key, ticks / 64,
	    ticks % 64 * 15625);
}

static void
put_ts(struct trace *tr, const char *key, uint64_t t)
{
	put_us(tr->fp, key, ticks(tr, t));
}

/* Start an event: its phase, name, pid and tid. */
static void
begin(struct trace *tr, const char *ph, const char *name, unsigned pid,
    unsigned tid)
{
	fprintf(tr->fp, "%s\n{\"ph\":\"%s\",\"name\":\"%s\",\"pid\":%u,"
	    "\"tid\":%u", tr->first ? "" : ",", ph, name, pid, tid);
	tr->first = false;
}

/* A name and a sort index for a process (tid 0) or a thread. */
static void
meta(struct trace *tr, unsigned pid, unsigned tid, const char *name,
    unsigned sort)
{
	const char *kind = tid == 0 ? "process" : "thread";
	char key[32];

	snprintf(key, sizeof(key), "%s_name", kind);
	begin(tr, "M", key, pid, tid);
	fputs(",\"args\":{\"name\":", tr->fp);
	jsonl_string(tr->fp, name);
	fputs("}}", tr->fp);
	snprintf(key, sizeof(key), "%s_sort_index", kind);
	begin(tr, "M", key, pid, tid);
	fprintf(tr->fp, ",\"args\":{\"sort_index\":%u}}", sort);
}

/* The state a thread entered and when: the start of a span. */
struct phase {
	uint64_t	 t;
	uint64_t	 plan;
	uint8_t		 state;
	uint8_t		 what;
	uint16_t	 object;
};

/*
 * A span's line, made by hand: there is one for every event of the run, and
 * fprintf()'s reading of its formats was most of an export's time (10 M
 * events: 4.4 s of 10).  The bytes are fprintf()'s, to the byte.
 */
struct line {
	char		 s[384];
	size_t		 n;
};

static void
line_put(struct line *l, const char *s)
{
	size_t n = strlen(s);

	memcpy(l->s + l->n, s, n);
	l->n += n;
}

/* v in decimal, at least `width` digits (zeros before); two digits a
   division, from the end. */
static void
line_num(struct line *l, uint64_t v, int width)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "6263646566676869707172737475767778798081828384858687888990919293"
	    "949596979899";
	char d[24], *p = d + sizeof(d);

	while (v >= 100) {
		p -= 2;
		memcpy(p, pairs + v % 100 * 2, 2);
		v /= 100;
	}
	if (v >= 10) {
		p -= 2;
		memcpy(p, pairs + v * 2, 2);
	} else {
		*--p = (char)('0' + v);
	}
	while (d + sizeof(d) - p < width)
		*--p = '0';
	memcpy(l->s + l->n, p, (size_t)(d + sizeof(d) - p));
	l->n += (size_t)(d + sizeof(d) - p);
}

static void
line_int(struct line *l, int v)
{
	if (v < 0)
		l->s[l->n++] = '-';
	line_num(l, v < 0 ? -(uint64_t)v : (uint64_t)v, 1);
}

/* A number of ticks, as microseconds: put_us()'s text. */
static void
line_us(struct line *l, const char *key, uint64_t ticks)
{
	l->s[l->n++] = ',';
	l->s[l->n++] = '"';
	line_put(l, key);
	line_put(l, "\":");
	line_num(l, ticks / 64, 1);
	l->s[l->n++] = '.';
	line_num(l, ticks % 64 * 15625, 6);
}

/* A kernel state's args, as --json has them: the futex word of a lock,
   the descriptor of input or output, the number of another call.  The
   phase's plan is the event's kaddr (one union). */
static void
line_kstate(struct line *l, const struct phase *ph)
{
	int64_t kaddr = (int64_t)ph->plan;
	char buf[96];

	buf[0] = '\0';
	if (ph->what == TASKSTATE_LOCK && kaddr != 0)
		snprintf(buf, sizeof(buf), "\"futex\":\"0x%" PRIx64 "\",",
		    (uint64_t)kaddr);
	else if (ph->what == TASKSTATE_IO && kaddr >= 0)
		snprintf(buf, sizeof(buf), "\"fd\":%" PRId64 ",\"fd_kind\":"
		    "\"%s\",\"way\":\"%s\",", kaddr,
		    kstate_fd_name(KSTATE_FDKIND(ph->object)),
		    kstate_io_name(KSTATE_IO(ph->object)));
	else if (ph->what == TASKSTATE_SYSCALL)
		snprintf(buf, sizeof(buf), "\"nr\":%" PRId64 ",", kaddr);
	line_put(l, buf);
}

/* A move's args, as --json has them: its value and its aux if it has
   one.  The phase's plan is the event's figures (one union). */
static void
line_move(struct line *l, const struct phase *ph)
{
	struct event ev = { .plan_ns = ph->plan };
	const char *aux = move_aux_name(ph->what);

	line_put(l, "\"value\":");
	line_num(l, ev.value, 1);
	l->s[l->n++] = ',';
	if (aux != NULL) {
		l->s[l->n++] = '"';
		line_put(l, aux);
		line_put(l, "\":");
		line_num(l, ev.aux, 1);
		l->s[l->n++] = ',';
	}
}

/* A complete event of thread j of process i for phase ph, [ph->t, to],
   cut at the end of the trace if open (to == 0). */
static void
span(struct trace *tr, const struct phase *ph, unsigned i, unsigned j,
    uint64_t to, const struct model *m)
{
	const struct model_thread *t = model_thread(m, i, j);
	struct line l = { .n = 0 };
	bool open = to == 0;

	if (open)
		to = tr->end;
	line_put(&l, tr->first ? "\n{\"ph\":\"X\",\"name\":\"" :
	    ",\n{\"ph\":\"X\",\"name\":\"");
	tr->first = false;
	/* A traced thread's: what the kernel said it does; a move: which. */
	line_put(&l, ph->state == ST_KSTATE ? kstate_class_name(ph->what) :
	    ph->state == ST_MOVE && move_name(ph->what) != NULL ?
	    move_name(ph->what) : state_name(ph->state));
	line_put(&l, "\",\"pid\":");
	line_num(&l, i, 1);
	line_put(&l, ",\"tid\":");
	line_num(&l, j, 1);
	line_put(&l, ",\"cat\":\"thread\"");
	line_us(&l, "ts", ticks(tr, ph->t));
	line_us(&l, "dur", ticks(tr, to) - ticks(tr, ph->t));
	line_put(&l, ",\"args\":{");
	/* A busy phase was planned: its sleep, CPU time or hold (a move has
	   no plan: its figures are its value and aux, told below). */
	if (state_busy(ph->state) && ph->state != ST_MOVE) {
		line_put(&l, "\"planned_us\":");
		line_num(&l, ph->plan / 1000, 1);
		l.s[l.n++] = '.';
		line_num(&l, ph->plan % 1000, 3);
		l.s[l.n++] = ',';
	}
	if (ph->state == ST_WAITING || ph->state == ST_HOLDING) {
		line_put(&l, ph->state == ST_WAITING ? "\"for\":\"" :
		    "\"holds\":\"");
		line_put(&l, object_name(ph->what));
		line_put(&l, "\",\"object\":");
		line_num(&l, ph->object, 1);
		l.s[l.n++] = ',';
	}
	if (ph->state == ST_HOLDING && (ph->what & OBJ_RECOVERED))
		line_put(&l, "\"recovered\":true,");
	if (ph->state == ST_KSTATE)
		line_kstate(&l, ph);
	if (ph->state == ST_MOVE)
		line_move(&l, ph);
	line_put(&l, "\"pid\":");
	line_int(&l, model_proc(m, i)->pid);
	line_put(&l, ",\"tid\":");
	line_int(&l, t->tid);
	line_put(&l, open ? ",\"unfinished\":true}}" : "}}");
	fwrite(l.s, 1, l.n, tr->fp);
}

/* Every span of every thread, from the history: a span ends where the
   thread's next event begins; the last ends when the thread did (lost:
   when its process was reaped) or is left open. */
static int
thread_spans(struct trace *tr, const struct model *m, const struct history *h)
{
	struct phase *ph, *cur;
	const struct event *ev;
	size_t k, n = (size_t)m->nproc * m->nthread;
	unsigned i, j;

	if ((ph = calloc(n, sizeof(*ph))) == NULL)
		return -1;
	for (k = 0; k < h->n; k++) {
		ev = history_at(h, k);
		if (ev->proc == 0 || ev->thread == 0 || ev->proc > m->nproc ||
		    ev->thread > m->nthread)
			continue;
		cur = &ph[(size_t)(ev->proc - 1) * m->nthread + ev->thread - 1];
		if (cur->state != 0)
			span(tr, cur, ev->proc, ev->thread, ev->t_ns, m);
		*cur = (struct phase){ ev->t_ns, ev->plan_ns, ev->state,
		    ev->what, ev->object };
		/* Ends are instants, not spans. */
		if (ev->state == ST_DONE || ev->state == ST_TFAILED ||
		    ev->state == ST_TENDED)
			cur->state = 0;
	}
	for (i = 1; i <= m->nproc; i++)
		for (j = 1; j <= m->nthread; j++) {
			cur = &ph[(size_t)(i - 1) * m->nthread + j - 1];
			if (cur->state != 0)
				span(tr, cur, i, j,
				    model_thread(m, i, j)->t_done, m);
		}
	free(ph);
	return 0;
}

/* An instant: scope g (the whole trace), p (a process) or t (a thread). */
static void
instant(struct trace *tr, const char *name, char scope, unsigned pid,
    unsigned tid, uint64_t t, const char *args)
{
	begin(tr, "i", name, pid, tid);
	fprintf(tr->fp, ",\"s\":\"%c\"", scope);
	put_ts(tr, "ts", t);
	fprintf(tr->fp, ",\"args\":{%s}}", args);
}

/* Thread j of process i: its spans, and an instant if it did not finish. */
static void
thread_events(struct trace *tr, const struct model *m, unsigned i,
    unsigned j)
{
	const struct model_thread *t = model_thread(m, i, j);
	char args[64];

	if (t->state == ST_LOST)
		instant(tr, "lost", 't', i, j, t->t_done, "\"why\":\"its "
		    "process ended first\"");
	if (t->state == ST_TFAILED) {
		snprintf(args, sizeof(args), "\"error\":\"%s\"",
		    strerrorname_np(t->err) != NULL ?
		    strerrorname_np(t->err) : "unknown");
		instant(tr, "could not start", 't', i, j, t->t_done, args);
	}
}

/* Process i, named name: its life as an async span (a traced one's notes
   the process it was born of), and how it ended if badly. */
static void
proc_events(struct trace *tr, const struct model *m, unsigned i,
    const char *name)
{
	const struct model_proc *p = model_proc(m, i);
	const char *sig;
	char args[64];

	if (p->t_forked != 0) {
		begin(tr, "b", name, i, 0);
		fprintf(tr->fp, ",\"cat\":\"process\",\"id\":%u", i);
		put_ts(tr, "ts", p->t_forked);
		fprintf(tr->fp, ",\"args\":{\"pid\":%d", p->pid);
		if (m->traced)
			fprintf(tr->fp, ",\"parent\":%u", p->parent);
		fputs("}}", tr->fp);
		begin(tr, "e", name, i, 0);
		fprintf(tr->fp, ",\"cat\":\"process\",\"id\":%u", i);
		put_ts(tr, "ts", p->reaped ? p->t_end : tr->end);
		fprintf(tr->fp, ",\"args\":{\"state\":\"%s\"%s}}",
		    state_name(p->state), p->reaped ? "" :
		    ",\"unfinished\":true");
	}
	if (!p->reaped || p->state == ST_PDONE)
		return;
	if (p->wstatus == -1) {
		snprintf(args, sizeof(args), "\"error\":\"not forked\"");
	} else if (WIFSIGNALED(p->wstatus)) {
		sig = sigabbrev_np(WTERMSIG(p->wstatus));
		snprintf(args, sizeof(args), "\"pid\":%d,\"signal\":\"SIG%s\"",
		    p->pid, sig != NULL ? sig : "UNKNOWN");
	} else {
		snprintf(args, sizeof(args), "\"pid\":%d,\"status\":%d",
		    p->pid, WEXITSTATUS(p->wstatus));
	}
	instant(tr, state_name(p->state), 'p', i, 0, p->t_end, args);
}

/* The trace's header: what was run. */
static void
header(FILE *fp, const struct trace_run *run)
{
	const struct run_config *cfg = run->cfg;
	char secs[32];
	size_t i;

	if (run->command != NULL) {
		fputs("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"tool\":"
		    "\"ptviz\",\"traced\":true,\"command\":[", fp);
		for (i = 0; run->command[i] != NULL; i++) {
			if (i > 0)
				fputc(',', fp);
			jsonl_string(fp, run->command[i]);
		}
		fputs("]},\"traceEvents\":[", fp);
		return;
	}
	fprintf(fp, "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"tool\":"
	    "\"ptviz\",\"processes\":%u,\"threads\":%u,\"sleep_s\":%s,"
	    "\"seed\":%" PRIu64 ",\"work\":\"%s\"},\"traceEvents\":[",
	    cfg->nproc, cfg->nthread, text_secs((double)cfg->sleep_ns, 9,
	    false, secs, sizeof(secs)), cfg->seed, work_name(cfg->work));
}

/* The names of the processes and threads: the built-in run's by number,
   a traced program's as its events named them, a process with its
   pid. */
static void
names(struct trace *tr, const struct model *m, const struct trace_run *run)
{
	const char *n;
	char name[TASKNAMES_MAX + 32];
	unsigned i, j;

	meta(tr, 0, 0, m->traced ? "ptviz" : "Main process", 0);
	for (i = 1; i <= m->nproc; i++) {
		meta(tr, i, 0, text_proc_name(m, run->names, i, name, sizeof(name)), i);
		for (j = 1; j <= model_proc_threads(m, i); j++) {
			n = m->traced ? tasknames_get(run->names, i, j) : NULL;
			if (n == NULL)
				snprintf(name, sizeof(name), "Thread-%u", j);
			meta(tr, i, j, n != NULL ? n : name, j);
		}
	}
}

/* The run's instants in the history's order: pauses, execs. */
static void
run_instants(struct trace *tr, const struct history *h)
{
	const struct event *ev;
	size_t k;

	for (k = 0; k < h->n; k++) {
		ev = history_at(h, k);
		if (ev->state == ST_MSTOPPED || ev->state == ST_MCONTINUED)
			instant(tr, state_name(ev->state), 'g', 0, 0,
			    ev->t_ns, ev->state == ST_MSTOPPED ?
			    "\"why\":\"every process was paused\"" :
			    "\"why\":\"every process went on\"");
		else if (ev->state == ST_EXEC)
			instant(tr, "exec", 'p', ev->proc, 0, ev->t_ns, "");
	}
}

/* The run `run` whose events are h, to fp. */
static int
write_run(FILE *fp, const struct trace_run *run, const struct history *h)
{
	struct trace tr = { .fp = fp, .first = true };
	struct model m;
	char name[TASKNAMES_MAX + 32];
	unsigned i, j;
	size_t k;

	if ((run->command != NULL ? model_init_traced(&m) : model_init(&m,
	    run->cfg->nproc, run->cfg->nthread)) == -1)
		return -1;
	if (run->command == NULL && model_work(&m, run->cfg) == -1) {
		model_free(&m);
		return -1;
	}
	for (k = 0; k < h->n; k++)
		model_apply(&m, history_at(h, k));
	tr.t0 = m.t0;
	for (k = 0; k < h->n; k++)
		if (history_at(h, k)->t_ns > tr.end)
			tr.end = history_at(h, k)->t_ns;
	/* Still held at its start: its clock has not started, and all it
	   did is at 0. */
	if (tr.t0 == 0)
		tr.t0 = tr.end;
	header(fp, run);
	names(&tr, &m, run);
	for (i = 1; i <= m.nproc; i++) {
		proc_events(&tr, &m, i, text_proc_name(&m, run->names, i, name,
		    sizeof(name)));
		for (j = 1; j <= model_proc_threads(&m, i); j++)
			thread_events(&tr, &m, i, j);
	}
	if (thread_spans(&tr, &m, h) == -1) {
		model_free(&m);
		return -1;
	}
	run_instants(&tr, h);
	fputs("\n]}\n", fp);
	model_free(&m);
	return ferror(fp) ? -1 : 0;
}

int
trace_write(FILE *fp, const struct run_config *cfg, const struct history *h)
{
	return write_run(fp, &(struct trace_run){ .cfg = cfg }, h);
}

int
trace_write_traced(FILE *fp, char *const command[],
    const struct tasknames *names, const struct history *h)
{
	return write_run(fp, &(struct trace_run){ .command = command,
	    .names = names }, h);
}

/* The run into f, unless it has failed; 0, or the error. */
static int
put_run(struct outfile *f, const struct trace_run *run,
    const struct history *h)
{
	if (f->fp == NULL)
		return f->err;
	errno = 0;
	if (write_run(f->fp, run, h) == -1 && f->err == 0)
		f->err = errno != 0 ? errno : EIO;
	outfile_failed(f);
	return f->err;
}

int
trace_put(struct outfile *f, const struct run_config *cfg,
    const struct history *h)
{
	return put_run(f, &(struct trace_run){ .cfg = cfg }, h);
}

int
trace_put_traced(struct outfile *f, char *const command[],
    const struct tasknames *names, const struct history *h)
{
	return put_run(f, &(struct trace_run){ .command = command,
	    .names = names }, h);
}

int
trace_save(struct outfile *f, const char *path, const struct run_config *cfg,
    const struct history *h)
{
	if (outfile_open(f, path, OUTFILE_TRUNC) == -1)
		return f->err;
	return trace_put(f, cfg, h);
}

int
trace_save_traced(struct outfile *f, const char *path, char *const command[],
    const struct tasknames *names, const struct history *h)
{
	if (outfile_open(f, path, OUTFILE_TRUNC) == -1)
		return f->err;
	return trace_put_traced(f, command, names, h);
}
