/*
 * event.h: the record that carries one state change from a thread or a
 * process to the main process, and the table of states it can name.
 *
 * A record is 32 bytes, fixed size and free of pointers, so that it can live
 * in shared memory and be copied as plain bytes.  Nothing in it is trusted by
 * the main process: model_apply() checks every field before using it.
 */
#ifndef PTVIZ_EVENT_H
#define PTVIZ_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Every state, once.  X(enum, name, kind): kind says which records may carry
 * it: T a thread (thread >= 1), P a process (thread == 0), M the main process
 * (proc == 0).  The name is what --json prints and the screen shows.
 * The order within a kind is roughly that of the life cycle; model.c's
 * table says which state may follow which.  A thread of the sleep workload
 * goes running, sleeping, done; the other workloads add computing (using
 * the CPU), waiting (for what `what` and `object` name) and holding (a
 * lock or a permit, while it sleeps its planned time).  ST_LOST is never sent: the
 * model gives it to the unfinished threads of a process that died.
 * ST_ZOMBIE is a process that has ended but is not reaped yet: only while
 * the screen holds reaping (z) does the main process say so and wait; the
 * reaping (exited, killed or failed) follows when it lets go.
 * ST_EXITED is the reaping of a process that exited with status 0; the
 * process then stays "done".  ST_MSTOPPED and ST_MCONTINUED are the main
 * process stopping (SIGSTOP) and continuing (SIGCONT) every child alive:
 * a pause is part of the run's history, not a state of the display.
 * ST_MHELD is a run held at its start (predict, then reveal): its threads
 * wait at the gate; "running" follows when the gate opens, and the run's
 * clock starts then -- what came before happened while it was held.
 * The last four are a traced program's (ptviz -- COMMAND, src/tracer.h),
 * never the built-in run's: ST_BORN a process born (`object`: the
 * process it was born of, 0 for ptviz itself), ST_EXEC a process that
 * ran another program, ST_TBORN a thread born (thread 1: the process's
 * main thread, born with it), ST_TENDED a thread that ended; a traced
 * process ends with ST_EXITED, ST_FAILED (a status not 0) or ST_KILLED,
 * as a reaping does.  Their names (comm) travel beside the events
 * (source_name()), not in them.  ST_KSTATE is a traced thread's state as
 * the kernel says it, sampled (src/tracesample.h): `what` its class (enum
 * taskstate_class, src/tasktypes.h), `kaddr` the futex word of a lock, the
 * descriptor of input or output, the call of another system call; for
 * input or output, `object` what the descriptor is (enum taskfd_kind) and
 * which way it waits (enum taskstate_io) times 256 (KSTATE_OBJECT()).
 * ST_GONE is a watched process's end whose status is not known: a program
 * followed through /proc alone (--poll, src/procpoll.h) sees that a
 * descendant is gone, but its parent, not ptviz, reaped it.
 * ST_MOVE is one move of the race or the queue (EVENT_MOVES below: `what`
 * which move, `value` and `aux` its figures); the thread stays in it
 * until its next event.
 * ST_GATE is a thread of a run in step mode at its gate (src/steps.h),
 * waiting for the room to let it make its next move: it keeps its state
 * and what it holds, but is not busy until its next event.  Only a
 * thread alive, not already at its gate, and not waiting, may come to
 * it.
 */
#define EVENT_STATES(X)						\
	X(ST_NEW,	"new",		T)				\
	X(ST_RUNNING,	"running",	T)				\
	X(ST_SLEEPING,	"sleeping",	T)				\
	X(ST_COMPUTING,	"computing",	T)				\
	X(ST_WAITING,	"waiting",	T)				\
	X(ST_HOLDING,	"holding",	T)				\
	X(ST_DONE,	"done",		T)				\
	X(ST_LOST,	"lost",		T)				\
	X(ST_TFAILED,	"failed",	T)				\
	X(ST_FORKED,	"forked",	P)				\
	X(ST_STARTING,	"starting",	P)				\
	X(ST_JOINING,	"joining",	P)				\
	X(ST_PDONE,	"done",		P)				\
	X(ST_ZOMBIE,	"zombie",	P)				\
	X(ST_EXITED,	"exited",	P)				\
	X(ST_KILLED,	"killed",	P)				\
	X(ST_FAILED,	"failed",	P)				\
	X(ST_MHELD,	"held",		M)				\
	X(ST_MRUNNING,	"running",	M)				\
	X(ST_MSTOPPED,	"stopped",	M)				\
	X(ST_MCONTINUED, "continued",	M)				\
	X(ST_MDONE,	"done",		M)				\
	X(ST_BORN,	"born",		P)				\
	X(ST_EXEC,	"exec",		P)				\
	X(ST_TBORN,	"born",		T)				\
	X(ST_TENDED,	"ended",	T)				\
	X(ST_KSTATE,	"kernel",	T)				\
	X(ST_GONE,	"gone",		P)				\
	X(ST_MOVE,	"move",		T)				\
	X(ST_GATE,	"gate",		T)

