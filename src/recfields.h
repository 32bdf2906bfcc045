/*
 * recfields.h: the fields of a recording's lines (jsonl.h's format), read
 * from the JSON object json-c made of a line: the run record into a
 * run_config, any other line into an event.
 *
 * Every field is checked for its type and its range, and nothing more:
 * whether an event may come at that point of the run is recheck.h's
 * question.  What is wrong is said in one line in `why`, without the
 * file's name or the line's number (recording.c adds them).
 */
#ifndef PTVIZ_RECFIELDS_H
#define PTVIZ_RECFIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct event;
struct json_object;
struct run_config;

/* No time in a recording is later than this after its start (a century),
   so that adding RECORDING_T0 never overflows. */
#define RECFIELDS_T_MAX	(100ull * 365 * 24 * 3600 * 1000000000ull)

/* The run record o, whose line is text[0..len), into *cfg; for a traced
   program's ("traced": true) its command too, into *command (argv,
   NULL-terminated, one block for free()), else *command is NULL; -1 with
   the reason in why if it is not one or a field is bad. */
int	recfields_run(struct json_object *o, const char *text, size_t len,
	    struct run_config *cfg, char ***command, char *why,
	    size_t whylen);

/* The event o of a run of cfg into *ev, its time t0 plus its "t_ns"; -1
   with the reason in why if a field is missing, of the wrong type or out
   of range. */
int	recfields_event(struct json_object *o, const struct run_config *cfg,
	    uint64_t t0, struct event *ev, char *why, size_t whylen);

/* The event o of a traced program into *ev, as recfields_event(): its
   fields as jsonl_event_named() writes them, and its task's "name", if
   it has one (*named), into name[TASKNAMES_MAX + 1]. */
int	recfields_traced(struct json_object *o, uint64_t t0,
	    struct event *ev, char *name, bool *named, char *why,
	    size_t whylen);

#endif
