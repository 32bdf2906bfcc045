# ptviz --json -- a program of 10 000 sleeping threads in four processes:
# every thread's birth and end is there, each numbered in its process
# (none unnumbered), ptviz's resident memory stays under 200 MB, and with
# the threads held for ever, SIGTERM ends ptviz and them all within ten
# seconds, nothing left behind.
. tests/e2e/lib.sh

n=10000
prog=$(tracee manythreads)
free=$(($(cat /proc/sys/kernel/pid_max) - $(ls /proc | grep -c '^[0-9]')))
[ "$free" -gt $((n + 2000)) ] ||
	skip "only $free pids free here: $n threads would take them all"
[ "$(ulimit -u)" = unlimited ] || [ "$(ulimit -u)" -gt $((n + 2000)) ] ||
	skip "ulimit -u $(ulimit -u) cannot hold $n threads"
command -v /usr/bin/time >/dev/null || skip "no /usr/bin/time"
/usr/bin/time -f 'maxrss %M' -o "$TMPD/time" "$PTVIZ" --json -- \
    "$prog" $n 4 1 >"$TMPD/run" 2>"$TMPD/err" ||
	fail "exit $?: $(tail -3 "$TMPD/err")"
grep -q "^all $n started$" "$TMPD/err" || fail "stderr: $(cat "$TMPD/err")"
rss=$(sed -n 's/^maxrss //p' "$TMPD/time")
$SANITIZED || [ "$rss" -lt 200000 ] || fail "ptviz took $rss kB"
/usr/bin/python3 - "$TMPD/run" $n <<'PY' || fail "records"
import json, sys
n = int(sys.argv[2])
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
procs = [e for e in ev if e["event"] == "born" and e["thread"] == 0]
assert [e["proc"] for e in procs] == [1, 2, 3, 4, 5], procs
born = [(e["proc"], e["thread"]) for e in ev
        if e["event"] == "born" and e["thread"] > 0]
ended = [(e["proc"], e["thread"]) for e in ev if e["event"] == "ended"]
# Numbered in order of birth, each process's from 1 on, each once.
for p in range(1, 6):
    mine = [t for q, t in born if q == p]
    assert mine == list(range(1, len(mine) + 1)), (p, len(mine))
assert len(born) == n + 5 and sorted(ended) == sorted(born), \
    (len(born), len(ended))
ends = [e for e in ev if e["thread"] == 0 and e["event"] == "exited"]
assert len(ends) == 5, ends
PY
# Held for ever: SIGTERM ends it all.
"$PTVIZ" --json -- "$prog" $n 4 0 >"$TMPD/held" 2>"$TMPD/err" &
main=$!
started() { grep -q "^all $n started$" "$TMPD/err"; }
WAIT_S=60 wait_until started || { kill -9 $main; fail "never started"; }
kids=$(descendants $main)
t0=$(now_ms)
kill -TERM $main
wait $main
rc=$?
[ $rc -eq 143 ] || fail "SIGTERM: exit $rc"
[ $(($(now_ms) - t0)) -lt 10000 ] || fail "SIGTERM took $(($(now_ms) - t0)) ms"
WAIT_S=5 wait_until none_alive $kids || fail "left running: $kids"
echo "ptviz max RSS ${rss} kB for $n threads" >&2
exit 0
