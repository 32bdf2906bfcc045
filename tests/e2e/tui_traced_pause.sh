# Space pauses a traced program and resumes it: every process of its tree
# stopped (state t in /proc: a job-control stop under a tracer, which
# leaves it so), the header says stopped, the cells say what the kernel says
# (stopped), the log tells the pause; space again continues them all and
# the program ends as it would have, exit 0.  q while paused ends it all,
# nothing left.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

prog=$(tracee sleepers)
tui_start 120 36 -- "$prog" 4 3
tm_wait_for 'threads 5 alive'
pid=$(tm_screen | sed -nE 's/^  sleepers +([0-9]+) .*/\1/p')
[ -n "$pid" ] || { tm_screen >&2; fail "no row of the program"; }
tm send-keys -t t ' '
tm_wait_for '·  stopped'
tm_wait_for 'Stopped \(SIGSTOP\) every process'
stopped() { awk '{ exit !($3 == "t" || $3 == "T") }' "/proc/$pid/stat"; }
wait_until stopped || fail "the program is not stopped: $(cat /proc/$pid/stat)"
all_stopped() {
	[ "$(tm_screen | grep -E '^  sleepers ' | grep -o '‖ stopped' |
	    wc -l)" -eq 5 ]
}
wait_until all_stopped || { tm_screen >&2; fail "the cells do not say stopped"; }
tm send-keys -t t ' '
tm_wait_for 'processes 0 alive, 1 ended'
tm_screen | grep -qE '^  sleepers +[0-9]+ exited .*exit 0' ||
	{ tm_screen >&2; fail "the program did not end as it would have"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server
# q while it is paused: the tree is killed, nothing is left.
tui_start 120 36 -- "$prog" 4 30
tm_wait_for 'threads 5 alive'
pid=$(tm_screen | sed -nE 's/^  sleepers +([0-9]+) .*/\1/p')
tm send-keys -t t ' '
tm_wait_for '·  stopped'
tm send-keys -t t q
tm_wait_for '^\[exit [0-9]+\]$'
gone() { ! alive "$pid"; }
wait_until gone || fail "the paused program outlived ptviz"
exit 0
