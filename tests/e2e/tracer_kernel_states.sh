# What the kernel says a traced program's threads do, sampled and told by
# --json as "kernel" records when it changes: the classic exercise with
# sleeps of 2 s (far longer than the sampling period: nothing here rests
# on a sample's luck) -- every worker thread of the 5 children seen in a
# timed sleep, every child's main thread on a lock (its join), the main
# process waiting for a child; two threads blocked on one mutex another
# holds, on the same futex word; cat reading a pipe, seen in input on a
# pipe; 300 threads asleep seen with 200 descriptors to keep files open
# with; and no kernel line on --plain.
. tests/e2e/lib.sh

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
"$PTVIZ" --json -- /usr/bin/python3 tests/tracee/classic.py 2 \
    >"$TMPD/classic" 2>"$TMPD/err" ||
	fail "classic: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/classic" <<'PY' || fail "classic: records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
k = [e for e in ev if e["event"] == "kernel"]
seen = {(e["proc"], e["thread"], e["class"]) for e in k}
# The threads of each child: its main thread, Python's helpers if any,
# and the 3 workers, named Thread-1..3 only once they run, so found by
# their sleep: at least 3 threads of each child seen sleeping.
for p in range(2, 7):
    sleepers = {t for (q, t, c) in seen if q == p and c == "sleep"}
    assert len(sleepers) >= 3, (p, sleepers)
    assert (p, 1, "lock") in seen, (p, [e for e in k if e["proc"] == p])
    assert all(e["futex"].startswith("0x") for e in k
               if e["proc"] == p and e["class"] == "lock")
assert (1, 1, "child") in seen, [e for e in k if e["proc"] == 1]
for e in k:
    assert e["class"] in ("cpu", "sleep", "lock", "child", "io", "signal",
                          "syscall", "blocked", "stopped", "zombie"), e
PY

lockers=$(tracee lockers)
"$PTVIZ" --json -- "$lockers" >"$TMPD/lockers.json" 2>"$TMPD/err" ||
	fail "lockers: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/lockers.json" <<'PY' || fail "lockers: records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
# Threads 3 and 4 are the waiters (born after the holder, thread 2).
futex = {t: {e["futex"] for e in ev if e["event"] == "kernel" and
             e["thread"] == t and e["class"] == "lock"} for t in (3, 4)}
assert len(futex[3]) == 1 and futex[3] == futex[4], futex
assert any(e["event"] == "kernel" and e["thread"] == 2 and
           e["class"] == "sleep" for e in ev), "the holder's sleep"
PY

"$PTVIZ" --json -- sh -c 'sleep 2 | cat' >"$TMPD/pipe" 2>"$TMPD/err" ||
	fail "pipe: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/pipe" <<'PY' || fail "pipe: records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
cat = {e["proc"] for e in ev if e["event"] == "exec" and e["name"] == "cat"}
assert len(cat) == 1, cat
io = [e for e in ev if e["event"] == "kernel" and e["proc"] in cat and
      e["class"] == "io"]
assert any(e["fd"] == 0 and e["fd_kind"] == "pipe" and e["way"] == "read"
           for e in io), io
PY

# More threads than ptviz may keep files open for (200 descriptors, 300
# threads): those beyond are read by their paths, and every one of the
# 300 is seen asleep; none is left out, and ptviz keeps descriptors for
# its own work.
sleepers=$(tracee sleepers)
(ulimit -n 200 && exec "$PTVIZ" --json -- "$sleepers" 300 2) \
    >"$TMPD/sleepers.json" 2>"$TMPD/err" ||
	fail "sleepers: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/sleepers.json" <<'PY' || fail "sleepers: records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
born = {e["thread"] for e in ev if e["event"] == "born" and e["thread"] > 0}
asleep = {e["thread"] for e in ev if e["event"] == "kernel" and
          e["class"] == "sleep"}
assert len(born) == 301, len(born)
assert len(asleep) == 300 and asleep <= born, len(asleep)
PY

"$PTVIZ" --plain -- sh -c 'sleep 1 | cat' >"$TMPD/plain" 2>&1 ||
	fail "plain: exit $?"
grep -qi 'kernel\|futex\|"class"' "$TMPD/plain" &&
	fail "plain: $(cat "$TMPD/plain")"
exit 0
