/*
 * check_main.c: runs every Check suite; exit 0 only if all passed.
 */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr = srunner_create(ring_suite());
	int failed;

	srunner_add_suite(sr, model_suite());
	srunner_add_suite(sr, moves_suite());
	srunner_add_suite(sr, duration_suite());
	srunner_add_suite(sr, options_suite());
	srunner_add_suite(sr, spawn_suite());
	srunner_add_suite(sr, history_suite());
	srunner_add_suite(sr, limits_suite());
	srunner_add_suite(sr, recording_suite());
	srunner_add_suite(sr, kstat_suite());
	srunner_add_suite(sr, stats_suite());
	srunner_add_suite(sr, outfile_suite());
	srunner_add_suite(sr, work_suite());
	srunner_add_suite(sr, text_suite());
	srunner_add_suite(sr, busy_suite());
	srunner_add_suite(sr, words_suite());
	srunner_add_suite(sr, traced_suite());
	srunner_add_suite(sr, taskstate_suite());
	srunner_add_suite(sr, taskfake_suite());
	srunner_add_suite(sr, tasknames_suite());
	srunner_add_suite(sr, ptyout_suite());
	srunner_add_suite(sr, steps_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
