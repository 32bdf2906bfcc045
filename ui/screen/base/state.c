/*
 * state.c: the questions every layer of the screen asks of its state (see
 * state.h): the note, the caption, and a rerun against the run before.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/scene.h"
#include "../../../src/text.h"
#include "state.h"

void
state_note(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->note, sizeof(t->note), fmt, ap);
	va_end(ap);
}

const struct scene *
state_caption(const struct tui *t)
{
	if (t->replay != NULL || scene_of(&t->opt.run, t->scene) == 0)
		return NULL;
	return scene_get(t->scene);
}

bool
state_slowed(const struct tui *t, char *buf, size_t len)
{
	struct run_config s;
	char now[32], was[32];
	uint64_t ns = t->opt.run.sleep_ns;

	if (len > 0)
		buf[0] = '\0';
	if (state_caption(t) == NULL || !scene_config(t->scene, &s) ||
	    s.sleep_ns == ns)
		return false;
	snprintf(buf, len, "%s: up to %s s here, not %s s.", ns > s.sleep_ns ?
	    "Slowed" : "Sped up", text_secs(ns, 3, true, now, sizeof(now)),
	    text_secs(s.sleep_ns, 3, true, was, sizeof(was)));
	return true;
}

bool
state_place_was(const struct tui *t, unsigned i, char *buf, size_t len)
{
	const struct model_proc *a, *b;
	char now[16], was[16], secs[32];
	int64_t da, db;

	if (t->prev.procs == NULL || t->prev.nproc != t->shown->nproc ||
	    t->prev.nthread != t->shown->nthread)
		return false;
	a = model_proc(&t->prev, i);
	b = model_proc(t->shown, i);
	if (a->done_rank == 0 || b->done_rank == 0 ||
	    a->done_rank == b->done_rank)
		return false;
	da = (int64_t)(a->t_done - t->prev.t0);
	db = (int64_t)(b->t_done - t->shown->t0);
	snprintf(buf, len, "%s, was %s, %s s %s", text_ordinal(b->done_rank,
	    now, sizeof(now)), text_ordinal(a->done_rank, was, sizeof(was)),
	    text_secs(db > da ? db - da : da - db, 3, false, secs,
	    sizeof(secs)), db > da ? "later" : "sooner");
	return true;
}

bool
state_place(const struct tui *t, unsigned i, char *buf, size_t len,
    bool *moved)
{
	unsigned rank = model_proc(t->shown, i)->done_rank;

	*moved = false;
	if (rank == 0)
		return false;
	if (state_place_was(t, i, buf, len))
		*moved = true;
	else
		text_ordinal(rank, buf, len);
	return true;
}

int
state_moved(const struct tui *t)
{
	bool moved[RUN_MAX_PROCS];

	if (t->prev.procs == NULL || !model_finished(t->shown) ||
	    t->prev.nproc != t->shown->nproc ||
	    t->prev.nthread != t->shown->nthread)
		return -1;
	return (int)model_moved(&t->prev, t->shown, moved);
}

void
state_select(struct tui *t, int dp, int dj)
{
	long p = (long)t->sel.proc + dp, j = (long)t->sel.thread + dj;
	const struct model *m = &t->live;

	p = p > (long)m->nproc ? (long)m->nproc : p;
	/* A traced program before its first birth: none yet, still 1. */
	p = p < 1 ? 1 : p;
	/* A traced process: its own threads, not the widest one's. */
	j = j > (long)state_threads(m, (unsigned)p) ?
	    (long)state_threads(m, (unsigned)p) : j;
	j = j < 1 ? 1 : j;
	t->sel.proc = (unsigned)p;
	t->sel.thread = (unsigned)j;
}

void *
scratch_zeroed(struct scratch *s, unsigned k, size_t n)
{
	void *p;

	if (n > s->cap[k]) {
		if ((p = realloc(s->buf[k], n)) == NULL)
			return NULL;
		s->buf[k] = p;
		s->cap[k] = n;
	}
	memset(s->buf[k], 0, n);
	return s->buf[k];
}

void
scratch_free(struct scratch *s)
{
	unsigned k;

	for (k = 0; k < SCRATCH_BUFS; k++) {
		free(s->buf[k]);
		s->buf[k] = NULL;
		s->cap[k] = 0;
	}
}
