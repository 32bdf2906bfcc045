# The Chrome trace of a race-locked run (2 x 2, 3 updates each, --trace
# beside --json) holds each thread's moves as slices named for the move --
# read, add, write, unlock -- in the order the thread made them, with the
# value of each and the value a write replaced, as --json has them.
. tests/e2e/lib.sh

"$PTVIZ" --json -p 2 -t 2 --seed 3 -w race-locked --iterations 3 \
	--trace "$TMPD/t.json" >"$TMPD/run.jsonl" 2>"$TMPD/err" ||
	fail "exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/run.jsonl" "$TMPD/t.json" <<'PY' || fail "see above"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])][1:]
trace = json.load(open(sys.argv[2]))["traceEvents"]
want, got = {}, {}
for e in recs:
    if e["event"] == "move":
        args = {"value": e["value"]}
        if "was" in e:
            args["was"] = e["was"]
        want.setdefault((e["proc"], e["thread"]), []).append((e["move"], args))
names = {"read", "add", "write", "unlock"}
for e in sorted(trace, key=lambda e: e.get("ts", 0)):
    if e["ph"] == "X" and e["name"] in names:
        args = {k: v for k, v in e["args"].items() if k in ("value", "was")}
        got.setdefault((e["pid"], e["tid"]), []).append((e["name"], args))
if len(want) != 4 or got != want:
    print(f"FAIL: the trace's moves {got} are not --json's {want}")
    sys.exit(1)
PY
exit 0
