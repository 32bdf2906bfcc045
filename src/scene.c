/*
 * scene.c: the table of scenes (see scene.h).
 *
 * The seeds are short enough to read aloud.  The classic's seed, 183,
 * puts all fifteen sleeps at least 112 ms apart, so its order is the
 * plan's and not the scheduler's: `--scene 1 --plain` prints the same
 * lines every run.
 */
#include "cpus.h"
#include "scene.h"
#include "spawn.h"
#include "steps.h"
#include "work.h"

#define S(x)	((uint64_t)((x) * 1000000000.0))

/* A scene's run; nthread 0 means twice the CPUs ptviz may run on. */
struct scene_run {
	unsigned	 nproc, nthread;
	uint64_t	 sleep_ns, seed;
	enum work	 work;
	unsigned	 permits;
	unsigned	 iterations, slots;	/* 0: the defaults */
	unsigned	 steps;		/* on the screen, step mode from its
					   start (steps.h); in lines it runs
					   freely */
};

static const struct {
	struct scene	 s;
	struct scene_run r;
} scenes[] = {
	{ { "the classic: 5 processes x 3 threads",
	    "Five processes of three threads, each sleeping a random time up "
	    "to 3 s. Watch the order they finish in.",
	    "Ask: which process finishes first? (A process ends with its "
	    "slowest thread.)", true, false, 1 },
	  { 5, 3, S(3), 183, WORK_SLEEP, 0, 0, 0, 0 } },
	{ { "many threads: 64 x 16",
	    "1024 threads in 64 processes, all asleep: hundreds busy now "
	    "on few cores. The figures fall as they finish.",
	    "Ask: how can 1024 threads run on a machine with so few cores?",
	    false, false, 2 },
	  { 64, 16, S(5), 2, WORK_SLEEP, 0, 0, 0, 0 } },
	{ { "no sleep at all",
	    "Every thread's plan is 0 s: nothing orders them but the "
	    "scheduler. Press R a few times.",
	    "Ask: why does the order change when nothing in the program "
	    "changed?", false, false, 3 },
	  { 5, 3, 0, 7, WORK_SLEEP, 0, 0, 0, 0 } },
	{ { "CPU-bound, twice as many threads as cores",
	    "Threads that compute, twice as many as the cores. Watch the "
	    "concurrency figure: never above the cores.",
	    "Ask: how long will the run take: its longest thread, or the "
	    "total CPU time shared among the cores?", false, false, 4 },
	  { 2, 0, S(2), 31, WORK_CPU, 0, 0, 0, 0 } },
	{ { "a mutex per process",
	    "Each process's threads take its mutex in turn: one holds, the "
	    "others wait.",
	    "Ask: why do the processes still run side by side while their "
	    "threads queue?", false, false, 5 },
	  { 4, 3, S(1), 5, WORK_MUTEX, 0, 0, 0, 0 } },
	{ { "one mutex for all",
	    "One mutex for every thread of every process: one holder in the "
	    "whole run.",
	    "Ask: how long will the run take now? (The concurrency is 1.)",
	    false, false, 6 },
	  { 3, 3, S(0.5), 6, WORK_GMUTEX, 0, 0, 0, 0 } },
	{ { "a semaphore of 2",
	    "At most two threads of the whole run hold a permit at once, "
	    "whichever process they belong to.",
	    "Ask: at what will the concurrency figure settle?", false, false,
	    7 },
	  { 3, 4, S(1), 8, WORK_SEMAPHORE, 2, 0, 0, 0 } },
	{ { "a barrier",
	    "Each thread sleeps, waits at its process's barrier for the "
	    "others, then sleeps again.",
	    "Ask: who waits longest at the barrier, and when do the second "
	    "sleeps start? (t: the timeline)", false, false, 8 },
	  { 4, 4, S(2), 4, WORK_BARRIER, 0, 0, 0, 0 } },
	{ { "a deadlock",
	    "Two threads, two mutexes, taken in opposite orders: each holds "
	    "what the other needs.",
	    "Ask: will it ever end? What would break the cycle? (k kills a "
	    "process)", false, false, 9 },
	  { 3, 2, S(1), 5, WORK_DEADLOCK, 0, 0, 0, 0 } },
	{ { "zombies",
	    "Reaping is held: a process that ends stays a zombie (ps shows "
	    "<defunct>) until its parent reaps it. z reaps them.",
	    "Ask: who cleans up after a process that ended, and what if "
	    "nobody does?", false, true, 10 },
	  { 4, 2, S(2), 9, WORK_SLEEP, 0, 0, 0, 0 } },
	/* The race at speed: a thousand updates a thread lose some on two
	   CPUs in nearly every run.  By hand, stepped, it is scene 14. */
	{ { "the race: a counter without a lock",
	    "Four threads add 1 to one counter 1000 times each: read, add, "
	    "write, with no lock. The header counts the updates lost.",
	    "Ask: why is the counter short? Which moves of two threads lose "
	    "an update?", false, false, 0 },
	  { 2, 2, 0, 11, WORK_RACE, 0, 1000, 0, 0 } },
	{ { "the race fixed: the counter under a mutex",
	    "The same four threads, each update under one mutex: its read, "
	    "add and write can no longer be split.",
	    "Ask: is the counter right every run now? What does the lock "
	    "cost?", false, false, 0 },
	  { 2, 2, 0, 11, WORK_RACE_LOCKED, 0, 1000, 0, 0 } },
	{ { "the queue: producers and consumers",
	    "Odd threads put 5 items each into a queue of 2 slots, even ones "
	    "take them; a thread waits when the queue is full or empty.",
	    "Ask: who waits for whom, and who wakes them?", false, false,
	    0 },
	  { 2, 3, 0, 12, WORK_QUEUE, 0, 5, 2, 0 } },
	{ { "the race by hand: you are the scheduler",
	    "Step mode: Enter (or 1) lets a thread make one move. Make "
	    "Thread-1 read, then Thread-2 read, then both add and write.",
	    "Ask: what is the counter now, and what should it be? Which "
	    "order keeps both updates? (R: again)", false, false, 0 },
	  { 1, 2, 0, 14, WORK_RACE, 0, 1, 0, STEPS_ON } },
};

