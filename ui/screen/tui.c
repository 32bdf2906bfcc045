/*
 * tui.c: the live screen's loop: the run, the terminal, and the frames.
 *
 * It is stream.c's loop with a screen: pump the source's events into the
 * live model and the history, turn the keys waiting into actions (act.c),
 * then sleep in ppoll() on the terminal, the ending signals' signalfd and,
 * unless a frame is already due, what the source asks to be polled.  While
 * a run goes (or plays back), frames come at a steady rate set by how fast
 * its fills can visibly grow (frame_ns), and events in between only wait
 * for the next frame; a key is answered at once.  Once the run has ended,
 * or is paused or stopped in time, a frame is drawn only for a key, an
 * event or a resize: with no input, ppoll() waits forever.  A recording is
 * read as it comes, PUMP_BUDGET events between two looks at the keys
 * (ppoll() without waiting while more can be read), and plays from its
 * start once its first events are in.
 *
 * SIGWINCH stays blocked except inside ppoll(), so curses' handler can only
 * run there and a resize always interrupts the wait (never lost between a
 * check and the sleep).  SIGCONT is read like the ending signals: whatever
 * stopped ptviz, continuing it takes the terminal back (continued()).
 * Every way out leaves curses before anything else is said or done, so
 * the terminal is always given back as it was.
 *
 * PTVIZ_FRAME_LOG=path, read once at start, times every frame (drawing and
 * writing it out) and appends one line a frame to that file when the screen
 * ends: its wall time (CLOCK_MONOTONIC) and the main thread's CPU time in
 * it, in nanoseconds -- for `make bench` -- and the files of /proc the
 * kernel view read for it (kernel.c), so a test can see that nothing is
 * read when nothing shows it.  Unset, it costs one test of a pointer per
 * frame.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "../../src/event.h"
#include "../../src/history.h"
#include "../../src/recording.h"
#include "../../src/scene.h"
#include "../../src/source.h"
#include "../signals.h"
#include "features/files.h"
#include "features/kernel.h"
#include "features/many.h"
#include "features/travel.h"
#include "views/batch.h"
#include "views/details.h"
#include "views/grid.h"
#include "views/header.h"
#include "views/log.h"
#include "views/timeline.h"
#include "keys.h"
#include "state.h"
#include "tui.h"

#define FRAME_MIN_NS	(1000000000ull / 30)	/* at most 30 frames/s */
#define FRAME_MAX_NS	(1000000000ull / 10)	/* clock in tenths */
#define PUMP_BUDGET	4096
#define MIN_COLS	32
#define MIN_LINES	8
#define HEADER_LINES	3
#define CAPTION_LINES	2	/* a scene's, below the header */
#define CAPTION_MIN	24	/* lines of screen that leave room for it */
#define DETAILS_COLS	36
#define DETAILS_MIN_W	80	/* narrower: the log alone */
#define FRAME_LOG_MAX	(1u << 20)	/* frame times kept, at most */

/* The frame times PTVIZ_FRAME_LOG asks for. */
struct frame_time {
	uint64_t	 wall_ns, cpu_ns;
	uint64_t	 reads;		/* /proc files the kernel view read */
};

struct frame_log {
	const char	*path;		/* NULL: not asked for */
	struct frame_time *f;		/* [cap] */
	size_t		 n, cap;
};

