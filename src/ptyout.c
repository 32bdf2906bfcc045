/*
 * ptyout.c: a traced program's terminal and its output as lines (see
 * ptyout.h).
 *
 * The master side is non-blocking and read at most PTYOUT_READ bytes a
 * call, so a program that floods its terminal costs ptviz a bounded read
 * a pump, and the lines it makes go into a ring of PTYOUT_LINES fixed
 * slots that drops its oldest when full: ptviz reads on, the memory stays
 * what it was at the start (about half a megabyte).  The program is then
 * as fast as its terminal is read, as on any terminal.
 *
 * One descriptor is polled: an epoll set of the master and a timer, armed
 * while a line without its newline waits, so a prompt shows after
 * PTYOUT_PARTIAL_NS even if nothing else wakes the loop.  Once every
 * holder of the slave side has closed it, read() on the master says EIO:
 * the output's normal end; the master leaves the set then (it would
 * report a hang-up at every poll) and is closed only by ptyout_free().
 * A program that ended while something outside its tree holds its
 * terminal (passed over a socket) ends the output at the first read that
 * finds nothing more.
 *
 * Escape sequences are followed byte by byte across reads (ECMA-48:
 * ESC, intermediates, a final byte; CSI's parameters up to its final
 * byte; OSC and the other strings up to BEL or ESC \), so a sequence cut
 * between two reads is still dropped whole.
 */
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/timerfd.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ptyout.h"

#define PTYOUT_READ	65536	/* bytes read a call, at most */

/* Where the byte before left an escape sequence. */
enum esc { ESC_NONE, ESC_START, ESC_INTER, ESC_CSI, ESC_STR, ESC_STR_ESC };

struct ptyout_line {
	uint64_t	 t_ns;
	char		 text[PTYOUT_LINE];
};

struct ptyout {
	int		 master, timer, ep;
	bool		 done;
	uint64_t	 timer_at;	/* when the timer is armed for, or 0 */
	struct ptyout_line *ring;	/* [PTYOUT_LINES] */
	size_t		 head, count;
	uint64_t	 dropped;
	struct ptyout_line cur;		/* the line being read */
	size_t		 len;		/* its bytes */
	bool		 started;	/* a byte of it was read */
	enum esc	 esc;
};

/* fd moved above 2, close-on-exec; -1 with errno (fd closed). */
static int
above_stdio(int fd)
{
	int moved, saved;

	if (fd > 2)
		return fd;
	moved = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	saved = errno;
	close(fd);
	errno = saved;
	return moved;
}

/* ptviz's own terminal's size, else 24 x 80. */
static struct winsize
own_size(void)
{
	struct winsize ws;
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
		    ws.ws_col > 0)
			return ws;
	return (struct winsize){ .ws_row = 24, .ws_col = 80 };
}

/* The master, its slave in *tty, the timer and the epoll set of both:
   0, or -1 with errno. */
static int
open_fds(struct ptyout *p, int *tty)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct winsize ws = own_size();
	char name[64];

	if ((p->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)) == -1 ||
	    (p->master = above_stdio(p->master)) == -1 ||
	    grantpt(p->master) == -1 || unlockpt(p->master) == -1 ||
	    ptsname_r(p->master, name, sizeof(name)) != 0 ||
	    fcntl(p->master, F_SETFL, O_NONBLOCK) == -1 ||
	    ioctl(p->master, TIOCSWINSZ, &ws) == -1)
		return -1;
	if ((*tty = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)) == -1 ||
	    (*tty = above_stdio(*tty)) == -1)
		return -1;
	if ((p->timer = timerfd_create(CLOCK_MONOTONIC,
	    TFD_NONBLOCK | TFD_CLOEXEC)) == -1 ||
	    (p->ep = epoll_create1(EPOLL_CLOEXEC)) == -1)
		return -1;
	ev.data.fd = p->master;
	if (epoll_ctl(p->ep, EPOLL_CTL_ADD, p->master, &ev) == -1)
		return -1;
	ev.data.fd = p->timer;
	return epoll_ctl(p->ep, EPOLL_CTL_ADD, p->timer, &ev);
}

