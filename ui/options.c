/*
 * options.c: parsing the command line with getopt_long and strtonum.
 *
 * Numbers are parsed strictly: digits only (and one '.' for seconds), no
 * signs, spaces, exponents, "nan" or "inf", nothing after the number.  Every
 * failure names the option and the value and says what would be right.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/cpus.h"
#include "../src/scene.h"
#include "../src/steps.h"
#include "../src/work.h"
#include "options.h"

/* The Makefile reads it from debian/changelog, the version's one home. */
#ifndef PTVIZ_VERSION
#error "PTVIZ_VERSION is defined by the Makefile"
#endif

enum { OPT_SEED = 256, OPT_PLAIN, OPT_JSON, OPT_RING_SLOTS, OPT_RECORD,
    OPT_REPLAY, OPT_TRACE, OPT_PERMITS, OPT_SCENE, OPT_SCENES, OPT_RUNS,
    OPT_VARY_SEED, OPT_ATTACH, OPT_POLL, OPT_SVG, OPT_PNG, OPT_ITERATIONS,
    OPT_SLOTS, OPT_STEP, OPT_TIMED_STEPS };

static const struct option longopts[] = {
	{ "processes",	required_argument, NULL, 'p' },
	{ "threads",	required_argument, NULL, 't' },
	{ "sleep",	required_argument, NULL, 's' },
	{ "seed",	required_argument, NULL, OPT_SEED },
	{ "work",	required_argument, NULL, 'w' },
	{ "permits",	required_argument, NULL, OPT_PERMITS },
	{ "iterations",	required_argument, NULL, OPT_ITERATIONS },
	{ "slots",	required_argument, NULL, OPT_SLOTS },
	{ "scene",	required_argument, NULL, OPT_SCENE },
	{ "step",	no_argument,	   NULL, OPT_STEP },
	{ "timed-steps", no_argument,	   NULL, OPT_TIMED_STEPS },
	{ "scenes",	no_argument,	   NULL, OPT_SCENES },
	{ "plain",	no_argument,	   NULL, OPT_PLAIN },
	{ "json",	no_argument,	   NULL, OPT_JSON },
	{ "ring-slots",	required_argument, NULL, OPT_RING_SLOTS },
	{ "record",	required_argument, NULL, OPT_RECORD },
	{ "replay",	required_argument, NULL, OPT_REPLAY },
	{ "trace",	required_argument, NULL, OPT_TRACE },
	{ "svg",	required_argument, NULL, OPT_SVG },
	{ "png",	required_argument, NULL, OPT_PNG },
	{ "runs",	required_argument, NULL, OPT_RUNS },
	{ "vary-seed",	no_argument,	   NULL, OPT_VARY_SEED },
	{ "attach",	required_argument, NULL, OPT_ATTACH },
	{ "poll",	no_argument,	   NULL, OPT_POLL },
	{ "help",	no_argument,	   NULL, 'h' },
	{ "version",	no_argument,	   NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

int
options_parse_u64(const char *s, uint64_t *v)
{
	uint64_t n = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (n > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return -1;
		n = n * 10 + (uint64_t)(*s - '0');
	}
	*v = n;
	return 0;
}

int
options_parse_seconds(const char *s, uint64_t max_ns, uint64_t *ns)
{
	uint64_t whole = 0, frac = 0, scale = 100000000;
	bool digits = false;

	for (; *s >= '0' && *s <= '9'; s++) {
		digits = true;
		whole = whole * 10 + (uint64_t)(*s - '0');
		if (whole > max_ns / 1000000000u)
			return -1;
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			digits = true;
			if (scale == 0)
				return -2;	/* finer than a nanosecond */
			frac += (uint64_t)(*s - '0') * scale;
			scale /= 10;
		}
	}
	if (!digits || *s != '\0')
		return -1;
	whole = whole * 1000000000u + frac;
	if (whole > max_ns)
		return -1;
	*ns = whole;
	return 0;
}

/* The first 40 bytes of a user's argument, control characters made '?', so
   that an error stays on one line of plain text. */
static const char *
shown(const char *arg, char buf[41])
{
	size_t i;

	for (i = 0; i < 40 && arg[i] != '\0'; i++)
		buf[i] = (unsigned char)arg[i] < 0x20 || arg[i] == 0x7f ?
		    '?' : arg[i];
	buf[i] = '\0';
	return buf;
}

/* A file name for opt: not empty, and not "-" unless dash is allowed. */
static int
parse_file(const char *opt, const char *arg, bool dash, const char **out,
    char *err, size_t errlen)
{
	if (*arg == '\0' || (!dash && strcmp(arg, "-") == 0)) {
		snprintf(err, errlen, "%s needs a file name%s (see ptviz "
		    "--help)", opt, *arg == '\0' ? "" :
		    ", not - (standard output has the lines)");
		return -1;
	}
	*out = arg;
	return 0;
}

/* --svg or --png (c): a picture's file, once. */
static int
parse_picture(struct options *o, int c, const char *arg, char *err,
    size_t errlen)
{
	const char *opt = c == OPT_SVG ? "--svg" : "--png";
	const char **out = c == OPT_SVG ? &o->svg : &o->png;

	if (*out != NULL) {
		snprintf(err, errlen, "%s is given twice: a run has one "
		    "picture of each kind (see ptviz --help)", opt);
		return -1;
	}
	return parse_file(opt, arg, false, out, err, errlen);
}

/* A count between 1 and max, with strtonum. */
static int
parse_count(const char *opt, const char *arg, unsigned max, unsigned *out,
    char *err, size_t errlen)
{
	const char *why = NULL;
	long long n = 0;
	char buf[41];

	/* strtonum allows spaces and a sign; a count is digits only. */
	if (arg[0] < '0' || arg[0] > '9')
		why = "invalid";
	else
		n = strtonum(arg, 1, max, &why);
	if (why != NULL) {
		snprintf(err, errlen, "%s '%s' is %s: give a whole number "
		    "from 1 to %u (see ptviz --help)", opt, shown(arg, buf),
		    why, max);
		return -1;
	}
	*out = (unsigned)n;
	return 0;
}

/* The options that set the run, as a refusal names them. */
static const struct {
	int		 c;
	const char	*name;
} run_opts[] = {
	{ 'p', "--processes" }, { 't', "--threads" }, { 's', "--sleep" },
	{ OPT_SEED, "--seed" }, { 'w', "--work" }, { OPT_PERMITS, "--permits" },
	{ OPT_ITERATIONS, "--iterations" }, { OPT_SLOTS, "--slots" },
	{ OPT_RING_SLOTS, "--ring-slots" },
};

/* The options only some workloads take, by the flag of their rows
   (work.h): the option, its bound, where it goes, which workloads. */
static const struct {
	int		 c;
	unsigned	 flag;
	const char	*name;
	unsigned	 most;
	size_t		 field;		/* in struct run_config */
	const char	*works;
} work_opts[] = {
	{ OPT_PERMITS, WORK_PERMITS, "--permits", WORK_MAX_PERMITS,
	  offsetof(struct run_config, permits), "--work semaphore" },
	{ OPT_ITERATIONS, WORK_ITERATIONS, "--iterations",
	  WORK_MAX_ITERATIONS, offsetof(struct run_config, iterations),
	  "--work race, race-locked and queue" },
	{ OPT_SLOTS, WORK_SLOTS, "--slots", WORK_MAX_SLOTS,
	  offsetof(struct run_config, slots), "--work queue" },
};

#define NWORK_OPTS	(sizeof(work_opts) / sizeof(work_opts[0]))

/* The name of option c if it sets the run, else NULL. */
static const char *
run_option(int c)
{
	size_t i;

	for (i = 0; i < sizeof(run_opts) / sizeof(run_opts[0]); i++)
		if (run_opts[i].c == c)
			return run_opts[i].name;
	return NULL;
}

/* --sleep's seconds. */
static int
parse_sleep(const char *arg, uint64_t *ns, char *err, size_t errlen)
{
	char buf[41];

	switch (options_parse_seconds(arg, OPT_MAX_SLEEP_NS, ns)) {
	case 0:
		return 0;
	case -2:
		snprintf(err, errlen, "--sleep '%s' has more than 9 decimals: "
		    "a nanosecond is the finest (see ptviz --help)",
		    shown(arg, buf));
		return -1;
	default:
		snprintf(err, errlen, "--sleep '%s' is invalid: give seconds "
		    "from 0 to 3600, like 2.5 (see ptviz --help)",
		    shown(arg, buf));
		return -1;
	}
}

/* --seed's number. */
static int
parse_seed(const char *arg, uint64_t *seed, char *err, size_t errlen)
{
	char buf[41];

	if (options_parse_u64(arg, seed) == 0)
		return 0;
	snprintf(err, errlen, "--seed '%s' is invalid: give a whole number "
	    "from 0 to 18446744073709551615 (see ptviz --help)",
	    shown(arg, buf));
	return -1;
}

/* --work's workload. */
static int
parse_work(const char *arg, enum work *w, char *err, size_t errlen)
{
	char buf[41], names[160];

	if (work_parse(arg, w))
		return 0;
	snprintf(err, errlen, "--work '%s' is not a workload: give %s (see "
	    "ptviz --help)", shown(arg, buf), work_names(names,
	    sizeof(names), " or "));
	return -1;
}

/* --ring-slots' count: a power of two. */
static int
parse_slots(const char *arg, uint32_t *slots, char *err, size_t errlen)
{
	unsigned n;
	char buf[41];

	if (parse_count("--ring-slots", arg, 1u << 20, &n, err, errlen) == -1)
		return -1;
	if (n < 2 || (n & (n - 1)) != 0) {
		snprintf(err, errlen, "--ring-slots '%s' is invalid: give a "
		    "power of two from 2 to 1048576 (see ptviz --help)",
		    shown(arg, buf));
		return -1;
	}
	*slots = n;
	return 0;
}

/* Option c (of run_opts), which sets the run, with its argument. */
static int
take_run_option(struct options *o, int c, const char *arg, unsigned *given,
    char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < NWORK_OPTS; i++) {
		if (work_opts[i].c != c)
			continue;
		*given |= work_opts[i].flag;
		return parse_count(work_opts[i].name, arg, work_opts[i].most,
		    (unsigned *)(void *)((char *)&o->run + work_opts[i].field),
		    err, errlen);
	}
	switch (c) {
	case 'p':
		return parse_count("--processes", arg, OPT_MAX_PROCS,
		    &o->run.nproc, err, errlen);
	case 't':
		return parse_count("--threads", arg, OPT_MAX_THREADS,
		    &o->run.nthread, err, errlen);
	case 's':
		return parse_sleep(arg, &o->run.sleep_ns, err, errlen);
	case OPT_SEED:
		o->seed_given = true;
		return parse_seed(arg, &o->run.seed, err, errlen);
	case 'w':
		return parse_work(arg, &o->run.work, err, errlen);
	default:
		return parse_slots(arg, &o->run.ring_slots, err, errlen);
	}
}

