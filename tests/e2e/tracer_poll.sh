# ptviz --poll -- COMMAND: the program runs untraced and its tree is read
# from /proc -- also where ptrace is refused (here: under strace).  The
# processes and threads that live long enough are told as a tracer tells
# them: sh's two background sleeps born of it, sh's exec; a program's two
# children and their threads; COMMAND's end with its status, a
# descendant's with its status if seen as a zombie, else "gone" with
# status null; the run record says "polled".  SIGTERM to ptviz ends the
# whole tree, even a grandchild that left in its own session.
. tests/e2e/lib.sh

prog=$(tracee manythreads)
records() {
	/usr/bin/python3 - "$TMPD/out" "$@" <<'PY' || fail "$*: records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
what = sys.argv[2]
assert recs[0]["polled"] is True and recs[0]["traced"] is True, recs[0]
ev = [e for e in recs[1:] if e["event"] != "kernel"]
procs = [e for e in ev if e["event"] == "born" and e["thread"] == 0]
assert [(e["proc"], e["parent"]) for e in procs] == \
    [(1, 0), (2, 1), (3, 1)], procs
assert 1 in [e["proc"] for e in ev if e["event"] == "exec"], ev
ends = {e["proc"]: e for e in ev if e["thread"] == 0 and
        e["event"] in ("exited", "gone", "failed", "killed")}
assert sorted(ends) == [1, 2, 3], ends
assert ends[1]["event"] == "exited" and ends[1]["status"] == 0, ends[1]
for p in (2, 3):
    e = ends[p]
    assert (e["event"], e["status"]) in (("gone", None), ("exited", 0)), e
threads = sorted((e["proc"], e["thread"]) for e in ev
                 if e["event"] == "born" and e["thread"] > 0)
ended = sorted((e["proc"], e["thread"]) for e in ev if e["event"] == "ended")
assert threads == ended, (threads, ended)
if what == "threads":
    assert threads == [(1, 1)] + [(p, t) for p in (2, 3)
                                  for t in range(1, 5)], threads
else:
    assert threads == [(1, 1), (2, 1), (3, 1)], threads
    # Born as sh's copies, or seen once they ran sleep: sleep at the end.
    assert [ends[p]["name"] for p in (2, 3)] == ["sleep", "sleep"], ends
assert ev[-1]["event"] == "done"
PY
}
"$PTVIZ" --poll --json -- sh -c 'sleep 1 & sleep 2 & wait' \
    >"$TMPD/out" 2>"$TMPD/err" || fail "sh: exit $?: $(cat "$TMPD/err")"
records sh
"$PTVIZ" --poll --json -- "$prog" 6 2 1 >"$TMPD/out" 2>"$TMPD/err" ||
	fail "threads: exit $?: $(cat "$TMPD/err")"
records threads
if command -v strace >/dev/null; then
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null "$PTVIZ" \
	    --poll --json -- sh -c 'sleep 1 & sleep 2 & wait' \
	    >"$TMPD/out" 2>"$TMPD/err" ||
		fail "under strace: exit $?: $(cat "$TMPD/err")"
	records sh
fi
# A grandchild in a session of its own, a child, sh: SIGTERM ends them.
"$PTVIZ" --poll --json -- sh -c \
    'setsid sh -c "sleep 300 & sleep 300" & sleep 300 & wait' \
    >"$TMPD/out" 2>"$TMPD/err" &
main=$!
at_exit "kill -9 $main 2>/dev/null"
five() { [ "$(grep -c '"event":"born","proc":[0-9]*,"thread":0' "$TMPD/out")" -ge 5 ]; }
wait_until five || fail "never saw the five: $(cat "$TMPD/out")"
kids=$(sed -n 's/.*"event":"born","proc":[0-9]*,"thread":0,"pid":\([0-9]*\),.*/\1/p' "$TMPD/out")
kill -TERM $main
wait $main
rc=$?
[ $rc -eq 143 ] || fail "SIGTERM: exit $rc"
WAIT_S=5 wait_until none_alive $kids || fail "left running: $kids"
exit 0
