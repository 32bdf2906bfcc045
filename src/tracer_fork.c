/*
 * tracer_fork.c: COMMAND's file found and judged, then forked and seized
 * (see tracer_fork.h).
 *
 * The search is execvp's: each directory of $PATH in turn (an empty one
 * is the current directory), the first regular file there that may be
 * executed wins, and one that may not is remembered, so that "not
 * executable" is said rather than "not found" when that is the truth.
 * What is found is then refused if exec would change its privileges:
 * ptrace makes the kernel run such a program without them, which is not
 * the program the user meant to watch.
 *
 * The child waits on a pipe until the parent has seized it, then execs:
 * nothing of COMMAND runs untraced, and no stop has to be undone (a child
 * that stopped itself for the seizing would leave a group-stop behind).
 * It sets PR_SET_PDEATHSIG first, and leaves only by exec or _exit.
 */
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracer_fork.h"

/* execvp's default, as confstr(_CS_PATH) gives it on glibc. */
#define DEFAULT_PATH	"/bin:/usr/bin"

/* Can path be run: 0; else the errno exec would give. */
static int
runnable(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (!S_ISREG(st.st_mode) || access(path, X_OK) == -1)
		return EACCES;
	return 0;
}

/* Search $PATH for file; 0 and path, or the errno of the best failure. */
static int
search(const char *file, char *path, size_t pathlen)
{
	const char *dirs = getenv("PATH"), *d, *end;
	int err, best = ENOENT;
	size_t n;

	if (dirs == NULL)
		dirs = DEFAULT_PATH;
	for (d = dirs; ; d = end + 1) {
		end = strchrnul(d, ':');
		n = (size_t)(end - d);
		if ((size_t)snprintf(path, pathlen, "%.*s%s%s", (int)n, d,
		    n > 0 ? "/" : "", file) < pathlen) {
			if ((err = runnable(path)) == 0)
				return 0;
			if (err == EACCES || err == EISDIR)
				best = err;
		}
		if (*end == '\0')
			return best;
	}
}

/* Would exec of path change privileges?  Why, or NULL. */
static const char *
privileged(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return NULL;
	if (st.st_mode & S_ISUID)
		return "is set-user-ID";
	if ((st.st_mode & S_ISGID) && (st.st_mode & S_IXGRP))
		return "is set-group-ID";
	if (getxattr(path, "security.capability", NULL, 0) > 0)
		return "has file capabilities";
	return NULL;
}

bool
tracer_path(const char *file, char *path, size_t pathlen, char *why,
    size_t whylen)
{
	const char *priv;
	int err;

	if (*file == '\0') {
		snprintf(why, whylen, "-- needs a COMMAND, not an empty word");
		return false;
	}
	if (strchr(file, '/') != NULL) {
		snprintf(path, pathlen, "%s", file);
		err = strlen(file) >= pathlen ? ENAMETOOLONG : runnable(file);
	} else {
		err = search(file, path, pathlen);
	}
	if (err == ENOENT && strchr(file, '/') == NULL) {
		snprintf(why, whylen, "%s: command not found in PATH", file);
		return false;
	}
	if (err != 0) {
		snprintf(why, whylen, "%s: %s", file, err == EACCES ?
		    "not executable (Permission denied)" : strerror(err));
		return false;
	}
	if ((priv = privileged(path)) != NULL) {
		snprintf(why, whylen, "%s %s: ptviz does not trace a program "
		    "that changes its privileges when it runs", path, priv);
		return false;
	}
	return true;
}

/* The child: wait until the parent has seized it, then become COMMAND.
   It leaves only by exec or _exit. */
static _Noreturn void
child(const char *path, char *const argv[], pid_t parent, const int go[2],
    enum tracer_out out)
{
	sigset_t none;
	char c;
	int fd, i;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (out == TRACER_OUT_STDERR && dup2(STDERR_FILENO, STDOUT_FILENO) ==
	    -1)
		_exit(127);
	if (out == TRACER_OUT_NULL) {
		if ((fd = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
			_exit(127);
		for (i = 0; i <= STDERR_FILENO; i++)
			if (dup2(fd, i) == -1)
				_exit(127);
	}
	/* The parent's close of the other end is the word to go. */
	close(go[1]);
	while (read(go[0], &c, 1) == -1 && errno == EINTR)
		;
	execv(path, argv);
	dprintf(STDERR_FILENO, "ptviz: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

pid_t
tracer_fork(const char *path, char *const argv[], enum tracer_out out,
    unsigned long options, int *gofd)
{
	pid_t parent = getpid(), pid;
	int go[2], saved;

	if (pipe2(go, O_CLOEXEC) == -1)
		return -1;
	fflush(NULL);
	if ((pid = fork()) == 0)
		child(path, argv, parent, go, out);
	saved = errno;
	close(go[0]);
	if (pid != -1 && ptrace(PTRACE_SEIZE, pid, NULL,
	    (void *)(uintptr_t)options) == 0) {
		*gofd = go[1];
		return pid;
	}
	if (pid != -1) {
		saved = errno;
		kill(pid, SIGKILL);
		while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
			;
	}
	close(go[1]);
	errno = saved;
	return -1;
}
