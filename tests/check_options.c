/*
 * check_options.c: the command line, good and bad.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/work.h"
#include "../ui/options.h"
#include "../ui/usage.h"
#include "suites.h"

/* Parse a NULL-terminated list of words after "ptviz". */
static int
parse(struct options *o, char *err, ...)
{
	static char words[16][64];
	static char *argv[17];	/* o->command points into it */
	const char *w = "ptviz";
	int argc = 0;
	va_list ap;

	va_start(ap, err);
	for (; w != NULL && argc < 16; w = va_arg(ap, const char *)) {
		snprintf(words[argc], sizeof(words[argc]), "%s", w);
		argv[argc] = words[argc];
		argc++;
	}
	argv[argc] = NULL;
	va_end(ap);
	err[0] = '\0';
	return options_parse(o, argc, argv, err, 256);
}

START_TEST(options_defaults_are_the_reference_program)
{
	struct options o;
	char err[256];

	ck_assert_int_eq(parse(&o, err, NULL), 0);
	ck_assert_uint_eq(o.run.nproc, 5);
	ck_assert_uint_eq(o.run.nthread, 3);
	ck_assert_uint_eq(o.run.sleep_ns, 3000000000ull);
	ck_assert(!o.seed_given);
	ck_assert_int_eq(o.mode, MODE_AUTO);
	ck_assert_uint_eq(o.run.ring_slots, 0);
}
END_TEST

START_TEST(options_accepts_every_option)
{
	struct options o;
	char err[256];

	ck_assert_int_eq(parse(&o, err, "-p", "7", "--threads=9", "-s",
	    "0.25", "--seed", "18446744073709551615", "--json",
	    "--ring-slots", "4", NULL), 0);
	ck_assert_uint_eq(o.run.nproc, 7);
	ck_assert_uint_eq(o.run.nthread, 9);
	ck_assert_uint_eq(o.run.sleep_ns, 250000000ull);
	ck_assert_uint_eq(o.run.seed, UINT64_MAX);
	ck_assert(o.seed_given);
	ck_assert_int_eq(o.mode, MODE_JSON);
	ck_assert_uint_eq(o.run.ring_slots, 4);
	ck_assert_int_eq(parse(&o, err, "-p1024", "-t", "1024", "-s3600",
	    "--plain", "--seed=0", NULL), 0);
	ck_assert_uint_eq(o.run.nproc, 1024);
	ck_assert_uint_eq(o.run.sleep_ns, 3600000000000ull);
	ck_assert_int_eq(o.mode, MODE_PLAIN);
	ck_assert_int_eq(parse(&o, err, "--record", "a.jsonl", "--trace",
	    "t.json", NULL), 0);
	ck_assert_str_eq(o.record, "a.jsonl");
	ck_assert_str_eq(o.trace, "t.json");
	ck_assert_ptr_null(o.replay);
	ck_assert_int_eq(parse(&o, err, "--replay", "-", "--json", NULL), 0);
	ck_assert_str_eq(o.replay, "-");
	ck_assert_ptr_null(o.run_given);
	ck_assert_uint_eq(o.runs, 0);
	ck_assert_int_eq(parse(&o, err, "--runs", "10000", "--vary-seed",
	    "--plain", NULL), 0);
	ck_assert_uint_eq(o.runs, 10000);
	ck_assert(o.vary_seed);
	/* A scene takes -s: slowed down, it is still the scene. */
	ck_assert_int_eq(parse(&o, err, "-s", "10", "--scene", "1", NULL), 0);
	ck_assert_uint_eq(o.scene, 1);
	ck_assert_uint_eq(o.run.sleep_ns, 10000000000ull);
	ck_assert_uint_eq(o.run.seed, 183);
	ck_assert_uint_eq(o.run.nproc, 5);
	ck_assert_int_eq(parse(&o, err, "-h", NULL), 0);
	ck_assert(o.help);
	ck_assert_int_eq(parse(&o, err, "--version", NULL), 0);
	ck_assert(o.version);
}
END_TEST

