/*
 * files.h: the run on screen to files: --record, --trace, --svg and --png
 * for the first run, w, e and i for any.
 */
#ifndef PTVIZ_FILES_H
#define PTVIZ_FILES_H

#include <stdbool.h>

struct event;
struct tui;

/* --record: start writing the first run (the file was made by main). */
void		 files_record_start(struct tui *t);

/* Each event the run's model took: to the recording, if one is going. */
void		 files_record_event(struct tui *t, const struct event *ev,
		    const char *name);

/* Each frame: send what was recorded to its file, and say in the header
   if that failed (once: the run goes on). */
void		 files_record_flush(struct tui *t);

/* The first run ended, or is being left (a rerun, quitting): the
   recording stops, and --trace is written, their readers given a second
   (a signal cuts it short); the header says how it went.  True if either
   failed (after quitting, the note is for standard error). */
bool		 files_first_run_done(struct tui *t);

/* w: the run on screen as a recording, e: as a Chrome trace, written to a
   new file in the current directory; the header says which. */
void		 files_write(struct tui *t);
void		 files_export(struct tui *t);

/* i: the moment shown (the run, or a moment of time travel) as a picture,
   an SVG and a PNG in new files in the current directory (src/picture.h);
   the header says which. */
void		 files_picture(struct tui *t);

#endif