struct ptyout *
ptyout_open(int *tty)
{
	struct ptyout *p;
	int saved;

	*tty = -1;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->master = p->timer = p->ep = -1;
	if ((p->ring = calloc(PTYOUT_LINES, sizeof(*p->ring))) == NULL ||
	    open_fds(p, tty) == -1) {
		saved = errno;
		if (*tty != -1)
			close(*tty);
		*tty = -1;
		ptyout_free(p);
		errno = saved;
		return NULL;
	}
	return p;
}

int
ptyout_fd(const struct ptyout *p)
{
	return p->done ? -1 : p->ep;
}

/* The line read so far, ended: into the ring, the oldest dropped if it
   is full. */
static void
end_line(struct ptyout *p)
{
	struct ptyout_line *slot;

	if (p->count == PTYOUT_LINES) {
		p->head = (p->head + 1) % PTYOUT_LINES;
		p->count--;
		p->dropped++;
	}
	slot = &p->ring[(p->head + p->count++) % PTYOUT_LINES];
	slot->t_ns = p->cur.t_ns;
	memcpy(slot->text, p->cur.text, p->len);
	slot->text[p->len] = '\0';
	p->len = 0;
	p->started = false;
}

/* Make room for n more bytes: a full line is ended before the character
   it was in the middle of, which goes on in the next line. */
static void
room(struct ptyout *p, size_t n, uint64_t now)
{
	char rest[4];
	size_t cut = p->len, nrest;

	if (p->len + n < PTYOUT_LINE)
		return;
	while (cut > 0 && p->len - cut < 3 &&
	    ((unsigned char)p->cur.text[cut - 1] & 0xc0) == 0x80)
		cut--;
	if (cut > 0 && (unsigned char)p->cur.text[cut - 1] >= 0xc0)
		cut--;
	else
		cut = p->len;
	nrest = p->len - cut;
	memcpy(rest, p->cur.text + cut, nrest);
	p->len = cut;
	end_line(p);
	memcpy(p->cur.text, rest, nrest);
	p->len = nrest;
	p->started = true;
	p->cur.t_ns = now;
}

/* Add the bytes s[0..n-1] to the line. */
static void
add(struct ptyout *p, const char *s, size_t n, uint64_t now)
{
	room(p, n, now);
	if (!p->started)
		p->cur.t_ns = now;
	p->started = true;
	memcpy(p->cur.text + p->len, s, n);
	p->len += n;
}

/* Byte c, within an escape sequence: where it leaves it. */
static enum esc
in_escape(enum esc e, unsigned char c)
{
	switch (e) {
	case ESC_START:
		if (c == '[')
			return ESC_CSI;
		if (c != 0 && strchr("]P_^X", c) != NULL)
			return ESC_STR;
		return c >= 0x20 && c <= 0x2f ? ESC_INTER : ESC_NONE;
	case ESC_INTER:
		return c >= 0x20 && c <= 0x2f ? ESC_INTER : ESC_NONE;
	case ESC_CSI:
		return c >= 0x40 && c <= 0x7e ? ESC_NONE : ESC_CSI;
	case ESC_STR:
		return c == 0x07 ? ESC_NONE : ESC_STR;
	case ESC_STR_ESC:
		/* ESC \ ends the string; ESC and another starts a
		   sequence, as a terminal takes it. */
		return c == '\\' ? ESC_NONE : in_escape(ESC_START, c);
	case ESC_NONE:
		break;
	}
	return ESC_NONE;
}

/* Byte c, outside any escape sequence. */
static void
take_byte(struct ptyout *p, unsigned char c, uint64_t now)
{
	char caret[2] = { '^', (char)(c ^ 0x40) };

	if (c == '\n') {
		if (!p->started)
			p->cur.t_ns = now;
		end_line(p);
	} else if (c == '\t') {
		add(p, " ", 1, now);
	} else if (c == '\r') {
		return;
	} else if (c < 0x20 || c == 0x7f) {
		add(p, caret, 2, now);
	} else {
		add(p, (const char *)&c, 1, now);
	}
}

