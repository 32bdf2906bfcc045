/*
 * picture.h: the timeline of a run as a picture for slides and handouts,
 * drawn with cairo: SVG (vector) or PNG (PICTURE_WIDTH pixels wide).
 *
 * A picture is a view that draws to a cairo surface instead of curses:
 * from the history of a run (its first k events: the whole run, or the
 * moment shown in time travel) it draws a title line (counts, workload,
 * seed) and the run's figures, the scene's caption if there is one, the
 * time axis, a row a thread grouped by process -- each phase in the
 * colour of its look (src/palette.h, the screen's), waits as a thin line
 * and holds as a bar as on the screen, the rank after each done -- and a
 * legend.  A run of more rows than PICTURE_ROWS folds every process into
 * one row of how many of its threads are busy, as the screen's timeline
 * folds when its rows do not fit.  A traced program (ptviz -- COMMAND)
 * draws the same way: a row for each process and thread born so far,
 * named as their events named them, each kernel state seen as a phase
 * (on a CPU, asleep, waiting for something, stopped).  It needs no
 * terminal: the line front ends, a conversion of a recording and the
 * screen all call it.
 */
#ifndef PTVIZ_PICTURE_H
#define PTVIZ_PICTURE_H

#include <stddef.h>
#include <stdint.h>

struct history;
struct run_config;
struct scene;
struct tasknames;

#define PICTURE_WIDTH	1920	/* pixels of a PNG: a projector's width */
#define PICTURE_ROWS	64	/* rows, one a thread and one a process,
				   before every process folds */

enum picture_format { PICTURE_SVG, PICTURE_PNG };

/* What a picture shows. */
struct picture_run {
	const struct run_config	*cfg;	/* counts, sleep, seed, workload */
	const struct history	*hist;	/* its events */
	size_t			 k;	/* the first k of them */
	uint64_t		 now;	/* the moment shown (the events'
					   clock); 0: the run's end, or its
					   last event's time */
	const struct scene	*scene;	/* its caption, or NULL */
	char *const		*command; /* a traced program's argv (its
					   model grows, src/model_traced.h);
					   NULL: ptviz's own run */
	const struct tasknames	*names;	/* a traced program's names, or
					   NULL */
};

/* Write the picture of r to path (made or truncated) as f; 0, or -1 with
   errno and why it failed in why. */
int	picture_write(const char *path, enum picture_format f,
	    const struct picture_run *r, char *why, size_t whylen);

#endif
