# `+` adds a thread to every process and `>` adds a process, each restarting
# the run at once: 5x3 becomes 5x4, then 6x4, and the header says so.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 5 -t 3 -s 5 --seed 7
tm_wait_for '5 processes × 3 threads'
old=$(descendants "$MAIN")
tm send-keys -t t +
tm_wait_for '5 processes × 4 threads'
for i in 1 2 3 4 5; do
	WAIT_S=5 wait_until tui_row_has_cells $i 4 || fail "Process-$i: $(tui_row $i)"
done
WAIT_S=5 wait_until tui_all_gone $old || fail "the old run's processes are left"
tm send-keys -t t '>'
tm_wait_for '6 processes × 4 threads'
WAIT_S=5 wait_until tui_row_has_cells 6 4 || fail "Process-6: $(tui_row 6)"
tm send-keys -t t -
tm_wait_for '6 processes × 3 threads'
tm send-keys -t t '<'
tm_wait_for '5 processes × 3 threads'
[ -z "$(tui_row 6)" ] || fail "Process-6 is still shown"
tm send-keys -t t ']'
tm_wait_for 'sleep ≤ 10 s'
tm send-keys -t t '[' '['
tm_wait_for 'sleep ≤ 3 s'
tm_wait_for 'seed 7$'
exit 0
