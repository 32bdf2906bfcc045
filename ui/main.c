/*
 * main.c: ptviz's entry: read the command line, pick a front end, run it.
 *
 * Bad input ends here with one line on stderr and exit status 2, before any
 * signal is blocked or any process forked; so do counts this machine cannot
 * hold now (src/limits.h), which would otherwise take every pid it has
 * while the run fails thread by thread, a recording to replay that is bad
 * (its run record, and for the line front ends a regular file whole:
 * src/recording.h), a --record or --trace file that cannot be written, and
 * an output that is the input or another output (one file through any
 * path, link or symlink: distinct()), which would overwrite it.  A
 * recording the screen shows, or one on a pipe, is read as it comes: a bad
 * line there ends the front end with the same line and 2.  The screen is
 * the default when
 * both stdin and stdout are a terminal; if that terminal cannot show it,
 * ptviz says so in one line and prints the plain lines instead.  When
 * stdout is not a terminal (a pipe, a file) plain lines are simply what
 * was asked for, and nothing is said.  --runs N prints lines only: with
 * neither --plain nor --json on a terminal it is refused, not guessed.
 *
 * Before anything else, descriptors 0-2 are made sure of and the signals
 * ignored at start are noted (signals.c): a hostile start-up -- stdio
 * closed, SIGCHLD or SIGHUP ignored -- must not hang or surprise a run.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/duration.h"
#include "../src/event.h"
#include "../src/limits.h"
#include "../src/outfile.h"
#include "../src/recording.h"
#include "../src/scene.h"
#include "../src/spawn.h"
#include "../src/text.h"
#include "../src/taskinfo.h"
#include "../src/tracer_fork.h"
#include "../src/work.h"
#include "lines/json.h"
#include "lines/plain.h"
#include "lines/runs.h"
#include "lines/stream.h"
#include "options.h"
#include "screen/loop/tui.h"
#include "signals.h"
#include "usage.h"

extern char **environ;

/*
 * Make sure descriptors 0, 1 and 2 are open before any other is made: one
 * made in a gap (the doorbell as 2, say) would be taken for stdio, here or
 * in a child.  A gap is filled with /dev/null; the mask says which were
 * closed (bit fd), or -1 if the gap could not be filled.
 */
static int
open_stdio(void)
{
	int fd, closed = 0;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lowest free descriptor: fd itself. */
		if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			return -1;
		closed |= 1 << fd;
	}
	return closed;
}

/* The scenes, one a paragraph: key, title, run, caption, step of the
   guide. */
static void
scenes_list(FILE *fp)
{
	const struct scene *sc;
	struct run_config c;
	char secs[32];
	unsigned n;

	for (n = 1; n <= scene_count(); n++) {
		sc = scene_get(n);
		scene_config(n, &c);
		fprintf(fp, "%s%u  %s\n   ptviz --scene %u: -p %u -t %u -s %s "
		    "--seed %llu -w %s", n > 1 ? "\n" : "", n, sc->title, n,
		    c.nproc, c.nthread, text_secs((double)c.sleep_ns, 9, true,
		    secs, sizeof(secs)), (unsigned long long)c.seed,
		    work_name(c.work));
		if (work_flags(c.work) & WORK_PERMITS)
			fprintf(fp, " --permits %u", c.permits);
		if (work_flags(c.work) & WORK_ITERATIONS)
			fprintf(fp, " --iterations %u", c.iterations);
		if (work_flags(c.work) & WORK_SLOTS)
			fprintf(fp, " --slots %u", c.slots);
		if (c.steps != 0)
			fprintf(fp, " --step");
		fprintf(fp, "\n   %s\n   %s\n", sc->watch, sc->ask);
		if (sc->guide_step != 0)
			fprintf(fp, "   guide: step %u in %s\n", sc->guide_step,
			    SCENE_GUIDE);
	}
	fprintf(fp, "\nOn the screen, keys 1 to 9 load them, and 0 the "
	    "tenth; --scene N any of them.\nA lesson that plays them in "
	    "steps: %s.\n", SCENE_GUIDE);
}

