/*
 * procpoll.c: a program's tree read from /proc (see procpoll.h).
 *
 * A reading lists every process of the machine with its parent (there is
 * no children file in every kernel), sorted by pid to be found again.
 * A process is new to the tree if its parent is a live process of the
 * tree, or ptviz itself (COMMAND, or an orphan ptviz adopted as their
 * subreaper): the passes repeat until none is new, so that a child found
 * before its parent is not lost.  Then each live process of the tree is
 * looked for: its threads (/proc/PID/task) against the tree's, its name
 * against the one told (an exec), and its end -- not there any more
 * (gone), or a zombie whose parent is not ptviz (its exit code); ptviz's
 * own children are reaped with their true status, after each reading.
 *
 * Cost: a reading opens the stat file of every process of the machine
 * and the task folder of each of the program's: a millisecond or more
 * with 120 processes here, so the next reading waits POLL_SHARE times
 * what the last one cost, if that is more than the period (measured:
 * ptviz --poll -- sleep 5 used 0.10 s of CPU, 2 %; read every time its
 * loop woke, 0.26 s).
 */
#include <sys/timerfd.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "event.h"
#include "procpoll.h"
#include "tracetree.h"

/* Rounds of killing at most before waiting for what is left: a task in
   an uninterruptible sleep dies when it wakes. */
#define KILL_ROUNDS	2000

int
procpoll_init(struct procpoll *pp, int32_t child)
{
	*pp = (struct procpoll){ .child = child, .due = true };
	pp->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK |
	    TFD_CLOEXEC);
	return pp->timer_fd == -1 ? -1 : 0;
}

int
procpoll_fd(const struct procpoll *pp)
{
	return pp->timer_fd;
}

void
procpoll_woke(struct procpoll *pp)
{
	uint64_t ticks;

	while (read(pp->timer_fd, &ticks, sizeof(ticks)) ==
	    (ssize_t)sizeof(ticks))
		pp->due = true;
}

/* The next reading, after the period or after POLL_SHARE times what
   the last one cost (cost), if more: a busy machine is read less often,
   not at more cost. */
static void
arm(struct procpoll *pp, uint64_t cost)
{
	uint64_t next = now_ns() + (cost * POLL_SHARE > POLL_PERIOD_NS ?
	    cost * POLL_SHARE : POLL_PERIOD_NS);
	struct itimerspec it = {
		.it_value = { (time_t)(next / 1000000000u),
		    (long)(next % 1000000000u) },
	};

	timerfd_settime(pp->timer_fd, TFD_TIMER_ABSTIME, &it, NULL);
}

static int
by_pid(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* Grow *v, an array of *cap elements of sz, to hold n + 1; false if
   there is no memory. */
static bool
room(void *v, size_t *cap, size_t n, size_t sz)
{
	void *q;

	if (n < *cap)
		return true;
	if ((q = reallocarray(*(void **)v, *cap > 0 ? *cap * 2 : 256, sz)) ==
	    NULL)
		return false;
	*(void **)v = q;
	*cap = *cap > 0 ? *cap * 2 : 256;
	return true;
}

/* Read every process of /proc into pp->seen, sorted by pid; false if
   /proc cannot be read. */
static bool
read_all(struct procpoll *pp)
{
	struct procpoll_seen *s;
	struct dirent *d;
	long pid;
	DIR *dir;

	if ((dir = opendir("/proc")) == NULL)
		return false;
	pp->nseen = 0;
	while ((d = readdir(dir)) != NULL) {
		if ((pid = strtol(d->d_name, NULL, 10)) <= 0 ||
		    !room(&pp->seen, &pp->cap, pp->nseen, sizeof(*s)))
			continue;
		s = &pp->seen[pp->nseen];
		*s = (struct procpoll_seen){ .pid = (int32_t)pid };
		if (taskinfo_stat(s->pid, &s->st))
			pp->nseen++;
	}
	closedir(dir);
	qsort(pp->seen, pp->nseen, sizeof(*pp->seen), by_pid);
	return true;
}

/* The last reading's process pid, or NULL. */
static struct procpoll_seen *
seen(const struct procpoll *pp, int32_t pid)
{
	return bsearch(&pid, pp->seen, pp->nseen, sizeof(*pp->seen), by_pid);
}

/* The live process of tr whose pid is pid: its number, or 0. */
static unsigned
proc_of(const struct tree *tr, int32_t pid)
{
	uint32_t k = tree_task_of(tr, pid);

	return k != TREE_NONE && tr->proc[tr->task[k].proc - 1].pid == pid ?
	    tr->task[k].proc : 0;
}

/* Number the processes new to the tree, each after its parent (but
   zombies); the number of births. */
static size_t
births(struct procpoll *pp, struct tree *tr)
{
	int32_t self = getpid();
	size_t i, n = 0, added;
	struct procpoll_seen *s;
	unsigned parent;

	do {
		added = 0;
		for (i = 0; i < pp->nseen; i++) {
			s = &pp->seen[i];
			/* A zombie is one told already, its parent slow to
			   reap it, or one that lived between two readings:
			   missed. */
			if (s->st.state == 'Z' ||
			    tree_task_of(tr, s->pid) != TREE_NONE)
				continue;
			parent = proc_of(tr, s->st.ppid);
			if (parent == 0 && s->st.ppid != self)
				continue;
			tree_new_proc(tr, s->pid, parent, s->st.name);
			added++;
		}
		n += added;
	} while (added > 0);
	return n;
}

/* Process proc's threads now against the tree's: the new ones born, the
   ones gone ended; the number of changes. */
static size_t
threads(struct procpoll *pp, struct tree *tr, unsigned proc)
{
	struct tree_proc *p = &tr->proc[proc - 1];
	char path[48], name[TASKINFO_NAME];
	struct tree_task *t;
	struct dirent *d;
	size_t n = 0;
	unsigned j;
	long tid;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)p->pid);
	if ((dir = opendir(path)) == NULL)
		return 0;
	pp->ntid = 0;
	while ((d = readdir(dir)) != NULL)
		if ((tid = strtol(d->d_name, NULL, 10)) > 0 &&
		    room(&pp->tids, &pp->captid, pp->ntid, sizeof(int32_t)))
			pp->tids[pp->ntid++] = (int32_t)tid;
	closedir(dir);
	qsort(pp->tids, pp->ntid, sizeof(int32_t), by_pid);
	for (j = 0; j < p->nthread; j++) {
		t = &tr->task[p->task[j]];
		if (!t->ended && bsearch(&t->tid, pp->tids, pp->ntid,
		    sizeof(int32_t), by_pid) == NULL) {
			tree_end_task(tr, p->task[j]);
			n++;
		}
	}
	for (j = 0; j < pp->ntid; j++) {
		if (tree_task_of(tr, pp->tids[j]) != TREE_NONE ||
		    !taskinfo_comm(pp->tids[j], name))
			continue;
		tree_new_thread(tr, proc, pp->tids[j], name);
		n++;
	}
	return n;
}

