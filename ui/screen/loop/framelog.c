/*
 * framelog.c: PTVIZ_FRAME_LOG=path, read once at start, times every frame
 * (drawing and writing it out) and appends one line a frame to that file
 * when the screen ends: its wall time (CLOCK_MONOTONIC) and the main
 * thread's CPU time in it, in nanoseconds -- for `make bench` -- and the
 * files of /proc the kernel view read for it (features/kernel.c), so a test
 * can see that nothing is read when nothing shows it.  Unset, it costs one
 * test of a pointer per frame.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../../src/event.h"
#include "framelog.h"

#define FRAME_LOG_MAX	(1u << 20)	/* frame times kept, at most */

void
frame_log_open(struct frame_log *fl)
{
	*fl = (struct frame_log){ .path = getenv("PTVIZ_FRAME_LOG") };
	if (fl->path != NULL && *fl->path == '\0')
		fl->path = NULL;
}

/* CPU time of the calling thread, in nanoseconds. */
static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void
frame_log_begin(const struct frame_log *fl, struct frame_mark *fm,
    uint64_t reads)
{
	if (fl->path == NULL)
		return;
	*fm = (struct frame_mark){ now_ns(), cpu_ns(), reads };
}

void
frame_log_end(struct frame_log *fl, const struct frame_mark *fm,
    uint64_t reads)
{
	struct frame_time *f;

	if (fl->path == NULL)
		return;
	if (fl->n == fl->cap && fl->cap < FRAME_LOG_MAX) {
		f = reallocarray(fl->f, fl->cap ? 2 * fl->cap : 1024,
		    sizeof(*f));
		if (f == NULL)
			return;
		fl->f = f;
		fl->cap = fl->cap ? 2 * fl->cap : 1024;
	}
	if (fl->n < fl->cap)
		fl->f[fl->n++] = (struct frame_time){ now_ns() - fm->wall,
		    cpu_ns() - fm->cpu, reads - fm->reads };
}

void
frame_log_write(struct frame_log *fl)
{
	FILE *fp;
	size_t i;
	bool ok;

	if (fl->path == NULL)
		return;
	if ((ok = (fp = fopen(fl->path, "a")) != NULL)) {
		for (i = 0; i < fl->n; i++)
			fprintf(fp, "%llu %llu %llu\n",
			    (unsigned long long)fl->f[i].wall_ns,
			    (unsigned long long)fl->f[i].cpu_ns,
			    (unsigned long long)fl->f[i].reads);
		ok = fclose(fp) == 0;
	}
	if (!ok)
		fprintf(stderr, "ptviz: PTVIZ_FRAME_LOG: %s: %s\n", fl->path,
		    strerror(errno));
	free(fl->f);
}
