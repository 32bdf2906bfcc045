/*
 * tsan_ring.c: the in-process ring stress, built alone under
 * ThreadSanitizer (which cannot see across processes), with a full ring
 * and counters that wrap.
 */
#include <stdio.h>

#include "stress.h"

int
main(void)
{
	if (stress_threads(8, 20000, 4, UINT32_MAX - 100) != 0 ||
	    stress_threads(4, 50000, 64, 0) != 0) {
		puts("tsan_ring: FAIL");
		return 1;
	}
	puts("tsan_ring: ok");
	return 0;
}
