# After R (the same seed), the screen marks what changed against the run
# before: each process that finished in another place says where it was
# ("2nd, was 1st, ..."), in its row and on its "done" line in the log, and
# the header counts them; when nothing moved, the header says so.
#
# Nothing here waits for the scheduler to reorder anything.  The run
# before is a recording (data/seed8-process-2-first.jsonl): seed 8's plan
# of 2 x 1 (Process-1 sleeps 0.106 s, Process-2 4.710 s), in which
# Process-1 finished last, as if it had been stopped for 5 s.  R runs the
# same plan live, where Process-1 finishes 4.6 s before Process-2: both
# change places.  A second R runs it again in the plan's order.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

REC=$PWD/tests/e2e/data/seed8-process-2-first.jsonl
SAME='same seed as the run before, the same order: every process finished in its place'

tui_start 140 40 --replay "$REC"
tm_wait_for '^ptviz — replay of .* — 2 processes × 1 thread — sleep ≤ 5 s — seed 8$'
tm_screen | grep -q 'same seed as the run before' &&
	fail "a replay alone compares: $(tm_screen)"

tm send-keys -t t R
tm_wait_for 'another schedule: 2 of 2 processes finished in other places'
tm_wait_for '^  Process-1 .* 1st, was 2nd, [0-9.]+ s sooner$'
tm_wait_for '^  Process-2 .* 2nd, was 1st, [0-9.]+ s (later|sooner)$'
logs=$(tm_screen | grep -cE 'Process Process-[12] done\.  [12](st|nd), was ')
[ "$logs" -eq 2 ] || fail "the log shows $logs moved processes: $(tm_screen)"

# The same plan once more, in the same order: the header says nothing
# moved, and no row or log line says where it was.
tm send-keys -t t R
tm_wait_for "$SAME"
tm_screen | grep -qE ', was [12](st|nd)' &&
	fail "nothing moved, yet a place is compared: $(tm_screen)"

# A new seed is another run, not the same one again: nothing to compare.
tm send-keys -t t r
tm_wait_for '^elapsed .* finished'
sleep 0.3
tm_screen | grep -q 'same seed as the run before' &&
	fail "r (a new seed) still compares: $(tm_screen)"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
