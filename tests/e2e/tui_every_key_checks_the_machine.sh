# Every key that starts a run checks first that this machine can hold it,
# as the command line does: refused, the header says why in the command
# line's words, and the screen stays as it was -- the same counts, the same
# children, nothing forked.  Twice: an ordinary user at RLIMIT_NPROC 40,
# and root in a cgroup whose pids.max is 40.  Each time 1 x 1 runs (3
# tasks), then 37 sleeps of the same user (or cgroup) fill the limit: the
# same counts again would need 2 tasks where 1 is left (one in 32 of 40
# is kept for others).  And a replay of a recording of 1024 x 1024: R and
# r would run it live, and are refused.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

need_nobody
printf '%s\n' \
	'{"event":"run","format":"ptviz","version":2,"processes":1024,"threads":1024,"sleep_s":3.000000000,"seed":8,"work":"sleep"}' \
	'{"t_ns":0,"event":"running","proc":0,"thread":0,"pid":100,"tid":100}' \
	>"$TMPD/big.jsonl"
chmod 644 "$TMPD/big.jsonl"
CG=/sys/fs/cgroup/pids/ptviz-test-$$
HOGS=()
# The hogs and the cgroup go even if the test fails.
at_exit 'kill -9 "${HOGS[@]}" 2>/dev/null; wait 2>/dev/null
	[ ! -d "$CG" ] || { kill -9 $(cat "$CG/cgroup.procs") 2>/dev/null; sleep 0.2; rmdir "$CG"; }'

# Start ptviz "$@" in the pane as command $1 (a prefix: who, where).
start() {
	local how=$1
	shift
	tm_start 200 40 "$how $TMPD/ptviz $*"
	tm_wait_for '^ptviz — '
	MAIN=$(ps -o pid=,args= --ppid "$(tm_pane_pid)" |
		awk -v p="$TMPD/ptviz" '$2 == p { print $1 }')
	[ -n "$MAIN" ] || MAIN=$(tm_pane_pid)
}

# No note in the header (a key clears it); the replay's own status stays
# (the recording, two lines, was cut: it says so for as long as it shows).
no_note() {
	! tm_screen | sed -n 3p |
		sed 's/the recording stops at [0-9.]* s: the run was cut there//' |
		grep -q '[a-z]'
}

# Press key $1 (a tmux key name), which must be refused with a note
# matching $2, the header and the children left as they were.
refused() {
	local key=$1 re=$2 kids
	kids=$(descendants "$MAIN" | sort)
	tm send-keys -t t Left
	wait_until no_note || fail "a note stays: $(tm_screen | sed -n 3p)"
	tm send-keys -t t "$key"
	tm_wait_for "$re"
	tm_screen | grep -q "^$HEAD" ||
		fail "$key changed the header: $(tm_screen | head -n 1)"
	[ "$(descendants "$MAIN" | sort)" = "$kids" ] ||
		fail "$key started or ended processes"
}

# Every key that starts a run, refused with the words of limit $1.
every_key() {
	local lim=$1 k
	HEAD='ptviz — 1 process × 1 thread — sleep ≤ 30 s — seed 7'
	for k in r R W g m ']' '[' '+' '>'; do
		refused "$k" "[12] process(es)? × [12] threads? need [234] tasks, but this machine allows 1 more \\($lim 40, 38 in use\\)"
	done
	refused 2 "64 processes × 16 threads need 1088 tasks, but this machine allows 1 more \\($lim 40, 38 in use\\)"
	for k in 1 3 4 5 6 7 8 9 0; do
		refused "$k" "need [0-9]+ tasks, but this machine allows 1 more \\($lim 40, 38 in use\\)"
	done
}

# The run fills its row, then the hogs fill the limit: 37 sleeps, each
# started by command prefix $1.
fill() {
	local i
	WAIT_S=10 wait_until tui_row_has_cells 1 1 || fail "Process-1: $(tui_row 1)"
	for i in $(seq 37); do
		$1 sleep 600 &
		HOGS+=($!)
	done
	sleep 0.2
}

quit() {
	tm send-keys -t t q
	tm_wait_for '^\[exit [0-9]+\]$'
	tm kill-server
	kill -9 "${HOGS[@]}" 2>/dev/null
	wait "${HOGS[@]}" 2>/dev/null
	HOGS=()
	[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
}

# An ordinary user under RLIMIT_NPROC 40.
start "prlimit --nproc=40 $AS_NOBODY" -p 1 -t 1 -s 30 --seed 7
fill "$AS_NOBODY"
every_key RLIMIT_NPROC
quit
start "prlimit --nproc=40 $AS_NOBODY" --replay "$TMPD/big.jsonl"
HEAD='ptviz — replay of .* — 1024 processes × 1024 threads'
for k in R r; do
	refused $k "1024 processes × 1024 threads need 1049600 tasks, but this machine allows 38 more \\(RLIMIT_NPROC 40, 1 in use\\)"
done
quit

# Root, in a cgroup of pids.max 40 (root is exempt from RLIMIT_NPROC, not
# from its cgroup).
mkdir "$CG" 2>/dev/null && echo 40 >"$CG/pids.max" ||
	{ echo "no pids cgroup to make at $CG: the cgroup half is not run"; exit 0; }
in_cg() {
	exec sh -c "echo \$\$ >$CG/cgroup.procs && exec \"\$@\"" sh "$@"
}
start "sh -c 'echo \$\$ >$CG/cgroup.procs && exec \"\$0\" \"\$@\"'" -p 1 -t 1 -s 30 --seed 7
fill in_cg
every_key 'cgroup pids.max'
quit
start "sh -c 'echo \$\$ >$CG/cgroup.procs && exec \"\$0\" \"\$@\"'" --replay "$TMPD/big.jsonl"
HEAD='ptviz — replay of .* — 1024 processes × 1024 threads'
refused R "1024 processes × 1024 threads need 1049600 tasks, but this machine allows 38 more \\(cgroup pids.max 40, 1 in use\\)"
quit
exit 0
