/*
 * typing.c: a line typed to a traced program's terminal (see typing.h).
 *
 * The screen owns the keyboard, and the program has a terminal of its own,
 * so what the program reads must be typed to it on purpose: a line, shown
 * in the footer while it is typed, sent whole with Enter as a terminal in
 * its usual (canonical) mode would hand it over.  Ctrl-C and Ctrl-D go
 * through at once, as the terminal's interrupt and end of input; the
 * program's terminal turns them into SIGINT and EOF as any would.
 */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../../../src/source.h"
#include "../base/state.h"
#include "typing.h"

#define CTRL(c)		((c) & 0x1f)
#define ESC		27

/* Send buf to the program's terminal, all of it or a note why not. */
static void
type_out(struct tui *t, const char *buf, size_t len)
{
	long n = t->src != NULL ? source_input(t->src, buf, len) : (errno =
	    ESRCH, -1);

	if (n < 0)
		state_note(t, "cannot type to the program: %s", errno ==
		    ESRCH ? "it has ended" : strerror(errno));
	else if ((size_t)n < len)
		state_note(t, "the program is not reading: %zu of %zu bytes "
		    "typed", (size_t)n, len);
}

unsigned
typing_start(struct tui *t)
{
	if (t->replay != NULL || t->opt.command == NULL) {
		state_note(t, "i types to a traced program (ptviz -- COMMAND) "
		    "while it runs");
		return REACT_DRAW;
	}
	if (t->opt.attach != 0) {
		state_note(t, "a program attached to reads its own terminal, "
		    "not ptviz's: type there");
		return REACT_DRAW;
	}
	if (t->src == NULL) {
		state_note(t, "the program has ended: nothing reads what is "
		    "typed (r runs it again)");
		return REACT_DRAW;
	}
	t->typing = (struct typing){ .on = true };
	return REACT_DRAW;
}

unsigned
typing_key(struct tui *t, int c)
{
	struct typing *ty = &t->typing;
	char ctl;

	switch (c) {
	case ESC:
		ty->on = false;
		break;
	case '\r':
	case '\n':
	case KEY_ENTER:
		ty->line[ty->len++] = '\n';
		type_out(t, ty->line, ty->len);
		ty->len = 0;
		ty->on = false;
		break;
	case KEY_BACKSPACE:
	case 127:
	case '\b':
		/* Back over one character, its UTF-8 continuation bytes
		   first. */
		while (ty->len > 0 && ((unsigned char)ty->line[--ty->len] &
		    0xc0) == 0x80)
			;
		break;
	case CTRL('c'):
	case CTRL('d'):
		ctl = (char)c;
		type_out(t, &ctl, 1);
		break;
	default:
		/* A byte of text (curses hands UTF-8 a byte at a time);
		   room kept for the newline. */
		if (c >= 0 && c < 256 && (c >= 0x20 || c == '\t') && c != 127 &&
		    ty->len + 2 < sizeof(ty->line))
			ty->line[ty->len++] = (char)c;
		break;
	}
	return REACT_DRAW;
}

const char *
typing_prompt(const struct tui *t, char *buf, size_t len)
{
	if (!t->typing.on)
		return NULL;
	snprintf(buf, len, "to the program: %.*s", (int)t->typing.len,
	    t->typing.line);
	return buf;
}
