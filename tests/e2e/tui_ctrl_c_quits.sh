# Ctrl-C quits like q: status 0, terminal restored, no process left.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 3 -t 2 -s 30 --seed 7
started() { [ "$(descendants "$MAIN" | wc -l)" -eq 3 ]; }
wait_until started || fail "the children did not start"
family=$(tui_family)
tm send-keys -t t C-c
WAIT_S=1 tm_wait_for '^\[exit 0\]$'
WAIT_S=2 wait_until tui_all_gone $family || fail "processes left behind"
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
exit 0
