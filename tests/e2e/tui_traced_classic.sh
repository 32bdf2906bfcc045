# ptviz -- python3 classic.py on the screen reads as that program: its
# main process, its 5 children in rows under it, their threads sleeping,
# each child's main thread waiting on a lock (the join), the main process
# waiting for its children; then every row ends "exit 0".
. tests/e2e/lib.sh
. tests/e2e/tui.bash

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
tui_start 120 40 -- /usr/bin/python3 tests/tracee/classic.py 4
rows() { tm_screen | grep -cE '^  +└ python3 +[0-9]+ '; }
five() { [ "$(rows)" -eq 5 ]; }
WAIT_S=20 wait_until five || { tm_screen >&2; fail "not 5 children under the main process"; }
tm_screen | grep -qE '^  python3 +[0-9]+ ' || fail "no main process row"
# The kernel is sampled every 100 ms: each child's 3 threads asleep and
# its main thread in the join, the main process waiting for a child.
asleep() {
	[ "$(tm_screen | grep -E '^  +└ python3 ' | grep -c '◌ lock.*◑ sleep.*◑ sleep.*◑ sleep')" -eq 5 ]
}
WAIT_S=20 wait_until asleep || { tm_screen >&2; fail "the children's threads never read as sleeping and joining"; }
tm_screen | grep -qE '^  python3 +[0-9]+ .*◎ child' || { tm_screen >&2; fail "the main process does not wait for a child"; }
tm_screen | grep -q 'processes 6 alive, 0 ended' || { tm_screen >&2; fail "the header's counts"; }
ended() { [ "$(tm_screen | grep -E '^  +(└ )?python3 ' | grep -c 'exit 0$')" -eq 6 ]; }
WAIT_S=30 wait_until ended || { tm_screen >&2; fail "not every process ended with exit 0"; }
tm_screen | grep -q 'processes 0 alive, 6 ended' || { tm_screen >&2; fail "the header at the end"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
