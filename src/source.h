/*
 * source.h: where a front end's events come from.
 *
 * Every front end -- the screen, --plain, --json -- takes a run's events
 * from a source and never touches what is behind it: a live run
 * (source_live: the children forked now, their rings and their reaping),
 * a real program traced (source_traced: ptviz -- COMMAND, src/tracer.h)
 * or a recording (source_recording: a run read back from a file).  A
 * source hands its events to the sink it was made with, in order, as
 * source_pump() finds them.
 *
 * The loop of a front end is always the same, and the wake-up protocol
 * lives inside the source, written once:
 *
 *	for (;;) {
 *		source_pump(s, budget);		   events to the sink
 *		if (source_finished(s)) ...
 *		n = source_arm(s, fds);		   may the loop sleep?
 *		if (n < 0) continue;		   no: events are waiting
 *		poll(fds[0..n-1] and its own);	   sleep
 *		source_woke(s);
 *	}
 *
 * Control (pause, kill, holding reaping) is asked of the source; a source
 * that cannot do it (a recording) says so with ENOTSUP.  Only the main thread calls these.
 */
#ifndef PTVIZ_SOURCE_H
#define PTVIZ_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spawn.h"
#include "tracer_fork.h"

struct pollfd;
struct recording;
struct source;

/* Descriptors a source may ask to be polled, at most. */
#define SOURCE_NFDS	RUN_NFDS

/* What a front end may ask of the processes behind a source. */
enum source_ctl {
	SOURCE_PAUSE,		/* stop every child: a "stopped" event */
	SOURCE_RESUME,		/* continue them: a "continued" event */
	SOURCE_KILL,		/* SIGKILL one process */
	SOURCE_GO,		/* a run held at its start: its threads go */
	SOURCE_HOLD,		/* stop every child again, no event (after
				   a job-control continue woke them) */
	SOURCE_HOLD_REAP,	/* leave children that end unreaped: a
				   "zombie" event each */
	SOURCE_RELEASE_REAP,	/* reap again: every zombie at the next
				   pump */
};

/* A live run of cfg, its events to sink(ctx, ev); NULL with errno if it
   could not start (nothing is left running then), and why in one line in
   why[whylen].  Every live run of every front end starts here, and here
   only if this machine can hold it now (limits_run_fits(): else EAGAIN,
   and nothing is forked).  Call run_block_signals() first. */
struct source	*source_live(const struct run_config *cfg, run_sink *sink,
		    void *ctx, char *why, size_t whylen);

/* COMMAND, argv, run and traced (tracer.h), its events to sink(ctx, ev),
   its standard streams as out says (TRACER_OUT_PTY: a terminal of its
   own, the size of ptviz's, what it writes there taken as lines with
   source_output()); NULL with errno if it could not start (nothing is
   left running then), and why in one line.  Call run_block_signals()
   first.  Of the controls it takes SOURCE_KILL (SIGKILL to the process,
   while it runs); the others are ENOTSUP. */
struct source	*source_traced(char *const argv[], enum tracer_out out,
		    run_sink *sink, void *ctx, char *why, size_t whylen);

/* COMMAND, argv, run untraced and watched through /proc alone
   (tracer_poll()), as source_traced() else. */
struct source	*source_polled(char *const argv[], enum tracer_out out,
		    run_sink *sink, void *ctx, char *why, size_t whylen);

/* Process pid, running already, attached to and traced (tracer_attach());
   as source_traced() else, but its end leaves the program running. */
struct source	*source_attached(int pid, run_sink *sink, void *ctx, char *why,
		    size_t whylen);

/* The events of rec (which must outlive the source), handed as they are
   read and checked, `budget` a pump; NULL with errno if there is no
   memory. */
struct source	*source_recording(struct recording *rec, run_sink *sink,
		    void *ctx);

/* Hand the sink what is waiting, about `budget` events at most; the number
   handed over. */
