/*
 * header.c: the header: what runs (counts, workload, sleep, seed), how far
 * it is and how it goes, the notes beside it, and below them the lines of
 * a scene's caption, a prediction or a batch of runs.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/duration.h"
#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/recording.h"
#include "../../../src/scene.h"
#include "../../../src/text.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "../features/kernel.h"
#include "../features/step.h"
#include "batch.h"
#include "header.h"

/* Predict: the two lines under the header -- the question or the guess
   beside the run's real order -- in l1 and l2; false when not
   predicting. */
static bool
predict_lines(const struct tui *t, char *l1, size_t n1, char *l2,
    size_t n2)
{
	const struct predict *pr = &t->predict;
	const struct model *m = t->shown;
	unsigned k, i, right = 0, known = 0;
	size_t used;

	if (pr->state == PREDICT_OFF)
		return false;
	if (pr->state == PREDICT_GUESS)
		snprintf(l1, n1, "in which order will they finish? Type "
		    "process numbers or Enter on a row; v: the plans; g: go");
	else
		snprintf(l1, n1, "the guess beside the run: a place is right "
		    "when the process finished there.");
	snprintf(l2, n2, "guess:");
	for (k = 0; k < m->nproc; k++) {
		used = strlen(l2);
		if (k < pr->n)
			snprintf(l2 + used, n2 - used, " %u", pr->guess[k]);
		else
			snprintf(l2 + used, n2 - used, " _");
	}
	if (pr->state == PREDICT_GUESS)
		return true;
	used = strlen(l2);
	snprintf(l2 + used, n2 - used, "   the run:");
	/* The real order: the processes by the order of their "done". */
	for (k = 1; k <= m->nproc; k++) {
		for (i = 1; i <= m->nproc; i++)
			if (model_proc(m, i)->done_rank == k)
				break;
		used = strlen(l2);
		if (i > m->nproc) {
			snprintf(l2 + used, n2 - used, " _");
			continue;
		}
		snprintf(l2 + used, n2 - used, " %u", i);
		known++;
		right += k <= pr->n && pr->guess[k - 1] == i;
	}
	used = strlen(l2);
	if (known > 0)
		snprintf(l2 + used, n2 - used, "   %u of %u place%s right%s",
		    right, known, known == 1 ? "" : "s",
		    model_finished(m) ? "" : " so far");
	return true;
}

/* The first deadlock of a process not yet reaped, in words, with how many
   processes are deadlocked, and what k does when it can (a live run);
   false if none is. */
static bool
deadlock_text(const struct model *m, bool can_kill, char *buf, size_t len)
{
	unsigned i, n = 0, first = 0;
	size_t used;

	if (m->deadlocks == 0)
		return false;
	for (i = 1; i <= m->nproc; i++) {
		if (model_proc(m, i)->cycle == 0 || model_proc(m, i)->reaped)
			continue;
		if (n++ == 0)
			first = i;
	}
	if (n == 0 || !text_deadlock(m, first, buf, len))
		return false;
	used = strlen(buf);
	if (n > 1)
		snprintf(buf + used, len - used, " (and %u more)", n - 1);
	used = strlen(buf);
	if (can_kill)
		snprintf(buf + used, len - used, ": k on it kills it");
	return true;
}

/* Below the notes, from row y: "TITLE ▸ l1", then l2 under l1, each
   wrapped at the column after the title; false if they did not all fit
   (what did is then wiped). */
static bool
header_pair(const struct tui *t, WINDOW *w, int y, const char *title,
    attr_t a1, const char *l1, attr_t a2, const char *l2)
{
	const struct theme *th = &t->theme;
	int indent = theme_width(title) + 3;
	bool fit;

	wmove(w, y, 0);
	wattrset(w, th->attr[LOOK_TITLE]);
	theme_put(w, title);
	theme_put(w, " ");
	theme_put(w, theme_sym(th, SYM_POINT));
	theme_put(w, " ");
	wattrset(w, a1);
	fit = theme_flow(w, l1, indent);
	wattrset(w, a2);
	fit = fit && wmove(w, getcury(w) + 1, indent) != ERR &&
	    theme_flow(w, l2, indent);
	wattrset(w, A_NORMAL);
	if (!fit) {
		wmove(w, y, 0);
		wclrtobot(w);
	}
	return fit;
}

