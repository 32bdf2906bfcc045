/*
 * log.c: the log pane: the reference program's lines, up to the moment
 * shown.
 *
 * The lines are exactly those of --plain (DESIGN.md section 1), each with
 * its time since the start of the run, plus one line for each fault (a
 * process killed or failed, a thread that could not start) and each pause,
 * so a viewer sees why a row ended early or stood still.  They are read
 * from the history, backwards from the cursor, as many as the pane shows:
 * stepping back in time takes lines away, playing adds them.  Events of
 * different processes reach the main process a little out of order (one
 * ring is drained after another), so the lines gathered are put in the
 * order of their times, as the reference program would print them.  A
 * pane too narrow for a line shows it shorter but whole -- short names
 * ("P1 T2"), then fewer words and an ellipsis (theme_fit) -- never cut
 * inside a word.
 *
 * A traced program's lines are those of its --plain: each birth, exec
 * and end, with the name its task had then (base/names.h); among them,
 * in the order of their times, what the program wrote on its terminal
 * (base/output.h), set apart by a mark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/event.h"
#include "../../../src/text.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "log.h"

/* How far back a late line may belong: never more than a few frames'
   worth of events (see the comment above). */
#define REORDER_MAX	256
#define LOG_ROWS_MAX	512

/* One line: its event, its place in the history, and how it looks; or
   a line the program wrote (out, ev NULL). */
struct line {
	const struct event *ev;
	const struct output_line *out;
	uint64_t	 t_ns;
	size_t		 k;
	enum look	 look;
};

/* How a note of the log looks, by the state of its event. */
static const uint8_t note_look[ST_COUNT] = {
	[ST_ZOMBIE] = LOOK_ZOMBIE, [ST_MHELD] = LOOK_HELD,
	[ST_MSTOPPED] = LOOK_STOPPED, [ST_MCONTINUED] = LOOK_STOPPED,
};

/* How a traced program's line looks, by the state of its event. */
static const uint8_t traced_look[ST_COUNT] = {
	[ST_BORN] = LOOK_RUNNING, [ST_EXEC] = LOOK_KEY,
	[ST_KILLED] = LOOK_LOST, [ST_FAILED] = LOOK_FAILED,
};

/* The line of a traced program's event k, as its --plain prints it. */
static bool
traced_line(const struct tui *t, size_t k, const struct event *ev,
    char *buf, size_t len, enum look *look)
{
	char scratch[8];

	*look = traced_look[ev->state] != 0 ?
	    (enum look)traced_look[ev->state] : LOOK_COUNT;
	if (buf == NULL)
		return text_traced(ev, NULL, scratch, sizeof(scratch));
	return text_traced(ev, names_at(&t->names, k, ev->proc), buf, len);
}

/* The text and look of the line event k makes, if it makes one (buf
   NULL: only whether it does, and its look). */
static bool
line_of(const struct tui *t, size_t k, const struct event *ev, char *buf,
    size_t len, enum look *look)
{
	*look = LOOK_COUNT;		/* plain text */
	if (t->live.traced && ev->proc != 0)
		return traced_line(t, k, ev, buf, len, look);
	if (text_line(ev, buf, len)) {
		if (ev->state == ST_MDONE)
			*look = LOOK_TITLE;
		return true;
	}
	if (text_fault(ev, buf, len)) {
		*look = ev->state == ST_KILLED ? LOOK_LOST :
		    ev->state == ST_HOLDING ? LOOK_HOLDING : LOOK_FAILED;
		return true;
	}
	if (text_note(ev, buf, len)) {
		*look = (enum look)note_look[ev->state];
		return true;
	}
	/* A stepped run (live or recorded): every move the room let a
	   thread make. */
	if (t->live.gates > 0)
		return text_step(ev, (work_flags(t->opt.run.work) &
		    WORK_TWO_MUTEXES) != 0, buf, len);
	return false;
}

