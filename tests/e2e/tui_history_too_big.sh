# The screen keeps every event of a run; a run whose events would take
# more than half the memory available now (a race of 64 x 64 threads and
# a million updates each: 12 288 008 712 events) is refused before
# anything starts, in one line naming the events, the memory and what to
# do, exit 2, no process forked; the same counts with a few updates start.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tm_start 150 20 "$PTVIZ -w race -p 64 -t 64 --iterations 1000000"
tm_wait_for '\[exit 2\]'
tm_screen | tr -d '\n' | grep -q "^ptviz: this run's 12288008712 events would take [0-9]* MB on the screen, which keeps every one: more than half the memory available now ([0-9]* MB); use --plain or --json, or fewer iterations, processes or threads" ||
	{ tm_screen >&2; fail "the refusal"; }
! tm_screen | grep -q '^ptviz — ' || fail "a screen was drawn"
tm kill-server
tui_start 120 36 -w race -p 2 -t 2 --iterations 50
tm_wait_for 'should be 200'
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
exit 0
