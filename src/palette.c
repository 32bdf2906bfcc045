/*
 * palette.c: the look of each thread and process of a model, and the
 * colours of each look, chosen once.
 *
 * From the Okabe-Ito palette (orange, sky blue, blue, vermillion, reddish
 * purple, yellow), which stays distinct under the common colour-vision
 * deficiencies, as xterm-256 indices: a terminal with 256 colours takes
 * them as they are, and a picture turns them into RGB the way xterm does,
 * so the screen and the picture of a run show the same colours.
 */
#include <stdint.h>

#include "event.h"
#include "model.h"
#include "model_query.h"
#include "palette.h"
#include "tasktypes.h"

static const struct palette_pair pairs[LOOK_COUNT] = {
	[LOOK_NEW]	= { 246, -1 },
	[LOOK_HELD]	= { 16, 117 },
	[LOOK_RUNNING]	= { 117, -1 },
	[LOOK_SLEEPING]	= { 214, -1 },
	[LOOK_DONE]	= { 231, 25 },
	[LOOK_LOST]	= { 209, -1 },
	[LOOK_FAILED]	= { 175, -1 },
	[LOOK_STOPPED]	= { 16, 227 },
	[LOOK_COMPUTING] = { 39, -1 },
	[LOOK_WAITING]	= { 203, -1 },
	[LOOK_HOLDING]	= { 36, -1 },
	[LOOK_DEADLOCK]	= { 231, 160 },
	[LOOK_ZOMBIE]	= { 16, 250 },
	[LOOK_TITLE]	= { 231, -1 },
	[LOOK_DIM]	= { 248, -1 },
	[LOOK_KEY]	= { 117, -1 },
	[LOOK_KCHILD]	= { 141, -1 },
	[LOOK_KIO]	= { 78, -1 },
	[LOOK_KCALL]	= { 250, -1 },
};

/* A traced thread's look by what the kernel says it does (enum
   taskstate_class: a lock is waited on, a child waited for, ...). */
static const uint8_t kclass_look[TASKSTATE_CLASSES] = {
	[TASKSTATE_GONE] = LOOK_DONE, [TASKSTATE_CPU] = LOOK_COMPUTING,
	[TASKSTATE_SLEEP] = LOOK_SLEEPING, [TASKSTATE_LOCK] = LOOK_WAITING,
	[TASKSTATE_CHILD] = LOOK_KCHILD, [TASKSTATE_IO] = LOOK_KIO,
	[TASKSTATE_SIGNAL] = LOOK_KCALL, [TASKSTATE_SYSCALL] = LOOK_KCALL,
	[TASKSTATE_BLOCKED] = LOOK_KCALL, [TASKSTATE_STOPPED] = LOOK_STOPPED,
	[TASKSTATE_ZOMBIE] = LOOK_ZOMBIE,
};

/* What a thread in each state looks like (stopped is decided apart). */
static const uint8_t thread_look[ST_COUNT] = {
	[ST_NEW] = LOOK_NEW, [ST_RUNNING] = LOOK_RUNNING,
	[ST_SLEEPING] = LOOK_SLEEPING, [ST_DONE] = LOOK_DONE,
	[ST_COMPUTING] = LOOK_COMPUTING, [ST_WAITING] = LOOK_WAITING,
	[ST_HOLDING] = LOOK_HOLDING, [ST_MOVE] = LOOK_RUNNING,
	[ST_LOST] = LOOK_LOST, [ST_TFAILED] = LOOK_FAILED,
};

/* What a process in each state looks like. */
static const uint8_t proc_look[ST_COUNT] = {
	[ST_NEW] = LOOK_NEW, [ST_FORKED] = LOOK_RUNNING,
	[ST_STARTING] = LOOK_RUNNING, [ST_JOINING] = LOOK_RUNNING,
	[ST_PDONE] = LOOK_DONE, [ST_EXITED] = LOOK_DONE,
	[ST_ZOMBIE] = LOOK_ZOMBIE,
	[ST_KILLED] = LOOK_LOST, [ST_FAILED] = LOOK_FAILED,
	[ST_BORN] = LOOK_RUNNING, [ST_EXEC] = LOOK_RUNNING,
};

/* xterm's 16 system colours, as RGB bytes. */
static const unsigned char system16[16][3] = {
	{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
	{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
	{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
	{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
};

struct palette_pair
palette_of(enum look l)
{
	return pairs[l];
}

short
palette_paint(enum look l)
{
	return pairs[l].bg >= 0 ? pairs[l].bg : pairs[l].fg;
}

void
palette_rgb(short c, double rgb[3])
{
	/* The cube's six levels of each of red, green and blue. */
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };
	int i, v[3];

	if (c < 0 || c > 255)
		c = 0;
	if (c < 16) {
		for (i = 0; i < 3; i++)
			v[i] = system16[c][i];
	} else if (c < 232) {
		v[0] = level[(c - 16) / 36];
		v[1] = level[(c - 16) / 6 % 6];
		v[2] = level[(c - 16) % 6];
	} else {
		v[0] = v[1] = v[2] = 8 + 10 * (c - 232);
	}
	for (i = 0; i < 3; i++)
		rgb[i] = v[i] / 255.0;
}

enum look
palette_kclass_look(unsigned cls)
{
	return cls < TASKSTATE_CLASSES ? (enum look)kclass_look[cls] :
	    LOOK_KCALL;
}

/* A traced thread: not born, ended, born but not sampled yet, or as the
   kernel said. */
static enum look
traced_look(const struct model_thread *t)
{
	if (t->state != ST_TBORN)
		return t->state == ST_TENDED ? LOOK_DONE : LOOK_NEW;
	return t->t_kstate == 0 ? LOOK_RUNNING : palette_kclass_look(t->kclass);
}

enum look
palette_thread_look(const struct model *m, unsigned i, unsigned j)
{
	const struct model_thread *t = model_thread(m, i, j);

	if (m->traced)
		return traced_look(t);
	if (model_proc_stopped(m, i) && t->t_running != 0 &&
	    t->t_done == 0)
		return LOOK_STOPPED;
	if (t->state == ST_WAITING && t->deadlocked)
		return LOOK_DEADLOCK;
	if (model_thread_held(m, i, j))
		return LOOK_HELD;
	/* Its process ended: it is gone, though not yet counted lost. */
	if (model_proc(m, i)->state == ST_ZOMBIE && t->t_done == 0)
		return LOOK_ZOMBIE;
	return (enum look)thread_look[t->state];
}

enum look
palette_proc_look(const struct model *m, unsigned i, const char **word)
{
	const struct model_proc *p = model_proc(m, i);

	if (model_proc_stopped(m, i)) {
		*word = "stopped";
		return LOOK_STOPPED;
	}
	*word = state_name(p->state);
	return (enum look)proc_look[p->state];
}
