# `q` ends ptviz within a second, with status 0: the terminal is back in
# its normal mode and no process of ptviz is left.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 5 -t 3 -s 30 --seed 7
started() { [ "$(descendants "$MAIN" | wc -l)" -eq 5 ]; }
wait_until started || fail "the children did not start"
family=$(tui_family)
tm send-keys -t t q
WAIT_S=1 tm_wait_for '^\[exit 0\]$'
WAIT_S=2 wait_until tui_all_gone $family || fail "left behind: $(ps -o pid=,args= -p "$(echo $family | tr ' ' ,)")"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
descendants "$(tm_pane_pid)" | while read -r p; do
	ps -o args= -p "$p" | grep -q ptviz && fail "ptviz process $p is left"
done
exit 0
