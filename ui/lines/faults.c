/*
 * faults.c: what went wrong in a run, told on stderr within limits (see
 * faults.h).
 */
#include <sys/wait.h>

#include <stdlib.h>
#include <string.h>

#include "../../src/event.h"
#include "../../src/model.h"
#include "../../src/source.h"
#include "faults.h"

/* What was done of a process's deadlock. */
enum { DL_NONE, DL_TOLD, DL_KILLED };

int
faults_init(struct faults *f, unsigned nproc, bool live)
{
	*f = (struct faults){ .live = live, .nproc = nproc };
	if ((f->broken = calloc(nproc, sizeof(*f->broken))) == NULL)
		return -1;
	return 0;
}

void
faults_free(struct faults *f)
{
	free(f->broken);
	f->broken = NULL;
}

void
faults_next_run(struct faults *f)
{
	memset(f->broken, 0, f->nproc * sizeof(*f->broken));
	f->deadlocks = 0;
	f->tfailed_told = 0;
}

/* Tell each deadlock the model found since the last look, at once, in
   the order of the events: with no one at the keys, a live run's process
   is then killed (faults_kill) and the run ends. */
static void
tell_deadlocks(struct faults *f, const struct model *m, FILE *fp)
{
	char text[512];
	unsigned i;

	if (m->deadlocks == f->deadlocks)
		return;
	f->deadlocks = m->deadlocks;
	for (i = 1; i <= m->nproc; i++) {
		if (f->broken[i - 1] != DL_NONE || !text_deadlock(m, i, text,
		    sizeof(text)))
			continue;
		f->broken[i - 1] = DL_TOLD;
		f->count++;
		fprintf(fp, "ptviz: %s%s\n", text, f->live ?
		    "; it is killed" : "");
	}
}

void
faults_kill(struct faults *f, struct source *src)
{
	unsigned i;

	if (!f->live)
		return;
	for (i = 1; i <= f->nproc; i++) {
		if (f->broken[i - 1] != DL_TOLD)
			continue;
		f->broken[i - 1] = DL_KILLED;
		source_control(src, SOURCE_KILL, i);
	}
}

/* Count a fault of kind k; true if it is to be told in full. */
static bool
tell(struct faults *f, enum fault_kind k)
{
	return f->told[k]++ < FAULTS_LINES;
}

/* Process i was reaped: tell in one line how many of its threads could not
   start, if any did not; 1 if so, else 0. */
static int
report_threads(struct faults *f, const struct model *m, FILE *fp,
    unsigned i)
{
	const struct model_thread *th;
	unsigned j, failed = 0;
	char text[192];
	int err = 0;

	/* The model counts failed threads as they arrive: look at this
	   process's only if some are not yet told. */
	if (m->threads_in[ST_TFAILED] == f->tfailed_told)
		return 0;
	for (j = 1; j <= m->nthread; j++) {
		th = model_thread(m, i, j);
		if (th->state == ST_TFAILED && failed++ == 0)
			err = th->err;
	}
	if (failed == 0)
		return 0;
	f->tfailed_told += failed;
	if (tell(f, FAULT_THREADS))
		fprintf(fp, "ptviz: %s\n", text_threads_started(i,
		    m->nthread - failed, m->nthread, err, text, sizeof(text)));
	return 1;
}

/* Say on fp what went wrong with ev (just applied), if anything, within the
   limits above; 1 if something did, else 0. */
static int
report_fault(struct faults *f, const struct model *m, FILE *fp,
    const struct event *ev)
{
	int ws = (int)ev->wstatus, threads;
	char text[192];

	switch (ev->state) {
	case ST_HOLDING:
		/* Not a fault: the robust mutex did its work. */
		if (text_fault(ev, text, sizeof(text)))
			fprintf(fp, "ptviz: %s\n", text);
		return 0;
	case ST_KILLED:
		report_threads(f, m, fp, ev->proc);
		if (tell(f, FAULT_KILLED) && text_fault(ev, text, sizeof(text)))
			fprintf(fp, "ptviz: %s\n", text);
		return 1;
	case ST_FAILED:
		if (ev->wstatus == -1) {
			if (f->never_first == 0)
				f->never_first = ev->proc;
			f->never_last = ev->proc;
			return 1;
		}
		/* A child exits 1 because threads failed: that is the news. */
		threads = report_threads(f, m, fp, ev->proc);
		if (!threads && tell(f, FAULT_STATUS) && WIFEXITED(ws) &&
		    text_fault(ev, text, sizeof(text)))
			fprintf(fp, "ptviz: %s\n", text);
		return 1;
	case ST_EXITED:
		/* An exit 0 without "done" is a failure the model found. */
		if (model_proc(m, ev->proc)->state == ST_PDONE)
			return report_threads(f, m, fp, ev->proc);
		report_threads(f, m, fp, ev->proc);
		if (tell(f, FAULT_EARLY))
			fprintf(fp, "ptviz: %s\n", text_exited_early(ev, text,
			    sizeof(text)));
		return 1;
	}
	return 0;
}

void
faults_event(struct faults *f, const struct model *m, const struct event *ev,
    FILE *fp)
{
	f->count += report_fault(f, m, fp, ev);
	tell_deadlocks(f, m, fp);
}

void
faults_summary(const struct faults *f, FILE *fp)
{
	char text[128];
	unsigned k;

	if (f->never_first != 0)
		fprintf(fp, "ptviz: %s\n", text_never_forked(f->never_first,
		    f->never_last, text, sizeof(text)));
	for (k = 0; k < FAULT_COUNT; k++)
		if (f->told[k] > FAULTS_LINES)
			fprintf(fp, "ptviz: %s\n", text_fault_rest(
			    (enum fault_kind)k, f->told[k] - FAULTS_LINES, text,
			    sizeof(text)));
}
