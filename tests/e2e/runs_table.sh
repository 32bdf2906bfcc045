# --runs N: the same plan N times; --plain prints a table whose rank
# columns each sum to N and the distinct orders, --json N run summaries and
# one final record whose ranks sum right; bad counts are refused, and so is
# the screen (a terminal without --plain or --json); a signal
# part way stops it at once, with 128+N, no child left, and prints what the
# runs so far showed.
. tests/e2e/lib.sh

N=20
"$PTVIZ" --runs $N -p 4 -t 2 -s 0 --plain >"$TMPD/plain" 2>"$TMPD/err" ||
	fail "--plain: exit $?: $(cat "$TMPD/err")"
# The rows Process-1..4 and total: every rank column sums to N, and the
# total row says so.
awk -v n=$N '
	/^Process-[0-9]+ / { rows++; for (i = 2; i <= 5; i++) sum[i] += $i }
	/^total / { total = $0; for (i = 2; i <= 5; i++) if ($i != n) bad = 1 }
	END {
		if (rows != 4 || total == "" || bad) exit 1
		for (i = 2; i <= 5; i++) if (sum[i] != n) exit 1
	}' "$TMPD/plain" || fail "ranks do not sum to $N: $(cat "$TMPD/plain")"
d=$(sed -n 's/^finishing orders: \([0-9][0-9]*\) different.*/\1/p' "$TMPD/plain")
[ -n "$d" ] && [ "$d" -ge 1 ] && [ "$d" -le $N ] ||
	fail "no count of orders: $(cat "$TMPD/plain")"
grep -q '^wall time, main running to main done: ' "$TMPD/plain" ||
	fail "no wall times: $(cat "$TMPD/plain")"
# stderr is not a terminal: at most a progress line a second (a slow
# machine, a sanitizer), and nothing else.
! grep -vE "^ptviz: run [0-9]+/$N\$" "$TMPD/err" ||
	fail "stderr: $(cat "$TMPD/err")"

"$PTVIZ" --runs $N -p 4 -t 2 -s 0.002 --seed 5 --json >"$TMPD/json" 2>"$TMPD/err" ||
	fail "--json: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/json" $N <<'PY' || fail "bad --runs --json records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
n = int(sys.argv[2])
assert len(recs) == n + 1, len(recs)
for k, r in enumerate(recs[:-1], 1):
    assert r["event"] == "run_summary" and r["run"] == k, r
    assert r["seed"] == 5, r
    assert sorted(r["order"] + r["failed"]) == [1, 2, 3, 4], r
    assert r["wall_ns"] > 0 and r["critical_ns"] > 0, r
end = recs[-1]
assert end["event"] == "runs" and end["runs"] == n and end["asked"] == n
assert end["stopped"] is False and end["processes"] == 4
ranks = end["ranks"]
assert len(ranks) == 4 and all(len(row) == 4 for row in ranks)
for r in range(4):
    assert sum(row[r] for row in ranks) == n, ranks
# The table agrees with the runs' own orders.
for p in range(4):
    for r in range(4):
        assert ranks[p][r] == sum(1 for s in recs[:-1]
                                  if s["order"][r] == p + 1), (p, r)
orders = {tuple(s["order"]) for s in recs[:-1]}
assert end["orders"] == len(orders) >= 1, end
common = max(orders, key=lambda o: sum(1 for s in recs[:-1]
                                       if tuple(s["order"]) == o))
assert end["common_runs"] == sum(1 for s in recs[:-1]
                                 if tuple(s["order"]) == common), end
w = sorted(s["wall_ns"] for s in recs[:-1])
assert end["wall_ns"]["min"] == w[0] and end["wall_ns"]["max"] == w[-1]
assert abs(end["wall_ns"]["median"] - (w[9] + w[10]) / 2) <= 1, end
assert end["critical_ns"]["min"] == recs[0]["critical_ns"]
assert end["ratio"]["min"] >= 1, end
PY

# --vary-seed: seed, seed+1, ...
"$PTVIZ" --runs 3 -p 2 -t 1 -s 0 --seed 7 --vary-seed --json >"$TMPD/vary" ||
	fail "--vary-seed: exit $?"
[ "$(grep -o '"seed":[0-9]*' "$TMPD/vary" | head -n 3 | tr '\n' ' ')" = \
    '"seed":7 "seed":8 "seed":9 ' ] || fail "seeds: $(cat "$TMPD/vary")"

for bad in 0 abc; do
	"$PTVIZ" --runs $bad --plain >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 2 ] || fail "--runs $bad: exit $rc"
	[ ! -s "$TMPD/out" ] || fail "--runs $bad wrote to stdout"
	grep -q '^ptviz: --runs' "$TMPD/err" || fail "--runs $bad: $(cat "$TMPD/err")"
done

# On a terminal without --plain or --json: refused, the screen has no view
# of many runs yet.
if command -v tmux >/dev/null; then
	tm_start 100 10 "$PTVIZ --runs 3 -s 0"
	tm_wait_for '\[exit 2\]'
	tm_screen | grep -q "^ptviz: use --plain or --json with --runs" ||
		fail "no refusal on a terminal: $(tm_screen)"
fi

# SIGINT part way: a job started with & ignores SIGINT; perl puts it back.
perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
	"$PTVIZ" --runs 1000 -p 4 -t 2 -s 0.05 --plain >"$TMPD/cut" 2>/dev/null &
main=$!
running() { [ "$(descendants $main | wc -l)" -ge 1 ]; }
WAIT_S=10 wait_until running || { kill -9 $main; fail "no children"; }
sleep 0.5
kids=$(descendants $main)
t0=$(now_ms)
kill -INT $main
wait $main
rc=$?
took=$(($(now_ms) - t0))
[ $rc -eq 130 ] || fail "SIGINT: exit $rc, not 130"
[ $took -lt 2000 ] || fail "SIGINT: took $took ms to stop"
for k in $kids; do
	[ ! -e /proc/$k ] || fail "SIGINT: child $k left behind"
done
[ -z "$(orphans)" ] || fail "orphans: $(orphans)"
grep -q '^stopped by a signal after [0-9]* of 1000 runs' "$TMPD/cut" ||
	fail "SIGINT: no summary: $(cat "$TMPD/cut")"
exit 0
