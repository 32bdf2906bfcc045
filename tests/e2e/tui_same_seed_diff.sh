# After R (the same seed), the screen marks what changed against the run
# before: each process that finished in another place says where it was
# ("2nd, was 4th, ..."), in its row and on its "done" line in the log, and
# the header counts them.  With no sleep the order is the scheduler's, so
# it changes within a few reruns.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 140 40 -p 6 -t 2 -s 0 --seed 3
tm_wait_for '^elapsed .* finished'
moved=0
for try in $(seq 15); do
	tm send-keys -t t R
	sleep 0.3
	WAIT_S=10 tm_wait_for '^elapsed .* finished'
	sleep 0.3
	moved=$(tm_screen | sed -n 's/.*another schedule: \([0-9]*\) of 6 processes finished in other places.*/\1/p')
	[ -n "$moved" ] && break
	moved=0
done
rows=$(tm_screen | grep -cE '^  Process-[0-9]+ .* [0-9](st|nd|rd|th), was [0-9](st|nd|rd|th), [0-9.]+ s (later|sooner)$')
logs=$(tm_screen | grep -cE 'Process Process-[0-9] done\.  [0-9](st|nd|rd|th), was ')
[ "$rows" -eq "$moved" ] || fail "the header counts $moved moved, the rows show $rows: $(tm_screen)"
[ "$logs" -eq "$moved" ] || fail "the header counts $moved moved, the log shows $logs: $(tm_screen)"
[ "$moved" -ge 2 ] || fail "15 reruns of 6 processes with no sleep, and never another order"
# A new seed is another run, not the same one again: nothing to compare.
tm send-keys -t t r
WAIT_S=10 tm_wait_for '^elapsed .* finished'
sleep 0.3
tm_screen | grep -q 'other places' && fail "r (a new seed) still compares"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
