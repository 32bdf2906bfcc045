/*
 * runs.h: what --runs prints, --plain or --json.
 */
#ifndef PTVIZ_RUNS_H
#define PTVIZ_RUNS_H

#include "printer.h"

extern const struct runs_printer plain_runs;
extern const struct runs_printer json_runs;

#endif
