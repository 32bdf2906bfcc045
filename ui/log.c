/*
 * log.c: the log pane: the reference program's lines as they happen.
 *
 * The lines are exactly those of --plain (DESIGN.md section 1), each with
 * its time since the start of the run, plus one line for each process that
 * was killed or failed, so a viewer sees why a row ended early.  Only the
 * newest lines can show, so the log is a ring that forgets the oldest: its
 * memory stays bounded however large the run.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../src/event.h"
#include "view.h"

int
log_init(struct log *lg, size_t cap)
{
	lg->line = calloc(cap, sizeof(*lg->line));
	lg->cap = lg->line == NULL ? 0 : cap;
	lg->n = 0;
	return lg->line == NULL ? -1 : 0;
}

void
log_clear(struct log *lg)
{
	lg->n = 0;
}

void
log_free(struct log *lg)
{
	free(lg->line);
	lg->line = NULL;
	lg->cap = lg->n = 0;
}

/* The next line to fill, forgetting the oldest when full. */
static struct log_line *
log_add(struct log *lg, const struct model *m, const struct event *ev,
    enum look l)
{
	struct log_line *ln = &lg->line[lg->n++ % lg->cap];

	ln->t_ns = ev->t_ns >= m->t0 ? ev->t_ns - m->t0 : 0;
	ln->look = (uint8_t)l;
	return ln;
}

void
log_event(struct log *lg, const struct model *m, const struct event *ev)
{
	struct log_line *ln;
	int ws = (int)ev->wstatus;

	if (lg->cap == 0)
		return;
	switch (ev->state) {
	case ST_DONE:
		ln = log_add(lg, m, ev, LOOK_COUNT);
		snprintf(ln->text, sizeof(ln->text),
		    ">thread Thread-%u in process Process-%u done.",
		    ev->thread, ev->proc);
		break;
	case ST_PDONE:
		ln = log_add(lg, m, ev, LOOK_COUNT);
		snprintf(ln->text, sizeof(ln->text),
		    "Process Process-%u done.", ev->proc);
		break;
	case ST_MDONE:
		ln = log_add(lg, m, ev, LOOK_TITLE);
		snprintf(ln->text, sizeof(ln->text), "Main process done.");
		break;
	case ST_KILLED:
		ln = log_add(lg, m, ev, LOOK_LOST);
		snprintf(ln->text, sizeof(ln->text),
		    "Process-%u was killed by SIG%s.", ev->proc,
		    sigabbrev_np(WTERMSIG(ws)) ? sigabbrev_np(WTERMSIG(ws)) :
		    "?");
		break;
	case ST_FAILED:
		ln = log_add(lg, m, ev, LOOK_FAILED);
		if (ev->wstatus == -1)
			snprintf(ln->text, sizeof(ln->text),
			    "Process-%u could not be forked.", ev->proc);
		else
			snprintf(ln->text, sizeof(ln->text),
			    "Process-%u failed (status %d).", ev->proc,
			    WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
		break;
	case ST_TFAILED:
		ln = log_add(lg, m, ev, LOOK_FAILED);
		snprintf(ln->text, sizeof(ln->text),
		    "Thread-%u of Process-%u could not start.", ev->thread,
		    ev->proc);
		break;
	}
}

void
log_draw(struct tui *t)
{
	const struct log *lg = &t->log;
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.log;
	int rows, r, i;
	size_t first, shown;
	char secs[32];

	if (w == NULL)
		return;
	werase(w);
	theme_rule(w, th, "log");
	rows = getmaxy(w) - 1;
	shown = lg->n < lg->cap ? lg->n : lg->cap;
	if (shown > (size_t)rows)
		shown = (size_t)rows;
	first = lg->n - shown;
	for (r = 0; r < (int)shown; r++) {
		const struct log_line *ln = &lg->line[(first + (size_t)r) %
		    lg->cap];

		theme_secs(secs, sizeof(secs), ln->t_ns, 3, false);
		wattrset(w, th->attr[LOOK_DIM]);
		mvwprintw(w, r + 1, 0, "%8s s  ", secs);
		i = ln->look;
		wattrset(w, i < LOOK_COUNT ? th->attr[i] : A_NORMAL);
		theme_put(w, ln->text);
	}
	wattrset(w, A_NORMAL);
}
