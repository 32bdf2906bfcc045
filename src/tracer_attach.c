/*
 * tracer_attach.c: seizing a running process's tree and letting it go
 * again (see tracer_attach.h).
 *
 * Each thread is seized on its own, and a thread it starts meanwhile is
 * traced from its clone only if the thread that made it was seized
 * first: so the threads of /proc/PID/task are read again until a reading
 * finds none new.  Descendants are found the same way, by a scan of
 * /proc for processes whose parent was seized (/proc/PID/task/TID/
 * children is not in every kernel), again until a scan finds none new.
 * A task that a seize finds traced already is one of ptviz's through
 * its parent's event, and is left to that event to tell.
 *
 * Letting go: PTRACE_DETACH needs the tracee stopped, so each one is
 * interrupted and detached at its stop; a signal on its way when it
 * stopped is handed over, so that nothing the program was sent is lost.
 */
#include <sys/ptrace.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracer_attach.h"
#include "tracetree.h"

#define YAMA	"/proc/sys/kernel/yama/ptrace_scope"

bool
attach_allowed(pid_t pid, char *why, size_t whylen)
{
	char name[TASKINFO_NAME];
	int32_t tgid, ppid;
	long tracer;

	if (pid == getpid() || pid == getppid())
		snprintf(why, whylen, "cannot attach to %d: that is %s",
		    (int)pid, pid == getpid() ? "ptviz itself" :
		    "ptviz's parent");
	else if (!taskinfo_status(pid, &tgid, &ppid, name))
		snprintf(why, whylen, "cannot attach to %d: no such process",
		    (int)pid);
	else if (tgid != pid)
		snprintf(why, whylen, "cannot attach to %d: it is a thread "
		    "of process %d; attach to that", (int)pid, (int)tgid);
	else if (taskinfo_number(pid, "TracerPid", &tracer) && tracer != 0)
		snprintf(why, whylen, "cannot attach to %d (%s): it is traced "
		    "already, by process %ld", (int)pid, name, tracer);
	else
		return true;
	return false;
}

/* Why the kernel refused to let pid be traced (EPERM), in words. */
static void
not_permitted(pid_t pid, char *why, size_t whylen)
{
	static const char *const scope[] = {
		[1] = "only a program's ancestors may trace it",
		[2] = "only root (CAP_SYS_PTRACE) may attach",
		[3] = "no process may be attached to",
	};
	long uid = -1;
	int s = 0;
	FILE *fp;

	taskinfo_number(pid, "Uid", &uid);
	if ((fp = fopen(YAMA, "re")) != NULL) {
		if (fscanf(fp, "%d", &s) != 1)
			s = 0;
		fclose(fp);
	}
	if (uid != -1 && uid != (long)geteuid() && geteuid() != 0)
		snprintf(why, whylen, "cannot attach to %d: it is another "
		    "user's (uid %ld): ptrace is not permitted", (int)pid,
		    uid);
	else if (s >= 1 && s <= 3)
		snprintf(why, whylen, "cannot attach to %d: %s is %d: %s",
		    (int)pid, YAMA, s, scope[s]);
	else
		snprintf(why, whylen, "cannot attach to %d: %s", (int)pid,
		    strerror(EPERM));
}

/* Is tid in l? */
static bool
listed(const struct attach_list *l, int32_t tid)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->task[i].tid == tid)
			return true;
	return false;
}

/* Is tid traced by ptviz already (a clone or fork of a task seized)? */
static bool
ours(pid_t tid)
{
	long tracer;

	return taskinfo_number(tid, "TracerPid", &tracer) &&
	    tracer == (long)getpid();
}

/* Seize tid, new, and record it (its tgid 0 if it ended at once); 1 if
   it was, 0 if it is gone or ptviz traces it already, -1 with errno if it
   may not be, or there is no memory. */
