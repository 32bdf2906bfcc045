/*
 * outfile.c: a file made to be written (see outfile.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"

int
outfile_create(const char *path)
{
	int fd, saved;

	/* O_NONBLOCK only for the open: a FIFO without a reader fails with
	   ENXIO instead of waiting for one. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK,
	    0666);
	if (fd == -1)
		return -1;
	if (fcntl(fd, F_SETFL, 0) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

const char *
outfile_strerror(const char *path, int err)
{
	struct stat st;

	if (err == ENXIO && stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
		return "a FIFO nobody reads";
	return strerror(err);
}
