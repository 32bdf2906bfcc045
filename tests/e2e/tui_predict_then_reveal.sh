# Predict, then reveal: g holds a new run at its start (its threads wait at
# the gate, none sleeps) while the room's guess is typed; v shows the planned
# sleeps; Backspace takes a guess back; Enter lets the run go, and at the
# end the real order stands beside the guess with the places right.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Seed 44: the processes end in the order 3, 2, 1 (their slowest threads
# plan 0.32, 0.70 and 0.91 s, far enough apart to never swap).
tui_start 120 40 -p 3 -t 2 -s 1 --seed 44
tm_wait_for '^elapsed .* finished'
# v is for predicting: before g it says so, and turns nothing on.
tm send-keys -t t v
tm_wait_for 'v shows the planned sleeps while predicting: g first'
tm send-keys -t t g
tm_wait_for '^Predict ▸ in which order will they finish'
tm_wait_for 'guess: _ _ _$'
for i in 1 2 3; do
	tm_wait_for "^  Process-$i .*⊓"
	[ "$(tui_row $i | grep -o '⊓' | wc -l)" -eq 2 ] ||
		fail "Process-$i is not held at its start: $(tui_row $i)"
done
tm_screen | grep -q '⊓ 0\.[0-9][0-9]s' && fail "plans shown before v: $(tui_row 1)"
tm send-keys -t t v
tm_wait_for '^  Process-1 .*⊓ 0\.91s'
tm send-keys -t t 2
tm_wait_for 'guess: 2 _ _$'
tm send-keys -t t BSpace
tm_wait_for 'guess: _ _ _$'
tm send-keys -t t 1 2 3
tm_wait_for 'guess: 1 2 3$'
tm send-keys -t t Enter
WAIT_S=10 tm_wait_for 'guess: 1 2 3   the run: 3 2 1   1 of 3 places right$'
tm_wait_for '^elapsed .* finished'
# The guess does not outlive it: R is a run like any other.
tm send-keys -t t R
WAIT_S=10 tm_wait_for '^elapsed .* finished'
tm_screen | grep -q '^Predict' && fail "the prediction stayed after R"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