enum state {
#define X(e, name, kind) e,
	EVENT_STATES(X)
#undef X
	ST_COUNT
};

enum state_kind { KIND_THREAD, KIND_PROC, KIND_MAIN };

/* Is a thread in `state` busy -- sleeping, computing, holding a lock or
   a permit, or making the race's or the queue's moves?  The one
   definition: the concurrency figure, the details' "slept" and the
   timeline's folded levels all count these. */
static inline bool
state_busy(unsigned state)
{
	return state == ST_SLEEPING || state == ST_COMPUTING ||
	    state == ST_HOLDING || state == ST_MOVE;
}

/* Does a thread in `state` need a CPU for its work -- computing, or making
   moves -- so that no more of them than the CPUs count as busy at once? */
static inline bool
state_on_cpu(unsigned state)
{
	return state == ST_COMPUTING || state == ST_MOVE;
}

/*
 * What a thread waits for or holds (struct event's `what`), with the name
 * --json prints.  OBJ_MUTEX is one of its own process's mutexes (`object`
 * 0, or 0 and 1 for the deadlock's two); the global mutex and the semaphore
 * are one for the whole run; the barrier is its process's.  The race's
 * counter and the queue are the run's: a thread waits for the queue
 * (`object` QUEUE_FULL or QUEUE_EMPTY) and never for the counter; the main
 * process's ST_MDONE names either when it tells the figures of the end
 * (`value`, `aux`: the counter and the writes made, or the items left in
 * the queue and the items put).
 */
#define EVENT_OBJECTS(X)					\
	X(OBJ_NONE,	"")					\
	X(OBJ_CPU,	"cpu")					\
	X(OBJ_MUTEX,	"mutex")				\
	X(OBJ_GMUTEX,	"global-mutex")				\
	X(OBJ_SEM,	"semaphore")				\
	X(OBJ_BARRIER,	"barrier")				\
	X(OBJ_COUNTER,	"counter")				\
	X(OBJ_QUEUE,	"queue")

enum object_kind {
#define X(e, name) e,
	EVENT_OBJECTS(X)
#undef X
	OBJ_COUNT
};

/* In `what` of ST_HOLDING: the holder before died holding it (a robust
   mutex's EOWNERDEAD) and this thread recovered it. */
#define OBJ_RECOVERED	0x80u
#define OBJ_KIND(what)	((what) & 0x7fu)

/* ST_KSTATE's `object` of input or output: what the descriptor is, and
   which way it waits. */
#define KSTATE_OBJECT(fdkind, io)	((uint16_t)((fdkind) | (io) << 8))
#define KSTATE_FDKIND(object)		((object) & 0xffu)
#define KSTATE_IO(object)		((object) >> 8)

/* What a thread waiting for the queue waits for (`object`). */
#define QUEUE_FULL	0u	/* a producer: a free slot */
#define QUEUE_EMPTY	1u	/* a consumer: an item */

/*
 * The moves of ST_MOVE (`what`), X(enum, name, what it touches, aux):
 * name what --json prints as "move", aux the name --json gives `aux` (NULL:
 * it has none, and is 0).  `value` is the counter a read read, an add
 * made or a write wrote, or the items in the queue after a put or a take;
 * `aux` the value a write replaced (it writes by an exchange, so a lost
 * update shows: the replaced value is not the one it read) or the number
 * of the item put or taken.  An unlock lets go of what the thread holds
 * (the race's lock), told before it does.
 */
