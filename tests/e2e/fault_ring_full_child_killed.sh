# A child killed while its ring is full and its threads wait to push (the
# main process is stopped so nobody drains): after it is reaped, what it
# published is read, the rest discarded; the others lose nothing.
. tests/e2e/lib.sh

# Sleeps of up to 1 s: if the main process is stopped late, the threads
# that slept fill their ring with "done" as they wake.
"$PTVIZ" --json --ring-slots 2 -p 4 -t 32 -s 1 --seed 9 >"$TMPD/out" 2>"$TMPD/err" &
main=$!
at_exit "kill -9 $main 2>/dev/null"
started() { [ "$(pgrep -c -P $main)" -eq 4 ]; }
wait_until started || fail "no children"
kill -STOP $main
# Every ring fills within moments: 2 slots for 3 + 3*32 events each, so
# Process-2's threads start and wait to push (on a loaded machine, the
# moments can be long).
victim=
found() {
	victim=$(pgrep -P $main -f '^ptviz: Process-2( |$)')
	[ -n "$victim" ] && [ "$(ls /proc/$victim/task | wc -l)" -gt 2 ]
}
WAIT_S=10 wait_until found || fail "no Process-2 with its threads waiting"
sleep 0.2
kill -KILL $victim
kill -CONT $main
WAIT_S=10 wait_until sh -c "! kill -0 $main 2>/dev/null" || fail "ptviz hung"
wait $main
rc=$?
[ $rc -eq 1 ] || fail "exit $rc"
/usr/bin/python3 - "$TMPD/out" <<'PY' || fail "records wrong"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
def n(proc, name, thread=None):
    return sum(1 for e in ev if e["proc"] == proc and e["event"] == name
               and (thread is None or (e["thread"] > 0) == thread))
for p in (1, 3, 4):
    assert n(p, "done", True) == 32, (p, n(p, "done", True))
    assert n(p, "exited") == 1
assert n(2, "killed") == 1
assert n(2, "done", True) < 32
assert ev[-1]["event"] == "done" and ev[-1]["proc"] == 0
PY
grep -q "Process-2 (pid $victim) was killed" "$TMPD/err" || fail "$(cat "$TMPD/err")"
exit 0
