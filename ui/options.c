/*
 * options.c: parsing the command line with getopt_long and strtonum.
 *
 * Numbers are parsed strictly: digits only (and one '.' for seconds), no
 * signs, spaces, exponents, "nan" or "inf", nothing after the number.  Every
 * failure names the option and the value and says what would be right.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/scene.h"
#include "../src/work.h"
#include "options.h"

#define PROGRAM_VERSION	"1.0.0"

enum { OPT_SEED = 256, OPT_PLAIN, OPT_JSON, OPT_RING_SLOTS, OPT_RECORD,
    OPT_REPLAY, OPT_TRACE, OPT_PERMITS, OPT_SCENE, OPT_SCENES, OPT_RUNS,
    OPT_VARY_SEED };

static const struct option longopts[] = {
	{ "processes",	required_argument, NULL, 'p' },
	{ "threads",	required_argument, NULL, 't' },
	{ "sleep",	required_argument, NULL, 's' },
	{ "seed",	required_argument, NULL, OPT_SEED },
	{ "work",	required_argument, NULL, 'w' },
	{ "permits",	required_argument, NULL, OPT_PERMITS },
	{ "scene",	required_argument, NULL, OPT_SCENE },
	{ "scenes",	no_argument,	   NULL, OPT_SCENES },
	{ "plain",	no_argument,	   NULL, OPT_PLAIN },
	{ "json",	no_argument,	   NULL, OPT_JSON },
	{ "ring-slots",	required_argument, NULL, OPT_RING_SLOTS },
	{ "record",	required_argument, NULL, OPT_RECORD },
	{ "replay",	required_argument, NULL, OPT_REPLAY },
	{ "trace",	required_argument, NULL, OPT_TRACE },
	{ "runs",	required_argument, NULL, OPT_RUNS },
	{ "vary-seed",	no_argument,	   NULL, OPT_VARY_SEED },
	{ "help",	no_argument,	   NULL, 'h' },
	{ "version",	no_argument,	   NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* The usage before the workloads' lines, and after them. */
static const char usage_head[] =
"usage: ptviz [-p N] [-t N] [-s SECONDS] [--seed N] [-w WORK [--permits N]]\n"
"             [--plain | --json] [--record FILE] [--trace FILE]\n"
"       ptviz --scene N [--plain | --json] [--record FILE] [--trace FILE]\n"
"       ptviz --replay FILE [--plain | --json] [--record FILE] [--trace FILE]\n"
"       ptviz --runs N [--vary-seed] [-p N] [-t N] [-s SECONDS] [--seed N]\n"
"             [-w WORK [--permits N]] --plain | --json\n"
"\n"
"Run a small concurrent program -- child processes, each starting threads\n"
"that sleep a random time -- and show every process and thread as it runs.\n"
"\n"
"  -p, --processes N   child processes, 1 to 1024 (default 5)\n"
"  -t, --threads N     threads per process, 1 to 1024 (default 3)\n"
"  -s, --sleep SECS    longest random sleep in seconds, 0 to 3600,\n"
"                      up to 9 decimals (default 3)\n"
"      --seed N        seed for the sleep durations, 0 to 2^64-1\n"
"                      (default: a random one, shown)\n"
"  -w, --work WORK     what each thread does (default sleep):\n";
static const char usage_tail[] =
"      --permits N     the semaphore's permits, 1 to 1024 (default 2)\n"
"      --scene N       start with ready scene N (its counts, workload,\n"
"                      sleep and seed, and a caption); keys 1-9 load them\n"
"      --scenes        list the scenes and exit\n"
"      --plain         print the reference lines instead of the screen;\n"
"                      the default when stdout is not a terminal\n"
"      --json          print every event as one JSON object per line\n"
"                      (a recording, as --record writes)\n"
"      --record FILE   write the run to FILE as it happens (JSON lines)\n"
"      --replay FILE   show a recording instead of running (- reads\n"
"                      standard input); r or R on the screen runs it live\n"
"      --trace FILE    write the run in the Chrome Trace Event format,\n"
"                      for Perfetto, chrome://tracing or speedscope;\n"
"                      --replay F --trace T alone converts, showing nothing\n"
"      --runs N        run it N times, 1 to 10000, one after another, and\n"
"                      show how often each process finished 1st, 2nd, ...,\n"
"                      the finishing orders and the wall times against\n"
"                      the plan; --plain: a table at the end, --json: a\n"
"                      record a run and one at the end (no events)\n"
"      --vary-seed     with --runs: run k takes the seed plus k-1 (the\n"
"                      default: every run the same seed, only the\n"
"                      scheduler differs)\n"
"      --ring-slots N  slots in each process's event ring, a power of two\n"
"                      from 2 to 1048576 (for testing; default: enough)\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show the version and exit\n"
"\n"
"Counts this machine cannot hold now (pid_max, threads-max, RLIMIT_NPROC,\n"
"memory) are refused before anything starts.\n"
"\n"
"Exit status: 0 when every process finished, 1 when one was killed or\n"
"failed (on the screen: in the run shown when quitting), a deadlock was\n"
"found (--plain, --json: its processes are killed) or ptviz failed,\n"
"2 for a bad command line, counts the machine cannot hold or a bad\n"
"recording, 128+N when ended by signal N.\n"
"See ptviz(1) for the keys of the screen.\n";

