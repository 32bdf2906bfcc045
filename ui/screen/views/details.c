/*
 * details.c: the details pane: everything known of the selected cell.
 *
 * The thread first (state, pid and tid, planned and actual sleep, the time
 * of each transition), then its process's own transitions, as far as the
 * pane has rows.  Times count from the start of the run, as in the log, so
 * the two can be read side by side.  A field not reached yet shows a dash.
 * A value wider than the pane goes on below its row, never cut.
 *
 * A traced program's thread has other rows: the names the kernel gave its
 * process and it, its parent, its birth and end, and what the kernel said
 * it does when last sampled -- with the other threads waiting on the same
 * futex word, the same lock as far as the kernel can tell.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/taskwords.h"
#include "../../../src/tasktypes.h"
#include "../../../src/text.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "../features/kernel.h"
#include "../features/share.h"
#include "details.h"

/* "+1.234 s" for an event time, or a dash if it has not happened; what
   a run held at its start did before the gate opened (its clock's 0)
   was "before the gate". */
static void
at(const struct tui *t, char *buf, size_t len, uint64_t when)
{
	char secs[32];

	if (when == 0) {
		snprintf(buf, len, "%s", theme_sym(&t->theme, SYM_NONE));
		return;
	}
	if (t->shown->t0 == 0 || when < t->shown->t0) {
		snprintf(buf, len, "before the gate");
		return;
	}
	text_secs(when - t->shown->t0, 3, false, secs, sizeof(secs));
	snprintf(buf, len, "+%s s", secs);
}

/* A duration "0.734 s", or a dash for none. */
static void
dur(const struct tui *t, char *buf, size_t len, uint64_t ns, bool known)
{
	char secs[32];

	if (!known) {
		snprintf(buf, len, "%s", theme_sym(&t->theme, SYM_NONE));
		return;
	}
	text_secs(ns, 3, false, secs, sizeof(secs));
	snprintf(buf, len, "%s s", secs);
}

/* Where a row's value begins. */
#define VALUE_X		11

/* One "label  value" row, if the pane has room for it: a value too long
   for it goes on, word by word, on the rows below. */
static void
row(WINDOW *w, const struct theme *th, int *y, const char *label,
    const char *value)
{
	if (*y >= getmaxy(w))
		return;
	wattrset(w, th->attr[LOOK_DIM]);
	mvwaddstr(w, *y, 1, label);
	wattrset(w, A_NORMAL);
	wmove(w, *y, VALUE_X);
	theme_flow(w, value, VALUE_X);
	*y = getcury(w) + 1;
}

/* A row of when something happened, "+0.734 s" after the start. */
static void
time_row(const struct tui *t, int *y, const char *label, uint64_t when)
{
	char buf[48];

	at(t, buf, sizeof(buf), when);
	row(t->lay.details, &t->theme, y, label, buf);
}

/* Who a thread waiting at the semaphore or the barrier waits for: who
   holds the permits and how many are free; who has not come yet. */
static void
crowd_rows(const struct tui *t, int *y, unsigned i,
    const struct model_thread *th)
{
	const struct model *m = t->shown;
	WINDOW *w = t->lay.details;
	int room = getmaxx(w) - 11;
	char buf[128];

	if (room < 8)
		room = 8;
	if ((size_t)room > sizeof(buf))
		room = sizeof(buf);
	if (th->what == OBJ_SEM) {
		row(w, &t->theme, y, "held by", text_sem_holders(m, buf,
		    (size_t)room));
		row(w, &t->theme, y, "free", text_sem_free(m,
		    t->opt.run.permits, buf, sizeof(buf)));
	} else if (th->what == OBJ_BARRIER) {
		row(w, &t->theme, y, "to come", text_barrier_to_come(m, i,
		    buf, (size_t)room));
	}
}

/* What thread th (j of process i) waits for and who holds it: "mutex A of
   Process-1, held by Thread-3 since +0.412 s". */
