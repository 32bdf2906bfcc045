/*
 * event.c: names and kinds of the states, and the clock every event uses.
 */
#include <string.h>
#include <time.h>

#include "event.h"

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

uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