/* A workload's help starts after its name, USAGE_INDENT columns in, and
   wraps before USAGE_WRAP, as the lines around it do. */
#define USAGE_INDENT	24
#define USAGE_WRAP	72

/* Workload w's lines of the usage: its name in a column name_w wide, then
   its help line (with the fewest threads, if more than one) wrapped under
   itself. */
static void
usage_work(FILE *fp, enum work w, int name_w)
{
	char help[256];
	const char *word;
	int at = USAGE_INDENT + name_w + 2, col = at, n;

	if (work_min_threads(w) > 1)
		snprintf(help, sizeof(help), "%s (%u threads or more)",
		    work_about(w), work_min_threads(w));
	else
		snprintf(help, sizeof(help), "%s", work_about(w));
	fprintf(fp, "%*s%-*s  ", USAGE_INDENT, "", name_w, work_name(w));
	for (word = help; *word != '\0'; word += n + strspn(word + n, " ")) {
		n = (int)strcspn(word, " ");
		if (col > at && col + 1 + n > USAGE_WRAP) {
			fprintf(fp, "\n%*s", at, "");
			col = at;
		} else if (col > at) {
			fputc(' ', fp);
			col++;
		}
		fprintf(fp, "%.*s", n, word);
		col += n;
	}
	fputc('\n', fp);
}

void
options_usage(FILE *fp)
{
	int w, name_w = 0;

	for (w = 0; w < WORK_COUNT; w++)
		if ((int)strlen(work_name((enum work)w)) > name_w)
			name_w = (int)strlen(work_name((enum work)w));
	fputs(usage_head, fp);
	for (w = 0; w < WORK_COUNT; w++)
		usage_work(fp, (enum work)w, name_w);
	fputs(usage_tail, fp);
}

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
		    "from 1 to %u (see ptviz --help)", opt, shown(arg, buf), why, max);
		return -1;
	}
	*out = (unsigned)n;
	return 0;
}

