/*
 * stress.h: ring stress drivers shared by the Check suite and the TSan
 * binary.  Each producer pushes `per` events numbered 0..per-1 (in sleep_ns)
 * under its own id (in tid); the consumer checks that every producer's
 * numbers arrive complete and in order.  Both return 0 when they did.
 */
#ifndef PTVIZ_TESTS_STRESS_H
#define PTVIZ_TESTS_STRESS_H

#include <stdint.h>

/* Producers are threads of this process. */
int	stress_threads(unsigned producers, uint64_t per, uint32_t slots,
	    uint32_t start);

/* Producers are nproc forked processes of nthread threads each, one ring
   per process as in a run. */
int	stress_procs(unsigned nproc, unsigned nthread, uint64_t per,
	    uint32_t slots);

#endif
