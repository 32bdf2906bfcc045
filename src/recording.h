/*
 * recording.h: reading a recording -- the JSON lines of jsonl.h, written by
 * --json, --record or the screen's `w` -- back into the run's events.
 *
 * A recording is read whole and checked before anything is shown, so that
 * a bad one is refused before a line is printed: every event must be one
 * the model accepts at that point of the run, with its fields in range and
 * its time not before the last of the same thread or process.  What is
 * wrong is told in one line, with the file and the line number.  The one
 * fault that is forgiven is a last line cut short, as a writer that was
 * killed leaves it: it is skipped, and the front end warns of it.
 *
 * JSON is parsed with json-c, line by line: a line longer than
 * RECORDING_LINE_MAX bytes is refused unread, so /dev/zero or a 50 MB line
 * costs nothing.
 */
#ifndef PTVIZ_RECORDING_H
#define PTVIZ_RECORDING_H

#include <stddef.h>
#include <stdint.h>

#include "spawn.h"

struct event;

/* Where the run starts on a replay's clock: event times are this plus the
   t_ns of the file (the model takes a t0 of 0 for "not started"). */
#define RECORDING_T0		1000000000ull

/* The longest line read; ptviz writes at most about 200 bytes. */
#define RECORDING_LINE_MAX	4096

struct recording {
	struct run_config cfg;		/* from the run record */
	struct event	*events;	/* [n], in the file's order */
	size_t		 n;
	unsigned	 cut_line;	/* a last line cut short and skipped:
					   its number; 0 if none */
	char		 name[64];	/* the file, as messages name it */
};

/* Read the recording at path ("-": standard input) into r; -1 with one line
   in err ("run.jsonl: line 7: ...", without "ptviz: ") if it cannot be
   read or is not a good recording.  r is empty then. */
int	recording_read(struct recording *r, const char *path, char *err,
	    size_t errlen);

/* The same for a recording already in memory, named `name` in messages. */
int	recording_parse(struct recording *r, const char *name,
	    const char *buf, size_t len, char *err, size_t errlen);

/* Free what a read or parse gave. */
void	recording_free(struct recording *r);

#endif
