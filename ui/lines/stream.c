/*
 * stream.c: the loop of the line front ends.
 *
 * It is the UI loop without a screen: pump the run's events through the
 * model to the printer, and when nothing is waiting, sleep in poll() on the
 * doorbell, child exits, the ending signals and stdout.  What is printed
 * leaves through out.c as stdout can take it, so a stalled reader never
 * keeps a signal waiting, and a write error (a full disk, a reader that
 * went away) ends the run at once: children killed and reaped, one line on
 * stderr, exit status 1.  Faults (a process killed or failed, threads that
 * could not start, a deadlock) are told on stderr, a few lines of each
 * kind (faults.h), and make the exit status 1.
 *
 * --record and --trace never wait on their readers (src/outfile.h): at the
 * end of the run, even one a signal cut short, they get one second
 * together, which a further signal cuts short; a signal that comes while
 * they end still ends ptviz with its status.
 *
 * A traced program (-- COMMAND) is a source like a run, with a model that
 * grows (src/model_traced.h); the printer is handed its tasks' names
 * beside the events.  Its faults are its own business, not told: it
 * ends ptviz with its own exit status (128+N if a signal N killed it).
 *
 * A recording is a source like a run: read as it comes, a pipe polled
 * with the rest.  One refused part way (main.c checks a regular file
 * first, so only a pipe can be) ends the loop; what was printed stays,
 * the trace is not written, and the one line is told with exit status 2.
 *
 * --runs N goes through the same loop N times, each run reaped whole
 * before the next starts, with a printer that prints no event: each
 * finished model is counted (src/stats.h) and the runs printer says what
 * it wants after each run and at the end.  Faults are told across the
 * runs as for one, FAULTS_LINES of each kind in full.  A signal ends the
 * run under way (it is not counted), then what the runs before it showed
 * is printed, given a moment to leave (DRAIN_MS), and ptviz dies of the
 * signal.
 */
#include <sys/signalfd.h>

#include <time.h>

#include <err.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/event.h"
#include "../../src/history.h"
#include "../../src/jsonl.h"
#include "../../src/model.h"
#include "../../src/model_traced.h"
#include "../../src/picture.h"
#include "../../src/outfile.h"
#include "../../src/recording.h"
#include "../../src/source.h"
#include "../../src/scene.h"
#include "../../src/stats.h"
#include "../../src/tasknames.h"
#include "../../src/trace.h"
#include "../options.h"
#include "../signals.h"
#include "faults.h"
#include "out.h"
#include "runs.h"
#include "stream.h"

#define PUMP_BUDGET	4096
#define OUT_CHUNK	4096		/* waiting output worth a write */
#define OUT_HIGH	OUTFILE_HOLD_MAX	/* take no events past this */
#define DRAIN_MS	1000	/* stdout's time to take the last lines */
#define PROGRESS_TTY_NS	100000000ull	/* a terminal's progress: 10 Hz */
#define PROGRESS_LOG_NS	1000000000ull	/* a log's: a line a second */

struct stream {
	struct model	 model;
	struct out	 out;		/* stdout */
	const struct printer *printer;
	struct faults	 faults;	/* told on stderr */
	struct outfile	 record;	/* --record */
	struct history	 hist;		/* --trace, --svg, --png: the events,
					   for the end */
	bool		 keep;		/* keep them */
	struct tasknames names;		/* --trace of a traced program: its
					   tasks' names, for the end */
	struct source	*src;		/* for the names of a traced one */
	bool		 traced;	/* -- COMMAND */
};

/* The recording failed: say so once; the run goes on without it. */
static void
record_failed(struct stream *s)
{
	char why[96];

	fprintf(stderr, "ptviz: %s: %s (the recording stops here; the run "
	    "goes on)\n", s->record.path,
	    outfile_strerror(&s->record, why, sizeof(why)));
	s->faults.count++;
}

static void
sink(void *ctx, const struct event *ev)
{
	struct stream *s = ctx;
	const char *name;

	if (!model_apply(&s->model, ev))
		return;
	name = s->src == NULL ? NULL : source_name(s->src, ev->proc,
	    ev->thread);

	s->printer->event(s->out.fp, &s->model, ev, name);
	/* The recording is what --json prints: the same writer. */
	if (jsonl_put_named(&s->record, s->model.t0, ev, name))
		record_failed(s);
	if (s->keep && (history_add(&s->hist, ev) == -1 || (s->traced &&
	    tasknames_note(&s->names, ev, name) == -1)))
		err(1, "cannot keep the run for its files");
	if (!s->traced)
		faults_event(&s->faults, &s->model, ev, stderr);
}

