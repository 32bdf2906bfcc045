# k on a traced program's child kills it (SIGKILL): its row ends "killed
# by SIGKILL", the log says so, and its parent goes on.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 60 & wait'"
tm_wait_for '^  └ sh → sleep +[0-9]+ '
tm send-keys -t t Down k
tm_wait_for '^  └ sh → sleep +[0-9]+ .*killed by SIGKILL$'
tm_wait_for 'killed by SIGKILL$'
tm_screen | grep -q '>process 2 (sleep, pid [0-9]*) killed by SIGKILL' ||
	{ tm_screen >&2; fail "the log's line"; }
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
exit 0
