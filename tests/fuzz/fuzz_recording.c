/*
 * fuzz_recording.c: any bytes as a recording (--replay).
 *
 * The reader must never crash, read out of bounds, loop or take unbounded
 * memory; what it accepts must be a run the model takes, must write back
 * as JSON lines that read again as the same events, and must export as a
 * trace.  A refusal must be one line naming the file and, but for the
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
#include "../../src/trace.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(const struct recwhole *r)
{
	struct recwhole again = { 0 };
	struct history h;
	char *buf = NULL, err[512];
	size_t len = 0, i;
	FILE *fp = open_memstream(&buf, &len);

	jsonl_run(fp, &r->cfg);
	for (i = 0; i < r->n; i++)
		jsonl_event(fp, RECORDING_T0, &r->events[i]);
	fclose(fp);
	if (recwhole_read(&again, "again", buf, len, err, sizeof(err)) != 0 ||
	    again.n != r->n || again.cut_line != 0 || again.cut != r->cut ||
	    memcmp(&again.cfg, &r->cfg, sizeof(r->cfg)) != 0)
		abort();
	for (i = 0; i < r->n; i++)
		if (memcmp(&again.events[i], &r->events[i],
		    sizeof(struct event)) != 0)
			abort();
	history_init(&h);
	for (i = 0; i < r->n; i++)
		if (history_add(&h, &r->events[i]) != 0)
			abort();
	fp = fopen("/dev/null", "w");
	if (fp == NULL || trace_write(fp, &r->cfg, &h) != 0)
		abort();
	fclose(fp);
	history_free(&h);
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
