/*
 * lesson.h: the handlers of the lessons' keys (see act.h for what a
 * handler is).
 */
#ifndef PTVIZ_LESSON_H
#define PTVIZ_LESSON_H

#include "act.h"

/* g: a run held at its start while the room guesses, or let it go;
   Backspace: take back the last guess; v: the planned sleeps, while
   predicting. */
key_handler	lesson_predict;
key_handler	lesson_unguess;
key_handler	lesson_plans;

/* A digit (arg: its number, 0 as 10): a scene -- or, while guessing, a
   process into the guess; Enter: the selected process into the guess,
   or else what the view does with it. */
key_handler	lesson_digit;
key_handler	lesson_enter;

/* The run on the screen has ended: a prediction's note says what the room
   can check now, in place of "the run goes". */
void		lesson_run_ended(struct tui *t);

#endif