/* --plain or --json (c): one of them, as often as wanted. */
static int
take_mode(struct options *o, int c, char *err, size_t errlen)
{
	enum ui_mode m = c == OPT_PLAIN ? MODE_PLAIN : MODE_JSON;

	if (o->mode != MODE_AUTO && o->mode != m) {
		snprintf(err, errlen, "--plain and --json cannot be used "
		    "together (see ptviz --help)");
		return -1;
	}
	o->mode = m;
	return 0;
}

/* --attach's process id. */
static int
parse_pid(const char *arg, int *pid, char *err, size_t errlen)
{
	uint64_t v;
	char buf[41];

	if (options_parse_u64(arg, &v) == 0 && v >= 1 && v <= INT32_MAX) {
		*pid = (int)v;
		return 0;
	}
	snprintf(err, errlen, "--attach '%s' is not a process id: give a "
	    "whole number from 1 (see ptviz --help)", shown(arg, buf));
	return -1;
}

/* Option c, which does not set the run, with its argument; 1 if c is
   not an option. */
static int
take_option(struct options *o, int c, const char *arg, char *err,
    size_t errlen)
{
	switch (c) {
	case OPT_SCENE:
		return parse_count("--scene", arg, scene_count(), &o->scene,
		    err, errlen);
	case OPT_PLAIN:
	case OPT_JSON:
		return take_mode(o, c, err, errlen);
	case OPT_RECORD:
		return parse_file("--record", arg, false, &o->record, err,
		    errlen);
	case OPT_REPLAY:
		return parse_file("--replay", arg, true, &o->replay, err,
		    errlen);
	case OPT_TRACE:
		return parse_file("--trace", arg, false, &o->trace, err,
		    errlen);
	case OPT_SVG:
	case OPT_PNG:
		return parse_picture(o, c, arg, err, errlen);
	case OPT_RUNS:
		return parse_count("--runs", arg, OPT_MAX_RUNS, &o->runs, err,
		    errlen);
	case OPT_ATTACH:
		if (parse_pid(arg, &o->attach, err, errlen) == -1)
			return -1;
		o->run.attached = o->attach;	/* the run record says it */
		return 0;
	case OPT_POLL:
		o->poll = o->run.polled = true;
		return 0;
	case OPT_SCENES:
		o->scenes = true;
		return 0;
	case OPT_VARY_SEED:
		o->vary_seed = true;
		return 0;
	case OPT_STEP:
	case OPT_TIMED_STEPS:
		o->step_given = c == OPT_STEP ? "--step" : "--timed-steps";
		o->run.steps |= STEPS_ON | (c == OPT_TIMED_STEPS ?
		    STEPS_TIMED : 0);
		return 0;
	case 'h':
		o->help = true;
		return 0;
	case 'V':
		o->version = true;
		return 0;
	}
	return 1;
}

