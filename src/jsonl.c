/*
 * jsonl.c: writing a run as JSON lines (see jsonl.h).
 */
#include <sys/wait.h>

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "jsonl.h"
#include "outfile.h"
#include "spawn.h"
#include "tasktypes.h"
#include "text.h"
#include "work.h"

void
jsonl_run(FILE *fp, const struct run_config *cfg)
{
	char secs[32];

	fprintf(fp, "{\"event\":\"run\",\"format\":\"" JSONL_FORMAT "\","
	    "\"version\":%d,\"processes\":%u,\"threads\":%u,"
	    "\"sleep_s\":%s,\"seed\":%" PRIu64 ",\"work\":\"%s\"",
	    JSONL_VERSION, cfg->nproc, cfg->nthread, text_secs((double)
	    cfg->sleep_ns, 9, false, secs, sizeof(secs)), cfg->seed,
	    work_name(cfg->work));
	if (work_flags(cfg->work) & WORK_PERMITS)
		fprintf(fp, ",\"permits\":%u", cfg->permits ? cfg->permits :
		    WORK_DEFAULT_PERMITS);
	if (work_flags(cfg->work) & WORK_ITERATIONS)
		fprintf(fp, ",\"iterations\":%u", cfg->iterations ?
		    cfg->iterations : WORK_DEFAULT_ITERATIONS);
	if (work_flags(cfg->work) & WORK_SLOTS)
		fprintf(fp, ",\"slots\":%u", cfg->slots ? cfg->slots :
		    WORK_DEFAULT_SLOTS);
	/* How many CPUs it ran on: what bounds its computing, in a replay
	   too. */
	if (cfg->cpus > 0)
		fprintf(fp, ",\"cpus\":%u", cfg->cpus);
	fputs("}\n", fp);
}

/* The length of the UTF-8 sequence at s if it is a valid one, else 0. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned c = s[0], cp;

	if (c < 0x80)
		return 1;
	n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
	if (n == 0 || (n == 3 && c >= 0xf0))
		return 0;
	cp = c & (0x3fu >> (n - 1));
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	/* No overlong form, surrogate or code point past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

void
jsonl_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	fputc('"', fp);
	for (; *p != '\0'; p += n) {
		n = utf8_len(p);
		/* A byte that is not UTF-8, and U+FFFD itself, are written
		   alike: read back and written again, the line is the same. */
		if (n == 0 || (n == 3 && memcmp(p, "\xef\xbf\xbd", 3) == 0)) {
			fputs("\\ufffd", fp);
			n = n == 0 ? 1 : n;
		} else if (*p == '"' || *p == '\\') {
			fprintf(fp, "\\%c", *p);
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(fp, "\\u%04x", *p);
		} else {
			fwrite(p, 1, n, fp);
		}
	}
	fputc('"', fp);
}

void
jsonl_traced_run(FILE *fp, const struct run_config *cfg, char *const argv[])
{
	size_t i;

	fprintf(fp, "{\"event\":\"run\",\"format\":\"" JSONL_FORMAT "\","
	    "\"version\":%d,\"traced\":true%s,\"command\":[", JSONL_TRACED,
	    cfg->polled ? ",\"polled\":true" : "");
	for (i = 0; argv[i] != NULL; i++) {
		if (i > 0)
			fputc(',', fp);
		jsonl_string(fp, argv[i]);
	}
	fputc(']', fp);
	if (cfg->attached != 0)
		fprintf(fp, ",\"attached\":%d", cfg->attached);
	fputs("}\n", fp);
}

/* A kernel state's fields: its class, and its futex word, descriptor or
   call. */
static void
put_kstate(FILE *fp, const struct event *ev)
{
	const char *cls = kstate_class_name(ev->what);
	const char *kind = kstate_fd_name(KSTATE_FDKIND(ev->object));
	const char *way = kstate_io_name(KSTATE_IO(ev->object));

	fprintf(fp, ",\"class\":\"%s\"", cls != NULL ? cls : "?");
	if (ev->what == TASKSTATE_LOCK && ev->kaddr != 0)
		fprintf(fp, ",\"futex\":\"0x%" PRIx64 "\"",
		    (uint64_t)ev->kaddr);
	else if (ev->what == TASKSTATE_IO && ev->kaddr >= 0)
		fprintf(fp, ",\"fd\":%" PRId64 ",\"fd_kind\":\"%s\","
		    "\"way\":\"%s\"", ev->kaddr,
		    kind != NULL ? kind : "?", way != NULL ? way : "?");
	else if (ev->what == TASKSTATE_SYSCALL)
		fprintf(fp, ",\"nr\":%" PRId64, ev->kaddr);
}

