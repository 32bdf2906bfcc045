# --json: a "run" record, then one record per event with the fields the
# issue names; the count of records is fixed by P and T; same seed, same plan.
. tests/e2e/lib.sh

"$PTVIZ" --json -p 4 -t 5 -s 0.05 --seed 7 >"$TMPD/a" 2>"$TMPD/err" || fail "exit $?"
"$PTVIZ" --json -p 4 -t 5 -s 0.05 --seed 7 >"$TMPD/b" 2>/dev/null || fail "exit $?"
"$PTVIZ" --json -p 4 -t 5 -s 0.05 --seed 8 >"$TMPD/c" 2>/dev/null || fail "exit $?"
[ ! -s "$TMPD/err" ] || fail "stderr: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/a" "$TMPD/b" "$TMPD/c" <<'PY' || fail "bad JSON records"
import json, sys
def load(p):
    return [json.loads(l) for l in open(p)]
a, b, c = (load(p) for p in sys.argv[1:])
run = a[0]
# The CPUs this run could use: the machine's, or taskset's.
import os
assert run.pop("cpus") == len(os.sched_getaffinity(0)), run
assert run == {"event": "run", "format": "ptviz", "version": 3,
               "processes": 4, "threads": 5,
               "sleep_s": 0.05, "seed": 7, "work": "sleep"}, run
ev = a[1:]
P, T = 4, 5
assert len(ev) == 2 + P * (5 + 3 * T), len(ev)
for e in ev:
    for k in ("t_ns", "event", "proc", "thread", "pid", "tid"):
        assert k in e, (k, e)
    assert e["t_ns"] >= 0, e
names = [e["event"] for e in ev]
assert names[0] == "running" and ev[0]["proc"] == 0
assert names[-1] == "done" and ev[-1]["proc"] == 0
sl = [e for e in ev if e["event"] == "sleeping"]
assert len(sl) == P * T and all(0 <= e["sleep_ns"] < 50_000_000 for e in sl)
ex = [e for e in ev if e["event"] == "exited"]
assert len(ex) == P and all(e["status"] == 0 and e["thread"] == 0 for e in ex)
pids = {e["proc"]: e["pid"] for e in ev if e["event"] == "forked"}
assert len(set(pids.values())) == P
assert all(e["pid"] == pids[e["proc"]] for e in ev if e["proc"] > 0)
def plan(records):
    return sorted((e["proc"], e["thread"], e["sleep_ns"])
                  for e in records if e["event"] == "sleeping")
assert plan(a) == plan(b), "same seed, other plan"
assert plan(a) != plan(c), "other seed, same plan"
PY
exit 0
