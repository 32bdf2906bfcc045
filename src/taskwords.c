/*
 * taskwords.c: a real thread's state in words.
 *
 * Three tables of words (the classes, the ways of input or output, the
 * kinds of descriptor) and a teller for each class whose sentence has
 * more than its meaning: a sleep's length, a futex word, a descriptor.
 * A sentence ends with where the state was seen, in parentheses: the
 * descriptor and the call, or the kernel's function when the call could
 * not be read.
 */
#include <stdio.h>

#include "event.h"
#include "syscalls.h"
#include "taskwords.h"
#include "text.h"

/* Each class in words: for a cell (8 columns at most), for a learner. */
static const struct {
	const char	*word;
	const char	*meaning;
} classes[TASKSTATE_CLASSES] = {
	[TASKSTATE_GONE] =	{ "gone",	"ended: no such thread now" },
	[TASKSTATE_CPU] =	{ "cpu",
	    "on a CPU, or ready and waiting for one" },
	[TASKSTATE_SLEEP] =	{ "sleep",	"in a timed sleep" },
	[TASKSTATE_LOCK] =	{ "lock",
	    "waiting on a lock or a condition" },
	[TASKSTATE_CHILD] =	{ "child",
	    "waiting for a child process to end" },
	[TASKSTATE_IO] =	{ "i/o",	"waiting for input or output" },
	[TASKSTATE_SIGNAL] =	{ "signal",	"waiting for a signal" },
	[TASKSTATE_SYSCALL] =	{ "syscall",	"in a system call" },
	[TASKSTATE_BLOCKED] =	{ "wait",
	    "waiting, for what the kernel does not say" },
	[TASKSTATE_STOPPED] =	{ "stopped",
	    "stopped, by a signal or a debugger" },
	[TASKSTATE_ZOMBIE] =	{ "zombie",
	    "ended, not yet waited for by its parent" },
};

/* Each way of input or output: a cell's word, and a phrase that a
   descriptor's words end. */
static const struct {
	const char	*word;
	const char	*phrase;
} ios[TASKSTATE_IOS] = {
	[TASKSTATE_IO_NONE] =	 { "i/o",	"waiting for input or output on" },
	[TASKSTATE_IO_IN] =	 { "read",	"waiting for input from" },
	[TASKSTATE_IO_OUT] =	 { "write",	"waiting to write to" },
	[TASKSTATE_IO_EITHER] =	 { "poll",	"waiting for input or output on" },
	[TASKSTATE_IO_ACCEPT] =	 { "accept",	"waiting for a connection on" },
	[TASKSTATE_IO_CONNECT] = { "connect",	"waiting to connect" },
};

static const char *const fdwords[TASKFD_KINDS] = {
	[TASKFD_UNKNOWN] =	"a descriptor",
	[TASKFD_PIPE] =		"a pipe",
	[TASKFD_SOCKET] =		"a socket",
	[TASKFD_TERMINAL] =	"the terminal",
	[TASKFD_DEVICE] =		"a device",
	[TASKFD_FILE] =		"a file",
	[TASKFD_EVENTFD] =	"an eventfd",
	[TASKFD_TIMERFD] =	"a timerfd",
	[TASKFD_SIGNALFD] =	"a signalfd",
	[TASKFD_EPOLL] =		"an epoll set",
	[TASKFD_INOTIFY] =	"an inotify watch",
	[TASKFD_OTHER] =		"a descriptor",
};

const char *
taskwords_cell(const struct taskstate *ts)
{
	if (ts->cls == TASKSTATE_IO)
		return ios[ts->io].word;
	return classes[ts->cls].word;
}

const char *
taskwords_meaning(enum taskstate_class cls)
{
	return (unsigned)cls < TASKSTATE_CLASSES ? classes[cls].meaning :
	    "unknown";
}

const char *
taskwords_fd(enum taskfd_kind kind)
{
	return (unsigned)kind < TASKFD_KINDS ? fdwords[kind] :
	    "a descriptor";
}

/* The class's words in a sentence, and ts's particulars after them. */
typedef int tell_fn(const struct taskstate *, const char *, char *, size_t);

/* "(read)", "(fd 3, read)", "(kernel: pipe_read)": where the state was
   seen, in parentheses after a space; "" if nowhere. */
static const char *
seen(const struct taskstate *ts, char *buf, size_t len)
{
	char fd[24] = "";

	if (ts->fd >= 0)
		snprintf(fd, sizeof(fd), "fd %d%s", ts->fd,
		    ts->call != NULL ? ", " : "");
	if (ts->call != NULL || ts->fd >= 0)
		snprintf(buf, len, " (%s%s)", fd,
		    ts->call != NULL ? ts->call : "");
	else if (ts->wchan[0] != '\0')
		snprintf(buf, len, " (kernel: %s)", ts->wchan);
	else
		buf[0] = '\0';
	return buf;
}

