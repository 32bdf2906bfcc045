/*
 * work.h: what the threads of a run do (the workloads), and the objects
 * the processes of a run share to do it.
 *
 * Every fact about a workload is a field of its one row in WORKS below:
 * its name on the command line, the fewest threads a process needs for
 * it, its line in --help, the most events a thread of it reports, its
 * flags, its thread body and its critical path.  Each file takes the
 * fields it needs from the row: work.c the facts (work_name() and the
 * rest), child.c the bodies, stats.c the critical paths.
 *
 * Why the row names functions instead of holding pointers to them: a
 * table of pointers would have to live above the bodies (child.c, with
 * the thread's reporting and the child's objects) and the critical paths
 * (stats.c, with the run's configuration, run.h, which names enum work),
 * while enum work must live below them all.  Written once here as text,
 * the row has no include at all; each side expands only the fields it
 * can see, so the parser of a command line or of a recording links no
 * thread body, and a field cannot be forgotten: a row that lacks one
 * does not compile.
 *
 * A new workload touches:
 *   src/work.h   its row (the help line, the usage's list, the error
 *                that lists the workloads and every check of a flag
 *                come from it);
 *   src/child.c  its thread body, which its row names;
 *   src/stats.c  its critical path, which its row names, unless one
 *                there fits (NULL: it has none);
 *   src/work.c   the lines of code its thread runs, for the screen's
 *                code pane (`codes`: data, not a field of the row, so
 *                that the row stays one line of facts; a Check test
 *                finds a workload without them);
 *   doc/ptviz.1  its name under -w and its paragraph in "Workloads";
 * and, if its threads wait for or hold something new, an object in
 * event.h's EVENT_OBJECTS (what the model checks and text.c names).
 * The screen's W key makes its help from work_names().
 *
 * The global mutex and the semaphore live in a shared mapping the main
 * process makes before it forks (only for a workload flagged
 * WORK_SHARED):
 *
 *   global mutex  a robust, process-shared pthread mutex: when its holder
 *                 dies, the next to lock it gets EOWNERDEAD and makes it
 *                 consistent, so nobody waits for the dead;
 *   semaphore     `permits` slots, each free (0) or naming its holder;
 *                 a thread takes a slot by compare-and-swap and waits on a
 *                 futex word that every release bumps.  Because a permit
 *                 names its holder, the main process gives back those of
 *                 a child it reaped (work_recover) and wakes the waiters.
 *
 * A process's own mutexes and its barrier live in the child: they die with
 * every thread that could hold or wait for them.
 *
 * The heartbeats of the threads that compute (beat.h) are mapped the same
 * way, for a workload flagged WORK_BEATS: the main process reads them to
 * tell which threads are on a CPU now.
 */
#ifndef PTVIZ_WORK_H
#define PTVIZ_WORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A workload's flags. */
#define WORK_SHARED	0x1u	/* its threads use the run's global mutex
				   or semaphore: the mapping is made */
#define WORK_PERMITS	0x2u	/* it takes --permits (the semaphore) */
#define WORK_UNBOUNDED	0x4u	/* a thread reports a wait each time it
				   is preempted: no most; `reports` is
				   what its ring makes room for */
#define WORK_BEATS	0x8u	/* its threads beat while they compute
				   (beat.h): the slots are mapped */
#define WORK_ITERATIONS	0x10u	/* it takes --iterations: its threads
				   repeat their moves */
#define WORK_SLOTS	0x20u	/* it takes --slots (the queue) */
#define WORK_TWO_MUTEXES 0x40u	/* its threads take both of their
				   process's mutexes, named A and B */

/*
 * X(enum, name, fewest threads, help line, reports, per iteration, flags,
 *   thread body, critical path, the critical path in words)
 *
 * name		as -w takes it and the recordings name it;
 * help line	what --help says a thread does, wrapped there (the fewest
 *		threads, when more than 1, is added to it);
 * reports	the most events a thread reports, from running to done
 *		(a recording with more is refused; the ring makes room
 *		for them);
 * per iteration the events a thread reports for each of --iterations,
 *		beyond `reports`, at most on average over the run's
 *		threads (a consumer of the queue may take more items than
 *		a producer puts, but not more than are put);
 * thread body	the function in child.c a thread runs;
 * critical path the function in stats.c that gives the shortest wall
 *		time the plan allows with a CPU each, or NULL: it has none;
 * in words	what that critical path is, or why there is none.
 */
