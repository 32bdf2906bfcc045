/*
 * kernel.c: the kernel's view of the threads on screen, next to ptviz's.
 *
 * What a thread reported (running, sleeping) is what it said it would do;
 * /proc says what the scheduler sees: S while it sleeps in nanosleep, T
 * once a pause's SIGSTOP has landed, Z for a child that ended and is not
 * reaped yet.  K shows the kernel's letter in every visible cell; the
 * details pane shows the selected thread's letter, wait channel, time on
 * and waiting for a CPU, and context switches.
 *
 * The cost is kept to what is on screen (DESIGN.md section 9): the cells
 * the grid shows while K is on (a file each), the selected thread while
 * the details pane is there (four files), read in frames the loop draws
 * anyway, at most KERNEL_HZ times a second, and less often when reading
 * would take more than 1/BUDGET_DIV of a core (thousands of one-column
 * cells).  A cell's stat file is kept open (KEEP_FDS of them at most) and
 * read again with pread(): the lookup of its path was two thirds of the
 * cost of a read.  Nothing is read for a recording, a run that has ended,
 * a moment of the past, or when neither shows: then the view costs a few
 * tests a frame.  It never makes the loop
 * wake up more, but for one thing: after a pause or a resume the kernel
 * takes a moment to stop (or continue) the threads, and a paused screen
 * draws no frames; so until what is read agrees with the pause, a frame is
 * asked for every SETTLE_NS, SETTLE_MAX times at most.
 *
 * A process that has been reaped is not read again: its pid may already be
 * another process's.  Its cells are gone ("-"), as are the threads that
 * ended; a thread not started yet has no kernel task ("·").  When no cell
 * of a row has a live thread, the process itself is read: a zombie's row
 * shows Z in every cell.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../../src/event.h"
#include "../../../src/kstat.h"
#include "../../../src/text.h"
#include "../base/state.h"
#include "kernel.h"

#define PROC_ROOT	"/proc"
#define KERNEL_HZ	4
#define SETTLE_NS	(100 * 1000000ull)
#define SETTLE_MAX	10
#define KEEP_FDS	256	/* stat files kept open, at most */
#define BUDGET_DIV	200	/* reading takes 1/200 of a core at most */

/* Is a live run followed, so that the kernel has threads to show? */
static bool
live(const struct tui *t)
{
	return t->src != NULL && t->replay == NULL && !state_travelling(t) &&
	    !t->lay.too_small;
}

/* Do the grid's cells show the kernel's letters now? */
bool
kernel_letters(const struct tui *t)
{
	return t->kern.letters && live(t) && t->view->cells &&
	    t->lay.body != NULL;
}

/* Is the selected thread's kernel view on screen now? */
static bool
details_shown(const struct tui *t)
{
	return live(t) && t->lay.details != NULL;
}

/* The cell of thread j of process i in the cells read, or NULL. */
static struct kernel_cell *
cell(const struct kernel_view *k, unsigned i, unsigned j)
{
	if (k->cell == NULL || i < k->top || i >= k->top + k->rows ||
	    j < k->left || j >= k->left + k->cols)
		return NULL;
	return &k->cell[(size_t)(i - k->top) * k->cols + (j - k->left)];
}

/* Set a cell's letter to c. */
static void
set(struct kernel_cell *kc, char c)
{
	if (kc == NULL)
		return;
	kc->letter[0] = c;
	kc->letter[1] = '\0';
}

/* Close a cell's stat file, if it has one. */
static void
drop(struct kernel_view *k, struct kernel_cell *kc)
{
	if (kc == NULL)
		return;
	if (kc->fd >= 0) {
		close(kc->fd);
		k->nfd--;
	}
	kc->fd = -1;
}

/* Close every cell's file and forget what was read. */
static void
forget(struct kernel_view *k)
{
	size_t i;

	if (k->rows == 0 && k->nfd == 0)
		return;
	for (i = 0; i < k->cap; i++) {
		drop(k, &k->cell[i]);
		k->cell[i].letter[0] = '\0';
	}
	k->rows = 0;
}

/* Does letter c say a thread is stopped, or running or able to? */
static bool
stopped_letter(char c)
{
	return c == 'T' || c == 't';
}

