/*
 * text.c: the words of an event, and the numbers in them (see text.h).
 */
#include <sys/wait.h>

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "model.h"
#include "text.h"

bool
text_line(const struct event *ev, char *buf, size_t len)
{
	if (buf == NULL)
		return ev->state == ST_DONE || ev->state == ST_PDONE ||
		    ev->state == ST_MDONE;
	switch (ev->state) {
	case ST_DONE:
		snprintf(buf, len, ">thread Thread-%u in process Process-%u "
		    "done.", ev->thread, ev->proc);
		return true;
	case ST_PDONE:
		snprintf(buf, len, "Process Process-%u done.", ev->proc);
		return true;
	case ST_MDONE:
		snprintf(buf, len, "Main process done.");
		return true;
	}
	if (len > 0)
		buf[0] = '\0';
	return false;
}

bool
text_note(const struct event *ev, char *buf, size_t len)
{
	if (buf != NULL && len > 0)
		buf[0] = '\0';
	if (ev->state == ST_ZOMBIE) {
		if (buf != NULL)
			snprintf(buf, len, "Process-%u (pid %d) has ended: a "
			    "zombie until it is reaped.", ev->proc, ev->pid);
		return true;
	}
	if (ev->state == ST_MHELD) {
		if (buf != NULL)
			snprintf(buf, len, "Threads held at the gate.");
		return true;
	}
	if (ev->state == ST_MSTOPPED || ev->state == ST_MCONTINUED) {
		if (buf != NULL)
			snprintf(buf, len, "%s every process.",
			    ev->state == ST_MSTOPPED ? "Stopped (SIGSTOP)" :
			    "Continued (SIGCONT)");
		return true;
	}
	return false;
}

