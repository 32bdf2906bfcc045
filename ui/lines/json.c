/*
 * json.c: every event as one JSON object per line, after a "run" record
 * that says what was run: a recording (src/jsonl.h).  A traced program's
 * (-- COMMAND) say so in the run record, name its command, and carry the
 * names of its tasks; its own output goes to stderr, not among them.
 */
#include <stdio.h>

#include "../../src/jsonl.h"
#include "../../src/model.h"
#include "../options.h"
#include "json.h"

static void
json_start(FILE *fp, const struct options *o)
{
	jsonl_head(fp, &o->run, o->command);
}

static void
json_event(FILE *fp, const struct model *m, const struct event *ev,
    const char *name)
{
	/* A built-in run's events have no name: jsonl_event()'s lines. */
	jsonl_event_named(fp, m->t0, ev, name);
}

const struct printer json_printer = { json_start, json_event };
