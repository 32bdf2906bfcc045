/*
 * trace.h: a run in the Chrome Trace Event format, the JSON that Perfetto
 * (ui.perfetto.dev), chrome://tracing and speedscope open.
 *
 * Each process of the run is a process of the trace (pid N, named
 * "Process-N", sorted by N) and each of its threads a thread (tid M,
 * "Thread-M"); the main process is pid 0, "Main process".  A thread has
 * two complete events ("X"): running, from its start to its sleep, and
 * sleeping, to its end, with the planned sleep and the real pid and tid in
 * their args.  A process's life, from fork to reaping, is an async span
 * ("b"/"e", category "process").  Kills, failures, lost threads and the
 * pauses of the run (stopped, continued) are instant events ("i").  Times
 * are microseconds from the start of the run, in steps of 1/64 us.  A run that had not ended
 * ends its open spans at the last moment known, marked "unfinished".
 *
 * A traced program's (ptviz -- COMMAND) trace names its command; each of
 * its processes is a process of the trace (pid N, its N-th born), named
 * by its program and its real pid ("sleep (pid 4711)"), its life the
 * async span, with its real pid and the process it was born of in its
 * args, each exec an instant; each thread a thread, named as it named
 * itself, with a complete event for each state the kernel was seen in
 * (named by its class: "cpu", "sleep", "lock"... with the futex word,
 * the descriptor or the call in args), "born" until the first was seen,
 * up to its end.  The main process is ptviz.
 */
#ifndef PTVIZ_TRACE_H
#define PTVIZ_TRACE_H

#include <stdio.h>

struct history;
struct outfile;
struct run_config;
struct tasknames;

/* Write the run of cfg whose events are h to fp; -1 with errno if a write
   failed (fp is left open). */
int	trace_write(FILE *fp, const struct run_config *cfg,
	    const struct history *h);

/* A traced program's run, command its argv, names its tasks' names, to
   fp; as trace_write(). */
int	trace_write_traced(FILE *fp, char *const command[],
	    const struct tasknames *names, const struct history *h);

/* The same into f, open for writing (src/outfile.h), unless it has
   failed; 0, or the error (kept in f->err). */
int	trace_put(struct outfile *f, const struct run_config *cfg,
	    const struct history *h);

/* A traced program's run into f, as trace_put(). */
int	trace_put_traced(struct outfile *f, char *const command[],
	    const struct tasknames *names, const struct history *h);

/* The same into f, made at path (truncated; src/outfile.h): what its
   reader has not taken yet is held, for outfile_wait() and
   outfile_close(), which the caller calls even if this failed; 0, or the
   error (f->err: outfile_strerror() says it). */
int	trace_save(struct outfile *f, const char *path,
	    const struct run_config *cfg, const struct history *h);

/* A traced program's run into f, made at path, as trace_save(). */
int	trace_save_traced(struct outfile *f, const char *path,
	    char *const command[], const struct tasknames *names,
	    const struct history *h);

#endif
