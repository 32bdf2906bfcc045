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
 * could not start) are told on stderr and make the exit status 1.
 *
 * A limit reached part way can fail a thousand processes at once, so faults
 * are told in a few lines, not one each: a process whose threads could not
 * all start is one line when it is reaped ("started 12 of 60 threads"),
 * each kind of fault is told in full for its first FAULT_LINES processes
 * only, and report_summary() counts the rest in one line per kind at the
 * end of the run, with the processes never forked as one range.
 *
 * --record and --trace never wait on their readers (src/outfile.h): at the
 * end of the run, even one a signal cut short, they get one second
 * together, which a further signal cuts short; a signal that comes while
 * they end still ends ptviz with its status.
 *
 * A deadlock the model finds is told on stderr at once, and (a live run)
 * its process is killed and reaped, so the run ends: never a hang.
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
 * runs as for one, FAULT_LINES of each kind in full.  A signal ends the
 * run under way (it is not counted), then what the runs before it showed
 * is printed, given a moment to leave (DRAIN_MS), and ptviz dies of the
 * signal.
 */
#include <sys/signalfd.h>
#include <sys/wait.h>

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
#include "../../src/outfile.h"
#include "../../src/recording.h"
#include "../../src/source.h"
#include "../../src/stats.h"
#include "../../src/text.h"
#include "../../src/trace.h"
#include "../options.h"
#include "../signals.h"
#include "out.h"
#include "stream.h"

#define PUMP_BUDGET	4096
#define OUT_CHUNK	4096		/* waiting output worth a write */
#define OUT_HIGH	OUTFILE_HOLD_MAX	/* take no events past this */
#define FAULT_LINES	3	/* processes told in full, of each kind */
#define DRAIN_MS	1000	/* stdout's time to take the last lines */
#define PROGRESS_TTY_NS	100000000ull	/* a terminal's progress: 10 Hz */
#define PROGRESS_LOG_NS	1000000000ull	/* a log's: a line a second */

struct stream {
	struct model	 model;
	struct out	 out;		/* stdout */
	const struct printer *printer;
	int		 faults;
	unsigned	 told[FAULT_COUNT];	/* processes with each fault */
	unsigned	 tfailed_told;	/* threads failed, of processes told */
	unsigned	 never_first;	/* the processes never forked: */
	unsigned	 never_last;	/* one range (fork_all stops at the
					   first failure); 0 if none */
	struct outfile	 record;	/* --record */
	struct history	 hist;		/* --trace: the events, for the end */
	bool		 keep;		/* keep them */
	bool		 live;		/* a live run, not a recording */
	unsigned	 deadlocks;	/* told so far */
	uint8_t		*broken;	/* [nproc]: DL_* */
};

/* What was done of a process's deadlock. */
enum { DL_NONE, DL_TOLD, DL_KILLED };

/* Tell each deadlock the model found since the last look, at once, in
   the order of the events: with no one at the keys, a live run's process
   is then killed (kill_deadlocked) and the run ends. */
static void
tell_deadlocks(struct stream *s)
{
	char text[512];
	unsigned i;

	if (s->model.deadlocks == s->deadlocks)
		return;
	s->deadlocks = s->model.deadlocks;
	for (i = 1; i <= s->model.nproc; i++) {
		if (s->broken[i - 1] != DL_NONE || !text_deadlock(&s->model, i,
		    text, sizeof(text)))
			continue;
		s->broken[i - 1] = DL_TOLD;
		s->faults++;
		fprintf(stderr, "ptviz: %s%s\n", text, s->live ?
		    "; it is killed" : "");
	}
}

/* Kill the processes of the deadlocks told. */
static void
kill_deadlocked(struct stream *s, struct source *src)
{
	unsigned i;

	if (!s->live)
		return;
	for (i = 1; i <= s->model.nproc; i++) {
		if (s->broken[i - 1] != DL_TOLD)
			continue;
		s->broken[i - 1] = DL_KILLED;
		source_control(src, SOURCE_KILL, i);
	}
}

/* The recording failed: say so once; the run goes on without it. */
static void
record_failed(struct stream *s)
{
	char why[96];

	fprintf(stderr, "ptviz: %s: %s (the recording stops here; the run "
	    "goes on)\n", s->record.path,
	    outfile_strerror(&s->record, why, sizeof(why)));
	s->faults++;
}

/* Count a fault of kind k (text.h); true if it is to be told in full. */
static bool
tell(struct stream *s, enum fault_kind k)
{
	return s->told[k]++ < FAULT_LINES;
}

/* Process i was reaped: tell in one line how many of its threads could not
   start, if any did not; 1 if so, else 0. */