START_TEST(options_seconds_are_exact_decimals)
{
	uint64_t ns;

	ck_assert_int_eq(options_parse_seconds("0", 10, &ns), 0);
	ck_assert_uint_eq(ns, 0);
	ck_assert_int_eq(options_parse_seconds("1.5", OPT_MAX_SLEEP_NS, &ns), 0);
	ck_assert_uint_eq(ns, 1500000000ull);
	ck_assert_int_eq(options_parse_seconds(".5", OPT_MAX_SLEEP_NS, &ns), 0);
	ck_assert_uint_eq(ns, 500000000ull);
	ck_assert_int_eq(options_parse_seconds("2.", OPT_MAX_SLEEP_NS, &ns), 0);
	ck_assert_uint_eq(ns, 2000000000ull);
	ck_assert_int_eq(options_parse_seconds("0.000000001",
	    OPT_MAX_SLEEP_NS, &ns), 0);
	ck_assert_uint_eq(ns, 1);
	ck_assert_int_eq(options_parse_seconds("3600.000000000",
	    OPT_MAX_SLEEP_NS, &ns), 0);
	ck_assert_int_eq(options_parse_seconds("3600.000000001",
	    OPT_MAX_SLEEP_NS, &ns), -1);
	ck_assert_int_eq(options_parse_seconds("0.0000000001",
	    OPT_MAX_SLEEP_NS, &ns), -2);
	ck_assert_int_eq(options_parse_seconds("99999999999999999999",
	    OPT_MAX_SLEEP_NS, &ns), -1);
	ck_assert_int_eq(options_parse_seconds(".", OPT_MAX_SLEEP_NS, &ns), -1);
}
END_TEST

/* The usage has a line a workload, made from its row: its name, then the
   first word of its help; the help wrapped within 72 columns, with the
   fewest threads when more than one; -w's refusal names them all. */
START_TEST(options_usage_lists_each_workload_from_its_row)
{
	struct options o;
	char *text = NULL, *line, *save, want[128], err[256], names[160];
	size_t len = 0, first;
	FILE *fp = open_memstream(&text, &len);
	enum work w;

	ck_assert_ptr_nonnull(fp);
	usage_print(fp);
	fclose(fp);
	for (w = 0; w < WORK_COUNT; w++) {
		first = strcspn(work_about(w), " ");
		snprintf(want, sizeof(want), "\n%24s%-12s  %.*s", "",
		    work_name(w), (int)first, work_about(w));
		ck_assert_msg(strstr(text, want) != NULL, "no line '%s'",
		    want + 1);
	}
	ck_assert_ptr_nonnull(strstr(text, "orders (2 threads or more)\n"));
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if (strncmp(line, "                        ", 24) == 0)
			ck_assert_msg(strlen(line) <= 72, "'%s' is long", line);
	free(text);
	ck_assert_int_eq(parse(&o, err, "-w", "nope", NULL), -1);
	ck_assert_ptr_nonnull(strstr(err, work_names(names, sizeof(names),
	    " or ")));
}
END_TEST

START_TEST(options_u64_takes_the_whole_range_only)
{
	uint64_t v;

	ck_assert_int_eq(options_parse_u64("18446744073709551615", &v), 0);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(options_parse_u64("18446744073709551616", &v), -1);
	ck_assert_int_eq(options_parse_u64("99999999999999999999999", &v), -1);
	ck_assert_int_eq(options_parse_u64("", &v), -1);
	ck_assert_int_eq(options_parse_u64("-1", &v), -1);
	ck_assert_int_eq(options_parse_u64("+1", &v), -1);
	ck_assert_int_eq(options_parse_u64(" 1", &v), -1);
	ck_assert_int_eq(options_parse_u64("0x10", &v), -1);
}
END_TEST

