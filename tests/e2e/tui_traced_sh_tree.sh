# sh -c 'sleep 1 & sleep 2 & wait' on the screen: sh, and under it its two
# children, each "sh → sleep" (forked, then exec), every row ending with
# its exit status, and one cell each: no cell for a thread never born;
# the log tells the execs.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 1 & sleep 2 & wait'"
tm_wait_for 'processes 0 alive, 3 ended'
s=$(tm_screen)
echo "$s" | grep -qE '^  sh +[0-9]+ .*exit 0$' || { echo "$s" >&2; fail "sh's row"; }
[ "$(echo "$s" | grep -cE '^  └ sh → sleep +[0-9]+ .*exit 0$')" -eq 2 ] ||
	{ echo "$s" >&2; fail "the two children's rows"; }
! echo "$s" | grep -E '^  (└ )?sh ' | grep -q '○' ||
	{ echo "$s" >&2; fail "a cell for a thread never born"; }
echo "$s" | grep -qE '^  process +pid state +1$' ||
	{ echo "$s" >&2; fail "more than one column"; }
[ "$(echo "$s" | grep -c 'runs sleep now (exec)')" -eq 2 ] ||
	{ echo "$s" >&2; fail "the log's execs"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
