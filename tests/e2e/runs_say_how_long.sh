# Many runs say how long they take before they start, and use one set of
# words (issue 19, item 7).  `--runs 100` with the defaults took five
# minutes without a word: it says, on stderr, the least it takes (each
# run its plan's critical path) and what -s 0.1 would take; the screen's
# m says the least in its line.  The table says killed/failed on the
# screen as --plain does (the screen said lost), and both say what the
# ratio of the wall time to the critical path means.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Seed 1's longest sleep of 5 x 3 is 2.866 s: 100 runs, 4 min 47 s.
perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
	"$PTVIZ" --runs 100 --seed 1 --plain >"$TMPD/out" 2>"$TMPD/err" &
main=$!
said() { grep -q 'would take' "$TMPD/err"; }
WAIT_S=10 wait_until said || { kill -9 $main; fail "nothing said: $(cat "$TMPD/err")"; }
kill -INT $main
wait $main
grep -qx 'ptviz: 100 runs take at least 4 min 47 s: each its plan.s critical path, 2\.866 s' "$TMPD/err" ||
	fail "no least time: $(cat "$TMPD/err")"
grep -qE '^ptviz: -s 0\.1 would take about [0-9.]+ s, and leave more of the order to the scheduler$' "$TMPD/err" ||
	fail "no shorter sleep: $(cat "$TMPD/err")"

# A short batch says nothing but its progress; the table's words.
"$PTVIZ" --runs 3 -p 2 -t 2 -s 0.05 --seed 1 --plain >"$TMPD/out" 2>"$TMPD/err" ||
	fail "--runs 3: exit $?"
! grep -q 'take at least' "$TMPD/err" || fail "a short batch: $(cat "$TMPD/err")"
grep -qE '^finished +1st +2nd +killed/failed$' "$TMPD/out" ||
	fail "no killed/failed: $(cat "$TMPD/out")"
grep -A1 '^wall / critical path: ' "$TMPD/out" |
	grep -qx '  (1 is as fast as the plan allows, with a CPU each thread)' ||
	fail "the ratio is not explained: $(cat "$TMPD/out")"

# The screen: 20 runs of seed 4's 0.3 s plan (its longest sleep 0.291 s).
tui_start 120 40 -p 3 -t 2 -s 0.3 --seed 4
tm_wait_for '^elapsed .* finished'
tm send-keys -t t m
tm_wait_for '^Many ▸ many runs: [0-9]+ of 20 done, all with seed 4 \(only the scheduler differs\); at least 5\.[0-9]+ s in all; m stops'
WAIT_S=60 tm_wait_for '20 runs, seed 4: who finished where'
tm_wait_for '│ finished +1st +2nd +3rd killed/failed '
tm_wait_for '│   \(1 is as fast as the plan allows, with a CPU each thread\) '
tm send-keys -t t x
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