/* What getopt_long could not take (c): a value missing, an option not
   known. */
static int
refuse_unknown(int c, char *argv[], char *err, size_t errlen)
{
	char buf[41], opt[2] = { (char)optopt, '\0' };

	if (c == ':')
		snprintf(err, errlen, "%s needs a value (see ptviz --help)",
		    shown(argv[optind - 1], buf));
	else if (optopt != 0)
		snprintf(err, errlen, "unknown option '-%s' (see ptviz "
		    "--help)", shown(opt, buf));
	else
		snprintf(err, errlen, "unknown option '%s' (see ptviz --help)",
		    shown(argv[optind - 1], buf));
	return -1;
}

/* The options given with --scene or --replay, which fix the run (but a
   scene's sleep: -s slows it, or speeds it up). */
static int
check_fixed(struct options *o, char *err, size_t errlen)
{
	uint64_t sleep_ns = o->run.sleep_ns;
	unsigned steps = o->run.steps;

	if (o->scene != 0 && o->fixed_given != NULL) {
		snprintf(err, errlen, "%s cannot be used with --scene: the "
		    "scene fixes the counts, the workload and the seed (-s "
		    "may change its sleep; see ptviz --scenes)",
		    o->fixed_given);
		return -1;
	}
	if (o->scene != 0 && o->replay != NULL) {
		snprintf(err, errlen, "--scene cannot be used with --replay: "
		    "the recording is the run (see ptviz --help)");
		return -1;
	}
	if (o->scene != 0) {
		scene_config(o->scene, &o->run);
		o->run.steps |= steps;		/* --step: stepped too */
		o->seed_given = true;
		if (o->sleep_given)
			o->run.sleep_ns = sleep_ns;
	}
	return 0;
}