static int
by_time(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->t_ns != y->t_ns)
		return x->t_ns < y->t_ns ? -1 : 1;
	/* The same time: keep the history's order, a program's line after
	   the events that came with it. */
	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	if ((x->out != NULL) != (y->out != NULL))
		return x->out != NULL ? 1 : -1;
	return x->out != NULL ? (x->out < y->out ? -1 : x->out > y->out) :
	    x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* The program's lines written up to the moment shown, the newest `want`
   at most, into lines[n...]; the new n. */
static size_t
output_lines(const struct tui *t, struct line *lines, size_t n,
    size_t want)
{
	size_t upto = output_upto(&t->output, t->cursor), i;

	i = upto > want ? upto - want : 0;
	for (; i < upto; i++) {
		const struct output_line *o = output_at(&t->output, i);

		lines[n++] = (struct line){ .out = o, .t_ns = o->t_ns,
		    .k = o->k, .look = LOOK_COUNT };
	}
	return n;
}

void
log_draw(const struct tui *t)
{
	const struct theme *th = &t->theme;
	struct line lines[2 * (LOG_ROWS_MAX + REORDER_MAX)];
	WINDOW *w = t->lay.log;
	size_t k, n = 0, want, first;
	/* Held at its start, the run's clock has not started: 0. */
	uint64_t t0 = t->live.t0 != 0 ? t->live.t0 : UINT64_MAX;
	enum look look;
	char secs[32], text[160];
	int rows, r, room;

	if (w == NULL)
		return;
	werase(w);
	/* What a traced program wrote faster than it was kept is counted. */
	if (t->output.dropped > 0) {
		snprintf(text, sizeof(text), "log (%llu lines of the program's "
		    "output not kept)", (unsigned long long)t->output.dropped);
		theme_rule(w, th, text);
	} else {
		theme_rule(w, th, "log");
	}
	rows = getmaxy(w) - 1;
	if (rows > LOG_ROWS_MAX)
		rows = LOG_ROWS_MAX;
	want = (size_t)rows + REORDER_MAX;
	/* Newest first, then into time order. */
	for (k = t->cursor; k > 0 && n < want; k--) {
		const struct event *ev = history_at(&t->hist, k - 1);

		/* Only the lines shown are written out, below. */
		if (line_of(t, k - 1, ev, NULL, 0, &look))
			lines[n++] = (struct line){ .ev = ev, .t_ns = ev->t_ns,
			    .k = k - 1, .look = look };
	}
	n = output_lines(t, lines, n, want);
	qsort(lines, n, sizeof(lines[0]), by_time);
	first = n > (size_t)rows ? n - (size_t)rows : 0;
	for (r = 0; first + (size_t)r < n; r++) {
		const struct line *l = &lines[first + (size_t)r];
		const struct event *ev = l->ev;

		text_secs(l->t_ns >= t0 ? l->t_ns - t0 : 0, 3, false, secs,
		    sizeof(secs));
		wattrset(w, th->attr[LOOK_DIM]);
		mvwprintw(w, r + 1, 0, "%8s s  ", secs);
		if (l->out != NULL) {
			/* The program's own words, set apart. */
			theme_put(w, th->utf8 ? "\u2502 " : "| ");
			wattrset(w, A_NORMAL);
			theme_fit(w, th, l->out->text);
			continue;
		}
		line_of(t, l->k, ev, text, sizeof(text), &look);
		wattrset(w, look < LOOK_COUNT ? th->attr[look] : A_NORMAL);
		/* A line the pane is too narrow for says it shorter. */
		room = getmaxx(w) - getcurx(w);
		room -= theme_fit(w, th, text);
		/* R: where it finished the run before, if not here and if
		   it fits whole. */
		if (ev->state == ST_PDONE &&
		    state_place_was(t, ev->proc, text, sizeof(text)) &&
		    2 + theme_width(text) <= room) {
			wattrset(w, th->attr[LOOK_KEY]);
			theme_put(w, "  ");
			theme_put(w, text);
		}
	}
	wattrset(w, A_NORMAL);
}
