/*
 * json.c: every event as one JSON object per line, after a "run" record
 * that says what was run.  Only numbers and fixed names are printed, so no
 * string needs escaping.
 */
#include <sys/wait.h>

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "../src/event.h"
#include "../src/model.h"
#include "options.h"
#include "stream.h"

static void
json_start(FILE *fp, const struct options *o)
{
	fprintf(fp, "{\"event\":\"run\",\"processes\":%u,\"threads\":%u,"
	    "\"sleep_s\":%" PRIu64 ".%09" PRIu64 ",\"seed\":%" PRIu64 "}\n",
	    o->run.nproc, o->run.nthread, o->run.sleep_ns / 1000000000u,
	    o->run.sleep_ns % 1000000000u, o->run.seed);
}

static void
json_event(FILE *fp, const struct model *m, const struct event *ev)
{
	int ws = (int)ev->wstatus;

	fprintf(fp, "{\"t_ns\":%" PRId64 ",\"event\":\"%s\",\"proc\":%u,"
	    "\"thread\":%u,\"pid\":%" PRId32 ",\"tid\":%" PRId32,
	    (int64_t)(ev->t_ns - m->t0), state_name(ev->state), ev->proc,
	    ev->thread, ev->pid, ev->tid);
	switch (ev->state) {
	case ST_SLEEPING:
		fprintf(fp, ",\"sleep_ns\":%" PRIu64, ev->sleep_ns);
		break;
	case ST_TFAILED:
		fprintf(fp, ",\"error\":\"%s\"", strerrorname_np((int)ev->err) ?
		    strerrorname_np((int)ev->err) : "unknown");
		break;
	case ST_EXITED:
	case ST_KILLED:
	case ST_FAILED:
		if (ev->wstatus == -1)
			fputs(",\"error\":\"not forked\"", fp);
		else if (WIFSIGNALED(ws))
			fprintf(fp, ",\"signal\":\"SIG%s\"",
			    sigabbrev_np(WTERMSIG(ws)) ?
			    sigabbrev_np(WTERMSIG(ws)) : "UNKNOWN");
		else
			fprintf(fp, ",\"status\":%d", WEXITSTATUS(ws));
		break;
	}
	fputs("}\n", fp);
}

const struct printer json_printer = { json_start, json_event };
