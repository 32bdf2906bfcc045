/*
 * tracer.h: a real program run and traced (ptviz -- COMMAND): every
 * process and thread its tree makes, from its birth to its end, as events.
 *
 * COMMAND runs as ptviz's child under ptrace (PTRACE_SEIZE, following
 * fork, vfork, clone and exec, stopping each task at its exit, and killing
 * the whole tree if ptviz dies: PTRACE_O_EXITKILL).  The kernel stops a
 * task at each of those moments until the tracer lets it go, so no birth
 * or death is missed however short the task's life; every other stop
 * (a signal on its way, a job-control stop) is let go at once, as it was.
 *
 * The events, handed to the sink in the order the tracer learns of them:
 *   main running (ptviz starts the program)
 *   born, proc 1 (object 0: born of ptviz), and its thread 1 born
 *   for each process born: born (object: the process it was born of),
 *     then its thread 1 born; for each thread: born (thread 2, 3, ...)
 *   exec (the process runs another program now; its name changes)
 *   ended, a thread's end; exited, failed (a status not 0) or killed, a
 *     process's end, with its wait status, after each of its threads ended
 *   kernel, what a live thread is doing as the kernel says it, when it
 *     changed since the last sampling (src/tracesample.h: every 100 ms,
 *     less often for so many threads that it would cost more than 1.25 %
 *     of a CPU)
 *   main done, once no task of the tree is left
 * Processes are numbered in order of birth, threads in order of birth
 * within their process.  A name (the kernel's comm, 15 bytes at most: the
 * program's, or what the thread set with pthread_setname_np) is kept for
 * each, tracer_name(); it is read when a task is born, execs and ends.
 *
 * The caller blocks SIGCHLD first (run_block_signals()) and polls
 * tracer_fd(): a stop or a death of any task of the tree, or a sampling
 * due, wakes it.  Only
 * the main thread calls these.
 */
#ifndef PTVIZ_TRACER_H
#define PTVIZ_TRACER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "spawn.h"
#include "tracer_fork.h"

struct tracer;

/* Fork argv[0] (found as execvp finds it, tracer_fork.h) with argv,
   traced; its standard streams as out says (tty: the terminal's slave
   side for TRACER_OUT_PTY, which ptviz still holds and closes once this
   returns).  NULL with errno, and why in one
   line, if it cannot be traced: nothing is left running then.  Nothing of
   the program runs before the first tracer_pump(). */
struct tracer	*tracer_start(char *const argv[], enum tracer_out out,
		    int tty, run_sink *sink, void *ctx, char *why,
		    size_t whylen);

/* Fork argv[0] with argv as tracer_start() does, but untraced, and
   watch its tree through /proc alone (procpoll.h): the same events, but
   a task shorter than a reading's period may be missed, and a process
   that ptviz does not reap ends "gone", its status unknown.  ptviz
   becomes its tree's subreaper.  NULL with errno, and why in one line. */
struct tracer	*tracer_poll(char *const argv[], enum tracer_out out,
		    int tty, run_sink *sink, void *ctx, char *why,
		    size_t whylen);

/* Seize process pid, which runs already, with each of its threads and
   its descendants (tracer_attach.h), and follow them as for a COMMAND,
   but without PTRACE_O_EXITKILL: tracer_free() lets them go, running.
   What was seized is told at the first pump, each process born of its
   parent if that was seized too, else of ptviz (object 0).  NULL with
   errno, and why in one line ("cannot attach to 12: no such process"),
   if it cannot be: nothing is seized then. */
struct tracer	*tracer_attach(pid_t pid, run_sink *sink, void *ctx,
		    char *why, size_t whylen);

/* The descriptor to poll (POLLIN) while tracer_may_sleep() says so. */
int		 tracer_fd(const struct tracer *t);

/* Hand the sink what has happened, `budget` stops and deaths at most,
   letting each stopped task go on, and the threads' states if a
   sampling is due; the number of stops, deaths and states handed
   over. */
size_t		 tracer_pump(struct tracer *t, size_t budget);

/* After a poll on tracer_fd(), whatever it said: SIGCHLD read, so that
   the next pump looks. */
void		 tracer_woke(struct tracer *t);

/* False if more may be waiting already (the last pump stopped at its
   budget): pump again before sleeping. */
bool		 tracer_may_sleep(const struct tracer *t);

/* True once every task of the tree has ended and "main done" was handed
   over. */
bool		 tracer_finished(const struct tracer *t);

/* The name of thread `thread` of process `proc` (thread 0: the process,
   its main thread's), as last read; NULL if there is no such one. */
const char	*tracer_name(const struct tracer *t, unsigned proc,
		    unsigned thread);

/* The pid of process `proc` while it runs, else 0. */
int		 tracer_pid(const struct tracer *t, unsigned proc);

/* The processes numbered so far, alive or not. */
unsigned	 tracer_procs(const struct tracer *t);

/* Tasks that could not be numbered (more than 65535 processes, or threads
   in one; a task gone before it could be read). */
unsigned	 tracer_unnumbered(const struct tracer *t);

/* Kill (SIGKILL) every process of the tree, reap them all, free t; an
   attached one's are let go instead, running. */
void		 tracer_free(struct tracer *t);

#endif