/* Free the panes (not the input window, which lives as long as curses). */
static void
layout_free(struct layout *l)
{
	WINDOW **w[] = { &l->header, &l->body, &l->log, &l->details,
	    &l->footer };
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

/* The header's lines: a scene's caption below it when there is room. */
static int
header_lines(const struct tui *t)
{
	return (state_caption(t) != NULL || t->predict.state != PREDICT_OFF ||
	    t->batch.on || t->batch.table) &&
	    LINES >= CAPTION_MIN ? HEADER_LINES + CAPTION_LINES :
	    HEADER_LINES;
}

/* Tile the screen: header, body (grid or timeline), log beside details,
   footer. */
static void
layout_build(struct tui *t)
{
	struct layout *l = &t->lay;
	int h = LINES, w = COLS, body, grid_h, y, head = header_lines(t);

	layout_free(l);
	l->too_small = w < MIN_COLS || h < MIN_LINES;
	if (l->too_small)
		return;
	body = h - head - 1;
	grid_h = t->view->wants(t, body);
	if (grid_h > body - (body >= 2 * BOTTOM_KEEP ? BOTTOM_KEEP : 0))
		grid_h = body - (body >= 2 * BOTTOM_KEEP ? BOTTOM_KEEP : 0);
	/* A bottom too thin to read goes to the grid. */
	if (body - grid_h < 3)
		grid_h = body;
	y = head + grid_h;
	l->header = newwin(head, w, 0, 0);
	l->body = newwin(grid_h, w, head, 0);
	l->footer = newwin(1, w, h - 1, 0);
	if (body > grid_h && w >= DETAILS_MIN_W) {
		l->log = newwin(body - grid_h, w - DETAILS_COLS, y, 0);
		l->details = newwin(body - grid_h, DETAILS_COLS, y,
		    w - DETAILS_COLS);
	} else if (body > grid_h) {
		l->log = newwin(body - grid_h, w, y, 0);
	}
	if (l->header == NULL || l->body == NULL || l->footer == NULL ||
	    (body > grid_h && l->log == NULL)) {
		layout_free(l);
		l->too_small = true;
	}
}

/* Leave curses: the terminal as it was before. */
static void
screen_end(struct tui *t, SCREEN *scr)
{
	layout_free(&t->lay);
	if (t->lay.input != NULL)
		delwin(t->lay.input);
	t->lay.input = NULL;
	endwin();
	delscreen(scr);
}

/* Give up while curses is active: leave it, then say why. */
static _Noreturn void
tui_fatal(struct tui *t, const char *what)
{
	int saved = errno;

	endwin();
	source_free(t->src);
	fprintf(stderr, "ptviz: %s: %s\n", what, strerror(saved));
	exit(1);
}

/* Each event goes to the live model and, if the model took it, to the
   history. */
static void
sink(void *ctx, const struct event *ev)
{
	struct tui *t = ctx;

	if (!model_apply(&t->live, ev))
		return;
	if (history_add(&t->hist, ev) == -1)
		tui_fatal(t, "cannot keep the run's history");
	files_record_event(t, ev);
}

/* The run has ended or is being dropped: kill and reap what is left. */
static void
stop_run(struct tui *t)
{
	if (t->src != NULL)
		t->end_ns = source_now(t->src);
	source_free(t->src);
	t->src = NULL;
}

/* A recording is shown as it is read: once its first events are in, it
   plays from its start, as fast as it ran. */
static void
replay_start(struct tui *t)
{
	t->play.speed_pct = 100;
	t->play_due = true;
}

/* The events read so far: play them once there are some. */
static void
replay_play(struct tui *t)
{
	if (!t->play_due || t->hist.n == 0)
		return;
	t->play_due = false;
	t->wall = now_ns();
	t->live_now = source_now(t->src);
	travel_play(t);
}

/* The recording was read to its end, or refused part way: leave with its
   line then (the screen cannot hold a bad run); the reaction. */
static unsigned
replay_ended(struct tui *t)
{
	const char *why = source_error(t->src);

	if (why == NULL)
		return REACT_NONE;
	snprintf(t->refused, sizeof(t->refused), "%s", why);
	return REACT_QUIT;
}

/* Keep reading a recording that has more now: true if the loop must not
   sleep.  Keys are still read between pumps. */
static bool
replay_loading(const struct tui *t)
{
	struct pollfd p;

	return t->replay != NULL && t->src != NULL &&
	    source_arm(t->src, &p) < 0;
}

/* Kill the run (if any) and start a new one with t->opt. */
static void
restart(struct tui *t)
{
	const struct run_config *c = &t->opt.run;
	char why[sizeof(t->note)];
	const char *call;
	uint8_t *fold;
	int error;

	/* The first run's --record and --trace end with it. */
	if (t->runs++ > 0)
		files_first_run_done(t);
	stop_run(t);
	/* R after a run that ended: keep it, to show what moved. */
	model_free(&t->prev);
	if (t->compare && model_finished(&t->live) &&
	    t->live.nproc == c->nproc && t->live.nthread == c->nthread) {
		t->prev = t->live;
		t->live = (struct model){ 0 };
	}
	t->compare = false;
	model_free(&t->live);
	model_free(&t->at);
	if (model_init(&t->live, c->nproc, c->nthread) == -1 ||
	    model_init(&t->at, c->nproc, c->nthread) == -1 ||
	    (fold = realloc(t->fold, c->nproc)) == NULL)
		tui_fatal(t, "cannot hold the model");
	t->fold = fold;
	memset(t->fold, FOLD_AUTO, c->nproc);
	t->at_k = 0;
	history_clear(&t->hist);
	travel_live(t);
	if (t->sel.proc < 1 || t->sel.proc > c->nproc)
		t->sel.proc = t->sel.proc < 1 ? 1 : c->nproc;
	if (t->sel.thread < 1 || t->sel.thread > c->nthread)
		t->sel.thread = t->sel.thread < 1 ? 1 : c->nthread;
	t->tl_top = 0;
	/* The body's height follows the counts. */
	layout_build(t);
	/* The kernel view's files of /proc stay out of the new children. */
	kernel_free(t);
	t->play_due = false;
	t->src = t->replay != NULL ? source_recording(t->replay, sink, t) :
	    source_live(c, sink, t, why, sizeof(why));
	/* Only this run waits at its start (g); a rerun goes at once. */
	t->opt.run.held = false;
	/* Held before the first pump: no child of the new run is reaped. */
	if (t->src != NULL && t->replay == NULL && t->reap_held)
		source_control(t->src, SOURCE_HOLD_REAP, 0);
	if (t->src == NULL && t->replay != NULL)
		state_note(t, "cannot replay the run: %s", strerror(errno));
	else if (t->src == NULL)
		state_note(t, "%s", why);
	else if ((call = source_start_error(t->src, &error)) != NULL)
		state_note(t, "%s: %s", call, strerror(error));
	else if (t->replay != NULL)
		replay_start(t);
}

/* Instead of a broken screen: what is wrong, centred, word-wrapped. */
static void
too_small_draw(void)
{
	char msg[160], line[16][161];
	const char *p, *word;
	int n = 0, len, wl, y, i;

	snprintf(msg, sizeof(msg), "Too small: %dx%d, needs %dx%d. Enlarge "
	    "the terminal, or press q to quit.", COLS, LINES, MIN_COLS,
	    MIN_LINES);
	line[0][0] = '\0';
	for (p = msg; *p != '\0' && n < 16; ) {
		for (word = p; *p != '\0' && *p != ' '; p++)
			;
		wl = (int)(p - word);
		len = (int)strlen(line[n]);
		if (len > 0 && len + 1 + wl > COLS && ++n < 16)
			line[n][0] = '\0';
		if (n >= 16)
			break;
		len = (int)strlen(line[n]);
		snprintf(line[n] + len, sizeof(line[n]) - (size_t)len,
		    "%s%.*s", len > 0 ? " " : "", wl, word);
		while (*p == ' ')
			p++;
	}
	n = n < 16 ? n + 1 : 16;
	if (n > LINES)
		n = LINES;
	werase(stdscr);
	y = (LINES - n) / 2;
	for (i = 0; i < n; i++) {
		len = (int)strlen(line[i]);
		mvaddnstr(y + i, len < COLS ? (COLS - len) / 2 : 0, line[i],
		    COLS);
	}
	wnoutrefresh(stdscr);
}

/* Draw every pane into its window, then put it on the terminal at once. */
static void
frame(struct tui *t)
{
	struct layout *l = &t->lay;
	unsigned rows, cols;

	if (l->too_small) {
		too_small_draw();
		doupdate();
		return;
	}
	/* Scrolling follows the selection before anything is drawn: the
	   views then draw from what they are given. */
	t->view->follow(t);
	/* What the kernel says of what is about to be drawn. */
	grid_shown(t, &rows, &cols);
	kernel_frame(t, rows, cols);
	header_draw(t);
	t->view->draw(t);
	log_draw(t);
	details_draw(t);
	keys_draw_footer(t);
	wnoutrefresh(l->header);
	wnoutrefresh(l->body);
	if (l->log != NULL)
		wnoutrefresh(l->log);
	if (l->details != NULL)
		wnoutrefresh(l->details);
	wnoutrefresh(l->footer);
	if (t->help)
		keys_draw_help(t);
	else
		batch_draw(t);
	doupdate();
}

/* CPU time of the calling thread, in nanoseconds. */
static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A frame, timed if PTVIZ_FRAME_LOG asked for it. */
static void
frame_timed(struct tui *t, struct frame_log *fl)
{
	struct frame_time *f;
	uint64_t wall, cpu, reads;

	if (fl->path == NULL) {
		frame(t);
		return;
	}
	wall = now_ns();
	cpu = cpu_ns();
	reads = t->kern.reads;
	frame(t);
	if (fl->n == fl->cap && fl->cap < FRAME_LOG_MAX) {
		f = reallocarray(fl->f, fl->cap ? 2 * fl->cap : 1024,
		    sizeof(*f));
		if (f == NULL)
			return;
		fl->f = f;
		fl->cap = fl->cap ? 2 * fl->cap : 1024;
	}
	if (fl->n < fl->cap)
		fl->f[fl->n++] = (struct frame_time){ now_ns() - wall,
		    cpu_ns() - cpu, t->kern.reads - reads };
}

/* Append the frame times to the file, once curses has ended. */
static void
frame_log_write(struct frame_log *fl)
{
	FILE *fp;
	size_t i;
	bool ok;

	if (fl->path == NULL)
		return;
	if ((ok = (fp = fopen(fl->path, "a")) != NULL)) {
		for (i = 0; i < fl->n; i++)
			fprintf(fp, "%llu %llu %llu\n",
			    (unsigned long long)fl->f[i].wall_ns,
			    (unsigned long long)fl->f[i].cpu_ns,
			    (unsigned long long)fl->f[i].reads);
		ok = fclose(fp) == 0;
	}
	if (!ok)
		fprintf(stderr, "ptviz: PTVIZ_FRAME_LOG: %s: %s\n", fl->path,
		    strerror(errno));
	free(fl->f);
}

/*
 * Time between frames while a run goes: a fiftieth of the longest sleep, so
 * the fastest fill grows by about an eighth of a column a frame, within
 * limits.  Nothing on the screen moves faster, so drawing more often would
 * only burn the CPU the run is meant to show (at -s 5 and over, 10 frames a
 * second: 64 x 16 threads then cost under 1 % of a core).
 */
static uint64_t
frame_ns(const struct tui *t)
{
	uint64_t ns = t->opt.run.sleep_ns / 50;

	if (ns < FRAME_MIN_NS)
		ns = FRAME_MIN_NS;
	return ns > FRAME_MAX_NS ? FRAME_MAX_NS : ns;
}

/*
 * Ctrl-Z, or SIGTSTP from outside: what a full-screen program does, and the
 * children with it.  They are stopped first (SIGSTOP: their process group
 * may not be the terminal's), the terminal is given back as it was, and
 * ptviz stops itself; the shell's fg continues the whole group, and the
 * screen comes back as it was -- children a pause had stopped stay stopped.
 */
static void
suspend(struct tui *t)
{
	bool paused = model_stopped(&t->live);

	if (t->src != NULL && !paused)
		source_control(t->src, SOURCE_PAUSE, 0);
	endwin();
	signals_stop_self();
	/* Continued (fg): the children as they were (the shell's SIGCONT
	   woke them all, and continued() stops a paused run's again), and
	   the screen as it was. */
	if (t->src != NULL && !paused)
		source_control(t->src, SOURCE_RESUME, 0);
	clearok(curscr, TRUE);
}

/*
 * SIGCONT, whatever stopped ptviz: Ctrl-Z (suspend()), or SIGSTOP from
 * outside, which curses never saw.  A job-control shell puts its own
 * terminal modes back when a job stops (cooked, echoing), and what ran in
 * between may have left the alternate screen or the keypad mode: curses
 * leaves and takes the terminal again, all of it, as at the start, and the
 * screen is drawn anew.  A paused run's children, continued with the
 * shell's process group, are stopped again.  Continued in the background,
 * taking the terminal stops ptviz (SIGTTOU) until the shell's fg.
 */
static void
continued(struct tui *t)
{
	if (t->src != NULL && model_stopped(&t->live))
		source_control(t->src, SOURCE_HOLD, 0);
	endwin();
	clearok(curscr, TRUE);
	doupdate();
}

/* Read every key waiting and carry each out; KEY_RESIZE lays the screen
   out again.  What the loop must do then (REACT_*), a frame if there was
   a key.  Reading stops at quitting or suspending: the keys after wait. */
static unsigned
read_keys(struct tui *t)
{
	unsigned react = REACT_NONE;
	key_handler *fn;
	int c;

	while (!(react & (REACT_QUIT | REACT_SUSPEND)) &&
	    (c = wgetch(t->lay.input)) != ERR) {
		react |= REACT_DRAW;
		if (c == KEY_RESIZE) {
			layout_build(t);
			clearok(curscr, TRUE);
			continue;
		}
		t->note[0] = '\0';
		fn = keys_handler(c);
		/* The help closes on any key; only quitting goes through. */
		if (t->help && fn != act_quit) {
			t->help = false;
			continue;
		}
		/* So does the table of many runs, but for m: 20 more. */
		if (t->batch.table && fn != act_quit && fn != act_many) {
			t->batch.table = false;
			react |= REACT_LAYOUT;
			continue;
		}
		react |= keys_do(t, c);
	}
	return react;
}

/* Run until quit or an ending signal; the signal, or 0. */
static int
loop(struct tui *t, int sigfd, const sigset_t *waitmask,
    struct frame_log *fl)
{
	struct pollfd fds[2 + SOURCE_NFDS];
	struct timespec ts, *tsp;
	uint64_t last = 0, wait, wall;
	nfds_t nfds;
	int sig, rc;
	bool watch, moving, input = true;
	int armed;
	unsigned react;
	/* What the loop owes: the keys' reactions, the features', its own. */
	unsigned owe = REACT_DRAW;

	while (!(owe & REACT_QUIT)) {
		if (owe & REACT_SUSPEND) {
			suspend(t);
			owe = (owe & ~REACT_SUSPEND) | REACT_DRAW;
		}
		/* The keys read so far asked for one rerun at most. */
		if (owe & REACT_RERUN) {
			restart(t);
			owe = (owe & ~(REACT_RERUN | REACT_LAYOUT)) | REACT_DRAW;
		}
		if (owe & REACT_LAYOUT) {
			layout_build(t);
			owe = (owe & ~REACT_LAYOUT) | REACT_DRAW;
		}
		if (t->src != NULL && source_pump(t->src, PUMP_BUDGET) > 0)
			owe |= REACT_DRAW;
		if (t->replay != NULL && t->src != NULL)
			replay_play(t);
		if (t->src != NULL && source_finished(t->src)) {
			if (t->replay != NULL)
				owe |= replay_ended(t);
			stop_run(t);
			files_first_run_done(t);
			owe |= many_run_ended(t) | REACT_DRAW;
		}
		/* The run's clock while it goes; after, the wall's (the
		   frame rate and the header's "of" need one either way), or
		   for a replay the end of the recording. */
		wall = t->wall = now_ns();
		t->live_now = t->src != NULL ? source_now(t->src) :
		    t->replay != NULL ? t->end_ns : wall;
		if (travel_advance(t))
			owe |= REACT_DRAW;
		/* While the run goes, or plays back, the clock and the fills
		   move: a frame is always due.  Ended, paused or stopped in
		   time, nothing moves by itself; nor does a recording still
		   read, but as its events come. */
		moving = t->play.on || (t->following && t->src != NULL &&
		    t->replay == NULL && !model_stopped(&t->live));
		if (moving || kernel_wait_ns(t, wall) == 0)
			owe |= REACT_DRAW;
		if ((owe & REACT_DRAW) &&
		    (wall - last >= frame_ns(t) || input)) {
			files_record_flush(t);
			frame_timed(t, fl);
			owe &= ~REACT_DRAW;
			input = false;
			last = wall;
		}
		if (moving || (owe & REACT_DRAW))
			wait = last + frame_ns(t) > wall ?
			    last + frame_ns(t) - wall : 0;
		else
			wait = kernel_wait_ns(t, wall);
		/* The next run of a batch (m) is due now that one has been
		   drawn ended; a recording refused part way leaves now; one
		   with more to read reads on. */
		if ((owe & (REACT_RERUN | REACT_DRAW)) == REACT_RERUN ||
		    (owe & REACT_QUIT) || replay_loading(t))
			wait = 0;
		/* A frame is due soon: events can wait for it, so the run's
		   descriptors are left out and each event costs no wake-up. */
		watch = t->src != NULL && wait == UINT64_MAX;
		fds[0] = (struct pollfd){ .fd = t->in_fd, .events = POLLIN };
		fds[1] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
		nfds = 2;
		/* Events waiting: take them before sleeping. */
		if (watch && (armed = source_arm(t->src, &fds[2])) < 0)
			continue;
		if (watch)
			nfds += (nfds_t)armed;
		ts.tv_sec = (time_t)(wait / 1000000000u);
		ts.tv_nsec = (long)(wait % 1000000000u);
		tsp = wait == UINT64_MAX ? NULL : &ts;
		rc = ppoll(fds, nfds, tsp, waitmask);
		if (rc == -1 && errno != EINTR)
			tui_fatal(t, "poll");
		if (watch)
			source_woke(t->src);
		if ((sig = signals_read(sigfd)) == SIGTSTP) {
			owe |= REACT_SUSPEND;
		} else if (sig == SIGCONT) {
			continued(t);
			owe |= REACT_DRAW;
		} else if (sig != 0) {
			return sig;
		}
		/* A terminal that went away quits as if told to. */
		if (rc > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
			return SIGHUP;
		/* A key is answered at once, not at the next frame. */
		if (rc == -1 || (fds[0].revents & POLLIN)) {
			react = read_keys(t);
			input = react != REACT_NONE;
			owe |= react;
		}
	}
	return 0;
}

/* Set curses up the way the loop needs it. */
static void
screen_setup(struct tui *t)
{
	raw();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	theme_init(&t->theme);
	/* ncurses 6.4 flushes its output at every cursor move until the
	   screen has once been left and resumed: without this, a frame is a
	   write(2) per changed cell and tmux wakes for each. */
	endwin();
	doupdate();
	/* A pad: wgetch() refreshes a window it reads from when it was
	   touched (a resize touches all), which blanked the screen's first
	   cell -- " tviz" in the header; a pad is never refreshed. */
	if ((t->lay.input = newpad(1, 1)) == NULL)
		tui_fatal(t, "newpad");
	keypad(t->lay.input, TRUE);
	nodelay(t->lay.input, TRUE);
}

/*
 * The terminal to read keys from: stdin's terminal opened anew, without
 * blocking.  ncurses reads the rest of a mouse report with plain read()s:
 * a report cut short left ptviz blocked in read(), deaf to SIGTERM until
 * one more byte came.  A descriptor of its own keeps O_NONBLOCK from the
 * shell, which shares stdin's.  Where the terminal cannot be opened again,
 * stdin itself.  When stdin is not a terminal (a recording comes in on it),
 * the controlling terminal.
 */
static FILE *
input_open(void)
{
	const char *path = ttyname(STDIN_FILENO);
	FILE *fp;
	int fd;

	/* A recording on stdin (--replay -): the keys come from the
	   controlling terminal. */
	if (path == NULL && !isatty(STDIN_FILENO))
		path = "/dev/tty";
	fd = open(path != NULL ? path : "/proc/self/fd/0",
	    O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1 || !isatty(fd)) {
		if (fd != -1)
			close(fd);
		fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
	}
	if (fd == -1)
		return NULL;
	if ((fp = fdopen(fd, "r")) == NULL)
		close(fd);
	return fp;
}

/* Is cap a string capability this terminal has? */
static bool
has_cap(const char *cap)
{
	const char *s = tigetstr(cap);

	return s != NULL && s != (const char *)-1;
}

int
tui_main(const struct options *o, struct recording *replay,
    char *why, size_t whylen)
{
	struct tui t = { .opt = *o, .scene = o->scene,
	    .reap_held = o->scene != 0 && scene_get(o->scene)->zombies,
	    .sel = { 1, 1 }, .view = &grid_view,
	    .top_proc = 1,
	    .left_thread = 1, .following = true, .replay = replay,
	    .trace_due = o->trace != NULL, .first_open = true, .sigfd = -1,
	    .play = { .speed_pct = PLAY_FIRST_PCT } };
	struct frame_log fl = { .path = getenv("PTVIZ_FRAME_LOG") };
	const char *term = getenv("TERM");
	sigset_t winch, waitmask;
	SCREEN *scr;
	int sigfd, sig, status;

	if (term == NULL || *term == '\0') {
		snprintf(why, whylen, "TERM is not set");
		return -1;
	}
	/* The size is the terminal's own, followed as it changes: exported
	   LINES and COLUMNS (stale, or nonsense) must not override it.  (In
	   ncurses 6.4, use_env(FALSE) would also stop resizes being seen.) */
	unsetenv("LINES");
	unsetenv("COLUMNS");
	if ((t.in = input_open()) == NULL) {
		snprintf(why, whylen, "cannot read the terminal: %s",
		    strerror(errno));
		return -1;
	}
	t.in_fd = fileno(t.in);
	if ((scr = newterm(NULL, stdout, t.in)) == NULL) {
		fclose(t.in);
		snprintf(why, whylen, "terminal type '%.40s' is unknown", term);
		return -1;
	}
	if (!has_cap("cup") || !has_cap("clear")) {
		endwin();
		delscreen(scr);
		fclose(t.in);
		snprintf(why, whylen, "terminal type '%.40s' cannot move the "
		    "cursor", term);
		return -1;
	}
	sigemptyset(&winch);
	sigaddset(&winch, SIGWINCH);
	/* SIGTSTP is read as data (and stays blocked inside ppoll()). */
	if (signals_block(true) == -1 ||
	    sigprocmask(SIG_BLOCK, &winch, &waitmask) == -1 ||
	    (sigfd = signals_open(true)) == -1)
		tui_fatal(&t, "cannot set up the screen");
	sigdelset(&waitmask, SIGWINCH);
	t.sigfd = sigfd;
	if (fl.path != NULL && *fl.path == '\0')
		fl.path = NULL;
	screen_setup(&t);
	files_record_start(&t);
	restart(&t);
	sig = loop(&t, sigfd, &waitmask, &fl);
	screen_end(&t, scr);
	stop_run(&t);
	/* The header is gone: a file that failed now is told here. */
	if (files_first_run_done(&t))
		fprintf(stderr, "ptviz: %s\n", t.note);
	/* A signal while the files were ending still ends ptviz. */
	if (sig == 0 && ((sig = signals_read(sigfd)) == SIGTSTP ||
	    sig == SIGCONT))
		sig = 0;
	frame_log_write(&fl);
	stop_run(&t);
	/* As for the line front ends: 1 if a process of the run on the
	   screen was killed (with k, or from outside) or failed. */
	status = t.live.procs_in[ST_KILLED] + t.live.procs_in[ST_FAILED] >
	    0 ? 1 : 0;
	if (t.refused[0] != '\0') {
		fprintf(stderr, "ptviz: %s\n", t.refused);
		status = 2;
	}
	model_free(&t.live);
	model_free(&t.at);
	model_free(&t.prev);
	free(t.predict.guess);
	stats_free(&t.batch.st);
	kernel_free(&t);
	history_free(&t.hist);
	free(t.fold);
	close(sigfd);
	fclose(t.in);
	if (sig != 0)
		signals_reraise(sig);
	return status;
}
