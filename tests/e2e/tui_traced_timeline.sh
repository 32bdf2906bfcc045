# The timeline (t) of a traced run reads as the program: a row a process,
# named, with a row under it for each of its threads; each child's threads
# sleep (◑) while its main thread waits on the join's lock (◌), and the
# main process's thread waits for its children (◎).  Travelling back in
# time shows the program as it was: at its start, one process.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
tui_start 120 45 -- /usr/bin/python3 tests/tracee/classic.py 1
WAIT_S=30 tm_wait_for 'processes 0 alive, 6 ended'
tm send-keys -t t t
tm_wait_for '^▾ 6 python3 '
s=$(tm_screen)
for i in 1 2 3 4 5 6; do
	echo "$s" | grep -qE "^▾ $i python3 +exited " || { echo "$s" >&2; fail "no row of process $i"; }
done
echo "$s" | grep -A1 '^▾ 1 python3 ' | tail -n 1 | grep -qE '^    1 python3 .*◎◎◎' ||
	{ echo "$s" >&2; fail "the main process does not wait for its children"; }
for i in 2 3 4 5 6; do
	rows=$(echo "$s" | grep -A4 "^▾ $i python3 " | tail -n 4)
	echo "$rows" | head -n 1 | grep -qE '^    1 python3 .*◌◌◌' || { echo "$s" >&2; fail "process $i's main thread does not wait on the join"; }
	[ "$(echo "$rows" | tail -n 3 | grep -cE '^    [234] python3 .*◑◑◑.*✓')" -eq 3 ] || { echo "$s" >&2; fail "process $i's threads did not sleep"; }
done
# Back to the start, then a few events on: process 1 alone, named ptviz
# until it runs the command (exec), not yet its children.
tm send-keys -t t '{' . . . .
tm_wait_for '^at 0\.[0-9]+ s of [0-9.]+ s +· +event 4/'
s=$(tm_screen)
echo "$s" | grep -qE '^▾ 1 (ptviz|python3) ' || { echo "$s" >&2; fail "no process 1 at the start"; }
! echo "$s" | grep -qE '^▾ 2 ' || { echo "$s" >&2; fail "process 2 before its birth"; }
echo "$s" | grep -q 'processes 1/0' || { echo "$s" >&2; fail "the header at the start"; }
# And the grid of that moment, then live again.
tm send-keys -t t t
tm_wait_for '^  (ptviz|python3) +[0-9]+ (born|exec) '
! tm_screen | grep -q '└ python3' || { tm_screen >&2; fail "a child in the grid before its birth"; }
tm send-keys -t t L
tm_wait_for 'processes 0 alive, 6 ended'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
