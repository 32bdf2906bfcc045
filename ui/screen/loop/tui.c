/*
 * tui.c: the live screen's loop: the run, the terminal, and the frames.
 *
 * It is stream.c's loop with a screen: pump the source's events into the
 * live model and the history, carry out the keys waiting (keys/keys.c),
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
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../../src/event.h"
#include "../../../src/history.h"
#include "../../../src/model_traced.h"
#include "../../../src/recording.h"
#include "../../../src/scene.h"
#include "../../../src/source.h"
#include "../../../src/steps.h"
#include "../../signals.h"
#include "../base/state.h"
#include "../features/files.h"
#include "../features/typing.h"
#include "../features/kernel.h"
#include "../features/many.h"
#include "../features/share.h"
#include "../features/step.h"
#include "../features/travel.h"
#include "../keys/act.h"
#include "../keys/keys.h"
#include "../keys/lesson.h"
#include "../keys/nav.h"
#include "../views/batch.h"
#include "../views/code.h"
#include "../views/details.h"
#include "../views/grid.h"
#include "../views/log.h"
#include "../views/timeline.h"
#include "framelog.h"
#include "layout.h"
#include "session.h"
#include "terminal.h"
#include "tui.h"

#define FRAME_MIN_NS	(1000000000ull / 30)	/* at most 30 frames/s */
#define FRAME_MAX_NS	(1000000000ull / 10)	/* clock in tenths */
#define PUMP_BUDGET	4096


/* Draw every pane into its window, then put it on the terminal at once. */
static void
frame(struct tui *t)
{
	struct layout *l = &t->lay;
	unsigned rows, cols;

	/* The header is drawn first, into its pad: if it now wraps onto
	   other rows than it has, the panes are laid out again. */
	if (layout_header_moved(t))
		layout_build(t);
	if (l->too_small) {
		layout_too_small_draw();
		doupdate();
		return;
	}
	/* Scrolling follows the selection before anything is drawn: the
	   views then draw from what they are given. */
	t->view->follow(t, l->body);
	/* What the kernel says of what is about to be drawn. */
	grid_shown(t, l->body, &rows, &cols);
	kernel_frame(t, rows, cols);
	share_frame(t, rows, cols);
	/* copywin() marks only the cells it changed: the help closed over
	   a header that stayed the same must be drawn again too. */
	copywin(l->header_pad, l->header, 0, 0, 0, 0, getmaxy(l->header) - 1,
	    getmaxx(l->header) - 1, FALSE);
	touchwin(l->header);
	t->view->draw(t, l->body);
	log_draw(t);
	details_draw(t);
	code_draw(t);
	keys_draw_footer(t);
	wnoutrefresh(l->header);
	wnoutrefresh(l->body);
	if (l->log != NULL)
		wnoutrefresh(l->log);
	if (l->details != NULL)
		wnoutrefresh(l->details);
	if (l->code != NULL)
		wnoutrefresh(l->code);
	wnoutrefresh(l->footer);
	if (t->help)
		keys_draw_help(t);
	else
		batch_draw(t);
	doupdate();
}

/* A frame, timed if PTVIZ_FRAME_LOG asked for it. */
static void
frame_timed(struct tui *t, struct frame_log *fl)
{
	struct frame_mark fm;

	frame_log_begin(fl, &fm, t->kern.reads);
	frame(t);
	frame_log_end(fl, &fm, t->kern.reads);
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

	/* A traced program has no fills: what moves is the clock and the
	   kernel's states, sampled every 100 ms at most. */
	if (t->live.traced)
		return FRAME_MAX_NS;
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
		/* A line typed to the program takes every key. */
		if (t->typing.on) {
			react |= typing_key(t, c);
			continue;
		}
		fn = keys_handler(c);
		/* The help turns its pages or closes on any key; only
		   quitting goes through. */
		if (t->help && fn != nav_quit) {
			react |= keys_help_key(t, c);
			continue;
		}
		/* So does the table of many runs, but for m: 20 more. */
		if (t->batch.table && fn != nav_quit && fn != act_many) {
			t->batch.table = false;
			react |= REACT_LAYOUT;
			continue;
		}
		react |= keys_do(t, c);
	}
	return react;
}

/* What the loop keeps from one turn to the next. */
struct turn {
	int		 sigfd;
	const sigset_t	*waitmask;	/* inside ppoll(): SIGWINCH let in */
	struct frame_log *fl;
	unsigned	 owe;		/* REACT_*: the keys', the features',
					   its own */
	uint64_t	 last;		/* when the last frame was drawn */
	bool		 input;		/* a key since: draw at once */
	bool		 moving;	/* the clock or the fills move */
};

/* Do what is owed first: give the shell back, start the one rerun the
   keys read so far asked for, lay the screen out again. */
