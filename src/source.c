/*
 * source.c: the live source: a run forked now (see source.h).
 *
 * A thin layer over spawn.c that keeps its protocol in one place: the arm
 * (run_may_sleep, then the descriptors), the control of the children, the
 * events a pause makes.  A recording will be a second kind of source with
 * the same calls; until then the functions go straight to the run.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>

#include "event.h"
#include "source.h"
#include "spawn.h"

struct source {
	struct run	*run;
};

struct source *
source_live(const struct run_config *cfg, run_sink *sink, void *ctx)
{
	struct source *s;
	int saved;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->run = run_start(cfg, sink, ctx)) == NULL) {
		saved = errno;
		free(s);
		errno = saved;
		return NULL;
	}
	return s;
}

size_t
source_pump(struct source *s, size_t budget)
{
	return run_pump(s->run, budget);
}

int
source_arm(struct source *s, struct pollfd *fds)
{
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
	run_woke(s->run);
}

uint64_t
source_now(const struct source *s)
{
	(void)s;
	return now_ns();
}

bool
source_finished(const struct source *s)
{
	return run_finished(s->run);
}

int
source_control(struct source *s, enum source_ctl ctl, unsigned proc)
{
	switch (ctl) {
	case SOURCE_PAUSE:
		return run_pause(s->run, true);
	case SOURCE_RESUME:
		return run_pause(s->run, false);
	case SOURCE_KILL:
		return run_signal(s->run, proc, SIGKILL);
	case SOURCE_HOLD:
		return run_signal(s->run, 0, SIGSTOP);
	}
	errno = EINVAL;
	return -1;
}

int
source_pid(const struct source *s, unsigned proc)
{
	return run_pid(s->run, proc);
}

const char *
source_start_error(const struct source *s, int *err)
{
	*err = run_fork_errno(s->run);
	return *err != 0 ? run_fork_call(s->run) : NULL;
}

void
source_free(struct source *s)
{
	if (s == NULL)
		return;
	run_free(s->run);
	free(s);
}
