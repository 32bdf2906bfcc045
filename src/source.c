/*
 * source.c: the two sources (see source.h).
 *
 * A live run is a thin layer over spawn.c that keeps its protocol in one
 * place: the arm (run_may_sleep, then the descriptors), the control of the
 * children, the events a pause makes.  A traced program is a thin layer
 * over tracer.c: one descriptor to poll, a process to kill; on a
 * terminal of its own, a second one (ptyout.c), and the source has
 * finished once the tree has ended and its output has been read to the
 * end, so that no line it wrote is lost.  A
 * recording hands the events it
 * reads, `budget` at a time, asks for its descriptor to be polled while a
 * pipe has nothing new, and has nothing to control.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "limits.h"
#include "ptyout.h"
#include "recording.h"
#include "source.h"
#include "spawn.h"
#include "tracer.h"

struct source {
	struct run	*run;		/* live; NULL for a recording */
	struct tracer	*tr;		/* traced; NULL for the others */
	struct ptyout	*pty;		/* its terminal, or NULL */
	struct recording *rec;
	run_sink	*sink;
	void		*ctx;
};

struct source *
source_live(const struct run_config *cfg, run_sink *sink, void *ctx,
    char *why, size_t whylen)
{
	struct source *s;
	int saved;

	if (!limits_run_fits(cfg->nproc, cfg->nthread, why, whylen)) {
		errno = EAGAIN;
		return NULL;
	}
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->run = run_start(cfg, sink, ctx)) == NULL) {
		saved = errno;
		snprintf(why, whylen, "cannot start the run: %s",
		    strerror(saved));
		free(s);
		errno = saved;
		return NULL;
	}
	return s;
}

/* A traced program's event on its way to the front end's sink.  A task
   stopped at its end has written all it will: what waits on its terminal
   is read first, and timed no later than the end, so that its last words
   come before it, as they were written. */
static void
traced_sink(void *ctx, const struct event *ev)
{
	struct source *s = ctx;

	/* A process's end comes after its threads'. */
	if (s->pty != NULL && ev->state == ST_TENDED)
		ptyout_read(s->pty, ev->t_ns, false);
	s->sink(s->ctx, ev);
}

/* A source over what a tracer start (tracer_start() or tracer_poll())
   gives, the program's streams as out says; NULL with errno and why. */
static struct source *
traced(struct tracer *(*start)(char *const [], enum tracer_out, int,
    run_sink *, void *, char *, size_t), char *const argv[],
    enum tracer_out out, run_sink *sink, void *ctx, char *why,
    size_t whylen)
{
	struct source *s;
	int saved, tty = -1;

	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (out == TRACER_OUT_PTY && (s->pty = ptyout_open(&tty)) == NULL)) {
		saved = errno;
		snprintf(why, whylen, "cannot trace %s: %s%s", argv[0],
		    s == NULL ? "" : "no terminal for it: ", strerror(saved));
		free(s);
		errno = saved;
		return NULL;
	}
	s->sink = sink;
	s->ctx = ctx;
	s->tr = start(argv, out, tty, traced_sink, s, why, whylen);
	saved = errno;
	/* The program holds its terminal now: the output ends when the
	   last of its tree lets it go. */
	if (tty != -1)
		close(tty);
	if (s->tr == NULL) {
		ptyout_free(s->pty);
		free(s);
		errno = saved;
		return NULL;
	}
	return s;
}

struct source *
source_traced(char *const argv[], enum tracer_out out, run_sink *sink,
    void *ctx, char *why, size_t whylen)
{
	return traced(tracer_start, argv, out, sink, ctx, why, whylen);
}

struct source *
source_polled(char *const argv[], enum tracer_out out, run_sink *sink,
    void *ctx, char *why, size_t whylen)
{
	return traced(tracer_poll, argv, out, sink, ctx, why, whylen);
}

struct source *
source_attached(int pid, run_sink *sink, void *ctx, char *why,
    size_t whylen)
{
	struct source *s;
	int saved;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		snprintf(why, whylen, "cannot attach to %d: %s", pid,
		    strerror(errno));
		return NULL;
	}
	/* Its own events too (a pause) go to the sink. */
	s->sink = sink;
	s->ctx = ctx;
	if ((s->tr = tracer_attach(pid, sink, ctx, why, whylen)) == NULL) {
		saved = errno;
		free(s);
		errno = saved;
		return NULL;
	}
	return s;
}

