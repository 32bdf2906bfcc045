/*
 * options.h: the command line (DESIGN.md section 4).
 *
 * options_parse() reads argv into one struct and either accepts it or says
 * in one line what is wrong; it prints nothing and starts nothing, so main()
 * can turn any bad input into exit status 2 before a process exists.
 */
#ifndef PTVIZ_OPTIONS_H
#define PTVIZ_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../src/spawn.h"

#define OPT_MAX_PROCS	RUN_MAX_PROCS
#define OPT_MAX_THREADS	RUN_MAX_THREADS
#define OPT_MAX_SLEEP_NS RUN_MAX_SLEEP_NS
#define OPT_MAX_RUNS	10000u

enum ui_mode { MODE_AUTO, MODE_TUI, MODE_PLAIN, MODE_JSON };

struct options {
	struct run_config run;
	bool		 seed_given;
	const char	*run_given;	/* the first option that set the run
					   (-p, -t, -s, --seed, -w, --permits,
					   --ring-slots) */
	const char	*fixed_given;	/* the first of them a scene fixes:
					   all but -s, which slows it */
	bool		 sleep_given;	/* -s: a scene takes its sleep */
	const char	*record;	/* --record FILE: write the run */
	const char	*replay;	/* --replay FILE ("-": stdin) */
	const char	*trace;		/* --trace FILE: Chrome trace */
	const char	*svg;		/* --svg FILE: the run's picture */
	const char	*png;		/* --png FILE: the same in pixels */
	unsigned	 scene;		/* --scene N, or 0 */
	bool		 scenes;	/* --scenes: list them */
	unsigned	 runs;		/* --runs N: N runs counted, 0: one
					   run shown */
	bool		 vary_seed;	/* --vary-seed: run k, seed + k-1 */
	const char	*step_given;	/* --step or --timed-steps: the run
					   starts in step mode (run.steps) */
	char *const	*command;	/* -- COMMAND [ARG...]: its argv, NULL
					   at its end; NULL: ptviz's own program */
	int		 attach;	/* --attach PID, or 0 */
	bool		 poll;		/* --poll: -- COMMAND through /proc */
	char		**attached_argv; /* --attach: the command line the
					   process has, read by main.c */
	enum ui_mode	 mode;
	bool		 help;
	bool		 version;
};

/* Parse argv into o (defaults first); -1 with a one-line reason in err
   (without the "ptviz: " prefix) if the command line is bad. */
int	options_parse(struct options *o, int argc, char *argv[], char *err,
	    size_t errlen);

/* The command line a traced program's run record names: -- COMMAND's,
   --attach's process's (o->attached_argv), a traced recording's; NULL
   for ptviz's own program. */
char *const *options_command(const struct options *o);

/* Is a recording only converted (--replay with --trace, --svg or --png,
   and neither --plain nor --json), showing nothing? */
bool	options_converts(const struct options *o);

/* "ptviz 1.0.0". */
const char *options_version(void);

/* Parse a decimal number of seconds, [0, max_ns] with up to 9 decimals;
   -2 if it has more decimals than that, -1 if it is bad otherwise. */
int	options_parse_seconds(const char *s, uint64_t max_ns, uint64_t *ns);

/* Parse a decimal integer in [0, UINT64_MAX]. */
int	options_parse_u64(const char *s, uint64_t *v);

#endif