/* A scene's caption, a prediction or a batch of runs, on the header's
   rows from y: what to watch, then what to ask -- whole or not at all.
   The rows it took. */
static int
caption_draw(const struct tui *t, WINDOW *w, int y)
{
	const struct scene *sc = state_caption(t);
	const struct theme *th = &t->theme;
	char line[64], l1[512], l2[256];
	bool fit;

	if (batch_lines(t, l1, sizeof(l1), l2, sizeof(l2)))
		fit = header_pair(t, w, y, "Many", A_NORMAL, l1,
		    th->attr[LOOK_KEY], l2);
	else if (predict_lines(t, l1, sizeof(l1), l2, sizeof(l2)))
		fit = header_pair(t, w, y, "Predict", A_NORMAL, l1,
		    th->attr[LOOK_KEY], l2);
	else if (sc != NULL) {
		snprintf(line, sizeof(line), "Scene %u", t->scene);
		/* Slowed or sped up, the caption says so after what to
		   watch. */
		if (!state_slowed(t, l2, sizeof(l2)))
			l2[0] = '\0';
		snprintf(l1, sizeof(l1), "%s%s%s", sc->watch,
		    l2[0] != '\0' ? " " : "", l2);
		fit = header_pair(t, w, y, line, A_NORMAL, l1,
		    th->attr[LOOK_TITLE], sc->ask);
	} else
		return 0;
	return fit ? getcury(w) + 1 - y : 0;
}

/* A replay being read, or cut short: how far, or where it stops. */
static bool
replay_status(const struct tui *t, char *buf, size_t len)
{
	const struct recording_info *ri;
	char w[RECORDING_WARNINGS][160];
	unsigned n;

	if (t->replay == NULL)
		return false;
	ri = recording_get(t->replay);
	if (!ri->ended && !ri->failed) {
		/* kB under a megabyte, tenths of MB under ten. */
		uint64_t most = ri->size != 0 ? ri->size : ri->bytes;
		double unit = most < 1000000 ? 1e3 : 1e6;
		int d = most >= 1000000 && most < 10000000 ? 1 : 0;
		const char *u = most < 1000000 ? "kB" : "MB";

		if (ri->size != 0)
			snprintf(buf, len, "reading %s: %.*f of %.*f %s",
			    ri->name, d, (double)ri->bytes / unit, d,
			    (double)ri->size / unit, u);
		else
			snprintf(buf, len, "reading %s: %.*f %s", ri->name, d,
			    (double)ri->bytes / unit, u);
		return true;
	}
	/* The last warning says where the run stops, if it was cut. */
	if ((n = recording_warnings(t->replay, w)) == 0)
		return false;
	snprintf(buf, len, "%s", w[n - 1]);
	return true;
}

/* After R, once the run has ended: how its order compares with the run
   before's, in buf; false if there is nothing to compare. */
static bool
compare_line(const struct tui *t, char *buf, size_t len)
{
	const struct model *m = t->shown;
	int moved;

	if ((moved = state_moved(t)) < 0)
		return false;
	/* A pause moves places too: what ends while every child is stopped
	   goes on at the resume, in any order. */
	if (moved > 0 && (t->prev.stops > 0 || m->stops > 0))
		snprintf(buf, len, "same seed as the run before, but %s "
		    "paused: %d of %u processes finished in other places",
		    m->stops == 0 ? "the run before was" :
		    t->prev.stops == 0 ? "this run was" : "both runs were",
		    moved, m->nproc);
	else if (moved > 0)
		snprintf(buf, len, "same seed as the run before, another "
		    "schedule: %d of %u processes finished in other places",
		    moved, m->nproc);
	else
		snprintf(buf, len, "same seed as the run before, the same "
		    "order: every process finished in its place");
	return true;
}

