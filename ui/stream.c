/*
 * stream.c: the loop of the line front ends.
 *
 * It is the UI loop without a screen: pump the run's events through the
 * model to the printer, and when nothing is waiting, flush and sleep in
 * poll() on the doorbell, child exits and the ending signals.  Faults (a
 * process killed or failed, threads that could not start) are told on
 * stderr and make the exit status 1.
 *
 * A limit reached part way can fail a thousand processes at once, so faults
 * are told in a few lines, not one each: a process whose threads could not
 * all start is one line when it is reaped ("started 12 of 60 threads"),
 * each kind of fault is told in full for its first FAULT_LINES processes
 * only, and report_summary() counts the rest in one line per kind at the
 * end of the run, with the processes never forked as one range.
 */
#include <sys/signalfd.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/event.h"
#include "../src/model.h"
#include "../src/spawn.h"
#include "options.h"
#include "signals.h"
#include "stream.h"

#define FAULT_LINES	3	/* processes told in full, of each kind */

/* The kinds of fault, each told in full FAULT_LINES times, then counted. */
enum fault { FAULT_THREADS, FAULT_KILLED, FAULT_STATUS, FAULT_EARLY,
    FAULT_COUNT };

/* How report_summary() counts the rest of each kind: one, more than one. */
static const char *const fault_rest[FAULT_COUNT][2] = {
	[FAULT_THREADS]	= { "process could not start all its threads",
			    "processes could not start all their threads" },
	[FAULT_KILLED]	= { "process was killed", "processes were killed" },
	[FAULT_STATUS]	= { "process exited with a non-zero status",
			    "processes exited with a non-zero status" },
	[FAULT_EARLY]	= { "process exited before it was done",
			    "processes exited before they were done" },
};

struct stream {
	struct model	 model;
	const struct printer *printer;
	int		 faults;
	unsigned	 told[FAULT_COUNT];	/* processes with each fault */
	unsigned	 tfailed_told;	/* threads failed, of processes told */
	unsigned	 never_first;	/* the processes never forked: */
	unsigned	 never_last;	/* one range (fork_all stops at the
					   first failure); 0 if none */
};

/* Count a fault of kind k; true if it is to be told in full. */
static bool
tell(struct stream *s, enum fault k)
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
		fprintf(fp, "ptviz: Process-%u started %u of %u threads: %s\n",
		    i, s->model.nthread - failed, s->model.nthread,
		    strerror(err));
	return 1;
}

/* Say on fp what went wrong with ev (just applied), if anything, within the
   limits above; 1 if something did, else 0. */
static int
report_fault(struct stream *s, FILE *fp, const struct event *ev)
{
	int ws = (int)ev->wstatus, threads;

	switch (ev->state) {
	case ST_KILLED:
		report_threads(s, fp, ev->proc);
		if (tell(s, FAULT_KILLED))
			fprintf(fp, "ptviz: Process-%u (pid %d) was killed by "
			    "%s\n", ev->proc, ev->pid,
			    strsignal(WTERMSIG(ws)));
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
		if (!threads && tell(s, FAULT_STATUS) && WIFEXITED(ws))
			fprintf(fp, "ptviz: Process-%u (pid %d) exited with "
			    "status %d\n", ev->proc, ev->pid, WEXITSTATUS(ws));
		return 1;
	case ST_EXITED:
		/* An exit 0 without "done" is a failure the model found. */
		if (model_proc(&s->model, ev->proc)->state == ST_PDONE)
			return report_threads(s, fp, ev->proc);
		report_threads(s, fp, ev->proc);
		if (tell(s, FAULT_EARLY))
			fprintf(fp, "ptviz: Process-%u (pid %d) exited before "
			    "it was done\n", ev->proc, ev->pid);
		return 1;
	}
	return 0;
}

/* At the end of the run: the processes never forked, and the faults not
   told in full, one line each. */
static void
report_summary(struct stream *s, FILE *fp)
{
	unsigned k, rest;

	if (s->never_first != 0 && s->never_first == s->never_last)
		fprintf(fp, "ptviz: Process-%u was never forked\n",
		    s->never_first);
	else if (s->never_first != 0)
		fprintf(fp, "ptviz: Process-%u to Process-%u were never "
		    "forked\n", s->never_first, s->never_last);
	for (k = 0; k < FAULT_COUNT; k++) {
		if (s->told[k] <= FAULT_LINES)
			continue;
		rest = s->told[k] - FAULT_LINES;
		fprintf(fp, "ptviz: ... and %u more %s\n", rest,
		    fault_rest[k][rest == 1 ? 0 : 1]);
	}
}

static void
sink(void *ctx, const struct event *ev)
{
	struct stream *s = ctx;

	if (!model_apply(&s->model, ev))
		return;
	s->printer->event(stdout, &s->model, ev);
	s->faults += report_fault(s, stderr, ev);
}

int
stream_main(const struct options *o, const struct printer *p)
{
	struct stream s = { .printer = p };
	struct pollfd fds[RUN_NFDS + 1];
	struct run *run;
	int sigfd, sig = 0;

	if (model_init(&s.model, o->run.nproc, o->run.nthread) == -1)
		err(1, "model");
	if ((sigfd = signals_open()) == -1)
		err(1, "signalfd");
	p->start(stdout, o);
	if ((run = run_start(&o->run, sink, &s)) == NULL)
		err(1, "cannot start the run");
	if (run_fork_errno(run) != 0)
		fprintf(stderr, "ptviz: fork: %s\n",
		    strerror(run_fork_errno(run)));
	while (!run_finished(run)) {
		if (run_pump(run, 4096) > 0 || !run_may_sleep(run))
			continue;
		fflush(stdout);
		run_pollfds(run, fds);
		fds[RUN_NFDS] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
		if (poll(fds, RUN_NFDS + 1, -1) == -1 && errno != EINTR)
			err(1, "poll");
		run_woke(run);
		if ((sig = signals_read(sigfd)) != 0)
			break;
	}
	report_summary(&s, stderr);
	run_free(run);
	fflush(stdout);
	model_free(&s.model);
	close(sigfd);
	if (sig != 0)
		signals_reraise(sig);
	return s.faults > 0 ? 1 : 0;
}
