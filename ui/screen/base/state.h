/*
 * state.h: the state of the screen -- struct tui, passed to every part of
 * it -- and the few questions about it that every layer above asks: the
 * note in the header, the caption of the scene, how a rerun's order
 * compares with the run before.
 *
 * The flow is one way (README.md, "How the code is laid out"): the loop
 * (tui.c) pumps events into the model and the history, turns keys into
 * actions (keys.c, act.c) and carries them out through the features
 * (features/), then asks each view (views/) to draw into its own window;
 * only the loop calls doupdate().  Each part of struct tui is written by
 * the file its comment names; views take it const (but for the scroll
 * position, set before drawing by their *_scroll()).
 */
#ifndef PTVIZ_STATE_H
#define PTVIZ_STATE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../../src/history.h"
#include "../../../src/kstat.h"
#include "../../../src/model.h"
#include "../../../src/outfile.h"
#include "../../../src/stats.h"
#include "../../options.h"
#include "names.h"
#include "output.h"
#include "theme.h"

struct recording;
struct scene;
struct source;

/*
 * What the loop must do after a key, or after a feature acted: bits.  A
 * handler returns them (keys.c's table names the handler of each key);
 * the loop does them once every key waiting is read, so a burst of keys
 * costs one rerun and one frame.
 */
enum reaction {
	REACT_NONE	= 0,
	REACT_DRAW	= 1 << 0,	/* draw a frame */
	REACT_LAYOUT	= 1 << 1,	/* lay the panes out again: the body's
					   height changed */
	REACT_RERUN	= 1 << 2,	/* start a run of t->opt (or the
					   replay's) in place of the one
					   shown */
	REACT_SUSPEND	= 1 << 3,	/* Ctrl-Z: give the shell back */
	REACT_QUIT	= 1 << 4,
};

struct selection;
struct tui;

/*
 * A view of the body of the screen (the grid, the timeline), switched with
 * t: what the loop, the layout and the keys ask of whichever is shown, so
 * that no code asks which one it is (views/grid.c, views/timeline.c).  The
 * window it draws into, and so its size, is an argument (w NULL: none yet,
 * the screen too small).
 */
struct view_ops {
	const char	*name;
	bool		 cells;		/* a cell a thread: the kernel's
					   letters can show in it (K) */
	/* Lines the view would like, of `space` the body could have. */
	int		(*wants)(const struct tui *t, int space);
	/* Scroll so that the selection shows, before drawing.  (curses
	   takes the names scroll and move for macros.) */
	void		(*follow)(struct tui *t, WINDOW *w);
	/* Draw into w as last scrolled. */
	void		(*draw)(const struct tui *t, WINDOW *w);
	/* The thread at screen position y, x into sel; false if none. */
	bool		(*hit)(const struct tui *t, WINDOW *w, int y, int x,
			    struct selection *sel);
	/* The arrows: up / down (dy) or left / right (dx), by one. */
	void		(*arrow)(struct tui *t, WINDOW *w, int dy, int dx);
	/* PgUp / PgDn (by -1 / 1): a page of what the view shows. */
	void		(*page)(struct tui *t, WINDOW *w, int by);
	/* Enter: what the selected row does; the reaction. */
	unsigned	(*enter)(struct tui *t);
};

/* Lines the log and the details keep below the body when it is tall. */
#define BOTTOM_KEEP	8

/* The selected thread: one is always selected, shared by every view. */
struct selection {
	unsigned	 proc;		/* 1-based */
	unsigned	 thread;	/* 1-based */
};

/* Playback starts at x0.25: slow enough for a room to follow. */
#define PLAY_FIRST_PCT	25

/* Playing the history back from the cursor. */
struct play {
	bool		 on;
	unsigned	 speed_pct;	/* 100: as fast as it ran */
	uint64_t	 t_run;		/* the run's clock ... */
	uint64_t	 t_wall;	/* ... at this wall time */
};

