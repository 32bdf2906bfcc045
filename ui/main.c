/*
 * main.c: ptviz's entry: read the command line, pick a front end, run it.
 *
 * Bad input ends here with one line on stderr and exit status 2, before any
 * signal is blocked or any process forked.
 */
#include <err.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../src/duration.h"
#include "../src/spawn.h"
#include "options.h"
#include "stream.h"

extern char **environ;

int
main(int argc, char *argv[])
{
	struct options o;
	char why[256];

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
	if (!o.seed_given)
		o.run.seed = duration_random_seed();
	/* Children set their titles; this must come first. */
	setproctitle_init(argc, argv, environ);
	if (run_block_signals() == -1)
		err(1, "sigprocmask");
	if (o.mode == MODE_JSON)
		return stream_main(&o, &json_printer);
	return stream_main(&o, &plain_printer);
}
