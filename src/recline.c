/*
 * recline.c: one line of a recording, read into what it says (see
 * recline.h).
 */
#include <errno.h>
#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quickline.h"
#include "recfields.h"
#include "recline.h"

/* A UTF-8 byte-order mark, which some editors put first. */
#define BOM		"\xef\xbb\xbf"

int
recline_init(struct recline *rl, bool slow)
{
	*rl = (struct recline){ .slow = slow };
	if ((rl->tok = json_tokener_new()) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	json_tokener_set_flags(rl->tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
	return 0;
}

void
recline_free(struct recline *rl)
{
	if (rl->tok != NULL)
		json_tokener_free(rl->tok);
	rl->tok = NULL;
	free(rl->command);
	rl->command = NULL;
}

/* Refuse line `line`, saying why; RECLINE_BAD. */
static enum recline_got __attribute__((format(printf, 3, 4)))
bad(struct recline *rl, unsigned line, const char *fmt, ...)
{
	va_list ap;

	rl->line = line;
	va_start(ap, fmt);
	vsnprintf(rl->why, sizeof(rl->why), fmt, ap);
	va_end(ap);
	return RECLINE_BAD;
}

/* Only spaces, tabs or a carriage return? */
static bool
blank(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	return len == 0;
}

/* json-c could not read the line (error e): say why; a last line cut
   short, once the run record was read, is skipped instead. */
static enum recline_got
not_json(struct recline *rl, unsigned line, enum json_tokener_error e,
    bool cut, bool started)
{
	if (cut && started)
		return RECLINE_CUT;
	if (e == json_tokener_continue)
		return bad(rl, line, cut ? "cut short before the end of its "
		    "JSON" : "not JSON: it ends before its JSON does");
	if (e == json_tokener_success)
		return bad(rl, line, "not JSON: more follows the JSON value");
	return bad(rl, line, "not JSON: %s at byte %zu",
	    json_tokener_error_desc(e),
	    json_tokener_get_parse_end(rl->tok) + 1);
}

/* Is this the run record of a run? */
static bool
is_run(json_object *o)
{
	json_object *v;

	return json_object_object_get_ex(o, "event", &v) &&
	    json_object_is_type(v, json_type_string) &&
	    strcmp(json_object_get_string(v), "run") == 0;
}

/* The parsed line o, s[0..len), read as the run record or as an event. */
static enum recline_got
take_record(struct recline *rl, json_object *o, const char *s, size_t len,
    unsigned line, const struct run_config *cfg, uint64_t t0)
{
	bool named;
	int rc;

	rl->line = line;
	if (!json_object_is_type(o, json_type_object))
		return bad(rl, line, "not a JSON object");
	if (cfg == NULL) {
		free(rl->command);
		rc = recfields_run(o, s, len, &rl->cfg, &rl->command, rl->why,
		    sizeof(rl->why));
		rl->traced = rl->command != NULL;
		return rc == -1 ? RECLINE_BAD : RECLINE_RUN;
	}
	if (is_run(o))
		return bad(rl, line, "a second run starts here; a recording "
		    "holds one run");
	if (!rl->traced)
		return recfields_event(o, cfg, t0, &rl->ev, rl->why,
		    sizeof(rl->why)) == -1 ? RECLINE_BAD : RECLINE_EVENT;
	if (recfields_traced(o, t0, &rl->ev, rl->namebuf, &named, rl->why,
	    sizeof(rl->why)) == -1)
		return RECLINE_BAD;
	rl->name = named ? rl->namebuf : NULL;
	return RECLINE_EVENT;
}

enum recline_got
recline_take(struct recline *rl, const char *s, size_t len, unsigned line,
    bool cut, const struct run_config *cfg, uint64_t t0)
{
	enum recline_got got;
	enum json_tokener_error e;
	json_object *o;

	if (line == 1 && len >= 3 && memcmp(s, BOM, 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (blank(s, len)) {
		if (rl->blank == 0)
			rl->blank = line;
		return RECLINE_NONE;
	}
	if (rl->blank != 0)
		return bad(rl, rl->blank, "the line is blank, and lines "
		    "follow it");
	rl->name = NULL;
	/* The lines ptviz writes, read without json-c: the same events. */
	if (cfg != NULL && !rl->slow && !rl->traced && quickline_event(s,
	    len, cfg, t0, &rl->ev))
		return RECLINE_EVENT;
	json_tokener_reset(rl->tok);
	o = json_tokener_parse_ex(rl->tok, s, (int)len);
	e = json_tokener_get_error(rl->tok);
	if (o == NULL || e != json_tokener_success ||
	    json_tokener_get_parse_end(rl->tok) != len) {
		json_object_put(o);
		return not_json(rl, line, e, cut, cfg != NULL);
	}
	got = take_record(rl, o, s, len, line, cfg, t0);
	json_object_put(o);
	return got;
}
