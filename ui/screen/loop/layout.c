/*
 * layout.c: where each part of the screen goes -- the header, the body's
 * view, the log beside the details, the footer -- built anew on every
 * resize and whenever the body's height changes (REACT_LAYOUT).
 */
#include <stdio.h>
#include <string.h>

#include "../base/state.h"
#include "../views/header.h"
#include "layout.h"

#define MIN_COLS	32
#define MIN_LINES	8
#define HEADER_LINES	3
#define CAPTION_MIN	24	/* lines of screen that leave room for a
				   caption below the header */
#define DETAILS_COLS	36
#define DETAILS_MIN_W	80	/* narrower: the log alone */
#define CODE_COLS	34	/* the code pane, right of the rest */
#define CODE_MIN_W	64	/* narrower: no room for it beside a grid */

/* Free the panes, but not the header's pad. */
static void
panes_free(struct layout *l)
{
	WINDOW **w[] = { &l->header, &l->body, &l->log, &l->details,
	    &l->footer, &l->code };
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

/* Free the panes and the header's pad (not the input window, which lives
   as long as curses). */
void
layout_free(struct layout *l)
{
	panes_free(l);
	if (l->header_pad != NULL)
		delwin(l->header_pad);
	l->header_pad = NULL;
}

/* The rows the header may grow to: half the screen where a caption has
   room, else its own three and one for a note that wraps. */
static int
header_room(void)
{
	return LINES >= CAPTION_MIN ? LINES / 2 : HEADER_LINES + 1;
}

/* The rows the header takes, drawn into its pad (made anew when the
   screen's size changed): at least its three. */
static int
header_lines(struct tui *t)
{
	struct layout *l = &t->lay;
	int rows;

	if (l->header_pad != NULL && (getmaxx(l->header_pad) != COLS ||
	    getmaxy(l->header_pad) != header_room())) {
		delwin(l->header_pad);
		l->header_pad = NULL;
	}
	if (l->header_pad == NULL &&
	    (l->header_pad = newpad(header_room(), COLS)) == NULL)
		return HEADER_LINES;
	rows = header_draw(t, l->header_pad);
	return rows < HEADER_LINES ? HEADER_LINES : rows;
}

bool
layout_header_moved(struct tui *t)
{
	return !t->lay.too_small && t->lay.header != NULL &&
	    header_lines(t) != getmaxy(t->lay.header);
}

/* Tile the screen: header, body (grid or timeline), log beside details,
   footer; the code pane (c), as tall as body and log, on the right. */
void
layout_build(struct tui *t)
{
	struct layout *l = &t->lay;
	int h = LINES, w = COLS, body, grid_h, y, head, code_w;

	/* Counted while the old panes stand: the header asks about them. */
	l->too_small = w < MIN_COLS || h < MIN_LINES;
	head = l->too_small ? 0 : header_lines(t);
	panes_free(l);
	if (l->too_small)
		return;
	body = h - head - 1;
	code_w = t->code && w >= CODE_MIN_W ? CODE_COLS : 0;
	grid_h = t->view->wants(t, body);
	if (grid_h > body - (body >= 2 * BOTTOM_KEEP ? BOTTOM_KEEP : 0))
		grid_h = body - (body >= 2 * BOTTOM_KEEP ? BOTTOM_KEEP : 0);
	/* A bottom too thin to read goes to the grid. */
	if (body - grid_h < 3)
		grid_h = body;
	y = head + grid_h;
	l->header = newwin(head, w, 0, 0);
	l->footer = newwin(1, w, h - 1, 0);
	if (code_w > 0)
		l->code = newwin(body, code_w, head, w - code_w);
	w -= code_w;
	l->body = newwin(grid_h, w, head, 0);
	if (body > grid_h && w >= DETAILS_MIN_W) {
		l->log = newwin(body - grid_h, w - DETAILS_COLS, y, 0);
		l->details = newwin(body - grid_h, DETAILS_COLS, y,
		    w - DETAILS_COLS);
	} else if (body > grid_h) {
		l->log = newwin(body - grid_h, w, y, 0);
	}
	if (l->header == NULL || l->body == NULL || l->footer == NULL ||
	    l->header_pad == NULL || (body > grid_h && l->log == NULL) ||
	    (code_w > 0 && l->code == NULL)) {
		panes_free(l);
		l->too_small = true;
	}
}

/* Instead of a broken screen: what is wrong, centred, word-wrapped. */
void
layout_too_small_draw(void)
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
