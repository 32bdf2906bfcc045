/*
 * recheck.c: a recording's run so far, and each event checked against it
 * (see recheck.h).
 *
 * The model says whether an event may come; when it refuses, the reason
 * is worked out here again from the model's state, as far as it shows,
 * so that a person reading "line 7: ..." knows what to look at.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "model_query.h"
#include "model_traced.h"
#include "recheck.h"
#include "text.h"
#include "work.h"

/* Pauses a recording may hold beyond a complete run's events. */
#define PAUSES_MAX	65536u

/* Say what is wrong in why; -1. */
static int __attribute__((format(printf, 3, 4)))
refuse(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return -1;
}

int
recheck_init(struct recheck *c, const struct run_config *cfg, uint64_t t0)
{
	*c = (struct recheck){ .cfg = *cfg, .t0 = t0 };
	spans_init(&c->spans, cfg->nproc, cfg->nthread, cfg->permits);
	if (model_init(&c->m, cfg->nproc, cfg->nthread) == -1)
		return -1;
	if (model_work(&c->m, cfg) == -1) {
		model_free(&c->m);
		return -1;
	}
	if ((c->last = calloc(1 + (size_t)cfg->nproc + (size_t)cfg->nproc *
	    cfg->nthread, sizeof(*c->last))) == NULL) {
		model_free(&c->m);
		return -1;
	}
	/* A zombie each at most, while the screen held reaping; a thread
	   reports what its workload's row says beyond the 3 of a sleeping
	   one (which model_expected_events counts), a CPU-bound one a wait
	   each time it was preempted. */
	c->max_events = model_expected_events(cfg->nproc, cfg->nthread) +
	    cfg->nproc + 2 * PAUSES_MAX;
	if (work_flags(cfg->work) & WORK_UNBOUNDED)
		c->max_events = UINT64_MAX;
	else
		c->max_events += (work_reports(cfg->work, cfg->iterations) -
		    3) * cfg->nproc * cfg->nthread;
	return 0;
}

int
recheck_init_traced(struct recheck *c, uint64_t t0)
{
	*c = (struct recheck){ .t0 = t0, .traced = true };
	return model_init_traced(&c->m);
}

