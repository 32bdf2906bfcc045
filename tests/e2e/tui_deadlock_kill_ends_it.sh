# A deadlock on the screen: the header says which threads wait for which,
# the cells of the cycle show the deadlock glyph and the details say who
# holds what the selected thread waits for.  The processes stay stuck until
# `k` kills them; then the run ends, and quitting exits 1 with nothing left.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Seed 5: in both processes Thread-1 takes mutex A and Thread-2 mutex B,
# each sleeps, then waits for the other's: two deadlocks within 0.3 s.
tui_start 120 40 -p 2 -t 2 -s 0.3 --seed 5 -w deadlock
tm_wait_for '^ptviz — 2 processes × 2 threads — deadlock ≤ 0.3 s'
WAIT_S=10 tm_wait_for 'deadlock in Process-1: Thread-[12] waits for Thread-[12], which waits for Thread-[12] \(and 1 more\): k on it kills it'
kids=$(descendants "$MAIN")
for i in 1 2; do
	[ "$(tui_row $i | grep -o '⊘' | wc -l)" -eq 2 ] ||
		fail "Process-$i does not show two deadlocked cells: $(tui_row $i)"
done
tm_wait_for 'state +waiting: deadlocked'
tm_wait_for 'for +mutex [AB] of Process-1'
tm_wait_for 'held by +Thread-2 since|held by +Thread-1 since'
# Still stuck a second later: nothing breaks a deadlock by itself.
sleep 1
tm_screen | grep -q 'Main process done' && fail "a deadlocked run ended by itself"
tm send-keys -t t k
tm_wait_for 'Process-1 +[0-9]+ killed'
WAIT_S=5 tm_wait_for 'deadlock in Process-2: '
tm send-keys -t t j
tm_wait_for 'Process-2 · Thread-1'
tm send-keys -t t k
WAIT_S=8 tm_wait_for 'Main process done\.'
tm_wait_for '^elapsed .* finished'
tm_screen | grep -q 'deadlock in Process' &&
	fail "the header still tells a deadlock of a process killed"
WAIT_S=5 wait_until tui_all_gone $kids || fail "children left: $kids"
tm send-keys -t t q
tm_wait_for '^\[exit 1\]$'
tm kill-server

# A recording of a deadlock, stepped to it: told, but k kills nothing in a
# replay, so the header does not offer it.
"$PTVIZ" --json -p 1 -t 2 -s 0.3 --seed 5 -w deadlock >"$TMPD/dl.jsonl" 2>/dev/null
tui_start 120 40 --replay "$TMPD/dl.jsonl"
tm send-keys -t t '{'
for step in $(seq 40); do
	tm_screen | grep -q 'deadlock in Process-1' && break
	tm send-keys -t t .
	sleep 0.1
done
tm_wait_for 'deadlock in Process-1: Thread-[12] waits for Thread-[12], which waits for Thread-[12]'
tm_screen | grep -q 'k on it kills it' &&
	fail "a replay offers k: $(tm_screen | sed -n 3p)"
tm send-keys -t t k
tm_wait_for 'this is a recording'
tm send-keys -t t q
tm_wait_for '^\[exit [01]\]$'
exit 0
