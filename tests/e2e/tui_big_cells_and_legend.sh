# For a room: `b` makes the grid's cells twice as wide and two lines tall
# (a done cell's colour fills both lines, its rank in big digits across
# them), and `b` again brings them back;
# the legend of the glyphs stands under the grid when there is room.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 50 -p 3 -t 3 -s 0.3 --seed 7
tm_wait_for '^elapsed .* finished'
tm_wait_for '^  ○ new ▶ running ◑ sleeping ✓ done'
width() {	# the columns from thread 2's cell to thread 3's (all done)
	tm_screen | grep -m 1 '^  Process' | /usr/bin/python3 -c '
import sys
xs = [x for x, c in enumerate(sys.stdin.read()) if c == "✓"]
print(xs[2] - xs[1])'
}
narrow=$(width)
tm send-keys -t t b
tm_wait_for 'big cells: for the back of the room'
wide=$(width)
[ "$wide" -ge $((2 * narrow - 1)) ] ||
	fail "big cells are $wide columns apart, not twice $narrow"
# Two lines a row: the row of Process-1 is three lines above Process-2's
# (their numbers in big digits: big_digits.py reads them).
y1=$(tm_screen | grep -n '^  Process ' | sed -n 1p | cut -d: -f1)
y2=$(tm_screen | grep -n '^  Process ' | sed -n 2p | cut -d: -f1)
[ $((y2 - y1)) -eq 3 ] || fail "rows are $((y2 - y1)) lines apart, not 3"
tm send-keys -t t b
tm_wait_for 'cells as usual'
[ "$(width)" -eq "$narrow" ] || fail "b again: cells $(width) apart, not $narrow"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
