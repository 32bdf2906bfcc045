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
#include <string.h>
#include <unistd.h>

#include "taskinfo.h"

bool
taskinfo_comm(int32_t tid, char name[TASKINFO_NAME])
{
	char path[48], buf[TASKINFO_NAME];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)tid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
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
