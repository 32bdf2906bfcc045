# ptviz --json -- a fork bomb, in a cgroup of 150 pids with ptviz itself:
# once the bomb's forks fail (its business), ptviz still tells every
# process that is there, each numbered, and SIGTERM or SIGINT ends ptviz
# (128+N) and every process of the bomb within ten seconds, the cgroup
# left empty.
# As root, RLIMIT_NPROC would not hold the bomb: a pids cgroup does, or
# the test is skipped.  Bounded: 150 pids, a minute at most.
. tests/e2e/lib.sh

bomb=$(tracee forkbomb)
cg=/sys/fs/cgroup/pids/ptviz-bomb-$$
[ -d /sys/fs/cgroup/pids ] && mkdir "$cg" 2>/dev/null ||
	skip "cannot make a pids cgroup here (cgroup v1's pids controller)"
at_exit "for p in \$(cat $cg/cgroup.procs 2>/dev/null); do kill -9 \$p; done; sleep 0.5; rmdir $cg"
echo 150 >"$cg/pids.max" || fail "cannot set pids.max"
records() {
	/usr/bin/python3 - "$TMPD/out" <<'PY' 2>&1 || fail "$sig: records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
born = [e["proc"] for e in ev if e["event"] == "born" and e["thread"] == 0]
assert born == list(range(1, len(born) + 1)) and len(born) > 100, born
PY
}
# The pids of a round are released a moment after its processes are
# reaped: the next round starts from none.
settled() { [ "$(cat "$cg/pids.current")" -eq 0 ]; }
for sig in TERM INT; do
	wait_until settled || fail "$sig: the cgroup still holds pids"
	# A job started with & ignores SIGINT: perl puts it back.
	sh -c 'echo $$ >"$1/cgroup.procs" &&
	    exec perl -e "\$SIG{INT} = q(DEFAULT); exec @ARGV or die" \
	    "$2" --json -- "$3"' sh "$cg" "$PTVIZ" "$bomb" \
	    >"$TMPD/out" 2>"$TMPD/err" &
	main=$!
	full() { grep -q '^limit reached$' "$TMPD/err"; }
	WAIT_S=60 wait_until full ||
		{ kill -9 $main; fail "$sig: the bomb never reached the limit"; }
	# Every process there (ptviz aside) is told, once the forks under
	# way have settled: the limit holds them at 150.
	told() {
		local n
		n=$(grep -c '"event":"born","proc":[0-9]*,"thread":0' \
		    "$TMPD/out")
		[ "$n" -eq $(($(wc -l <"$cg/cgroup.procs") - 1)) ]
	}
	WAIT_S=30 wait_until told ||
		{ kill -9 $main; fail "$sig: not every process was told"; }
	alive $main || fail "$sig: ptviz died"
	t0=$(now_ms)
	kill -$sig $main
	wait $main
	rc=$?
	[ $rc -eq $((128 + $(kill -l $sig))) ] ||
		fail "SIG$sig: exit $rc: $(tail -3 "$TMPD/err")"
	empty() { [ ! -s "$cg/cgroup.procs" ]; }
	WAIT_S=10 wait_until empty ||
		fail "$sig: left in the cgroup: $(cat "$cg/cgroup.procs")"
	[ $(($(now_ms) - t0)) -lt 10000 ] ||
		fail "$sig: the end took $(($(now_ms) - t0)) ms"
	records
done
exit 0
