/*
 * fuzz_recording.c: any bytes as a recording (--replay).
 *
 * The reader must never crash, read out of bounds, loop or take unbounded
 * memory; what it accepts must be a run the model takes, must write back
 * as JSON lines that read again as the same events (a traced program's
 * with the same command and names), and must export as a trace.  A refusal must be one line naming the file and, but for the
 * empty file, the line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/event.h"
#include "../../src/history.h"
#include "../../src/jsonl.h"
#include "../../src/recording.h"
#include "../../src/recwhole.h"
#include "../../src/tasknames.h"
#include "../../src/trace.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The name event i of r carried; NULL: none (or a built-in run's). */
static const char *
name_of(const struct recwhole *r, size_t i)
{
	return r->names != NULL && r->names[i].named ? r->names[i].s : NULL;
}

/* Do a and b name the same command (or none)? */
static int
same_command(char *const *a, char *const *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	for (i = 0; a[i] != NULL && b[i] != NULL; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return a[i] == b[i];
}

/* r exported as a trace, to nowhere: -1 if it failed. */
static int
export(const struct recwhole *r)
{
	struct tasknames names;
	struct history h;
	FILE *fp = fopen("/dev/null", "w");
	size_t i;
	int rc;

	history_init(&h);
	tasknames_init(&names);
	for (i = 0; i < r->n; i++)
		if (history_add(&h, &r->events[i]) != 0 ||
		    tasknames_note(&names, &r->events[i], name_of(r, i)) != 0)
			abort();
	if (fp == NULL)
		abort();
	rc = r->command != NULL ? trace_write_traced(fp, r->command, &names,
	    &h) : trace_write(fp, &r->cfg, &h);
	fclose(fp);
	history_free(&h);
	tasknames_free(&names);
	return rc;
}

static void
round_trip(const struct recwhole *r)
{
	struct recwhole again = { 0 };
	char *buf = NULL, err[512];
	const char *a, *b;
	size_t len = 0, i;
	FILE *fp = open_memstream(&buf, &len);

	jsonl_head(fp, &r->cfg, r->command);
	for (i = 0; i < r->n; i++)
		jsonl_event_named(fp, RECORDING_T0, &r->events[i],
		    name_of(r, i));
	fclose(fp);
	if (recwhole_read(&again, "again", buf, len, err, sizeof(err)) != 0 ||
	    again.n != r->n || again.cut_line != 0 || again.cut != r->cut ||
	    memcmp(&again.cfg, &r->cfg, sizeof(r->cfg)) != 0 ||
	    !same_command(again.command, r->command))
		abort();
	for (i = 0; i < r->n; i++) {
		if (memcmp(&again.events[i], &r->events[i],
		    sizeof(struct event)) != 0)
			abort();
		a = name_of(&again, i);
		b = name_of(r, i);
		if ((a == NULL) != (b == NULL) || (a != NULL &&
		    strcmp(a, b) != 0))
			abort();
	}
	if (export(r) != 0)
		abort();
	recwhole_free(&again);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recwhole r = { 0 };
	char err[512];

	if (recwhole_read(&r, "fuzz", (const char *)data, size, err,
	    sizeof(err)) == 0) {
		round_trip(&r);
		recwhole_free(&r);
	} else if (strncmp(err, "fuzz: ", 6) != 0 ||
	    strchr(err, '\n') != NULL || r.events != NULL) {
		abort();
	}
	return 0;
}
