# After R, a run that was paused is not blamed on "another schedule": a
# pause stops every child, the sleeps that end meanwhile all go on at the
# resume, in any order -- the header says the run was paused.
#
# The run before is a recording (data/seed8-paused-process-2-first.jsonl):
# seed 8's plan of 2 x 1 (Process-1 sleeps 0.106 s, Process-2 4.710 s),
# paused from 0.05 s to 5 s, so both sleeps ended during the pause and
# Process-2 finished first.  R runs the same plan live, unpaused, where
# Process-1 finishes 4.6 s before Process-2: both change places, and the
# pause of the run before is why.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

REC=$PWD/tests/e2e/data/seed8-paused-process-2-first.jsonl

tui_start 140 40 --replay "$REC"
tm_wait_for '^ptviz — replay of .* — 2 processes × 1 thread — sleep ≤ 5 s — seed 8$'
tm send-keys -t t R
WAIT_S=20 tm_wait_for 'same seed as the run before, but the run before was paused: 2 of 2 processes finished in other places'
tm_screen | grep -q 'another schedule' &&
	fail "a pause is blamed on the schedule: $(tm_screen)"
tm_wait_for '^  Process-1 .* 1st, was 2nd, [0-9.]+ s sooner$'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
