# Step mode and the keys that stop, kill, quit and rerun: none leaves a
# thread at its gate behind.  Paused (space), Enter grants the move and
# says it comes when the run goes on; space again and it is made.  R while
# every thread stands at its gate: the new run is stepped too (0 moves),
# the old run's processes are gone.  k on a process whose threads stand at
# their gates kills it, its cells lost, nothing of it left; its threads
# refuse a move.  q while every thread is gated leaves nothing either.
# S off lets every thread go: a stepped race runs to its end; S on again
# holds for the next run, and R gates it.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
export WAIT_S=20

# True if pid $1 is one of ptviz's children now.
child_of_main() {
	descendants "$MAIN" | grep -qx "$1"
}
# The pids of ptviz's children, now, on one line.
children() {
	descendants "$MAIN" | tr '\n' ' '
}

tui_start 120 40 -p 2 -t 2 -w race --iterations 1 --step
tui_step_wait 0 4

# A pause, then a move granted: made only when the run goes on.
tm send-keys -t t Space
tm_wait_for '^elapsed .*·  *stopped$'
tm_wait_for 'Stopped \(SIGSTOP\) every process\.'
tm send-keys -t t Enter
tm_wait_for 'paused: Process-1 Thread-1 makes its move when the run goes on \(space\)'
tm_wait_for 'step mode: 1 move, '
[ "$(tui_log_count 'Process-1 Thread-1: reads .*')" -eq 0 ] || fail "the move was made while paused"
tm send-keys -t t Space
tui_log_wait 'Process-1 Thread-1: reads counter = 0'
tui_step_wait 1 4

# R while gated: a new run, stepped from its start; the old one is gone.
old=$(children)
[ "$(echo $old | wc -w)" -eq 2 ] || fail "not 2 children: $old"
tm send-keys -t t R
tui_step_wait 0 4
[ "$(tui_log_count "Process-[12] Thread-[12]: $TUI_MOVES .*")" -eq 0 ] || fail "a move in the new run"
wait_until tui_all_gone $old || fail "the old run's processes are left: $old"
for p in $old; do
	child_of_main "$p" && fail "old child $p still a child"
done

# k on Process-2, both threads at their gates.
tm send-keys -t t Down
tm_wait_for 'Process-2 · Thread-1'
victim=$(tui_row 2 | awk '{ print $2 }')
child_of_main "$victim" || fail "Process-2 ($victim) is not ptviz's child"
tm send-keys -t t k
tm_wait_for '^  Process-2 +[0-9]+ killed '
[ "$(tui_row 2 | grep -o 'lost' | wc -l)" -eq 2 ] || fail "not both cells lost: $(tui_row 2)"
wait_until tui_all_gone "$victim" || fail "Process-2 ($victim) is left"
tui_step_wait 0 2
tm send-keys -t t Enter
tm_wait_for 'Process-2 has ended: its threads make no more moves'
tm send-keys -t t 2
tm_wait_for 'no thread of Process-2 can move now'
tui_step_wait 0 2

# q with every thread left at its gate.
family=$(tui_family)
[ "$(echo "$family" | wc -l)" -eq 2 ] || fail "not ptviz and Process-1: $family"
tui_quit_leaves_nothing 1
tm kill-server

# S: off lets them all go; the race runs to its end.
tui_start 120 40 -p 2 -t 2 -w race --iterations 3 --step
tui_step_wait 0 4
tm send-keys -t t S
tm_wait_for 'step mode off: every thread goes freely'
tm_wait_for '^elapsed .*threads done 4/4 .*finished'
tm_wait_for '^counter [0-9]+, should be 12(:| |$)'
tm_screen | grep -q 'step mode:' && fail "a step line, out of step mode"
wait_until test -z "$(children)" || fail "children left: $(children)"
# Off stays off for the next run, which runs freely too.
was=$(tui_row 1 | awk '{ print $2 }')
tm send-keys -t t R
rerun() { [ "$(tui_row 1 | awk '{ print $2 }')" != "$was" ]; }
wait_until rerun || fail "R: no new run"
tm_wait_for '^elapsed .*threads done 4/4 .*finished'
# S on, after the end: for the next run, which R gates.
tm send-keys -t t S
tm_wait_for 'step mode: the run has ended; R runs it again, stepped'
tm send-keys -t t R
tui_step_wait 0 4
[ "$(tui_log_count "Process-[12] Thread-[12]: $TUI_MOVES .*")" -eq 0 ] || fail "a move in the stepped run"
tm_wait_for '^elapsed .*threads done 0/4 '
family=$(tui_family)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
wait_until tui_all_gone $family || fail "left behind: $family"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
exit 0