static bool
alive_letter(char c)
{
	return c != '\0' && c != '-' && c != '.' && c != 'Z' && c != 'X';
}

/* The state letter of thread tid of pid for cell kc: "-" once gone (and
   then never read again), "?" if it cannot be read. */
static char
read_cell(struct kernel_view *k, struct kernel_cell *kc, pid_t pid,
    pid_t tid)
{
	struct kstat ks;
	int rc;

	if (kc->letter[0] == '-')
		return '-';
	if (kc->fd == -1 && k->nfd < KEEP_FDS) {
		if ((kc->fd = kstat_open(PROC_ROOT, pid, tid)) == -1) {
			k->reads++;
			return errno == ENOENT || errno == ESRCH ? '-' : '?';
		}
		k->nfd++;
	}
	rc = kc->fd >= 0 ? kstat_read_fd(kc->fd, &ks) :
	    kstat_read_some(PROC_ROOT, pid, tid, KSTAT_STATE, &ks);
	k->reads += ks.reads > 0 ? ks.reads : 1;
	if (rc == -1 || ks.gone)
		drop(k, kc);
	return rc == -1 ? '?' : ks.gone ? '-' : ks.state;
}

/* Read the state of one row's visible threads; true if the kernel agrees
   with the model about the pause. */
static bool
read_row(struct tui *t, unsigned i, bool paused)
{
	struct kernel_view *k = &t->kern;
	const struct model_proc *p = model_proc(&t->live, i);
	const struct model_thread *th;
	struct kernel_cell *kc;
	struct kstat ks;
	unsigned j, end = k->left + k->cols;
	bool agrees = true, any = false;
	char c;

	for (j = k->left; j < end && j <= t->live.nthread; j++) {
		th = model_thread(&t->live, i, j);
		kc = cell(k, i, j);
		if (p->pid <= 0 || th->tid <= 0)
			c = '.';
		else if (p->reaped)
			c = '-';
		else if (kc != NULL)
			c = read_cell(k, kc, p->pid, th->tid);
		else
			continue;
		if (c == '-' || c == '.')
			drop(k, kc);
		set(kc, c);
		if (alive_letter(c))
			any = true;
		if (alive_letter(c) && c != '?' && stopped_letter(c) != paused)
			agrees = false;
	}
	/* No thread left: a zombie shows in each cell. */
	if (!any && p->pid > 0 && !p->reaped) {
		if (kstat_read_some(PROC_ROOT, p->pid, 0, KSTAT_STATE,
		    &ks) == 0 && !ks.gone && (ks.state == 'Z' ||
		    ks.state == 'X'))
			for (j = k->left; j < end && j <= t->live.nthread; j++)
				set(cell(k, i, j), ks.state);
		k->reads += ks.reads > 0 ? ks.reads : 1;
	}
	return agrees;
}

/* Read every visible cell; true if the kernel agrees with the pause.  A
   new geometry starts again: its files are opened anew. */
static bool
read_cells(struct tui *t, unsigned rows, unsigned cols)
{
	struct kernel_view *k = &t->kern;
	size_t need = (size_t)rows * cols, i;
	bool paused = model_stopped(&t->live), agrees = true;
	struct kernel_cell *c;
	unsigned r;

	if (k->rows != rows || k->cols != cols ||
	    k->top != t->scroll.top_proc || k->left != t->scroll.left_thread)
		forget(k);
	if (need > k->cap) {
		if ((c = reallocarray(k->cell, need, sizeof(*c))) == NULL)
			return true;
		for (i = k->cap; i < need; i++)
			c[i] = (struct kernel_cell){ .fd = -1 };
		k->cell = c;
		k->cap = need;
	}
	k->top = t->scroll.top_proc;
	k->left = t->scroll.left_thread;
	k->rows = rows;
	k->cols = cols;
	for (r = 0; r < rows && k->top + r <= t->live.nproc; r++)
		if (!read_row(t, k->top + r, paused))
			agrees = false;
	return agrees;
}

