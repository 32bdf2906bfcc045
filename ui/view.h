/*
 * view.h: what the live screen's parts share: the state of the screen
 * (struct tui, owned by tui.c and passed to every view), the look of each
 * state (theme.c), and each view's draw entry.
 *
 * The flow is one way: tui.c pumps events into the model and the history,
 * turns keys into actions (keys.c) and carries them out, then asks each
 * view to draw into its own window; only tui.c calls doupdate().  Views
 * and keys.c read struct tui and never change it (but for the scroll
 * position, set before drawing by *_scroll()), and call nothing of tui.c.
 */
#ifndef PTVIZ_VIEW_H
#define PTVIZ_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../src/history.h"
#include "../src/outfile.h"
#include "../src/kstat.h"
#include "../src/model.h"
#include "../src/stats.h"
#include "options.h"

struct recording;
struct scene;
struct source;

/* How a thing looks: one entry of theme.c's table each. */
enum look {
	LOOK_NEW,		/* thread not started yet */
	LOOK_RUNNING,		/* thread or process alive and working */
	LOOK_SLEEPING,		/* thread sleeping: the growing fill */
	LOOK_DONE,		/* finished well */
	LOOK_LOST,		/* thread of a killed process; a killed process */
	LOOK_FAILED,		/* could not start, or exited badly */
	LOOK_STOPPED,		/* paused with SIGSTOP */
	LOOK_COMPUTING,		/* thread using a CPU: the growing fill */
	LOOK_WAITING,		/* thread waiting for a CPU, a lock, ... */
	LOOK_HOLDING,		/* thread holding a lock or a permit */
	LOOK_DEADLOCK,		/* thread waiting in a cycle: forever */
	LOOK_ZOMBIE,		/* process ended, not reaped (z holds) */
	LOOK_TITLE,		/* header and pane titles */
	LOOK_DIM,		/* rules, units, what matters less */
	LOOK_KEY,		/* a key's name in the footer and help */
	LOOK_COUNT
};

struct theme {
	bool		 utf8;		/* glyphs from the UTF-8 column */
	bool		 colour;	/* false: NO_COLOR or no colours */
	attr_t		 attr[LOOK_COUNT];	/* colour pair and attributes */
};

/* What a key asks for; the loop (tui.c) alone carries it out. */
enum action {
	ACT_NONE,
	ACT_QUIT, ACT_HELP, ACT_VIEW, ACT_SUSPEND,
	ACT_RERUN_NEW, ACT_RERUN, ACT_THREAD_MORE, ACT_THREAD_LESS,
	ACT_PROC_MORE, ACT_PROC_LESS, ACT_SLEEP_MORE, ACT_SLEEP_LESS,
	ACT_PAUSE, ACT_KILL,
	ACT_STEP_BACK, ACT_STEP_FWD, ACT_START, ACT_END, ACT_LIVE,
	ACT_PLAY, ACT_SLOWER, ACT_FASTER,
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_FIRST, ACT_LAST, ACT_FOLD, ACT_MOUSE, ACT_WRITE, ACT_EXPORT,
	ACT_WORK, ACT_KERNEL, ACT_BIG, ACT_PREDICT, ACT_UNGUESS, ACT_PLANS,
	ACT_HOLD_REAP, ACT_MANY,
	ACT_SCENE1, ACT_SCENE2, ACT_SCENE3, ACT_SCENE4, ACT_SCENE5,
	ACT_SCENE6, ACT_SCENE7, ACT_SCENE8, ACT_SCENE9, ACT_SCENE10,
};

/* The views of the body of the screen, switched with t. */
enum view_id { VIEW_GRID, VIEW_TIMELINE, VIEW_COUNT };

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

/* Where each part of the screen is; rebuilt on every resize. */
struct layout {
	bool		 too_small;
	WINDOW		*header, *body, *log, *details, *footer;
	WINDOW		*input;		/* a pad, never drawn: wgetch() reads
					   here without refreshing anything */
};

/*
 * The state of the screen.  The views draw the model `shown` at the moment
 * `now` (on the run's clock): the live model while following the run, else
 * the model of the history's first `cursor` events.  Only tui.c changes
 * this; every view and keys.c take it const.
 */
