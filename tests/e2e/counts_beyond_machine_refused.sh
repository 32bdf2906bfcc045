# Counts this machine cannot hold are refused up front: one line on stderr
# naming the limit and its numbers, nothing on stdout, exit 2 at once, and
# no process started (strace sees no fork) -- in --plain, --json and when
# the screen would have been chosen.  An ordinary user under a low
# RLIMIT_NPROC is refused by that limit; a run that fits still runs.
. tests/e2e/lib.sh

LIMIT_RE='(kernel\.pid_max [0-9]+, [0-9]+ in use|kernel\.threads-max [0-9]+, [0-9]+ in use|MemAvailable [0-9]+ MiB, 32 KiB a task and 96 KiB more a process)'
BIG_RE="^ptviz: 1024 processes × 1024 threads need 1049600 tasks, but this machine allows [0-9]+ more \\($LIMIT_RE\\)\$"

# Run ptviz "$@" (or a command that execs it) with stdout and stderr in
# $TMPD, under strace when there is one; set rc and ms (wall time).
traced() {
	local t0
	t0=$(now_ms)
	if command -v strace >/dev/null; then
		# LeakSanitizer cannot run under ptrace (and would clone to try).
		ASAN_OPTIONS=detect_leaks=0 strace -f -qq \
			-e trace=fork,vfork,clone,clone3 -o "$TMPD/trace" \
			"$@" >"$TMPD/out" 2>"$TMPD/err"
		rc=$?
	else
		: >"$TMPD/trace"
		"$@" >"$TMPD/out" 2>"$TMPD/err"
		rc=$?
	fi
	ms=$(($(now_ms) - t0))
}

# The last run was refused with one line matching $1, and started nothing.
refused() {
	local what=$1 re=$2
	[ $rc -eq 2 ] || fail "$what: exit $rc: $(cat "$TMPD/err")"
	[ ! -s "$TMPD/out" ] || fail "$what: wrote to stdout: $(head -c 300 "$TMPD/out")"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "$what: not one line: $(cat "$TMPD/err")"
	grep -Eq -- "$re" "$TMPD/err" || fail "$what: $(cat "$TMPD/err")"
	! grep -qE 'clone|fork' "$TMPD/trace" || fail "$what started a process: $(head -n 3 "$TMPD/trace")"
	[ $ms -lt 5000 ] || fail "$what took $ms ms"
	[ -z "$(orphans)" ] || fail "$what left behind: $(orphans)"
}

traced "$PTVIZ" --plain -p 1024 -t 1024
refused "--plain -p 1024 -t 1024" "$BIG_RE"
traced "$PTVIZ" --json -p 1024 -t 1024 -s 0
refused "--json -p 1024 -t 1024" "$BIG_RE"
# No --plain: stdout is not a terminal, the plain lines would be chosen.
traced "$PTVIZ" -p 1024 -t 1024 --seed 1
refused "-p 1024 -t 1024" "$BIG_RE"

# Without strace, too: at once, and no child ever shows.  (LeakSanitizer
# would clone one of its own at exit.)
t0=$(now_ms)
ASAN_OPTIONS=detect_leaks=0 "$PTVIZ" --plain -p 1024 -t 1024 >"$TMPD/out" 2>"$TMPD/err" &
pid=$!
while alive $pid; do
	[ -z "$(ps -o pid= --ppid $pid)" ] || fail "a child was forked"
	sleep 0.01
done
wait $pid
rc=$?
[ $rc -eq 2 ] || fail "exit $rc"
[ $(($(now_ms) - t0)) -lt 2000 ] || fail "it took $(($(now_ms) - t0)) ms to refuse"

# RLIMIT_NPROC binds an ordinary user (root is exempt from it).
need_nobody
traced prlimit --nproc=30 $AS_NOBODY "$TMPD/ptviz" --plain -p 1 -t 60 -s 0 --seed 3
refused "nobody, RLIMIT_NPROC 30, -p 1 -t 60" \
	'^ptviz: 1 process × 60 threads need 61 tasks, but this machine allows [0-9]+ more \(RLIMIT_NPROC 30, [0-9]+ in use\)$'
# What fits still runs.
prlimit --nproc=30 $AS_NOBODY "$TMPD/ptviz" --plain -p 2 -t 3 -s 0 --seed 3 >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 0 ] || fail "nobody, -p 2 -t 3: exit $rc: $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "-p 2 -t 3 did not run"
exit 0
