# r runs a traced program again: a new tree (another pid) in place of the
# old one, which is killed and reaped.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 60 & wait'"
pid_of() { tm_screen | sed -nE 's/^  sh +([0-9]+) .*/\1/p' | head -n 1; }
first() { [ -n "$(pid_of)" ]; }
wait_until first || { tm_screen >&2; fail "no row"; }
old=$(pid_of)
tm send-keys -t t r
other() { p=$(pid_of); [ -n "$p" ] && [ "$p" != "$old" ]; }
wait_until other || { tm_screen >&2; fail "r did not run it again"; }
wait_until tui_all_gone "$old" || fail "the first run's $old is left"
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
exit 0