/* Predict, then reveal: a run held at its start while the room guesses the
   order its processes will finish in. */
enum predict_state { PREDICT_OFF, PREDICT_GUESS, PREDICT_RUN };

struct predict {
	enum predict_state state;
	unsigned	*guess;		/* process numbers, in the order guessed */
	unsigned	 n;		/* guessed so far */
	bool		 plans;		/* v: the cells show the planned sleeps */
};

/* Many runs on the screen (m): a batch of runs of one configuration. */
struct batch {
	bool		 on;		/* runs to go */
	bool		 table;		/* the table is up */
	unsigned	 want;		/* runs asked for */
	struct stats	 st;
};

struct tui {
	struct options	 opt;		/* the counts now (keys change them) */
	FILE		*in;		/* the terminal, read without blocking */
	int		 in_fd;
	int		 sigfd;		/* the ending signals: they cut a
					   wait for a file's reader short */
	struct source	*src;		/* the run; NULL once it has ended */
	struct recording *replay;	/* the recording shown, or NULL:
					   a live run */
	uint64_t	 end_ns;	/* a replay's clock once it is read */
	bool		 play_due;	/* a replay plays from its start once
					   its first events are in */
	char		 refused[320];	/* a replay refused part way: the
					   line to leave with (exit 2) */
	struct outfile	 record;	/* --record: the first run */
	bool		 trace_due;	/* --trace: the first run, once it
					   ends or is left */
	bool		 first_open;	/* the first run's files are due */
	unsigned	 runs;		/* runs started */
	unsigned	 scene;		/* the scene loaded last (its caption
					   shows while the run is still it) */
	struct model	 live;		/* every event, as it comes */
	struct model	 prev;		/* R: the run before, to compare; no
					   procs if none */
	bool		 compare;	/* the rerun asked for is R's */
	struct history	 hist;		/* every event of the run, in order */
	struct model	 at;		/* the model of the first at_k events */
	size_t		 at_k;
	const struct model *shown;	/* &live or &at */
	size_t		 cursor;	/* events shown */
	bool		 following;	/* live: the cursor is the newest */
	struct play	 play;
	uint64_t	 now;		/* the moment shown, CLOCK_MONOTONIC */
	uint64_t	 live_now;	/* the run's clock at this frame */
	uint64_t	 wall;		/* CLOCK_MONOTONIC at this frame */
	enum view_id	 view;
	struct theme	 theme;
	struct layout	 lay;
	struct kernel_view kern;
	struct selection sel;
	unsigned	 top_proc;	/* grid: first process row shown */
	unsigned	 left_thread;	/* grid: first thread column shown */
	unsigned	 tl_top;	/* timeline: first row shown, 0-based */
	uint8_t		*fold;		/* timeline: [nproc], FOLD_* */
	bool		 help;		/* the help overlay is up */
	bool		 big;		/* grid: big cells, for a room */
	struct predict	 predict;
	struct batch	 batch;
	bool		 reap_held;	/* z: children that end stay zombies,
					   this run and the next */
	bool		 restart;	/* a rerun asked for, done once the keys
					   waiting are read: the last counts win */
	bool		 relayout;	/* the body's height changed */
	bool		 suspend;	/* Ctrl-Z: give the shell back */
	bool		 quit;
	bool		 dirty;		/* the screen needs drawing */
	char		 note[160];	/* a short message in the header */
};

enum { FOLD_AUTO, FOLD_FOLDED, FOLD_OPEN };

/* The caption of the scene on screen, or NULL: none was loaded, or the
   counts, workload or sleep have changed since (tui.c). */
const struct scene *tui_caption(const struct tui *t);

/* Predict: the two lines under the header -- the question or the guess
   beside the run's real order -- in l1 and l2; false when not
   predicting (grid.c). */
bool		 tui_predict_lines(const struct tui *t, char *l1, size_t n1,
		    char *l2, size_t n2);

/* many.c */

/* m: start a batch of runs, or stop the one going and show its table. */
void		 many_toggle(struct tui *t);

/* A run ended: count it in the batch and ask for the next, or show the
   table after the last. */
void		 many_run_ended(struct tui *t);