static void
settle(struct tui *t, struct turn *u)
{
	if (u->owe & REACT_SUSPEND) {
		suspend(t);
		u->owe = (u->owe & ~REACT_SUSPEND) | REACT_DRAW;
	}
	if (u->owe & REACT_RERUN) {
		session_start(t);
		u->owe = (u->owe & ~(REACT_RERUN | REACT_LAYOUT)) | REACT_DRAW;
	}
	if (u->owe & REACT_LAYOUT) {
		layout_build(t);
		u->owe = (u->owe & ~REACT_LAYOUT) | REACT_DRAW;
	}
}

/* Take the run's events; once it has ended, end it. */
static void
take_events(struct tui *t, struct turn *u)
{
	unsigned nproc = t->live.nproc;

	if (t->src != NULL && source_pump(t->src, PUMP_BUDGET) > 0) {
		u->owe |= REACT_DRAW;
		/* A move a key let go is answered like the key: drawn at
		   once, not at the next paced frame. */
		if (step_move_came(t))
			u->input = true;
	}
	if (session_output(t))
		u->owe |= REACT_DRAW;
	/* A traced program's new rows want room. */
	if (t->live.nproc != nproc)
		u->owe |= REACT_LAYOUT;
	if (t->replay != NULL && t->src != NULL)
		session_play(t);
	if (t->src != NULL && source_finished(t->src)) {
		if (t->replay != NULL)
			u->owe |= session_ended(t);
		session_stop(t);
		files_first_run_done(t);
		lesson_run_ended(t);
		u->owe |= many_run_ended(t) | REACT_DRAW;
		/* Stopped in time at the newest event, as the run ends: the
		   end of a run that has ended is the live screen (travel_to()),
		   whichever came first -- a recording's last read or `}`. */
		if (!t->following && !t->play.on && t->cursor >= t->hist.n)
			travel_live(t);
	}
}

/* Move the clocks on and draw a frame if one is due; how long the loop
   may then sleep (UINT64_MAX: until something comes). */
static uint64_t
draw_due(struct tui *t, struct turn *u)
{
	uint64_t wall = t->wall = now_ns();

	/* The run's clock while it goes; after, the wall's (the frame rate
	   and the header's "of" need one either way), or for a replay the
	   end of the recording. */
	t->live_now = t->src != NULL ? source_now(t->src) :
	    t->replay != NULL ? t->end_ns : wall;
	if (travel_advance(t))
		u->owe |= REACT_DRAW;
	/* While the run goes, or plays back, the clock and the fills move:
	   a frame is always due.  Ended, paused or stopped in time, nothing
	   moves by itself; nor does a recording still read, but as its
	   events come. */
	u->moving = t->play.on || (t->following && t->src != NULL &&
	    t->replay == NULL && !model_stopped(&t->live));
	if (u->moving || kernel_wait_ns(t, wall) == 0)
		u->owe |= REACT_DRAW;
	if ((u->owe & REACT_DRAW) &&
	    (wall - u->last >= frame_ns(t) || u->input)) {
		files_record_flush(t);
		frame_timed(t, u->fl);
		u->owe &= ~REACT_DRAW;
		u->input = false;
		u->last = wall;
	}
	/* The next run of a batch (m) is due now that one has been drawn
	   ended; a recording refused part way leaves now; one with more to
	   read reads on. */
	if ((u->owe & (REACT_RERUN | REACT_DRAW)) == REACT_RERUN ||
	    (u->owe & REACT_QUIT) || session_loading(t))
		return 0;
	if (u->moving || (u->owe & REACT_DRAW))
		return u->last + frame_ns(t) > wall ?
		    u->last + frame_ns(t) - wall : 0;
	return kernel_wait_ns(t, wall);
}

/* Sleep in ppoll() for at most wait ns on the terminal, the ending
   signals and (unless a frame is due soon) the run; then take a signal
   and the keys.  The signal that ends the screen, or 0. */
