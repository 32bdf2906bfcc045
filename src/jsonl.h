/*
 * jsonl.h: a run as JSON lines -- what --json prints, and what a recording
 * is (--record, the screen's `w`, read back by --replay).
 *
 * The first line is the run record, naming the format and its version and
 * what was run; every other line is one event the model accepted, in the
 * order the main process took them, with its time in nanoseconds from the
 * start of the run (the main process's "running"; a run held at its start
 * begins with "held", and what it did until the gate opened is at 0):
 *
 *   {"event":"run","format":"ptviz","version":3,"processes":5,"threads":3,
 *    "sleep_s":3.000000000,"seed":42,"work":"sleep","cpus":2}
 *   {"t_ns":0,"event":"running","proc":0,"thread":0,"pid":80,"tid":80}
 *   {"t_ns":310442,"event":"sleeping","proc":1,"thread":2,"pid":81,
 *    "tid":83,"sleep_ns":2124870112}
 *
 * (each on one line).  ptviz(1) documents every field.  Only numbers and
 * fixed names are written, so no string needs escaping -- but in a traced
 * program's lines (ptviz -- COMMAND), whose run record names the command
 * and whose events the tasks' names: those are escaped, and a byte that
 * is not UTF-8 is written as U+FFFD (\ufffd, as U+FFFD itself is, so
 * that a line read back and written again is the same bytes).  The
 * reader is recording.h, for both kinds of run.
 */
#ifndef PTVIZ_JSONL_H
#define PTVIZ_JSONL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct event;
struct outfile;
struct run_config;

#define JSONL_FORMAT	"ptviz"
#define JSONL_VERSION	3	/* 2: workloads ("work", waiting, ...);
				   3: "held" (a run held at its start),
				   "cpus" in the run record */
#define JSONL_OLDEST	1	/* the oldest version read */
#define JSONL_TRACED	3	/* a traced program's: born, exec, ended,
				   kernel, names */

/* Write the run record, or an event (see below), to f, a recording being
   written (src/outfile.h), unless f has failed; true if it failed now,
   with f->err set: tell it once, the writing stops, the run goes on.
   jsonl_put_run() and jsonl_put() are a built-in run's (no command, no
   name). */
bool	jsonl_put_head(struct outfile *f, const struct run_config *cfg,
	    char *const command[]);
bool	jsonl_put_named(struct outfile *f, uint64_t t0,
	    const struct event *ev, const char *name);
bool	jsonl_put_run(struct outfile *f, const struct run_config *cfg);
bool	jsonl_put(struct outfile *f, uint64_t t0, const struct event *ev);

/* The run record: a traced program's if command (its argv) is not NULL,
   else the built-in run of cfg; with its newline. */
void	jsonl_head(FILE *fp, const struct run_config *cfg,
	    char *const command[]);

/* The run record, with its newline. */
void	jsonl_run(FILE *fp, const struct run_config *cfg);

/* One event, t_ns written relative to t0 (the run's start; what came
   before it, while a run was held at its start, is at 0), with its
   newline. */
void	jsonl_event(FILE *fp, uint64_t t0, const struct event *ev);

/* The run record of a traced program, argv its command line:
   {"event":"run","format":"ptviz","version":3,"traced":true,
    "command":["sh","-c","sleep 1"]}, with its newline. */
void	jsonl_traced_run(FILE *fp, char *const argv[]);

/* s as a JSON string, quoted and escaped as the names of a traced
   program's lines are. */
void	jsonl_string(FILE *fp, const char *s);

/* ev as jsonl_event() writes it, with "name" when name is not NULL; a
   process's birth names its parent ("parent": 0 for ptviz). */
void	jsonl_event_named(FILE *fp, uint64_t t0, const struct event *ev,
	    const char *name);

#endif
