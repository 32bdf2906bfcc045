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
#include "tasknames.h"
#include "text.h"

/* The words of each move, before and after its value (event.h). */
static const struct {
	const char	*before, *after;
} move_words[MOVE_COUNT] = {
	[MOVE_READ]	= { "reads counter = ", "" },
	[MOVE_ADD]	= { "adds 1 = ", "" },
	[MOVE_WRITE]	= { "writes counter = ", "" },
	[MOVE_UNLOCK]	= { "lets go of the global mutex", NULL },
	[MOVE_PUT]	= { "puts item ", " in the queue" },
	[MOVE_TAKE]	= { "takes item ", " from the queue" },
};

/* The line of move ev: "Process-2 Thread-1: reads counter = 41", "...
   writes counter = 42 over 43" (the value it replaced, when that is not
   what it read), "... puts item 7 in the queue: 2 in it". */
static void
move_line(const struct event *ev, char *buf, size_t len)
{
	unsigned mv = ev->what < MOVE_COUNT ? ev->what : MOVE_NONE;
	int n;

	n = snprintf(buf, len, "Process-%u Thread-%u: %s", ev->proc,
	    ev->thread, move_words[mv].before != NULL ?
	    move_words[mv].before : "?");
	if (n < 0 || (size_t)n >= len || move_words[mv].after == NULL)
		return;
	if (mv == MOVE_PUT || mv == MOVE_TAKE)
		snprintf(buf + n, len - (size_t)n, "%" PRIu32 "%s: %" PRIu32
		    " in it", ev->aux, move_words[mv].after, ev->value);
	else if (mv == MOVE_WRITE && ev->aux != ev->value - 1)
		snprintf(buf + n, len - (size_t)n, "%" PRIu32 " over %"
		    PRIu32, ev->value, ev->aux);
	else
		snprintf(buf + n, len - (size_t)n, "%" PRIu32 "%s",
		    ev->value, move_words[mv].after);
}

