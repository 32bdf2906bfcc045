/*
 * taskinfo.c: a task's name, group and parent from /proc (see taskinfo.h).
 *
 * /proc/TID/ answers for a thread's tid too, though `ls /proc` does not
 * list it.  status escapes a name's odd bytes (a newline as "\n"); comm
 * gives them as they are, and the printers make them safe.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "taskinfo.h"

/* Read /proc/ID/file into buf[len] (one read: these files are made
   whole at it), NUL-terminated; its length, or -1 if it is gone. */
static ssize_t
slurp(int32_t id, const char *file, char *buf, size_t len)
{
	char path[48];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)id, file);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return n;
}

bool
taskinfo_comm(int32_t tid, char name[TASKINFO_NAME])
{
	char buf[TASKINFO_NAME];
	ssize_t n;

	if ((n = slurp(tid, "comm", buf, sizeof(buf))) == -1)
		return false;
	/* The kernel ends it with a newline. */
	if (buf[n - 1] == '\n')
		n--;
	memcpy(name, buf, (size_t)n);
	name[n] = '\0';
	return true;
}

bool
taskinfo_status(int32_t tid, int32_t *tgid, int32_t *ppid,
    char name[TASKINFO_NAME])
{
	char path[48], line[256];
	FILE *fp;
	int got = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	if ((fp = fopen(path, "re")) == NULL)
		return false;
	while (got != 7 && fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "Tgid: %d", tgid) == 1)
			got |= 1;
		else if (sscanf(line, "PPid: %d", ppid) == 1)
			got |= 2;
		else if (strncmp(line, "Name:\t", 6) == 0) {
			snprintf(name, TASKINFO_NAME, "%.*s",
			    (int)strcspn(line + 6, "\n"), line + 6);
			got |= 4;
		}
	}
	fclose(fp);
	return got == 7;
}

bool
taskinfo_stat(int32_t pid, struct taskinfo_stat *st)
{
	char buf[1024], *open_, *close_;
	int field;

	if (slurp(pid, "stat", buf, sizeof(buf)) == -1)
		return false;
	/* The name is between the first '(' and the last ')': it may hold
	   either. */
	if ((open_ = strchr(buf, '(')) == NULL ||
	    (close_ = strrchr(buf, ')')) == NULL || close_ < open_ ||
	    sscanf(close_ + 1, " %c %d", &st->state, &st->ppid) != 2)
		return false;
	snprintf(st->name, TASKINFO_NAME, "%.*s", (int)(close_ - open_ - 1),
	    open_ + 1);
	/* exit_code is field 52; the state, field 3. */
	st->exit_code = 0;
	for (field = 3; field <= 52 && close_ != NULL; field++)
		close_ = strchr(close_ + 1, ' ');
	if (close_ != NULL)
		st->exit_code = atoi(close_ + 1);
	return true;
}

bool
taskinfo_number(int32_t tid, const char *field, long *v)
{
	char path[48], line[256];
	size_t n = strlen(field);
	bool got = false;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	if ((fp = fopen(path, "re")) == NULL)
		return false;
	while (!got && fgets(line, sizeof(line), fp) != NULL)
		got = strncmp(line, field, n) == 0 && line[n] == ':' &&
		    sscanf(line + n + 1, "%ld", v) == 1;
	fclose(fp);
	return got;
}

bool
taskinfo_in(int32_t pid, int32_t tid)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/task/%d", (int)pid, (int)tid);
	return stat(path, &st) == 0;
}

char **
taskinfo_cmdline(int32_t pid)
{
	char buf[4096], comm[TASKINFO_NAME], **argv, *p;
	ssize_t n = slurp(pid, "cmdline", buf, sizeof(buf));
	size_t argc = 0, i;

	if (n <= 0) {
		if (!taskinfo_comm(pid, comm))
			return NULL;
		n = snprintf(buf, sizeof(buf), "[%s]", comm) + 1;
	} else if (buf[n - 1] != '\0') {
		n++;		/* cut at 4 KiB: slurp() ended it */
	}
	for (i = 0; i < (size_t)n; i++)
		argc += buf[i] == '\0';
	if ((argv = malloc((argc + 1) * sizeof(*argv) + (size_t)n)) == NULL)
		return NULL;
	p = memcpy(&argv[argc + 1], buf, (size_t)n);
	for (i = 0; i < argc; i++, p += strlen(p) + 1)
		argv[i] = p;
	argv[argc] = NULL;
	return argv;
}