/* Print the help or the version on stdout; 0, or 1 with a line on stderr
   if it could not be written. */
static int
print_info(const struct options *o, bool stdout_closed)
{
	if (stdout_closed) {
		errno = EBADF;
	} else {
		errno = 0;
		if (o->help)
			usage_print(stdout);
		else if (o->scenes)
			scenes_list(stdout);
		else
			puts(options_version());
		/* A write that failed in stdio's buffer sets the error
		   flag (and errno) alone: a flush with nothing left to write
		   succeeds. */
		if (fflush(stdout) == 0 && !ferror(stdout))
			return 0;
		if (errno == 0)
			errno = EIO;
	}
	fprintf(stderr, "ptviz: stdout: %s\n", strerror(errno));
	return 1;
}

static bool	on_screen(const struct options *o);

/* Refuse, in one line on stderr, counts this machine cannot hold now --
   nor, on the screen, which keeps every event, the memory for them. */
static bool
too_many(const struct options *o)
{
	char why[256];

	if (limits_run_fits(o->run.nproc, o->run.nthread, why, sizeof(why)) &&
	    (!on_screen(o) || limits_events_fit(work_run_events(o->run.work,
	    o->run.nproc, o->run.nthread, o->run.iterations), why,
	    sizeof(why))))
		return false;
	fprintf(stderr, "ptviz: %s\n", why);
	return true;
}

/* A file ptviz reads or writes, as the command line names it. */
struct named_file {
	const char	*opt;		/* "--record", ..., "stdout" */
	const char	*arg;		/* its argument, or "" */
	const char	*path;		/* NULL: the descriptor fd */
	int		 fd;		/* -1 (and path NULL): not given */
};

/* Are a and b one file? */
static bool
one_file(const struct named_file *a, const struct named_file *b)
{
	struct outfile_id ia, ib;

	if ((a->path == NULL && a->fd == -1) ||
	    (b->path == NULL && b->fd == -1))
		return false;
	outfile_id(&ia, a->path, a->fd);
	outfile_id(&ib, b->path, b->fd);
	return outfile_same(&ia, &ib);
}

/*
 * Refuse, in one line on stderr, an output that is the input or another
 * output -- the same path, or one file through another path, a hard link
 * or a symlink: one would overwrite the other.  Nothing is made yet.
 * Stdout is an output unless the recording is only converted; it is
 * never the recording replayed (the shell emptied that one already).
 */
static bool
distinct(const struct options *o)
{
	bool in = o->replay != NULL && strcmp(o->replay, "-") == 0;
	bool convert = options_converts(o);
	const struct named_file f[] = {
		{ "--replay", o->replay != NULL ? o->replay : "",
		    in ? NULL : o->replay, in ? STDIN_FILENO : -1 },
		{ "--record", o->record != NULL ? o->record : "", o->record,
		    -1 },
		{ "--trace", o->trace != NULL ? o->trace : "", o->trace, -1 },
		{ "--svg", o->svg != NULL ? o->svg : "", o->svg, -1 },
		{ "--png", o->png != NULL ? o->png : "", o->png, -1 },
		{ "stdout", "", NULL, STDOUT_FILENO },	/* last */
	};
	size_t i, j, n = sizeof(f) / sizeof(f[0]);

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			if ((convert && j == n - 1 && i > 0) ||
			    !one_file(&f[i], &f[j]))
				continue;
			fprintf(stderr, "ptviz: %s%s%s and %s%s%s are one "
			    "file: one would overwrite the other\n", f[i].opt,
			    *f[i].arg != '\0' ? " " : "", f[i].arg, f[j].opt,
			    *f[j].arg != '\0' ? " " : "", f[j].arg);
			return false;
		}
	return true;
}

/* Can the files of --record, --trace, --svg and --png be written?  Opened
   now, so that a bad one is refused before the run, not found after it;
   not truncated (a file made here is removed again) until the others were
   found good. */