/* Each bad command line is refused with one line that names the problem. */
static const struct {
	const char *argv[8];
	const char *says;
} bad[] = {
	{ { "-p", "0" }, "--processes '0' is too small" },
	{ { "-p", "1025" }, "--processes '1025' is too large" },
	{ { "-p", "-3" }, "--processes '-3' is invalid" },
	{ { "-p", "" }, "--processes '' is invalid" },
	{ { "-p", "abc" }, "--processes 'abc' is invalid" },
	{ { "-p", "5x" }, "--processes '5x' is invalid" },
	{ { "-p", " 5" }, "--processes ' 5' is invalid" },
	{ { "-p", "99999999999999999999" }, "is too large" },
	{ { "-t", "0" }, "--threads '0' is too small" },
	{ { "-t", "1e3" }, "--threads '1e3' is invalid" },
	{ { "-s", "-1" }, "--sleep '-1' is invalid" },
	{ { "-s", "nan" }, "--sleep 'nan' is invalid" },
	{ { "-s", "inf" }, "--sleep 'inf' is invalid" },
	{ { "-s", "1e9" }, "--sleep '1e9' is invalid" },
	{ { "-s", "3601" }, "--sleep '3601' is invalid" },
	{ { "-s", "1,5" }, "--sleep '1,5' is invalid" },
	{ { "-s", "0.0000000001" }, "--sleep '0.0000000001' has more than 9 "
	  "decimals: a nanosecond is the finest" },
	{ { "--seed", "-1" }, "--seed '-1' is invalid" },
	{ { "--seed", "18446744073709551616" }, "--seed" },
	{ { "--seed", "abc" }, "--seed 'abc' is invalid" },
	{ { "--ring-slots", "3" }, "power of two" },
	{ { "--ring-slots", "1" }, "power of two" },
	{ { "-p" }, "-p needs a value" },
	{ { "--seed" }, "--seed needs a value" },
	{ { "-x" }, "unknown option '-x'" },
	{ { "--bogus" }, "unknown option '--bogus'" },
	{ { "--plain", "--json" }, "cannot be used together" },
	{ { "stray" }, "unexpected argument 'stray'" },
	{ { "-p", "3", "extra" }, "unexpected argument 'extra'" },
	{ { "a\nb" }, "unexpected argument 'a?b'" },
	{ { "-s", "1\x1b[2J" }, "--sleep '1?[2J' is invalid" },
	{ { "-\t" }, "unknown option '-?'" },
	{ { "--replay", "r.jsonl", "-p", "3" }, "--processes cannot be used "
	  "with --replay: the recording has the counts and the seed" },
	{ { "--seed", "4", "--replay", "r.jsonl" }, "--seed cannot be used "
	  "with --replay" },
	{ { "--record", "" }, "--record needs a file name" },
	{ { "--record", "-" }, "--record needs a file name, not - (standard "
	  "output has the lines)" },
	{ { "--trace", "-" }, "--trace needs a file name, not -" },
	{ { "--svg", "-" }, "--svg needs a file name, not -" },
	{ { "--png", "" }, "--png needs a file name" },
	{ { "--svg", "a", "--svg", "b" }, "--svg is given twice" },
	{ { "--runs", "2", "--png", "a" }, "--runs cannot be used with --png" },
	{ { "--replay", "" }, "--replay needs a file name" },
	{ { "--replay" }, "--replay needs a value" },
	{ { "--runs", "0" }, "--runs '0' is too small" },
	{ { "--runs", "10001" }, "--runs '10001' is too large" },
	{ { "--runs", "abc" }, "--runs 'abc' is invalid" },
	{ { "--vary-seed" }, "--vary-seed is for --runs" },
	{ { "--slots", "2" }, "--slots is for --work queue" },
	{ { "-w", "race", "--slots", "2" }, "--slots is for --work queue" },
	{ { "--iterations", "3" }, "--iterations is for --work race, "
	  "race-locked and queue" },
	{ { "-w", "queue", "--slots", "0" }, "--slots '0' is too small" },
	{ { "-w", "race", "--iterations", "1000001" }, "--iterations "
	  "'1000001' is too large" },
	{ { "-w", "queue", "-t", "1" }, "--work queue needs at least 2 "
	  "threads" },
	{ { "-w", "race", "-p", "1024", "-t", "1024", "--iterations",
	  "5000" }, "--iterations: 1024 processes x 1024 threads x 5000 "
	  "makes 5242880000 in all, more than the counter's 4294967295" },
	{ { "--runs", "2", "--replay", "r.jsonl" }, "--runs cannot be used "
	  "with --replay" },
	{ { "--runs", "2", "--record", "r.jsonl" }, "--runs cannot be used "
	  "with --record" },
	{ { "--trace", "t.json", "--runs", "2" }, "--runs cannot be used "
	  "with --trace" },
	{ { "--" }, "-- needs a COMMAND" },
	{ { "-p", "2", "--", "ls" }, "--processes cannot be used with -- "
	  "COMMAND: the program makes its own" },
	{ { "--seed", "2", "--", "ls" }, "--seed cannot be used with -- "
	  "COMMAND" },
	{ { "--scene", "1", "--", "ls" }, "--scene cannot be used with -- "
	  "COMMAND" },
	{ { "--runs", "2", "--", "ls" }, "--runs cannot be used with -- "
	  "COMMAND" },
	{ { "--replay", "r", "--", "ls" }, "--replay cannot be used with -- "
	  "COMMAND" },
	{ { "ls", "--", "x" }, "unexpected argument 'ls'" },
	{ { "--attach", "0" }, "--attach '0' is not a process id" },
	{ { "--attach", "-5" }, "--attach '-5' is not a process id" },
	{ { "--attach", "2147483648" }, "--attach '2147483648' is not a "
	  "process id" },
	{ { "--attach", "12", "--", "ls" }, "--attach cannot be used with -- "
	  "COMMAND" },
	{ { "--attach", "12", "-t", "2" }, "--threads cannot be used with "
	  "--attach" },
	{ { "--attach", "12", "--runs", "2" }, "--runs cannot be used with "
	  "--attach" },
	{ { "--poll" }, "--poll is for -- COMMAND" },
	{ { "--poll", "--attach", "12" }, "--poll is for -- COMMAND" },
	{ { "--step", "--plain" }, "--step cannot be used with --plain: the "
	  "room steps the threads on the screen" },
	{ { "--step", "--json" }, "--step cannot be used with --json" },
	{ { "--step", "--runs", "3", "--plain" }, "--step cannot be used "
	  "with --runs" },
	{ { "--step", "--replay", "r.jsonl" }, "--step cannot be used with "
	  "--replay: a recording has no threads to step" },
	{ { "--step", "--", "true" }, "--step cannot be used with -- "
	  "COMMAND" },
	{ { "--timed-steps", "--plain" }, "--timed-steps cannot be used with "
	  "--plain" },
	{ { "--scene", "14", "--json", "--timed-steps" }, "--timed-steps "
	  "cannot be used with --json" },
};

