/*
 * runs.h: what --runs prints, --plain or --json.
 */
#ifndef PTVIZ_RUNS_H
#define PTVIZ_RUNS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "printer.h"

extern const struct runs_printer plain_runs;
extern const struct runs_printer json_runs;

struct run_config;

/* Batches worth a word before they start: at least this long in all. */
#define RUNS_SAY_NS	1000000000ull
/* Batches long enough to suggest a shorter sleep. */
#define RUNS_LONG_NS	60000000000ull
/* The sleep suggested then: short, so that the scheduler, not the plan,
   decides more of the order. */
#define RUNS_SHORT_SLEEP_NS 100000000ull

/* The least time `runs` runs of cfg take: each its plan's critical path
   (the first run's, if the seed varies from run to run); 0 if the plan
   has none (a deadlock). */
uint64_t runs_least_ns(const struct run_config *cfg, unsigned runs);

/* A long time as a person reads it: "4 min 51 s", "2.914 s", "45.54 ms". */
const char *runs_human(uint64_t ns, char *buf, size_t len);

/* Before --runs starts, on fp: how long the batch takes at the least, if
   that is RUNS_SAY_NS or more, and a shorter sleep if it is long. */
void	runs_say_before(FILE *fp, const struct run_config *cfg,
	    unsigned runs);

#endif
