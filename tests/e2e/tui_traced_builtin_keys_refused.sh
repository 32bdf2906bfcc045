# The built-in program's keys -- counts, sleep, workload, scenes,
# predict, many runs -- say in the header that they do not apply to a
# traced program, and the program goes on as it was.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 60 & wait'"
tm_wait_for '^  sh +[0-9]+ '
pid=$(tm_screen | sed -nE 's/^  sh +([0-9]+) .*/\1/p')
says() { tm_screen | grep -qF "$1: does not apply to a traced program"; }
for key in '>:> <' '+:+ -' ']:] [' 'W:W' '3:1-9 0' 'g:g' 'm:m'; do
	tm send-keys -t t "${key%%:*}"
	wait_until says "${key#*:}" || { tm_screen >&2; fail "${key%%:*} did not say"; }
done
[ "$(tm_screen | sed -nE 's/^  sh +([0-9]+) .*/\1/p')" = "$pid" ] || fail "the program was run again"
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
exit 0
