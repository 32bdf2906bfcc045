/*
 * view.h: what the live screen's parts share: the state of the screen
 * (struct tui, owned by tui.c and passed to every view), the look of each
 * state (theme.c), and each view's draw entry.
 *
 * The flow is one way: tui.c pumps events into the model and the log, then
 * asks each view to draw into its own window; only tui.c calls doupdate().
 * Views read the model and never change it; key handlers (keys.c) change
 * the selection and the run only through the functions declared here.
 */
#ifndef PTVIZ_VIEW_H
#define PTVIZ_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../src/model.h"
#include "options.h"

struct run;

/* How a thing looks: one entry of theme.c's table each. */
enum look {
	LOOK_NEW,		/* thread not started yet */
	LOOK_RUNNING,		/* thread or process alive and working */
	LOOK_SLEEPING,		/* thread sleeping: the growing fill */
	LOOK_DONE,		/* finished well */
	LOOK_LOST,		/* thread of a killed process; a killed process */
	LOOK_FAILED,		/* could not start, or exited badly */
	LOOK_STOPPED,		/* paused with SIGSTOP */
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

/* One line of the log pane. */
struct log_line {
	uint64_t	 t_ns;		/* since the run started */
	uint8_t		 look;
	char		 text[64];
};

/* The newest lines of the log, a ring that forgets the oldest. */
struct log {
	struct log_line	*line;		/* [cap] */
	size_t		 cap;
	size_t		 n;		/* lines ever added since the clear */
};

/* Where each part of the screen is; rebuilt on every resize. */
struct layout {
	bool		 too_small;
	WINDOW		*header, *grid, *log, *details, *footer;
	WINDOW		*input;		/* never drawn: wgetch() reads here */
};

struct tui {
	struct options	 opt;		/* the counts now (keys change them) */
	struct model	 model;
	struct run	*run;		/* NULL once the run has ended */
	uint64_t	 now;		/* CLOCK_MONOTONIC at this frame */
	struct theme	 theme;
	struct layout	 lay;
	struct log	 log;
	unsigned	 sel_proc;	/* selected cell, 1-based */
	unsigned	 sel_thread;
	unsigned	 top_proc;	/* first process row shown, 1-based */
	unsigned	 left_thread;	/* first thread column shown, 1-based */
	bool		 paused;
	bool		 help;		/* the help overlay is up */
	bool		 quit;
	bool		 dirty;		/* the screen needs drawing */
	char		 note[160];	/* a short message in the header */
};

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

/* A fill of `cols` columns `frac` full (0..1) in block glyphs. */
void		 theme_fill(WINDOW *w, const struct theme *th, double frac,
		    int cols);

/* Add the one-column glyph s (UTF-8) n times at the cursor: decoded once,
   far cheaper than waddstr() for each. */
void		 theme_glyphs(WINDOW *w, const char *s, int n);

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

/* tui.c: the run and the frame */

/* Kill the run (if any) and start a new one with t->opt. */
void		 tui_restart(struct tui *t);

/* Pause or resume every child of the run. */
void		 tui_pause(struct tui *t, bool pause);

/* Put a short message in the header until the next key. */
void		 tui_note(struct tui *t, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* Nanoseconds from the start of the run to now (or to its end). */
uint64_t	 tui_elapsed(const struct tui *t);

/* grid.c: the header and the process x thread grid */

/* Draw the two header lines. */
void		 grid_draw_header(struct tui *t);

/* Draw the grid, scrolled so that the selected cell shows. */
void		 grid_draw(struct tui *t);

/* Move the selection by dp processes and dj threads, within the grid. */
void		 grid_move(struct tui *t, int dp, int dj);

/* Select the cell at screen position y, x; false if there is none. */
bool		 grid_click(struct tui *t, int y, int x);

/* log.c: the log pane */

/* An empty log of cap lines; -1 if out of memory. */
int		 log_init(struct log *lg, size_t cap);

/* Forget every line. */
void		 log_clear(struct log *lg);

/* Free the lines. */
void		 log_free(struct log *lg);

/* Add the line ev makes in the log, if it makes one. */
void		 log_event(struct log *lg, const struct model *m,
		    const struct event *ev);

/* Draw the newest lines that fit. */
void		 log_draw(struct tui *t);

/* details.c: the selected cell */

/* Draw what is known of the selected thread and its process. */
void		 details_draw(struct tui *t);

/* keys.c: the key table, and the footer and help it generates */

/* Do what key means; false if it means nothing. */
bool		 keys_dispatch(struct tui *t, int key);

/* Draw the footer: the keys that fit. */
void		 keys_draw_footer(struct tui *t);

/* Draw the help overlay over the rest. */
void		 keys_draw_help(struct tui *t);

#endif