/* The two lines under the header while a batch goes or its table is up;
   false if neither. */
bool		 many_lines(const struct tui *t, char *l1, size_t n1, char *l2,
		    size_t n2);

/* The table of the batch, over the screen, when it is up. */
void		 many_draw(const struct tui *t);

/* After R: process i finished in another place than in the run before,
   said in buf ("4th, was 2nd, 0.120 s later"); false if not (grid.c). */
bool		 tui_place_was(const struct tui *t, unsigned i, char *buf,
		    size_t len);

/* After R: how many processes finished in other places than in the run
   before, once both have ended (0: the same order); -1 if there is
   nothing to compare. */
int		 tui_moved(const struct tui *t);

/* True while the screen shows a moment of the past, or plays it back. */
static inline bool
tui_travelling(const struct tui *t)
{
	return !t->following;
}

/* theme.c */

/* Choose glyphs and colours for this terminal and locale. */
void		 theme_init(struct theme *th);

/* The glyph of a look: UTF-8 or ASCII, one column wide. */
const char	*theme_glyph(const struct theme *th, enum look l);

/* The look of thread j of process i, as the grid shows it. */
enum look	 theme_thread_look(const struct model *m, unsigned i,
		    unsigned j);

/* The look of process i and the word for its state. */
enum look	 theme_proc_look(const struct model *m, unsigned i,
		    const char **word);

/* Draw the legend of the cell glyphs on one line; returns its width. */
int		 theme_legend(WINDOW *w, const struct theme *th, int y, int x);

/* The timeline's marks. */
enum mark { MARK_BAR, MARK_SPAN, MARK_NOW, MARK_NOW_HEAD, MARK_COUNT };

/* A mark's glyph, one column wide. */
const char	*theme_mark(const struct theme *th, enum mark k);

/* A block of height frac (0..1, at least the lowest eighth). */
const char	*theme_level(const struct theme *th, double frac);

/* A fill of `cols` columns `frac` full (0..1) in block glyphs. */
void		 theme_fill(WINDOW *w, const struct theme *th, enum look l,
		    double frac,
		    int cols);

/* Add the one-column glyph s (UTF-8) n times at the cursor: decoded once,
   far cheaper than waddstr() for each. */
void		 theme_glyphs(WINDOW *w, const char *s, int n);

/* How many decimal digits n has: the width of "Process-N" and ranks. */
int		 theme_digits(unsigned n);

/* Seconds from ns with `decimals` places, trailing zeros dropped when
   trim is set: "1.25", "0.5", "3". */
void		 theme_secs(char *buf, size_t len, uint64_t ns, int decimals,
		    bool trim);

/* Add s at the cursor, cut at the window's right edge (never wrapped). */
void		 theme_put(WINDOW *w, const char *s);

/* Show the cells from x to x + n - 1 of row y reversed: the selection. */
void		 theme_reverse(WINDOW *w, int y, int x, int n);

/* A rule across row 0 of w with a title in it. */
void		 theme_rule(WINDOW *w, const struct theme *th,
		    const char *title);

/* act.c: carrying out the keys' actions */

/* Do what a key asked for (keys_action); the loop alone calls it. */
void		 act(struct tui *t, enum action a);

