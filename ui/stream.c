/*
 * stream.c: the loop of the line front ends.
 *
 * It is the UI loop without a screen: pump the run's events through the
 * model to the printer, and when nothing is waiting, flush and sleep in
 * poll() on the doorbell, child exits and the ending signals.  Faults (a
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
#include "signals.h"
#include "stream.h"

struct stream {
	struct model	 model;
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
	s->printer->event(stdout, &s->model, ev);
	/* An exit 0 without "done" is a failure the model found. */
	if (ev->state == ST_EXITED &&
	    model_proc(&s->model, ev->proc)->state != ST_PDONE) {
		fprintf(stderr, "ptviz: Process-%u (pid %d) exited before "
		    "it was done\n", ev->proc, ev->pid);
		s->faults++;
	}
	s->faults += report_fault(stderr, ev);
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
	run_free(run);
	fflush(stdout);
	model_free(&s.model);
	close(sigfd);
	if (sig != 0)
		signals_reraise(sig);
	return s.faults > 0 ? 1 : 0;
}
