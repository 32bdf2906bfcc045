# SIGINT and SIGHUP sent to ptviz on its screen (kill, not a key): curses is
# left, the children are killed and reaped, the terminal is restored, and
# ptviz dies of the signal (status 130, 129).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

for sig in INT HUP; do
	tui_start 120 40 -p 5 -t 3 -s 30 --seed 235811
	started() { [ "$(descendants "$MAIN" | wc -l)" -eq 5 ]; }
	wait_until started || fail "$sig: the children did not start"
	family=$(tui_family)
	kill -$sig "$MAIN"
	want=$((128 + $(kill -l $sig)))
	WAIT_S=2 tm_wait_for "^\\[exit $want\\]\$"
	WAIT_S=2 wait_until tui_all_gone $family || fail "$sig: processes left behind"
	wait_until test -s "$TMPD/stty.after" || fail "$sig: no stty -a after"
	diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "$sig: terminal not restored"
	tm kill-server
	rm -f "$TMPD/stty.after"
done
exit 0
