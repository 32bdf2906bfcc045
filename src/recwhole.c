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

/* What the reader's sink fills. */
struct keeper {
	struct recwhole	*w;
	struct recording *rd;
};

/* Room for one more event (and its name, for a traced program's). */
static bool
room(struct recwhole *w)
{
	struct event *e;
	struct recwhole_name *nm;
	size_t cap = w->cap != 0 ? 2 * w->cap : 64;

	if (w->n < w->cap)
		return true;
	if ((e = reallocarray(w->events, cap, sizeof(*e))) == NULL)
		return false;
	w->events = e;
	if (w->command != NULL) {
		if ((nm = reallocarray(w->names, cap, sizeof(*nm))) == NULL)
			return false;
		w->names = nm;
	}
	w->cap = cap;
	return true;
}

/* The reader's sink: keep every event, and the name it carried. */
static void
keep(void *ctx, const struct event *ev)
{
	struct keeper *k = ctx;
	struct recwhole *w = k->w;
	const char *name;

	if (w->nomem)
		return;
	if (!room(w)) {
		w->nomem = true;
		return;
	}
	if (w->command != NULL) {
		name = recording_name(k->rd, ev->proc, ev->thread);
		w->names[w->n].named = name != NULL;
		snprintf(w->names[w->n].s, sizeof(w->names[w->n].s), "%s",
		    name != NULL ? name : "");
	}
	w->events[w->n++] = *ev;
}

/* A copy of argv in one block; NULL with errno. */
static char **
copy_argv(char *const argv[])
{
	size_t i, n, bytes = sizeof(char *);
	char **c, *p;

	for (n = 0; argv[n] != NULL; n++)
		bytes += sizeof(char *) + strlen(argv[n]) + 1;
	if ((c = malloc(bytes)) == NULL)
		return NULL;
	p = (char *)(c + n + 1);
	for (i = 0; i < n; i++) {
		c[i] = p;
		p = stpcpy(p, argv[i]) + 1;
	}
	c[n] = NULL;
	return c;
}

int
recwhole_read(struct recwhole *w, const char *name, const char *buf,
    size_t len, char *err, size_t errlen)
{
	const struct recording_info *ri;
	struct keeper k = { .w = w };
	bool slow = w->slow;

	*w = (struct recwhole){ .slow = slow };
	if ((k.rd = recording_memory(name, buf, len, slow, &w->cfg, err,
	    errlen)) == NULL)
		return -1;
	if (recording_command(k.rd) != NULL &&
	    (w->command = copy_argv(recording_command(k.rd))) == NULL)
		w->nomem = true;
	while (!w->nomem && !(ri = recording_get(k.rd))->ended &&
	    !ri->failed)
		recording_pump(k.rd, keep, &k, SIZE_MAX);
	ri = recording_get(k.rd);
	if (w->nomem || ri->failed) {
		if (w->nomem)
			snprintf(err, errlen, "%s: %s", name,
			    strerror(ENOMEM));
		else
			snprintf(err, errlen, "%s", ri->error);
		recwhole_free(w);
		recording_close(k.rd);
		return -1;
	}
	w->cut_line = ri->cut_line;
	w->cut = ri->cut;
	recording_close(k.rd);
	return 0;
}

void
recwhole_free(struct recwhole *w)
{
	free(w->events);
	free(w->names);
	free(w->command);
	w->events = NULL;
	w->names = NULL;
	w->command = NULL;
	w->n = w->cap = 0;
}
