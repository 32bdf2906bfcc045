/*
 * nav.c: the handlers of the screen's keys: the help, the view, big
 * cells, the kernel's letters, the files, moving in time, selecting, the
 * mouse, quitting and suspending.
 */
#include "../base/state.h"
#include "../features/files.h"
#include "../features/kernel.h"
#include "../features/travel.h"
#include "../views/grid.h"
#include "../views/timeline.h"
#include "act.h"
#include "nav.h"

/* K: the kernel's letters in the cells, or ptviz's glyphs again. */
unsigned
nav_kernel(struct tui *t, int arg)
{
	(void)arg;
	kernel_toggle(t);
	return REACT_NONE;
}

/* c: the code pane, on or off. */
unsigned
nav_code(struct tui *t, int arg)
{
	(void)arg;
	t->code = !t->code;
	return REACT_LAYOUT;
}

/* w: the run to a recording; e: to a Chrome trace. */
unsigned
nav_write(struct tui *t, int arg)
{
	(void)arg;
	files_write(t);
	return REACT_NONE;
}

unsigned
nav_export(struct tui *t, int arg)
{
	(void)arg;
	files_export(t);
	return REACT_NONE;
}

/* i: the moment shown as a picture. */
unsigned
nav_picture(struct tui *t, int arg)
{
	(void)arg;
	files_picture(t);
	return REACT_NONE;
}

/* b: big cells, for the back of a room. */
unsigned
nav_big(struct tui *t, int arg)
{
	(void)arg;
	t->big = !t->big;
	state_note(t, t->big ? "big cells: for the back of the room (b: "
	    "back)" : "cells as usual");
	return REACT_LAYOUT;
}

/* t, Tab: the next view of the body. */
unsigned
nav_view(struct tui *t, int arg)
{
	static const struct view_ops *const views[] = { &grid_view,
	    &timeline_view };
	size_t i, n = sizeof(views) / sizeof(views[0]);

	(void)arg;
	for (i = 0; i < n && views[i] != t->view; i++)
		;
	t->view = views[(i + 1) % n];
	return REACT_LAYOUT;
}

/* , .: one event back or forward. */
unsigned
nav_step(struct tui *t, int by)
{
	t->play.on = false;
	travel_to(t, by < 0 ? (t->cursor > 0 ? t->cursor - 1 : 0) :
	    t->cursor + 1);
	return REACT_NONE;
}

/* { }: the start or the end of the run. */
unsigned
nav_jump(struct tui *t, int to_end)
{
	t->play.on = false;
	travel_to(t, to_end ? t->hist.n : 0);
	return REACT_NONE;
}

/* L: back to live. */
unsigned
nav_live(struct tui *t, int arg)
{
	(void)arg;
	travel_live(t);
	return REACT_NONE;
}

/* p: play from the moment shown, or stop playing. */
unsigned
nav_play(struct tui *t, int arg)
{
	(void)arg;
	if (t->play.on)
		t->play.on = false;
	else
		travel_play(t);
	return REACT_NONE;
}

/* s f: one step of the playback speed, or say it is the last. */
unsigned
nav_speed(struct tui *t, int by)
{
	if (travel_speed(t, by))
		state_note(t, "playback x%g", t->play.speed_pct / 100.0);
	else
		state_note(t, "x%g is the %s", t->play.speed_pct / 100.0,
		    by < 0 ? "slowest" : "fastest");
	return REACT_NONE;
}

/* The arrows, h j l u: as the view moves (dir: enum move). */
unsigned
nav_move(struct tui *t, int dir)
{
	static const int dy[] = { [MOVE_UP] = -1, [MOVE_DOWN] = 1,
	    [MOVE_LEFT] = 0, [MOVE_RIGHT] = 0 };
	static const int dx[] = { [MOVE_UP] = 0, [MOVE_DOWN] = 0,
	    [MOVE_LEFT] = -1, [MOVE_RIGHT] = 1 };

	t->view->arrow(t, t->lay.body, dy[dir], dx[dir]);
	return REACT_NONE;
}

/* PgUp PgDn: a page of the view; Home End: the first or the last cell. */
unsigned
nav_page(struct tui *t, int by)
{
	t->view->page(t, t->lay.body, by);
	return REACT_NONE;
}

unsigned
nav_ends(struct tui *t, int by)
{
	state_select(t, by * (int)OPT_MAX_PROCS, by * (int)OPT_MAX_THREADS);
	return REACT_NONE;
}

/* A click selects what is under it; the wheel moves up and down. */
unsigned
nav_mouse(struct tui *t, int arg)
{
	struct selection sel = t->sel;
	MEVENT ev;

	(void)arg;
	if (getmouse(&ev) != OK)
		return REACT_NONE;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		if (t->view->hit(t, t->lay.body, ev.y, ev.x, &sel))
			t->sel = sel;
	} else if (ev.bstate & BUTTON4_PRESSED) {
		state_select(t, -1, 0);
#ifdef BUTTON5_PRESSED
	} else if (ev.bstate & BUTTON5_PRESSED) {
		state_select(t, 1, 0);
#endif
	}
	return REACT_NONE;
}

/* ?: the help, over the screen until a key. */
unsigned
nav_help(struct tui *t, int arg)
{
	(void)arg;
	t->help = true;
	t->help_page = 0;
	return REACT_NONE;
}

/* q, Ctrl-C: quit; Ctrl-Z: give the shell back. */
unsigned
nav_quit(struct tui *t, int arg)
{
	(void)t;
	(void)arg;
	return REACT_QUIT;
}

unsigned
nav_suspend(struct tui *t, int arg)
{
	(void)t;
	(void)arg;
	return REACT_SUSPEND;
}