/* The first of the options in `given` (work_opts' flags) that the run's
   workload does not take, or NULL. */
static const char *
work_option_misplaced(const struct options *o, unsigned given,
    const char **works)
{
	size_t i;

	for (i = 0; i < NWORK_OPTS; i++) {
		if ((given & work_opts[i].flag) &&
		    !(work_flags(o->run.work) & work_opts[i].flag)) {
			*works = work_opts[i].works;
			return work_opts[i].name;
		}
	}
	return NULL;
}

/* The options that go only with others: the threads a workload needs,
   --permits, --iterations, --slots, --runs, --vary-seed, --replay with
   the run's options. */
static int
check_together(const struct options *o, unsigned given, char *err,
    size_t errlen)
{
	unsigned min = work_min_threads(o->run.work);
	const char *misplaced, *works = NULL;
	uint64_t updates = (uint64_t)o->run.nproc * o->run.nthread *
	    (o->run.iterations ? o->run.iterations :
	    WORK_DEFAULT_ITERATIONS);

	if (o->run.nthread < min)
		snprintf(err, errlen, "--work %s needs at least %u threads "
		    "per process: give -t %u or more (see ptviz --help)",
		    work_name(o->run.work), min, min);
	else if ((misplaced = work_option_misplaced(o, given, &works)) !=
	    NULL)
		snprintf(err, errlen, "%s is for %s (see ptviz --help)",
		    misplaced, works);
	else if ((work_flags(o->run.work) & WORK_ITERATIONS) &&
	    updates > UINT32_MAX)
		snprintf(err, errlen, "--iterations: %u processes x %u "
		    "threads x %u makes %" PRIu64 " in all, more than the "
		    "counter's %" PRIu32 " (see ptviz --help)", o->run.nproc,
		    o->run.nthread, o->run.iterations, updates, UINT32_MAX);
	else if (o->runs > 0 && (o->replay != NULL || o->record != NULL ||
	    o->trace != NULL || o->svg != NULL || o->png != NULL))
		snprintf(err, errlen, "--runs cannot be used with %s (see "
		    "ptviz --help)", o->replay != NULL ? "--replay: the runs "
		    "are live" : o->record != NULL ? "--record: the runs are "
		    "counted, not kept" : o->trace != NULL ? "--trace: the "
		    "runs are counted, not kept" : o->svg != NULL ? "--svg: "
		    "the runs are counted, not drawn" : "--png: the runs are "
		    "counted, not drawn");
	else if (o->vary_seed && o->runs == 0)
		snprintf(err, errlen, "--vary-seed is for --runs (see ptviz "
		    "--help)");
	else if (o->step_given != NULL && (o->mode != MODE_AUTO ||
	    o->runs > 0 || o->replay != NULL))
		snprintf(err, errlen, "%s cannot be used with %s: %s (see "
		    "ptviz --help)", o->step_given, o->replay != NULL ?
		    "--replay" : o->runs > 0 ? "--runs" : o->mode == MODE_JSON ?
		    "--json" : "--plain", o->replay != NULL ? "a recording "
		    "has no threads to step" : "the room steps the threads "
		    "on the screen");
	else if (o->replay != NULL && o->run_given != NULL)
		snprintf(err, errlen, "%s cannot be used with --replay: the "
		    "recording has the counts and the seed (see ptviz --help)",
		    o->run_given);
	else
		return 0;
	return -1;
}