/* Close f, told once (and counted) if it failed. */
static void
close_told(struct stream *s, struct outfile *f)
{
	char why[96];

	if (outfile_close(f) == 0)
		return;
	fprintf(stderr, "ptviz: %s: %s\n", f->path,
	    outfile_strerror(f, why, sizeof(why)));
	s->faults.count++;
}

/* The pictures of the run (--svg, --png), each told once (and counted)
   if it could not be written. */
static void
pictures_end(struct stream *s, const struct options *o)
{
	const char *path[2] = { o->svg, o->png };
	const struct picture_run r = { .cfg = &o->run, .hist = &s->hist,
	    .k = s->hist.n, .scene = o->scene != 0 ? scene_get(o->scene) :
	    NULL, .command = s->traced ? options_command(o) : NULL,
	    .names = &s->names };
	char why[128];
	int f;

	for (f = PICTURE_SVG; f <= PICTURE_PNG; f++) {
		if (path[f] == NULL || picture_write(path[f],
		    (enum picture_format)f, &r, why, sizeof(why)) == 0)
			continue;
		fprintf(stderr, "ptviz: %s: %s\n", path[f], why);
		s->faults.count++;
	}
}

/* The run is over, or cut short: --record ends and --trace is written
   (even a run cut short: what happened so far), their readers given a
   second together to take what is held (sigfd, a signal, cuts it short);
   what they did not take is told, once. */
static void
files_end(struct stream *s, const struct options *o, int sigfd)
{
	struct outfile trace = { .fd = -1 };
	struct outfile *fs[2] = { &s->record, &trace };
	bool recorded;

	if (outfile_flush(&s->record))
		record_failed(s);
	recorded = s->record.fp != NULL;
	if (s->keep && s->traced && o->trace != NULL)
		trace_save_traced(&trace, o->trace, o->command, &s->names,
		    &s->hist);
	else if (s->keep && o->trace != NULL)
		trace_save(&trace, o->trace, &o->run, &s->hist);
	outfile_wait(fs, 2, sigfd);
	if (recorded)
		close_told(s, &s->record);
	if (s->keep && o->trace != NULL)
		close_told(s, &trace);
	if (s->keep)
		pictures_end(s, o);
}

/* Why the loop ended. */
enum stream_end { END_RUN, END_SIGNAL, END_OUTPUT };

/* Pump the run to the printer, writing what it prints as stdout can take
   it, until the run and its output are done, a signal comes, or stdout
   fails. */
static enum stream_end
loop(struct stream *s, struct source *src, int sigfd, int *sig)
{
	struct pollfd fds[2 + SOURCE_NFDS];
	size_t pending;
	nfds_t nfds;
	bool busy;
	int armed;

	for (;;) {
		if (out_error(&s->out) != 0)
			return END_OUTPUT;
		pending = out_pending(&s->out);
		if (source_finished(src) && pending == 0)
			return END_RUN;
		busy = false;
		armed = 0;
		/* A reader that stalls does not hold the run: its lines wait
		   in memory, as much as a recording's reader may leave
		   waiting.  Past that, no more events are taken and the
		   children wait on their full rings; nothing is lost. */
		if (!source_finished(src) && pending < OUT_HIGH) {
			busy = source_pump(src, PUMP_BUDGET) > 0;
			faults_kill(&s->faults, src);
			busy = busy || (armed = source_arm(src, &fds[2])) < 0;
			if (busy && armed > 0)
				source_woke(src);
			if (busy)
				armed = 0;
		}
		/* Events keep coming (a recording read from a file never
		   waits): a signal is still heard, at a read a pump. */
		if (busy && out_pending(&s->out) < OUT_CHUNK) {
			if ((*sig = signals_read(sigfd)) != 0)
				return END_SIGNAL;
			continue;
		}
		/* About to wait: what was recorded goes to its file. */
		if (!busy && outfile_flush(&s->record))
			record_failed(s);
		fds[0] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
		out_pollfd(&s->out, &fds[1]);
		nfds = 2 + (nfds_t)armed;
		if (poll(fds, nfds, busy ? 0 : -1) == -1 && errno != EINTR)
			err(1, "poll");
		if (armed > 0)
			source_woke(src);
		if ((*sig = signals_read(sigfd)) != 0)
			return END_SIGNAL;
		out_ready(&s->out, fds[1].revents);
	}
}

/* The model, the faults, the signals and stdout, for a run or runs of o
   (live: not a recording); the signals' descriptor. */
