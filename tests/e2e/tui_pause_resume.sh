# Space stops every child (SIGSTOP: /proc state T) and the screen says
# `stopped`; space again resumes them all.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Seed 235811: every thread sleeps 10 s or more, so no child can end by
# itself while the test stops and resumes it.
tui_start 120 40 -p 4 -t 2 -s 30 --seed 235811
all_started() { [ "$(descendants "$MAIN" | wc -l)" -eq 4 ]; }
wait_until all_started || fail "the children did not start"
tm_wait_for 'joining'
kids=$(descendants "$MAIN")
all_in() {
	local k
	for k in $kids; do
		[ "$(proc_state "$k")" = "$1" ] || return 1
	done
}
tm send-keys -t t Space
WAIT_S=3 wait_until all_in T || fail "not every child is stopped"
tm_wait_for '^elapsed .* stopped'
for i in 1 2 3 4; do
	tui_row $i | grep -q ' stopped ' || fail "Process-$i does not show stopped"
done
tm send-keys -t t Space
WAIT_S=3 wait_until all_in S || fail "not every child was resumed"
tm_wait_for '^elapsed .* running'
tui_row 1 | grep -q ' stopped ' && fail "Process-1 still shows stopped"
exit 0