static bool
writable(const struct options *o)
{
	const char *opt[4] = { "--record", "--trace", "--svg", "--png" };
	const char *path[4] = { o->record, o->trace, o->svg, o->png };
	bool made[4] = { false, false, false, false };
	int i, fd, saved;

	for (i = 0; i < 4; i++) {
		if (path[i] == NULL)
			continue;
		fd = open(path[i], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
		    O_NONBLOCK, 0666);
		made[i] = fd != -1;
		if (fd == -1 && errno == EEXIST)
			fd = open(path[i], O_WRONLY | O_CLOEXEC | O_NONBLOCK);
		if (fd != -1) {
			close(fd);
			continue;
		}
		saved = errno;
		fprintf(stderr, "ptviz: %s %s: %s\n", opt[i], path[i],
		    outfile_open_strerror(path[i], saved));
		while (i-- > 0)
			if (made[i])
				unlink(path[i]);
		return false;
	}
	return true;
}

/* Can the screen read keys?  From stdin's terminal, or from the
   controlling terminal when a recording comes in on stdin. */
static bool
keyboard(const struct options *o)
{
	int fd;

	if (isatty(STDIN_FILENO))
		return true;
	if (o->replay == NULL || strcmp(o->replay, "-") != 0 ||
	    (fd = open("/dev/tty", O_RDONLY | O_CLOEXEC)) == -1)
		return false;
	close(fd);
	return true;
}

/* Would the front end be the screen: no --plain or --json, keys to read
   and a terminal to draw on? */
static bool
on_screen(const struct options *o)
{
	return o->mode == MODE_AUTO && keyboard(o) && isatty(STDOUT_FILENO);
}

/* A recording read to its end but cut short: say so on stderr (the screen
   said it in its header too). */
static void
replay_warn(const struct recording *r)
{
	char w[RECORDING_WARNINGS][160];
	unsigned i, n = recording_warnings(r, w);

	for (i = 0; i < n; i++)
		fprintf(stderr, "ptviz: %s: %s\n", recording_get(r)->name,
		    w[i]);
}

/*
 * Open the recording to replay, its run record read into o->run.  For the
 * line front ends a regular file is read and checked whole first, so that
 * a bad one is refused before a line is printed or a file made; the
 * screen shows it as it loads, and a pipe or standard input is read once.
 */
static struct recording *
replay_open(struct options *o, char *why, size_t whylen)
{
	struct recording *r = recording_open(o->replay, &o->run, why, whylen);
	const struct recording_info *ri;
	bool screen = on_screen(o) && !options_converts(o);

	if (r == NULL || screen || strcmp(o->replay, "-") == 0 ||
	    recording_get(r)->size == 0)
		return r;
	while (!(ri = recording_get(r))->ended && !ri->failed)
		recording_pump(r, NULL, NULL, SIZE_MAX);
	if (ri->failed) {
		snprintf(why, whylen, "%s", ri->error);
		recording_close(r);
		return NULL;
	}
	recording_close(r);
	return recording_open(o->replay, &o->run, why, whylen);
}

/* Refuse, in one line on stderr, a COMMAND that cannot be run or traced
   (tracer_fork.h), a process to attach to that is not there, or a traced
   run to be written from the screen, not built yet.  --attach's command
   line is read here for the run record. */
static bool
command_refused(struct options *o)
{
	char path[4096], why[512];

	if (o->attach != 0) {
		if ((o->attached_argv = taskinfo_cmdline(o->attach)) != NULL)
			return false;
		fprintf(stderr, "ptviz: cannot attach to %d: no such process\n",
		    o->attach);
		return true;
	}
	if (tracer_path(o->command[0], path, sizeof(path), why, sizeof(why)))
		return false;
	fprintf(stderr, "ptviz: %s\n", why);
	return true;
}

/*
 * Every refusal before anything starts: --runs where the screen would be,
 * a closed stdout, one file named twice, a bad recording (opened here
 * into *replay), counts the machine cannot hold, a file that cannot be
 * written, a COMMAND that cannot be run or traced.  0 to go on, else the exit status, told on stderr.
 */