void
recheck_free(struct recheck *c)
{
	model_free(&c->m);
	spans_free(&c->spans);
	free(c->last);
	c->last = NULL;
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
refused(const struct recheck *c, const struct event *ev, char *why,
    size_t whylen)
{
	const struct model_proc *p = ev->proc > 0 ?
	    model_proc(&c->m, ev->proc) : NULL;
	unsigned now;
	char name[48];

	if (ev->proc == 0)
		now = c->m.main_state;
	else if (ev->thread == 0)
		now = p->state;
	else
		now = model_thread(&c->m, ev->proc, ev->thread)->state;
	if (p != NULL && p->reaped)
		return refuse(why, whylen, "Process-%u has already ended",
		    ev->proc);
	if (p != NULL && ev->state == ST_FORKED && ev->pid <= 0)
		return refuse(why, whylen, "a forked process needs a pid "
		    "above 0");
	if (p != NULL && ev->state != ST_FORKED && p->state != ST_NEW &&
	    ev->pid != p->pid)
		return refuse(why, whylen, "pid %d is not the pid of "
		    "Process-%u (%d)", ev->pid, ev->proc, p->pid);
	if (ev->state == ST_HOLDING && OBJ_KIND(ev->what) == OBJ_MUTEX &&
	    p->holder[ev->object] != 0 && p->holder[ev->object] != ev->thread)
		return refuse(why, whylen, "%s cannot hold mutex %c: "
		    "Thread-%u holds it", who(ev, name, sizeof(name)),
		    'A' + ev->object, p->holder[ev->object]);
	if (ev->thread > 0 && p->state != ST_STARTING &&
	    p->state != ST_JOINING)
		return refuse(why, whylen, "%s cannot be %s while its process "
		    "is %s", who(ev, name, sizeof(name)),
		    state_name(ev->state), state_name(p->state));
	return refuse(why, whylen, "%s cannot be %s after %s",
	    who(ev, name, sizeof(name)), state_name(ev->state),
	    state_name(now));
}

/* The model of a traced program refused ev: say why, as far as the model
   shows.  Its processes and threads are told by number, as --plain tells
   them. */
static int
traced_refused(const struct recheck *c, const struct event *ev, char *why,
    size_t whylen)
{
	const struct model *m = &c->m;
	const struct model_proc *p;
	unsigned now;

	if (ev->proc == 0)
		return refuse(why, whylen, "the main process cannot be %s "
		    "after %s", state_name(ev->state),
		    state_name(m->main_state));
	if (m->main_state != ST_MRUNNING)
		return refuse(why, whylen, "process %u cannot be told of while "
		    "the main process is %s", ev->proc,
		    state_name(m->main_state));
	if (ev->state == ST_BORN && ev->proc != m->nproc + 1)
		return refuse(why, whylen, "process %u is born out of turn: "
		    "the next is process %u", ev->proc, m->nproc + 1);
	if (ev->state == ST_BORN && ev->object >= ev->proc)
		return refuse(why, whylen, "process %u cannot be born of "
		    "process %u, not born before it", ev->proc, ev->object);
	if (ev->state == ST_BORN)
		return refuse(why, whylen, "process %u's birth needs a pid "
		    "above 0 and no object", ev->proc);
	if (ev->proc > m->nproc && ev->thread == 0)
		return refuse(why, whylen, "process %u is not born",
		    ev->proc);
	if (ev->proc > m->nproc)
		return refuse(why, whylen, "thread %u of process %u: process "
		    "%u is not born", ev->thread, ev->proc, ev->proc);
	p = model_proc(m, ev->proc);
	if (p->reaped)
		return refuse(why, whylen, "process %u has already ended",
		    ev->proc);
	if (ev->pid != p->pid)
		return refuse(why, whylen, "pid %d is not the pid of process "
		    "%u (%d)", ev->pid, ev->proc, p->pid);
	if (ev->state == ST_TBORN && ev->thread != p->nthreads + 1)
		return refuse(why, whylen, "thread %u of process %u is born "
		    "out of turn: the next is thread %u", ev->thread, ev->proc,
		    p->nthreads + 1);
	if (ev->thread > p->nthreads)
		return refuse(why, whylen, "thread %u of process %u is not "
		    "born", ev->thread, ev->proc);
	if (ev->thread == 0 && ev->state != ST_EXEC)
		return refuse(why, whylen, "process %u cannot be %s so: "
		    "exited is status 0, failed another status, killed a "
		    "signal", ev->proc, state_name(ev->state));
	now = model_thread(m, ev->proc, ev->thread)->state;
	return refuse(why, whylen, "thread %u of process %u cannot be %s "
	    "after %s", ev->thread, ev->proc, state_name(ev->state),
	    state_name(now));
}

/* A traced program's event: in time order, and one its model takes. */
static int
traced_event(struct recheck *c, const struct event *ev, char *why,
    size_t whylen)
{
	char now[32], before[32];

	if (ev->t_ns < c->t_last)
		return refuse(why, whylen, "time goes backwards (%s s after "
		    "%s s)", text_secs((double)(ev->t_ns - c->t0), 9, false,
		    now, sizeof(now)), text_secs((double)(c->t_last - c->t0),
		    9, false, before, sizeof(before)));
	if (!model_apply(&c->m, ev))
		return traced_refused(c, ev, why, whylen);
	c->t_last = ev->t_ns;
	c->events++;
	return 0;
}

/* What ev (just applied, from line `line`) did to the holders of the
   run-wide objects; -1 with errno. */
static int
note_spans(struct recheck *c, const struct event *ev, unsigned line)
{
	unsigned j, kind = OBJ_KIND(ev->what);

	if (ev->thread > 0 && ev->state == ST_HOLDING &&
	    (kind == OBJ_GMUTEX || kind == OBJ_SEM))
		return spans_hold(&c->spans, kind == OBJ_GMUTEX ?
		    SPANS_GMUTEX : SPANS_SEM, ev->proc, ev->thread, ev->t_ns,
		    line);
	/* race-locked tells its unlock before it lets go, as done. */
	if (ev->thread > 0 && (ev->state == ST_DONE ||
	    ev->state == ST_TFAILED || (ev->state == ST_MOVE &&
	    ev->what == MOVE_UNLOCK)))
		spans_end(&c->spans, ev->proc, ev->thread, ev->t_ns, false);
	/* A reaping: its threads still holding were lost with it. */
	if (ev->proc > 0 && ev->thread == 0 && (ev->state == ST_EXITED ||
	    ev->state == ST_KILLED || ev->state == ST_FAILED))
		for (j = 1; j <= c->cfg.nthread; j++)
			spans_end(&c->spans, ev->proc, j, ev->t_ns, true);
	return 0;
}

int
recheck_event(struct recheck *c, const struct event *ev, unsigned line,
    char *why, size_t whylen)
{
	const struct run_config *cfg = &c->cfg;
	uint64_t *last;
	char whom[48], now[32], before[32];

	if (c->traced)
		return traced_event(c, ev, why, whylen);
	last = &c->last[ev->proc == 0 ? 0 : ev->thread == 0 ? ev->proc :
	    1 + cfg->nproc + (size_t)(ev->proc - 1) * cfg->nthread +
	    (ev->thread - 1)];
	if (ev->t_ns < *last)
		return refuse(why, whylen, "time goes backwards for %s (%s s "
		    "after %s s)", who(ev, whom, sizeof(whom)),
		    text_secs((double)(ev->t_ns - c->t0), 9, false, now,
		    sizeof(now)), text_secs((double)(*last - c->t0), 9,
		    false, before, sizeof(before)));
	if (c->events >= c->max_events)
		return refuse(why, whylen, "more events than a run of %u × %u "
		    "can have", cfg->nproc, cfg->nthread);
	if (!model_apply(&c->m, ev))
		return refused(c, ev, why, whylen);
	*last = ev->t_ns;
	if (note_spans(c, ev, line) == -1)
		return refuse(why, whylen, "%s", strerror(errno));
	/* A gate comes before a move, never two in a row (the model says
	   so): the moves are what is counted. */
	if (ev->state != ST_GATE)
		c->events++;
	return 0;
}

int
recheck_end(struct recheck *c, unsigned *line, char *why, size_t whylen)
{
	struct spans_clash k;
	struct event ea, eb;
	char a[48], b[48];
	int rc = spans_check(&c->spans, &k);

	if (rc == -1)
		return refuse(why, whylen, "%s", strerror(errno));
	if (rc == 0)
		return 0;
	*line = k.span->line;
	ea = (struct event){ .proc = k.span->proc, .thread = k.span->thread };
	eb = (struct event){ .proc = k.with->proc, .thread = k.with->thread };
	if (k.kind == SPANS_GMUTEX)
		return refuse(why, whylen, "%s holds the global mutex while %s "
		    "holds it (since line %u)", who(&ea, a, sizeof(a)),
		    who(&eb, b, sizeof(b)), k.with->line);
	return refuse(why, whylen, "%s holds a permit of the semaphore while "
	    "all %u are held: more holders than permits (%s holds one since "
	    "line %u)", who(&ea, a, sizeof(a)), k.most,
	    who(&eb, b, sizeof(b)), k.with->line);
}