static int
stream_open(struct stream *s, const struct options *o, bool live)
{
	int sigfd;

	s->traced = o->command != NULL || o->attach != 0;
	if ((s->traced ? model_init_traced(&s->model) : model_init(&s->model,
	    o->run.nproc, o->run.nthread)) == -1 ||
	    (!s->traced && model_work(&s->model, &o->run) == -1) ||
	    faults_init(&s->faults, o->run.nproc, live) == -1)
		err(1, "model");
	if ((sigfd = signals_open(false)) == -1)
		err(1, "signalfd");
	if (out_open(&s->out, STDOUT_FILENO) == -1)
		err(1, "stdout");
	return sigfd;
}

/* Let go of what stream_open took; the exit status the loop's end makes:
   death by the signal that ended it, 1 (told) if stdout failed or for
   faults, else 0. */
static int
stream_close(struct stream *s, int sigfd, enum stream_end end, int sig)
{
	int error = out_error(&s->out);

	out_close(&s->out);
	model_free(&s->model);
	faults_free(&s->faults);
	close(sigfd);
	if (end == END_SIGNAL)
		signals_reraise(sig);
	if (end == END_OUTPUT) {
		/* A reader that went away ends a pipeline quietly, as the
		   signal would have, unless SIGPIPE was ignored. */
		if (error == EPIPE && !signals_ignored(SIGPIPE))
			signals_reraise(SIGPIPE);
		fprintf(stderr, "ptviz: stdout: %s\n", strerror(error));
		return 1;
	}
	return s->faults.count > 0 ? 1 : 0;
}

/* The source of the run: rec replayed, or a live run of o's; a start that
   failed in part (a fork) is told. */
static struct source *
stream_source(struct stream *s, const struct options *o,
    struct recording *rec)
{
	struct source *src;
	enum tracer_out out;
	const char *call;
	char refusal[256];
	int error;

	out = o->mode == MODE_JSON ? TRACER_OUT_STDERR : TRACER_OUT_INHERIT;
	src = rec != NULL ? source_recording(rec, sink, s) : o->attach != 0 ?
	    source_attached(o->attach, sink, s, refusal, sizeof(refusal)) :
	    o->poll ? source_polled(o->command, out, sink, s, refusal,
	    sizeof(refusal)) : s->traced ? source_traced(o->command, out,
	    sink, s, refusal,
	    sizeof(refusal)) : source_live(&o->run, sink, s, refusal,
	    sizeof(refusal));
	if (src == NULL && rec != NULL)
		err(1, "cannot start the run");
	if (src == NULL)
		errx(s->traced ? 2 : 1, "%s", refusal);
	s->src = src;
	if ((call = source_start_error(src, &error)) != NULL)
		fprintf(stderr, "ptviz: %s: %s\n", call, strerror(error));
	return src;
}

int
stream_main(const struct options *o, const struct printer *p,
    struct recording *rec)
{
	struct stream s = { .printer = p };
	struct source *src;
	enum stream_end end;
	int sigfd, sig = 0, status, traced = 0;
	char refused[320] = "";

	sigfd = stream_open(&s, o, rec == NULL);
	if (o->record != NULL &&
	    outfile_open(&s.record, o->record, OUTFILE_TRUNC) == -1)
		err(2, "%s", o->record);
	history_init(&s.hist);
	tasknames_init(&s.names);
	s.keep = o->trace != NULL || o->svg != NULL || o->png != NULL;
	if (jsonl_put_head(&s.record, &o->run, options_command(o)))
		record_failed(&s);
	if (p->start != NULL)
		p->start(s.out.fp, o);
	src = stream_source(&s, o, rec);
	end = loop(&s, src, sigfd, &sig);
	/* A recording refused part way (a pipe, read once): what came
	   before it was printed; the rest is not, nor the trace. */
	if (source_error(src) != NULL) {
		snprintf(refused, sizeof(refused), "%s", source_error(src));
		s.keep = false;
	}
	if (end == END_RUN && refused[0] == '\0')
		faults_summary(&s.faults, stderr);
	/* Whatever ended it, no child outlives this. */
	source_free(src);
	s.src = NULL;
	if (s.traced)
		traced = model_traced_status(&s.model);
	files_end(&s, o, sigfd);
	/* A signal while the files were ending still ends ptviz. */
	if (end != END_SIGNAL && (sig = signals_read(sigfd)) != 0)
		end = END_SIGNAL;
	history_free(&s.hist);
	tasknames_free(&s.names);
	status = stream_close(&s, sigfd, end, sig);
	if (status == 0)
		status = traced;
	if (end != END_OUTPUT && refused[0] != '\0') {
		fprintf(stderr, "ptviz: %s\n", refused);
		return 2;
	}
	return status;
}

/* What a run of --runs prints of its events, and a conversion: nothing. */
static void
silent_event(FILE *fp, const struct model *m, const struct event *ev,
    const char *name)
{
	(void)fp;
	(void)m;
	(void)ev;
	(void)name;
}