/* Read the selected thread; true if the kernel agrees with the pause. */
static bool
read_selected(struct tui *t)
{
	struct kernel_view *k = &t->kern;
	const struct model_proc *p = model_proc(&t->live, t->sel.proc);
	const struct model_thread *th = model_thread(&t->live, t->sel.proc,
	    t->sel.thread);

	k->sel_of = t->sel;
	memset(&k->sel, 0, sizeof(k->sel));
	if (p->pid <= 0 || th->tid <= 0)
		return true;
	if (p->reaped) {
		k->sel.gone = true;
		return true;
	}
	if (kstat_read(PROC_ROOT, p->pid, th->tid, &k->sel) == -1)
		memset(&k->sel, 0, sizeof(k->sel));
	k->reads += k->sel.reads;
	return !alive_letter(k->sel.state) ||
	    stopped_letter(k->sel.state) == model_stopped(&t->live);
}

/* Read what is on screen from /proc, if it is due or changed. */
void
kernel_frame(struct tui *t, unsigned rows, unsigned cols)
{
	struct kernel_view *k = &t->kern;
	/* A traced thread's details tell the tracer's own sampling: its
	   files are not read twice. */
	bool cells = kernel_letters(t), due, agrees, changed;
	bool sel = details_shown(t) && !t->live.traced;
	uint64_t t0 = now_ns(), spent, gap;

	if (!cells)
		forget(k);
	if (!cells && !sel) {
		k->settle_ns = 0;
		return;
	}
	due = t->wall >= k->next_ns || (k->settle_ns != 0 &&
	    t->wall >= k->settle_ns);
	/* A new run or a pause: what was read no longer holds. */
	changed = k->run != t->runs || k->main_state != t->live.main_state;
	if (changed) {
		if (k->run != t->runs)
			forget(k);
		k->run = t->runs;
		k->main_state = t->live.main_state;
		k->settle = SETTLE_MAX;
	}
	agrees = true;
	if (cells) {
		if (due || changed || k->rows == 0 ||
		    k->top != t->scroll.top_proc ||
		    k->left != t->scroll.left_thread || k->rows != rows ||
		    k->cols != cols)
			agrees = read_cells(t, rows, cols);
	}
	if (sel && (due || changed || k->sel_of.proc != t->sel.proc ||
	    k->sel_of.thread != t->sel.thread)) {
		if (!read_selected(t))
			agrees = false;
	} else if (!sel) {
		k->sel_of.proc = 0;
	}
	/* KERNEL_HZ at most, and less when reading costs more than its
	   share of a core (a grid of thousands of one-column cells). */
	if (due || changed) {
		spent = now_ns() - t0;
		gap = 1000000000ull / KERNEL_HZ;
		k->next_ns = t->wall + (spent * BUDGET_DIV > gap ?
		    spent * BUDGET_DIV : gap);
	}
	/* Until the kernel has caught up with a pause: a frame soon. */
	if (!agrees && k->settle > 0) {
		k->settle--;
		k->settle_ns = t->wall + SETTLE_NS;
	} else if (agrees || k->settle == 0) {
		k->settle_ns = 0;
	}
}

/* How long until a frame is wanted for the kernel's sake alone. */
uint64_t
kernel_wait_ns(const struct tui *t, uint64_t wall)
{
	const struct kernel_view *k = &t->kern;

	if (k->settle_ns == 0 || (!kernel_letters(t) && !details_shown(t)))
		return UINT64_MAX;
	return k->settle_ns > wall ? k->settle_ns - wall : 0;
}

/* K: letters in the cells, or glyphs; the header says why not, if so. */
void
kernel_toggle(struct tui *t)
{
	struct kernel_view *k = &t->kern;

	k->letters = !k->letters;
	forget(k);
	if (!k->letters)
		state_note(t, "cells show ptviz's glyphs again");
	else if (t->replay != NULL)
		state_note(t, "kernel letters: a recording has no threads to "
		    "ask the kernel about");
	else if (t->src == NULL)
		state_note(t, "kernel letters: the run has ended (r or R runs "
		    "again)");
	else if (state_travelling(t))
		state_note(t, "kernel letters show while following the run "
		    "(L: live)");
	else if (!t->view->cells)
		state_note(t, "kernel letters show in the grid (t)");
	else
		state_note(t, "cells show the kernel's state letters (K: "
		    "back)");
}

