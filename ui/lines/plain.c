/*
 * plain.c: the reference program's own output (DESIGN.md section 1), and
 * nothing else on stdout.  A traced program (-- COMMAND) has stdout to
 * itself: its output passes through as it is, and the line of each
 * birth, exec and end goes to stderr, written before the task it tells
 * of goes on -- a process's birth before anything it prints, its end
 * after all it printed.
 */
#include <stdio.h>

#include "../../src/event.h"
#include "../../src/model.h"
#include "../../src/text.h"
#include "../options.h"
#include "plain.h"

static void
plain_start(FILE *fp, const struct options *o)
{
	(void)fp;
	if (o->command == NULL && o->attach == 0)
		fprintf(stderr, "ptviz: seed %llu\n",
		    (unsigned long long)o->run.seed);
}

static void
plain_event(FILE *fp, const struct model *m, const struct event *ev,
    const char *name)
{
	char line[128];

	if (m->traced) {
		if (text_traced(ev, name, line, sizeof(line)))
			fprintf(stderr, "%s\n", line);
		return;
	}
	if (text_line(ev, line, sizeof(line)))
		fprintf(fp, "%s\n", line);
	/* The race's counter or the queue, as the model counted it, once
	   the run is done. */
	if (ev->state == ST_MDONE && text_work_figure(m, line, sizeof(line)))
		fprintf(fp, "%s\n", line);
}

const struct printer plain_printer = { plain_start, plain_event };
