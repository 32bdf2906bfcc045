/*
 * palette.h: how each thing the views show looks -- which look a thread
 * or a process of a model has, and one table of xterm-256 colours a look
 * (palette.c) -- for every surface that draws:
 * the screen's theme (ui/screen/base/theme.c) pairs them for curses, a
 * picture (src/picture.c) paints them in RGB.  The glyphs, the basic
 * eight colours and the attributes of a terminal stay in the theme.
 */
#ifndef PTVIZ_PALETTE_H
#define PTVIZ_PALETTE_H

/* How a thing looks: one entry of the palette, and of the theme's table. */
enum look {
	LOOK_NEW,		/* thread not started yet */
	LOOK_HELD,		/* thread started, held at the gate (g) */
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
	LOOK_KCHILD,		/* traced: waiting for a child to end */
	LOOK_KIO,		/* traced: waiting for input or output */
	LOOK_KCALL,		/* traced: in another call, or waiting for
				   what the kernel does not say */
	LOOK_COUNT
};

/* A look's colours: xterm-256 indices, -1 the terminal's own. */
struct palette_pair {
	short		 fg, bg;
};

/* The ground the looks are chosen against: a dark terminal's. */
#define PALETTE_GROUND	234

struct model;

/* The look of thread j of process i, as the grid shows it: for a traced
   program, what the kernel said it does when last sampled. */
enum look palette_thread_look(const struct model *m, unsigned i,
	    unsigned j);

/* The look of a traced thread the kernel says is in class cls (enum
   taskstate_class). */
enum look palette_kclass_look(unsigned cls);

/* The look of process i and the word for its state. */
enum look palette_proc_look(const struct model *m, unsigned i,
	    const char **word);

/* The colours of look l. */
struct palette_pair palette_of(enum look l);

/* The colour a look paints with when it has one colour, as a bar: its
   background if it has one (done is white on blue: blue), else its
   foreground; an xterm-256 index. */
short	 palette_paint(enum look l);

/* The RGB (each 0..1) of xterm-256 colour c, as xterm shows it: the 16
   system colours, the 6 x 6 x 6 cube, the 24 greys. */
void	 palette_rgb(short c, double rgb[3]);

#endif
