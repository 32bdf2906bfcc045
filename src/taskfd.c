/*
 * taskfd.c: a descriptor named from its link, an epoll set read from its
 * fdinfo, a few bytes of a thread's memory.
 *
 * A descriptor's link in /proc/PID/fd/ is a path for a file or a device,
 * or "TYPE:[INODE]" for a pipe or a socket, or "anon_inode:[TYPE]": one
 * table of prefixes, the first that matches, names its kind.  The memory
 * is read through /proc/PID/mem rather than process_vm_readv(2), so that
 * a test's fake tree can give it too (a file read at the address).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "taskfd.h"

#define FDINFO_BUF	2048	/* an epoll set's first few descriptors */

/* The kinds of descriptor by the start of their link, the first that
   matches; a link none matches is TASKFD_OTHER. */
static const struct {
	const char		*prefix;
	enum taskfd_kind	 kind;
} kinds[] = {
	{ "pipe:",			TASKFD_PIPE },
	{ "socket:",			TASKFD_SOCKET },
	{ "/dev/pts/",			TASKFD_TERMINAL },
	{ "/dev/tty",			TASKFD_TERMINAL },
	{ "/dev/console",		TASKFD_TERMINAL },
	{ "/dev/",			TASKFD_DEVICE },
	{ "anon_inode:[eventfd]",	TASKFD_EVENTFD },
	{ "anon_inode:[timerfd]",	TASKFD_TIMERFD },
	{ "anon_inode:[signalfd]",	TASKFD_SIGNALFD },
	{ "anon_inode:[eventpoll]",	TASKFD_EPOLL },
	{ "anon_inode:inotify",		TASKFD_INOTIFY },
	{ "/",				TASKFD_FILE },
};

/* path from its parts, as snprintf; -1 with ENAMETOOLONG if it is cut. */
static int
proc_path(char *path, size_t len, const char *root, pid_t pid,
    const char *name, int n)
{
	int w = n >= 0 ? snprintf(path, len, "%s/%d/%s/%d", root, (int)pid,
	    name, n) : snprintf(path, len, "%s/%d/%s", root, (int)pid, name);

	if (w < 0 || (size_t)w >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

ssize_t
taskfd_slurp(const char *path, char *buf, size_t len, unsigned *reads)
{
	size_t got = 0;
	ssize_t n;
	int fd, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	(*reads)++;
	while (got < len - 1) {
		if ((n = read(fd, buf + got, len - 1 - got)) == -1) {
			if (errno == EINTR)
				continue;
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	return (ssize_t)got;
}

enum taskfd_kind
taskfd_readlink(const char *proc_root, pid_t pid, int fd, char *link,
    size_t len, unsigned *reads)
{
	char path[PATH_MAX];
	ssize_t n;
	size_t i;

	link[0] = '\0';
	if (fd < 0 || proc_path(path, sizeof(path), proc_root, pid, "fd", fd)
	    == -1)
		return TASKFD_UNKNOWN;
	(*reads)++;
	if ((n = readlink(path, link, len - 1)) <= 0) {
		link[0] = '\0';
		return TASKFD_UNKNOWN;
	}
	link[n] = '\0';
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strncmp(link, kinds[i].prefix,
		    strlen(kinds[i].prefix)) == 0)
			return kinds[i].kind;
	return TASKFD_OTHER;
}

int
taskfd_mem(const char *proc_root, pid_t pid, uint64_t addr, void *buf,
    size_t len, unsigned *reads)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd, saved;

	if (addr == 0 || addr > (uint64_t)INT64_MAX - len) {
		errno = EFAULT;
		return -1;
	}
	if (proc_path(path, sizeof(path), proc_root, pid, "mem", -1) == -1 ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	(*reads)++;
	while ((n = pread(fd, buf, len, (off_t)addr)) == -1 && errno == EINTR)
		;
	saved = errno;
	close(fd);
	if (n == (ssize_t)len)
		return 0;
	errno = n == -1 ? saved : EIO;
	return -1;
}

int
taskfd_epoll_first(const char *proc_root, pid_t pid, int epfd, unsigned *n,
    unsigned *reads)
{
	/* fdinfo of an epoll set: "pos:", "flags:", "mnt_id:", "ino:",
	   then a line "tfd: N events: ..." for each descriptor in it. */
	char path[PATH_MAX], text[FDINFO_BUF];
	const char *p;
	int first = -1;

	*n = 0;
	if (epfd < 0 || proc_path(path, sizeof(path), proc_root, pid,
	    "fdinfo", epfd) == -1 ||
	    taskfd_slurp(path, text, sizeof(text), reads) <= 0)
		return -1;
	for (p = text; (p = strstr(p, "tfd:")) != NULL; p += 4) {
		if (p != text && p[-1] != '\n')
			continue;
		if (first == -1)
			first = (int)strtol(p + 4, NULL, 10);
		(*n)++;
	}
	return first;
}
