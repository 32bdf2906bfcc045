/*
 * recline.h: one line of a recording, read into what it says: nothing (a
 * blank line, a last line cut short), the run record, or an event.
 *
 * The lines exactly as ptviz writes them are read by quickline.h, many
 * times as fast; any other line is parsed by json-c (strict, UTF-8
 * checked) and its fields read by recfields.h.  A UTF-8 byte-order mark
 * before the first line is skipped; blank lines are let be until a line
 * that is not blank follows them, which refuses the first of them.  A
 * last line cut short (no newline, no end to its JSON) after the run
 * record is skipped, for the reader to warn of.  A traced program's
 * lines (its run record says "traced") are all json-c's: they carry
 * names, which quickline.h does not read.
 */
#ifndef PTVIZ_RECLINE_H
#define PTVIZ_RECLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "run.h"
#include "tasknames.h"

struct json_tokener;

/* What a line said. */
enum recline_got {
	RECLINE_NONE,		/* nothing: a blank line */
	RECLINE_CUT,		/* a last line cut short, skipped */
	RECLINE_RUN,		/* the run record: `cfg` */
	RECLINE_EVENT,		/* an event: `ev` */
	RECLINE_BAD		/* refused: `why`, about line `line` */
};

struct recline {
	struct json_tokener *tok;
	bool		 slow;		/* every line through json-c (tests) */
	unsigned	 blank;		/* the first of the blank lines just
					   read; 0: none */
	struct run_config cfg;		/* what the last line said */
	bool		 traced;	/* the run record was a traced
					   program's: events as such */
	char		**command;	/* its command (recfields_run()),
					   until the reader takes it */
	struct event	 ev;
	const char	*name;		/* the event's task's name, or NULL */
	char		 namebuf[TASKNAMES_MAX + 1];
	unsigned	 line;
	char		 why[256];
};

/* Ready to read lines, every one through json-c if slow; -1 with errno. */
int	recline_init(struct recline *rl, bool slow);

/* Free what recline_init took. */
void	recline_free(struct recline *rl);

/* Read line number `line`, s[0..len) without its newline (cut: it ended
   the file without one), of a recording of the run cfg (NULL: the run
   record is still to come); times are t0 plus the file's. */
enum recline_got recline_take(struct recline *rl, const char *s, size_t len,
	    unsigned line, bool cut, const struct run_config *cfg, uint64_t t0);

#endif