int
options_parse(struct options *o, int argc, char *argv[], char *err,
    size_t errlen)
{
	unsigned slots;
	bool permits = false;
	char buf[41], names[160];
	int c;

	*o = (struct options){
		.run = { .nproc = 5, .nthread = 3,
		    .sleep_ns = 3000000000ull, .work = WORK_SLEEP,
		    .permits = WORK_DEFAULT_PERMITS },
		.mode = MODE_AUTO,
	};
	opterr = 0;
	optind = 0;			/* glibc: start afresh */
	while ((c = getopt_long(argc, argv, "+:p:t:s:w:hV", longopts,
	    NULL)) != -1) {
		if (o->run_given == NULL && (c == 'p' || c == 't' ||
		    c == 's' || c == OPT_SEED || c == OPT_RING_SLOTS ||
		    c == 'w' || c == OPT_PERMITS))
			o->run_given = c == 'p' ? "--processes" : c == 't' ?
			    "--threads" : c == 's' ? "--sleep" : c == OPT_SEED ?
			    "--seed" : c == 'w' ? "--work" : c == OPT_PERMITS ?
			    "--permits" : "--ring-slots";
		switch (c) {
		case 'p':
			if (parse_count("--processes", optarg, OPT_MAX_PROCS,
			    &o->run.nproc, err, errlen) == -1)
				return -1;
			break;
		case 't':
			if (parse_count("--threads", optarg, OPT_MAX_THREADS,
			    &o->run.nthread, err, errlen) == -1)
				return -1;
			break;
		case 's':
			switch (options_parse_seconds(optarg,
			    OPT_MAX_SLEEP_NS, &o->run.sleep_ns)) {
			case 0:
				break;
			case -2:
				snprintf(err, errlen, "--sleep '%s' has more "
				    "than 9 decimals: a nanosecond is the "
				    "finest (see ptviz --help)",
				    shown(optarg, buf));
				return -1;
			default:
				snprintf(err, errlen, "--sleep '%s' is invalid: "
				    "give seconds from 0 to 3600, like 2.5 "
				    "(see ptviz --help)", shown(optarg, buf));
				return -1;
			}
			break;
		case OPT_SEED:
			if (options_parse_u64(optarg, &o->run.seed) == -1) {
				snprintf(err, errlen, "--seed '%s' is invalid: "
				    "give a whole number from 0 to "
				    "18446744073709551615 (see ptviz --help)",
				    shown(optarg, buf));
				return -1;
			}
			o->seed_given = true;
			break;
		case 'w':
			if (!work_parse(optarg, &o->run.work)) {
				snprintf(err, errlen, "--work '%s' is not a "
				    "workload: give %s (see ptviz --help)",
				    shown(optarg, buf), work_names(names,
				    sizeof(names), " or "));
				return -1;
			}
			break;
		case OPT_PERMITS:
			if (parse_count("--permits", optarg, WORK_MAX_PERMITS,
			    &o->run.permits, err, errlen) == -1)
				return -1;
			permits = true;
			break;
		case OPT_SCENE:
			if (parse_count("--scene", optarg, scene_count(),
			    &o->scene, err, errlen) == -1)
				return -1;
			break;
		case OPT_SCENES:
			o->scenes = true;
			break;
		case OPT_PLAIN:
		case OPT_JSON:
			if (o->mode != MODE_AUTO &&
			    o->mode != (c == OPT_PLAIN ? MODE_PLAIN : MODE_JSON)) {
				snprintf(err, errlen, "--plain and --json "
				    "cannot be used together (see ptviz --help)");
				return -1;
			}
			o->mode = c == OPT_PLAIN ? MODE_PLAIN : MODE_JSON;
			break;
		case OPT_RING_SLOTS:
			if (parse_count("--ring-slots", optarg, 1u << 20,
			    &slots, err, errlen) == -1)
				return -1;
			if (slots < 2 || (slots & (slots - 1)) != 0) {
				snprintf(err, errlen, "--ring-slots '%s' is "
				    "invalid: give a power of two from 2 to "
				    "1048576 (see ptviz --help)",
				    shown(optarg, buf));
				return -1;
			}
			o->run.ring_slots = slots;
			break;
		case OPT_RECORD:
			if (parse_file("--record", optarg, false, &o->record,
			    err, errlen) == -1)
				return -1;
			break;
		case OPT_REPLAY:
			if (parse_file("--replay", optarg, true, &o->replay,
			    err, errlen) == -1)
				return -1;
			break;
		case OPT_TRACE:
			if (parse_file("--trace", optarg, false, &o->trace,
			    err, errlen) == -1)
				return -1;
			break;
		case OPT_RUNS:
			if (parse_count("--runs", optarg, OPT_MAX_RUNS,
			    &o->runs, err, errlen) == -1)
				return -1;
			break;
		case OPT_VARY_SEED:
			o->vary_seed = true;
			break;
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case ':':
			snprintf(err, errlen, "%s needs a value (see ptviz "
			    "--help)", shown(argv[optind - 1], buf));
			return -1;
		default:
			if (optopt != 0) {
				char opt[2] = { (char)optopt, '\0' };

				snprintf(err, errlen, "unknown option '-%s' "
				    "(see ptviz --help)", shown(opt, buf));
			} else
				snprintf(err, errlen, "unknown option '%s' "
				    "(see ptviz --help)",
				    shown(argv[optind - 1], buf));
			return -1;
		}
	}
	if (optind < argc) {
		snprintf(err, errlen, "unexpected argument '%s' (see ptviz "
		    "--help)", shown(argv[optind], buf));
		return -1;
	}
	if (o->scene != 0 && o->run_given != NULL) {
		snprintf(err, errlen, "%s cannot be used with --scene: the "
		    "scene fixes the counts, the workload, the sleep and the "
		    "seed (see ptviz --scenes)", o->run_given);
		return -1;
	}
	if (o->scene != 0 && o->replay != NULL) {
		snprintf(err, errlen, "--scene cannot be used with --replay: "
		    "the recording is the run (see ptviz --help)");
		return -1;
	}
	if (o->scene != 0) {
		scene_config(o->scene, &o->run);
		o->seed_given = true;
	}
	if (o->run.nthread < work_min_threads(o->run.work)) {
		snprintf(err, errlen, "--work %s needs at least %u threads "
		    "per process: give -t %u or more (see ptviz --help)",
		    work_name(o->run.work), work_min_threads(o->run.work),
		    work_min_threads(o->run.work));
		return -1;
	}
	if (permits && !(work_flags(o->run.work) & WORK_PERMITS)) {
		snprintf(err, errlen, "--permits is for --work semaphore "
		    "(see ptviz --help)");
		return -1;
	}
	if (o->runs > 0 && (o->replay != NULL || o->record != NULL ||
	    o->trace != NULL)) {
		snprintf(err, errlen, "--runs cannot be used with %s (see "
		    "ptviz --help)", o->replay != NULL ? "--replay: the runs "
		    "are live" : o->record != NULL ? "--record: the runs are "
		    "counted, not kept" : "--trace: the runs are counted, not "
		    "kept");
		return -1;
	}
	if (o->vary_seed && o->runs == 0) {
		snprintf(err, errlen, "--vary-seed is for --runs (see ptviz "
		    "--help)");
		return -1;
	}
	if (o->replay != NULL && o->run_given != NULL) {
		snprintf(err, errlen, "%s cannot be used with --replay: the "
		    "recording has the counts and the seed (see ptviz --help)",
		    o->run_given);
		return -1;
	}
	return 0;
}

/* The version line. */
const char *
options_version(void)
{
	return "ptviz " PROGRAM_VERSION;
}
