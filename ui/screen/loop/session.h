/*
 * session.h: the run on the screen: its start, its events, its end.
 */
#ifndef PTVIZ_SESSION_H
#define PTVIZ_SESSION_H

#include <stdbool.h>

struct tui;

/* Kill the run shown (if any) and start a new one of t->opt -- or of
   t->replay, read as it comes -- its model, history and layout anew; a
   run that cannot start says why in the header. */
void		 session_start(struct tui *t);

/* The run has ended or is being dropped: kill and reap what is left. */
void		 session_stop(struct tui *t);

/* A recording's first events are in: play it from its start. */
void		 session_play(struct tui *t);

/* The recording was read to its end, or refused part way: REACT_QUIT
   with the line to leave with in t->refused (the screen cannot hold a
   bad run); else REACT_NONE. */
unsigned	 session_ended(struct tui *t);

/* Is a recording still being read, with more to read now?  (The loop
   must not sleep; keys are still read between pumps.) */
bool		 session_loading(const struct tui *t);

/* Is a traced program running?  Its tasks stop at each birth, exec and
   end until the tracer lets them go, so its descriptor is watched even
   while a frame is due: each event is taken at once, not at the next
   frame. */
bool		 session_traced(const struct tui *t);

/* Take what the traced program wrote on its terminal since last asked
   into t->output, under the history's length now; true if a line came. */
bool		 session_output(struct tui *t);

/* Give up while curses is active: leave it, then say why, exit 1. */
_Noreturn void	 session_fatal(struct tui *t, const char *what);

#endif
