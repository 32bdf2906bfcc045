# SIGSTOP from outside, then fg: the screen comes back whole.  A job-control
# shell puts its own terminal modes back (cooked, echoing) when a job stops,
# and curses never saw the stop; SIGCONT must take the terminal again and
# redraw, so that q quits at once, without Enter.  The same when something
# else set the terminal back while ptviz was stopped and plain SIGCONT
# continues it.  Either way the terminal is restored at the end and nothing
# is left behind.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Has ptviz ($MAIN) all three children?
three() { [ "$(pgrep -P "$MAIN" | wc -l)" -eq 3 ]; }

# ptviz, its children and the terminal after q.
quits_cleanly() {
	local what=$1 family=$2
	WAIT_S=5 wait_until tui_all_gone $family ||
		fail "$what: q did not quit (no raw mode?): $(tm_screen)"
	[ -z "$(orphans)" ] || fail "$what: left behind: $(orphans)"
}

# From an interactive shell: kill -STOP, the shell says Stopped and takes
# the terminal back; the screen is cleared; fg.
tm_start 100 30 "PS1='sh\$ ' bash --norc --noprofile -i"
tm_wait_for '^sh\$'
tm send-keys -t t "stty -a > $TMPD/stty.before" Enter
# Seed 10 at -s 100: the first thread ends after 15 s; all three children
# stay while the test runs.
tm send-keys -t t "$PTVIZ -p 3 -t 2 -s 100 --seed 10" Enter
tm_wait_for '^ptviz — '
MAIN=$(pgrep -f -n -x "$PTVIZ -p 3 -t 2 -s 100 --seed 10")
[ -n "$MAIN" ] || fail "no ptviz"
wait_until three || fail "the children did not start"
family="$MAIN $(pgrep -P "$MAIN")"
kill -STOP "$MAIN"
tm_wait_for 'Stopped'
tm send-keys -t t "clear" Enter
wait_until sh -c "! tmux -L '$TMUX_SOCK' capture-pane -t t -p | grep -q '^ptviz — '" ||
	fail "the screen was not cleared"
tm send-keys -t t fg Enter
tm_wait_for '^ptviz — '
tm_wait_for '^elapsed '
tm send-keys -t t q
quits_cleanly "fg" "$family"
tm_wait_for '^sh\$ *$'
tm send-keys -t t "stty -a > $TMPD/stty.after" Enter
wait_until test -s "$TMPD/stty.after" || fail "the shell does not answer"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 ||
	fail "fg: the terminal was not restored"
tm kill-server

# No shell in between: the terminal set back to cooked from outside while
# ptviz is stopped, then SIGCONT.
rm -f "$TMPD/stty.before" "$TMPD/stty.after"
tui_start 100 30 -p 3 -t 2 -s 100 --seed 10
wait_until three || fail "the children did not start"
family="$MAIN $(pgrep -P "$MAIN")"
tty=$(tm display-message -p -t t '#{pane_tty}')
kill -STOP "$MAIN"
stopped() { [ "$(proc_state "$MAIN")" = T ]; }
wait_until stopped || fail "ptviz did not stop"
stty -F "$tty" sane
# Cleared by writing to the terminal, not by typing (ptviz reads keys).
printf '\033[H\033[2J' >"$tty"
wait_until sh -c "! tmux -L '$TMUX_SOCK' capture-pane -t t -p | grep -q '^ptviz — '" ||
	fail "the screen was not cleared"
kill -CONT "$MAIN"
tm_wait_for '^ptviz — '
tm send-keys -t t q
quits_cleanly "SIGCONT" "$family"
tm_wait_for '^\[exit 0\]$'
wait_until test -s "$TMPD/stty.after" || fail "no stty -a after"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 ||
	fail "SIGCONT: the terminal was not restored"
exit 0
