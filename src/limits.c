/*
 * limits.c: reading what the machine allows, and the arithmetic on it.
 * The texts read are parsed by proctext.c.
 *
 * Reading is a handful of small files -- kernel.pid_max, kernel.threads-max,
 * the task count of /proc/loadavg (its fourth field, "running/total"),
 * MemAvailable -- plus, for an ordinary user, one pass over /proc/[0-9]*:
 * a stat() of each directory, and /proc/PID/stat (its num_threads) for the
 * user's own.  The children of the caller are found in
 * /proc/PID/task/PID/children and taken off every count.  A cgroup's
 * pids.max and pids.current are read from the caller's cgroup up to the
 * hierarchy's root, found from /proc/PID/cgroup and /proc/PID/mountinfo.
 *
 * The margin.  ptviz never takes a machine's last tasks: other programs
 * still need to fork while it runs.  Of kernel.pid_max, kernel.threads-max
 * and RLIMIT_NPROC it leaves one in 32 to others (1024 pids of 32768; 1 of
 * an RLIMIT_NPROC of 40); of MemAvailable, one eighth, since memory runs
 * short well before it runs out.
 *
 * The cost of a task in memory, measured on Linux 6.18 (x86_64) from
 * /proc/meminfo before and during `ptviz --plain -s 30` runs, against
 * MemAvailable and per part:
 *   16 x 1000 threads (16 016 tasks): MemAvailable fell 31 KiB a task:
 *     kernel stack 14.5 (16 KiB each, THREAD_SIZE), unreclaimable slab
 *     (task_struct and the rest) 7.3, and 8.6 of the process's own memory
 *     (Pss): the two pages of its 64 KiB stack that a thread touches.
 *   1000 x 1 (1000 processes): 97 KiB a process more than its two tasks:
 *     page tables 51, pages copied on write and the ring ~40, slab.
 * So a task is charged LIMITS_THREAD_KIB (32) and a process
 * LIMITS_PROC_KIB (96) on top.  These are the figures measured, not
 * padded: memory refuses only runs that clearly cannot fit (256 x 64, a
 * large class demo, needs 556 MiB), and a run near the edge that fails
 * anyway is told in a few lines.
 */
#include <sys/resource.h>
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "limits.h"
#include "proctext.h"

#define MARGIN_DIV	32u	/* tasks: leave one in 32 to others */
#define MEM_MARGIN_DIV	8u	/* memory: leave one in 8 */

static const char *const limit_names[LIMIT_COUNT] = {
	[LIMIT_PID_MAX]		= "kernel.pid_max",
	[LIMIT_THREADS_MAX]	= "kernel.threads-max",
	[LIMIT_NPROC]		= "RLIMIT_NPROC",
	[LIMIT_CGROUP]		= "cgroup pids.max",
	[LIMIT_MEMORY]		= "MemAvailable",
};

/* a - b, or 0 if b is larger. */
static uint64_t
sub0(uint64_t a, uint64_t b)
{
	return a > b ? a - b : 0;
}

/* Read the file at root + path into buf (NUL-terminated); -1 if it cannot
   be opened or read. */
static int
slurp(const char *root, const char *path, char *buf, size_t len)
{
	char full[4096];
	size_t n = 0;
	ssize_t r;
	int fd;

	if ((size_t)snprintf(full, sizeof(full), "%s%s", root, path) >=
	    sizeof(full))
		return -1;
	if ((fd = open(full, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while (n + 1 < len && (r = read(fd, buf + n, len - 1 - n)) > 0)
		n += (size_t)r;
	close(fd);
	buf[n] = '\0';
	return n > 0 ? 0 : -1;
}

/* A file holding one number, like /proc/sys/kernel/pid_max; LIMITS_NONE if
   it cannot be read. */
static uint64_t
read_figure(const char *root, const char *path)
{
	char buf[64];
	const char *p = buf;
	uint64_t v;

	if (slurp(root, path, buf, sizeof(buf)) == -1 ||
	    proctext_u64(&p, &v) == -1 || v == 0)
		return LIMITS_NONE;
	return v;
}

/* The same for the file `name` in the folder dir (under root). */
static uint64_t
read_figure_at(const char *root, const char *dir, const char *name)
{
	char path[2304];

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return LIMITS_NONE;
	return read_figure(root, path);
}

/* The threads of process `pid` (a name in root/proc); 0 if unknown. */
static uint64_t
proc_threads(const char *root, const char *pid)
{
	char path[64], buf[1024];
	uint64_t threads;
	pid_t ppid;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	if (slurp(root, path, buf, sizeof(buf)) == -1 ||
	    proctext_stat(buf, &ppid, &threads) == -1)
		return 0;
	return threads;
}

/* The tasks of every process whose /proc directory belongs to uid. */
static uint64_t
user_tasks(const char *root, uid_t uid)
{
	char path[4096];
	struct dirent *de;
	struct stat st;
	uint64_t n = 0;
	DIR *d;

	snprintf(path, sizeof(path), "%s/proc", root);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9' ||
		    strspn(de->d_name, "0123456789") != strlen(de->d_name))
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, 0) == -1 ||
		    st.st_uid != uid)
			continue;
		n += proc_threads(root, de->d_name);
	}
	closedir(d);
	return n;
}

