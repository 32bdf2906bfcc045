# A traced program that reads its terminal, on the screen: the details
# say it waits for input from the terminal; `i` opens a line in the
# footer, what is typed shows there and goes to the program with Enter,
# which reads it (its answer comes into the log) -- q typed there is text,
# not quit; Esc leaves the line; Ctrl-D is the end of input; the line
# closes when the program ends.  i on the
# built-in program says it is for a traced one.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 36 -- sh -c "'read a; echo \"got \$a\"; read b; echo \"then \$b\"; cat; echo \"cat ended\"'"
# Before its exec the child waits for ptviz on a pipe; a slow build can
# sample it there first: wait for the program's own wait.
reads_terminal() {
	tm_screen | grep -q 'waiting for input' && tm_screen | grep -q 'the terminal'
}
wait_until reads_terminal || { tm_screen >&2; fail "what it waits for"; }
tm send-keys -t t i
tm_wait_for 'to the program: _'
tm send-keys -t t 'quick q'
tm_wait_for 'to the program: quick q_'
tm send-keys -t t Enter
tm_wait_for '│ got quick q'
# Esc leaves the line; the screen's keys are keys again.
tm send-keys -t t i
tm_wait_for 'to the program: _'
tm send-keys -t t Escape
tm_wait_for '^q quit'
tm send-keys -t t i 'second line' Enter
tm_wait_for '│ then second line'
# Ctrl-D: the end of input ends cat.
tm send-keys -t t i C-d
tm_wait_for '│ cat ended'
tm_wait_for 'processes 0 alive, 2 ended'
tm_wait_for '^q quit'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server
tui_start 120 36 -p 2 -t 2 -s 5 --seed 1
tm send-keys -t t i
tm_wait_for 'i types to a traced program'
! tm_screen | grep -q 'to the program:' || fail "a line opened for the built-in program"
tm send-keys -t t q
tm_wait_for '^\[exit'
exit 0