/* The letter to draw in a cell instead of its glyph, or NULL. */
const char *
kernel_letter(const struct tui *t, unsigned i, unsigned j)
{
	const struct kernel_cell *kc;

	if (!kernel_letters(t) || (kc = cell(&t->kern, i, j)) == NULL ||
	    kc->letter[0] == '\0')
		return NULL;
	if (kc->letter[0] == '.')
		return theme_sym(&t->theme, SYM_NOT_YET);
	return kc->letter;
}

/* Add a row, its value cut to width or continued on a row with no label
   at the last space that fits. */
static void
add(struct kernel_row *rows, int *n, int max, int width, const char *label,
    const char *value)
{
	size_t len = strlen(value), cut;

	while (*n < max) {
		cut = len;
		if (width > 0 && len > (size_t)width) {
			for (cut = (size_t)width; cut > 0 && value[cut] != ' ';
			    cut--)
				;
			if (cut == 0)
				cut = (size_t)width;
		}
		if (cut >= sizeof(rows[0].value))
			cut = sizeof(rows[0].value) - 1;
		rows[*n].label = label;
		memcpy(rows[*n].value, value, cut);
		rows[*n].value[cut] = '\0';
		(*n)++;
		while (value[cut] == ' ')
			cut++;
		value += cut;
		len = strlen(value);
		if (len == 0)
			return;
		label = "";
	}
}

/* "0.012 s", or "43 µs" below a millisecond: a sleeping thread's whole
   time on a CPU is often that. */
static void
secs(const struct tui *t, char *buf, size_t len, uint64_t ns)
{
	char s[32];

	if (ns > 0 && ns < 1000000) {
		snprintf(buf, len, "%llu %ss", (unsigned long long)(ns / 1000),
		    theme_sym(&t->theme, SYM_MICRO));
		return;
	}
	text_secs(ns, 3, false, s, sizeof(s));
	snprintf(buf, len, "%s s", s);
}

/* The details pane's kernel rows. */
int
kernel_details(const struct tui *t, struct kernel_row *rows, int max,
    int width)
{
	const struct kernel_view *k = &t->kern;
	const struct kstat *ks = &k->sel;
	const char *dash = theme_sym(&t->theme, SYM_NONE);
	char buf[96];
	int n = 0;

	if (!details_shown(t) || k->sel_of.proc != t->sel.proc ||
	    k->sel_of.thread != t->sel.thread) {
		snprintf(buf, sizeof(buf), "%s (%s)", dash, t->replay != NULL ?
		    "a recording" : t->src == NULL ? "the run has ended" :
		    "live only");
		add(rows, &n, max, width, "kernel", buf);
		return n;
	}
	if (ks->gone) {
		add(rows, &n, max, width, "kernel", "gone");
		return n;
	}
	if (ks->state == '\0') {
		snprintf(buf, sizeof(buf), "%s (no thread yet)", dash);
		add(rows, &n, max, width, "kernel", buf);
		return n;
	}
	snprintf(buf, sizeof(buf), "%c  %s", ks->state,
	    kstat_meaning(ks->state));
	add(rows, &n, max, width, "kernel", buf);
	add(rows, &n, max, width, "wchan", !ks->have_wchan ? "?" :
	    ks->wchan[0] != '\0' ? ks->wchan : dash);
	secs(t, buf, sizeof(buf), ks->cpu_ns);
	add(rows, &n, max, width, "on cpu", buf);
	if (ks->have_sched)
		secs(t, buf, sizeof(buf), ks->wait_ns);
	add(rows, &n, max, width, "cpu wait", ks->have_sched ? buf : dash);
	if (!ks->have_ctx) {
		add(rows, &n, max, width, "switches", dash);
		return n;
	}
	/* Gave the CPU up (blocked, slept), or had it taken (preempted). */
	snprintf(buf, sizeof(buf), "%llu voluntary",
	    (unsigned long long)ks->vcs);
	add(rows, &n, max, width, "switches", buf);
	snprintf(buf, sizeof(buf), "%llu involuntary",
	    (unsigned long long)ks->nvcs);
	add(rows, &n, max, width, "", buf);
	return n;
}

/* Close the files kept open and free the cells. */
void
kernel_free(struct tui *t)
{
	forget(&t->kern);
	free(t->kern.cell);
	t->kern.cell = NULL;
	t->kern.cap = 0;
	t->kern.rows = 0;
}
