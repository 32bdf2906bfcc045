/*
 * output.c: a traced program's lines, the newest OUTPUT_KEEP of them (see
 * output.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

int
output_add(struct output *o, size_t k, uint64_t t_ns, const char *text)
{
	struct output_line *l;
	char *copy;

	if ((o->ring == NULL && (o->ring = calloc(OUTPUT_KEEP,
	    sizeof(*o->ring))) == NULL) || (copy = strdup(text)) == NULL) {
		o->dropped++;
		errno = ENOMEM;
		return -1;
	}
	if (o->n == OUTPUT_KEEP) {
		l = &o->ring[o->first];
		free(l->text);
		o->first = (o->first + 1) % OUTPUT_KEEP;
		o->n--;
		o->dropped++;
	}
	l = &o->ring[(o->first + o->n++) % OUTPUT_KEEP];
	*l = (struct output_line){ .t_ns = t_ns, .k = k, .text = copy };
	return 0;
}

const struct output_line *
output_at(const struct output *o, size_t i)
{
	return &o->ring[(o->first + i) % OUTPUT_KEEP];
}

size_t
output_upto(const struct output *o, size_t k)
{
	size_t lo = 0, hi = o->n, mid;

	/* The lines came in the history's order: k only grows. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (output_at(o, mid)->k <= k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
output_clear(struct output *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		free(o->ring[(o->first + i) % OUTPUT_KEEP].text);
	o->first = o->n = 0;
	o->dropped = o->dropped_src = 0;
}

void
output_free(struct output *o)
{
	output_clear(o);
	free(o->ring);
	*o = (struct output){ 0 };
}
