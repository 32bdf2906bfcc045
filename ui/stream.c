/*
 * stream.c: the loop of the line front ends.
 *
 * It is the UI loop without a screen: pump the run's events through the
 * model to the printer, and when nothing is waiting, sleep in poll() on the
 * doorbell, child exits, the ending signals and stdout.  What is printed
 * leaves through out.c as stdout can take it, so a stalled reader never
 * keeps a signal waiting, and a write error (a full disk, a reader that
 * went away) ends the run at once: children killed and reaped, one line on
 * stderr, exit status 1.  Faults (a
 * process killed or failed, a thread that could not start) are told on
 * stderr, one line each, and make the exit status 1.
 */
#include <sys/signalfd.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/event.h"
#include "../src/model.h"
#include "../src/spawn.h"
#include "options.h"
#include "out.h"
#include "signals.h"
#include "stream.h"

#define PUMP_BUDGET	4096
#define OUT_CHUNK	4096		/* waiting output worth a write */
#define OUT_HIGH	(256 * 1024)	/* take no events past this */

struct stream {
	struct model	 model;
	struct out	 out;		/* stdout */
	const struct printer *printer;
	int		 faults;
};

/* Say on fp what went wrong with ev, if anything; 1 if it did, else 0. */
static int
report_fault(FILE *fp, const struct event *ev)
{
	int ws = (int)ev->wstatus;

	switch (ev->state) {
	case ST_TFAILED:
		fprintf(fp, "ptviz: Process-%u could not start Thread-%u: %s\n",
		    ev->proc, ev->thread, strerror((int)ev->err));
		return 1;
	case ST_KILLED:
		fprintf(fp, "ptviz: Process-%u (pid %d) was killed by %s\n",
		    ev->proc, ev->pid, strsignal(WTERMSIG(ws)));
		return 1;
	case ST_FAILED:
		if (ev->wstatus == -1)
			fprintf(fp, "ptviz: Process-%u was never forked\n",
			    ev->proc);
		else if (WIFEXITED(ws))
			fprintf(fp, "ptviz: Process-%u (pid %d) exited with "
			    "status %d\n", ev->proc, ev->pid, WEXITSTATUS(ws));
		return 1;
	}
	return 0;
}

static void
sink(void *ctx, const struct event *ev)
{
	struct stream *s = ctx;

	if (!model_apply(&s->model, ev))
		return;
	s->printer->event(s->out.fp, &s->model, ev);
	/* An exit 0 without "done" is a failure the model found. */
	if (ev->state == ST_EXITED &&
	    model_proc(&s->model, ev->proc)->state != ST_PDONE) {
		fprintf(stderr, "ptviz: Process-%u (pid %d) exited before "
		    "it was done\n", ev->proc, ev->pid);
		s->faults++;
	}
	s->faults += report_fault(stderr, ev);
}

/* Why the loop ended. */
enum stream_end { END_RUN, END_SIGNAL, END_OUTPUT };

/* Pump the run to the printer, writing what it prints as stdout can take
   it, until the run and its output are done, a signal comes, or stdout
   fails. */
static enum stream_end
loop(struct stream *s, struct run *run, int sigfd, int *sig)
{
	struct pollfd fds[2 + RUN_NFDS];
	size_t pending;
	nfds_t nfds;
	bool busy, armed;

	for (;;) {
		if (out_error(&s->out) != 0)
			return END_OUTPUT;
		pending = out_pending(&s->out);
		if (run_finished(run) && pending == 0)
			return END_RUN;
		busy = armed = false;
		/* A reader that stalls: stop taking events, and the children
		   wait on their full rings; nothing is lost. */
		if (!run_finished(run) && pending < OUT_HIGH) {
			busy = run_pump(run, PUMP_BUDGET) > 0 ||
			    !run_may_sleep(run);
			armed = !busy;
		}
		if (busy && out_pending(&s->out) < OUT_CHUNK)
			continue;
		fds[0] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
		out_pollfd(&s->out, &fds[1]);
		nfds = 2;
		if (armed) {
			run_pollfds(run, &fds[2]);
			nfds += RUN_NFDS;
		}
		if (poll(fds, nfds, busy ? 0 : -1) == -1 && errno != EINTR)
			err(1, "poll");
		if (armed)
			run_woke(run);
		if ((*sig = signals_read(sigfd)) != 0)
			return END_SIGNAL;
		out_ready(&s->out, fds[1].revents);
	}
}

int
stream_main(const struct options *o, const struct printer *p)
{
	struct stream s = { .printer = p };
	struct run *run;
	enum stream_end end;
	int sigfd, sig = 0, error;

	if (model_init(&s.model, o->run.nproc, o->run.nthread) == -1)
		err(1, "model");
	if ((sigfd = signals_open(false)) == -1)
		err(1, "signalfd");
	if (out_open(&s.out, STDOUT_FILENO) == -1)
		err(1, "stdout");
	p->start(s.out.fp, o);
	if ((run = run_start(&o->run, sink, &s)) == NULL)
		err(1, "cannot start the run");
	if (run_fork_errno(run) != 0)
		fprintf(stderr, "ptviz: %s: %s\n", run_fork_call(run),
		    strerror(run_fork_errno(run)));
	end = loop(&s, run, sigfd, &sig);
	/* Whatever ended it, no child outlives this. */
	run_free(run);
	error = out_error(&s.out);
	out_close(&s.out);
	model_free(&s.model);
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
	return s.faults > 0 ? 1 : 0;
}
