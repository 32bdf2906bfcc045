/*
 * fuzz_options.c: the command line, as NUL-separated words.
 *
 * options_parse() must accept or refuse every input, never crash; what it
 * accepts is in range, and what it refuses is explained in one line that
 * points to --help.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../ui/options.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_WORDS	16

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *argv[MAX_WORDS + 2], err[256];
	char prog[] = "ptviz";
	struct options o;
	int argc = 1;
	size_t i, start = 0;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = prog;
	for (i = 0; i <= size && argc <= MAX_WORDS; i++) {
		if (buf[i] == '\0') {
			argv[argc++] = buf + start;
			start = i + 1;
		}
	}
	argv[argc] = NULL;
	err[0] = '\0';
	if (options_parse(&o, argc, argv, err, sizeof(err)) == 0) {
		if (o.run.nproc < 1 || o.run.nproc > OPT_MAX_PROCS ||
		    o.run.nthread < 1 || o.run.nthread > OPT_MAX_THREADS ||
		    o.run.sleep_ns > OPT_MAX_SLEEP_NS ||
		    (o.run.ring_slots & (o.run.ring_slots - 1)) != 0)
			abort();
	} else if (err[0] == '\0' || strchr(err, '\n') != NULL ||
	    strstr(err, "--help") == NULL)
		abort();
	free(buf);
	return 0;
}
