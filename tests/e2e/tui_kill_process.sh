# `k` kills the selected cell's process: its row shows `killed` and its
# unfinished threads `lost`; the other processes finish, and the screen
# still answers keys.  Quitting then exits with status 1, as README says:
# a process of the run on the screen was killed.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Seed 8: both threads of Process-2 sleep 2.6 s or more, time enough to
# select it and press k even on a loaded machine.
tui_start 120 40 -p 3 -t 2 -s 3 --seed 8
tm_wait_for 'Process-2 +[0-9]+ joining'
victim=$(tui_row 2 | awk '{ print $2 }')
tm send-keys -t t j
tm_wait_for 'Process-2 · Thread-1'
tm send-keys -t t k
tm_wait_for 'Process-2 +[0-9]+ killed'
tui_row 2 | grep -q 'lost' || fail "no lost thread: $(tui_row 2)"
WAIT_S=5 wait_until tui_all_gone "$victim" || fail "Process-2 ($victim) still exists"
tm_wait_for 'Process-2 \(pid [0-9]+\) was killed by SIGKILL'
WAIT_S=8 tm_wait_for 'Main process done\.'
for i in 1 3; do
	tui_row $i | grep -q ' done ' || fail "Process-$i did not finish: $(tui_row $i)"
done
tm send-keys -t t '?'
tm_wait_for 'ptviz keys'
tm send-keys -t t q
tm_wait_for '^\[exit 1\]$'
exit 0
