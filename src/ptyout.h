/*
 * ptyout.h: a pseudo-terminal for a traced program, and what the program
 * writes on it, as lines for a log pane.
 *
 * The program gets the slave side as its controlling terminal and its
 * stdin, stdout and stderr (tracer_fork.h, TRACER_OUT_PTY), so it behaves
 * as on a terminal: isatty() is true, stdio is line buffered, it may use
 * colours.  ptviz holds the master side, never blocks on it, and turns
 * what it reads into lines:
 *   - a line ends at a newline; one longer than PTYOUT_LINE - 1 bytes is
 *     cut (never inside a UTF-8 character) and goes on in the next;
 *   - a last line with no newline is handed out when the program ends,
 *     or once it has waited PTYOUT_PARTIAL_NS (a prompt);
 *   - the pane is not a terminal: escape sequences (colours, cursor
 *     moves, titles) are dropped, a carriage return too (the terminal's
 *     newline is CR LF), a tab is a space, any other control character
 *     is shown in caret notation ("^G"); UTF-8 text is kept as it is;
 *   - each line carries the time its first byte was read, on the events'
 *     clock (now_ns(), CLOCK_MONOTONIC);
 *   - at most PTYOUT_LINES lines wait to be taken: a program that floods
 *     its terminal loses its oldest lines, counted (ptyout_dropped()),
 *     and ptviz's memory does not grow.
 * Only the main thread calls these.
 */
#ifndef PTVIZ_PTYOUT_H
#define PTVIZ_PTYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PTYOUT_LINE		512	/* a line's bytes, its NUL included */
#define PTYOUT_LINES		1024	/* lines that may wait, at most */
#define PTYOUT_PARTIAL_NS	200000000ull	/* a line with no newline yet
						   is handed out after this */

struct ptyout;

/* A new pseudo-terminal, the size of ptviz's own terminal (the first of
   stdin, stdout, stderr that is one; else 24 x 80); its slave side in
   *tty for the program (close-on-exec, above 2: dup2 makes it 0, 1 and 2
   in the child).  NULL with errno. */
struct ptyout	*ptyout_open(int *tty);

/* The descriptor to poll (POLLIN): output waiting, or a line with no
   newline that has waited long enough.  -1 once the output has ended. */
int		 ptyout_fd(const struct ptyout *p);

/* Read what is waiting, up to a bound (a flood does not hold the caller),
   into lines, now being the time of the read; if the program has ended
   (ended), read what is left and end the output, its last line handed
   out.  The number of lines made. */
size_t		 ptyout_read(struct ptyout *p, uint64_t now, bool ended);

/* Take bytes as if read from the program at now (what ptyout_read()
   does with what it reads; for tests of the lines). */
void		 ptyout_take(struct ptyout *p, const char *buf, size_t n,
		    uint64_t now);

/* True once the output has ended: the program's terminal closed by all
   of it, or the program ended and what it left was read. */
bool		 ptyout_done(const struct ptyout *p);

/* Take the oldest line waiting: its text (NUL-ended, cut to len - 1
   bytes) and its time; false if none waits. */
bool		 ptyout_pop(struct ptyout *p, char *line, size_t len,
		    uint64_t *t_ns);

/* Lines lost because PTYOUT_LINES were waiting already. */
uint64_t	 ptyout_dropped(const struct ptyout *p);

/* Write buf to the program's terminal, as if typed (the terminal echoes
   it back as output); the bytes written, which may be fewer (the
   terminal's input is full), or -1 with errno (EIO: its end). */
long		 ptyout_write(struct ptyout *p, const char *buf, size_t len);

/* Set the terminal's size (the program gets SIGWINCH); -1 with errno. */
int		 ptyout_resize(struct ptyout *p, unsigned rows, unsigned cols);

/* Close the master side and free p. */
void		 ptyout_free(struct ptyout *p);

#endif