/* The tasks of the children of pid, which forks from its main thread. */
static uint64_t
own_tasks(const char *root, pid_t pid)
{
	char path[128], buf[16384], name[24];
	const char *p = buf;
	uint64_t n = 0, child;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)pid,
	    (int)pid);
	if (slurp(root, path, buf, sizeof(buf)) == -1)
		return 0;
	for (p = proctext_blanks(p); proctext_u64(&p, &child) == 0;
	    p = proctext_blanks(p)) {
		snprintf(name, sizeof(name), "%llu", (unsigned long long)child);
		n += proc_threads(root, name);
	}
	return n;
}

/*
 * The cgroup of self.pid whose pids.max leaves the least room, from its
 * own up to the hierarchy's root (which has no pids.max): its figure and
 * pids.current into s.  Nothing if no pids controller is mounted.
 */
static void
cgroup_sample(struct limits_sample *s, const char *root, pid_t pid)
{
	char path[64], cg[4096], mi[65536], dir[2048];
	uint64_t max, cur, room, best = LIMITS_NONE;
	size_t top;
	char *slash;

	snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
	if (slurp(root, path, cg, sizeof(cg)) == -1)
		return;
	snprintf(path, sizeof(path), "/proc/%d/mountinfo", (int)pid);
	if (slurp(root, path, mi, sizeof(mi)) == -1 ||
	    proctext_cgroup(cg, mi, dir, sizeof(dir), &top) == -1)
		return;
	for (;;) {
		/* "max": no limit at this level. */
		if ((max = read_figure_at(root, dir, "pids.max")) !=
		    LIMITS_NONE) {
			cur = read_figure_at(root, dir, "pids.current");
			cur = cur == LIMITS_NONE ? 0 : cur;
			room = sub0(max - max / MARGIN_DIV,
			    sub0(cur, s->own_tasks));
			if (best == LIMITS_NONE || room < best) {
				best = room;
				s->figure[LIMIT_CGROUP] = max;
				s->cgroup_tasks = cur;
			}
		}
		if (strlen(dir) <= top || (slash = strrchr(dir, '/')) == NULL ||
		    (size_t)(slash - dir) < top)
			break;
		*slash = '\0';
	}
}

