/*
 * duration.c: splitmix64 over (seed, process, thread), scaled to [0, max).
 *
 * splitmix64 is a strong 64-bit mixer: consecutive inputs give unrelated
 * outputs, so hashing the three numbers in turn is enough.  The top 53 bits
 * make a double in [0, 1); max_ns is at most 3.6e12 < 2^53, so the product
 * rounds down to a whole nanosecond strictly below max_ns.
 */
#include <sys/random.h>

#include <unistd.h>

#include "duration.h"
#include "event.h"

static uint64_t
splitmix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15u;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

/* Scale hash h to [0, max_ns). */
static uint64_t
scale(uint64_t h, uint64_t max_ns)
{
	double u = (double)(h >> 11) * 0x1p-53;
	uint64_t d = (uint64_t)(u * (double)max_ns);

	return d < max_ns ? d : (max_ns ? max_ns - 1 : 0);
}

uint64_t
duration_ns(uint64_t seed, unsigned proc, unsigned thread, uint64_t max_ns)
{
	return scale(splitmix64(splitmix64(splitmix64(seed) ^ proc) ^ thread),
	    max_ns);
}

uint64_t
duration_phase_ns(uint64_t seed, unsigned proc, unsigned thread,
    unsigned phase, uint64_t max_ns)
{
	uint64_t h = splitmix64(splitmix64(splitmix64(seed) ^ proc) ^ thread);

	return scale(phase == 0 ? h : splitmix64(h ^ phase), max_ns);
}

uint64_t
duration_random_seed(void)
{
	uint64_t seed;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != sizeof(seed))
		seed = splitmix64(now_ns() ^ ((uint64_t)getpid() << 32));
	/* Short enough to read aloud to a room and type again. */
	return seed % DURATION_SEED_MAX;
}