/* The options that make no sense with -- COMMAND, which is its own
   program, run once, live: the first given, named; NULL if none. */
static const char *
not_with_command(const struct options *o)
{
	if (o->run_given != NULL)
		return o->run_given;
	if (o->scene != 0)
		return "--scene";
	if (o->runs > 0)
		return "--runs";
	if (o->vary_seed)
		return "--vary-seed";
	if (o->step_given != NULL)
		return o->step_given;
	return o->replay != NULL ? "--replay" : NULL;
}

/* The words after the options: -- COMMAND [ARG...], or nothing; argv[end]
   is the first of them, and dashes tells whether "--" came before it.
   The options a traced program (COMMAND or --attach's) cannot take. */
static int
take_command(struct options *o, int argc, char *argv[], int end,
    bool dashes, char *err, size_t errlen)
{
	const char *opt;
	char buf[41];

	if (end < argc && !dashes) {
		snprintf(err, errlen, "unexpected argument '%s' (see ptviz "
		    "--help)", shown(argv[end], buf));
		return -1;
	}
	if (dashes && end == argc) {
		snprintf(err, errlen, "-- needs a COMMAND after it (see ptviz "
		    "--help)");
		return -1;
	}
	if (dashes)
		o->command = &argv[end];
	if (o->poll && !dashes) {
		snprintf(err, errlen, "--poll is for -- COMMAND: it watches "
		    "the program it runs (see ptviz --help)");
		return -1;
	}
	if (dashes && o->attach != 0) {
		snprintf(err, errlen, "--attach cannot be used with -- "
		    "COMMAND: give one program to trace (see ptviz --help)");
		return -1;
	}
	if ((!dashes && o->attach == 0) || (opt = not_with_command(o)) ==
	    NULL)
		return 0;
	snprintf(err, errlen, "%s cannot be used with %s: %s (see "
	    "ptviz --help)", opt, dashes ? "-- COMMAND" : "--attach",
	    o->run_given != NULL ? "the program makes its own processes "
	    "and threads" : "the program is run once, live");
	return -1;
}

