/*
 * theme.c: how each state looks: its glyph and its colour, from one table.
 *
 * Meaning never rests on colour alone: every look has its own glyph, so the
 * screen reads the same in black and white (NO_COLOR, or a monochrome
 * terminal) and for colour-blind viewers.  The colours of a terminal with
 * 256 are the palette's (src/palette.c), the ones a picture paints with;
 * the 8 basic colours are the fallback.  Done cells are
 * solid blocks so that a finished row reads from the back of a classroom.
 */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../../../src/words.h"
#include "theme.h"

struct look_def {
	const char	*utf8, *ascii;	/* one column each */
	short		 fg8, bg8;	/* basic colours */
	attr_t		 attr;		/* added when in colour */
	attr_t		 mono;		/* instead of colour */
	const char	*legend;	/* in the help's legend, or NULL */
	bool		 help_only;	/* in the help's, not the grid's */
};

static const struct look_def looks[LOOK_COUNT] = {
	[LOOK_NEW]	= { "○", "-", COLOR_WHITE, -1,
			    A_NORMAL, A_DIM, "new" },
	/* A gate, shut: started, and let go by no one yet.  Only in the
	   help's legend: the grid's is full at 120 columns, and while a run
	   is held the header says what the glyph means. */
	[LOOK_HELD]	= { "⊓", "h", COLOR_BLACK, COLOR_CYAN,
			    A_NORMAL, A_UNDERLINE, "held at the gate", true },
	[LOOK_RUNNING]	= { "▶", ">", COLOR_CYAN, -1,
			    A_BOLD, A_BOLD, "running" },
	[LOOK_SLEEPING]	= { "◑", "z", COLOR_YELLOW, -1,
			    A_BOLD, A_NORMAL, "sleeping" },
	[LOOK_DONE]	= { "✓", "*", COLOR_WHITE, COLOR_BLUE,
			    A_BOLD, A_REVERSE, "done" },
	[LOOK_LOST]	= { "✗", "x", COLOR_RED, -1,
			    A_BOLD, A_BOLD | A_UNDERLINE, "lost" },
	[LOOK_FAILED]	= { "!", "!", COLOR_MAGENTA, -1,
			    A_BOLD, A_BOLD, "failed" },
	[LOOK_STOPPED]	= { "‖", "=", COLOR_BLACK, COLOR_YELLOW,
			    A_NORMAL, A_UNDERLINE, "stopped" },
	[LOOK_COMPUTING] = { "◆", "c", COLOR_BLUE, -1,
			    A_BOLD, A_BOLD, "computing" },
	[LOOK_WAITING]	= { "◌", "w", COLOR_RED, -1,
			    A_BOLD, A_DIM | A_UNDERLINE, "waiting" },
	[LOOK_HOLDING]	= { "■", "H", COLOR_GREEN, -1,
			    A_BOLD, A_BOLD | A_UNDERLINE, "holding" },
	[LOOK_DEADLOCK]	= { "⊘", "X", COLOR_WHITE, COLOR_RED,
			    A_BOLD, A_REVERSE | A_BOLD, "deadlock" },
	/* Dead, not buried: the kernel's own letter in ASCII. */
	[LOOK_ZOMBIE]	= { "†", "Z", COLOR_BLACK, COLOR_WHITE,
			    A_NORMAL, A_REVERSE | A_DIM, "zombie" },
	[LOOK_TITLE]	= { "", "", COLOR_WHITE, -1,
			    A_BOLD, A_BOLD, NULL },
	[LOOK_DIM]	= { "", "", COLOR_WHITE, -1,
			    A_NORMAL, A_DIM, NULL },
	[LOOK_KEY]	= { "", "", COLOR_CYAN, -1,
			    A_BOLD, A_BOLD, NULL },
	/* A traced program's: in its legend only (traced_legend). */
	[LOOK_KCHILD]	= { "◎", "j", COLOR_MAGENTA, -1,
			    A_BOLD, A_BOLD, NULL },
	[LOOK_KIO]	= { "⇄", "i", COLOR_GREEN, -1,
			    A_BOLD, A_UNDERLINE, NULL },
	[LOOK_KCALL]	= { "◈", "s", COLOR_WHITE, -1,
			    A_NORMAL, A_DIM, NULL },
};

