/* suites.h: the Check suites, one per module; check_main.c runs them all. */
#ifndef PTVIZ_TESTS_SUITES_H
#define PTVIZ_TESTS_SUITES_H

#include <check.h>

Suite	*ring_suite(void);
Suite	*model_suite(void);
Suite	*moves_suite(void);
Suite	*duration_suite(void);
Suite	*options_suite(void);
Suite	*spawn_suite(void);
Suite	*history_suite(void);
Suite	*limits_suite(void);
Suite	*recording_suite(void);
Suite	*kstat_suite(void);
Suite	*stats_suite(void);
Suite	*outfile_suite(void);
Suite	*work_suite(void);
Suite	*text_suite(void);
Suite	*busy_suite(void);
Suite	*words_suite(void);
Suite	*traced_suite(void);
Suite	*taskstate_suite(void);
Suite	*taskfake_suite(void);
Suite	*tasknames_suite(void);
Suite	*ptyout_suite(void);
Suite	*steps_suite(void);

#endif
