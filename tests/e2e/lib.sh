# lib.sh: helpers for the end-to-end tests, sourced by each tests/e2e/*.sh.
#
# A test is a bash script run from the top of the tree with $PTVIZ set to the
# binary under test.  It exits 0 when it passes, 77 when it cannot run here
# (skipped), anything else when it fails; `fail MESSAGE` says why.
set -u

: "${PTVIZ:=build/ptviz}"
# Under a sanitizer (STAGE asan or ubsan, set by make) every fork and
# allocation costs more and ASan keeps freed memory: soaks take fewer rounds
# and skip memory bounds there; the plain stage runs them in full.
SANITIZED=false
[ "${STAGE:-plain}" = plain ] || SANITIZED=true
PTVIZ=$(cd "$(dirname "$PTVIZ")" && pwd)/$(basename "$PTVIZ")
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/ptviz-test.XXXXXX")
TMUX_SOCK="ptviz-test-$$"
_cleanup_hooks=()

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# Tests that run ptviz as the ordinary user nobody: skip where that cannot
# be done, and copy the binary where nobody may run it (the checkout may
# sit in a folder only root can enter), as $TMPD/ptviz.  AS_NOBODY is the
# command that becomes nobody.
AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
need_nobody() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to become an ordinary user"
	id nobody >/dev/null 2>&1 || skip "no user 'nobody'"
	command -v prlimit >/dev/null || skip "no prlimit"
	chmod 755 "$TMPD"
	cp "$PTVIZ" "$TMPD/ptviz" && chmod 755 "$TMPD/ptviz"
}

at_exit() {
	_cleanup_hooks+=("$1")
}

_cleanup() {
	local h
	for h in "${_cleanup_hooks[@]}"; do eval "$h"; done
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	rm -rf "$TMPD"
}
trap _cleanup EXIT

# Children (and further descendants) of pid $1, one pid a line.
descendants() {
	local kids k
	kids=$(ps -o pid= --ppid "$1" 2>/dev/null)
	for k in $kids; do
		echo "$k"
		descendants "$k"
	done
}

# Children of ptviz whose main process is gone (orphans, adopted by PID 1)
# that still run: there must never be any.  One "pid stat args" a line.
orphans() {
	ps -eo pid=,ppid=,stat=,args= |
		awk '$2 == 1 && $3 !~ /^Z/ && $4 == "ptviz:" && $5 ~ /^Process-/ { print $1, $3, $4, $5 }'
}

# A FIFO at $1 whose reader opened it and never reads, already full: not
# one more byte goes in.  The reader is killed when the test ends.
stalled_fifo() {
	rm -f "$1"
	mkfifo "$1"
	sleep 100 <"$1" >/dev/null 2>&1 &
	at_exit "kill $! 2>/dev/null"
	perl -MFcntl -e 'sysopen(my $f, $ARGV[0], O_WRONLY) or die "$!";
		fcntl($f, F_SETFL, O_NONBLOCK) or die;
		my $b = "x" x 4096; while (defined syswrite($f, $b)) {}' "$1" ||
		fail "cannot fill $1"
}

# Milliseconds since the epoch: enough to measure a span.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# Wait until command "$@" succeeds, up to $WAIT_S seconds (default 10,
# decimals allowed).
wait_until() {
	local deadline
	deadline=$(($(now_ms) + $(awk "BEGIN { print int(${WAIT_S:-10} * 1000) }")))
	while ! "$@"; do
		[ "$(now_ms)" -lt $deadline ] || return 1
		sleep 0.02
	done
}

# True if process $1 runs (exists and is not a zombie waiting for a reaper;
# here PID 1 may take its time to reap the orphans it inherits).
alive() {
	local st
	st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$st" ] && [ "$st" != Z ]
}

# True if none of the processes "$@" runs (alive).
none_alive() {
	local k
	for k in "$@"; do
		alive "$k" && return 1
	done
	return 0
}

