/*
 * tidmap.h: a map from a task's id (a pid or a tid) to a number, for the
 * tracer, which learns of every stop by tid and must find the task at
 * once however many there are.
 *
 * Open addressing with linear probing; a removed key leaves a tombstone,
 * and the table is rebuilt when keys and tombstones fill half of it, so a
 * lookup stays a few probes while tids are reused as tasks come and go.
 */
#ifndef PTVIZ_TIDMAP_H
#define PTVIZ_TIDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tidmap_slot;

struct tidmap {
	struct tidmap_slot *slot;	/* [mask + 1] */
	size_t		 mask;
	size_t		 used;		/* keys and tombstones */
	size_t		 keys;
};

/* An empty map. */
void	tidmap_init(struct tidmap *m);

/* Map tid (> 0) to v, replacing what it was mapped to; -1 with errno if
   there is no memory (m unchanged). */
int	tidmap_put(struct tidmap *m, int32_t tid, uint32_t v);

/* What tid is mapped to, in *v; false if nothing. */
bool	tidmap_get(const struct tidmap *m, int32_t tid, uint32_t *v);

/* Forget tid; nothing if it was not there. */
void	tidmap_del(struct tidmap *m, int32_t tid);

/* Free the map; it is empty again. */
void	tidmap_free(struct tidmap *m);

#endif
