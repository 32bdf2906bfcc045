# Ctrl-Z suspends the screen like any full-screen program: the terminal is
# given back to the shell as it was, the children stop with ptviz, and fg
# brings the screen back and resumes them.  Run from an interactive shell,
# which has job control.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tm_start 100 30 "PS1='sh\$ ' bash --norc --noprofile -i"
tm_wait_for '^sh\$'
tm send-keys -t t "stty -a > $TMPD/stty.before" Enter
# Seed 10: every thread sleeps 20 s or more.
tm send-keys -t t "$PTVIZ -p 3 -t 2 -s 30 --seed 10" Enter
tm_wait_for '^ptviz — '
shell=$(tm_pane_pid)
MAIN=$(pgrep -P "$(pgrep -P "$shell" | head -n 1)" -x ptviz 2>/dev/null ||
	pgrep -f -n -x "$PTVIZ -p 3 -t 2 -s 30 --seed 10")
[ -n "$MAIN" ] || fail "no ptviz"
three() { [ "$(pgrep -P "$MAIN" | wc -l)" -eq 3 ]; }
wait_until three || fail "the children did not start"
kids=$(pgrep -P "$MAIN")
all_in() {
	local p
	for p in "$@"; do
		[ "$(proc_state "$p")" = "$want" ] || return 1
	done
}

tm send-keys -t t C-z
tm_wait_for 'Stopped'
want=T wait_until all_in "$MAIN" $kids || fail "ptviz and its children are not all stopped"
tm_screen | grep -q '^ptviz — ' && fail "the screen is still up: $(tm_screen)"
tm send-keys -t t "stty -a > $TMPD/stty.during" Enter
wait_until test -s "$TMPD/stty.during" || fail "the shell does not answer"
cmp -s "$TMPD/stty.before" "$TMPD/stty.during" ||
	fail "the terminal was not given back as it was: $(diff "$TMPD/stty.before" "$TMPD/stty.during")"

tm send-keys -t t fg Enter
tm_wait_for '^ptviz — '
want=S wait_until all_in "$MAIN" $kids || fail "the children did not resume"
tm_wait_for '^elapsed .* running'

# SIGTSTP from outside does the same.
kill -TSTP "$MAIN"
tm_wait_for 'Stopped'
want=T wait_until all_in "$MAIN" $kids || fail "SIGTSTP: not all stopped"
tm send-keys -t t fg Enter
tm_wait_for '^ptviz — '
want=S wait_until all_in "$MAIN" $kids || fail "SIGTSTP: the children did not resume"

tm send-keys -t t q
tm_wait_for '^sh\$$'
WAIT_S=5 wait_until tui_all_gone "$MAIN" $kids || fail "something was left behind"
exit 0