void
ptyout_take(struct ptyout *p, const char *buf, size_t n, uint64_t now)
{
	size_t i;

	for (i = 0; i < n; i++) {
		/* ESC ends a string (ESC \), else starts a sequence anew. */
		if (buf[i] == 0x1b)
			p->esc = p->esc == ESC_STR ? ESC_STR_ESC : ESC_START;
		else if (p->esc != ESC_NONE)
			p->esc = in_escape(p->esc, (unsigned char)buf[i]);
		else
			take_byte(p, (unsigned char)buf[i], now);
	}
}

/* The output has ended: its last line handed out, the master out of the
   set. */
static void
end_output(struct ptyout *p)
{
	if (p->len > 0)
		end_line(p);
	epoll_ctl(p->ep, EPOLL_CTL_DEL, p->master, NULL);
	p->done = true;
}

/* Arm the timer for the line without its newline, or disarm it. */
static void
arm_timer(struct ptyout *p, uint64_t now)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };
	uint64_t at = p->len > 0 && !p->done ? p->cur.t_ns +
	    PTYOUT_PARTIAL_NS : 0;
	uint64_t expired;

	if (p->timer_at != 0 && now >= p->timer_at)
		while (read(p->timer, &expired, sizeof(expired)) > 0)
			;
	if (at == p->timer_at)
		return;
	its.it_value.tv_sec = (time_t)(at / 1000000000u);
	its.it_value.tv_nsec = (long)(at % 1000000000u);
	timerfd_settime(p->timer, TFD_TIMER_ABSTIME, &its, NULL);
	p->timer_at = at;
}

size_t
ptyout_read(struct ptyout *p, uint64_t now, bool ended)
{
	char buf[4096];
	size_t total = 0, before = p->count + p->dropped;
	ssize_t n;

	while (!p->done && total < PTYOUT_READ) {
		n = read(p->master, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* EIO: no one holds the terminal now.  EAGAIN:
			   nothing waits, and if the program has ended,
			   nothing more will come from it. */
			if (n == 0 || errno != EAGAIN || ended)
				end_output(p);
			break;
		}
		ptyout_take(p, buf, (size_t)n, now);
		total += (size_t)n;
	}
	if (!p->done && p->len > 0 && now >= p->cur.t_ns + PTYOUT_PARTIAL_NS)
		end_line(p);
	arm_timer(p, now);
	return p->count + p->dropped - before;
}

bool
ptyout_done(const struct ptyout *p)
{
	return p->done;
}

bool
ptyout_pop(struct ptyout *p, char *line, size_t len, uint64_t *t_ns)
{
	const struct ptyout_line *l;
	size_t n;

	if (p->count == 0)
		return false;
	l = &p->ring[p->head];
	p->head = (p->head + 1) % PTYOUT_LINES;
	p->count--;
	*t_ns = l->t_ns;
	if (len == 0)
		return true;
	n = strlen(l->text);
	n = n < len ? n : len - 1;
	memcpy(line, l->text, n);
	line[n] = '\0';
	return true;
}

uint64_t
ptyout_dropped(const struct ptyout *p)
{
	return p->dropped;
}

long
ptyout_write(struct ptyout *p, const char *buf, size_t len)
{
	ssize_t n;

	while ((n = write(p->master, buf, len)) == -1 && errno == EINTR)
		;
	if (n == -1 && errno == EAGAIN)
		return 0;
	return (long)n;
}

int
ptyout_resize(struct ptyout *p, unsigned rows, unsigned cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows,
	    .ws_col = (unsigned short)cols };

	if (rows == 0 || cols == 0 || rows > USHRT_MAX || cols > USHRT_MAX) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(p->master, TIOCSWINSZ, &ws);
}

void
ptyout_free(struct ptyout *p)
{
	if (p == NULL)
		return;
	if (p->ep != -1)
		close(p->ep);
	if (p->timer != -1)
		close(p->timer);
	if (p->master != -1)
		close(p->master);
	free(p->ring);
	free(p);
}
