/*
 * files.c: the screen's runs to files -- --record, --trace, --svg and
 * --png for the first run, `w`, `e` and `i` for the run on screen.
 *
 * --record writes the first run while it happens (each event as the model
 * takes it, sent to the file once a frame); --trace writes it once it has
 * ended, or when it is left (a rerun, quitting).  A rerun starts a run
 * that is not recorded: `w` writes it.  A write that fails is told once in
 * the header, and the run goes on.  No file waits on its reader
 * (src/outfile.h): at the end its reader gets a second (both files'
 * together), which an ending signal cuts short, then what it did not take
 * is told.  --svg and --png draw the first run once it has ended or is
 * left; `i` draws the moment shown (in time travel too) to an SVG and a
 * PNG (src/picture.h).  `w`, `e` and `i` name a new file after the
 * seed and the time, "ptviz-42-20261126-091500.jsonl", never overwriting
 * one (a second in the same second gets "-2").
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../../src/jsonl.h"
#include "../../../src/outfile.h"
#include "../../../src/picture.h"
#include "../../../src/tasknames.h"
#include "../../options.h"
#include "../../../src/trace.h"
#include "../base/state.h"
#include "files.h"

/* The recording failed: say so, once. */
static void record_failed(struct tui *t);

void
files_record_start(struct tui *t)
{
	if (t->opt.record == NULL)
		return;
	if (outfile_open(&t->files.record, t->opt.record,
	    OUTFILE_TRUNC) == -1) {
		state_note(t, "cannot record to %s: %s", t->opt.record,
		    strerror(errno));
		return;
	}
	/* A traced program's names its command, as --json's does. */
	if (jsonl_put_head(&t->files.record, &t->opt.run, t->opt.command))
		record_failed(t);
	else
		state_note(t, "recording the run to %s", t->opt.record);
}

/* The recording failed: say so, once. */
static void
record_failed(struct tui *t)
{
	char why[96];

	state_note(t, "recording to %s failed: %s (the run goes on)",
	    t->files.record.path, outfile_strerror(&t->files.record, why,
	    sizeof(why)));
}

/* Where a file's times count from: the run's start -- or, while it is
   held at its start, after everything so far, all of which is at 0. */
static uint64_t
file_t0(const struct tui *t)
{
	return t->live.t0 != 0 ? t->live.t0 : UINT64_MAX;
}

void
files_record_event(struct tui *t, const struct event *ev, const char *name)
{
	if (jsonl_put_named(&t->files.record, file_t0(t), ev, name))
		record_failed(t);
}

/* A traced program's tasks' names as of the end of the history, for its
   trace, into names (set up here; tasknames_free() frees it); -1 with
   errno. */
static int
names_now(const struct tui *t, struct tasknames *names)
{
	const char *name;
	size_t k;

	tasknames_init(names);
	for (k = 0; k < t->hist.n; k++) {
		const struct event *ev = history_at(&t->hist, k);

		if (ev->proc != 0 && (name = names_at(&t->names, k,
		    ev->proc)) != NULL && tasknames_note(names, ev, name) == -1)
			return -1;
	}
	return 0;
}

/* The run's Chrome trace into f, made at path (NULL: f is open): a
   traced program's with its names. */
static void
trace_into(struct tui *t, struct outfile *f, const char *path)
{
	struct tasknames names;

	if (!t->live.traced) {
		if (path != NULL)
			trace_save(f, path, &t->opt.run, &t->hist);
		else
			trace_put(f, &t->opt.run, &t->hist);
		return;
	}
	if (names_now(t, &names) == -1)
		state_note(t, "the trace has no names: %s", strerror(errno));
	if (path != NULL)
		trace_save_traced(f, path, t->opt.command, &names, &t->hist);
	else
		trace_put_traced(f, t->opt.command, &names, &t->hist);
	tasknames_free(&names);
}

void
files_record_flush(struct tui *t)
{
	if (outfile_flush(&t->files.record))
		record_failed(t);
}

/* What became of the recording at its close, into rec (empty: none was
   going); true if it failed. */
static bool
record_end(struct tui *t, bool recorded, char *rec, size_t len)
{
	char why[96];

	*rec = '\0';
	if (!recorded)
		return false;
	if (outfile_close(&t->files.record) == 0) {
		snprintf(rec, len, "run recorded to %s", t->opt.record);
		return false;
	}
	snprintf(rec, len, "recording to %s failed: %s", t->files.record.path,
	    outfile_strerror(&t->files.record, why, sizeof(why)));
	return true;
}

/* Draw the run on screen up to event k (the moment now; 0: its end) as
   f to path; false, with the note saying why, if it could not. */
static bool
picture_told(struct tui *t, const char *path, enum picture_format f,
    size_t k, uint64_t now)
{
	struct tasknames names;
	struct picture_run r = { .cfg = &t->opt.run, .hist = &t->hist,
	    .k = k, .now = now, .scene = state_caption(t),
	    .command = options_command(&t->opt) };
	char why[128];
	int rc;

	/* A traced program's tasks by their names, as the screen kept them. */
	if (t->live.traced && names_now(t, &names) == 0)
		r.names = &names;
	rc = picture_write(path, f, &r, why, sizeof(why));
	if (t->live.traced)
		tasknames_free(&names);
	if (rc == 0)
		return true;
	state_note(t, "cannot write the picture %s: %s", path, why);
	return false;
}

