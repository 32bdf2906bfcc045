/*
 * palette.c: the colours of each look, chosen once.
 *
 * From the Okabe-Ito palette (orange, sky blue, blue, vermillion, reddish
 * purple, yellow), which stays distinct under the common colour-vision
 * deficiencies, as xterm-256 indices: a terminal with 256 colours takes
 * them as they are, and a picture turns them into RGB the way xterm does,
 * so the screen and the picture of a run show the same colours.
 */
#include "palette.h"

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