int
options_parse(struct options *o, int argc, char *argv[], char *err,
    size_t errlen)
{
	unsigned given = 0;
	int c, rc, before;

	*o = (struct options){
		.run = { .nproc = 5, .nthread = 3,
		    .sleep_ns = 3000000000ull, .work = WORK_SLEEP,
		    .permits = WORK_DEFAULT_PERMITS,
		    .iterations = WORK_DEFAULT_ITERATIONS,
		    .slots = WORK_DEFAULT_SLOTS, .cpus = cpus_usable() },
		.mode = MODE_AUTO,
	};
	opterr = 0;
	optind = 0;			/* glibc: start afresh */
	for (;;) {
		/* getopt_long takes a "--" that ends the options by moving
		   past it, and stops at COMMAND without moving. */
		before = optind > 0 ? optind : 1;
		if ((c = getopt_long(argc, argv, "+:p:t:s:w:hV", longopts,
		    NULL)) == -1)
			break;
		if (run_option(c) != NULL) {
			if (o->run_given == NULL)
				o->run_given = run_option(c);
			if (o->fixed_given == NULL && c != 's')
				o->fixed_given = run_option(c);
			o->sleep_given |= c == 's';
			rc = take_run_option(o, c, optarg, &given, err,
			    errlen);
		} else if ((rc = take_option(o, c, optarg, err, errlen)) == 1)
			rc = refuse_unknown(c, argv, err, errlen);
		if (rc == -1)
			return -1;
	}
	if (take_command(o, argc, argv, optind, optind == before + 1 &&
	    strcmp(argv[before], "--") == 0, err, errlen) == -1)
		return -1;
	if (check_fixed(o, err, errlen) == -1)
		return -1;
	return check_together(o, given, err, errlen);
}

bool
options_converts(const struct options *o)
{
	return o->replay != NULL && o->mode == MODE_AUTO && (o->trace != NULL ||
	    o->svg != NULL || o->png != NULL);
}

char *const *
options_command(const struct options *o)
{
	return o->command != NULL ? o->command : o->attached_argv;
}

/* The version line. */
const char *
options_version(void)
{
	return "ptviz " PTVIZ_VERSION;
}
