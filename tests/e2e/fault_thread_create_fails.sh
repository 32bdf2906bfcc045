# pthread_create and fork failing part way, told in a few lines: one line
# per process that could not start all its threads (at most 3, then one
# line counting the rest), the fork failure and the processes never forked
# as one range; the threads that did start finish, exit 1, no hang, nothing
# left behind.
#
# The counts are refused up front when a limit ptviz reads cannot hold
# them (counts_beyond_machine_refused, tui_every_key_checks_the_machine),
# so the failures are made with one it cannot read: a cgroup v1 pids
# controller's pids.max, which fails fork and clone with EAGAIN, while
# ptviz runs in a mount namespace of its own where the controller is not
# mounted -- as in a container that does not show its cgroups.
. tests/e2e/lib.sh

[ "$(id -u)" -eq 0 ] || skip "needs root to make a cgroup"
PIDS_ROOT=/sys/fs/cgroup/pids
[ -w "$PIDS_ROOT" ] || skip "no writable cgroup v1 pids controller"
CG=$PIDS_ROOT/ptviz-test-$$
mkdir "$CG" 2>/dev/null || skip "cannot make a pids cgroup in $PIDS_ROOT"
# Whatever is left in it is killed (the test fails on orphans first).
at_exit "kill -9 \$(cat '$CG/cgroup.procs' 2>/dev/null) 2>/dev/null; for i in 1 2 3 4 5; do rmdir '$CG' 2>/dev/null && break; sleep 0.2; done"
echo 1 >"$CG/pids.max" 2>/dev/null || skip "cannot set pids.max"

command -v unshare >/dev/null || skip "no unshare"
unshare -m true 2>/dev/null || skip "cannot make a mount namespace"

# Run ptviz "$@" in the cgroup with pids.max $1 (a subshell moves itself in,
# hides the controller in a mount namespace of its own, then becomes
# ptviz); stdout and stderr to $TMPD/out and $TMPD/err.
in_cgroup() {
	echo "$1" >"$CG/pids.max" || fail "cannot set pids.max $1"
	shift
	timeout 30 bash -c 'echo $BASHPID >"$0/cgroup.procs" &&
	    exec unshare -m sh -c "umount -l $1 && shift && exec \"\$@\"" sh "$@"' \
		"$CG" "$PIDS_ROOT" "$PTVIZ" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
}

# True once no process is in the cgroup.
cgroup_empty() {
	[ -z "$(cat "$CG/cgroup.procs")" ]
}

# The run left nothing: no orphan, nothing in the cgroup.
nothing_left() {
	[ -z "$(orphans)" ] || fail "$1: left behind: $(orphans)"
	WAIT_S=5 wait_until cgroup_empty ||
		fail "$1: left in the cgroup: $(cat "$CG/cgroup.procs")"
}

# One child of 60 threads in 30 pids: the main process and the child leave
# room for 28; one line tells it, not one per thread.
in_cgroup 30 --plain -p 1 -t 60 -s 0.2 --seed 3
[ $rc -eq 1 ] || fail "threads: exit $rc: $(cat "$TMPD/err")"
line=$(grep -E '^ptviz: Process-1 started [0-9]+ of 60 threads: Resource temporarily unavailable$' "$TMPD/err")
[ -n "$line" ] || fail "the failed threads are not told: $(cat "$TMPD/err")"
started=$(sed 's/.* started \([0-9]*\) of .*/\1/' <<<"$line")
done_=$(grep -c '^>thread ' "$TMPD/out")
[ "$done_" -gt 0 ] && [ "$started" -lt 60 ] || fail "$started of 60 started"
[ "$done_" -eq "$started" ] || fail "$done_ threads done but $started started"
[ $((done_ + 60 - started)) -eq 60 ] || fail "done + failed is not 60"
! grep -q 'could not start Thread-\|exited with status' "$TMPD/err" ||
	fail "told thread by thread: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/err")" -le 2 ] || fail "more than the seed and one line: $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "no main line"
nothing_left threads

# Six processes of one thread in 5 pids: fork fails part way; the processes
# never forked are one range, the others finish or are told.
in_cgroup 5 --plain -p 6 -t 1 -s 0.1 --seed 3
[ $rc -eq 1 ] || fail "fork: exit $rc: $(cat "$TMPD/err")"
grep -q '^ptviz: fork: Resource temporarily unavailable$' "$TMPD/err" ||
	fail "fork failure not told: $(cat "$TMPD/err")"
grep -Eq '^ptviz: Process-[2-5] to Process-6 were never forked$' "$TMPD/err" ||
	fail "the processes never forked are not one range: $(cat "$TMPD/err")"
[ "$(grep -c 'never forked' "$TMPD/err")" -eq 1 ] || fail "never forked, told twice"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "fork: no main line"
nothing_left fork

# Forty processes of 20 threads in 60 pids: most fail, some never fork;
# stderr stays short, and every forked process is done or counted.
in_cgroup 60 --plain -p 40 -t 20 -s 0.2 --seed 3
[ $rc -eq 1 ] || fail "many: exit $rc: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/err")" -le 10 ] || fail "many: $(wc -l <"$TMPD/err") lines: $(cat "$TMPD/err")"
told=$(grep -cE '^ptviz: Process-[0-9]+ started [0-9]+ of 20 threads: ' "$TMPD/err")
[ "$told" -le 3 ] || fail "many: $told processes told in full"
rest=$(sed -nE 's/^ptviz: \.\.\. and ([0-9]+) more process(es)? could not start all (its|their) threads$/\1/p' "$TMPD/err")
never=0
range=$(sed -n 's/^ptviz: Process-\([0-9]*\) to Process-40 were never forked$/\1/p' "$TMPD/err")
[ -z "$range" ] || never=$((40 - range + 1))
grep -q '^ptviz: Process-40 was never forked$' "$TMPD/err" && never=1
pdone=$(grep -c '^Process Process-[0-9]* done\.$' "$TMPD/out")
[ $((pdone + told + ${rest:-0} + never)) -eq 40 ] ||
	fail "many: $pdone done + $told told + ${rest:-0} counted + $never never forked is not 40: $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "many: no main line"
nothing_left many
exit 0
