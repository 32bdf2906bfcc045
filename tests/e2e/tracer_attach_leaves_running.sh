# ptviz --json --attach PID, PID a program already running (two child
# processes of three threads each, all asleep): every process and thread
# it has is told, each thread seized on its own; SIGTERM to ptviz (its
# quit in --json) leaves the program running and no longer traced
# (TracerPid 0 in every task's status), and it then ends as it would have,
# exit 0.  The run record says "attached" and names the command line the
# process had; --replay of the lines gives them back byte for byte (and
# says the run was cut).
. tests/e2e/lib.sh

attach_target
tp=$TP prog=$PROG
"$PTVIZ" --json --attach $tp >"$TMPD/out" 2>"$TMPD/err" &
main=$!
at_exit "kill -9 $main 2>/dev/null"
# Three processes: the program's and its two children; 1 + 2 * (1 + 3)
# threads.
seen() {
	[ "$(grep -c '"event":"born"' "$TMPD/out")" -eq 12 ]
}
wait_until seen || fail "never saw them all: $(cat "$TMPD/out" "$TMPD/err")"
kill -TERM $main
wait $main
rc=$?
[ $rc -eq 143 ] || fail "SIGTERM: exit $rc: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/out" $tp "$prog" <<'PY' || fail "records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
pid = int(sys.argv[2])
assert recs[0] == {"event": "run", "format": "ptviz", "version": 3,
                   "traced": True, "attached": pid,
                   "command": [sys.argv[3], "6", "2", "-"]}, recs[0]
ev = recs[1:]
procs = [e for e in ev if e["event"] == "born" and e["thread"] == 0]
assert [(e["proc"], e["parent"]) for e in procs] == \
    [(1, 0), (2, 1), (3, 1)], procs
assert procs[0]["pid"] == pid
threads = sorted((e["proc"], e["thread"]) for e in ev
                 if e["event"] == "born" and e["thread"] > 0)
assert threads == [(1, 1)] + [(p, t) for p in (2, 3)
                              for t in range(1, 5)], threads
assert not [e for e in ev if e["event"] in ("ended", "exited", "killed")]
PY
"$PTVIZ" --json --replay "$TMPD/out" >"$TMPD/again" 2>"$TMPD/err"
# ptviz let the program go on: the run was cut, and the replay says so.
[ $? -eq 1 ] && grep -q 'the run was cut there$' "$TMPD/err" ||
	fail "replay: $(cat "$TMPD/err")"
cmp -s "$TMPD/out" "$TMPD/again" || fail "the replay is not the recording"
attach_target_let_go
# Let it end: it ends as it would have.
exec 3>&-
wait $tp
rc=$?
[ $rc -eq 0 ] || fail "the program ended with $rc after ptviz let it go"
exit 0
