/*
 * fuzz_quickline.c: any bytes as a recording, read twice -- with the quick
 * reading of ptviz's own lines (src/quickline.h) and with json-c alone --
 * must give the same: the same events, or the same refusal word for word.
 * A line the quick reading takes that json-c would read otherwise (or
 * refuse) is a bug of the quick reading.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/event.h"
#include "../../src/recording.h"
#include "../../src/recwhole.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recwhole quick = { 0 }, slow = { .slow = true };
	char eq[512], es[512];
	int rq, rs;

	rq = recwhole_read(&quick, "fuzz", (const char *)data, size, eq,
	    sizeof(eq));
	rs = recwhole_read(&slow, "fuzz", (const char *)data, size, es,
	    sizeof(es));
	if (rq != rs || (rq == -1 && strcmp(eq, es) != 0))
		abort();
	if (rq == 0 && (quick.n != slow.n || quick.cut != slow.cut ||
	    quick.cut_line != slow.cut_line ||
	    memcmp(&quick.cfg, &slow.cfg, sizeof(quick.cfg)) != 0 ||
	    (quick.n > 0 && memcmp(quick.events, slow.events,
	    quick.n * sizeof(struct event)) != 0)))
		abort();
	recwhole_free(&quick);
	recwhole_free(&slow);
	return 0;
}
