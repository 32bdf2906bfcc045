# ptviz --json -- a program that forks 2000 children living about 1 ms
# each: every birth and every end is there, each child born of the
# program, each ending as it did (exit 0, exit 3, SIGKILL, SIGTERM, by
# its number), over several runs; ptviz exits with the program's status.
. tests/e2e/lib.sh

forks=$(tracee forks)
runs=3
$SANITIZED && runs=1
for r in $(seq 1 $runs); do
	"$PTVIZ" --json -- "$forks" 2000 >"$TMPD/run.$r" 2>"$TMPD/err" ||
		fail "run $r: exit $?: $(cat "$TMPD/err")"
	[ ! -s "$TMPD/err" ] || fail "run $r: stderr: $(cat "$TMPD/err")"
	/usr/bin/python3 - "$TMPD/run.$r" "$forks" <<'PY' || fail "run $r: records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
run, ev = recs[0], recs[1:]
assert run == {"event": "run", "format": "ptviz", "version": 3,
               "traced": True, "command": [sys.argv[2], "2000"]}, run
born = [e for e in ev if e["event"] == "born" and e["thread"] == 0]
assert [e["proc"] for e in born] == list(range(1, 2002)), len(born)
assert born[0]["parent"] == 0
assert all(e["parent"] == 1 for e in born[1:])
assert len({e["pid"] for e in born}) == 2001
ends = {e["proc"]: e for e in ev if e["thread"] == 0 and
        e["event"] in ("exited", "failed", "killed")}
assert sorted(ends) == list(range(1, 2002)), len(ends)
want = [("exited", "status", 0), ("failed", "status", 3),
        ("killed", "signal", "SIGKILL"), ("killed", "signal", "SIGTERM")]
for p in range(2, 2002):
    name, key, value = want[(p - 2) % 4]
    e = ends[p]
    assert e["event"] == name and e[key] == value, (p, e)
    assert e["name"] == "forks", e
assert ends[1]["event"] == "exited" and ends[1]["status"] == 0
# Every process's main thread was born and ended, and nothing else
# (what a thread does, "kernel", aside).
threads = [e for e in ev if e["thread"] > 0 and e["event"] != "kernel"]
assert len(threads) == 2 * 2001 and all(e["thread"] == 1 for e in threads)
assert ev[0]["event"] == "running" and ev[-1]["event"] == "done"
assert ev[-1]["proc"] == 0
PY
done
exit 0
