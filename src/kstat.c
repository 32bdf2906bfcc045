/*
 * kstat.c: reading the kernel's view of a thread from /proc.
 *
 * Each file is opened, read whole into a buffer on the stack and closed:
 * procfs makes its text at read time, so there is nothing to keep open,
 * and a descriptor kept per thread would cost one each of a 64 x 64 run.
 * The stat line is parsed from its last ')': the name before it (comm) is
 * whatever the thread called itself, spaces and parentheses included.
 *
 * A thread that ended has no directory any more (ENOENT), and one that
 * ends between open() and read() reads as ESRCH or nothing: both are
 * `gone`, an answer, not an error.  A process that has ended but is not
 * reaped yet still has its directory and reads as 'Z'.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kstat.h"
#include "taskfd.h"

#define STAT_BUF	1024	/* a stat line: 52 numbers and a name */
#define STATUS_BUF	4096	/* status: the switches are its last lines */
#define SMALL_BUF	128	/* wchan, schedstat */

/* What each state letter means (fs/proc/array.c, task_state_array). */
static const char *const meanings[128] = {
	['R'] = "running or runnable",
	['S'] = "sleeping (interruptible)",
	['D'] = "waiting, uninterruptible (disk)",
	['T'] = "stopped by a signal",
	['t'] = "stopped by a debugger",
	['Z'] = "zombie: ended, not reaped yet",
	['X'] = "dead",
	['x'] = "dead",
	['I'] = "idle (kernel thread)",
	['K'] = "waking to be killed",
	['W'] = "waking",
	['P'] = "parked",
};

const char *
kstat_meaning(char state)
{
	unsigned char c = (unsigned char)state;

	return c < 128 && meanings[c] != NULL ? meanings[c] : "unknown state";
}

/* Does errno say the thread or process is no more? */
static bool
vanished(int e)
{
	return e == ENOENT || e == ESRCH;
}

/* Read the file dir/name into buf, NUL-terminated (at most len - 1 bytes
   of it); its length, or -1 with errno. */
static ssize_t
slurp(const char *dir, const char *name, char *buf, size_t len,
    unsigned *reads)
{
	char path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return taskfd_slurp(path, buf, len, reads);
}

/* A decimal number at *pp, which moves past it; false if there is none or
   it overflows. */
static bool
number(const char **pp, uint64_t *v)
{
	const char *p = *pp;
	uint64_t n = 0;

	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return false;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	*pp = p;
	*v = n;
	return true;
}

/* p moved past spaces. */
static const char *
blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The state letter and utime + stime of a stat line; false if it is not
   one. */
static bool
parse_stat(const char *text, struct kstat *k)
{
	/* Fields from 3 on, after the name: state, ppid, ..., utime (14),
	   stime (15), in clock ticks. */
	const char *p = strrchr(text, ')');
	uint64_t v, ticks = 0;
	long hz = sysconf(_SC_CLK_TCK);
	int field;

	if (p == NULL)
		return false;
	p = blanks(p + 1);
	if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) ||
	    (p[1] != ' ' && p[1] != '\0' && p[1] != '\n'))
		return false;
	k->state = *p++;
	for (field = 4; field <= 15; field++) {
		p = blanks(p);
		/* Negative fields (tty_nr may be) come before utime. */
		if (*p == '-')
			p++;
		if (!number(&p, &v))
			return false;
		if (field >= 14)
			ticks += v;
	}
	k->stat_cpu_ns = ticks * (uint64_t)(1000000000 / (hz > 0 ? hz : 100));
	return true;
}

/* The three numbers of a schedstat file. */
static bool
parse_schedstat(const char *text, struct kstat *k)
{
	const char *p = blanks(text);

	if (!number(&p, &k->cpu_ns))
		return false;
	p = blanks(p);
	if (!number(&p, &k->wait_ns))
		return false;
	p = blanks(p);
	return number(&p, &k->slices);
}

/* The number after "\nkey" in a status file. */
static bool
status_field(const char *text, const char *key, uint64_t *v)
{
	const char *p = strstr(text, key);

	if (p == NULL)
		return false;
	p = blanks(p + strlen(key));
	return number(&p, v);
}

