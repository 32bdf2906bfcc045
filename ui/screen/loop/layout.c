/*
 * layout.c: where each part of the screen goes -- the header, the body's
 * view, the log beside the details, the footer -- built anew on every
 * resize and whenever the body's height changes (REACT_LAYOUT).
 */
#include <stdio.h>
#include <string.h>

#include "../base/state.h"
#include "layout.h"

#define MIN_COLS	32
#define MIN_LINES	8
#define HEADER_LINES	3
#define CAPTION_LINES	2	/* a scene's, below the header */
#define CAPTION_MIN	24	/* lines of screen that leave room for it */
#define DETAILS_COLS	36
#define DETAILS_MIN_W	80	/* narrower: the log alone */

/* Free the panes (not the input window, which lives as long as curses). */
void
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
void
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