struct source *
source_recording(struct recording *rec, run_sink *sink, void *ctx)
{
	struct source *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	*s = (struct source){ .rec = rec, .sink = sink, .ctx = ctx };
	return s;
}

/* What the program wrote on its terminal, then the tracer's events: a
   task stopped at its end has written all it will, so its last words
   are read before its end is told.  Once the tree has ended, the rest of
   the output. */
static size_t
traced_pump(struct source *s, size_t budget)
{
	size_t n = 0;

	if (s->pty != NULL)
		n += ptyout_read(s->pty, now_ns(), false);
	n += tracer_pump(s->tr, budget);
	if (s->pty != NULL && tracer_finished(s->tr))
		n += ptyout_read(s->pty, now_ns(), true);
	return n;
}

/* A traced program's descriptors: the tracer's while its tree lives,
   its terminal's while it is read; -1 while more waits. */
static int
traced_arm(struct source *s, struct pollfd *fds)
{
	bool ended = tracer_finished(s->tr);
	int n = 0;

	if (!ended && !tracer_may_sleep(s->tr))
		return -1;
	if (ended && s->pty != NULL && !ptyout_done(s->pty))
		return -1;
	if (!ended)
		fds[n++] = (struct pollfd){ .fd = tracer_fd(s->tr),
		    .events = POLLIN };
	if (s->pty != NULL && !ptyout_done(s->pty))
		fds[n++] = (struct pollfd){ .fd = ptyout_fd(s->pty),
		    .events = POLLIN };
	return n;
}

size_t
source_pump(struct source *s, size_t budget)
{
	if (s->run != NULL)
		return run_pump(s->run, budget);
	if (s->tr != NULL)
		return traced_pump(s, budget);
	return recording_pump(s->rec, s->sink, s->ctx, budget);
}

int
source_arm(struct source *s, struct pollfd *fds)
{
	if (s->tr != NULL)
		return traced_arm(s, fds);
	if (s->run == NULL)
		return recording_pollfd(s->rec, fds);
	if (run_finished(s->run))
		return 0;
	if (!run_may_sleep(s->run))
		return -1;
	run_pollfds(s->run, fds);
	return RUN_NFDS;
}

void
source_woke(struct source *s)
{
	if (s->run != NULL)
		run_woke(s->run);
	if (s->tr != NULL)
		tracer_woke(s->tr);
}

uint64_t
source_now(const struct source *s)
{
	return s->run != NULL || s->tr != NULL ? now_ns() :
	    recording_get(s->rec)->end_ns;
}

bool
source_finished(const struct source *s)
{
	const struct recording_info *ri;

	if (s->run != NULL)
		return run_finished(s->run);
	if (s->tr != NULL)
		return tracer_finished(s->tr) &&
		    (s->pty == NULL || ptyout_done(s->pty));
	ri = recording_get(s->rec);
	return ri->ended || ri->failed;
}

const char *
source_error(const struct source *s)
{
	return s->rec == NULL ? NULL : recording_get(s->rec)->error;
}

/* SIGKILL to a traced process: ptrace lets it through at once, and its
   end comes as any end does (a "killed" event). */
static int
traced_kill(struct source *s, unsigned proc)
{
	int pid = tracer_pid(s->tr, proc);

	if (pid <= 0) {
		errno = ESRCH;
		return -1;
	}
	return kill(pid, SIGKILL);
}

/* Pause or resume a traced program: SIGSTOP or SIGCONT to each of its
   processes alive (the tracer leaves a job-control stop as it is, so the
   stop holds), then the main "stopped" or "continued" event, as a live
   run's pause makes. */
