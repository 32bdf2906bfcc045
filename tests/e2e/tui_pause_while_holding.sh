# Pausing a run while a thread holds the global mutex (shared by every
# process) and resuming it: nothing is lost or wedged, every thread gets
# the mutex in turn and the run finishes.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 2 -t 2 -s 1 --seed 3 -w global-mutex
tm_wait_for '^ptviz — 2 processes × 2 threads — global-mutex ≤ 1 s'
WAIT_S=10 tm_wait_for '■'
tm send-keys -t t Space
tm_wait_for '^elapsed .* stopped'
kids=$(descendants "$MAIN")
all_stopped() {
	local k
	for k in $kids; do
		[ "$(proc_state "$k")" = T ] || return 1
	done
}
WAIT_S=3 wait_until all_stopped || fail "not every child is stopped"
sleep 1
tm_screen | grep -q 'Main process done' && fail "the run went on while paused"
tm send-keys -t t Space
tm_wait_for '^elapsed .* running'
WAIT_S=15 tm_wait_for 'Main process done\.'
for i in 1 2; do
	tui_row $i | grep -q ' done ' || fail "Process-$i did not finish: $(tui_row $i)"
done
[ "$(tm_screen | grep -c '>thread Thread-')" -eq 4 ] ||
	fail "not every thread finished: $(tm_screen)"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
WAIT_S=5 wait_until tui_all_gone $kids || fail "children left: $kids"
exit 0
