/*
 * plain.c: the reference program's own output (DESIGN.md section 1), and
 * nothing else on stdout.
 */
#include <stdio.h>

#include "../src/event.h"
#include "options.h"
#include "stream.h"

static void
plain_start(FILE *fp, const struct options *o)
{
	(void)fp;
	fprintf(stderr, "ptviz: seed %llu\n", (unsigned long long)o->run.seed);
}

static void
plain_event(FILE *fp, const struct model *m, const struct event *ev)
{
	(void)m;
	switch (ev->state) {
	case ST_DONE:
		fprintf(fp, ">thread Thread-%u in process Process-%u done.\n",
		    ev->thread, ev->proc);
		break;
	case ST_PDONE:
		fprintf(fp, "Process Process-%u done.\n", ev->proc);
		break;
	case ST_MDONE:
		fputs("Main process done.\n", fp);
		break;
	}
}

const struct printer plain_printer = { plain_start, plain_event };