bool
text_fault(const struct event *ev, char *buf, size_t len)
{
	int ws = (int)ev->wstatus;
	const char *sig;

	if (buf == NULL)
		return ev->state == ST_TFAILED || ev->state == ST_KILLED ||
		    ev->state == ST_FAILED || (ev->state == ST_HOLDING &&
		    (ev->what & OBJ_RECOVERED));
	switch (ev->state) {
	case ST_HOLDING:
		if (!(ev->what & OBJ_RECOVERED))
			goto none;
		snprintf(buf, len, "Thread-%u of Process-%u recovered the "
		    "global mutex: its holder died holding it", ev->thread,
		    ev->proc);
		return true;
	case ST_TFAILED:
		snprintf(buf, len, "Process-%u could not start Thread-%u: %s",
		    ev->proc, ev->thread, strerror((int)ev->err));
		return true;
	case ST_KILLED:
		sig = sigabbrev_np(WTERMSIG(ws));
		snprintf(buf, len, "Process-%u (pid %d) was killed by SIG%s",
		    ev->proc, ev->pid, sig != NULL ? sig : "?");
		break;
	case ST_FAILED:
		if (ev->wstatus == -1)
			text_never_forked(ev->proc, ev->proc, buf, len);
		else
			snprintf(buf, len, "Process-%u (pid %d) exited with "
			    "status %d", ev->proc, ev->pid,
			    WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
		break;
	default:
	none:
		if (len > 0)
			buf[0] = '\0';
		return false;
	}
	if (ev->what == OBJ_SEM && ev->object > 0) {
		size_t n = strlen(buf);

		snprintf(buf + n, len - n, "; its %u permit%s of the "
		    "semaphore %s given back", ev->object,
		    ev->object == 1 ? "" : "s", ev->object == 1 ? "was" :
		    "were");
	}
	return true;
}

const char *
text_threads_started(unsigned i, unsigned started, unsigned n, int err,
    char *buf, size_t len)
{
	snprintf(buf, len, "Process-%u started %u of %u threads: %s", i,
	    started, n, strerror(err));
	return buf;
}

const char *
text_exited_early(const struct event *ev, char *buf, size_t len)
{
	snprintf(buf, len, "Process-%u (pid %d) exited before it was done",
	    ev->proc, ev->pid);
	return buf;
}

const char *
text_never_forked(unsigned first, unsigned last, char *buf, size_t len)
{
	if (first == last)
		snprintf(buf, len, "Process-%u was never forked", first);
	else
		snprintf(buf, len, "Process-%u to Process-%u were never "
		    "forked", first, last);
	return buf;
}

const char *
text_fault_rest(enum fault_kind k, unsigned rest, char *buf, size_t len)
{
	/* One, more than one. */
	static const char *const kinds[FAULT_COUNT][2] = {
		[FAULT_THREADS]	= { "process could not start all its threads",
			"processes could not start all their threads" },
		[FAULT_KILLED]	= { "process was killed",
			"processes were killed" },
		[FAULT_STATUS]	= { "process exited with a non-zero status",
			"processes exited with a non-zero status" },
		[FAULT_EARLY]	= { "process exited before it was done",
			"processes exited before they were done" },
	};

	snprintf(buf, len, "... and %u more %s", rest,
	    (unsigned)k < FAULT_COUNT ? kinds[k][rest == 1 ? 0 : 1] : "?");
	return buf;
}

const char *
text_object(const struct model *m, unsigned i, unsigned j, char *buf,
    size_t len)
{
	const struct model_thread *t = model_thread(m, i, j);

	switch (t->what) {
	case OBJ_CPU:
		snprintf(buf, len, "a CPU");
		break;
	case OBJ_MUTEX:
		/* The deadlock's two mutexes have letters; the one mutex of
		   the mutex workload needs none. */
		if (t->object > 0 || (t->holds & HOLD_MUTEX(1)) ||
		    model_proc(m, i)->holder[1] != 0 || t->deadlocked)
			snprintf(buf, len, "mutex %c of Process-%u",
			    'A' + t->object, i);
		else
			snprintf(buf, len, "the mutex of Process-%u", i);
		break;
	case OBJ_GMUTEX:
		snprintf(buf, len, "the global mutex");
		break;
	case OBJ_SEM:
		snprintf(buf, len, "a permit of the semaphore");
		break;
	case OBJ_BARRIER:
		snprintf(buf, len, "the barrier of Process-%u", i);
		break;
	default:
		if (len > 0)
			buf[0] = '\0';
	}
	return buf;
}

bool
text_deadlock(const struct model *m, unsigned i, char *buf, size_t len)
{
	const struct model_proc *p = model_proc(m, i);
	unsigned s = p->cycle, cur = s, n = 0;
	size_t used;

	if (len > 0)
		buf[0] = '\0';
	if (s == 0)
		return false;
	snprintf(buf, len, "deadlock in Process-%u: Thread-%u waits for ", i,
	    s);
	do {
		cur = model_thread(m, i, cur)->blocker;
		used = strlen(buf);
		snprintf(buf + used, len - used, "%sThread-%u", n++ > 0 ?
		    ", which waits for " : "", cur);
	} while (cur != s && cur != 0 && n <= m->nthread);
	return true;
}

const char *
text_ordinal(unsigned n, char *buf, size_t len)
{
	static const char *const suffix[10] = { "th", "st", "nd", "rd", "th",
	    "th", "th", "th", "th", "th" };

	snprintf(buf, len, "%u%s", n, n % 100 >= 11 && n % 100 <= 13 ?
	    "th" : suffix[n % 10]);
	return buf;
}

const char *
text_secs(double ns, int decimals, bool trim, char *buf, size_t len)
{
	uint64_t whole;
	size_t n;

	/* ns / 1e9 as a double keeps nine decimals only up to 48 days. */
	if (decimals == 9 && ns >= 0 && ns < 0x1p64 &&
	    ns == (double)(whole = (uint64_t)ns))
		snprintf(buf, len, "%" PRIu64 ".%09" PRIu64,
		    whole / 1000000000u, whole % 1000000000u);
	else
		snprintf(buf, len, "%.*f", decimals, ns / 1e9);
	if (!trim || strchr(buf, '.') == NULL)
		return buf;
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}