/* The wait channel, "" for none ("0", or nothing). */
static void
parse_wchan(const char *text, struct kstat *k)
{
	size_t n = strcspn(text, "\n");

	if (n >= sizeof(k->wchan))
		n = sizeof(k->wchan) - 1;
	if (n == 1 && text[0] == '0')
		n = 0;
	memcpy(k->wchan, text, n);
	k->wchan[n] = '\0';
}

/* The directory of thread tid of pid, or of pid for tid 0; -1 with
   ENAMETOOLONG if it does not fit. */
static int
task_dir(char *buf, size_t len, const char *root, pid_t pid, pid_t tid)
{
	int n = tid > 0 ? snprintf(buf, len, "%s/%d/task/%d", root, (int)pid,
	    (int)tid) : snprintf(buf, len, "%s/%d", root, (int)pid);

	if (n < 0 || (size_t)n >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int
kstat_read_some(const char *proc_root, pid_t pid, pid_t tid, unsigned want,
    struct kstat *k)
{
	char dir[PATH_MAX], line[STAT_BUF], status[STATUS_BUF];
	char small[SMALL_BUF];
	ssize_t n;

	memset(k, 0, sizeof(*k));
	if (task_dir(dir, sizeof(dir), proc_root, pid, tid) == -1)
		return -1;
	n = slurp(dir, "stat", line, sizeof(line), &k->reads);
	/* The main thread of a process that is gone from its task list but
	   not from /proc (a zombie, on some kernels): the process's own. */
	if (n <= 0 && tid == pid && (n == 0 || vanished(errno))) {
		if (task_dir(dir, sizeof(dir), proc_root, pid, 0) == -1)
			return -1;
		n = slurp(dir, "stat", line, sizeof(line), &k->reads);
	}
	if (n == 0 || (n == -1 && vanished(errno))) {
		k->gone = true;
		return 0;
	}
	if (n == -1)
		return -1;
	if (!parse_stat(line, k)) {
		errno = EINVAL;
		return -1;
	}
	/* The rest is what can be had: a file missing is left out. */
	if ((want & KSTAT_WCHAN) &&
	    slurp(dir, "wchan", small, sizeof(small), &k->reads) >= 0) {
		parse_wchan(small, k);
		k->have_wchan = true;
	}
	if ((want & KSTAT_SCHED) &&
	    slurp(dir, "schedstat", small, sizeof(small), &k->reads) > 0)
		k->have_sched = parse_schedstat(small, k);
	if (!k->have_sched) {
		k->cpu_ns = k->stat_cpu_ns;
		k->wait_ns = k->slices = 0;
	}
	if ((want & KSTAT_CTX) &&
	    slurp(dir, "status", status, sizeof(status), &k->reads) > 0)
		k->have_ctx = status_field(status,
		    "\nvoluntary_ctxt_switches:", &k->vcs) &&
		    status_field(status, "\nnonvoluntary_ctxt_switches:",
		    &k->nvcs);
	return 0;
}

int
kstat_open(const char *proc_root, pid_t pid, pid_t tid)
{
	char dir[PATH_MAX], path[PATH_MAX];

	if (task_dir(dir, sizeof(dir), proc_root, pid, tid) == -1)
		return -1;
	if ((size_t)snprintf(path, sizeof(path), "%s/stat", dir) >=
	    sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return open(path, O_RDONLY | O_CLOEXEC);
}

int
kstat_read_fd(int fd, struct kstat *k)
{
	char line[STAT_BUF];
	ssize_t n;

	memset(k, 0, sizeof(*k));
	/* One pread() at 0: the kernel writes the whole line at once. */
	while ((n = pread(fd, line, sizeof(line) - 1, 0)) == -1 &&
	    errno == EINTR)
		;
	k->reads = 1;
	if (n == 0 || (n == -1 && vanished(errno))) {
		k->gone = true;
		return 0;
	}
	if (n == -1)
		return -1;
	line[n] = '\0';
	if (!parse_stat(line, k)) {
		errno = EINVAL;
		return -1;
	}
	k->cpu_ns = k->stat_cpu_ns;
	return 0;
}

int
kstat_read(const char *proc_root, pid_t pid, pid_t tid, struct kstat *k)
{
	return kstat_read_some(proc_root, pid, tid, KSTAT_ALL, k);
}
