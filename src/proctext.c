/*
 * proctext.c: the texts of /proc that limits.c reads, parsed (see
 * proctext.h).  Pure: a text in, numbers or a path out, so the tests
 * give them texts by hand.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "proctext.h"

int
proctext_u64(const char **pp, uint64_t *v)
{
	const char *p = *pp;
	uint64_t n = 0;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return -1;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	*pp = p;
	*v = n;
	return 0;
}

const char *
proctext_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* p moved past the next field and the blanks after it. */
static const char *
skip_field(const char *p)
{
	while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
		p++;
	return proctext_blanks(p);
}

/* Is word one of the comma-separated words of the n bytes at list? */
static bool
word_in(const char *list, size_t n, const char *word)
{
	size_t wl = strlen(word), k;

	while (n > 0) {
		k = 0;
		while (k < n && list[k] != ',')
			k++;
		if (k == wl && strncmp(list, word, wl) == 0)
			return true;
		list += k < n ? k + 1 : k;
		n -= k < n ? k + 1 : k;
	}
	return false;
}

int
proctext_loadavg(const char *text, uint64_t *tasks)
{
	const char *p = proctext_blanks(text);
	uint64_t running;
	int i;

	for (i = 0; i < 3; i++) {
		if (*p == '\0' || *p == '\n')
			return -1;
		p = skip_field(p);
	}
	if (proctext_u64(&p, &running) == -1 || *p++ != '/' ||
	    proctext_u64(&p, tasks) == -1)
		return -1;
	return 0;
}

int
proctext_meminfo(const char *text, uint64_t *kib)
{
	static const char key[] = "MemAvailable:";
	const char *p = text;

	while (p != NULL && strncmp(p, key, sizeof(key) - 1) != 0)
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	if (p == NULL)
		return -1;
	p = proctext_blanks(p + sizeof(key) - 1);
	if (proctext_u64(&p, kib) == -1 || strncmp(proctext_blanks(p), "kB", 2) != 0)
		return -1;
	return 0;
}

int
proctext_stat(const char *text, pid_t *ppid, uint64_t *threads)
{
	/* The name, in parentheses, may hold anything: count from its end.
	   After it: state, ppid (field 4), ..., num_threads (field 20). */
	const char *p = strrchr(text, ')');
	uint64_t v;
	int field;

	if (p == NULL)
		return -1;
	p = proctext_blanks(p + 1);
	for (field = 3; field < 20; field++) {
		if (*p == '\0' || *p == '\n')
			return -1;
		if (field == 4) {
			if (proctext_u64(&p, &v) == -1 || v > INT32_MAX)
				return -1;
			*ppid = (pid_t)v;
			p = proctext_blanks(p);
		} else
			p = skip_field(p);
	}
	if (proctext_u64(&p, threads) == -1)
		return -1;
	return 0;
}

/* The cgroup of the line of /proc/PID/cgroup ("ID:CONTROLLERS:PATH") for
   the pids controller in v1 ("pids" among the controllers), or the unified
   hierarchy ("0::PATH") in v2, into path; -1 if there is none. */
static int
cgroup_line(const char *text, bool v2, char *path, size_t len)
{
	const char *l, *c, *p, *end;
	size_t n;

	for (l = text; l != NULL && *l != '\0'; l = end ? end + 1 : NULL) {
		end = strchr(l, '\n');
		if ((c = strchr(l, ':')) == NULL || (end && c > end) ||
		    (p = strchr(c + 1, ':')) == NULL || (end && p > end))
			continue;
		n = (size_t)((end ? end : l + strlen(l)) - (p + 1));
		if (v2 ? strncmp(l, "0::", 3) != 0 :
		    !word_in(c + 1, (size_t)(p - c - 1), "pids"))
			continue;
		if (n == 0 || n >= len)
			return -1;
		memcpy(path, p + 1, n);
		path[n] = '\0';
		return 0;
	}
	return -1;
}

/* Field k (0-based, split at spaces) of the line l, as a pointer and a
   length; NULL if the line has fewer. */
static const char *
field(const char *l, int k, size_t *n)
{
	const char *end = l + strcspn(l, "\n");

	for (; k > 0 && l < end; k--)
		if ((l = memchr(l, ' ', (size_t)(end - l))) != NULL)
			l++;
		else
			return NULL;
	if (l >= end)
		return NULL;
	*n = strcspn(l, " \n");
	return l;
}

/* The mount of the pids hierarchy (v1: type cgroup, "pids" among its
   super options; v2: type cgroup2) in /proc/PID/mountinfo: its root in the
   hierarchy and its mount point. */
static int
cgroup_mount(const char *text, bool v2, char *root, size_t rlen,
    char *point, size_t plen)
{
	const char *l, *r, *m, *dash, *type, *opts;
	size_t rn, mn, tn, on;

	for (l = text; l != NULL && *l != '\0';
	    l = (l = strchr(l, '\n')) ? l + 1 : NULL) {
		/* "ID PARENT MAJ:MIN ROOT POINT OPTS [TAGS...] - TYPE SRC
		   SUPER" */
		if ((r = field(l, 3, &rn)) == NULL ||
		    (m = field(l, 4, &mn)) == NULL ||
		    (dash = strstr(l, " - ")) == NULL ||
		    dash > l + strcspn(l, "\n") ||
		    (type = field(dash + 3, 0, &tn)) == NULL ||
		    (opts = field(dash + 3, 2, &on)) == NULL)
			continue;
		if (v2 ? tn != 7 || strncmp(type, "cgroup2", 7) != 0 :
		    tn != 6 || strncmp(type, "cgroup", 6) != 0 ||
		    !word_in(opts, on, "pids"))
			continue;
		if (rn >= rlen || mn >= plen)
			return -1;
		memcpy(root, r, rn);
		root[rn] = '\0';
		memcpy(point, m, mn);
		point[mn] = '\0';
		return 0;
	}
	return -1;
}

int
proctext_cgroup(const char *cgroup, const char *mountinfo, char *dir,
    size_t dirlen, size_t *top)
{
	char path[1024], root[1024], point[1024];
	const char *rest;
	size_t rn;
	int v2;

	for (v2 = 0; v2 < 2; v2++) {
		if (cgroup_line(cgroup, v2, path, sizeof(path)) == -1 ||
		    cgroup_mount(mountinfo, v2, root, sizeof(root), point,
		    sizeof(point)) == -1)
			continue;
		/* The cgroup as seen below the mount's root; one outside it
		   is not mounted here. */
		rn = strcmp(root, "/") == 0 ? 0 : strlen(root);
		if (strncmp(path, root, rn) != 0 ||
		    (path[rn] != '/' && path[rn] != '\0'))
			return -1;
		rest = strcmp(path + rn, "/") == 0 ? "" : path + rn;
		if ((size_t)snprintf(dir, dirlen, "%s%s", point, rest) >=
		    dirlen)
			return -1;
		*top = strlen(point);
		return 0;
	}
	return -1;
}
