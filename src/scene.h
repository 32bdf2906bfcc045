/*
 * scene.h: the ready scenes of a lesson.
 *
 * A scene fixes everything a run depends on -- counts, workload, longest
 * sleep, seed -- so that a lesson plays the same every time, and says in
 * a caption of one or two lines what the room should watch and what to
 * ask.  The screen loads scene N with the key N (0 for the tenth),
 * `--scene N` starts with it and `--scenes` lists them.  A teacher's guide,
 * SCENE_GUIDE, plays them as a lesson, one step a scene.
 */
#ifndef PTVIZ_SCENE_H
#define PTVIZ_SCENE_H

#include <stdbool.h>

/* The lesson in steps that plays the scenes, from the top of the tree. */
#define SCENE_GUIDE	"doc/teaching.md"

struct run_config;

struct scene {
	const char	*title;		/* "the classic 5 x 3" */
	const char	*watch;		/* what to watch: the caption's line 1 */
	const char	*ask;		/* what to ask: its line 2 */
	bool		 ordered;	/* its sleeps lie far apart: --plain
					   prints the same lines every run */
	bool		 zombies;	/* on the screen, reaping starts held */
	unsigned	 guide_step;	/* its step in SCENE_GUIDE; 0: none */
};

/* How many scenes there are. */
unsigned	 scene_count(void);

/* Scene n (1-based), or NULL. */
const struct scene *scene_get(unsigned n);

/* The run of scene n: counts, workload, sleep, seed (the CPU-bound scene
   sizes itself to the CPUs ptviz may run on); false if there is none. */
bool		 scene_config(unsigned n, struct run_config *cfg);

/* The scene whose run cfg is, ignoring the seed and the sleep (a rerun
   with a new seed, or slowed down, is still the scene); 0 if none. */
unsigned	 scene_of(const struct run_config *cfg, unsigned hint);

#endif