/* Process proc as the reading found it: its end, or its threads and its
   exec; the number of changes. */
static size_t
follow(struct procpoll *pp, struct tree *tr, unsigned proc)
{
	struct tree_proc *p = &tr->proc[proc - 1];
	struct procpoll_seen *s = seen(pp, p->pid);
	unsigned j;
	char *name;
	size_t n;

	if (s == NULL) {
		tree_end_proc(tr, proc, ST_GONE, 0);
		return 1;
	}
	/* ptviz's own zombie is reaped at the next run, with its status. */
	if (s->st.state == 'Z' && s->st.ppid != getpid()) {
		tree_end_proc(tr, proc, tree_end_state(s->st.exit_code),
		    s->st.exit_code);
		return 1;
	}
	if (s->st.state == 'Z')
		return 0;
	n = threads(pp, tr, proc);
	/* A job-control stop stops every thread of the process. */
	for (j = 0; j < p->nthread; j++)
		tr->task[p->task[j]].stopped = s->st.state == 'T';
	if (p->leader == TREE_NONE)
		return n;
	name = tr->task[p->leader].name;
	if (strcmp(name, s->st.name) != 0) {
		snprintf(name, TASKINFO_NAME, "%s", s->st.name);
		tree_emit(tr, ST_EXEC, proc, 0, p->pid, 0, 0);
		n++;
	}
	return n;
}

/* Reap ptviz's children that have ended, each told with its status; the
   number told. */
static size_t
reap(struct procpoll *pp, struct tree *tr)
{
	size_t n = 0;
	unsigned proc;
	pid_t pid;
	int ws;

	while ((pid = waitpid(-1, &ws, WNOHANG)) > 0 ||
	    (pid == -1 && errno == EINTR)) {
		if (pid == pp->child)
			pp->child = 0;
		if (pid > 0 && (proc = proc_of(tr, pid)) != 0) {
			tree_end_proc(tr, proc, tree_end_state(ws), ws);
			n++;
		}
	}
	return n;
}

size_t
procpoll_run(struct procpoll *pp, struct tree *tr)
{
	uint64_t cpu = thread_cpu_ns();
	size_t n = 0;
	unsigned i;
	bool alive = false;

	/* The reading first: a parent that waited for its children is
	   reaped after their ends were seen. */
	if (pp->due && read_all(pp)) {
		pp->due = false;
		n += births(pp, tr);
		for (i = 1; i <= tr->nproc; i++)
			if (!tr->proc[i - 1].ended)
				n += follow(pp, tr, i);
		arm(pp, thread_cpu_ns() - cpu);
	}
	n += reap(pp, tr);
	for (i = 0; i < tr->nproc && !alive; i++)
		alive = !tr->proc[i].ended;
	pp->over = pp->child == 0 && !alive;
	return n;
}

/* Mark ptviz's descendants in the last reading, and kill each one alive;
   the number killed. */
static size_t
kill_descendants(struct procpoll *pp)
{
	int32_t self = getpid();
	struct procpoll_seen *s, *parent;
	size_t i, n = 0, added;

	do {
		added = 0;
		for (i = 0; i < pp->nseen; i++) {
			s = &pp->seen[i];
			parent = seen(pp, s->st.ppid);
			if (s->mark || (s->st.ppid != self &&
			    (parent == NULL || !parent->mark)))
				continue;
			s->mark = true;
			added++;
			if (s->st.state != 'Z' && kill(s->pid, SIGKILL) == 0)
				n++;
		}
	} while (added > 0);
	return n;
}

void
procpoll_kill(struct procpoll *pp)
{
	struct timespec ms = { 0, 1000000 };
	unsigned round;

	if (pp->child > 0)
		kill(pp->child, SIGKILL);
	for (round = 0; round < KILL_ROUNDS && read_all(pp) &&
	    kill_descendants(pp) > 0; round++) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		nanosleep(&ms, NULL);
	}
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
}

void
procpoll_free(struct procpoll *pp)
{
	if (pp->timer_fd >= 0)
		close(pp->timer_fd);
	free(pp->seen);
	free(pp->tids);
	*pp = (struct procpoll){ .timer_fd = -1 };
}
