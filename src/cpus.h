/*
 * cpus.h: how many CPUs ptviz may run on (cpus.c).
 */
#ifndef PTVIZ_CPUS_H
#define PTVIZ_CPUS_H

/* The CPUs the calling process may run on: its affinity mask (what
   taskset sets, and its children inherit), else the CPUs online; at
   least 1. */
unsigned	cpus_usable(void);

#endif
