/*
 * output.h: what a traced program (ptviz -- COMMAND) wrote on its
 * terminal, kept by the screen as lines for the log pane.
 *
 * The program runs on a terminal of its own (src/ptyout.h); each line it
 * writes comes with the time it was read, on the events' clock, and is
 * kept under the history's length when it came (k), so that the log of
 * any moment -- live or travelled back to -- shows the lines written up
 * to it among the events' lines.  The newest OUTPUT_KEEP are kept: a
 * program that writes without end neither grows the screen without bound
 * nor hides the events; the lines let go are counted.
 */
#ifndef PTVIZ_OUTPUT_H
#define PTVIZ_OUTPUT_H

#include <stddef.h>
#include <stdint.h>

#define OUTPUT_KEEP	4096	/* lines kept, the newest */

struct output_line {
	uint64_t	 t_ns;		/* read then, on the events' clock */
	size_t		 k;		/* the history's length then */
	char		*text;
};

struct output {
	struct output_line *ring;	/* [OUTPUT_KEEP] once the first
					   line came */
	size_t		 first, n;	/* the oldest kept, and how many */
	uint64_t	 dropped;	/* let go: the program's own
					   terminal's and these */
	uint64_t	 dropped_src;	/* of those, the terminal's, as the
					   source last counted them */
};

/* Keep line `text` read at t_ns, the history being k events long; -1
   with errno (ENOMEM) if there is no room (the line is counted as
   dropped then). */
int		 output_add(struct output *o, size_t k, uint64_t t_ns,
		    const char *text);

/* Line i of those kept, 0 the oldest (i < o->n). */
const struct output_line *output_at(const struct output *o, size_t i);

/* How many of the lines kept came with the first k events: they are
   output_at(0 .. that - 1). */
size_t		 output_upto(const struct output *o, size_t k);

/* Forget every line, keeping the memory. */
void		 output_clear(struct output *o);

/* Free everything. */
void		 output_free(struct output *o);

#endif