static void
wait_rows(const struct tui *t, int *y, unsigned i, unsigned j,
    const struct model_thread *th)
{
	const struct model *m = t->shown;
	WINDOW *w = t->lay.details;
	char obj[64], buf[128], when[32];
	unsigned hp, h;

	if (th->state != ST_WAITING)
		return;
	row(w, &t->theme, y, "for", text_object(m, i, j, obj, sizeof(obj)));
	crowd_rows(t, y, i, th);
	h = model_holder(m, i, th, &hp);
	if (h == 0)
		return;
	at(t, when, sizeof(when), model_thread(m, hp, h)->t_hold);
	if (hp == i)
		snprintf(buf, sizeof(buf), "Thread-%u since %s", h, when);
	else
		snprintf(buf, sizeof(buf), "Thread-%u of Process-%u since %s",
		    h, hp, when);
	row(w, &t->theme, y, "held by", buf);
}

/* What the kernel says of the selected thread (kernel.c). */
static void
kernel_rows(const struct tui *t, int *y)
{
	struct kernel_row rows[8];
	int n, i;

	/* As wide as theme_flow() lets a value be. */
	n = kernel_details(t, rows, 8, getmaxx(t->lay.details) - VALUE_X -
	    1);
	for (i = 0; i < n; i++)
		row(t->lay.details, &t->theme, y, rows[i].label,
		    rows[i].value);
}

/* The selected thread's state, in words: a CPU-bound one's as its cell
   shows it, on a CPU or waiting for one, and its share. */
static void
state_word(const struct tui *t, const struct model_thread *th, char *buf,
    size_t len)
{
	const struct share_cell *sc = share_cell(t, t->sel.proc, t->sel.thread);

	if (th->state == ST_DONE)
		snprintf(buf, len, "done, finished #%u", th->rank);
	else if (model_proc_stopped(t->shown, t->sel.proc) &&
	    th->t_running != 0 && th->t_done == 0)
		snprintf(buf, len, "%s (stopped)", state_name(th->state));
	else if (th->deadlocked && th->state == ST_WAITING)
		snprintf(buf, len, "waiting: deadlocked");
	else if (model_thread_held(t->shown, t->sel.proc, t->sel.thread))
		snprintf(buf, len, "held at the gate");
	else if (th->gated)
		snprintf(buf, len, "%s, at its gate: waits for a move",
		    state_name(th->state));
	else if (sc != NULL)
		snprintf(buf, len, "computing: %s a CPU now, %d%% of one in "
		    "the last second", sc->on ? "on" : "waiting for",
		    (int)(sc->share * 100 + 0.5f));
	else
		snprintf(buf, len, "%s", state_name(th->state));
}

/* How the selected thread's time went: planned and busy (sleeping,
   computing or holding; the phase going counts up to the moment shown),
   both of every phase; waited (at a barrier: for whom), the CPU it used,
   and when it ran, began and ended. */
static void
time_rows(const struct tui *t, int *y, const struct model_thread *th)
{
	WINDOW *w = t->lay.details;
	bool now_busy = state_busy(th->state) && !th->gated;
	/* The race's and the queue's threads make moves: no plan, no
	   sleep. */
	bool moves = (work_flags(t->opt.run.work) & WORK_ITERATIONS) != 0;
	uint64_t busy, waited;
	char buf[96], v[48], obj[32];

	/* Every phase's plan, as "slept" counts every phase. */
	dur(t, buf, sizeof(buf), th->plan_ns, th->t_sleeping != 0);
	if (!moves)
		row(w, &t->theme, y, "planned", buf);
	busy = th->busy_ns + (now_busy && t->now > th->t_state ?
	    t->now - th->t_state : 0);
	dur(t, v, sizeof(v), busy, th->t_sleeping != 0);
	snprintf(buf, sizeof(buf), "%s%s", v, th->t_sleeping != 0 &&
	    th->t_done == 0 ? " so far" : "");
	row(w, &t->theme, y, moves ? "moving" : th->state == ST_COMPUTING ||
	    th->what == OBJ_CPU ? "computed" : "slept", buf);
	waited = th->wait_ns + (th->state == ST_WAITING &&
	    t->now > th->t_state ? t->now - th->t_state : 0);
	if (waited > 0) {
		dur(t, v, sizeof(v), waited, true);
		text_barrier_waited(t->shown, t->sel.proc, t->sel.thread, obj,
		    sizeof(obj));
		snprintf(buf, sizeof(buf), "%s%s%s", v, obj[0] != '\0' ?
		    " " : "", obj);
		row(w, &t->theme, y, "waited", buf);
	}
	if (th->cpu_ns != 0) {
		dur(t, buf, sizeof(buf), th->cpu_ns, true);
		row(w, &t->theme, y, "cpu used", buf);
	}
	time_row(t, y, "running", th->t_running);
	time_row(t, y, "began", th->t_sleeping);
	time_row(t, y, th->state == ST_LOST ? "lost" :
	    th->state == ST_TFAILED ? "failed" : "done", th->t_done);
}