/* A traced program's legend: its looks in the order of a life. */
static const struct {
	uint8_t		 look;
	const char	*legend;
} traced_legend[] = {
	{ LOOK_RUNNING, "born" }, { LOOK_COMPUTING, "on a CPU" },
	{ LOOK_SLEEPING, "sleep" }, { LOOK_WAITING, "lock" },
	{ LOOK_KCHILD, "child" }, { LOOK_KIO, "i/o" },
	{ LOOK_KCALL, "other call" }, { LOOK_STOPPED, "stopped" },
	{ LOOK_DONE, "ended" },
};

void
theme_init(struct theme *th)
{
	const char *nc = getenv("NO_COLOR");
	bool wide;
	int i;

	th->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	/* no-color.org: any non-empty value turns colour off. */
	th->colour = (nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() == OK;
	if (th->colour)
		use_default_colors();
	wide = th->colour && COLORS >= 256;
	for (i = 0; i < LOOK_COUNT; i++) {
		const struct look_def *d = &looks[i];

		if (!th->colour || i + 1 >= COLOR_PAIRS) {
			th->attr[i] = d->mono;
			continue;
		}
		init_pair((short)(i + 1),
		    wide ? palette_of((enum look)i).fg : d->fg8,
		    wide ? palette_of((enum look)i).bg : d->bg8);
		th->attr[i] = COLOR_PAIR(i + 1) | d->attr;
	}
}

const char *
theme_glyph(const struct theme *th, enum look l)
{
	return th->utf8 ? looks[l].utf8 : looks[l].ascii;
}

/* The legend's entries from the `from`th on, as theme_legend_from(); all:
   the help's too. */
static int
legend_from(WINDOW *w, const struct theme *th, int y, int x, int from,
    int cols, bool all)
{
	int i, n = 0, c;

	for (i = 0; i < LOOK_COUNT; i++) {
		if (looks[i].legend == NULL || (looks[i].help_only && !all) ||
		    n++ < from)
			continue;
		/* "◆ computing", and a space before the next. */
		c = 2 + words_cols(looks[i].legend);
		if (c > cols)
			return n - 1;
		cols -= c + 1;
		if (w == NULL)
			continue;
		wattrset(w, th->attr[i]);
		wmove(w, y, x);
		theme_put(w, theme_glyph(th, (enum look)i));
		wattrset(w, A_NORMAL);
		theme_put(w, " ");
		theme_put(w, looks[i].legend);
		x += c + 1;
	}
	return n;
}

int
theme_legend_from(WINDOW *w, const struct theme *th, int y, int x,
    int from, int cols)
{
	return legend_from(w, th, y, x, from, cols, true);
}

int
theme_legend_count(void)
{
	int i, n = 0;

	for (i = 0; i < LOOK_COUNT; i++)
		n += looks[i].legend != NULL;
	return n;
}

/* A traced program's legend, as theme_legend(). */
static int
legend_traced(WINDOW *w, const struct theme *th, int y, int x)
{
	size_t i, n = sizeof(traced_legend) / sizeof(traced_legend[0]);
	int c, x0 = x;

	for (i = 0; i < n; i++) {
		c = 2 + words_cols(traced_legend[i].legend);
		if (x + c > getmaxx(w))
			break;
		wattrset(w, th->attr[traced_legend[i].look]);
		wmove(w, y, x);
		theme_put(w, theme_glyph(th, traced_legend[i].look));
		wattrset(w, A_NORMAL);
		theme_put(w, " ");
		theme_put(w, traced_legend[i].legend);
		x += c + 1;
	}
	return x - x0;
}

int
theme_legend(WINDOW *w, const struct theme *th, int y, int x, bool traced)
{
	int cols = getmaxx(w) - x, n, i, c = 0;

	if (traced)
		return legend_traced(w, th, y, x);
	n = legend_from(w, th, y, x, 0, cols, false);
	for (i = 0; i < LOOK_COUNT && n > 0; i++)
		if (looks[i].legend != NULL && !looks[i].help_only) {
			c += 3 + words_cols(looks[i].legend);
			n--;
		}
	return c;
}

/*
 * The glyph is converted once and added as a wide character: waddstr()
 * decodes it again, byte by byte, for every column, which made the cells,
 * fills and rules most of a frame's cost (see make bench).
 */
void
theme_glyphs(WINDOW *w, const char *s, int n)
{
	mbstate_t ps;
	wchar_t wc[2] = { 0, 0 };
	cchar_t cc;
	size_t len;

	memset(&ps, 0, sizeof(ps));
	len = mbrtowc(&wc[0], s, strlen(s), &ps);
	if (len == (size_t)-1 || len == (size_t)-2 ||
	    setcchar(&cc, wc, A_NORMAL, 0, NULL) == ERR) {
		for (; n > 0; n--)
			waddstr(w, s);
		return;
	}
	for (; n > 0; n--)
		wadd_wch(w, &cc);
}

/* The timeline's marks, UTF-8 and ASCII. */
static const char *const marks[MARK_COUNT][2] = {
	/* Not a full block: the bars of adjacent rows never merge. */
	[MARK_BAR]	= { "▆", "#" },
	[MARK_SPAN]	= { "─", "-" },
	[MARK_NOW]	= { "│", "|" },
	[MARK_NOW_HEAD]	= { "▼", "v" },
};

/* Sevenths of a cell, for how many threads sleep at a moment or a
   thread's share of a CPU: never the full block, so that rows stay apart;
   in ASCII never the "-" of the waiting line beside them. */
#define NLEVELS	7
static const char *const levels[NLEVELS][2] = {
	{ "▁", "." }, { "▂", "," }, { "▃", ":" }, { "▄", "=" },
	{ "▅", "+" }, { "▆", "*" }, { "▇", "#" },
};

const char *
theme_mark(const struct theme *th, enum mark k)
{
	return marks[k][th->utf8 ? 0 : 1];
}

const char *
theme_level(const struct theme *th, double frac)
{
	int i = (int)(frac * NLEVELS);

	i = i < 0 ? 0 : i > NLEVELS - 1 ? NLEVELS - 1 : i;
	return levels[i][th->utf8 ? 0 : 1];
}

void
theme_fill(WINDOW *w, const struct theme *th, enum look l, double frac,
    int cols)
{
	int full;

	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	/* Thick bars on a thin baseline: they read from the back of a room,
	   and unlike full blocks the bars of adjacent rows never merge. */
	full = (int)(frac * cols);
	wattron(w, th->attr[l]);
	theme_glyphs(w, th->utf8 ? "▆" : "#", full);
	wattroff(w, th->attr[l]);
	wattron(w, th->attr[LOOK_DIM]);
	theme_glyphs(w, th->utf8 ? "▁" : ".", cols - full);
	wattroff(w, th->attr[LOOK_DIM]);
}

int
theme_digits(unsigned n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* Digits two lines tall, three columns wide, in half blocks: for ranks
   and names read from the back of a room; in ASCII, " is an upper half,
   _ a lower one. */
static const char *const big_digits[10][2][THEME_BIG_LINES] = {
	{ { "█▀█", "█▄█" }, { "#\"#", "#_#" } },
	{ { "▄█ ", "▄█▄" }, { "_# ", "_#_" } },
	{ { "▀▀█", "█▄▄" }, { "\"\"#", "#__" } },
	{ { "▀██", "▄▄█" }, { "\"##", "__#" } },
	{ { "█ █", "▀▀█" }, { "# #", "\"\"#" } },
	{ { "█▀▀", "▄▄█" }, { "#\"\"", "__#" } },
	{ { "█▄▄", "█▄█" }, { "#__", "#_#" } },
	{ { "▀▀█", "  █" }, { "\"\"#", "  #" } },
	{ { "███", "█▄█" }, { "###", "#_#" } },
	{ { "█▀█", "▀▀█" }, { "#\"#", "\"\"#" } },
};

int
theme_big_width(unsigned n)
{
	return 4 * theme_digits(n) - 1;
}

void
theme_big(WINDOW *w, const struct theme *th, int y, int x, unsigned n)
{
	char num[16];
	int line, k;

	snprintf(num, sizeof(num), "%u", n);
	for (line = 0; line < THEME_BIG_LINES; line++) {
		wmove(w, y + line, x);
		for (k = 0; num[k] != '\0'; k++) {
			if (k > 0)
				theme_put(w, " ");
			theme_put(w, big_digits[num[k] - '0'][th->utf8 ? 0 : 1]
			    [line]);
		}
	}
}

void
theme_put(WINDOW *w, const char *s)
{
	int col = getcurx(w), maxx = getmaxx(w);
	const char *end;

	/* Every glyph used here is one column wide: count code points, then
	   add all that fit at once. */
	for (end = s; *end != '\0' && col < maxx; col++)
		for (end++; (*end & 0xc0) == 0x80; end++)
			;
	if (end > s)
		waddnstr(w, s, (int)(end - s));
}

/* Lines of a flow at most: a screen is never taller. */
#define FLOW_LINES	256

bool
theme_flow(WINDOW *w, const char *s, int indent)
{
	struct words_line l[FLOW_LINES];
	int y = getcury(w), maxx = getmaxx(w) - 1;
	size_t n, i;

	/* The last column stays free: a character there would move the
	   cursor to the next row, and the next text with it. */
	n = words_wrap(s, maxx - getcurx(w), maxx - indent, l, FLOW_LINES);
	for (i = 0; i < n && i < FLOW_LINES; i++) {
		if (i > 0 && (++y >= getmaxy(w) || wmove(w, y, indent) == ERR))
			return false;
		if (l[i].len > 0)
			waddnstr(w, s + l[i].off, (int)l[i].len);
	}
	return n <= FLOW_LINES;
}

int
theme_fit(WINDOW *w, const struct theme *th, const char *s)
{
	char buf[512];

	theme_put(w, words_fit(s, getmaxx(w) - getcurx(w),
	    theme_sym(th, SYM_MORE), buf, sizeof(buf)));
	return words_cols(buf);
}

void
theme_reverse(WINDOW *w, int y, int x, int n)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	int i;

	for (i = 0; i < n; i++) {
		if (mvwin_wch(w, y, x + i, &cc) == ERR ||
		    getcchar(&cc, wc, &a, &pair, NULL) == ERR)
			continue;
		setcchar(&cc, wc, a ^ A_REVERSE, pair, NULL);
		mvwadd_wch(w, y, x + i, &cc);
	}
}

void
theme_rule(WINDOW *w, const struct theme *th, const char *title)
{
	int maxx = getmaxx(w);

	wattrset(w, th->attr[LOOK_DIM]);
	wmove(w, 0, 0);
	theme_glyphs(w, th->utf8 ? "─" : "-", maxx);
	wattrset(w, th->attr[LOOK_TITLE]);
	mvwaddstr(w, 0, 2, " ");
	theme_put(w, title);
	theme_put(w, " ");
	wattrset(w, A_NORMAL);
}

static const char *const syms[SYM_COUNT][2] = {
	[SYM_DASH]	 = { "—", "-" },
	[SYM_SEP]	 = { "·", "|" },
	[SYM_TIMES]	 = { "×", "x" },
	[SYM_LE]	 = { "≤", "<=" },
	[SYM_PLAYING]	 = { "▶", ">" },
	[SYM_POINT]	 = { "▸", ">" },
	[SYM_MORE_UP]	 = { "↑", "^" },
	[SYM_MORE_DOWN]	 = { "↓", "v" },
	[SYM_MORE_LEFT]	 = { "‹", "<" },
	[SYM_MORE_RIGHT] = { "›", ">" },
	[SYM_SEL_LEFT]	 = { "▕", "[" },
	[SYM_SEL_RIGHT]	 = { "▏", "]" },
	[SYM_FOLDED]	 = { "▸", "+" },
	[SYM_UNFOLDED]	 = { "▾", "-" },
	[SYM_NONE]	 = { "—", "-" },
	[SYM_MORE]	 = { "…", "..." },
	[SYM_NOT_YET]	 = { "·", "." },
	[SYM_OF]	 = { "·", "/" },
	[SYM_MICRO]	 = { "µ", "u" },
	[SYM_TREE]	 = { "└", "`" },
	[SYM_BECAME]	 = { "→", ">" },
	[SYM_SHADE_1]	 = { "░", "." },
	[SYM_SHADE_2]	 = { "▒", ":" },
	[SYM_SHADE_3]	 = { "▓", "+" },
	[SYM_SHADE_4]	 = { "█", "#" },
	[SYM_HERE]	 = { "▶", ">" },
};

const char *
theme_sym(const struct theme *th, enum sym s)
{
	return syms[s][th->utf8 ? 0 : 1];
}

int
theme_width(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += (*s & 0xc0) != 0x80;
	return n;
}

const char *
theme_pie(const struct theme *th, double frac)
{
	/* Never the empty circle: that is a thread not started yet. */
	static const char *const p[] = { "◔", "◑", "◕", "●" };
	int i = (int)(frac * 4);

	if (!th->utf8)
		return theme_glyph(th, LOOK_SLEEPING);
	return p[i < 0 ? 0 : i > 3 ? 3 : i];
}