/* --svg and --png: the first run drawn whole; true if one failed (the
   note says which, else the note before is kept). */
static bool
pictures_first(struct tui *t)
{
	const char *path[2] = { t->opt.svg, t->opt.png };
	bool failed = false;
	int f;

	for (f = PICTURE_SVG; f <= PICTURE_PNG; f++)
		if (path[f] != NULL && !picture_told(t, path[f],
		    (enum picture_format)f, t->hist.n, 0))
			failed = true;
	return failed;
}

bool
files_first_run_done(struct tui *t)
{
	struct outfile trace = { .fd = -1 };
	struct outfile *fs[2] = { &t->files.record, &trace };
	char rec[sizeof(t->note)], why[96];
	bool recorded, failed;

	if (!t->files.first_open)
		return false;
	t->files.first_open = false;
	files_record_flush(t);
	recorded = t->files.record.fp != NULL;
	if (t->files.trace_due)
		trace_into(t, &trace, t->opt.trace);
	/* Both readers get the same second, cut short by a signal. */
	outfile_wait(fs, 2, t->sigfd);
	failed = record_end(t, recorded, rec, sizeof(rec));
	if (t->files.trace_due && outfile_close(&trace) != 0) {
		state_note(t, "%s%scannot write the trace %s: %s", rec,
		    *rec != '\0' ? "; " : "", t->opt.trace,
		    outfile_strerror(&trace, why, sizeof(why)));
		failed = true;
	} else if (t->files.trace_due) {
		state_note(t, "%s%strace of the run written to %s", rec,
		    *rec != '\0' ? "; " : "", t->opt.trace);
	} else if (*rec != '\0') {
		state_note(t, "%s", rec);
	}
	t->files.trace_due = false;
	return pictures_first(t) || failed;
}

/* A new file in the current directory for the run on screen, made in f,
   its name in name; -1 with errno. */
static int
create_new(const struct tui *t, const char *ext, struct outfile *f,
    char *name, size_t len)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	int n;

	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S",
	    localtime_r(&now, &tm));
	for (n = 1; n < 10; n++) {
		if (n == 1)
			snprintf(name, len, "ptviz-%llu-%s.%s",
			    (unsigned long long)t->opt.run.seed, stamp, ext);
		else
			snprintf(name, len, "ptviz-%llu-%s-%d.%s",
			    (unsigned long long)t->opt.run.seed, stamp, n, ext);
		if (outfile_open(f, name, OUTFILE_NEW) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* Finish f, a new file written: its reader given a second; 0, or -1 with
   a note saying why (and the file removed). */
static int
finish_new(struct tui *t, struct outfile *f)
{
	struct outfile *fs[1] = { f };
	char why[96];

	outfile_wait(fs, 1, t->sigfd);
	if (outfile_close(f) == 0)
		return 0;
	state_note(t, "cannot write %s: %s", f->path,
	    outfile_strerror(f, why, sizeof(why)));
	unlink(f->path);
	return -1;
}

void
files_write(struct tui *t)
{
	struct outfile f;
	char name[96];
	size_t k;

	if (create_new(t, "jsonl", &f, name, sizeof(name)) == -1) {
		state_note(t, "cannot write the run here: %s", strerror(errno));
		return;
	}
	jsonl_head(f.fp, &t->opt.run, t->opt.command);
	for (k = 0; k < t->hist.n && !outfile_failed(&f); k++) {
		const struct event *ev = history_at(&t->hist, k);

		jsonl_event_named(f.fp, file_t0(t), ev, t->live.traced &&
		    ev->proc != 0 ? names_at(&t->names, k, ev->proc) : NULL);
	}
	if (finish_new(t, &f) == 0)
		state_note(t, "wrote %s%s: ptviz --replay %s", name,
		    t->src != NULL && t->replay == NULL ?
		    " (the run so far)" : "", name);
}

void
files_export(struct tui *t)
{
	struct outfile f;
	char name[96];

	if (create_new(t, "trace.json", &f, name, sizeof(name)) == -1) {
		state_note(t, "cannot export the run here: %s",
		    strerror(errno));
		return;
	}
	trace_into(t, &f, NULL);
	if (finish_new(t, &f) == 0)
		state_note(t, "exported %s: open it in ui.perfetto.dev or "
		    "speedscope", name);
}

void
files_picture(struct tui *t)
{
	static const char *const ext[2] = { "svg", "png" };
	struct outfile f;
	char name[2][96];
	int i;

	/* The names made first, so that neither overwrites a file. */
	for (i = 0; i < 2; i++) {
		if (create_new(t, ext[i], &f, name[i], sizeof(name[i])) == -1) {
			state_note(t, "cannot draw the run here: %s",
			    strerror(errno));
			return;
		}
		outfile_close(&f);
	}
	for (i = 0; i < 2; i++)
		if (!picture_told(t, name[i], (enum picture_format)i,
		    t->cursor, t->now)) {
			unlink(name[0]);
			unlink(name[1]);
			return;
		}
	state_note(t, "drew the moment shown to %s and %s", name[0],
	    name[1]);
}
