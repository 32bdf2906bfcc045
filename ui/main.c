/*
 * main.c: ptviz's entry: read the command line, pick a front end, run it.
 *
 * Bad input ends here with one line on stderr and exit status 2, before any
 * signal is blocked or any process forked; so do counts this machine cannot
 * hold now (src/limits.h), which would otherwise take every pid it has
 * while the run fails thread by thread.  The screen is the default when
 * both stdin and stdout are a terminal; if that terminal cannot show it,
 * ptviz says so in one line and prints the plain lines instead.  When
 * stdout is not a terminal (a pipe, a file) plain lines are simply what
 * was asked for, and nothing is said.
 */
#include <err.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../src/duration.h"
#include "../src/limits.h"
#include "../src/spawn.h"
#include "options.h"
#include "signals.h"
#include "stream.h"
#include "tui.h"

extern char **environ;

/* Refuse, in one line on stderr, counts this machine cannot hold now. */
static bool
too_many(const struct options *o)
{
	struct limits_sample s;
	struct limits l;
	char why[256];

	limits_sample(&s);
	if (limits_fit(&s, o->run.nproc, o->run.nthread, &l))
		return false;
	limits_refusal(why, sizeof(why), &l, o->run.nproc, o->run.nthread);
	fprintf(stderr, "ptviz: %s\n", why);
	return true;
}

int
main(int argc, char *argv[])
{
	struct options o;
	char why[256];
	int status;

	setlocale(LC_ALL, "");
	if (options_parse(&o, argc, argv, why, sizeof(why)) == -1) {
		fprintf(stderr, "ptviz: %s\n", why);
		return 2;
	}
	if (o.help) {
		options_usage(stdout);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (o.version) {
		puts(options_version());
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (too_many(&o))
		return 2;
	if (!o.seed_given)
		o.run.seed = duration_random_seed();
	/* Children set their titles; this must come first. */
	setproctitle_init(argc, argv, environ);
	if (run_block_signals() == -1 || signals_block() == -1)
		err(1, "sigprocmask");
	if (o.mode == MODE_JSON)
		return stream_main(&o, &json_printer);
	if (o.mode == MODE_AUTO && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO)) {
		if ((status = tui_main(&o, why, sizeof(why))) != -1)
			return status;
		fprintf(stderr, "ptviz: %s; printing plain lines instead\n",
		    why);
	}
	return stream_main(&o, &plain_printer);
}
