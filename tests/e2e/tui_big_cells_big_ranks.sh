# Big cells are for the back row: not only their bars grow, their ranks
# and the names of rows and columns are drawn in big block digits too, and
# every done cell shows its whole rank -- at the right edge, and of four
# digits (over a thousand threads), the columns scrolling rather than
# dropping it.  The ranks read back from the digits are those the cells
# show as usual (a checked-in recording: no scheduler decides them).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

PY=/usr/bin/python3
DATA=$PWD/tests/e2e/data
DIGITS=$PWD/tests/e2e/big_digits.py

# As usual: "PROC THREAD RANK" of each done cell of the grid.
small_ranks() {
	tm_screen | $PY -c '
import re, sys
for l in sys.stdin:
    m = re.match(r"^  Process-(\d+) +\d+ +\w+ +(.*)$", l)
    if m:
        for j, r in enumerate(re.findall(r"✓ ?(\d+)", m.group(2)), 1):
            print(m.group(1), j, r)'
}

tui_start 120 36 --replay "$DATA/classic-5x3-seed183.jsonl"
tm send-keys -t t '}'
WAIT_S=10 tm_wait_for '^elapsed .* finished'
small_ranks >"$TMPD/small"
[ "$(wc -l <"$TMPD/small")" -eq 15 ] || fail "not 15 ranks as usual: $(cat "$TMPD/small")"
tm send-keys -t t b
tm_wait_for 'big cells: for the back of the room'
tm_screen | $PY "$DIGITS" >"$TMPD/big" || fail "cannot read the big grid"
diff "$TMPD/small" "$TMPD/big" >&2 ||
	{ tm_screen >&2; fail "the big cells' ranks are not those of the cells as usual"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-session -t t

# Over a thousand threads: every done cell on screen shows its rank, four
# digits wide where it has four, the rightmost column too.
tui_start 120 36 -p 34 -t 30 -s 0.2 --seed 5
WAIT_S=30 tm_wait_for '^elapsed .* finished'
tm send-keys -t t b
tm_wait_for 'big cells: for the back of the room'
# The first cells, the last row and column (End), then rows further up
# (PgUp).
for step in first End PgUp; do
	case $step in
	End)	tm send-keys -t t End
		tm_wait_for 'Process-34 · Thread-30 ' ;;
	PgUp)	tm send-keys -t t PgUp PgUp PgUp
		tm_wait_for 'Process-([1-9]|[12][0-9]) · Thread-30 ' ;;
	esac
	tm_screen | $PY "$DIGITS" >"$TMPD/big" || fail "cannot read the big grid"
	[ -s "$TMPD/big" ] || { tm_screen >&2; fail "$step: no done cell read"; }
	grep -q ' -$' "$TMPD/big" &&
		{ tm_screen >&2; fail "$step: a done cell shows no rank: $(grep ' -$' "$TMPD/big")"; }
	awk '$3 < 1 || $3 > 1020 { bad = 1 } END { exit bad }' "$TMPD/big" ||
		fail "$step: a rank out of 1..1020: $(cat "$TMPD/big")"
	[ "$step" != End ] || awk '$2 == 30 { n++ } END { exit !n }' "$TMPD/big" ||
		{ tm_screen >&2; fail "the rightmost column shows no rank"; }
done
# The widest cell has room for a rank of four big digits beside its glyph.
w=$(tm_screen | grep -m 1 -E '^(  |↑ )Process ' | $PY -c '
import sys
r = sys.stdin.read()
xs = [x for x, c in enumerate(r) if c == "✓"]
print(min(b - a for a, b in zip(xs, xs[1:])))')
[ "$w" -ge 18 ] || fail "big cells are $w columns apart: no room for 4 big digits"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