/* The selected thread's rows. */
static void
thread_rows(const struct tui *t, int *y)
{
	unsigned i = t->sel.proc, j = t->sel.thread;
	const struct model_thread *th = model_thread(t->shown, i, j);
	const struct model_proc *p = model_proc(t->shown, i);
	WINDOW *w = t->lay.details;
	char buf[64], v[48], obj[64];

	state_word(t, th, buf, sizeof(buf));
	row(w, &t->theme, y, "state", buf);
	wait_rows(t, y, i, j, th);
	if (th->holds != 0 && th->state != ST_DONE) {
		at(t, v, sizeof(v), th->t_hold);
		snprintf(buf, sizeof(buf), "%s since %s",
		    th->state == ST_HOLDING ? text_object(t->shown, i, j, obj,
		    sizeof(obj)) : (th->holds & HOLD_MUTEX(0)) ? "mutex A" :
		    "mutex B", v);
		row(w, &t->theme, y, "holds", buf);
	}
	kernel_rows(t, y);
	snprintf(buf, sizeof(buf), "%d", p->pid);
	row(w, &t->theme, y, "pid", p->pid > 0 ? buf : "-");
	snprintf(buf, sizeof(buf), "%d", th->tid);
	row(w, &t->theme, y, "tid", th->tid > 0 ? buf : "-");
	time_rows(t, y, th);
}

/* The rows of the selected thread's process. */
static void
proc_rows(const struct tui *t, int *y)
{
	const struct model_proc *p = model_proc(t->shown, t->sel.proc);
	WINDOW *w = t->lay.details;
	char buf[64];
	const char *word;

	palette_proc_look(t->shown, t->sel.proc, &word);
	snprintf(buf, sizeof(buf), "Process-%u: %s", t->sel.proc, word);
	(*y)++;
	if (*y < getmaxy(w)) {
		wattrset(w, t->theme.attr[LOOK_TITLE]);
		mvwaddstr(w, (*y)++, 1, buf);
	}
	time_row(t, y, "forked", p->t_forked);
	time_row(t, y, "starting", p->t_starting);
	time_row(t, y, "joining", p->t_joining);
	time_row(t, y, "done", p->t_done);
	if (p->t_zombie != 0)
		time_row(t, y, "zombie", p->t_zombie);
	at(t, buf, sizeof(buf), p->reaped ? p->t_end : 0);
	if (p->reaped && p->state == ST_KILLED && WIFSIGNALED(p->wstatus))
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		    " SIG%s", sigabbrev_np(WTERMSIG(p->wstatus)) ?
		    sigabbrev_np(WTERMSIG(p->wstatus)) : "?");
	row(w, &t->theme, y, "reaped", buf);
}

/* A traced process named at the moment shown, in buf: "python3, pid
   1234" ("sh, then sleep" once an exec renamed it). */
static void
traced_who(const struct tui *t, unsigned i, char *buf, size_t len)
{
	const char *first = names_of(&t->names, i, 0, t->cursor, true);
	const char *now = names_of(&t->names, i, 0, t->cursor, false);

	if (first == NULL)
		first = now = "?";
	if (strcmp(first, now) != 0 && i != 1)
		snprintf(buf, len, "%s, then %s (exec), pid %d", first, now,
		    model_proc(t->shown, i)->pid);
	else
		snprintf(buf, len, "%s, pid %d", now,
		    model_proc(t->shown, i)->pid);
}