#define NSCENES	(sizeof(scenes) / sizeof(scenes[0]))

unsigned
scene_count(void)
{
	return NSCENES;
}

const struct scene *
scene_get(unsigned n)
{
	return n >= 1 && n <= NSCENES ? &scenes[n - 1].s : NULL;
}

/* Twice the CPUs ptviz may run on, within what a run takes. */
static unsigned
twice_the_cpus(void)
{
	unsigned n = cpus_usable();

	return n > RUN_MAX_THREADS / 2 ? RUN_MAX_THREADS : 2 * n;
}

bool
scene_config(unsigned n, struct run_config *cfg)
{
	const struct scene_run *r;

	if (scene_get(n) == NULL)
		return false;
	r = &scenes[n - 1].r;
	*cfg = (struct run_config){
		.nproc = r->nproc,
		.nthread = r->nthread != 0 ? r->nthread : twice_the_cpus(),
		.sleep_ns = r->sleep_ns,
		.seed = r->seed,
		.work = r->work,
		.permits = r->permits != 0 ? r->permits : WORK_DEFAULT_PERMITS,
		.iterations = r->iterations != 0 ? r->iterations :
		    WORK_DEFAULT_ITERATIONS,
		.slots = r->slots != 0 ? r->slots : WORK_DEFAULT_SLOTS,
		.steps = r->steps,
	};
	return true;
}

unsigned
scene_of(const struct run_config *cfg, unsigned hint)
{
	struct run_config s;

	if (!scene_config(hint, &s))
		return 0;
	if (s.nproc != cfg->nproc || s.nthread != cfg->nthread ||
	    s.work != cfg->work ||
	    ((work_flags(s.work) & WORK_PERMITS) &&
	    s.permits != cfg->permits) ||
	    ((work_flags(s.work) & WORK_ITERATIONS) &&
	    s.iterations != cfg->iterations) ||
	    ((work_flags(s.work) & WORK_SLOTS) && s.slots != cfg->slots))
		return 0;
	return hint;
}
