/*
 * log.c: the log pane: the reference program's lines as they happen.
 *
 * The lines are exactly those of --plain (DESIGN.md section 1), each with
 * its time since the start of the run, plus one line for each process that
 * was killed or failed, so a viewer sees why a row ended early.  Lines
 * are kept in the order of their times, as the reference program would
 * print them, not in the order the rings happened to be drained.  Only the
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

/* How far back a late line may move: events of different processes reach
   the main process a little out of order (one ring is drained after
   another), but never by more than a few frames' worth. */
#define REORDER_MAX	256

/* Add ln in time order among the newest lines, forgetting the oldest line
   when the log is full. */
static void
log_push(struct log *lg, const struct log_line *ln)
{
	size_t k = lg->n++, oldest = lg->n > lg->cap ? lg->n - lg->cap : 0;

	while (k > oldest && lg->n - k < REORDER_MAX &&
	    lg->line[(k - 1) % lg->cap].t_ns > ln->t_ns) {
		lg->line[k % lg->cap] = lg->line[(k - 1) % lg->cap];
		k--;
	}
	lg->line[k % lg->cap] = *ln;
}

void
log_event(struct log *lg, const struct model *m, const struct event *ev)
{
	struct log_line ln = {
		.t_ns = ev->t_ns >= m->t0 ? ev->t_ns - m->t0 : 0,
		.look = LOOK_COUNT,	/* plain text */
	};
	size_t len = sizeof(ln.text);
	int ws = (int)ev->wstatus;
	const char *sig;

	if (lg->cap == 0)
		return;
	switch (ev->state) {
	case ST_DONE:
		snprintf(ln.text, len, ">thread Thread-%u in process "
		    "Process-%u done.", ev->thread, ev->proc);
		break;
	case ST_PDONE:
		snprintf(ln.text, len, "Process Process-%u done.", ev->proc);
		break;
	case ST_MDONE:
		ln.look = LOOK_TITLE;
		snprintf(ln.text, len, "Main process done.");
		break;
	case ST_KILLED:
		ln.look = LOOK_LOST;
		sig = sigabbrev_np(WTERMSIG(ws));
		snprintf(ln.text, len, "Process-%u was killed by SIG%s.",
		    ev->proc, sig != NULL ? sig : "?");
		break;
	case ST_FAILED:
		ln.look = LOOK_FAILED;
		if (ev->wstatus == -1)
			snprintf(ln.text, len, "Process-%u could not be "
			    "forked.", ev->proc);
		else
			snprintf(ln.text, len, "Process-%u failed (status "
			    "%d).", ev->proc, WIFEXITED(ws) ?
			    WEXITSTATUS(ws) : -1);
		break;
	case ST_TFAILED:
		ln.look = LOOK_FAILED;
		snprintf(ln.text, len, "Thread-%u of Process-%u could not "
		    "start.", ev->thread, ev->proc);
		break;
	default:
		return;
	}
	log_push(lg, &ln);
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
