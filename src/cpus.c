/*
 * cpus.c: the CPUs a run may use.
 *
 * A run's children inherit the main process's affinity, so the CPUs its
 * threads can compute on at once are those of the mask, not every CPU the
 * machine has: `taskset -c 0,1 ptviz` runs on 2 of them.  The mask is read
 * with sched_getaffinity(); a machine of more CPUs than cpu_set_t holds
 * (1024), or a kernel that refuses, falls back to the CPUs online.
 */
#include <sched.h>
#include <unistd.h>

#include "cpus.h"

unsigned
cpus_usable(void)
{
	cpu_set_t set;
	long n;

	CPU_ZERO(&set);
	if (sched_getaffinity(0, sizeof(set), &set) == 0 &&
	    (n = CPU_COUNT(&set)) > 0)
		return (unsigned)n;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}
