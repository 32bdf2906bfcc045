/*
 * text.c: the words of an event (see text.h).
 */
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "text.h"

bool
text_line(const struct event *ev, char *buf, size_t len)
{
	if (buf == NULL)
		return ev->state == ST_DONE || ev->state == ST_PDONE ||
		    ev->state == ST_MDONE;
	switch (ev->state) {
	case ST_DONE:
		snprintf(buf, len, ">thread Thread-%u in process Process-%u "
		    "done.", ev->thread, ev->proc);
		return true;
	case ST_PDONE:
		snprintf(buf, len, "Process Process-%u done.", ev->proc);
		return true;
	case ST_MDONE:
		snprintf(buf, len, "Main process done.");
		return true;
	}
	if (len > 0)
		buf[0] = '\0';
	return false;
}

bool
text_fault(const struct event *ev, char *buf, size_t len)
{
	int ws = (int)ev->wstatus;
	const char *sig;

	if (buf == NULL)
		return ev->state == ST_TFAILED || ev->state == ST_KILLED ||
		    ev->state == ST_FAILED;
	switch (ev->state) {
	case ST_TFAILED:
		snprintf(buf, len, "Process-%u could not start Thread-%u: %s",
		    ev->proc, ev->thread, strerror((int)ev->err));
		return true;
	case ST_KILLED:
		sig = sigabbrev_np(WTERMSIG(ws));
		snprintf(buf, len, "Process-%u (pid %d) was killed by SIG%s",
		    ev->proc, ev->pid, sig != NULL ? sig : "?");
		return true;
	case ST_FAILED:
		if (ev->wstatus == -1)
			snprintf(buf, len, "Process-%u was never forked",
			    ev->proc);
		else
			snprintf(buf, len, "Process-%u (pid %d) exited with "
			    "status %d", ev->proc, ev->pid,
			    WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
		return true;
	}
	if (len > 0)
		buf[0] = '\0';
	return false;
}