#define WORKS(X)							\
	X(WORK_SLEEP, "sleep", 1, "sleeps its planned time", 3, 0, 0,	\
	    body_sleep, crit_longest, "the longest planned sleep")	\
	X(WORK_CPU, "cpu", 1, "computes for its planned CPU time", 64, \
	    0, WORK_UNBOUNDED | WORK_BEATS, body_cpu, crit_longest,	\
	    "the longest planned CPU time, a CPU each")		\
	X(WORK_MUTEX, "mutex", 1, "holds its process's mutex to sleep",	\
	    6, 0, 0, body_mutex, crit_process_sum,			\
	    "the longest process's sleeps one after another")		\
	X(WORK_GMUTEX, "global-mutex", 1,				\
	    "holds one mutex of the whole run", 6, 0, WORK_SHARED,	\
	    body_gmutex, crit_sum,					\
	    "every sleep of the run one after another")		\
	X(WORK_SEMAPHORE, "semaphore", 1,				\
	    "holds one of N permits of the run", 6, 0,			\
	    WORK_SHARED | WORK_PERMITS, body_semaphore, crit_permits,	\
	    "at least: the longest sleep, or all of them shared by the " \
	    "permits")							\
	X(WORK_BARRIER, "barrier", 1,					\
	    "sleeps, waits for its process's threads, sleeps again", 6,	\
	    0, 0, body_barrier, crit_barrier,				\
	    "the longest process's two slowest phases")		\
	X(WORK_DEADLOCK, "deadlock", 2,					\
	    "takes two mutexes in opposite orders", 6, 0,		\
	    WORK_TWO_MUTEXES,						\
	    body_deadlock, NULL, "a deadlock never ends by itself")	\
	X(WORK_RACE, "race", 1,						\
	    "adds 1 to the run's counter --iterations times: reads, adds, "	\
	    "writes, with no lock", 2, 3, WORK_SHARED | WORK_ITERATIONS,	\
	    body_race, NULL, "no sleep: as long as the moves take")	\
	X(WORK_RACE_LOCKED, "race-locked", 1,				\
	    "adds 1 to the run's counter --iterations times, its three " \
	    "moves one under the global mutex", 2, 6, WORK_SHARED | WORK_ITERATIONS,	\
	    body_race_locked, NULL, "no sleep: as long as the moves take") \
	X(WORK_QUEUE, "queue", 2,					\
	    "odd threads put --iterations items each in the run's queue of " \
	    "--slots, even ones take them", 2, 4,				\
	    WORK_SHARED | WORK_ITERATIONS | WORK_SLOTS, body_queue, NULL, \
	    "no sleep: as long as the moves take")

enum work {
#define X(e, name, min, help, reports, per, flags, body, crit, words) e,
	WORKS(X)
#undef X
	WORK_COUNT
};

/* The most permits --permits takes. */
#define WORK_MAX_PERMITS	1024u
#define WORK_DEFAULT_PERMITS	2u

/* --iterations: the moves a thread of the race repeats, the items a
   producer of the queue puts.  5 by default: a 5 x 3 race's 75 updates
   and 225 moves fill a screen's log and finish at once, and losing one
   takes an update preempted between its read and its write, which a
   person sees in step mode or with more; the property tests ask for
   thousands.  The most keeps the counter, and a run's events, in 32
   bits. */
#define WORK_DEFAULT_ITERATIONS	5u
#define WORK_MAX_ITERATIONS	1000000u
/* --slots: the queue's.  3 by default: with 3 threads a process (two
   producers, one consumer) the queue fills, and a producer waits "the
   queue is full", in most runs. */
#define WORK_DEFAULT_SLOTS	3u
#define WORK_MAX_SLOTS		1024u

struct work_shared;

/* The name of workload w, as -w takes it. */
const char	*work_name(enum work w);

/* What a thread of workload w does, as --help says it. */
const char	*work_about(enum work w);

/* The fewest threads a process needs for workload w. */
unsigned	 work_min_threads(enum work w);

/* The most events a thread of workload w reports with `iterations` (0:
   the default; see WORKS: on average over the run's threads for the
   queue). */
uint64_t	 work_reports(enum work w, unsigned iterations);

/* The most events a run of nproc x nthread threads of workload w reports,
   all its threads' and processes' and the main process's: what the
   screen's history keeps. */
uint64_t	 work_run_events(enum work w, unsigned nproc, unsigned nthread,
		    unsigned iterations);

/* Is thread j (1-based) a producer of the queue (the odd ones), not a
   consumer? */
bool		 work_queue_producer(unsigned j);

