/*
 * plain.c: the reference program's own output (DESIGN.md section 1), and
 * nothing else on stdout.
 */
#include <stdio.h>

#include "../../src/event.h"
#include "../../src/text.h"
#include "../options.h"
#include "plain.h"

static void
plain_start(FILE *fp, const struct options *o)
{
	(void)fp;
	fprintf(stderr, "ptviz: seed %llu\n", (unsigned long long)o->run.seed);
}

static void
plain_event(FILE *fp, const struct model *m, const struct event *ev)
{
	char line[96];

	(void)m;
	if (text_line(ev, line, sizeof(line)))
		fprintf(fp, "%s\n", line);
}

const struct printer plain_printer = { plain_start, plain_event };
