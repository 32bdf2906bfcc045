# q on a traced program that ignores SIGTERM (and its child, which does
# too): ptviz ends at once, no process of the tree is left, and the
# terminal is as it was.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

bin=$(tracee ignore_term)
tui_start 120 40 -- "$bin"
tm_wait_for '^  └ ignore_term +[0-9]+ '
pids=$(tm_screen | sed -nE 's/^  (└ )?ignore_term +([0-9]+) .*/\2/p')
[ "$(echo "$pids" | wc -w)" -eq 2 ] || fail "not two processes: $pids"
tm send-keys -t t q
WAIT_S=5 tm_wait_for '^\[exit 0\]$'
WAIT_S=5 wait_until tui_all_gone $MAIN $pids || fail "left behind: $(ps -o pid=,args= -p "$(echo $pids | tr ' ' ,)")"
# By pid: another test may run an ignore_term of its own meanwhile.
left=$(ps -o pid=,stat=,args= -p "$(echo $pids | tr ' ' ,)") &&
	fail "an ignore_term is left: $left"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
exit 0
