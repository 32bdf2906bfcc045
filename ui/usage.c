/*
 * usage.c: the text of --help.  The workloads' lines are made from their
 * rows (src/work.h): a name, and its help line wrapped under itself, so
 * a new workload needs nothing here; tests/golden/usage.txt holds the
 * whole text, byte for byte.
 */
#include <stdio.h>
#include <string.h>

#include "../src/work.h"
#include "usage.h"

/* The usage before the workloads' lines, and after them. */
static const char usage_head[] =
"usage: ptviz [-p N] [-t N] [-s SECONDS] [--seed N] [-w WORK [--permits N]\n"
"             [--iterations N] [--slots N]] [--step | --timed-steps]\n"
"             [--plain | --json] [--record FILE] [--trace FILE] [--svg FILE]\n"
"             [--png FILE]\n"
"       ptviz --scene N [-s SECONDS] [--step] [--plain | --json] [--record FILE]\n"
"             [--trace FILE] [--svg FILE] [--png FILE]\n"
"       ptviz --replay FILE [--plain | --json] [--record FILE] [--trace FILE]\n"
"             [--svg FILE] [--png FILE]\n"
"       ptviz --runs N [--vary-seed] [-p N] [-t N] [-s SECONDS] [--seed N]\n"
"             [-w WORK [--permits N]] --plain | --json\n"
"       ptviz [--plain | --json [--record FILE] [--trace FILE] [--svg FILE]\n"
"             [--png FILE]] [--poll] -- COMMAND [ARG...]\n"
"       ptviz [--plain | --json [--record FILE] [--trace FILE] [--svg FILE]\n"
"             [--png FILE]] --attach PID\n"
"\n"
"Run a small concurrent program -- child processes, each starting threads\n"
"that sleep a random time -- and show every process and thread as it runs.\n"
"With -- COMMAND, run and trace that program instead: every process and\n"
"thread its tree makes, born, exec'd and ended, none missed, and what the\n"
"kernel says each thread does (the screen: its output in the log pane,\n"
"on a terminal of its own; --plain: its output as it is, the lines on\n"
"stderr; --json: the records on stdout).\n"
"With --poll, watch COMMAND through /proc alone, where ptrace is not\n"
"allowed (tasks shorter than 100 ms may be missed).\n"
"With --attach PID, follow that running process, its threads and its\n"
"descendants from now on; when ptviz ends, they go on running.\n"
"\n"
"  -p, --processes N   child processes, 1 to 1024 (default 5)\n"
"  -t, --threads N     threads per process, 1 to 1024 (default 3)\n"
"  -s, --sleep SECS    longest random sleep in seconds, 0 to 3600,\n"
"                      up to 9 decimals (default 3)\n"
"      --seed N        seed for the sleep durations, 0 to 2^64-1\n"
"                      (default: a random one, shown)\n"
"  -w, --work WORK     what each thread does (default sleep):\n";
static const char usage_tail[] =
"      --permits N     the semaphore's permits, 1 to 1024 (default 2)\n"
"      --iterations N  race, race-locked: the updates each thread makes;\n"
"                      queue: the items each producer puts; 1 to 1000000\n"
"                      (default 5)\n"
"      --slots N       the queue's slots, 1 to 1024 (default 3)\n"
"      --scene N       start with ready scene N (its counts, workload,\n"
"                      sleep and seed, and a caption); keys 1-9 load them;\n"
"                      -s slows it down or speeds it up\n"
"      --scenes        list the scenes and exit\n"
"      --step          start in step mode (the screen only): each thread\n"
"                      stops before each move until a key lets it make\n"
"                      one (S, Enter, the digits); its sleeps take no time\n"
"      --timed-steps   the same, but each sleep takes its planned time\n"
"      --plain         print the reference lines instead of the screen;\n"
"                      the default when stdout is not a terminal\n"
"      --json          print every event as one JSON object per line\n"
"                      (a recording, as --record writes)\n"
"      --record FILE   write the run to FILE as it happens (JSON lines)\n"
"      --replay FILE   show a recording instead of running (- reads\n"
"                      standard input); r or R on the screen runs it live\n"
"      --trace FILE    write the run in the Chrome Trace Event format,\n"
"                      for Perfetto, chrome://tracing or speedscope;\n"
"                      --replay F --trace T alone converts, showing nothing\n"
"      --svg FILE      draw the run's timeline as a picture when it ends:\n"
"      --png FILE      a row a thread, each phase in its colour, ranks,\n"
"                      the time axis, a legend (PNG: 1920 pixels wide);\n"
"                      --replay F --svg S alone converts; d on the screen\n"
"                      draws the moment shown\n"
"      --runs N        run it N times, 1 to 10000, one after another, and\n"
"                      show how often each process finished 1st, 2nd, ...,\n"
"                      the finishing orders and the wall times against\n"
"                      the plan; --plain: a table at the end, --json: a\n"
"                      record a run and one at the end (no events)\n"
"      --vary-seed     with --runs: run k takes the seed plus k-1 (the\n"
"                      default: every run the same seed, only the\n"
"                      scheduler differs)\n"
"      --ring-slots N  slots in each process's event ring, a power of two\n"
"                      from 2 to 1048576 (for testing; default: enough)\n"
"      --poll          with -- COMMAND: run it untraced and watch its tree\n"
"                      through /proc alone (where ptrace is not allowed)\n"
"      --attach PID    follow that running process and its descendants\n"
"                      from now on; they run on when ptviz ends\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show the version and exit\n"
"\n"
"Counts this machine cannot hold now (pid_max, threads-max, RLIMIT_NPROC,\n"
"memory) are refused before anything starts; so, on the screen, which\n"
"keeps every event, is a run whose events would fill half the memory.\n"
"\n"
"Exit status: 0 when every process finished, 1 when one was killed or\n"
"failed (on the screen: in the run shown when quitting), a deadlock was\n"
"found (--plain, --json: its processes are killed) or ptviz failed,\n"
"2 for a bad command line, counts the machine cannot hold or a bad\n"
"recording, 128+N when ended by signal N; with -- COMMAND, COMMAND's\n"
"own (128+N if signal N killed it), 2 if it cannot be run or traced\n"
"(or PID attached to).\n"
"See ptviz(1) for the keys of the screen.\n";