/* The header's third line, and as many more as it takes: what goes on
   beside the run (a deadlock, a replay still read, reaping held) and the
   note of the last key, each whole; the rows they took. */
static int
header_notes(const struct tui *t, WINDOW *w, int y)
{
	const struct model *m = t->shown;
	const struct theme *th = &t->theme;
	char line[512];

	/* A note has a line of its own: the status line leaves it little
	   room at 120 columns.  A deadlock still going comes first.  Two
	   spaces part the notes: a line breaks there first. */
	wmove(w, y, 0);
	if (deadlock_text(m, t->replay == NULL && t->src != NULL, line,
	    sizeof(line))) {
		wattrset(w, th->attr[LOOK_DEADLOCK]);
		theme_flow(w, line, 0);
		wattrset(w, A_NORMAL);
		theme_flow(w, "  ", 0);
	}
	/* The race's counter against what it should be, the queue's fill. */
	if (text_work_figure(m, line, sizeof(line))) {
		wattrset(w, th->attr[LOOK_TITLE]);
		theme_flow(w, line, 0);
		wattrset(w, A_NORMAL);
		theme_flow(w, "  ", 0);
	}
	/* R: the same plan again; the header says whether the schedule
	   was the same, so a room never waits for a change that came. */
	if (t->note[0] == '\0' && compare_line(t, line, sizeof(line))) {
		wattrset(w, th->attr[LOOK_KEY]);
		theme_flow(w, line, 0);
		theme_flow(w, "  ", 0);
	}
	if (replay_status(t, line, sizeof(line))) {
		wattrset(w, th->attr[LOOK_KEY]);
		theme_flow(w, line, 0);
		wattrset(w, A_NORMAL);
		theme_flow(w, "  ", 0);
	}
	/* S: the moves made, who may move, the keys that move them; the
	   gate's glyph marks the cells that wait. */
	if (step_status(t, line, sizeof(line))) {
		/* A line of its own, so that the glyph keeps with its words. */
		if (getcurx(w) > 0)
			wmove(w, getcury(w) + 1, 0);
		wattrset(w, th->attr[LOOK_HELD]);
		theme_put(w, theme_glyph(th, LOOK_HELD));
		wattrset(w, th->attr[LOOK_TITLE]);
		theme_flow(w, " ", 0);
		theme_flow(w, line, 0);
		wattrset(w, A_NORMAL);
		theme_flow(w, "  ", 0);
	}
	/* g: what the cells of the threads waiting at the gate mean (the
	   legend has no room for it at 120 columns). */
	if (m->main_state == ST_MHELD) {
		wattrset(w, th->attr[LOOK_HELD]);
		theme_put(w, theme_glyph(th, LOOK_HELD));
		wattrset(w, A_NORMAL);
		theme_flow(w, " a thread held at the gate  ", 0);
	}
	if (t->reap_held && t->replay == NULL) {
		wattrset(w, th->attr[LOOK_ZOMBIE]);
		theme_flow(w, "reaping held: ended children stay zombies "
		    "(z releases)", 0);
		wattrset(w, A_NORMAL);
		theme_flow(w, "  ", 0);
	}
	wattrset(w, th->attr[LOOK_KEY]);
	theme_flow(w, t->note, 0);
	wattrset(w, A_NORMAL);
	return getcury(w) + 1 - y;
}

/* A traced program's first line: its command line, as typed (an
   argument with a space in quotes). */
static void
command_line(const struct tui *t, char *line, size_t len)
{
	size_t n;
	char *const *a;

	n = (size_t)snprintf(line, len, "ptviz %s traced:",
	    theme_sym(&t->theme, SYM_DASH));
	for (a = t->opt.command; *a != NULL && n < len; a++)
		n += (size_t)snprintf(line + n, len - n, strchr(*a, ' ') !=
		    NULL ? " '%s'" : " %s", *a);
}

