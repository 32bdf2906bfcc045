# --attach PID on the screen: a program that was running (two children of
# three threads each, asleep) is shown as a traced one -- its command line
# in the header, its 3 processes and 9 threads alive; r says an attached
# program is not ptviz's to run again, i that it reads its own terminal;
# space pauses and resumes it;
# q lets it go: it runs on, no longer traced (TracerPid 0 in every task),
# and ends with its own status once its input ends.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

attach_target
tp=$TP prog=$PROG
tui_start 120 36 --attach $tp
tm_wait_for 'processes 3 alive, 0 ended  ·  threads 9 alive'
tm_screen | head -n 1 | grep -q "^ptviz — traced: $prog 6 2 -" ||
	{ tm_screen >&2; fail "the header"; }
tm send-keys -t t r
tm_wait_for 'a program attached to cannot be run again by ptviz'
tm send-keys -t t i
tm_wait_for 'a program attached to reads its own terminal'
# Space pauses it and resumes it, as a COMMAND's.
tm send-keys -t t ' '
tm_wait_for '·  stopped'
tm send-keys -t t ' '
tm_wait_for '·  running'
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
attach_target_let_go
# The tmux server holds the pipe's writing end too (it was started with
# it open): its end is the program's end of input.
tm kill-server
exec 3>&-
wait $tp
rc=$?
[ $rc -eq 0 ] || fail "the program ended with $rc after ptviz let it go"
exit 0