/*
 * What the kernel says of the threads on screen (kernel.c): the grid's
 * visible cells while K is on, the selected thread while the details pane
 * shows.  Read from /proc in frames the loop draws anyway, at most
 * KERNEL_HZ times a second, and only while a live run is followed.
 */
struct kernel_cell {
	char		 letter[2];	/* "S", "-" gone, "." no thread yet;
					   "" not read */
	int		 fd;		/* its stat file kept open, or -1 */
};

struct kernel_view {
	bool		 letters;	/* K: the cells show the kernel's */
	struct kernel_cell *cell;	/* [rows * cols], the cells read */
	size_t		 cap;		/* cells cell[] holds */
	unsigned	 nfd;		/* stat files kept open */
	unsigned	 top, left;	/* the first process and thread read */
	unsigned	 rows, cols;	/* how many; 0 rows: none */
	unsigned	 run;		/* t->runs when they were read */
	uint8_t		 main_state;	/* the model's then: a pause reads
					   again at once */
	struct kstat	 sel;		/* the selected thread, all of it */
	struct selection sel_of;	/* whose (proc 0: none) */
	uint64_t	 next_ns;	/* wall time of the next reading */
	uint64_t	 settle_ns;	/* a frame wanted then (0: none) ... */
	unsigned	 settle;	/* ... at most this many more: a pause
					   takes the kernel a moment */
	uint64_t	 reads;		/* /proc files read so far */
};

/*
 * How much of a CPU each CPU-bound thread on screen gets (features/
 * share.c): for each of the grid's visible cells, whether its thread is
 * on a CPU at the moment shown, its share of a CPU over the second before
 * it, and how far it is through its planned CPU time.  Worked out before
 * each frame the grid draws; the walk's sums live beside them.
 */
struct share_cell {
	bool		 known;		/* CPU-bound at the moment shown */
	bool		 on;		/* on a CPU then */
	float		 share;		/* of a CPU over the second before */
	float		 progress;	/* through its planned CPU time, 0..1 */
	uint64_t	 off_ns;	/* the walk: off a CPU in the second */
	uint64_t	 open;		/* the walk: a wait begun then, not
					   seen to end (0: none) */
};

struct share_view {
	struct share_cell *cell;	/* [rows * cols] */
	size_t		 cap;		/* cells cell[] holds */
	unsigned	 top, left;	/* the first process and thread */
	unsigned	 rows, cols;	/* how many; 0 rows: none */
};

/* Where each part of the screen is; rebuilt on every resize. */
struct layout {
	bool		 too_small;
	WINDOW		*header, *body, *log, *details, *footer;
	WINDOW		*code;		/* the code pane (c), or NULL */
	WINDOW		*header_pad;	/* the header is drawn here first, as
					   tall as it may grow, to count its
					   rows; then copied to header */
	WINDOW		*input;		/* a pad, never drawn: wgetch() reads
					   here without refreshing anything */
};

/* Predict, then reveal: a run held at its start while the room guesses the
   order its processes will finish in. */
enum predict_state { PREDICT_OFF, PREDICT_GUESS, PREDICT_RUN };

struct predict {
	enum predict_state state;
	unsigned	*guess;		/* process numbers, in the order guessed */
	unsigned	 n;		/* guessed so far */
	bool		 plans;		/* v: the cells show the planned sleeps */
};

/* Step mode (features/step.c alone; whether it is on is one of the
   counts, opt.run.steps). */
struct stepping {
	struct selection last;		/* the thread moved last (proc 0:
					   none): a digit goes on after it */
	bool		 due;		/* a move granted, its report not yet
					   taken: drawn as soon as it comes */
};

/* Many runs on the screen (m): a batch of runs of one configuration. */
struct batch {
	bool		 on;		/* runs to go */
	bool		 table;		/* the table is up */
	unsigned	 want;		/* runs asked for */
	struct stats	 st;
};

