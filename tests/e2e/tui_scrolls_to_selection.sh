# With more processes than rows and more threads than columns, the grid
# scrolls to keep the selected cell in view, and cells narrow down.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 80 20 -p 40 -t 100 -s 30 --seed 7
tm_wait_for '^  Process-1 '
tm_screen | grep -q 'Process-40 ' && fail "all 40 rows fit in 20 lines?"
# Narrow cells: one column each, so a row holds dozens of them.
[ "$(tui_cells 1)" -ge 30 ] || fail "cells did not narrow: $(tui_row 1)"
tm send-keys -t t End
tm_wait_for 'Process-40 · Thread-100'
tm_wait_for '^.{2}Process-40 '
tm_screen | grep -qE '^.{2}Process-1 ' && fail "Process-1 still shown after End"
tm send-keys -t t Home
tm_wait_for 'Process-1 · Thread-1'
tm_wait_for '^.{2}Process-1 '
exit 0