static int
refuse_early(struct options *o, int closed, struct recording **replay)
{
	char why[256];

	/* Many runs are counted in lines; the screen does not show them. */
	if (o->runs > 0 && on_screen(o)) {
		fprintf(stderr, "ptviz: use --plain or --json with --runs (the "
		    "screen's view of many runs comes later)\n");
		return 2;
	}
	/* Step mode is the room's, at the keys; a scene's runs freely in
	   lines. */
	if (o->run.steps != 0 && !on_screen(o) && o->step_given != NULL) {
		fprintf(stderr, "ptviz: %s needs the screen: %s (the room "
		    "steps the threads there)\n", o->step_given,
		    keyboard(o) ? "stdout is not a terminal" :
		    "stdin is not a terminal");
		return 2;
	}
	if (!on_screen(o))
		o->run.steps = 0;
	/* Lines for a stdout that is not there would be lost unseen. */
	if (closed & 2) {
		fprintf(stderr, "ptviz: stdout: %s\n", strerror(EBADF));
		return 1;
	}
	if (!distinct(o))
		return 2;
	if (o->replay != NULL) {
		if ((*replay = replay_open(o, why, sizeof(why))) == NULL) {
			fprintf(stderr, "ptviz: %s\n", why);
			return 2;
		}
		o->seed_given = true;
		/* A traced program's run replays as it ran: its command. */
		o->command = recording_command(*replay);
	} else if (o->command != NULL || o->attach != 0) {
		if (command_refused(o))
			return 2;
	} else if (too_many(o)) {
		return 2;
	}
	/* After the recording was opened: it may be the file written. */
	if (!writable(o)) {
		recording_close(*replay);
		*replay = NULL;
		return 2;
	}
	return 0;
}

/* Run the front end o asks for, on replay if not NULL; its exit status. */
static int
front_end(const struct options *o, struct recording *replay)
{
	bool screen = on_screen(o);
	struct options lines;
	char why[256];
	int status;

	if (o->runs > 0)
		return stream_runs(o, o->mode == MODE_JSON ? &json_runs :
		    &plain_runs);
	/* Converted, showing nothing: the run's faults and exit status as
	   --plain has them. */
	if (replay != NULL && options_converts(o))
		return stream_main(o, &silent_printer, replay);
	if (o->mode == MODE_JSON)
		return stream_main(o, &json_printer, replay);
	if (screen && (status = tui_main(o, replay, why, sizeof(why))) != -1)
		return status;
	if (!screen)
		return stream_main(o, &plain_printer, replay);
	fprintf(stderr, "ptviz: %s; printing plain lines instead\n", why);
	/* Nobody at the keys: the threads go freely. */
	lines = *o;
	lines.run.steps = 0;
	return stream_main(&lines, &plain_printer, replay);
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct recording *replay = NULL;
	char why[256];
	int status, closed;

	if ((closed = open_stdio()) == -1)
		return 1;	/* no stderr to say it on */
	if (signals_init() == -1)
		err(1, "signals");
	setlocale(LC_ALL, "");
	if (options_parse(&o, argc, argv, why, sizeof(why)) == -1) {
		fprintf(stderr, "ptviz: %s\n", why);
		return 2;
	}
	if (o.help || o.version || o.scenes)
		return print_info(&o, closed & 2);
	if ((status = refuse_early(&o, closed, &replay)) != 0) {
		free(o.attached_argv);
		return status;
	}
	if (!o.seed_given)
		o.run.seed = duration_random_seed();
	/* Children set their titles; this must come first. */
	setproctitle_init(argc, argv, environ);
	if (run_block_signals() == -1 || signals_block(false) == -1)
		err(1, "sigprocmask");
	status = front_end(&o, replay);
	if (replay != NULL)
		replay_warn(replay);
	recording_close(replay);
	free(o.attached_argv);
	return status;
}
