/*
 * stepcost.c: what one move of step mode costs, as a user has it: ptviz on
 * a terminal of its own, a key that lets one thread make one move, and the
 * time until that move is on the screen.
 *
 *   stepcost PTVIZ P T MOVES [ARG...]
 * runs `PTVIZ -p P -t T -w race --iterations 5 --step --seed 1 ARG...` on
 * a pty of 160 x 50 read through libvterm (a terminal emulator's own
 * parser and screen, so what is measured is what a terminal shows, not
 * bytes guessed at), waits until the header says all P x T threads stand
 * at their gates, then makes MOVES moves, one at a time: Enter on a
 * selected cell (chosen by arrow keys beforehand, spread over the
 * processes and threads) and a digit (process N's next thread), in turn.
 * Each is timed from the write of its key to the read of the terminal's
 * bytes that put on the screen
 *	the key's own frame: the header's "step mode: N moves" counts it, and
 *	the move: the log's newest line is this thread's (its report of the
 *	move: "Process-2 Thread-3: reads counter = 4", or its "done").
 * A key refused with a note (the thread is still making its last move) is
 * tried again and not timed.  Prints one line, times in ms:
 *	moves key_med key_p95 key_max move_med move_p95 move_max caught
 *	retries
 * where caught counts the moves that were on the screen with their key's
 * own frame (the thread's report came before that frame was drawn).
 */
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#define ROWS		50
#define COLS		160
#define START_MS	30000	/* until every thread is at its gate */
#define WAIT_MS		10000	/* until a key's move is on the screen */
#define RETRIES		50	/* tries of a refused key, 20 ms apart */
#define STRIDE		7	/* Enter's cells: every 7th, round the run */

struct drv {
	int		 fd;		/* the pty's master */
	pid_t		 pid;
	VTerm		*vt;
	VTermScreen	*scr;
	unsigned	 nproc, nthread;
	bool		 quitting;	/* q sent: the terminal may close */
};

/* CLOCK_MONOTONIC in nanoseconds. */
static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void
die(const char *what)
{
	fprintf(stderr, "stepcost: %s\n", what);
	exit(1);
}

/* Write all of buf to the pty. */
static void
send_bytes(struct drv *d, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(d->fd, buf, len)) == -1) {
			if (errno == EINTR)
				continue;
			die("write to the pty failed");
		}
		buf += n;
		len -= (size_t)n;
	}
}

/* What the emulator says back (a key's bytes, answers to queries) goes
   to ptviz, as a terminal's would. */
static void
answer(struct drv *d)
{
	char buf[256];
	size_t n;

	while ((n = vterm_output_read(d->vt, buf, sizeof(buf))) > 0)
		send_bytes(d, buf, n);
}

/*
 * Wait up to ms for ptviz's bytes and put them on the emulator's screen.
 * The time of the read, or 0 if nothing came; ptviz gone is fatal.
 */
static uint64_t
take(struct drv *d, int ms)
{
	struct pollfd pfd = { .fd = d->fd, .events = POLLIN };
	char buf[65536];
	ssize_t n;
	uint64_t t;

	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	if ((n = read(d->fd, buf, sizeof(buf))) <= 0) {
		if (d->quitting) {
			poll(NULL, 0, ms);
			return 0;
		}
		die("ptviz left the terminal");
	}
	t = now_ns();
	vterm_input_write(d->vt, buf, (size_t)n);
	answer(d);
	return t;
}