static int
seize(pid_t tid, unsigned long options, struct attach_list *l)
{
	struct attach_task *a;
	void *q;

	if (l->n == l->cap) {
		l->cap = l->cap > 0 ? l->cap * 2 : 16;
		if ((q = reallocarray(l->task, l->cap, sizeof(*a))) == NULL)
			return -1;
		l->task = q;
	}
	if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)(uintptr_t)options) ==
	    -1)
		return errno == ESRCH || (errno == EPERM && ours(tid)) ? 0 :
		    -1;
	a = &l->task[l->n++];
	*a = (struct attach_task){ .tid = tid };
	if (!taskinfo_status(tid, &a->tgid, &a->ppid, a->name))
		a->tgid = 0;
	return 1;
}

/* Seize each thread of process pid not seized yet, until a reading of
   its task folder finds none new; 0, or -1 with errno. */
static int
seize_threads(pid_t pid, unsigned long options, struct attach_list *l)
{
	char path[48];
	struct dirent *d;
	bool found = true;
	long tid;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	while (found) {
		found = false;
		if ((dir = opendir(path)) == NULL)
			return 0;	/* gone */
		while ((d = readdir(dir)) != NULL) {
			if ((tid = strtol(d->d_name, NULL, 10)) <= 0 ||
			    listed(l, (int32_t)tid))
				continue;
			switch (seize((pid_t)tid, options, l)) {
			case -1:
				closedir(dir);
				return -1;
			case 1:
				found = true;
			}
		}
		closedir(dir);
	}
	return 0;
}

/* Seize the processes whose parent is a process of l, and their
   threads; 1 if one was found, 0 if none, -1 with errno. */
static int
seize_children(unsigned long options, struct attach_list *l)
{
	char name[TASKINFO_NAME];
	int32_t tgid, ppid, pid;
	struct dirent *d;
	int found = 0;
	DIR *dir;

	if ((dir = opendir("/proc")) == NULL)
		return -1;
	while ((d = readdir(dir)) != NULL) {
		pid = (int32_t)strtol(d->d_name, NULL, 10);
		if (pid <= 0 || listed(l, pid) ||
		    !taskinfo_status(pid, &tgid, &ppid, name) ||
		    !listed(l, ppid))
			continue;
		if (seize_threads(pid, options, l) == -1) {
			closedir(dir);
			return -1;
		}
		found = 1;
	}
	closedir(dir);
	return found;
}

int
attach_seize(pid_t pid, unsigned long options, struct attach_list *l,
    char *why, size_t whylen)
{
	int r, saved;

	errno = ESRCH;
	if (seize(pid, options, l) == 1 && l->task[0].tgid == pid &&
	    seize_threads(pid, options, l) == 0) {
		while ((r = seize_children(options, l)) == 1)
			;
		if (r == 0)
			return 0;
	}
	saved = errno;
	if (saved == EPERM)
		not_permitted(pid, why, whylen);
	else
		snprintf(why, whylen, "cannot attach to %d: %s", (int)pid,
		    strerror(saved));
	attach_release(l, NULL);
	attach_list_free(l);
	errno = saved;
	return -1;
}

void
attach_release(const struct attach_list *l, const struct tree *tr)
{
	unsigned k;
	size_t i;
	pid_t tid;
	int ws, sig;

	if (tr != NULL) {
		for (k = 0; k < tr->ntask; k++)
			if (!tr->task[k].ended)
				ptrace(PTRACE_INTERRUPT, tr->task[k].tid, NULL,
				    NULL);
	} else {
		for (i = 0; i < l->n; i++)
			if (l->task[i].tid > 0)
				ptrace(PTRACE_INTERRUPT, l->task[i].tid, NULL,
				    NULL);
	}
	/* Each stops, and one born meanwhile stops at its start: every
	   stop is let go for good, until none is traced. */
	while ((tid = waitpid(-1, &ws, __WALL)) > 0 || errno == EINTR) {
		if (tid <= 0 || !WIFSTOPPED(ws))
			continue;
		sig = (unsigned)ws >> 16 == 0 ? WSTOPSIG(ws) : 0;
		ptrace(PTRACE_DETACH, tid, NULL, (void *)(uintptr_t)sig);
	}
}

void
attach_list_free(struct attach_list *l)
{
	free(l->task);
	*l = (struct attach_list){ 0 };
}
