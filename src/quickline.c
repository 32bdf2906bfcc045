/*
 * quickline.c: jsonl_event()'s own form, read by hand (see quickline.h).
 *
 * A cursor walks the line: each member is a literal (the key, with its
 * punctuation) and then a value, read strictly -- a whole number in range
 * with no leading zero, or a name from event.h's tables without escapes.
 * What a state adds after the common members comes from one table row per
 * state, in the order jsonl_event() writes it.  The first thing that is
 * not exactly as written makes the whole line json-c's.
 */
#include <string.h>

#include "event.h"
#include "quickline.h"
#include "run.h"
#include "work.h"

/* No time in a recording is later than this after its start: as in
   recording.c. */
#define T_MAX		(100ull * 365 * 24 * 3600 * 1000000000ull)

struct cur {
	const char	*p, *end;
};

/* The literal s next, stepped over. */
static inline bool
lit(struct cur *c, const char *s, size_t n)
{
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
		return false;
	c->p += n;
	return true;
}

#define LIT(c, s)	lit((c), (s), sizeof(s) - 1)

/* A whole number as strict JSON writes it, in [lo, hi].  Up to 19 digits
   cannot pass 2^64 - 1: only a 20th needs a look at the limit. */
static bool
num(struct cur *c, uint64_t lo, uint64_t hi, uint64_t *v)
{
	const char *p = c->p, *q;
	uint64_t n = 0;
	unsigned d;

	for (q = p; q < c->end && (d = (unsigned)(*q - '0')) < 10; q++) {
		if (q - p >= 19 && (q - p > 19 || n > (UINT64_MAX - d) / 10))
			return false;
		n = n * 10 + d;
	}
	/* A leading zero is not JSON: json-c refuses it. */
	if (q == p || (q - p > 1 && *p == '0') || n < lo || n > hi)
		return false;
	c->p = q;
	*v = n;
	return true;
}

/* A pid or a tid: a number that may be negative, in an int32_t. */
static bool
snum(struct cur *c, int32_t *v)
{
	uint64_t n;

	if (LIT(c, "-")) {
		if (!num(c, 0, (uint64_t)INT32_MAX + 1, &n))
			return false;
		*v = (int32_t)-(int64_t)n;
		return true;
	}
	if (!num(c, 0, INT32_MAX, &n))
		return false;
	*v = (int32_t)n;
	return true;
}

/* A string without escapes, then its closing quote: its bytes.  (Names
   are short: a loop beats two memchr calls.) */
static bool
name(struct cur *c, const char **s, size_t *len)
{
	const char *q;

	for (q = c->p; q < c->end && *q != '"'; q++)
		if (*q == '\\')
			return false;
	if (q == c->end)
		return false;
	*s = c->p;
	*len = (size_t)(q - c->p);
	c->p = q + 1;
	return true;
}

/* "for"'s or "holds"'s object, then "object". */
static bool
object(struct cur *c, struct event *ev)
{
	const char *s;
	size_t len;
	uint64_t n;
	unsigned k;

	if (!name(c, &s, &len) || (k = object_named(s, len)) == OBJ_COUNT ||
	    !LIT(c, ",\"object\":") || !num(c, 0, OBJ_MUTEXES - 1, &n))
		return false;
	ev->what = (uint8_t)k;
	ev->object = (uint16_t)n;
	return true;
}

/* A move's "move", "value" and its aux if it has one ("was", "item"). */
static bool
move(struct cur *c, struct event *ev)
{
	const char *s, *aux;
	size_t len;
	uint64_t n;
	unsigned k;

	if (!LIT(c, ",\"move\":\"") || !name(c, &s, &len) ||
	    (k = move_named(s, len)) == MOVE_COUNT ||
	    !LIT(c, ",\"value\":") || !num(c, 0, UINT32_MAX, &n))
		return false;
	ev->what = (uint8_t)k;
	ev->value = (uint32_t)n;
	if ((aux = move_aux_name(k)) == NULL)
		return true;
	if (!LIT(c, ",\"") || !lit(c, aux, strlen(aux)) || !LIT(c, "\":") ||
	    !num(c, 0, UINT32_MAX, &n))
		return false;
	ev->aux = (uint32_t)n;
	return true;
}

/* What each state adds, as jsonl_event() writes it. */
static bool
extra(struct cur *c, const struct run_config *cfg, struct event *ev)
{
	uint64_t n;

	switch (ev->state) {
	case ST_SLEEPING:
		return LIT(c, ",\"sleep_ns\":") &&
		    num(c, 0, cfg->sleep_ns, &ev->sleep_ns);
	case ST_COMPUTING:
		return LIT(c, ",\"cpu_ns\":") &&
		    num(c, 0, cfg->sleep_ns, &ev->plan_ns);
	case ST_WAITING:
		return LIT(c, ",\"for\":\"") && object(c, ev);
	case ST_HOLDING:
		if (!LIT(c, ",\"holds\":\"") || !object(c, ev) ||
		    !LIT(c, ",\"hold_ns\":") ||
		    !num(c, 0, cfg->sleep_ns, &ev->plan_ns))
			return false;
		if (LIT(c, ",\"recovered\":true"))
			ev->what |= OBJ_RECOVERED;
		return true;
	case ST_DONE:
		return !LIT(c, ",\"cpu_used_ns\":") ||
		    num(c, 1, T_MAX, &ev->cpu_ns);
	case ST_EXITED:
	case ST_KILLED:
	case ST_FAILED:
		/* A signal, an error: rare, and json-c's. */
		if (!LIT(c, ",\"status\":") || !num(c, 0, 255, &n))
			return false;
		ev->wstatus = (int64_t)(n << 8);
		if (!LIT(c, ",\"permits_back\":"))
			return true;
		if (!num(c, 1, WORK_MAX_PERMITS, &n))
			return false;
		ev->what = OBJ_SEM;
		ev->object = (uint16_t)n;
		return true;
	case ST_MOVE:
		return move(c, ev);
	case ST_TFAILED:
		return false;
	}
	return true;
}

bool
quickline_event(const char *s, size_t len, const struct run_config *cfg,
    uint64_t t0, struct event *ev)
{
	struct cur c = { s, s + len };
	uint64_t t, proc, thread;
	enum state_kind kind;
	const char *nm;
	size_t nlen;

	*ev = (struct event){ 0 };
	if (!LIT(&c, "{\"t_ns\":") || !num(&c, 0, T_MAX, &t) ||
	    !LIT(&c, ",\"event\":\"") || !name(&c, &nm, &nlen) ||
	    !LIT(&c, ",\"proc\":") || !num(&c, 0, cfg->nproc, &proc) ||
	    !LIT(&c, ",\"thread\":") || !num(&c, 0, cfg->nthread, &thread) ||
	    !LIT(&c, ",\"pid\":") || !snum(&c, &ev->pid) ||
	    !LIT(&c, ",\"tid\":") || !snum(&c, &ev->tid))
		return false;
	if (proc == 0 && thread != 0)
		return false;
	kind = proc == 0 ? KIND_MAIN : thread == 0 ? KIND_PROC : KIND_THREAD;
	ev->t_ns = t0 + t;
	ev->proc = (uint16_t)proc;
	ev->thread = (uint16_t)thread;
	ev->state = (uint8_t)state_named(nm, nlen, kind);
	return ev->state != ST_COUNT && extra(&c, cfg, ev) &&
	    LIT(&c, "}") && c.p == c.end;
}
