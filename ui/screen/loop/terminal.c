/*
 * terminal.c: taking the terminal for the screen, setting curses up the way
 * the loop needs it, and giving the terminal back as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "../base/state.h"
#include "layout.h"
#include "terminal.h"

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

SCREEN *
terminal_open(struct tui *t, char *why, size_t whylen)
{
	const char *term = getenv("TERM");
	SCREEN *scr;

	if (term == NULL || *term == '\0') {
		snprintf(why, whylen, "TERM is not set");
		return NULL;
	}
	/* The size is the terminal's own, followed as it changes: exported
	   LINES and COLUMNS (stale, or nonsense) must not override it.  (In
	   ncurses 6.4, use_env(FALSE) would also stop resizes being seen.) */
	unsetenv("LINES");
	unsetenv("COLUMNS");
	if ((t->in = input_open()) == NULL) {
		snprintf(why, whylen, "cannot read the terminal: %s",
		    strerror(errno));
		return NULL;
	}
	t->in_fd = fileno(t->in);
	if ((scr = newterm(NULL, stdout, t->in)) == NULL) {
		fclose(t->in);
		snprintf(why, whylen, "terminal type '%.40s' is unknown", term);
		return NULL;
	}
	if (!has_cap("cup") || !has_cap("clear")) {
		endwin();
		delscreen(scr);
		fclose(t->in);
		snprintf(why, whylen, "terminal type '%.40s' cannot move the "
		    "cursor", term);
		return NULL;
	}
	return scr;
}

void
terminal_close(struct tui *t, SCREEN *scr)
{
	layout_free(&t->lay);
	if (t->lay.input != NULL)
		delwin(t->lay.input);
	t->lay.input = NULL;
	endwin();
	delscreen(scr);
}

int
terminal_setup(struct tui *t)
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
		return -1;
	keypad(t->lay.input, TRUE);
	nodelay(t->lay.input, TRUE);
	return 0;
}