/* A workload's help starts after its name, USAGE_INDENT columns in, and
   wraps before USAGE_WRAP, as the lines around it do. */
#define USAGE_INDENT	24
#define USAGE_WRAP	72

/* Workload w's lines of the usage: its name in a column name_w wide, then
   its help line (with the fewest threads, if more than one) wrapped under
   itself. */
static void
usage_work(FILE *fp, enum work w, int name_w)
{
	char help[256];
	const char *word;
	int at = USAGE_INDENT + name_w + 2, col = at, n;

	if (work_min_threads(w) > 1)
		snprintf(help, sizeof(help), "%s (%u threads or more)",
		    work_about(w), work_min_threads(w));
	else
		snprintf(help, sizeof(help), "%s", work_about(w));
	fprintf(fp, "%*s%-*s  ", USAGE_INDENT, "", name_w, work_name(w));
	for (word = help; *word != '\0'; word += n + strspn(word + n, " ")) {
		n = (int)strcspn(word, " ");
		if (col > at && col + 1 + n > USAGE_WRAP) {
			fprintf(fp, "\n%*s", at, "");
			col = at;
		} else if (col > at) {
			fputc(' ', fp);
			col++;
		}
		fprintf(fp, "%.*s", n, word);
		col += n;
	}
	fputc('\n', fp);
}

void
usage_print(FILE *fp)
{
	int w, name_w = 0;

	for (w = 0; w < WORK_COUNT; w++)
		if ((int)strlen(work_name((enum work)w)) > name_w)
			name_w = (int)strlen(work_name((enum work)w));
	fputs(usage_head, fp);
	for (w = 0; w < WORK_COUNT; w++)
		usage_work(fp, (enum work)w, name_w);
	fputs(usage_tail, fp);
}
