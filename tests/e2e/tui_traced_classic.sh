# ptviz -- python3 classic.py on the screen reads as that program: its
# main process, its 5 children in rows under it, every row ending "exit
# 0"; and, travelling back to when the threads slept (found by stepping
# through the run's events, not raced), each child's 3 threads asleep
# and its main thread waiting on a lock (the join), the main process
# waiting for its children.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
tui_start 120 40 -- /usr/bin/python3 tests/tracee/classic.py 2
WAIT_S=30 tm_wait_for 'processes 0 alive, 6 ended'
s=$(tm_screen)
echo "$s" | grep -qE '^  python3 +[0-9]+ exited .*exit 0$' || { echo "$s" >&2; fail "no main process row"; }
[ "$(echo "$s" | grep -cE '^  └ python3 +[0-9]+ exited .*exit 0$')" -eq 5 ] ||
	{ echo "$s" >&2; fail "not 5 children under the main process, each exit 0"; }
echo "$s" | grep -q 'threads 0 alive, 21 ended' || { echo "$s" >&2; fail "the header's threads"; }
asleep() {
	[ "$(tm_screen | grep -E '^  └ python3 ' | grep -c '◌ lock.*◑ sleep.*◑ sleep.*◑ sleep')" -eq 5 ]
}
tui_step_until "the children's threads never read as sleeping and joining" \
    asleep
tm_screen | grep -qE '^  python3 +[0-9]+ .*◎ child' || { tm_screen >&2; fail "the main process does not wait for a child"; }
tm_screen | grep -q 'processes 6/0' || { tm_screen >&2; fail "the header then"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