/* Row r of the screen as UTF-8 text, trailing blanks dropped. */
static void
row_text(const struct drv *d, int r, char *buf, size_t len)
{
	VTermRect rect = { .start_row = r, .end_row = r + 1,
	    .start_col = 0, .end_col = COLS };
	size_t n;

	n = vterm_screen_get_text(d->scr, buf, len - 1, rect);
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

/* Give up, with the screen as it was on stderr, and ptviz killed. */
static void
fail(const struct drv *d, const char *what)
{
	char buf[4 * COLS];
	int r;

	for (r = 0; r < ROWS; r++) {
		row_text(d, r, buf, sizeof(buf));
		fprintf(stderr, "%s\n", buf);
	}
	kill(d->pid, SIGKILL);
	die(what);
}

/* The header's step line: moves granted and threads at their gates;
   false when it is not on the screen. */
static bool
step_line(const struct drv *d, unsigned long long *moves, unsigned *at)
{
	char buf[4 * COLS], *s;
	int r;

	for (r = 0; r < 6; r++) {
		row_text(d, r, buf, sizeof(buf));
		if ((s = strstr(buf, "step mode: ")) != NULL &&
		    sscanf(s, "step mode: %llu move%*[s], %u at", moves,
		    at) == 2)
			return true;
		if (s != NULL && sscanf(s, "step mode: %llu move, %u at",
		    moves, at) == 2)
			return true;
	}
	return false;
}

/* The row of the log's title ("── log ──── Process-1 · Thread-2 ──"), or
   -1. */
static int
log_title(const struct drv *d, char *buf, size_t len)
{
	int r;

	for (r = 0; r < ROWS; r++) {
		row_text(d, r, buf, len);
		if (strstr(buf, "── log ─") != NULL)
			return r;
	}
	return -1;
}

/* The selected cell, as the log's title names it; false if it does not. */
static bool
selected(const struct drv *d, unsigned *i, unsigned *j)
{
	char buf[4 * COLS], *s;

	return log_title(d, buf, sizeof(buf)) != -1 &&
	    (s = strstr(buf, " Process-")) != NULL &&
	    sscanf(s, " Process-%u · Thread-%u", i, j) == 2;
}

/* The log's newest line (its text up to the details pane beside it), or
   "" while the log is empty.  A log line starts with its time. */
static void
log_newest(const struct drv *d, char *out, size_t len)
{
	char buf[4 * COLS], *s, *e;
	int r, top, at;

	out[0] = '\0';
	if ((top = log_title(d, buf, sizeof(buf))) == -1)
		return;
	for (r = top + 1; r < ROWS - 1; r++) {
		row_text(d, r, buf, sizeof(buf));
		for (s = buf; *s == ' '; s++)
			;
		/* Its time ("   1.093 s  "): the details pane's lines
		   beside the log have none. */
		at = 0;
		if (sscanf(s, "%*u.%*u s %n", &at) != 0 || at == 0)
			continue;
		if ((e = strstr(s, "    ")) != NULL)
			*e = '\0';
		snprintf(out, len, "%s", s);
	}
}

/* Is a note on the screen saying a key was refused? */
static bool
refused(const struct drv *d)
{
	static const char *const why[] = { "is still making its move",
	    "has finished", "is blocked", "no thread of Process-",
	    "has ended" };
	char buf[4 * COLS];
	size_t k;
	int r;

	for (r = 0; r < ROWS; r++) {
		row_text(d, r, buf, sizeof(buf));
		for (k = 0; k < sizeof(why) / sizeof(why[0]); k++)
			if (strstr(buf, why[k]) != NULL)
				return true;
	}
	return false;
}

/* Start ptviz on a new pty, its screen read by a new emulator. */
static void
start(struct drv *d, char *argv[])
{
	struct winsize ws = { .ws_row = ROWS, .ws_col = COLS };

	if ((d->pid = forkpty(&d->fd, NULL, NULL, &ws)) == -1)
		die("forkpty failed");
	if (d->pid == 0) {
		setenv("TERM", "tmux-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		execv(argv[0], argv);
		_exit(127);
	}
	if ((d->vt = vterm_new(ROWS, COLS)) == NULL)
		die("vterm_new failed");
	vterm_set_utf8(d->vt, 1);
	d->scr = vterm_obtain_screen(d->vt);
	vterm_screen_enable_altscreen(d->scr, 1);
	vterm_screen_reset(d->scr, 1);
}

/* Read until every thread stands at its gate, with no move made. */
static void
wait_gates(struct drv *d)
{
	uint64_t end = now_ns() + START_MS * 1000000ull;
	unsigned long long moves;
	unsigned at;

	while (now_ns() < end) {
		take(d, 50);
		if (step_line(d, &moves, &at) && moves == 0 &&
		    at == d->nproc * d->nthread)
			return;
	}
	fail(d, "the threads never all stood at their gates");
}

/* Select cell (i, j) with the arrow keys, and wait until it is. */
static void
select_cell(struct drv *d, unsigned i, unsigned j)
{
	uint64_t end = now_ns() + WAIT_MS * 1000000ull;
	unsigned si, sj;

	while (now_ns() < end) {
		take(d, 10);
		if (!selected(d, &si, &sj))
			continue;
		if (si == i && sj == j)
			return;
		vterm_keyboard_key(d->vt, si < i ? VTERM_KEY_DOWN :
		    si > i ? VTERM_KEY_UP : sj < j ? VTERM_KEY_RIGHT :
		    VTERM_KEY_LEFT, VTERM_MOD_NONE);
		answer(d);
		/* One key at a time: wait for its frame. */
		while (now_ns() < end && selected(d, &si, &sj) &&
		    take(d, 50) == 0)
			;
	}
	fail(d, "the cell could not be selected");
}

/* Does the log line say process i (and thread j, if not 0) moved? */
static bool
moved(const char *line, unsigned i, unsigned j)
{
	char a[64], b[64];

	if (j == 0) {
		snprintf(a, sizeof(a), "Process-%u Thread-", i);
		snprintf(b, sizeof(b), "in process Process-%u done", i);
	} else {
		snprintf(a, sizeof(a), "Process-%u Thread-%u:", i, j);
		snprintf(b, sizeof(b), "Thread-%u in process Process-%u done",
		    j, i);
	}
	return strstr(line, a) != NULL || strstr(line, b) != NULL;
}

/*
 * One move: the key (Enter, or the digit of process i) written, then the
 * emulator read until the header counts it (*key) and the log shows it
 * (*move), in ns since the write.  False if the key was refused.
 */
static bool
one_move(struct drv *d, const char *key, unsigned i, unsigned j,
    uint64_t *key_ns, uint64_t *move_ns)
{
	char before[4 * COLS], line[4 * COLS];
	unsigned long long moves0, moves;
	unsigned at;
	uint64_t t0, end, t;

	/* Everything drawn so far is on the screen first. */
	while (take(d, 0) != 0)
		;
	if (!step_line(d, &moves0, &at))
		fail(d, "no step line in the header");
	log_newest(d, before, sizeof(before));
	*key_ns = *move_ns = 0;
	t0 = now_ns();
	send_bytes(d, key, strlen(key));
	end = t0 + WAIT_MS * 1000000ull;
	while (now_ns() < end) {
		if ((t = take(d, 50)) == 0)
			continue;
		if (*key_ns == 0 && step_line(d, &moves, &at) &&
		    moves > moves0)
			*key_ns = t - t0;
		log_newest(d, line, sizeof(line));
		if (*move_ns == 0 && strcmp(line, before) != 0 &&
		    moved(line, i, j))
			*move_ns = t - t0;
		if (*key_ns != 0 && *move_ns != 0)
			return true;
		if (*key_ns == 0 && refused(d))
			return false;
	}
	fail(d, "a move never showed on the screen");
	return false;
}

static int
cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Median, 95th percentile and max of v[n] (sorted here), in ms. */
static void
print_stats(uint64_t *v, size_t n)
{
	size_t p95 = (n * 95 + 99) / 100;

	qsort(v, n, sizeof(*v), cmp);
	printf(" %.2f %.2f %.2f", (double)v[n / 2] / 1e6,
	    (double)v[p95 > 0 ? p95 - 1 : 0] / 1e6, (double)v[n - 1] / 1e6);
}

/* Let ptviz go: q, then wait for it (killed if it will not leave). */
static void
quit(struct drv *d)
{
	uint64_t end = now_ns() + 5000000000ull;
	int st;

	send_bytes(d, "q", 1);
	d->quitting = true;
	while (waitpid(d->pid, &st, WNOHANG) == 0) {
		if (now_ns() > end) {
			kill(d->pid, SIGKILL);
			waitpid(d->pid, &st, 0);
			break;
		}
		take(d, 10);
	}
	vterm_free(d->vt);
	close(d->fd);
}

int
main(int argc, char *argv[])
{
	static const char *const fixed[] = { "-p", "P", "-t", "T", "-w",
	    "race", "--iterations", "5", "--step", "--seed", "1", NULL };
	struct drv d = { .fd = -1 };
	char *args[64], pn[16], tn[16], key[2];
	uint64_t *keys, *moves;
	unsigned nmoves, k, i, j, idx, retries = 0, tries, caught = 0;
	int a, n = 0;

	if (argc < 5 || argc > 40)
		return 2;
	d.nproc = (unsigned)atoi(argv[2]);
	d.nthread = (unsigned)atoi(argv[3]);
	nmoves = (unsigned)atoi(argv[4]);
	if (d.nproc == 0 || d.nthread == 0 || nmoves == 0 ||
	    (keys = calloc(nmoves, sizeof(*keys))) == NULL ||
	    (moves = calloc(nmoves, sizeof(*moves))) == NULL)
		return 2;
	snprintf(pn, sizeof(pn), "%u", d.nproc);
	snprintf(tn, sizeof(tn), "%u", d.nthread);
	args[n++] = argv[1];
	for (a = 0; fixed[a] != NULL; a++)
		if ((args[n++] = strdup(fixed[a])) == NULL)
			return 1;
	args[2] = pn;		/* after -p and -t */
	args[4] = tn;
	for (a = 5; a < argc; a++)
		args[n++] = argv[a];
	args[n] = NULL;
	signal(SIGPIPE, SIG_IGN);
	start(&d, args);
	wait_gates(&d);
	for (k = 0; k < nmoves; k++) {
		/* Even moves: Enter on every STRIDE-th cell of the run, in
		   turn; odd: the digit of processes 1..9 in turn. */
		if (k % 2 == 0) {
			idx = (k / 2 * STRIDE) % (d.nproc * d.nthread);
			i = idx / d.nthread + 1;
			j = idx % d.nthread + 1;
			select_cell(&d, i, j);
			key[0] = '\r';
		} else {
			i = k / 2 % (d.nproc < 9 ? d.nproc : 9) + 1;
			j = 0;
			key[0] = (char)('0' + i);
		}
		key[1] = '\0';
		for (tries = 0; !one_move(&d, key, i, j, &keys[k], &moves[k]);
		    tries++) {
			if (tries == RETRIES)
				fail(&d, "a key was refused again and again");
			retries++;
			take(&d, 20);
		}
		caught += moves[k] <= keys[k];
	}
	quit(&d);
	printf("%u", nmoves);
	print_stats(keys, nmoves);
	print_stats(moves, nmoves);
	printf(" %u %u\n", caught, retries);
	return 0;
}