static int
report_threads(struct stream *s, FILE *fp, unsigned i)
{
	const struct model_thread *th;
	unsigned j, failed = 0;
	char text[192];
	int err = 0;

	/* The model counts failed threads as they arrive: look at this
	   process's only if some are not yet told. */
	if (s->model.threads_in[ST_TFAILED] == s->tfailed_told)
		return 0;
	for (j = 1; j <= s->model.nthread; j++) {
		th = model_thread(&s->model, i, j);
		if (th->state == ST_TFAILED && failed++ == 0)
			err = th->err;
	}
	if (failed == 0)
		return 0;
	s->tfailed_told += failed;
	if (tell(s, FAULT_THREADS))
		fprintf(fp, "ptviz: %s\n", text_threads_started(i,
		    s->model.nthread - failed, s->model.nthread, err, text,
		    sizeof(text)));
	return 1;
}

/* Say on fp what went wrong with ev (just applied), if anything, within the
   limits above; 1 if something did, else 0. */
static int
report_fault(struct stream *s, FILE *fp, const struct event *ev)
{
	int ws = (int)ev->wstatus, threads;
	char text[192];

	switch (ev->state) {
	case ST_HOLDING:
		/* Not a fault: the robust mutex did its work. */
		if (text_fault(ev, text, sizeof(text)))
			fprintf(fp, "ptviz: %s\n", text);
		return 0;
	case ST_KILLED:
		report_threads(s, fp, ev->proc);
		if (tell(s, FAULT_KILLED) && text_fault(ev, text, sizeof(text)))
			fprintf(fp, "ptviz: %s\n", text);
		return 1;
	case ST_FAILED:
		if (ev->wstatus == -1) {
			if (s->never_first == 0)
				s->never_first = ev->proc;
			s->never_last = ev->proc;
			return 1;
		}
		/* A child exits 1 because threads failed: that is the news. */
		threads = report_threads(s, fp, ev->proc);
		if (!threads && tell(s, FAULT_STATUS) && WIFEXITED(ws) &&
		    text_fault(ev, text, sizeof(text)))
			fprintf(fp, "ptviz: %s\n", text);
		return 1;
	case ST_EXITED:
		/* An exit 0 without "done" is a failure the model found. */
		if (model_proc(&s->model, ev->proc)->state == ST_PDONE)
			return report_threads(s, fp, ev->proc);
		report_threads(s, fp, ev->proc);
		if (tell(s, FAULT_EARLY))
			fprintf(fp, "ptviz: %s\n", text_exited_early(ev, text,
			    sizeof(text)));
		return 1;
	}
	return 0;
}

/* At the end of the run: the processes never forked, and the faults not
   told in full, one line each. */
static void
report_summary(struct stream *s, FILE *fp)
{
	char text[128];
	unsigned k;

	if (s->never_first != 0)
		fprintf(fp, "ptviz: %s\n", text_never_forked(s->never_first,
		    s->never_last, text, sizeof(text)));
	for (k = 0; k < FAULT_COUNT; k++)
		if (s->told[k] > FAULT_LINES)
			fprintf(fp, "ptviz: %s\n", text_fault_rest(
			    (enum fault_kind)k, s->told[k] - FAULT_LINES, text,
			    sizeof(text)));
}

