/*
 * spawn.h: one run of the reference program: forking the child processes,
 * their threads, and reaping them.
 *
 * The main process calls everything here from its main thread.  It also
 * owns the objects the children share (work.h): when it reaps a child, it
 * gives back the semaphore's permits the child's threads held, and the
 * reaping event says how many.  A run hands
 * every event, from the children's rings and from the main process itself
 * (forked, exited, killed, failed, main running and done), to one sink
 * function, in the order the main process learns of them.  A process's
 * reaping event comes after every event its ring still held.
 *
 * The caller blocks SIGCHLD before run_start() (run_block_signals() does it)
 * and sleeps in poll() on the descriptors run_pollfds() gives, after
 * run_may_sleep() said it may.
 */
#ifndef PTVIZ_SPAWN_H
#define PTVIZ_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "run.h"

struct event;
struct pollfd;
struct run;

typedef void run_sink(void *ctx, const struct event *ev);

#define RUN_NFDS	2

/* Block SIGCHLD in the calling process: child exits come as data. */
int		 run_block_signals(void);

/* Map the shared region and fork the children; NULL with errno if nothing
   could be started.  A fork that fails part way ends the forking: those
   processes are reported as failed and run_fork_errno() says why. */
struct run	*run_start(const struct run_config *cfg, run_sink *sink,
		    void *ctx);

/* errno of the call that stopped the forking, or 0. */
int		 run_fork_errno(const struct run *r);

/* The call that stopped the forking: "fork" or "open /dev/null". */
const char	*run_fork_call(const struct run *r);

/* Fill fds[0..RUN_NFDS-1] to poll for: the doorbell and child exits. */
void		 run_pollfds(const struct run *r, struct pollfd *fds);

/* Hand the sink what is waiting, at most about `budget` events; reap the
   children that ended.  Returns the number of events handed over. */
size_t		 run_pump(struct run *r, size_t budget);

/* Tell the producers the consumer is about to sleep; false (and nothing
   armed) if an event is already waiting, so the caller must not sleep. */
bool		 run_may_sleep(struct run *r);

/* After poll() returns: the consumer is awake. */
void		 run_woke(struct run *r);

/* True once every child was reaped and "main done" was handed over. */
bool		 run_finished(const struct run *r);

/* Send sig to child process `proc` (1-based), or to all when proc is 0;
   only to children not yet reaped nor zombies.  -1 with errno if none was signalled. */
int		 run_signal(struct run *r, unsigned proc, int sig);

/* Stop (SIGSTOP) or continue (SIGCONT) every child not yet reaped, and
   hand the sink the main process's stopped or continued (not while it
   is held at its start: its clock has not started); -1 with errno
   (ESRCH) if there was no child to signal, and no event. */
int		 run_pause(struct run *r, bool pause);

/* A run held at its start (cfg->held), which began with "held": hand
   "running" to the sink (the run's clock starts), then let its threads
   go.  Once only; nothing for a run not held. */
void		 run_go(struct run *r);

/* Step mode (steps.h): set it to `mode` (STEPS_ON, STEPS_TIMED; 0 lets
   every thread go freely); -1 with errno (ESRCH) once the run has ended. */
int		 run_step_mode(struct run *r, unsigned mode);

/* Is thread `thread` of process `proc` (1-based) at its gate, in step
   mode, waiting for a move, its process alive? */
bool		 run_step_waiting(const struct run *r, unsigned proc,
		    unsigned thread);

/* Let it make one move; false if it is not waiting (run_step_waiting()).
   run_step_grants() counts the moves let go. */
bool		 run_step(struct run *r, unsigned proc, unsigned thread);
uint64_t	 run_step_grants(const struct run *r);

/* Hold reaping (hold) or release it.  While held, a child that ends is
   not reaped: it stays a zombie, and the sink is handed its "zombie"
   (after all its ring held); released, the next run_pump() reaps every
   zombie as usual.  Held or not, run_free() reaps them all.  0. */
int		 run_hold_reaping(struct run *r, bool hold);

/* The pid of child `proc` (1-based), 0 if never forked or reaped (a
   zombie keeps its pid). */
int		 run_pid(const struct run *r, unsigned proc);

/* The last heartbeat of thread `thread` of process `proc` (1-based): the
   wall clock it ran until and the CPU time it had used then (beat.h);
   false if its workload does not beat or it has not beaten yet. */
bool		 run_beat(const struct run *r, unsigned proc, unsigned thread,
		    uint64_t *wall, uint64_t *cpu);

/* Kill (SIGKILL) and reap every child left, then free the run. */
void		 run_free(struct run *r);

#endif
