/*
 * event.c: names and kinds of the states, and the clock every event uses.
 */
#include <string.h>
#include <time.h>

#include "event.h"
#include "tasktypes.h"

static const struct {
	const char	*name;
	enum state_kind	 kind;
	size_t		 len;
} states[ST_COUNT] = {
#define T KIND_THREAD
#define P KIND_PROC
#define M KIND_MAIN
#define X(e, n, k) [e] = { n, k, sizeof(n) - 1 },
	EVENT_STATES(X)
#undef X
#undef T
#undef P
#undef M
};

const char *
state_name(unsigned state)
{
	return state < ST_COUNT ? states[state].name : "?";
}

bool
state_kind(unsigned state, enum state_kind *kind)
{
	if (state >= ST_COUNT)
		return false;
	*kind = states[state].kind;
	return true;
}

unsigned
state_named(const char *name, size_t len, enum state_kind kind)
{
	unsigned s;

	for (s = 0; s < ST_COUNT; s++)
		if (s != ST_LOST && states[s].kind == kind &&
		    states[s].len == len &&
		    memcmp(states[s].name, name, len) == 0)
			return s;
	return ST_COUNT;
}

static const char *const objects[OBJ_COUNT] = {
#define X(e, n) [e] = n,
	EVENT_OBJECTS(X)
#undef X
};

const char *
object_name(unsigned what)
{
	what = OBJ_KIND(what);
	return what > OBJ_NONE && what < OBJ_COUNT ? objects[what] : NULL;
}

unsigned
object_named(const char *name, size_t len)
{
	unsigned k;

	for (k = OBJ_NONE + 1; k < OBJ_COUNT; k++)
		if (strlen(objects[k]) == len &&
		    memcmp(objects[k], name, len) == 0)
			return k;
	return OBJ_COUNT;
}

static const struct {
	const char	*name;
	uint8_t		 object;
	const char	*aux;
} moves[MOVE_COUNT] = {
#define X(e, n, o, a) [e] = { n, o, a },
	EVENT_MOVES(X)
#undef X
};

const char *
move_name(unsigned move)
{
	return move > MOVE_NONE && move < MOVE_COUNT ? moves[move].name :
	    NULL;
}

unsigned
move_named(const char *name, size_t len)
{
	unsigned k;

	for (k = MOVE_NONE + 1; k < MOVE_COUNT; k++)
		if (strlen(moves[k].name) == len &&
		    memcmp(moves[k].name, name, len) == 0)
			return k;
	return MOVE_COUNT;
}

unsigned
move_object(unsigned move)
{
	return move < MOVE_COUNT ? moves[move].object : OBJ_NONE;
}

const char *
move_aux_name(unsigned move)
{
	return move < MOVE_COUNT ? moves[move].aux : NULL;
}

/* The figures of the end of a run of the race or the queue. */
static const struct {
	uint8_t		 what;
	const char	*value, *aux;
} ends[] = {
	{ OBJ_COUNTER,	"counter",	"writes" },
	{ OBJ_QUEUE,	"left",		"put" },
};

bool
end_figure_names(unsigned what, const char **value, const char **aux)
{
	size_t i;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		if (ends[i].what == what) {
			*value = ends[i].value;
			*aux = ends[i].aux;
			return true;
		}
	}
	return false;
}

/* The names --json gives what the kernel says of a traced thread. */
static const char *const kclasses[TASKSTATE_CLASSES] = {
	[TASKSTATE_GONE] = "gone",	[TASKSTATE_CPU] = "cpu",
	[TASKSTATE_SLEEP] = "sleep",	[TASKSTATE_LOCK] = "lock",
	[TASKSTATE_CHILD] = "child",	[TASKSTATE_IO] = "io",
	[TASKSTATE_SIGNAL] = "signal",	[TASKSTATE_SYSCALL] = "syscall",
	[TASKSTATE_BLOCKED] = "blocked", [TASKSTATE_STOPPED] = "stopped",
	[TASKSTATE_ZOMBIE] = "zombie",
};

static const char *const kfds[TASKFD_KINDS] = {
	[TASKFD_UNKNOWN] = "unknown",	[TASKFD_PIPE] = "pipe",
	[TASKFD_SOCKET] = "socket",	[TASKFD_TERMINAL] = "terminal",
	[TASKFD_DEVICE] = "device",	[TASKFD_FILE] = "file",
	[TASKFD_EVENTFD] = "eventfd",	[TASKFD_TIMERFD] = "timerfd",
	[TASKFD_SIGNALFD] = "signalfd",	[TASKFD_EPOLL] = "epoll",
	[TASKFD_INOTIFY] = "inotify",	[TASKFD_OTHER] = "other",
};

static const char *const kios[TASKSTATE_IOS] = {
	[TASKSTATE_IO_NONE] = "any",	[TASKSTATE_IO_IN] = "read",
	[TASKSTATE_IO_OUT] = "write",	[TASKSTATE_IO_EITHER] = "poll",
	[TASKSTATE_IO_ACCEPT] = "accept", [TASKSTATE_IO_CONNECT] = "connect",
};

const char *
kstate_class_name(unsigned cls)
{
	return cls < TASKSTATE_CLASSES ? kclasses[cls] : NULL;
}

const char *
kstate_fd_name(unsigned kind)
{
	return kind < TASKFD_KINDS ? kfds[kind] : NULL;
}

const char *
kstate_io_name(unsigned io)
{
	return io < TASKSTATE_IOS ? kios[io] : NULL;
}

/* A clock's time now, in nanoseconds. */
static uint64_t
clock_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t
now_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

uint64_t
thread_cpu_ns(void)
{
	return clock_ns(CLOCK_THREAD_CPUTIME_ID);
}
