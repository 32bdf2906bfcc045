/*
 * framelog.h: the time of each frame, when PTVIZ_FRAME_LOG asks for it.
 */
#ifndef PTVIZ_FRAMELOG_H
#define PTVIZ_FRAMELOG_H

#include <stddef.h>
#include <stdint.h>

struct frame_time {
	uint64_t	 wall_ns, cpu_ns;
	uint64_t	 reads;		/* /proc files the kernel view read */
};

struct frame_log {
	const char	*path;		/* NULL: not asked for */
	struct frame_time *f;		/* [cap] */
	size_t		 n, cap;
};

/* A frame's start: its clocks, and the kernel view's reads so far. */
struct frame_mark {
	uint64_t	 wall, cpu, reads;
};

/* Read PTVIZ_FRAME_LOG (unset or empty: nothing is timed). */
void	frame_log_open(struct frame_log *fl);

/* Around a frame: its start, then its end (reads: the kernel view's
   files read so far, each time); nothing if not asked for. */
void	frame_log_begin(const struct frame_log *fl, struct frame_mark *fm,
	    uint64_t reads);
void	frame_log_end(struct frame_log *fl, const struct frame_mark *fm,
	    uint64_t reads);

/* Append the frame times to the file, once curses has ended, and free
   them; a failure is told on stderr. */
void	frame_log_write(struct frame_log *fl);

#endif