/*
 * The state of the screen.  The views draw the model `shown` at the moment
 * `now` (on the run's clock): the live model while following the run, else
 * the model of the history's first `cursor` events.  The loop (tui.c), the
 * actions (act.c) and the features write it; every view takes it const.
 */
/* Memory a view keeps from frame to frame, grown only when what it shows
   grows, so that a frame allocates nothing (the loop owns it; a view
   reaches it through t->scratch, which a const struct tui leaves
   writable). */
#define SCRATCH_BUFS	4

struct scratch {
	void		*buf[SCRATCH_BUFS];
	size_t		 cap[SCRATCH_BUFS];
};

/* The run's files (features/files.c alone). */
struct files_state {
	struct outfile	 record;	/* --record: the first run */
	bool		 trace_due;	/* --trace: the first run, once it
					   ends or is left */
	bool		 first_open;	/* the first run's files are due */
};

/* A line being typed to a traced program's terminal (features/typing.c
   alone). */
struct typing {
	bool		 on;		/* the keys go to the line */
	char		 line[256];	/* what is typed, UTF-8 */
	size_t		 len;
};

/* What the body shows first (the views' follow(), before drawing). */
struct scroll {
	unsigned	 top_proc;	/* grid: first process row shown */
	unsigned	 left_thread;	/* grid: first thread column shown */
	unsigned	 tl_top;	/* timeline: first row shown, 0-based */
};

struct tui {
	/* The terminal and the signals (loop/). */
	FILE		*in;		/* the terminal, read without blocking */
	int		 in_fd;
	int		 sigfd;		/* the ending signals: they cut a
					   wait for a file's reader short */
	struct theme	 theme;
	struct layout	 lay;

	/* The run shown (loop/session.c; the keys change opt, scene and
	   replay before a rerun). */
	struct options	 opt;		/* the counts now (keys change them) */
	struct source	*src;		/* the run; NULL once it has ended */
	struct recording *replay;	/* the recording shown, or NULL:
					   a live run */
	uint64_t	 end_ns;	/* a replay's clock once it is read */
	bool		 play_due;	/* a replay plays from its start once
					   its first events are in */
	char		 refused[320];	/* a replay refused part way: the
					   line to leave with (exit 2) */
	unsigned	 runs;		/* runs started */
	unsigned	 scene;		/* the scene loaded last (its caption
					   shows while the run is still it) */
	struct model	 live;		/* every event, as it comes */
	struct model	 prev;		/* R: the run before, to compare; no
					   procs if none */
	bool		 compare;	/* the rerun asked for is R's */
	struct history	 hist;		/* every event of the run, in order */
	struct names	 names;		/* a traced program's: its tasks'
					   names, under their events */
	struct output	 output;	/* a traced program's: what it wrote
					   on its terminal (loop/session.c) */
	bool		 reap_held;	/* z: children that end stay zombies,
					   this run and the next */

	/* The moment shown (features/travel.c). */
	struct model	 at;		/* the model of the first at_k events */
	size_t		 at_k;
	const struct model *shown;	/* &live or &at */
	size_t		 cursor;	/* events shown */
	bool		 following;	/* live: the cursor is the newest */
	struct play	 play;
	uint64_t	 now;		/* the moment shown, CLOCK_MONOTONIC */
	uint64_t	 live_now;	/* the run's clock at this frame (the
					   loop's) */
	uint64_t	 wall;		/* CLOCK_MONOTONIC at this frame (the
					   loop's) */

	/* What the body shows and how (keys/nav.c, the views). */
	const struct view_ops *view;	/* the body's view */
	struct selection sel;
	struct scroll	 scroll;
	uint8_t		*fold;		/* timeline: [fold_cap], FOLD_* */
	unsigned	 fold_cap;	/* a traced program's processes it
					   has room for (session.c) */
	bool		 help;		/* the help overlay is up */
	struct typing	 typing;	/* i: a line to a traced program */
	unsigned	 help_page;	/* its page shown, 0 the first (keys.c) */
	bool		 big;		/* grid: big cells, for a room */
	bool		 code;		/* c: the code pane is on */
	struct scratch	*scratch;	/* the views' memory (the loop's) */
	char		 note[160];	/* a short message in the header
					   (state_note(); a key clears it) */

