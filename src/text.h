/*
 * text.h: the words of an event, written once for every front end: the
 * reference program's line (DESIGN.md section 1), printed by --plain and
 * shown in the log, and the fault an event tells (a process killed or
 * failed, a thread that could not start), told on stderr and in the log;
 * and the numbers the words carry, written one way: ordinals and seconds.
 */
#ifndef PTVIZ_TEXT_H
#define PTVIZ_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct event;
struct model;
struct tasknames;

/* The kinds of fault the line front ends count, to tell the first few of
   each in full and the rest in one line (text_fault_rest). */
enum fault_kind { FAULT_THREADS, FAULT_KILLED, FAULT_STATUS, FAULT_EARLY,
    FAULT_COUNT };

/* The reference line ev makes, without a newline: ">thread Thread-2 in
   process Process-1 done.", "Process Process-1 done.", "Main process
   done.", and a move of the race or the queue's: "Process-2 Thread-1:
   reads counter = 41"; false (and buf empty) if it makes none.  buf NULL only asks
   whether it makes one. */
bool	 text_line(const struct event *ev, char *buf, size_t len);

/* A thread's event told as a move of step mode, for the events that make
   no reference line: "Process-1 Thread-2: sleeps (1.25 s planned)",
   "... computes", "... waits for mutex B", "... takes mutex A", "...
   takes a permit of the semaphore"; lettered: the process has two
   mutexes, A and B (the deadlock).  False (buf empty) if ev is none of
   these.  buf NULL only asks whether it is one. */
bool	 text_step(const struct event *ev, bool lettered, char *buf,
	    size_t len);

/* The fault ev tells, without "ptviz: " or a newline: "Process-2 (pid 81)
   was killed by SIGKILL", "Process-3 was never forked", "Process-1 could
   not start Thread-7: Resource temporarily unavailable", or the recovery
   of the global mutex from a holder that died; false (and buf
   empty) if it tells none.  buf NULL only asks whether it tells one. */
bool	 text_fault(const struct event *ev, char *buf, size_t len);

/* The figure of a run of the race or the queue, as the model counts it:
   "counter 37, should be 40: 3 updates lost" (should be: the writes made
   so far), "queue 2 of 3 full: 12 put, 10 taken"; false (and buf empty)
   for another workload, or a race before its first write. */
bool	 text_work_figure(const struct model *m, char *buf, size_t len);

/* What else the screen's log tells of ev, a sentence: "Process-2 (pid 81)
   has ended: a zombie until it is reaped.", "Stopped (SIGSTOP) every
   process.", "Continued (SIGCONT) every process.", a run held at its
   start; false (and buf empty)
   if nothing.  buf NULL only asks whether it tells one. */
bool	 text_note(const struct event *ev, char *buf, size_t len);

/* The line a traced program's event ev makes (ptviz -- COMMAND --plain),
   name the task's or process's name (NULL: none known), without a
   newline: ">process 3 (python3, pid 1234) born of process 1",
   ">process 1 (pid 1230) runs sh now (exec)", ">thread 2 of process 3
   (worker, tid 1240) born", "... ended", ">process 3 (python3, pid 1234)
   exited with status 0", "... killed by SIGKILL"; a main thread's birth
   and end make none (its process's do).  False (and buf empty) if ev
   makes none. */
bool	 text_traced(const struct event *ev, const char *name, char *buf,
	    size_t len);

/* A traced process's end in a few words, from its wait status: "exit 0",
   "exit 3", "killed by SIGKILL"; buf. */
const char *text_traced_end(int wstatus, char *buf, size_t len);

/* Process i, reaped, could not start all its n threads: "Process-2
   started 12 of 60 threads: Resource temporarily unavailable" (err, the
   first failure's errno); buf. */
const char *text_threads_started(unsigned i, unsigned started, unsigned n,
	    int err, char *buf, size_t len);

/* The process of ev (ST_EXITED, status 0) exited without saying it was
   done: "Process-4 (pid 81) exited before it was done"; buf. */
const char *text_exited_early(const struct event *ev, char *buf,
	    size_t len);

/* Processes first to last were never forked: "Process-3 was never
   forked", "Process-3 to Process-9 were never forked"; buf. */
const char *text_never_forked(unsigned first, unsigned last, char *buf,
	    size_t len);

/* The `rest` faults of kind k not told one by one: "... and 3 more
   processes were killed"; buf. */
const char *text_fault_rest(enum fault_kind k, unsigned rest, char *buf,
	    size_t len);

/* What thread j of process i waits for or last held, as a phrase: "the
   mutex of Process-2", "mutex B of Process-1", "the global mutex", "a
   permit of the semaphore", "the barrier of Process-3", "a CPU"; "" if
   it names nothing. */
const char *text_object(const struct model *m, unsigned i, unsigned j,
	    char *buf, size_t len);

/* Who holds a permit of the semaphore now, as short names: "P1 T2, P3
   T1", "... and 5 more" when they do not fit in len; "nobody" if none.
   buf. */
const char *text_sem_holders(const struct model *m, char *buf, size_t len);

/* How many of the semaphore's `permits` are free now: "0 of 2 permits";
   buf. */
const char *text_sem_free(const struct model *m, unsigned permits,
	    char *buf, size_t len);

/* The threads of process i that have not come to its barrier yet:
   "Thread-1, Thread-4", or "T1, T4" when that does not fit in len (and
   "... and 5 more" when neither does); "nobody" if every one has.
   buf. */
const char *text_barrier_to_come(const struct model *m, unsigned i,
	    char *buf, size_t len);

/* Thread j of process i, past its process's barrier: whom it waited for
   there, the last to come: "for Thread-3", or "(it came last)"; "" if it
   has not passed the barrier.  buf. */
const char *text_barrier_waited(const struct model *m, unsigned i,
	    unsigned j, char *buf, size_t len);

/* The deadlock of process i, if the model found one: "deadlock in
   Process-3: Thread-1 waits for Thread-2, which waits for Thread-1";
   false (and buf empty) if it has none. */
bool	 text_deadlock(const struct model *m, unsigned i, char *buf,
	    size_t len);

/* n as an ordinal, "1st", "2nd", "3rd", "4th", "11th", "12th", "21st",
   in buf; buf. */
const char *text_ordinal(unsigned n, char *buf, size_t len);

/* ns nanoseconds (a fraction too: a median) in seconds with `decimals`
   decimals (0 to 9), rounded as printf rounds; 9 decimals of a whole ns
   are written from the integer, every digit exact at any size.  trim:
   without the zeros at the end, nor a '.' left alone ("2.5", "3").  In
   buf; buf. */
const char *text_secs(double ns, int decimals, bool trim, char *buf,
	    size_t len);

/* The name of process i: the built-in run's by its number,
   "Process-3"; a traced program's as its latest event named it (names,
   NULL: none known), with its pid: "sleep (pid 4711)"; buf. */
const char *text_proc_name(const struct model *m,
	    const struct tasknames *names, unsigned i, char *buf, size_t len);

/* The step between the labels of a time axis whose unit (a column, a
   pixel) stands for unit_ns (at least 1): the first of 1, 2, 5, 10 ... ms
   up to 20 minutes that leaves `gap` units at least from one to the
   next (20 minutes if none does). */
uint64_t text_tick_ns(uint64_t unit_ns, unsigned gap);

#endif