/* The header's first line: what runs -- or what replays -- and how. */
static void
title_draw(const struct tui *t, WINDOW *w)
{
	const struct theme *th = &t->theme;
	const struct run_config *c = &t->opt.run;
	const char *dash = theme_sym(th, SYM_DASH);
	char sleep[48] = "", secs[32], line[512], work[32], replay[320] = "";

	if (t->opt.command != NULL) {
		command_line(t, line, sizeof(line));
		goto out;
	}
	/* The race's and the queue's threads make moves, and sleep not. */
	text_secs(c->sleep_ns, 3, true, secs, sizeof(secs));
	if (!(work_flags(c->work) & WORK_ITERATIONS))
		snprintf(sleep, sizeof(sleep), " %s %s s", theme_sym(th,
		    SYM_LE), secs);
	if (work_flags(c->work) & WORK_PERMITS)
		snprintf(work, sizeof(work), "semaphore of %u", c->permits);
	else if (work_flags(c->work) & WORK_SLOTS)
		snprintf(work, sizeof(work), "queue of %u, %u each", c->slots,
		    c->iterations);
	else if (work_flags(c->work) & WORK_ITERATIONS)
		snprintf(work, sizeof(work), "%s, %u each", work_name(c->work),
		    c->iterations);
	else
		snprintf(work, sizeof(work), "%s", work_name(c->work));
	if (t->replay != NULL)
		snprintf(replay, sizeof(replay), "replay of %s %s ",
		    recording_get(t->replay)->name, dash);
	snprintf(line, sizeof(line), "ptviz %s %s%u process%s %s %u "
	    "thread%s %s %s%s %s seed %llu", dash, replay,
	    t->shown->nproc, t->shown->nproc == 1 ? "" : "es",
	    theme_sym(th, SYM_TIMES), t->shown->nthread,
	    t->shown->nthread == 1 ? "" : "s", dash, work, sleep, dash,
	    (unsigned long long)c->seed);
out:
	werase(w);
	wattrset(w, th->attr[LOOK_TITLE]);
	wmove(w, 0, 0);
	theme_flow(w, line, 0);
	wattrset(w, A_NORMAL);
}

/* The main process's state, in a word. */
static const char *
run_word(const struct model *m)
{
	if (m->main_state == ST_MDONE)
		return "finished";
	if (m->main_state == ST_MHELD)
		return "held at the gate";
	if (model_stopped(m))
		return "stopped";
	if (m->main_state == ST_MRUNNING || m->main_state == ST_MCONTINUED)
		return "running";
	return "starting";
}

/* A traced program's figures after `lead`: its processes and threads
   alive and ended (the help says what they count), and the run's word,
   the longest form the line holds, as figures_put(). */
static void
traced_figures(const struct tui *t, WINDOW *w, const char *lead, int keep)
{
	static const char *const forms[][2] = {
		{ " alive, ", " ended" }, { " alive/", " ended" },
		{ "/", "" },
	};
	const struct model *m = t->shown;
	const char *sep = theme_sym(&t->theme, SYM_SEP);
	char line[320];
	size_t k;

	for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		snprintf(line, sizeof(line), "%s%s%s%sprocesses %u%s%u%s  %s  "
		    "threads %u%s%u%s  %s  %s  ", lead, *lead != '\0' ? "  " :
		    "", *lead != '\0' ? sep : "", *lead != '\0' ? "  " : "",
		    m->procs_in[ST_BORN] + m->procs_in[ST_EXEC], forms[k][0],
		    m->procs_in[ST_EXITED] + m->procs_in[ST_FAILED] +
		    m->procs_in[ST_KILLED] + m->procs_in[ST_GONE], forms[k][1],
		    sep,
		    m->threads_in[ST_TBORN], forms[k][0],
		    m->threads_in[ST_TENDED], forms[k][1], sep, run_word(m));
		if (theme_width(line) <= getmaxx(w) - getcurx(w) - keep)
			break;
	}
	theme_flow(w, line, 0);
}

/* The figures after the elapsed time: threads done, the concurrency on
   average and the threads busy now (the help says what each means), and
   the run's word, after `lead` (the elapsed time, or ""); in the longest
   form the rest of the line holds, `keep` columns kept for what follows. */