/* The items the queue's producers put in a run of nproc x nthread,
   `iterations` each. */
uint64_t	 work_queue_items(unsigned nproc, unsigned nthread,
		    unsigned iterations);

/* The flags of workload w (WORK_SHARED, ...). */
unsigned	 work_flags(enum work w);

/* What the critical path of workload w is, or why it has none: "the
   longest planned sleep", "a deadlock never ends by itself". */
const char	*work_critical_about(enum work w);

/* The workload named `name`; false if there is none. */
bool		 work_parse(const char *name, enum work *w);

/* Every workload's name, in the table's order, ", " between them and
   `last` before the last: "sleep, cpu, ... barrier or deadlock"; buf. */
const char	*work_names(char *buf, size_t len, const char *last);

/* The code pane: the lines a thread of workload w runs (work.c's table,
   C-like, true to child.c), line k's text, and the line thread t is on
   now by its state, what it waited for or holds and its last move; -1:
   none (not started, or ended). */
#define WORK_CODE_MAX	12u
struct model;
struct model_thread;
unsigned	 work_code_lines(enum work w);
const char	*work_code_text(enum work w, unsigned k);
int		 work_code_at(enum work w, const struct model_thread *t);

/* Step mode: the line thread j of process i of m runs with its next move,
   if it stands at its gate (whether it has rounds of its loop left -- the
   race's updates, a producer's items, of `iterations`, 0 the default; a
   consumer's, items left in the run -- decides a loop's end); -1 if it
   does not stand at its gate, -2 if its next move ends it. */
int		 work_code_next(enum work w, const struct model *m,
		    unsigned i, unsigned j, unsigned iterations);

/* Does line k of workload w's code stand for a state (a thread may be on
   it), not only for a move that ends one (an unlock, a loop's end)? */
bool		 work_code_at_any(enum work w, unsigned k);

/* Map the objects a run's processes share, with `permits` for the
   semaphore and a queue of `slots` for `items`; NULL with errno on
   failure. */
struct work_shared *work_shared_create(unsigned permits, unsigned slots,
		    uint64_t items);

/* Unmap them. */
void		 work_shared_destroy(struct work_shared *ws);

/* Main process, once child `proc` was reaped: give back the permits its
   threads held and wake the waiters; the number given back.  The queue
   is broken: a process that ended took with it the items it would have
   put or taken (one that ended well had every item taken), so its
   waiters stop waiting. */
unsigned	 work_recover(struct work_shared *ws, unsigned proc);

/* Take the global mutex, calling before(arg) first if it has to wait;
   *recovered says whether its holder had died holding it.  0, or an
   errno. */
int		 work_gmutex_lock(struct work_shared *ws, bool *recovered,
		    void (*before)(void *), void *arg);

/* Let the global mutex go. */
void		 work_gmutex_unlock(struct work_shared *ws);

/* Thread `thread` of process `proc`: take a permit, calling before(arg) first if it
   has to wait; the slot taken, to give to work_sem_release(). */
unsigned	 work_sem_acquire(struct work_shared *ws, unsigned proc,
		    unsigned thread, void (*before)(void *), void *arg);

/* Give back the permit in `slot`. */
void		 work_sem_release(struct work_shared *ws, unsigned slot);

/* race: read the counter. */
uint32_t	 work_counter_read(struct work_shared *ws);

/* race: write v to the counter; the value it replaced. */
uint32_t	 work_counter_write(struct work_shared *ws, uint32_t v);

/* Main process, at the end: the counter and the writes made (race); the
   items left in the queue and the items put (queue). */
void		 work_figures(const struct work_shared *ws, uint32_t *counter,
		    uint32_t *writes, uint32_t *left, uint32_t *put);

/* queue: put the next item, calling wait(arg) first if it must wait for
   a slot, and moved(arg, fill, item) once it is in, the lock still held
   (fill: the items in the queue after it, item: its number from 1); false
   if the queue broke first.  take: the same for an item, wait(arg) first
   if it must wait for one; false once every item was taken or the queue
   broke. */
bool		 work_queue_put(struct work_shared *ws, void (*wait)(void *),
		    void (*moved)(void *, uint32_t, uint32_t), void *arg);
bool		 work_queue_take(struct work_shared *ws, void (*wait)(void *),
		    void (*moved)(void *, uint32_t, uint32_t), void *arg);

/* A child whose threads could not all start breaks the queue: the items
   its missing producers would put never come. */
void		 work_queue_break(struct work_shared *ws);

#endif
