# The help of a traced program's screen says what its figures mean and
# shows its legend, not the built-in program's (on its first two pages).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 60'"
tm send-keys -t t '?'
tm_wait_for 'page 1/'
s=$(tm_screen)
tm send-keys -t t Space
tm_wait_for 'page 2/'
s="$s
$(tm_screen)"
for f in 'processes +alive: born, not yet ended' \
    'elapsed +time since the command started' 'threads +alive and ended' \
    'exit N +how a process ended' '▶ born ◆ on a CPU ◑ sleep ◌ lock'; do
	echo "$s" | grep -qE "$f" || { echo "$s" >&2; fail "the help does not say /$f/"; }
done
! echo "$s" | grep -qE 'concurrency|done N/M' || { echo "$s" >&2; fail "the built-in program's figures"; }
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
exit 0
