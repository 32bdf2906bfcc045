/*
 * taskwords.h: a real thread's state (taskstate.h) in words: a word for a
 * cell, a few for a learner, a sentence for the details.  One table of
 * words for each class, each way of input or output, each kind of
 * descriptor, so that a cell, the details and the help say the same.
 */
#ifndef PTVIZ_TASKWORDS_H
#define PTVIZ_TASKWORDS_H

#include <stddef.h>

#include "tasktypes.h"

/* The state in a word for a cell, 8 columns at most ("sleep", "lock");
   input or output says which way ("read", "write", "poll"). */
const char	*taskwords_cell(const struct taskstate *ts);

/* A class in a few words for a learner ("in a timed sleep"). */
const char	*taskwords_meaning(enum taskstate_class cls);

/* What a descriptor is, in words ("a pipe", "the terminal"). */
const char	*taskwords_fd(enum taskfd_kind kind);

/* The state in a sentence for the details ("waiting for input from a
   pipe (fd 3, read)"), cut to fit buf; the length it wanted, as
   snprintf(3). */
int		 taskwords_describe(const struct taskstate *ts, char *buf,
		    size_t len);

/* The same, of a traced thread's kernel record (ST_KSTATE: its class,
   object and kaddr, event.h): a cell's word, and a sentence ("waiting for
   input from a pipe (fd 0)"), as the two above. */
const char	*taskwords_kstate_cell(unsigned cls, unsigned object);
int		 taskwords_kstate(unsigned cls, unsigned object, int64_t kaddr,
		    char *buf, size_t len);

#endif
