/*
 * recording.h: reading a recording -- the JSON lines of jsonl.h, written by
 * --json, --record or the screen's `w` -- back into the run's events.
 *
 * A recording is read as it comes, a piece at a time, from the loop of a
 * front end (recording_pump): a big file shows at once and fills in as it
 * loads, a pipe whose writer stalls never holds the loop, and q works all
 * the while.  Only the first line, the run record, is read before anything
 * else (recording_open): the counts it gives shape everything shown.  The
 * events are handed to a sink and not kept here: whoever wants them keeps
 * them (the screen's history), so a run is held once.
 *
 * A traced program's run (ptviz -- COMMAND: its run record says
 * "traced" and names the command) grows as its births come; its events
 * carry its tasks' names, kept here (src/tasknames.h) for whoever asks
 * while the events are handed on.
 *
 * Every event is checked before it is handed on: it must be one the model
 * accepts at that point of the run, with its fields in range and its time
 * not before the last of the same thread or process.  At the end, the
 * holders of the global mutex and of the semaphore are checked in time
 * (src/spans.h).  What is wrong is told in one line, with the file and the
 * line number, and nothing after it is read.  Forgiven: a UTF-8 byte-order
 * mark, blank lines at the end, and a run cut short -- a last line cut
 * (skipped), or no end of the main process (the run was cut there): the
 * front end warns of both (struct recording_info).
 *
 * JSON is parsed with json-c, line by line, but for the lines exactly as
 * ptviz writes them, which src/quickline.h reads many times as fast to the
 * same events (any other line goes to json-c, which says what is wrong).
 * A line longer than RECORDING_LINE_MAX bytes is refused unread, so
 * /dev/zero or a 50 MB line costs nothing.
 */
#ifndef PTVIZ_RECORDING_H
#define PTVIZ_RECORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spawn.h"

struct event;
struct pollfd;
struct recording;

/* Where the run starts on a replay's clock: event times are this plus the
   t_ns of the file (the model takes a t0 of 0 for "not started"). */
#define RECORDING_T0		1000000000ull

/* The longest line read; ptviz writes at most about 200 bytes. */
#define RECORDING_LINE_MAX	4096

/* What is known of a recording being read. */
struct recording_info {
	const char	*name;		/* the file, as messages name it */
	uint64_t	 bytes;		/* read so far */
	uint64_t	 size;		/* a regular file's size; 0: unknown */
	uint64_t	 events;	/* handed on so far */
	uint64_t	 end_ns;	/* the latest event's time so far */
	bool		 ended;		/* read to its end and checked */
	bool		 failed;	/* refused: error says why */
	bool		 cut;		/* ended without the main process's
					   end: the run was cut */
	unsigned	 cut_line;	/* a last line cut short and skipped:
					   its number; 0 if none */
	const char	*error;		/* one line ("run.jsonl: line 7: ...",
					   without "ptviz: ") once failed */
};

/* Open the recording at path ("-": standard input) and read its run
   record into *cfg, waiting for it on a pipe; NULL with one line in err if
   it cannot be read or is not a good recording. */
struct recording *recording_open(const char *path, struct run_config *cfg,
	    char *err, size_t errlen);

/* Read what has come, without waiting, and hand sink (may be NULL) the
   checked events: about `budget` of them at most.  The events handed; 0
   when nothing is waiting (poll recording_pollfd) or it has ended or
   failed (recording_get). */
size_t	recording_pump(struct recording *r, run_sink *sink, void *ctx,
	    size_t budget);

/* Before sleeping: -1 if more can be read now (pump again); 0 if nothing
   more will come; 1 with *fd set to the descriptor to poll for more. */
int	recording_pollfd(const struct recording *r, struct pollfd *fd);

/* What is known of it now. */
const struct recording_info *recording_get(const struct recording *r);

/* A traced program's command line (argv, NULL-terminated) as its run
   record gives it; NULL for a recording of the built-in run. */
char *const *recording_command(const struct recording *r);

/* The name of thread `thread` of process `proc` (0: the process) of a
   traced program, as the latest event of it read so far carried it;
   NULL if none did (or a built-in run's: they carry none). */
const char *recording_name(const struct recording *r, unsigned proc,
	    unsigned thread);

/* The pid of process `proc` as its events read so far gave it; 0 if
   none did. */
int	recording_pid(const struct recording *r, unsigned proc);

/* What a front end warns of once it has ended, up to RECORDING_WARNINGS
   lines, each without the file's name; the number of lines.  0: the run
   is whole. */
#define RECORDING_WARNINGS	2
unsigned recording_warnings(const struct recording *r, char w[][160]);

/* Close it and free it all (NULL: nothing). */
void	recording_close(struct recording *r);

/* A recording in memory, buf[0..len), named `name` in messages, read as
   recording_open reads a file, every line by json-c if slow (the
   differential fuzzer compares); for recwhole.h. */
struct recording *recording_memory(const char *name, const char *buf,
	    size_t len, bool slow, struct run_config *cfg, char *err,
	    size_t errlen);

#endif