static void
figures_put(const struct tui *t, WINDOW *w, const char *lead, int keep)
{
	static const struct {
		const char	*done, *avg, *now, *pad;
	} forms[] = {
		{ "threads done", " on average", "busy now", "  " },
		{ "threads done", " avg", "busy now", " " },
		{ "threads done", "", "now", " " },
		{ "done", "", "now", " " },
	};
	const struct model *m = t->shown;
	const struct theme *th = &t->theme;
	char line[320], sep[16];
	size_t k;

	for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		snprintf(sep, sizeof(sep), "%s%s%s", forms[k].pad,
		    theme_sym(th, SYM_SEP), forms[k].pad);
		snprintf(line, sizeof(line), "%s%s%s %u/%u%sconcurrency "
		    "%.2f%s%s%s%s %u%s%s  ", lead, *lead != '\0' ? sep : "",
		    forms[k].done, m->threads_done,
		    m->nproc * m->nthread, sep, model_concurrency(m, t->now),
		    theme_sym(th, SYM_TIMES), forms[k].avg, sep,
		    forms[k].now, model_busy_now(m), sep, run_word(m));
		if (theme_width(line) <= getmaxx(w) - getcurx(w) - keep)
			break;
	}
	theme_flow(w, line, 0);
}

/* The second line: how far the run is -- or, travelling in time, where
   in it and how the moment moves -- and its figures. */
static void
status_draw(const struct tui *t, WINDOW *w)
{
	const struct model *m = t->shown;
	const struct theme *th = &t->theme;
	const char *dot = theme_sym(th, SYM_SEP);
	const char *kern = kernel_letters(t) ?
	    "cells: the kernel's letters  " : "";
	char secs[32], total[32], line[512], lead[96] = "", play[64] = "";
	char held[32];
	uint64_t el = model_elapsed(m, t->now);

	wmove(w, getcury(w) + 1, 0);
	if (state_travelling(t)) {
		text_secs(el, 3, false, secs, sizeof(secs));
		text_secs(model_elapsed(&t->live, t->live_now), 3, false,
		    total, sizeof(total));
		snprintf(line, sizeof(line), "at %s s of %s s  %s  event "
		    "%zu/%zu  %s  ", secs, total, dot, t->cursor, t->hist.n,
		    dot);
		wattrset(w, th->attr[LOOK_KEY]);
		theme_flow(w, line, 0);
		wattrset(w, A_NORMAL);
	} else {
		text_secs(el, 1, false, secs, sizeof(secs));
		snprintf(lead, sizeof(lead), "elapsed %s s", secs);
	}
	/* Step mode: how much of it the room held the run at its gates
	   (the concurrency leaves it out). */
	if (!m->traced && m->gates > 0)
		snprintf(lead + strlen(lead), sizeof(lead) - strlen(lead),
		    "%sheld %s s", *lead != '\0' ? ", " : "",
		    text_secs((double)model_held_ns(m, t->now), 1, false,
		    held, sizeof(held)));
	if (state_travelling(t) && t->play.on)
		snprintf(play, sizeof(play), "%s playing %s%g  ",
		    theme_sym(th, SYM_PLAYING), theme_sym(th, SYM_TIMES),
		    t->play.speed_pct / 100.0);
	else if (state_travelling(t))
		snprintf(play, sizeof(play), "time stopped %s%g  ",
		    theme_sym(th, SYM_TIMES), t->play.speed_pct / 100.0);
	if (m->traced)
		traced_figures(t, w, lead, theme_width(kern) +
		    theme_width(play));
	else
		figures_put(t, w, lead, theme_width(kern) + theme_width(play));
	theme_flow(w, kern, 0);
	wattrset(w, th->attr[LOOK_KEY]);
	theme_flow(w, play, 0);
	wattrset(w, A_NORMAL);
}

int
header_draw(const struct tui *t, WINDOW *w)
{
	int y;

	title_draw(t, w);
	status_draw(t, w);
	y = getcury(w) + 1;
	y += header_notes(t, w, y);
	return y + caption_draw(t, w, y);
}
