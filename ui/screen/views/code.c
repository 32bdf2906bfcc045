/*
 * code.c: the code pane (c): the few lines a thread of the run's workload
 * runs (work.c's table), and at the moment shown -- live or travelled to
 * -- how many threads are on each line and, marked, the selected
 * thread's.  A thread not started or ended is on no line; the title
 * counts those that ended.  In step mode a thread at its gate waits to run
 * its next line: the selected thread's is marked with the gate, or the
 * title says its next move ends it.  A traced program has no code of ours
 * to show.
 */
#include <stdio.h>

#include "../../../src/model.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "code.h"

/* How many threads of m are on each line of workload w, in at[]; the
   threads ended. */
static unsigned
code_counts(const struct model *m, enum work w, unsigned at[WORK_CODE_MAX])
{
	unsigned i, j, ended = 0;
	int k;

	for (k = 0; k < (int)WORK_CODE_MAX; k++)
		at[k] = 0;
	for (i = 1; i <= m->nproc; i++)
		for (j = 1; j <= m->nthread; j++) {
			k = work_code_at(w, model_thread(m, i, j));
			if (k >= 0)
				at[k]++;
			else if (model_thread(m, i, j)->t_done != 0)
				ended++;
		}
	return ended;
}

/* The line the selected thread's next move runs, if it stands at its
   gate: -1 if it does not; -2 if its next move ends it. */
static int
code_next(const struct tui *t, enum work w)
{
	if (!state_sel_shown(t))
		return -1;
	return work_code_next(w, t->shown, t->sel.proc, t->sel.thread,
	    t->opt.run.iterations);
}

void
code_draw(const struct tui *t)
{
	WINDOW *win = t->lay.code;
	enum work w = t->opt.run.work;
	unsigned at[WORK_CODE_MAX], ended, k;
	int sel = -1, next, y;
	char title[96];

	if (win == NULL)
		return;
	werase(win);
	wattrset(win, t->theme.attr[LOOK_TITLE]);
	if (t->opt.command != NULL || t->shown->traced) {
		mvwaddnstr(win, 0, 1, "No code to show: a traced program",
		    getmaxx(win) - 1);
		wattrset(win, A_NORMAL);
		return;
	}
	ended = code_counts(t->shown, w, at);
	next = code_next(t, w);
	snprintf(title, sizeof(title), "Code: %s (%u ended)%s", work_name(w),
	    ended, next == -2 ? ": its next move ends it" : "");
	mvwaddnstr(win, 0, 1, title, getmaxx(win) - 1);
	wattrset(win, A_NORMAL);
	if (state_sel_shown(t))
		sel = work_code_at(w, model_thread(t->shown, t->sel.proc,
		    t->sel.thread));
	for (k = 0, y = 1; k < work_code_lines(w) && y < getmaxy(win);
	    k++, y++) {
		mvwaddstr(win, y, 1, (int)k == sel ?
		    theme_sym(&t->theme, SYM_HERE) : " ");
		if ((int)k == next) {
			wattrset(win, t->theme.attr[LOOK_HELD]);
			mvwaddstr(win, y, 2, theme_glyph(&t->theme,
			    LOOK_HELD));
			wattrset(win, A_NORMAL);
		}
		mvwprintw(win, y, 3, "%2u ", at[k]);
		waddnstr(win, work_code_text(w, k), getmaxx(win) - 7);
	}
}