const struct printer silent_printer = { NULL, silent_event };

/* Write what waits for stdout, as it can take it, until it is all out,
   stdout fails, a signal comes (*sig, when none came before) or, with
   ms >= 0, ms milliseconds have passed. */
static enum stream_end
drain(struct stream *s, int sigfd, int *sig, int ms)
{
	struct pollfd fds[2];
	int got;

	while (out_error(&s->out) == 0 && out_pending(&s->out) > 0) {
		fds[0] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
		out_pollfd(&s->out, &fds[1]);
		got = poll(fds, 2, ms);
		if (got == -1 && errno != EINTR)
			err(1, "poll");
		if (got == 0)
			return END_SIGNAL;	/* time is up */
		if ((got = signals_read(sigfd)) != 0) {
			if (*sig == 0)
				*sig = got;
			return END_SIGNAL;
		}
		out_ready(&s->out, fds[1].revents);
	}
	return out_error(&s->out) != 0 ? END_OUTPUT : END_RUN;
}

static uint64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* "run k/n" on stderr: rewritten in place on a terminal (10 times a
   second at most), a line a second in a log (none in the first, so a
   short batch says nothing); k 0 clears the terminal's. */
static void
progress(unsigned k, unsigned n, bool tty, uint64_t *last)
{
	uint64_t now = mono_ns();

	if (!tty && k == 0)
		return;
	if (k == 0) {
		fputs("\r                                        \r", stderr);
		return;
	}
	if (now - *last < (tty ? PROGRESS_TTY_NS : PROGRESS_LOG_NS))
		return;
	*last = now;
	fprintf(stderr, tty ? "\rptviz: run %u/%u" : "ptviz: run %u/%u\n",
	    k, n);
}

/* Run k of --runs, with cfg, through the loop; why the loop ended.
   Whatever ended it, no child outlives it. */
static enum stream_end
one_run(struct stream *s, const struct run_config *cfg, unsigned k,
    int sigfd, int *sig)
{
	struct source *src;
	enum stream_end end;
	const char *call;
	char why[256];
	int error;

	if ((src = source_live(cfg, sink, s, why, sizeof(why))) == NULL)
		errx(1, "run %u: %s", k, why);
	if ((call = source_start_error(src, &error)) != NULL)
		fprintf(stderr, "ptviz: run %u: %s: %s\n", k, call,
		    strerror(error));
	end = loop(s, src, sigfd, sig);
	source_free(src);
	return end;
}

/* Count the run just ended (k, of cfg) and let p print what it wants of
   it. */
static void
count_run(struct stream *s, const struct options *o,
    const struct runs_printer *p, const struct run_config *cfg,
    struct stats *st, unsigned k)
{
	uint64_t critical;
	bool known = stats_critical_ns(cfg, &critical);

	if (stats_add(st, &s->model, known ? critical : 0) == -1)
		err(1, "cannot count run %u", k);
	p->run(s->out.fp, o, cfg, st, k);
}

int
stream_runs(const struct options *o, const struct runs_printer *p)
{
	struct stream s = { .printer = &silent_printer };
	struct run_config cfg = o->run;
	enum stream_end end = END_RUN;
	struct stats st;
	uint64_t shown = mono_ns();
	int sigfd, sig = 0;
	bool tty = isatty(STDERR_FILENO);
	unsigned k;

	sigfd = stream_open(&s, o, true);
	if (stats_init(&st, o->run.nproc) == -1)
		err(1, "model");
	runs_say_before(stderr, &o->run, o->runs);
	for (k = 1; k <= o->runs && end == END_RUN; k++) {
		if (k > 1) {
			model_reset(&s.model);
			faults_next_run(&s.faults);
		}
		cfg.seed = o->run.seed + (o->vary_seed ? k - 1 : 0);
		if ((end = one_run(&s, &cfg, k, sigfd, &sig)) != END_RUN)
			break;
		count_run(&s, o, p, &cfg, &st, k);
		progress(k, o->runs, tty, &shown);
	}
	progress(0, o->runs, tty, &shown);
	/* Even runs cut short by a signal: what the runs so far showed. */
	if (end != END_OUTPUT) {
		p->end(s.out.fp, o, &st, end == END_SIGNAL);
		if (drain(&s, sigfd, &sig, end == END_SIGNAL ? DRAIN_MS :
		    -1) == END_OUTPUT)
			end = END_OUTPUT;
		else if (sig != 0)
			end = END_SIGNAL;
	}
	faults_summary(&s.faults, stderr);
	stats_free(&st);
	return stream_close(&s, sigfd, end, sig);
}