bool
text_line(const struct event *ev, char *buf, size_t len)
{
	if (buf == NULL)
		return ev->state == ST_DONE || ev->state == ST_PDONE ||
		    ev->state == ST_MDONE || ev->state == ST_MOVE;
	switch (ev->state) {
	case ST_MOVE:
		move_line(ev, buf, len);
		return true;
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

/* What a thread waits for or holds (what, object) as a phrase, its
   process (proc) named where the words need it, 0: not (the line names
   it already); lettered: the process has two mutexes, A and B (the
   deadlock); "" if it names nothing. */
static const char *
object_words(unsigned what, unsigned object, unsigned proc, bool lettered,
    char *buf, size_t len)
{
	char of[32] = "";

	if (proc != 0)
		snprintf(of, sizeof(of), " of Process-%u", proc);
	switch (what) {
	case OBJ_CPU:
		snprintf(buf, len, "a CPU");
		break;
	case OBJ_MUTEX:
		if (lettered)
			snprintf(buf, len, "mutex %c%s", 'A' + object, of);
		else
			snprintf(buf, len, "the mutex%s", of);
		break;
	case OBJ_GMUTEX:
		snprintf(buf, len, "the global mutex");
		break;
	case OBJ_SEM:
		snprintf(buf, len, "a permit of the semaphore");
		break;
	case OBJ_BARRIER:
		snprintf(buf, len, "the barrier%s", of);
		break;
	case OBJ_QUEUE:
		snprintf(buf, len, "%s", object == QUEUE_FULL ?
		    "a free slot: the queue is full" :
		    "an item: the queue is empty");
		break;
	default:
		if (len > 0)
			buf[0] = '\0';
	}
	return buf;
}

bool
text_step(const struct event *ev, bool lettered, char *buf, size_t len)
{
	char secs[32], obj[32];
	int n;

	if (buf != NULL && len > 0)
		buf[0] = '\0';
	if (ev->thread == 0 || (ev->state != ST_SLEEPING &&
	    ev->state != ST_COMPUTING && ev->state != ST_WAITING &&
	    ev->state != ST_HOLDING))
		return false;
	if (buf == NULL)
		return true;
	n = snprintf(buf, len, "Process-%u Thread-%u: ", ev->proc, ev->thread);
	if (n < 0 || (size_t)n >= len)
		return true;
	buf += n;
	len -= (size_t)n;
	switch (ev->state) {
	case ST_SLEEPING:
		snprintf(buf, len, "sleeps (%s s planned)", text_secs(
		    (double)ev->sleep_ns, 2, true, secs, sizeof(secs)));
		break;
	case ST_COMPUTING:
		snprintf(buf, len, "computes (%s s of CPU planned)", text_secs(
		    (double)ev->plan_ns, 2, true, secs, sizeof(secs)));
		break;
	case ST_WAITING:
		snprintf(buf, len, "waits for %s", object_words(OBJ_KIND(
		    ev->what), ev->object, 0, lettered, obj, sizeof(obj)));
		break;
	default:
		snprintf(buf, len, "takes %s", object_words(OBJ_KIND(ev->what),
		    ev->object, 0, lettered, obj, sizeof(obj)));
	}
	return true;
}

bool
text_work_figure(const struct model *m, char *buf, size_t len)
{
	int64_t counter = (int64_t)m->writes - m->lost;

	if (len > 0)
		buf[0] = '\0';
	if (m->slots > 0)
		/* Counted, not as last told: the rings are read in turn,
		   and a take told before its put counts as none in. */
		snprintf(buf, len, "queue %" PRIu64 " of %u full: %" PRIu64
		    " put, %" PRIu64 " taken", m->puts > m->takes ?
		    m->puts - m->takes : 0, m->slots, m->puts, m->takes);
	else if (m->writes == 0)
		return false;
	else if (m->lost > 0)
		snprintf(buf, len, "counter %" PRId64 ", should be %" PRIu64
		    ": %" PRId64 " update%s lost", counter, m->writes,
		    m->lost, m->lost == 1 ? "" : "s");
	else
		snprintf(buf, len, "counter %" PRId64 ", should be %" PRIu64,
		    counter, m->writes);
	return true;
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

/* A task's name as it may be printed on one line: each control byte a
   '?'; "?" if there is none. */
static const char *
shown_name(const char *name, char *buf, size_t len)
{
	size_t i;

	snprintf(buf, len, "%s", name != NULL ? name : "?");
	for (i = 0; buf[i] != '\0'; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = '?';
	return buf;
}

/* The words of a traced program's event: who -- a process with its name,
   a process by its pid alone (its name is the news), a thread -- then
   what: the words before the event's argument (traced_arg()), if it has
   one, and after it. */
enum traced_who { WHO_PROC, WHO_PID, WHO_THREAD };

static const struct {
	uint8_t		 state;
	uint8_t		 who;
	bool		 arg;
	const char	*before, *after;
} traced_words[] = {
	{ ST_BORN,	WHO_PROC,	true,	"born of ",	"" },
	{ ST_EXEC,	WHO_PID,	true,	"runs ",	" now (exec)" },
	{ ST_TBORN,	WHO_THREAD,	false,	"born",		"" },
	{ ST_TENDED,	WHO_THREAD,	false,	"ended",	"" },
	{ ST_EXITED,	WHO_PROC,	true,	"exited with status ", "" },
	{ ST_FAILED,	WHO_PROC,	true,	"exited with status ", "" },
	{ ST_KILLED,	WHO_PROC,	true,	"killed by ",	"" },
	{ ST_GONE,	WHO_PROC,	false,	"is gone (its status is not "
	  "known)", "" },
};

/* A wait status's exit status ("3") or signal ("SIGKILL"), after
   `exited` or `killed`. */
static const char *
status_words(int ws, const char *exited, const char *killed, char *buf,
    size_t len)
{
	const char *sig;

	if (WIFEXITED(ws))
		snprintf(buf, len, "%s%d", exited, WEXITSTATUS(ws));
	else if (WIFSIGNALED(ws) && (sig = sigabbrev_np(WTERMSIG(ws))) != NULL)
		snprintf(buf, len, "%sSIG%s", killed, sig);
	else
		snprintf(buf, len, "%ssignal %d", killed, WTERMSIG(ws));
	return buf;
}

/* The argument of ev's words: whom a process was born of, the program it
   runs now, its exit status or the signal that killed it. */
static const char *
traced_arg(const struct event *ev, const char *name, char *buf, size_t len)
{
	buf[0] = '\0';
	if (ev->state == ST_BORN && ev->object == 0)
		snprintf(buf, len, "ptviz");
	else if (ev->state == ST_BORN)
		snprintf(buf, len, "process %u", ev->object);
	else if (ev->state == ST_EXEC)
		snprintf(buf, len, "%s", name);
	else
		status_words((int)ev->wstatus, "", "", buf, len);
	return buf;
}

const char *
text_traced_end(int wstatus, char *buf, size_t len)
{
	return status_words(wstatus, "exit ", "killed by ", buf, len);
}

bool
text_traced(const struct event *ev, const char *name, char *buf, size_t len)
{
	char nm[32], who[96], arg[48];
	size_t i, n = sizeof(traced_words) / sizeof(traced_words[0]);

	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < n && traced_words[i].state != ev->state; i++)
		;
	/* A main thread's birth and end are its process's. */
	if (i == n || len == 0 || (traced_words[i].who == WHO_THREAD &&
	    ev->thread <= 1))
		return false;
	shown_name(name, nm, sizeof(nm));
	if (traced_words[i].who == WHO_THREAD)
		snprintf(who, sizeof(who), "thread %u of process %u (%s, tid "
		    "%d)", ev->thread, ev->proc, nm, ev->tid);
	else if (traced_words[i].who == WHO_PID)
		snprintf(who, sizeof(who), "process %u (pid %d)", ev->proc,
		    ev->pid);
	else
		snprintf(who, sizeof(who), "process %u (%s, pid %d)", ev->proc,
		    nm, ev->pid);
	snprintf(buf, len, ">%s %s%s%s", who, traced_words[i].before,
	    traced_words[i].arg ? traced_arg(ev, nm, arg, sizeof(arg)) : "",
	    traced_words[i].after);
	return true;
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

	/* The deadlock's two mutexes have letters; the one mutex of the
	   mutex workload needs none. */
	return object_words(t->what, t->object, i, t->what == OBJ_MUTEX &&
	    (t->object > 0 || (t->holds & HOLD_MUTEX(1)) ||
	    model_proc(m, i)->holder[1] != 0 || t->deadlocked), buf, len);
}

/* A list of names, as long as it fits in len: the names of `total`, then
   "... and 3 more" for those that do not fit (if `keep`: room is kept for
   these words), or "nobody" for none. */
struct list {
	char		*buf;
	size_t		 len;
	unsigned	 total, added, more;
	bool		 keep;
};

/* Start l afresh, keeping room for the words of those left out or not. */
static void
list_start(struct list *l, bool keep)
{
	l->buf[0] = '\0';
	l->added = l->more = 0;
	l->keep = keep;
}

/* Add a name to l if it fits. */
static void
list_add(struct list *l, const char *name)
{
	size_t used = strlen(l->buf), n = strlen(name) + (used > 0 ? 2 : 0);
	unsigned after = l->total - l->added - l->more - 1;
	int keep = l->keep && after > 0 ? snprintf(NULL, 0,
	    ", ... and %u more", after) : 0;

	if (l->more > 0 || used + n + (size_t)keep >= l->len) {
		l->more++;
		return;
	}
	snprintf(l->buf + used, l->len - used, "%s%s", used > 0 ? ", " : "",
	    name);
	l->added++;
}

/* End the list: the number left over, or "nobody". */
static const char *
list_end(struct list *l)
{
	size_t used = strlen(l->buf);

	if (l->more > 0)
		snprintf(l->buf + used, l->len - used, "%s... and %u more",
		    used > 0 ? ", " : "", l->more);
	else if (used == 0)
		snprintf(l->buf, l->len, "nobody");
	return l->buf;
}

const char *
text_sem_holders(const struct model *m, char *buf, size_t len)
{
	struct list l = { .buf = buf, .len = len };
	unsigned i, j, pass;
	char name[32];

	if (len == 0)
		return buf;
	/* Count them; name them all, if they fit; else those that fit with
	   the words of the rest. */
	for (pass = 0; pass < 3 && (pass < 2 || l.more > 0); pass++) {
		list_start(&l, pass == 2);
		for (i = 1; i <= m->nproc; i++)
			for (j = 1; j <= m->nthread; j++) {
				if (!(model_thread(m, i, j)->holds &
				    HOLD_SEM))
					continue;
				snprintf(name, sizeof(name), "P%u T%u", i, j);
				if (pass == 0)
					l.total++;
				else
					list_add(&l, name);
			}
	}
	return list_end(&l);
}

const char *
text_sem_free(const struct model *m, unsigned permits, char *buf,
    size_t len)
{
	snprintf(buf, len, "%u of %u permit%s", permits > m->sem_held ?
	    permits - m->sem_held : 0, permits, permits == 1 ? "" : "s");
	return buf;
}

/* Has thread t not come to its process's barrier yet (and will it)? */
static bool
to_come(const struct model_thread *t)
{
	return t->what != OBJ_BARRIER && t->state != ST_TFAILED &&
	    t->state != ST_LOST;
}

const char *
text_barrier_to_come(const struct model *m, unsigned i, char *buf,
    size_t len)
{
	struct list l = { .buf = buf, .len = len };
	unsigned j, pass;
	char name[32];

	if (len == 0)
		return buf;
	for (j = 1; j <= m->nthread; j++)
		l.total += to_come(model_thread(m, i, j));
	/* Long names if they all fit, else short ones, else those that fit
	   with the words of the rest. */
	for (pass = 0; pass < 3 && (pass == 0 || l.more > 0); pass++) {
		list_start(&l, pass == 2);
		for (j = 1; j <= m->nthread; j++) {
			if (!to_come(model_thread(m, i, j)))
				continue;
			snprintf(name, sizeof(name), pass == 0 ? "Thread-%u" :
			    "T%u", j);
			list_add(&l, name);
		}
	}
	return list_end(&l);
}

const char *
text_barrier_waited(const struct model *m, unsigned i, unsigned j,
    char *buf, size_t len)
{
	const struct model_thread *t = model_thread(m, i, j);
	unsigned last = model_proc(m, i)->last_in;

	if (len > 0)
		buf[0] = '\0';
	if (t->what != OBJ_BARRIER || last == 0 ||
	    (t->state != ST_SLEEPING && t->state != ST_DONE))
		return buf;
	if (last == j)
		snprintf(buf, len, "(it came last)");
	else
		snprintf(buf, len, "for Thread-%u", last);
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

uint64_t
text_tick_ns(uint64_t unit_ns, unsigned gap)
{
	/* Steps a reader counts in: 1, 2, 5 and the quarters of a minute. */
	static const uint64_t steps_ms[] = { 1, 2, 5, 10, 20, 50, 100, 200,
	    250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000,
	    300000, 600000, 1200000 };
	uint64_t step = 0;
	size_t i;

	for (i = 0; i < sizeof(steps_ms) / sizeof(steps_ms[0]); i++) {
		step = steps_ms[i] * 1000000ull;
		if (step / unit_ns >= gap)
			break;
	}
	return step;
}

const char *
text_proc_name(const struct model *m, const struct tasknames *names,
    unsigned i, char *buf, size_t len)
{
	const char *n;

	if (!m->traced) {
		snprintf(buf, len, "Process-%u", i);
		return buf;
	}
	n = names != NULL ? tasknames_get(names, i, 0) : NULL;
	snprintf(buf, len, "%s (pid %d)", n != NULL ? n : "?",
	    model_proc(m, i)->pid);
	return buf;
}
