# A 10x4 terminal gets a clear "too small" message instead of a broken
# screen, and the screen comes back when the terminal grows.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 5 -t 3 -s 5 --seed 7
tm resize-window -t t -x 10 -y 4
tm_wait_for 'Too small'
tm_screen | grep -q 'Process-' && fail "the grid is drawn in 10x4"
tm resize-window -t t -x 120 -y 40
tm_wait_for '^  Process-5 '
tm_screen | grep -q 'Too small' && fail "the message stayed"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