static int
traced_pause(struct source *s, bool pause)
{
	struct event ev = { .state = pause ? ST_MSTOPPED : ST_MCONTINUED,
	    .pid = getpid(), .tid = getpid() };
	unsigned i, sent = 0;
	int pid;

	for (i = 1; i <= tracer_procs(s->tr); i++)
		if ((pid = tracer_pid(s->tr, i)) > 0 &&
		    kill(pid, pause ? SIGSTOP : SIGCONT) == 0)
			sent++;
	if (sent == 0) {
		errno = ESRCH;
		return -1;
	}
	ev.t_ns = now_ns();
	s->sink(s->ctx, &ev);
	return 0;
}

int
source_control(struct source *s, enum source_ctl ctl, unsigned proc)
{
	if (s->tr != NULL && ctl == SOURCE_KILL)
		return traced_kill(s, proc);
	if (s->tr != NULL && (ctl == SOURCE_PAUSE || ctl == SOURCE_RESUME))
		return traced_pause(s, ctl == SOURCE_PAUSE);
	if (s->run == NULL) {
		errno = ENOTSUP;
		return -1;
	}
	switch (ctl) {
	case SOURCE_PAUSE:
		return run_pause(s->run, true);
	case SOURCE_RESUME:
		return run_pause(s->run, false);
	case SOURCE_KILL:
		return run_signal(s->run, proc, SIGKILL);
	case SOURCE_HOLD:
		return run_signal(s->run, 0, SIGSTOP);
	case SOURCE_GO:
		run_go(s->run);
		return 0;
	case SOURCE_HOLD_REAP:
	case SOURCE_RELEASE_REAP:
		return run_hold_reaping(s->run, ctl == SOURCE_HOLD_REAP);
	}
	errno = EINVAL;
	return -1;
}

int
source_step_mode(struct source *s, unsigned mode)
{
	if (s->run == NULL) {
		errno = ENOTSUP;
		return -1;
	}
	return run_step_mode(s->run, mode);
}

bool
source_step_waiting(const struct source *s, unsigned proc, unsigned thread)
{
	return s->run != NULL && run_step_waiting(s->run, proc, thread);
}

bool
source_step(struct source *s, unsigned proc, unsigned thread)
{
	return s->run != NULL && run_step(s->run, proc, thread);
}

uint64_t
source_step_grants(const struct source *s)
{
	return s->run != NULL ? run_step_grants(s->run) : 0;
}

const char *
source_name(const struct source *s, unsigned proc, unsigned thread)
{
	if (s->tr != NULL)
		return tracer_name(s->tr, proc, thread);
	return s->rec != NULL ? recording_name(s->rec, proc, thread) : NULL;
}

int
source_pid(const struct source *s, unsigned proc)
{
	if (s->tr != NULL)
		return tracer_pid(s->tr, proc);
	if (s->rec != NULL)
		return recording_pid(s->rec, proc);
	return s->run != NULL ? run_pid(s->run, proc) : 0;
}

bool
source_output(struct source *s, char *line, size_t len, uint64_t *t_ns)
{
	return s->pty != NULL && ptyout_pop(s->pty, line, len, t_ns);
}

uint64_t
source_output_dropped(const struct source *s)
{
	return s->pty != NULL ? ptyout_dropped(s->pty) : 0;
}

long
source_input(struct source *s, const char *buf, size_t len)
{
	if (s->pty == NULL) {
		errno = ENOTSUP;
		return -1;
	}
	return ptyout_write(s->pty, buf, len);
}

int
source_resize(struct source *s, unsigned rows, unsigned cols)
{
	if (s->pty == NULL) {
		errno = ENOTSUP;
		return -1;
	}
	return ptyout_resize(s->pty, rows, cols);
}

bool
source_beat(const struct source *s, unsigned i, unsigned j, uint64_t *wall,
    uint64_t *cpu)
{
	return s->run != NULL && run_beat(s->run, i, j, wall, cpu);
}

const char *
source_start_error(const struct source *s, int *err)
{
	*err = s->run != NULL ? run_fork_errno(s->run) : 0;
	return *err != 0 ? run_fork_call(s->run) : NULL;
}

void
source_free(struct source *s)
{
	if (s == NULL)
		return;
	if (s->run != NULL)
		run_free(s->run);
	tracer_free(s->tr);
	ptyout_free(s->pty);
	free(s);
}