/* A move's: which, its value and its aux if it has one. */
static void
put_move(FILE *fp, const struct event *ev)
{
	const char *name = move_name(ev->what), *aux = move_aux_name(ev->what);

	fprintf(fp, ",\"move\":\"%s\",\"value\":%" PRIu32,
	    name != NULL ? name : "?", ev->value);
	if (aux != NULL)
		fprintf(fp, ",\"%s\":%" PRIu32, aux, ev->aux);
}

/* ev's fields but the closing brace. */
static void
put_fields(FILE *fp, uint64_t t0, const struct event *ev)
{
	int ws = (int)ev->wstatus;
	const char *name, *aux;
	/* Before the run's clock started is its time 0: what a run held at
	   its start did while it was held. */
	uint64_t t = ev->t_ns > t0 ? ev->t_ns - t0 : 0;

	fprintf(fp, "{\"t_ns\":%" PRIu64 ",\"event\":\"%s\",\"proc\":%u,"
	    "\"thread\":%u,\"pid\":%" PRId32 ",\"tid\":%" PRId32,
	    t, state_name(ev->state), ev->proc,
	    ev->thread, ev->pid, ev->tid);
	switch (ev->state) {
	case ST_SLEEPING:
		fprintf(fp, ",\"sleep_ns\":%" PRIu64, ev->sleep_ns);
		break;
	case ST_COMPUTING:
		fprintf(fp, ",\"cpu_ns\":%" PRIu64, ev->plan_ns);
		break;
	case ST_WAITING:
		fprintf(fp, ",\"for\":\"%s\",\"object\":%u",
		    object_name(ev->what), ev->object);
		break;
	case ST_HOLDING:
		fprintf(fp, ",\"holds\":\"%s\",\"object\":%u,"
		    "\"hold_ns\":%" PRIu64 "%s", object_name(ev->what),
		    ev->object, ev->plan_ns, ev->what & OBJ_RECOVERED ?
		    ",\"recovered\":true" : "");
		break;
	case ST_DONE:
		if (ev->cpu_ns != 0)
			fprintf(fp, ",\"cpu_used_ns\":%" PRIu64, ev->cpu_ns);
		break;
	case ST_TFAILED:
		name = strerrorname_np((int)ev->err);
		fprintf(fp, ",\"error\":\"%s\"", name != NULL ? name :
		    "unknown");
		break;
	case ST_EXITED:
	case ST_KILLED:
	case ST_FAILED:
		if (ev->wstatus == -1) {
			fputs(",\"error\":\"not forked\"", fp);
		} else if (WIFSIGNALED(ws)) {
			name = sigabbrev_np(WTERMSIG(ws));
			fprintf(fp, ",\"signal\":\"SIG%s\"", name != NULL ?
			    name : "UNKNOWN");
		} else {
			fprintf(fp, ",\"status\":%d", WEXITSTATUS(ws));
		}
		if (ev->what == OBJ_SEM && ev->object > 0)
			fprintf(fp, ",\"permits_back\":%u", ev->object);
		break;
	case ST_BORN:
		fprintf(fp, ",\"parent\":%u", ev->object);
		break;
	case ST_MOVE:
		put_move(fp, ev);
		break;
	case ST_MDONE:
		if (end_figure_names(ev->what, &name, &aux))
			fprintf(fp, ",\"%s\":%" PRIu32 ",\"%s\":%" PRIu32,
			    name, ev->value, aux, ev->aux);
		break;
	case ST_GONE:
		fputs(",\"status\":null", fp);
		break;
	case ST_KSTATE:
		put_kstate(fp, ev);
		break;
	}
}

void
jsonl_event(FILE *fp, uint64_t t0, const struct event *ev)
{
	put_fields(fp, t0, ev);
	fputs("}\n", fp);
}

void
jsonl_event_named(FILE *fp, uint64_t t0, const struct event *ev,
    const char *name)
{
	put_fields(fp, t0, ev);
	if (name != NULL) {
		fputs(",\"name\":", fp);
		jsonl_string(fp, name);
	}
	fputs("}\n", fp);
}

void
jsonl_head(FILE *fp, const struct run_config *cfg, char *const command[])
{
	if (command != NULL)
		jsonl_traced_run(fp, cfg, command);
	else
		jsonl_run(fp, cfg);
}

bool
jsonl_put_head(struct outfile *f, const struct run_config *cfg,
    char *const command[])
{
	if (f->fp == NULL)
		return false;
	jsonl_head(f->fp, cfg, command);
	return outfile_failed(f);
}

bool
jsonl_put_run(struct outfile *f, const struct run_config *cfg)
{
	return jsonl_put_head(f, cfg, NULL);
}

bool
jsonl_put_named(struct outfile *f, uint64_t t0, const struct event *ev,
    const char *name)
{
	if (f->fp == NULL)
		return false;
	jsonl_event_named(f->fp, t0, ev, name);
	return outfile_failed(f);
}

bool
jsonl_put(struct outfile *f, uint64_t t0, const struct event *ev)
{
	return jsonl_put_named(f, t0, ev, NULL);
}
