# --trace of a traced program (ptviz --trace T -- COMMAND) is read by the
# same real consumer as the built-in run's (speedscope's importer,
# tests/trace/read-speedscope.mjs) without a warning: a profile for each
# thread of each process, named by the process's name and real pid and
# by the thread's own name, its spans the kernel states seen, from "born"
# to its end, one after another with no gap; the waiters of lockers on
# the lock with its futex word.  --trace of the replay of its recording
# (a conversion) is the same bytes.
. tests/e2e/lib.sh

command -v node >/dev/null || fail "no node: make test installs it (tests/deps.sh)"
[ -d tests/trace/node_modules/speedscope ] ||
	fail "no speedscope: make test installs it (npm ci --prefix tests/trace)"

n=0
check() {
	n=$((n + 1))
	"$PTVIZ" --plain --record "$TMPD/r$n" --trace "$TMPD/live$n" -- "$@" \
	    >/dev/null 2>"$TMPD/err$n" || fail "'$*': exit $?: $(cat "$TMPD/err$n")"
	"$PTVIZ" --replay "$TMPD/r$n" --trace "$TMPD/replay$n" >"$TMPD/out" 2>&1 ||
		fail "'$*': --replay --trace: exit $?: $(cat "$TMPD/out")"
	[ ! -s "$TMPD/out" ] || fail "'$*': the conversion printed: $(cat "$TMPD/out")"
	cmp -s "$TMPD/live$n" "$TMPD/replay$n" ||
		fail "'$*': the conversion differs from the live trace"
	node tests/trace/read-speedscope.mjs "$TMPD/live$n" >"$TMPD/read$n" \
	    2>"$TMPD/read.err" ||
		fail "'$*': speedscope refused the trace: $(cat "$TMPD/read.err")"
	/usr/bin/python3 - "$TMPD/read$n" "$TMPD/r$n" <<'PY' ||
import json, sys
read = json.load(open(sys.argv[1]))
assert read["importedAs"] == "Trace Event Format profile", read["importedAs"]
warn = [m for m in read["messages"] if m["level"] != "log"]
assert not warn, warn
ev = [json.loads(l) for l in open(sys.argv[2])][1:]
# Each thread: its latest name, its process's, the real pid; its born
# and ended times; the kernel classes seen, changes only.
name, pid, born, end, seen = {}, {}, {}, {}, {}
for e in ev:
    p, t = e["proc"], e["thread"]
    if p == 0:
        continue
    name[(p, t)] = e["name"]
    pid[p] = e["pid"]
    if e["event"] == "born" and t > 0:
        born[(p, t)] = e["t_ns"] / 1000
        seen[(p, t)] = ["born"]
    elif e["event"] == "kernel":
        seen[(p, t)].append(e["class"])
    elif e["event"] == "ended":
        end[(p, t)] = e["t_ns"] / 1000
want = ["%s (pid %d) (pid %d), %s (tid %d)" % (name[(p, 0)], pid[p], p,
        name[(p, t)], t) for (p, t) in sorted(born)]
profiles = read["profiles"]
assert [q["name"] for q in profiles] == want, ([q["name"] for q in profiles], want)
for q, (p, t) in zip(profiles, sorted(born)):
    spans = q["spans"]
    assert [s["name"].split(" ")[0] for s in spans] == seen[(p, t)], \
        (q["name"], [s["name"] for s in spans], seen[(p, t)])
    for a, b in zip(spans, spans[1:]):
        assert a["end"] == b["start"], (q["name"], a, b)
    life = end[(p, t)] - born[(p, t)]
    assert abs(spans[-1]["end"] - spans[0]["start"] - life) < 0.1, \
        (q["name"], spans[-1]["end"] - spans[0]["start"], life)
    for s in spans:
        if s["name"].startswith("lock "):
            assert '"futex":"0x' in s["name"], s["name"]
PY
		fail "'$*': speedscope read something else"
}
check "$(tracee lockers)"
grep -q '"name":"lock","pid":1,"tid":3,.*"futex":"0x' "$TMPD/live$n" ||
	fail "lockers: waiter-a not on the lock"
check "$(tracee forks)" 12 4
check sh -c 'sleep 0.2 & wait'
exit 0