# tmux on a private socket and a blank configuration.
tm() {
	tmux -L "$TMUX_SOCK" -f /dev/null "$@"
}

# Start a COLSxROWS session named "t" running the command "$3" (a string for
# the shell); the pane stays after the command ends so its screen can be read.
tm_start() {
	local cols=$1 rows=$2 cmd=$3
	command -v tmux >/dev/null || skip "no tmux"
	# A server just killed on this socket may still be going away: retry.
	local try
	for try in 1 2 3 4 5; do
		tm new-session -d -s t -x "$cols" -y "$rows" \
			"env TERM=tmux-256color LANG=C.UTF-8 $cmd; echo \"[exit \$?]\"; stty -a > $TMPD/stty.after; sleep 600" &&
			break
		[ $try -lt 5 ] || fail "tmux would not start"
		sleep 0.2
	done
	tm set-option -t t remain-on-exit on >/dev/null
}

# The pane's text now.
tm_screen() {
	tm capture-pane -t t -p
}

# Wait until the pane shows the extended regex $1.
tm_wait_for() {
	local re=$1
	wait_until sh -c "tmux -L '$TMUX_SOCK' -f /dev/null capture-pane -t t -p | grep -Eq -- \"\$0\"" "$re" ||
		{ tm_screen >&2; fail "the screen never showed /$re/"; }
}

# The pid of the program running in the pane (the shell's child).
tm_pane_pid() {
	tm display-message -p -t t '#{pane_pid}'
}

# The path of test program $1 of tests/tracee/ (for ptviz -- COMMAND),
# built beside $PTVIZ by the test build, or here if it was not.
tracee() {
	local bin
	bin=$(dirname "$PTVIZ")/tests/tracee/$1
	if [ ! -x "$bin" ]; then
		bin=$TMPD/$1
		[ -x "$bin" ] || cc -std=c11 -D_GNU_SOURCE -O2 -pthread -o "$bin" \
		    "tests/tracee/$1.c" || fail "cannot build tests/tracee/$1.c"
	fi
	echo "$bin"
}

# A program to attach to (--attach): tests/tracee/manythreads, 2 children
# of 3 threads asleep until its input ends (fd 3, a pipe's writing end,
# held here: `exec 3>&-` lets it end).  Sets PROG, TP (its pid) and KIDS
# (its children's), once every thread is started.
attach_target() {
	PROG=$(tracee manythreads)
	mkfifo "$TMPD/in"
	"$PROG" 6 2 - <"$TMPD/in" >"$TMPD/prog.out" &
	TP=$!
	at_exit "kill -9 $TP 2>/dev/null"
	exec 3>"$TMPD/in"
	_all_started() { grep -q '^all 6 started$' "$TMPD/prog.out"; }
	wait_until _all_started || fail "the program never started"
	KIDS=$(descendants "$TP")
}

# After ptviz let go of attach_target's program: every process still
# alive, and no task of it traced any more (TracerPid 0).
attach_target_let_go() {
	local p s
	for p in $TP $KIDS; do
		alive "$p" || fail "process $p did not outlive ptviz"
		for s in /proc/"$p"/task/*/status; do
			grep -q '^TracerPid:[[:space:]]*0$' "$s" ||
				fail "$s: still traced: $(grep TracerPid "$s")"
		done
	done
}

# ptviz's version: debian/changelog's first line holds it, for the Makefile
# and the package alike.
changelog_version() {
	awk -F'[()]' 'NR == 1 { print $2 }' debian/changelog
}

# The package under test, $DEB (made by `make package-run`), unpacked into
# $TMPD/root as dpkg would install it.
deb_unpack() {
	[ -f "${DEB:-}" ] || fail "no package in \$DEB (make package-run makes one)"
	dpkg-deb -x "$DEB" "$TMPD/root" || fail "dpkg-deb -x $DEB failed"
}
