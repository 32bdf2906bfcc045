/*
 * text.h: the words of an event, written once for every front end: the
 * reference program's line (DESIGN.md section 1), printed by --plain and
 * shown in the log, and the fault an event tells (a process killed or
 * failed, a thread that could not start), told on stderr and in the log.
 */
#ifndef PTVIZ_TEXT_H
#define PTVIZ_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct event;
struct model;

/* The reference line ev makes, without a newline: ">thread Thread-2 in
   process Process-1 done.", "Process Process-1 done.", "Main process
   done."; false (and buf empty) if it makes none.  buf NULL only asks
   whether it makes one. */
bool	 text_line(const struct event *ev, char *buf, size_t len);

/* The fault ev tells, without "ptviz: " or a newline: "Process-2 (pid 81)
   was killed by SIGKILL", "Process-3 was never forked", "Process-1 could
   not start Thread-7: Resource temporarily unavailable", or the recovery
   of the global mutex from a holder that died; false (and buf
   empty) if it tells none.  buf NULL only asks whether it tells one. */
bool	 text_fault(const struct event *ev, char *buf, size_t len);

/* What thread j of process i waits for or last held, as a phrase: "the
   mutex of Process-2", "mutex B of Process-1", "the global mutex", "a
   permit of the semaphore", "the barrier of Process-3", "a CPU"; "" if
   it names nothing. */
const char *text_object(const struct model *m, unsigned i, unsigned j,
	    char *buf, size_t len);

/* The deadlock of process i, if the model found one: "deadlock in
   Process-3: Thread-1 waits for Thread-2, which waits for Thread-1";
   false (and buf empty) if it has none. */
bool	 text_deadlock(const struct model *m, unsigned i, char *buf,
	    size_t len);

/* n as an ordinal, "1st", "2nd", "3rd", "4th", "11th", "12th", "21st",
   in buf; buf. */
const char *text_ordinal(unsigned n, char *buf, size_t len);

#endif
