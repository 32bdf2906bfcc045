/*
 * json.c: every event as one JSON object per line, after a "run" record
 * that says what was run: a recording (src/jsonl.h).
 */
#include <stdio.h>

#include "../../src/jsonl.h"
#include "../../src/model.h"
#include "../options.h"
#include "json.h"

static void
json_start(FILE *fp, const struct options *o)
{
	jsonl_run(fp, &o->run);
}

static void
json_event(FILE *fp, const struct model *m, const struct event *ev)
{
	jsonl_event(fp, m->t0, ev);
}

const struct printer json_printer = { json_start, json_event };