size_t		 source_pump(struct source *s, size_t budget);

/* Before sleeping: -1 if events are already waiting (pump again, do not
   sleep); else fill fds with what to poll for and return how many
   (0..SOURCE_NFDS), and the source is armed until source_woke(). */
int		 source_arm(struct source *s, struct pollfd *fds);

/* After poll(), when armed. */
void		 source_woke(struct source *s);

/* The run's clock now, on the events' own: CLOCK_MONOTONIC for a live
   run; for a recording, the time of its latest event read so far. */
uint64_t	 source_now(const struct source *s);

/* True once every event has been handed over, or a recording was refused
   part way: nothing more will come. */
bool		 source_finished(const struct source *s);

/* Why a recording was refused part way, in one line ("run.jsonl: line 7:
   ..."), or NULL: it was not. */
const char	*source_error(const struct source *s);

/* Ask the processes for ctl (proc: 1-based, for SOURCE_KILL); -1 with
   errno: ESRCH if none was left to ask, ENOTSUP if this source has no
   processes to ask. */
int		 source_control(struct source *s, enum source_ctl ctl,
		    unsigned proc);

/* Step mode (src/steps.h), of a live run only: set it (STEPS_ON,
   STEPS_TIMED, or 0: free), -1 with errno (ENOTSUP: not a live run;
   ESRCH: it has ended); is thread `thread` of process `proc` at its gate
   waiting for a move; let it make one (false: it is not waiting); the
   moves let go so far (0 for any other source). */
int		 source_step_mode(struct source *s, unsigned mode);
bool		 source_step_waiting(const struct source *s, unsigned proc,
		    unsigned thread);
bool		 source_step(struct source *s, unsigned proc, unsigned thread);
uint64_t	 source_step_grants(const struct source *s);

/* The name of thread `thread` of process `proc` (0: the process) of a
   traced program, as the kernel last gave it (tracer_name()), or as the
   latest event of it read from a recording carried it
   (recording_name()); NULL for the built-in run, which names nothing
   beyond its events. */
const char	*source_name(const struct source *s, unsigned proc,
		    unsigned thread);

/* The pid of process `proc` while it runs, else 0; of a recording, the
   pid its events read so far gave it. */
int		 source_pid(const struct source *s, unsigned proc);

/* The oldest line a traced program wrote on its terminal and not taken
   yet (ptyout.h: escape sequences dropped, control characters made
   visible), in line[len], with the time its first byte was read, on the
   events' clock; false if none waits, or the source has no terminal.
   Lines may wait after the source has finished. */
bool		 source_output(struct source *s, char *line, size_t len,
		    uint64_t *t_ns);

/* Lines of the terminal lost, the oldest first, because the program
   wrote faster than they were taken (PTYOUT_LINES wait at most). */
uint64_t	 source_output_dropped(const struct source *s);

/* Write buf to the traced program's terminal, as if typed: the bytes
   written (fewer, even 0, if its input is full), or -1 with errno
   (ENOTSUP: the source has no terminal). */
long		 source_input(struct source *s, const char *buf, size_t len);

/* Set the traced program's terminal's size (it gets SIGWINCH), for
   ptviz's own was resized; -1 with errno (ENOTSUP: no terminal). */
int		 source_resize(struct source *s, unsigned rows, unsigned cols);

/* The last heartbeat of thread j of process i while it computes (see
   beat.h): when it last ran, on the events' clock, and the CPU time it
   had used then; false if there is none (a recording, another workload,
   a thread not computing yet). */
bool		 source_beat(const struct source *s, unsigned i, unsigned j,
		    uint64_t *wall, uint64_t *cpu);

/* What stopped the start part way ("fork", "open /dev/null"), with its
   errno in *err; NULL if nothing did. */
const char	*source_start_error(const struct source *s, int *err);

/* End the source: every child killed and reaped; s is freed. */
void		 source_free(struct source *s);

#endif