void
limits_self(struct limits_self *self)
{
	struct rlimit rl;

	self->uid = getuid();
	self->pid = getpid();
	self->nproc = LIMITS_NONE;
	/* Root is exempt from RLIMIT_NPROC. */
	if (getuid() != 0 && geteuid() != 0 &&
	    getrlimit(RLIMIT_NPROC, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		self->nproc = (uint64_t)rl.rlim_cur;
}

void
limits_sample_at(struct limits_sample *s, const char *root,
    const struct limits_self *self)
{
	char buf[8192];
	uint64_t v;

	*s = (struct limits_sample){ .figure = { LIMITS_NONE, LIMITS_NONE,
	    LIMITS_NONE, LIMITS_NONE, LIMITS_NONE } };
	s->figure[LIMIT_PID_MAX] = read_figure(root,
	    "/proc/sys/kernel/pid_max");
	s->figure[LIMIT_THREADS_MAX] = read_figure(root,
	    "/proc/sys/kernel/threads-max");
	s->figure[LIMIT_NPROC] = self->nproc;
	if (slurp(root, "/proc/meminfo", buf, sizeof(buf)) == 0 &&
	    proctext_meminfo(buf, &v) == 0)
		s->figure[LIMIT_MEMORY] = v;
	if (slurp(root, "/proc/loadavg", buf, sizeof(buf)) == 0 &&
	    proctext_loadavg(buf, &v) == 0)
		s->tasks = v;
	if (self->nproc != LIMITS_NONE)
		s->user_tasks = user_tasks(root, self->uid);
	s->own_tasks = own_tasks(root, self->pid);
	cgroup_sample(s, root, self->pid);
}

void
limits_sample(struct limits_sample *s)
{
	struct limits_self self;

	limits_self(&self);
	limits_sample_at(s, "", &self);
}

/* The room in tasks that limit id leaves, and what it counts in use. */
static uint64_t
room_of(const struct limits_sample *s, enum limit_id id, unsigned nthread,
    uint64_t *in_use)
{
	uint64_t f = s->figure[id], usable, per, q, t1 = (uint64_t)nthread + 1;

	*in_use = 0;
	if (f == LIMITS_NONE)
		return LIMITS_NONE;
	switch (id) {
	case LIMIT_PID_MAX:
	case LIMIT_THREADS_MAX:
		*in_use = sub0(s->tasks, s->own_tasks);
		break;
	case LIMIT_NPROC:
		*in_use = sub0(s->user_tasks, s->own_tasks);
		break;
	case LIMIT_CGROUP:
		*in_use = sub0(s->cgroup_tasks, s->own_tasks);
		break;
	case LIMIT_MEMORY:
		/* Tasks come in processes of nthread + 1, each process
		   costing its own share and its tasks'.  (q is capped so
		   that the product cannot overflow on nonsense figures.) */
		usable = f - f / MEM_MARGIN_DIV;
		per = LIMITS_PROC_KIB + t1 * LIMITS_THREAD_KIB;
		q = usable / per < UINT32_MAX ? usable / per : UINT32_MAX;
		return q * t1 + usable % per * t1 / per;
	default:
		return LIMITS_NONE;
	}
	return sub0(f - f / MARGIN_DIV, *in_use);
}

void
limits_tasks(const struct limits_sample *s, unsigned nthread,
    struct limits *l)
{
	uint64_t room, in_use;
	unsigned id;

	*l = (struct limits){ .id = LIMIT_COUNT, .room = LIMITS_NONE };
	for (id = 0; id < LIMIT_COUNT; id++) {
		room = room_of(s, id, nthread, &in_use);
		if (room == LIMITS_NONE || (l->name != NULL && room >= l->room))
			continue;
		*l = (struct limits){ .id = id, .name = limit_names[id],
		    .figure = s->figure[id], .in_use = in_use, .room = room };
	}
}

bool
limits_fit(const struct limits_sample *s, unsigned nproc, unsigned nthread,
    struct limits *l)
{
	limits_tasks(s, nthread, l);
	return l->name == NULL ||
	    (uint64_t)nproc * ((uint64_t)nthread + 1) <= l->room;
}

unsigned
limits_most_procs(const struct limits_sample *s, unsigned nthread,
    unsigned max, struct limits *l)
{
	uint64_t most;

	limits_tasks(s, nthread, l);
	if (l->name == NULL)
		return max;
	most = l->room / ((uint64_t)nthread + 1);
	return most < max ? (unsigned)most : max;
}

unsigned
limits_most_threads(const struct limits_sample *s, unsigned nproc,
    unsigned max, struct limits *l)
{
	unsigned most = max;

	/* Fitting only gets harder as threads are added: step down. */
	while (most > 0 && !limits_fit(s, nproc, most, l))
		most--;
	if (most < max)
		limits_fit(s, nproc, most + 1, l);
	return most;
}

/* "kernel.pid_max 32768, 108 in use", or for memory "MemAvailable 512
   MiB, 32 KiB a task and 96 KiB more a process". */
static void
why(char *buf, size_t len, const struct limits *l)
{
	if (l->name == NULL)
		snprintf(buf, len, "no limit known");
	else if (l->id == LIMIT_MEMORY)
		snprintf(buf, len, "%s %llu MiB, %u KiB a task and %u KiB more "
		    "a process", l->name,
		    (unsigned long long)(l->figure / 1024), LIMITS_THREAD_KIB,
		    LIMITS_PROC_KIB);
	else
		snprintf(buf, len, "%s %llu, %llu in use", l->name,
		    (unsigned long long)l->figure,
		    (unsigned long long)l->in_use);
}

void
limits_refusal(char *buf, size_t len, const struct limits *l,
    unsigned nproc, unsigned nthread)
{
	char w[128];

	why(w, sizeof(w), l);
	snprintf(buf, len, "%u process%s × %u thread%s need %llu tasks, but "
	    "this machine allows %llu more (%s)", nproc, nproc == 1 ? "" :
	    "es", nthread, nthread == 1 ? "" : "s",
	    (unsigned long long)nproc * ((unsigned long long)nthread + 1),
	    (unsigned long long)l->room, w);
}

bool
limits_run_fits(unsigned nproc, unsigned nthread, char *buf, size_t len)
{
	struct limits_sample s;
	struct limits l;

	limits_sample(&s);
	if (limits_fit(&s, nproc, nthread, &l))
		return true;
	if (buf != NULL)
		limits_refusal(buf, len, &l, nproc, nthread);
	return false;
}

bool
limits_events_fit(uint64_t events, char *buf, size_t len)
{
	struct limits_sample s;
	uint64_t kib = events * sizeof(struct event) / 1024,
	    avail = 0;

	limits_sample(&s);
	avail = s.figure[LIMIT_MEMORY];
	/* Not known: nothing to say. */
	if (avail == 0 || kib <= avail / 2)
		return true;
	if (buf != NULL)
		snprintf(buf, len, "this run's %llu events would take %llu MB "
		    "on the screen, which keeps every one: more than half the "
		    "memory available now (%llu MB); use --plain or --json, "
		    "or fewer iterations, processes or threads",
		    (unsigned long long)events, (unsigned long long)(kib /
		    1024), (unsigned long long)(avail / 1024));
	return false;
}

void
limits_most_note(char *buf, size_t len, const struct limits *l,
    unsigned most, bool procs)
{
	char w[128];

	why(w, sizeof(w), l);
	snprintf(buf, len, "%u %s is the most this machine allows (%s)", most,
	    procs ? (most == 1 ? "process" : "processes") :
	    (most == 1 ? "thread per process" : "threads per process"), w);
}
