/*
 * proctext.h: the texts of /proc that limits.c reads, parsed: each -1 if
 * the text is not as expected (limits.c then counts no limit).
 */
#ifndef PTVIZ_PROCTEXT_H
#define PTVIZ_PROCTEXT_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

/* A decimal number at *pp, which moves past it; -1 if there is none or it
   overflows. */
int		 proctext_u64(const char **pp, uint64_t *v);

/* p moved past spaces and tabs. */
const char	*proctext_blanks(const char *p);

/* The tasks on the machine: the number after '/' in /proc/loadavg. */
int		 proctext_loadavg(const char *text, uint64_t *tasks);

/* MemAvailable of /proc/meminfo, in KiB. */
int		 proctext_meminfo(const char *text, uint64_t *kib);

/* The parent and the number of threads of /proc/PID/stat. */
int		 proctext_stat(const char *text, pid_t *ppid,
		    uint64_t *threads);

/* The folder of the pids controller's cgroup of a process, from its
   /proc/PID/cgroup and /proc/PID/mountinfo: a v1 hierarchy with "pids"
   first, else the unified (v2) one; the mount point in *top.  -1 if there
   is none, or it is not mounted here. */
int		 proctext_cgroup(const char *cgroup, const char *mountinfo,
		    char *dir, size_t dirlen, size_t *top);

#endif