/* Put a short message in the header until the next key. */
void		 act_note(struct tui *t, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* files.c: the run on screen to files */

/* --record: start writing the first run (the file was made by main). */
void		 files_record_start(struct tui *t);

/* Each event the run's model took: to the recording, if one is going. */
void		 files_record_event(struct tui *t, const struct event *ev);

/* Each frame: send what was recorded to its file, and say in the header
   if that failed (once: the run goes on). */
void		 files_record_flush(struct tui *t);

/* The first run ended, or is being left (a rerun, quitting): the
   recording stops, and --trace is written, their readers given a second
   (a signal cuts it short); the header says how it went.  True if either
   failed (after quitting, the note is for standard error). */
bool		 files_first_run_done(struct tui *t);

/* w: the run on screen as a recording, e: as a Chrome trace, written to a
   new file in the current directory; the header says which. */
void		 files_write(struct tui *t);
void		 files_export(struct tui *t);

/* travel.c: the moment shown */

/* Follow the run again: the live model, the newest moment. */
void		 travel_live(struct tui *t);

/* Show the moment after the history's first k events; the end of a run
   that has ended is the live screen. */
void		 travel_to(struct tui *t, size_t k);

/* Show the moment `when` (CLOCK_MONOTONIC, the run's clock). */
void		 travel_to_time(struct tui *t, uint64_t when);

/* Move the moment shown by `cols` columns of the timeline's axis. */
void		 travel_cols(struct tui *t, int cols);

/* Play the history from the moment shown (the start, if that is now). */
void		 travel_play(struct tui *t);

/* One step faster (by > 0) or slower; false if there is none. */
bool		 travel_speed(struct tui *t, int by);

/* Each frame: the moment to show now, following or playing. */
void		 travel_advance(struct tui *t);

/* grid.c: the header and the process x thread grid */

/* Draw the two header lines. */
void		 grid_draw_header(const struct tui *t);

/* Scroll so that the selected cell shows (before drawing). */
void		 grid_scroll(struct tui *t);

/* Draw the grid as last scrolled. */
void		 grid_draw(const struct tui *t);

/* Process rows the grid shows at once: a page. */
unsigned	 grid_page(const struct tui *t);

/* The cell at screen position y, x into sel; false if there is none (a
   click on a name selects the row and keeps the thread). */
bool		 grid_hit(const struct tui *t, int y, int x,
		    struct selection *sel);

/* timeline.c: time left to right, a bar a thread */

/* Scroll so that the selected row shows (before drawing). */
void		 timeline_scroll(struct tui *t);

/* Draw the timeline as last scrolled. */
void		 timeline_draw(const struct tui *t);

/* Nanoseconds one column of the axis stands for (at least 1). */
uint64_t	 timeline_col_ns(const struct tui *t);

/* Is process i folded into one row now? */
bool		 timeline_folded(const struct tui *t, unsigned i);

/* The row at screen position y, x into sel; false if there is none. */
bool		 timeline_hit(const struct tui *t, int y, int x,
		    struct selection *sel);

/* Process rows and thread columns the grid shows now. */
void		 grid_shown(const struct tui *t, unsigned *rows,
		    unsigned *cols);

/* log.c: the log pane */

/* Draw the reference lines of the history up to the cursor. */
void		 log_draw(const struct tui *t);

/* details.c: the selected cell */

/* Draw what is known of the selected thread and its process. */
void		 details_draw(const struct tui *t);

/* kernel.c: the kernel's view of the threads on screen */

/* Before drawing a frame: read what is on screen from /proc if it is due
   (or changed); nothing when nothing shows it. */
void		 kernel_frame(struct tui *t);

/* ns until the kernel view wants a frame the loop would not draw anyway
   (after a pause, until the kernel agrees); UINT64_MAX for none. */
uint64_t	 kernel_wait_ns(const struct tui *t, uint64_t wall);

/* K: the cells show the kernel's letters, or ptviz's glyphs again. */
void		 kernel_toggle(struct tui *t);

/* True while the grid's cells show the kernel's letters. */
bool		 kernel_letters(const struct tui *t);

/* The kernel's letter for thread j of process i ("S", "-" gone, "·" not
   there yet), or NULL: draw ptviz's glyph. */
const char	*kernel_letter(const struct tui *t, unsigned i, unsigned j);

/* The details pane's kernel rows of the selected thread: a label and a
   value each, values cut to `width` columns or continued on a row with
   an empty label; how many (at most max). */
struct kernel_row {
	const char	*label;
	char		 value[48];
};
int		 kernel_details(const struct tui *t, struct kernel_row *rows,
		    int max, int width);

/* Close and free what the kernel view holds (before a rerun forks, so
   that its children inherit none of it). */
void		 kernel_free(struct tui *t);

/* keys.c: the key table, and the footer and help it generates */

/* The action a key asks for; ACT_NONE if none. */
enum action	 keys_action(int key);

/* Draw the footer: the keys that fit, those of time first while
   travelling in it. */
void		 keys_draw_footer(const struct tui *t);

/* Draw the help overlay over the rest. */
void		 keys_draw_help(const struct tui *t);

#endif