static void
sink(void *ctx, const struct event *ev)
{
	struct stream *s = ctx;

	if (!model_apply(&s->model, ev))
		return;
	s->printer->event(s->out.fp, &s->model, ev);
	if (jsonl_put(&s->record, s->model.t0, ev))
		record_failed(s);
	if (s->keep && history_add(&s->hist, ev) == -1)
		err(1, "cannot keep the run for --trace");
	s->faults += report_fault(s, stderr, ev);
	tell_deadlocks(s);
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
	s->faults++;
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
	if (s->keep)
		trace_save(&trace, o->trace, &o->run, &s->hist);
	outfile_wait(fs, 2, sigfd);
	if (recorded)
		close_told(s, &s->record);
	if (s->keep)
		close_told(s, &trace);
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
			kill_deadlocked(s, src);
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

int
stream_main(const struct options *o, const struct printer *p,
    struct recording *rec)
{
	struct stream s = { .printer = p, .live = rec == NULL };
	struct source *src;
	enum stream_end end;
	const char *call;
	char refusal[256];
	int sigfd, sig = 0, error;
	char refused[320] = "";

	if (model_init(&s.model, o->run.nproc, o->run.nthread) == -1 ||
	    (s.broken = calloc(o->run.nproc, sizeof(*s.broken))) == NULL)
		err(1, "model");
	if ((sigfd = signals_open(false)) == -1)
		err(1, "signalfd");
	if (out_open(&s.out, STDOUT_FILENO) == -1)
		err(1, "stdout");
	if (o->record != NULL &&
	    outfile_open(&s.record, o->record, OUTFILE_TRUNC) == -1)
		err(2, "%s", o->record);
	history_init(&s.hist);
	s.keep = o->trace != NULL;
	if (jsonl_put_run(&s.record, &o->run))
		record_failed(&s);
	if (p->start != NULL)
		p->start(s.out.fp, o);
	src = rec != NULL ? source_recording(rec, sink, &s) :
	    source_live(&o->run, sink, &s, refusal, sizeof(refusal));
	if (src == NULL && rec != NULL)
		err(1, "cannot start the run");
	if (src == NULL)
		errx(1, "%s", refusal);
	if ((call = source_start_error(src, &error)) != NULL)
		fprintf(stderr, "ptviz: %s: %s\n", call, strerror(error));
	end = loop(&s, src, sigfd, &sig);
	/* A recording refused part way (a pipe, read once): what came
	   before it was printed; the rest is not, nor the trace. */
	if (source_error(src) != NULL) {
		snprintf(refused, sizeof(refused), "%s", source_error(src));
		s.keep = false;
	}
	if (end == END_RUN && refused[0] == '\0')
		report_summary(&s, stderr);
	/* Whatever ended it, no child outlives this. */
	source_free(src);
	files_end(&s, o, sigfd);
	/* A signal while the files were ending still ends ptviz. */
	if (end != END_SIGNAL && (sig = signals_read(sigfd)) != 0)
		end = END_SIGNAL;
	history_free(&s.hist);
	error = out_error(&s.out);
	out_close(&s.out);
	model_free(&s.model);
	free(s.broken);
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
	if (refused[0] != '\0') {
		fprintf(stderr, "ptviz: %s\n", refused);
		return 2;
	}
	return s.faults > 0 ? 1 : 0;
}

/* What a run of --runs prints of its events, and a conversion: nothing. */
static void
silent_event(FILE *fp, const struct model *m, const struct event *ev)
{
	(void)fp;
	(void)m;
	(void)ev;
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

/* The model, the deadlocks and the faults told of a run, made ready for
   the next one. */
static void
next_run(struct stream *s)
{
	model_reset(&s->model);
	memset(s->broken, 0, s->model.nproc * sizeof(*s->broken));
	s->deadlocks = 0;
	s->tfailed_told = 0;
}

int
stream_runs(const struct options *o, const struct runs_printer *p)
{
	struct stream s = { .printer = &silent_printer, .live = true };
	struct run_config cfg = o->run;
	enum stream_end end = END_RUN;
	struct source *src;
	struct stats st;
	uint64_t critical, shown = mono_ns();
	const char *call;
	char why[256];
	int sigfd, sig = 0, error;
	bool tty = isatty(STDERR_FILENO), known;
	unsigned k;

	if (model_init(&s.model, o->run.nproc, o->run.nthread) == -1 ||
	    (s.broken = calloc(o->run.nproc, sizeof(*s.broken))) == NULL ||
	    stats_init(&st, o->run.nproc) == -1)
		err(1, "model");
	if ((sigfd = signals_open(false)) == -1)
		err(1, "signalfd");
	if (out_open(&s.out, STDOUT_FILENO) == -1)
		err(1, "stdout");
	for (k = 1; k <= o->runs && end == END_RUN; k++) {
		if (k > 1)
			next_run(&s);
		cfg.seed = o->run.seed + (o->vary_seed ? k - 1 : 0);
		if ((src = source_live(&cfg, sink, &s, why,
		    sizeof(why))) == NULL)
			errx(1, "run %u: %s", k, why);
		if ((call = source_start_error(src, &error)) != NULL)
			fprintf(stderr, "ptviz: run %u: %s: %s\n", k, call,
			    strerror(error));
		end = loop(&s, src, sigfd, &sig);
		/* Whatever ended it, no child outlives this run. */
		source_free(src);
		if (end != END_RUN)
			break;
		known = stats_critical_ns(&cfg, &critical);
		if (stats_add(&st, &s.model, known ? critical : 0) == -1)
			err(1, "cannot count run %u", k);
		p->run(s.out.fp, o, &cfg, &st, k);
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
	report_summary(&s, stderr);
	error = out_error(&s.out);
	out_close(&s.out);
	stats_free(&st);
	model_free(&s.model);
	free(s.broken);
	close(sigfd);
	if (end == END_SIGNAL)
		signals_reraise(sig);
	if (end == END_OUTPUT) {
		if (error == EPIPE && !signals_ignored(SIGPIPE))
			signals_reraise(SIGPIPE);
		fprintf(stderr, "ptviz: stdout: %s\n", strerror(error));
		return 1;
	}
	return s.faults > 0 ? 1 : 0;
}
