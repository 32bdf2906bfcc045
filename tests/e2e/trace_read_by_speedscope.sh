# The export is read by a real consumer of the Chrome Trace Event format:
# speedscope's own importer (tests/trace/read-speedscope.mjs, the npm
# package pinned there) reads a 5 x 3 run as 15 threads named
# Process-N / Thread-M, each with its running and sleeping spans, the
# sleep as long as planned, without a warning.  --trace of a live run and
# of its replay (--replay F --trace T, a conversion) are the same bytes.
. tests/e2e/lib.sh

command -v node >/dev/null || fail "no node: make test installs it (tests/deps.sh)"
[ -d tests/trace/node_modules/speedscope ] ||
	fail "no speedscope: make test installs it (npm ci --prefix tests/trace)"

"$PTVIZ" --plain -p 5 -t 3 -s 0.3 --seed 5 --record "$TMPD/r.jsonl" \
	--trace "$TMPD/live.json" >/dev/null 2>&1 || fail "live run: exit $?"
"$PTVIZ" --replay "$TMPD/r.jsonl" --trace "$TMPD/replay.json" >"$TMPD/out" 2>&1 ||
	fail "--replay --trace: exit $? $(cat "$TMPD/out")"
[ ! -s "$TMPD/out" ] || fail "the conversion printed: $(cat "$TMPD/out")"
cmp -s "$TMPD/live.json" "$TMPD/replay.json" || fail "the conversion differs from the live trace"

node tests/trace/read-speedscope.mjs "$TMPD/live.json" >"$TMPD/read.json" 2>"$TMPD/read.err" ||
	fail "speedscope refused the trace: $(cat "$TMPD/read.err")"
/usr/bin/python3 - "$TMPD/read.json" "$TMPD/r.jsonl" <<'PY' || fail "speedscope read something else"
import json, sys
read = json.load(open(sys.argv[1]))
assert read["importedAs"] == "Trace Event Format profile", read["importedAs"]
warn = [m for m in read["messages"] if m["level"] != "log"]
assert not warn, warn
profiles = read["profiles"]
assert len(profiles) == 15, [p["name"] for p in profiles]
names = [p["name"] for p in profiles]
want = ["Process-%d (pid %d), Thread-%d (tid %d)" % (i, i, j, j)
        for i in range(1, 6) for j in range(1, 4)]
assert names == want, names
planned = {}
for line in open(sys.argv[2]):
    e = json.loads(line)
    if e.get("event") == "sleeping":
        planned[(e["proc"], e["thread"])] = e["sleep_ns"] / 1000
for p, (i, j) in zip(profiles, [(i, j) for i in range(1, 6) for j in range(1, 4)]):
    spans = [s["name"].split(" ")[0] for s in p["spans"]]
    assert spans == ["running", "sleeping"], (p["name"], spans)
    run, sleep = p["spans"]
    assert run["end"] <= sleep["start"], p["name"]
    assert run["dur"] > 0, p["name"]
    # The sleep lasts at least as planned, and not a second more.
    assert planned[(i, j)] <= sleep["dur"] + 1 < planned[(i, j)] + 1e6, \
        (p["name"], sleep["dur"], planned[(i, j)])
PY
exit 0
