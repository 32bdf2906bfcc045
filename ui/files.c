/*
 * files.c: the screen's runs to files -- --record and --trace for the
 * first run, `w` and `e` for the run on screen.
 *
 * --record writes the first run while it happens (each event as the model
 * takes it, sent to the file once a frame); --trace writes it once it has
 * ended, or when it is left (a rerun, quitting).  A rerun starts a run
 * that is not recorded: `w` writes it.  A write that fails is told once in
 * the header, and the run goes on.  `w` and `e` name a new file after the
 * seed and the time, "ptviz-42-20261126-091500.jsonl", never overwriting
 * one (a second in the same second gets "-2").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/jsonl.h"
#include "../src/trace.h"
#include "view.h"

/* The recording failed: say so, once. */
static void record_failed(struct tui *t);

void
files_record_start(struct tui *t)
{
	if (t->opt.record == NULL)
		return;
	if (jsonl_create(&t->record, t->opt.record) == -1) {
		act_note(t, "cannot record to %s: %s", t->opt.record,
		    strerror(errno));
		return;
	}
	if (jsonl_put_run(&t->record, &t->opt.run))
		record_failed(t);
	else
		act_note(t, "recording the run to %s", t->opt.record);
}

/* The recording failed: say so, once. */
static void
record_failed(struct tui *t)
{
	char why[96];

	act_note(t, "recording to %s failed: %s (the run goes on)",
	    t->record.path, jsonl_strerror(&t->record, why, sizeof(why)));
}

void
files_record_event(struct tui *t, const struct event *ev)
{
	if (jsonl_put(&t->record, t->live.t0, ev))
		record_failed(t);
}

void
files_record_flush(struct tui *t)
{
	if (jsonl_flush(&t->record))
		record_failed(t);
}

void
files_first_run_done(struct tui *t)
{
	char rec[sizeof(t->note)] = "", why[96];
	bool recorded;

	if (!t->first_open)
		return;
	t->first_open = false;
	files_record_flush(t);
	recorded = t->record.fp != NULL;
	if (jsonl_close(&t->record) != 0 && recorded)
		snprintf(rec, sizeof(rec), "recording to %s failed: %s",
		    t->record.path, jsonl_strerror(&t->record, why,
		    sizeof(why)));
	else if (recorded)
		snprintf(rec, sizeof(rec), "run recorded to %s",
		    t->opt.record);
	if (t->trace_due && trace_save(t->opt.trace, &t->opt.run,
	    &t->hist) == -1)
		act_note(t, "cannot write the trace %s: %s", t->opt.trace,
		    strerror(errno));
	else if (t->trace_due)
		act_note(t, "%s%strace of the run written to %s", rec,
		    *rec != '\0' ? "; " : "", t->opt.trace);
	else if (*rec != '\0')
		act_note(t, "%s", rec);
	t->trace_due = false;
}

/* A new file in the current directory for the run on screen, its name in
   name; NULL with errno. */
static FILE *
create_new(const struct tui *t, const char *ext, char *name, size_t len)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	FILE *fp;
	int fd = -1, n;

	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S",
	    localtime_r(&now, &tm));
	for (n = 1; n < 10 && fd == -1; n++) {
		if (n == 1)
			snprintf(name, len, "ptviz-%llu-%s.%s",
			    (unsigned long long)t->opt.run.seed, stamp, ext);
		else
			snprintf(name, len, "ptviz-%llu-%s-%d.%s",
			    (unsigned long long)t->opt.run.seed, stamp, n, ext);
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd == -1 && errno != EEXIST)
			return NULL;
	}
	if (fd == -1)
		return NULL;
	if ((fp = fdopen(fd, "w")) == NULL)
		close(fd);
	return fp;
}

/* Close fp, a file written: 0, or -1 with errno if any write failed. */
static int
close_written(FILE *fp, int rc)
{
	int saved = errno;

	if (fclose(fp) != 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

void
files_write(struct tui *t)
{
	char name[96];
	FILE *fp;
	size_t k;
	int rc;

	if ((fp = create_new(t, "jsonl", name, sizeof(name))) == NULL) {
		act_note(t, "cannot write the run here: %s", strerror(errno));
		return;
	}
	errno = 0;
	jsonl_run(fp, &t->opt.run);
	for (k = 0; k < t->hist.n; k++)
		jsonl_event(fp, t->live.t0, history_at(&t->hist, k));
	rc = ferror(fp) ? -1 : 0;
	if (close_written(fp, rc) == -1) {
		act_note(t, "cannot write %s: %s", name, strerror(errno));
		unlink(name);
		return;
	}
	act_note(t, "wrote %s%s: ptviz --replay %s", name, t->src != NULL &&
	    t->replay == NULL ? " (the run so far)" : "", name);
}

void
files_export(struct tui *t)
{
	char name[96];
	FILE *fp;
	int rc;

	if ((fp = create_new(t, "trace.json", name, sizeof(name))) == NULL) {
		act_note(t, "cannot export the run here: %s", strerror(errno));
		return;
	}
	errno = 0;
	rc = trace_write(fp, &t->opt.run, &t->hist);
	if (close_written(fp, rc) == -1) {
		act_note(t, "cannot write %s: %s", name, strerror(errno));
		unlink(name);
		return;
	}
	act_note(t, "exported %s: open it in ui.perfetto.dev or speedscope",
	    name);
}
