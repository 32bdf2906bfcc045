/*
 * timeline.h: time left to right, a bar a thread: a view of the body
 * (state.h's struct view_ops).
 */
#ifndef PTVIZ_TIMELINE_H
#define PTVIZ_TIMELINE_H

#include "../base/state.h"

extern const struct view_ops timeline_view;

#endif