static int
sleep_then_read(struct tui *t, struct turn *u, uint64_t wait)
{
	struct pollfd fds[2 + SOURCE_NFDS];
	struct timespec ts;
	unsigned react;
	nfds_t nfds = 2;
	int sig, rc, armed;
	/* A frame is due soon: events can wait for it, so the run's
	   descriptors are left out and each event costs no wake-up -- but
	   a traced program's, which waits for each to be taken, and a move
	   a key let go in step mode, whose report is the key's answer (the
	   next paced frame is up to 100 ms away). */
	bool watch = (t->src != NULL && (wait == UINT64_MAX ||
	    step_move_due(t))) || session_traced(t);

	fds[0] = (struct pollfd){ .fd = t->in_fd, .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = u->sigfd, .events = POLLIN };
	/* Events waiting: take them before sleeping. */
	if (watch && (armed = source_arm(t->src, &fds[2])) < 0)
		return 0;
	if (watch)
		nfds += (nfds_t)armed;
	ts.tv_sec = (time_t)(wait / 1000000000u);
	ts.tv_nsec = (long)(wait % 1000000000u);
	rc = ppoll(fds, nfds, wait == UINT64_MAX ? NULL : &ts, u->waitmask);
	if (rc == -1 && errno != EINTR)
		session_fatal(t, "poll");
	if (watch)
		source_woke(t->src);
	if ((sig = signals_read(u->sigfd)) == SIGTSTP) {
		u->owe |= REACT_SUSPEND;
	} else if (sig == SIGCONT) {
		continued(t);
		u->owe |= REACT_DRAW;
	} else if (sig != 0) {
		return sig;
	}
	/* A terminal that went away quits as if told to. */
	if (rc > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
		return SIGHUP;
	/* A key is answered at once, not at the next frame. */
	if (rc == -1 || (fds[0].revents & POLLIN)) {
		react = read_keys(t);
		u->input = react != REACT_NONE;
		u->owe |= react;
	}
	return 0;
}

/* Run until quit or an ending signal; the signal, or 0. */
static int
loop(struct tui *t, int sigfd, const sigset_t *waitmask,
    struct frame_log *fl)
{
	struct turn u = { .sigfd = sigfd, .waitmask = waitmask, .fl = fl,
	    .owe = REACT_DRAW, .input = true };
	int sig = 0;

	while (sig == 0 && !(u.owe & REACT_QUIT)) {
		settle(t, &u);
		take_events(t, &u);
		sig = sleep_then_read(t, &u, draw_due(t, &u));
	}
	return sig;
}

/* After the loop, with the terminal given back: the run ended, its files
   told (a signal while they end still ends ptviz: *sig), everything
   freed; the exit status. */
static int
finish(struct tui *t, int *sig, struct frame_log *fl)
{
	int status;

	session_stop(t);
	/* The header is gone: a file that failed now is told here. */
	if (files_first_run_done(t))
		fprintf(stderr, "ptviz: %s\n", t->note);
	if (*sig == 0 && ((*sig = signals_read(t->sigfd)) == SIGTSTP ||
	    *sig == SIGCONT))
		*sig = 0;
	frame_log_write(fl);
	session_stop(t);
	/* As for the line front ends: 1 if a process of the run on the
	   screen was killed (with k, or from outside) or failed; a traced
	   program's own status if it ended before it was quit (quitting
	   kills it: that is no status of its own). */
	status = t->live.procs_in[ST_KILLED] + t->live.procs_in[ST_FAILED] >
	    0 ? 1 : 0;
	if (t->live.traced)
		status = t->live.main_state == ST_MDONE ?
		    model_traced_status(&t->live) : 0;
	if (t->refused[0] != '\0') {
		fprintf(stderr, "ptviz: %s\n", t->refused);
		status = 2;
	}
	model_free(&t->live);
	model_free(&t->at);
	model_free(&t->prev);
	free(t->predict.guess);
	stats_free(&t->batch.st);
	kernel_free(t);
	share_free(t);
	history_free(&t->hist);
	names_free(&t->names);
	output_free(&t->output);
	free(t->fold);
	scratch_free(t->scratch);
	close(t->sigfd);
	fclose(t->in);
	return status;
}

int
tui_main(const struct options *o, struct recording *replay,
    char *why, size_t whylen)
{
	struct tui t = { .opt = *o, .scene = o->scene,
	    .reap_held = o->scene != 0 && scene_get(o->scene)->zombies,
	    .sel = { 1, 1 }, .view = &grid_view,
	    /* The code pane is on by default in step mode. */
	    .code = (o->run.steps & STEPS_ON) != 0,
	    .scroll = { .top_proc = 1, .left_thread = 1 },
	    .following = true, .replay = replay,
	    .files = { .trace_due = o->trace != NULL, .first_open = true },
	    .sigfd = -1,
	    .play = { .speed_pct = PLAY_FIRST_PCT } };
	struct frame_log fl;
	struct scratch scratch = { .cap = { 0 } };

	/* A program attached to is shown as a traced one, by the command
	   line it had. */
	if (o->attach != 0)
		t.opt.command = o->attached_argv;
	sigset_t winch, waitmask;
	SCREEN *scr;
	int sigfd, sig, status;

	if ((scr = terminal_open(&t, why, whylen)) == NULL)
		return -1;
	t.scratch = &scratch;
	sigemptyset(&winch);
	sigaddset(&winch, SIGWINCH);
	/* SIGTSTP is read as data (and stays blocked inside ppoll()). */
	if (signals_block(true) == -1 ||
	    sigprocmask(SIG_BLOCK, &winch, &waitmask) == -1 ||
	    (sigfd = signals_open(true)) == -1)
		session_fatal(&t, "cannot set up the screen");
	sigdelset(&waitmask, SIGWINCH);
	t.sigfd = sigfd;
	frame_log_open(&fl);
	if (terminal_setup(&t) == -1)
		session_fatal(&t, "newpad");
	files_record_start(&t);
	session_start(&t);
	sig = loop(&t, sigfd, &waitmask, &fl);
	terminal_close(&t, scr);
	status = finish(&t, &sig, &fl);
	if (sig != 0)
		signals_reraise(sig);
	return status;
}