#define EVENT_MOVES(X)						\
	X(MOVE_NONE,	"",		OBJ_NONE,	NULL)	\
	X(MOVE_READ,	"read",		OBJ_COUNTER,	NULL)	\
	X(MOVE_ADD,	"add",		OBJ_COUNTER,	NULL)	\
	X(MOVE_WRITE,	"write",	OBJ_COUNTER,	"was")	\
	X(MOVE_UNLOCK,	"unlock",	OBJ_GMUTEX,	NULL)	\
	X(MOVE_PUT,	"put",		OBJ_QUEUE,	"item")	\
	X(MOVE_TAKE,	"take",		OBJ_QUEUE,	"item")

enum move_kind {
#define X(e, name, obj, aux) e,
	EVENT_MOVES(X)
#undef X
	MOVE_COUNT
};

/* Per-process mutexes a thread may name (the deadlock takes two). */
#define OBJ_MUTEXES	2

struct event {
	uint64_t t_ns;		/* CLOCK_MONOTONIC when it happened */
	union {
		uint64_t sleep_ns;	/* ST_SLEEPING: the planned sleep */
		int64_t	 wstatus;	/* ST_EXITED, ST_KILLED, ST_FAILED (process):
					   waitpid() status, or -1 if never forked */
		int64_t	 err;		/* ST_TFAILED: errno of pthread_create */
		uint64_t plan_ns;	/* ST_COMPUTING, ST_HOLDING: planned
					   CPU time or time held */
		uint64_t cpu_ns;	/* ST_DONE of a CPU-bound thread: the
					   CPU time it used, measured in it */
		int64_t	 kaddr;		/* ST_KSTATE: the futex word, the
					   descriptor or the call */
		struct {
			uint32_t value;	/* ST_MOVE, ST_MDONE: see */
			uint32_t aux;	/* EVENT_MOVES, EVENT_OBJECTS */
		};
	};
	int32_t	 pid;		/* process that made the change */
	int32_t	 tid;		/* thread that made it (pid for a process) */
	uint16_t proc;		/* 1..P; 0 for the main process */
	uint16_t thread;	/* 1..T; 0 for the process itself */
	uint8_t	 state;		/* enum state */
	uint8_t	 what;		/* ST_WAITING, ST_HOLDING: enum
					   object_kind, | OBJ_RECOVERED;
					   ST_KILLED: OBJ_SEM if the main
					   process gave back permits */
	uint16_t object;	/* which one of its kind; ST_KILLED: how
					   many permits were given back */
};

_Static_assert(sizeof(struct event) == 32, "an event is 32 bytes");

/* The name of a state as printed by --json, or "?" for a bad value. */
const char	*state_name(unsigned state);

/* The kind of record that may carry a state; false for a bad value. */
bool		 state_kind(unsigned state, enum state_kind *kind);

/* The state of this kind of record named by the len bytes at name (not
   "lost", which is never sent); ST_COUNT if none. */
unsigned	 state_named(const char *name, size_t len, enum state_kind kind);

/* The name of a move as printed by --json ("read"), or NULL for a bad
   one (or MOVE_NONE). */
const char	*move_name(unsigned move);

/* The move named by the len bytes at name; MOVE_COUNT if none. */
unsigned	 move_named(const char *name, size_t len);

/* The object a move touches (OBJ_COUNTER), OBJ_NONE for a bad one. */
unsigned	 move_object(unsigned move);

/* The name --json gives a move's `aux` ("was"), NULL if it has none. */
const char	*move_aux_name(unsigned move);

/* The names --json gives the figures of the main process's end naming
   `what` (OBJ_COUNTER: "counter" and "writes"); false if it names none. */
bool		 end_figure_names(unsigned what, const char **value,
		    const char **aux);

/* The name of an object kind as printed by --json, or NULL for a bad one. */
const char	*object_name(unsigned what);

/* The object kind named by the len bytes at name ("mutex"); OBJ_COUNT if
   none. */
unsigned	 object_named(const char *name, size_t len);

/* The name --json gives a kernel class (enum taskstate_class: "lock"),
   a kind of descriptor (enum taskfd_kind: "pipe"), a way of input or
   output (enum taskstate_io: "read"); NULL for a bad value. */
const char	*kstate_class_name(unsigned cls);
const char	*kstate_fd_name(unsigned kind);
const char	*kstate_io_name(unsigned io);

/* CLOCK_MONOTONIC now, in nanoseconds. */
uint64_t	 now_ns(void);

/* The CPU time the calling thread has used, in nanoseconds: what a
   sweep of /proc cost, to space the next one. */
uint64_t	 thread_cpu_ns(void);

#endif
