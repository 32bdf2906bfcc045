# The timeline of a finished run (-p 5 -t 3 -s 1 --seed 11, 120 x 40): five
# process rows and fifteen thread bars, each as long on the axis as its
# planned sleep (--json's sleep_ns for the same seed) to within a column;
# the selection is shared: a thread selected in the timeline is selected
# in the grid when t brings it back, and the other way round.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

"$PTVIZ" --json -p 5 -t 3 -s 1 --seed 11 2>/dev/null |
	sed -n 's/.*"event":"sleeping","proc":\([0-9]*\),"thread":\([0-9]*\),.*"sleep_ns":\([0-9]*\).*/\1 \2 \3/p' |
	sort -n -k1 -k2 >"$TMPD/plan"
[ "$(wc -l <"$TMPD/plan")" -eq 15 ] || fail "no plan: $(cat "$TMPD/plan")"

tui_start 120 40 -p 5 -t 3 -s 1 --seed 11
WAIT_S=10 tm_wait_for '^elapsed .* finished'
tm send-keys -t t j l
tm_wait_for 'Process-2 · Thread-2'
tm send-keys -t t t
tm_wait_for '^  time \(s\)'
screen=$(tm_screen)
[ "$(grep -c '^. Process-[0-9] ' <<<"$screen")" -eq 5 ] ||
	fail "not five process rows: $screen"
[ "$(grep -c '^    Thread-[0-9] ' <<<"$screen")" -eq 15 ] ||
	fail "not fifteen thread rows: $screen"
grep -q 'Process-2 · Thread-2' <<<"$screen" || fail "the selection moved"

# Nanoseconds a column stands for, as the timeline works it out: the run
# (the log's "Main process done." time, to the millisecond) over the
# columns of the axis (from the label "0" to the pane's last column but
# one).  Labels alone bound it only to half a percent: a column on a long
# bar.
axis=$(grep '^  time (s)' <<<"$screen")
x0=$(awk -v line="$axis" 'BEGIN { n = split(line, ch, "")
	for (i = 11; i <= n; i++) if (ch[i] == "0") { print i - 1; exit } }')
end_s=$(sed -n 's/^ *\([0-9.]*\) s  Main process done\..*/\1/p' <<<"$screen")
[ -n "$x0" ] && [ -n "$end_s" ] || fail "no axis or no end: $axis"
col_ns=$(awk -v e="$end_s" -v x0="$x0" 'BEGIN { print e * 1e9 / (120 - x0 - 1) + 1 }')
[ -n "$col_ns" ] || fail "no axis: $axis"

# Each thread row, in order, against its plan.
grep '^    Thread-[0-9] ' <<<"$screen" >"$TMPD/rows"
paste -d'|' "$TMPD/plan" "$TMPD/rows" | while IFS='|' read -r plan row; do
	read -r p j ns <<<"$plan"
	bars=$(grep -o '▆' <<<"$row" | wc -l)
	# A bar covers the columns from its start's to its end's: within a
	# column of the sleep either way, and a thread sleeps a little more
	# than planned, never less (a fraction of a column more here).
	awk -v b="$bars" -v ns="$ns" -v c="$col_ns" 'BEGIN {
		d = b - ns / c; exit !(d >= -1.25 && d <= 1.75) }' ||
		fail "Process-$p Thread-$j: $bars columns for $ns ns at $col_ns ns a column: $row"
done || exit 1

# The selection goes both ways: Down in the timeline, then the grid.
tm send-keys -t t Down
tm_wait_for 'Process-2 · Thread-3'
tm send-keys -t t t
tm_wait_for '^  process '
tm_screen | grep -q 'Process-2 · Thread-3' || fail "the grid lost the selection"
exit 0