/* A traced program's run is recorded and traced like any other. */
START_TEST(options_command_may_be_recorded_and_traced)
{
	struct options o;
	char err[256];

	ck_assert_msg(parse(&o, err, "--record", "r.jsonl", "--trace", "t.json",
	    "--", "ls", NULL) == 0, "%s", err);
	ck_assert_str_eq(o.record, "r.jsonl");
	ck_assert_str_eq(o.trace, "t.json");
	ck_assert_str_eq(o.command[0], "ls");
}
END_TEST

/* -- COMMAND: what follows "--" is the command, word for word, options
   and "--" in it included; "--" as an option's value is no end. */
START_TEST(options_command_follows_dashes)
{
	struct options o;
	char err[256];

	ck_assert_int_eq(parse(&o, err, "--json", "--", "sh", "-c", NULL), 0);
	ck_assert_ptr_nonnull(o.command);
	ck_assert_str_eq(o.command[0], "sh");
	ck_assert_str_eq(o.command[1], "-c");
	ck_assert_ptr_null(o.command[2]);
	ck_assert_int_eq(o.mode, MODE_JSON);
	ck_assert_int_eq(parse(&o, err, "--", "-p", "--", NULL), 0);
	ck_assert_str_eq(o.command[0], "-p");
	ck_assert_str_eq(o.command[1], "--");
	ck_assert_uint_eq(o.run.nproc, 5);
	ck_assert_int_eq(parse(&o, err, "--plain", NULL), 0);
	ck_assert_ptr_null(o.command);
	ck_assert_int_eq(parse(&o, err, "--json", "--attach", "2147483647",
	    NULL), 0);
	ck_assert_int_eq(o.attach, 2147483647);
	ck_assert_ptr_null(o.command);
	ck_assert(!o.poll);
	ck_assert_int_eq(parse(&o, err, "--poll", "--json", "--", "ls",
	    NULL), 0);
	ck_assert(o.poll);
	ck_assert_str_eq(o.command[0], "ls");
	/* "--" the file of --record: then ls is a stray argument. */
	ck_assert_int_eq(parse(&o, err, "--record", "--", "ls", NULL), -1);
	ck_assert_ptr_nonnull(strstr(err, "unexpected argument 'ls'"));
}
END_TEST

START_TEST(options_refuses_bad_command_lines)
{
	const char *const *a = bad[_i].argv;
	struct options o;
	char err[256];

	ck_assert_int_eq(parse(&o, err, a[0], a[1], a[2], a[3], a[4], a[5],
	    a[6], a[7], NULL), -1);
	ck_assert_msg(strstr(err, bad[_i].says) != NULL,
	    "'%s' does not say '%s'", err, bad[_i].says);
	ck_assert_msg(strstr(err, "--help") != NULL, "'%s' gives no hint", err);
	ck_assert_ptr_null(strchr(err, '\n'));
}
END_TEST

Suite *
options_suite(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("options");

	tcase_add_test(tc, options_defaults_are_the_reference_program);
	tcase_add_test(tc, options_accepts_every_option);
	tcase_add_test(tc, options_seconds_are_exact_decimals);
	tcase_add_test(tc, options_u64_takes_the_whole_range_only);
	tcase_add_test(tc, options_usage_lists_each_workload_from_its_row);
	tcase_add_test(tc, options_command_follows_dashes);
	tcase_add_test(tc, options_command_may_be_recorded_and_traced);
	tcase_add_loop_test(tc, options_refuses_bad_command_lines, 0,
	    sizeof(bad) / sizeof(bad[0]));
	suite_add_tcase(s, tc);
	return s;
}
