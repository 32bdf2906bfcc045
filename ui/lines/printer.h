/*
 * printer.h: what a line front end prints, event by event (plain.c,
 * json.c) or run by run (runs.c), for the loop of stream.c.
 */
#ifndef PTVIZ_PRINTER_H
#define PTVIZ_PRINTER_H

#include <stdbool.h>
#include <stdio.h>

struct event;
struct model;
struct options;
struct run_config;
struct stats;

struct printer {
	/* Before the first event. */
	void	(*start)(FILE *fp, const struct options *o);
	/* After ev was applied to m (events the model ignored never come);
	   name, a traced program's task's or process's (source_name()),
	   else NULL. */
	void	(*event)(FILE *fp, const struct model *m,
		    const struct event *ev, const char *name);
};


/* What --runs prints: after each run, and at the end. */
struct runs_printer {
	/* Run k (from 1) of cfg was just counted in st. */
	void	(*run)(FILE *fp, const struct options *o,
		    const struct run_config *cfg, const struct stats *st,
		    unsigned k);
	/* Every run was counted, or (stopped) those before a signal. */
	void	(*end)(FILE *fp, const struct options *o,
		    const struct stats *st, bool stopped);
};

#endif