	/* The features', each written by its own file. */
	struct files_state files;	/* features/files.c */
	struct kernel_view kern;	/* features/kernel.c */
	struct share_view share;	/* features/share.c */
	struct batch	 batch;		/* features/many.c */
	struct predict	 predict;	/* keys/lesson.c */
	struct stepping	 step;		/* features/step.c */
};

enum { FOLD_AUTO, FOLD_FOLDED, FOLD_OPEN };

/* Put a short message in the header until the next key (drawn with the
   frame the key or the event that said it asks for). */
void		 state_note(struct tui *t, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* The caption of the scene on screen, or NULL: none was loaded, or the
   counts or workload have changed since (a new seed or sleep keeps it). */
const struct scene *state_caption(const struct tui *t);

/* What the caption must add when the scene runs with another longest
   sleep than its own: "Slowed: up to 10 s here, not 3 s."; false (and
   buf empty) if the sleep is the scene's, or no scene is on. */
bool		 state_slowed(const struct tui *t, char *buf, size_t len);

/* After R: process i finished in another place than in the run before,
   said in buf ("4th, was 2nd, 0.120 s later"); false if not. */
bool		 state_place_was(const struct tui *t, unsigned i, char *buf,
		    size_t len);

/* Process i's finishing place (the order of its "done") once it is
   done, in buf: "2nd" -- after R, if it moved, state_place_was()'s words
   and *moved true; false before it is done. */
bool		 state_place(const struct tui *t, unsigned i, char *buf,
		    size_t len, bool *moved);

/* After R: how many processes finished in other places than in the run
   before, once both have ended (0: the same order); -1 if there is
   nothing to compare. */
int		 state_moved(const struct tui *t);

/* The threads process i of m has rows for: every process the run's
   count; a traced program's, those born so far. */
static inline unsigned
state_threads(const struct model *m, unsigned i)
{
	if (!m->traced)
		return m->nthread;
	return i >= 1 && i <= m->nproc ? m->procs[i - 1].nthreads : 0;
}

/* The grid's columns for m: a thread each of the run's count; for a
   traced program, as many as its widest process has threads (its
   model's room may be wider). */
static inline unsigned
state_columns(const struct model *m)
{
	unsigned i, n = 1;

	if (!m->traced)
		return m->nthread;
	for (i = 1; i <= m->nproc; i++)
		if (m->procs[i - 1].nthreads > n)
			n = m->procs[i - 1].nthreads;
	return n;
}

/* Has m thread j of process i (j 0: the process itself)?  A traced
   program's past has fewer than now. */
static inline bool
state_has(const struct model *m, unsigned i, unsigned j)
{
	return i >= 1 && i <= m->nproc && j <= state_threads(m, i);
}

/* True if the selected thread is one of the model shown: a traced
   program's model grows, and its past has fewer processes than now. */
static inline bool
state_sel_shown(const struct tui *t)
{
	return t->sel.proc >= 1 && t->sel.proc <= t->shown->nproc &&
	    t->sel.thread >= 1 && t->sel.thread <= t->shown->nthread;
}

/* Move the selection by dp processes and dj threads, within the run. */
void		 state_select(struct tui *t, int dp, int dj);

/* Buffer k of s, at least n bytes, its bytes all zero; NULL if there is
   no memory for it. */
void		*scratch_zeroed(struct scratch *s, unsigned k, size_t n);

/* Free every buffer of s. */
void		 scratch_free(struct scratch *s);

/* True while the screen shows a moment of the past, or plays it back. */
static inline bool
state_travelling(const struct tui *t)
{
	return !t->following;
}

#endif
