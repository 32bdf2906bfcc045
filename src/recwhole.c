/*
 * recwhole.c: a whole recording in memory read at once (see recwhole.h),
 * through recording.h's reader, as the front ends read one.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "recording.h"
#include "recwhole.h"

/* The reader's sink: keep every event. */
static void
keep(void *ctx, const struct event *ev)
{
	struct recwhole *w = ctx;
	struct event *e;
	size_t cap = w->cap != 0 ? 2 * w->cap : 64;

	if (w->nomem)
		return;
	if (w->n == w->cap) {
		if ((e = reallocarray(w->events, cap, sizeof(*e))) == NULL) {
			w->nomem = true;
			return;
		}
		w->events = e;
		w->cap = cap;
	}
	w->events[w->n++] = *ev;
}

int
recwhole_read(struct recwhole *w, const char *name, const char *buf,
    size_t len, char *err, size_t errlen)
{
	const struct recording_info *ri;
	struct recording *rd;
	bool slow = w->slow;

	*w = (struct recwhole){ .slow = slow };
	if ((rd = recording_memory(name, buf, len, slow, &w->cfg, err,
	    errlen)) == NULL)
		return -1;
	while (!(ri = recording_get(rd))->ended && !ri->failed)
		recording_pump(rd, keep, w, SIZE_MAX);
	if (w->nomem || ri->failed) {
		if (w->nomem)
			snprintf(err, errlen, "%s: %s", name,
			    strerror(ENOMEM));
		else
			snprintf(err, errlen, "%s", ri->error);
		recwhole_free(w);
		recording_close(rd);
		return -1;
	}
	w->cut_line = ri->cut_line;
	w->cut = ri->cut;
	recording_close(rd);
	return 0;
}

void
recwhole_free(struct recwhole *w)
{
	free(w->events);
	w->events = NULL;
	w->n = w->cap = 0;
}