/* The meaning, then where. */
static int
tell_plain(const struct taskstate *ts, const char *meaning, char *buf,
    size_t len)
{
	char where[80];

	return snprintf(buf, len, "%s%s", meaning,
	    seen(ts, where, sizeof(where)));
}

/* "waiting for input from a pipe and 2 more (fd 3, read)". */
static int
tell_io(const struct taskstate *ts, const char *meaning, char *buf,
    size_t len)
{
	char more[24] = "", where[80];

	if (ts->nfds > 1)
		snprintf(more, sizeof(more), " and %u more", ts->nfds - 1);
	return snprintf(buf, len, "%s %s%s%s", ios[ts->io].phrase,
	    taskwords_fd(ts->fdkind), more, seen(ts, where,
	    sizeof(where)));
}

/* "in a timed sleep (clock_nanosleep), 9.8 s left". */
static int
tell_sleep(const struct taskstate *ts, const char *meaning, char *buf,
    size_t len)
{
	char where[80], secs[32];

	if (ts->sleep_ns < 0)
		return tell_plain(ts, meaning, buf, len);
	return snprintf(buf, len, "%s%s, %s s %s", meaning,
	    seen(ts, where, sizeof(where)), text_secs((double)ts->sleep_ns,
	    1, true, secs, sizeof(secs)), ts->sleep_left ? "left" : "asked");
}

/* "waiting on a lock or a condition (futex word 0x7f00...)": the same
   word, the same lock. */
static int
tell_lock(const struct taskstate *ts, const char *meaning, char *buf,
    size_t len)
{
	if (ts->futex == 0)
		return tell_plain(ts, meaning, buf, len);
	return snprintf(buf, len, "%s (futex word 0x%llx)", meaning,
	    (unsigned long long)ts->futex);
}

/* "in a system call (openat)", "in system call 999". */
static int
tell_syscall(const struct taskstate *ts, const char *meaning, char *buf,
    size_t len)
{
	if (ts->call == NULL && ts->nr >= 0)
		return snprintf(buf, len, "in system call %ld", ts->nr);
	return tell_plain(ts, meaning, buf, len);
}

/* How each class tells itself; NULL: tell_plain. */
static tell_fn *const tellers[TASKSTATE_CLASSES] = {
	[TASKSTATE_SLEEP] = tell_sleep,
	[TASKSTATE_LOCK] = tell_lock,
	[TASKSTATE_IO] = tell_io,
	[TASKSTATE_SYSCALL] = tell_syscall,
};

int
taskwords_describe(const struct taskstate *ts, char *buf, size_t len)
{
	tell_fn *tell;

	if ((unsigned)ts->cls >= TASKSTATE_CLASSES)
		return snprintf(buf, len, "unknown");
	tell = tellers[ts->cls] != NULL ? tellers[ts->cls] : tell_plain;
	return tell(ts, classes[ts->cls].meaning, buf, len);
}


/* The reading a traced thread's kernel record (ST_KSTATE) carries: its
   class and, by class, the descriptor, the futex word or the call. */
static void
kstate_reading(unsigned cls, unsigned object, int64_t kaddr,
    struct taskstate *ts)
{
	const struct syscalls_row *row;

	*ts = (struct taskstate){ .cls = cls < TASKSTATE_CLASSES ? cls :
	    TASKSTATE_BLOCKED, .nr = -1, .fd = -1, .sleep_ns = -1 };
	if (cls == TASKSTATE_IO) {
		ts->io = KSTATE_IO(object) < TASKSTATE_IOS ? KSTATE_IO(object) :
		    TASKSTATE_IO_NONE;
		ts->fdkind = KSTATE_FDKIND(object) < TASKFD_KINDS ?
		    KSTATE_FDKIND(object) : TASKFD_UNKNOWN;
		ts->fd = (int)kaddr;
	} else if (cls == TASKSTATE_LOCK) {
		ts->futex = (uint64_t)kaddr;
	} else if (cls == TASKSTATE_SYSCALL) {
		ts->nr = (long)kaddr;
		ts->call = (row = syscalls_find(ts->nr)) != NULL ? row->name :
		    NULL;
	}
}

const char *
taskwords_kstate_cell(unsigned cls, unsigned object)
{
	struct taskstate ts;

	kstate_reading(cls, object, 0, &ts);
	return taskwords_cell(&ts);
}

int
taskwords_kstate(unsigned cls, unsigned object, int64_t kaddr, char *buf,
    size_t len)
{
	struct taskstate ts;

	kstate_reading(cls, object, kaddr, &ts);
	return taskwords_describe(&ts, buf, len);
}