/* The other threads of process i waiting on th's futex word, in buf
   ("thread 2, thread 5"); false if none. */
static bool
same_word(const struct tui *t, unsigned i, const struct model_thread *th,
    char *buf, size_t len)
{
	const struct model_proc *p = model_proc(t->shown, i);
	const struct model_thread *o;
	size_t n = 0;
	unsigned j;

	buf[0] = '\0';
	for (j = 1; j <= p->nthreads && n < len; j++) {
		o = model_thread(t->shown, i, j);
		if (o != th && o->state == ST_TBORN && o->t_kstate != 0 &&
		    o->kclass == TASKSTATE_LOCK && o->kaddr == th->kaddr)
			n += (size_t)snprintf(buf + n, len - n, "%sthread %u",
			    n > 0 ? ", " : "", j);
	}
	return n > 0;
}

/* What the kernel said traced thread th (of process i) does. */
static void
traced_kernel_rows(const struct tui *t, int *y, unsigned i,
    const struct model_thread *th)
{
	WINDOW *w = t->lay.details;
	char buf[160];

	if (th->state != ST_TBORN || th->t_kstate == 0) {
		row(w, &t->theme, y, "kernel", th->state == ST_TBORN ?
		    "not sampled yet" : theme_sym(&t->theme, SYM_NONE));
		return;
	}
	taskwords_kstate(th->kclass, th->kobject, th->kaddr, buf,
	    sizeof(buf));
	row(w, &t->theme, y, "kernel", buf);
	time_row(t, y, "since", th->t_kstate);
	if (th->kclass == TASKSTATE_LOCK && th->kaddr != 0 &&
	    same_word(t, i, th, buf, sizeof(buf)))
		row(w, &t->theme, y, "same word", buf);
}

/* The selected thread of a traced program, and its process. */
static void
traced_rows(const struct tui *t, int *y)
{
	unsigned i = t->sel.proc, j = t->sel.thread;
	const struct model_proc *p = model_proc(t->shown, i);
	const struct model_thread *th = model_thread(t->shown, i, j);
	/* A thread names itself once born: its last name known, read at
	   its end at the latest, says more than the one it was born with. */
	const char *name = names_of(&t->names, i, j, t->hist.n, false);
	WINDOW *w = t->lay.details;
	char buf[96];

	traced_who(t, i, buf, sizeof(buf));
	row(w, &t->theme, y, "process", buf);
	if (p->parent == 0)
		snprintf(buf, sizeof(buf), "ptviz");
	else
		traced_who(t, p->parent, buf, sizeof(buf));
	row(w, &t->theme, y, "parent", buf);
	if (j > p->nthreads) {
		row(w, &t->theme, y, "thread", "not born (yet)");
		return;
	}
	row(w, &t->theme, y, "thread", name != NULL ? name : "?");
	snprintf(buf, sizeof(buf), "%d", th->tid);
	row(w, &t->theme, y, "tid", buf);
	time_row(t, y, "born", th->t_running);
	time_row(t, y, "ended", th->t_done);
	traced_kernel_rows(t, y, i, th);
	if (p->reaped)
		row(w, &t->theme, y, "its end",
		    text_traced_end(p->wstatus, buf, sizeof(buf)));
}

void
details_draw(const struct tui *t)
{
	WINDOW *w = t->lay.details;
	char title[48];
	int y = 1;

	if (w == NULL)
		return;
	werase(w);
	if (t->shown->traced) {
		snprintf(title, sizeof(title), "process %u %s thread %u",
		    t->sel.proc, theme_sym(&t->theme, SYM_OF), t->sel.thread);
		theme_rule(w, &t->theme, title);
		if (state_sel_shown(t))
			traced_rows(t, &y);
		return;
	}
	snprintf(title, sizeof(title), "Process-%u %s Thread-%u",
	    t->sel.proc, theme_sym(&t->theme, SYM_OF), t->sel.thread);
	theme_rule(w, &t->theme, title);
	thread_rows(t, &y);
	proc_rows(t, &y);
}
