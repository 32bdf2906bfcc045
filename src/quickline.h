/*
 * quickline.h: an event line exactly as jsonl_event() writes it, read
 * without a JSON library.
 *
 * json-c builds an object for every line: a hash table, a string or a
 * number for each member, all allocated and freed again -- 1.4 us a line,
 * 14 s for a recording of ten million events, where reading the file
 * takes 0.1 s.  ptviz writes its lines in one form: members in a fixed
 * order, no spaces, integers without leading zeros, fixed names.  This
 * reads that form and nothing else, into the event json-c's reading would
 * give; any other line (spaces, another order, an escape, a member it does
 * not know, a value out of range, a rare event) is left to json-c, which
 * reads it or says what is wrong.  tests/fuzz/fuzz_quickline.c checks that
 * a recording reads the same both ways.
 */
#ifndef PTVIZ_QUICKLINE_H
#define PTVIZ_QUICKLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct event;
struct run_config;

/* Read the len bytes at s (a line without its newline) into ev if they are
   an event of a run of cfg in jsonl_event()'s form, every field in range
   (its time on the replay's clock: t0 + t_ns); else false, and ev is left
   undefined. */
bool	quickline_event(const char *s, size_t len,
	    const struct run_config *cfg, uint64_t t0, struct event *ev);

#endif
