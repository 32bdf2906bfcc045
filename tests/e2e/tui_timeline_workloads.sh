# The timeline draws every phase of a thread, each in its own look, as long
# on the axis as it lasted.  Barrier (-p 2 -t 3 -s 1 --seed 11, 120 x 40):
# each thread row is a sleep, a wait for the barrier as a thin line, and a
# second sleep; the plan (--json's two sleep_ns a thread, seeded, so the
# same in any run) says how long each is: a thread waits for the last of
# its process to arrive (the last itself waits about nothing, and may show
# no line).  Mutex (same counts): each thread holds its process's mutex once
# for its hold_ns, and no two threads of a process hold it in the same
# columns but for one at a boundary.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

ARGS="-p 2 -t 3 -s 1 --seed 11"

# Run -w $1 to its end in a 120 x 40 pane and show the timeline; set SCREEN,
# X0 (the axis's first column) and COL_NS (the time a column stands for, as
# tui_timeline_bars_match_plan.sh works it out).
timeline_of() {
	tui_start 120 40 $ARGS -w "$1"
	WAIT_S=30 tm_wait_for '^elapsed .* finished'
	tm send-keys -t t t
	tm_wait_for '^  time \(s\)'
	sleep 0.3
	SCREEN=$(tm_screen)
	[ "$(grep -c '^    Thread-[0-9] ' <<<"$SCREEN")" -eq 6 ] ||
		fail "$1: not six thread rows: $SCREEN"
	local axis end_s
	axis=$(grep '^  time (s)' <<<"$SCREEN")
	[[ $axis =~ ^(\ \ time\ \(s\)\ +)0 ]] || fail "$1: no axis: $axis"
	X0=${#BASH_REMATCH[1]}
	end_s=$(sed -n 's/^ *\([0-9.]*\) s  Main process done\..*/\1/p' <<<"$SCREEN")
	[ -n "$end_s" ] || fail "$1: no end in the log: $SCREEN"
	COL_NS=$(awk -v e="$end_s" -v x0="$X0" 'BEGIN { print e * 1e9 / (120 - x0 - 1) + 1 }')
}

# Quit ptviz and close the pane.
timeline_done() {
	tm send-keys -t t q
	tm_wait_for '^\[exit 0\]$'
	tm kill-server
	sleep 0.2
}

# Each thread row from the axis on, one a line, its glyphs made ASCII:
# a bar "#", a wait "~", a hold "@", any other glyph ".".
bars() {
	local row
	grep '^    Thread-[0-9] ' <<<"$SCREEN" | while IFS= read -r row; do
		sed 's/▆/#/g; s/─/~/g; s/■/@/g; s/[^ -~]/./g' <<<"${row:$X0}"
	done
}

# True if n columns stand for ns within [lo, hi] columns either way.
near() {
	awk -v n="$1" -v ns="$2" -v c="$COL_NS" -v lo="$3" -v hi="$4" \
		'BEGIN { d = n - ns / c; exit !(d >= lo && d <= hi) }'
}

# --- Barrier -----------------------------------------------------------
# The plan: "proc thread first-sleep second-sleep wait", the wait being the
# time until the last of its process arrives.
"$PTVIZ" --json $ARGS -w barrier 2>/dev/null |
	sed -n 's/.*"event":"sleeping","proc":\([0-9]*\),"thread":\([0-9]*\),.*"sleep_ns":\([0-9]*\).*/\1 \2 \3/p' |
	awk '{ k = $1 " " $2; if (k in s1) s2[k] = $3; else { s1[k] = $3; p[k] = $1 }
		if (!(k in s2) && $3 > last[$1]) last[$1] = $3 }
	END { for (k in s1) print k, s1[k], s2[k], last[p[k]] - s1[k] }' |
	sort -n -k1 -k2 >"$TMPD/plan"
[ "$(awk 'NF == 5' "$TMPD/plan" | wc -l)" -eq 6 ] ||
	fail "barrier: no plan of two sleeps a thread: $(cat "$TMPD/plan")"

timeline_of barrier
bars >"$TMPD/rows"
paste -d'|' "$TMPD/plan" "$TMPD/rows" | while IFS='|' read -r plan row; do
	read -r p j s1 s2 w <<<"$plan"
	who="barrier: Process-$p Thread-$j (sleeps $s1 + $s2 ns, waits $w ns, $COL_NS ns a column)"
	# A sleep, maybe a wait, maybe a second sleep, nothing else between.
	[[ $row =~ ^[^#~@]*(#+)(~*)(#*)[^#~@]*$ ]] ||
		fail "$who: not sleep, wait, sleep: $row"
	b1=${#BASH_REMATCH[1]} wm=${#BASH_REMATCH[2]} b2=${#BASH_REMATCH[3]}
	if [ "$b2" -gt 0 ]; then
		# Each sleep within a column or so of its plan (a thread sleeps
		# a little longer than planned, never shorter), the wait within
		# three (when the threads started and woke up varies).
		near "$b1" "$s1" -1.5 2.5 || fail "$who: first sleep $b1 columns: $row"
		near "$b2" "$s2" -1.5 2.5 || fail "$who: second sleep $b2 columns: $row"
		near "$wm" "$w" -3 3 || fail "$who: wait $wm columns: $row"
	else
		[ "$wm" -eq 0 ] || fail "$who: no sleep after the wait: $row"
		# No line: the wait took less than a column, so only the thread
		# that came last (or nearly) may show none.
		awk -v w="$w" -v c="$COL_NS" 'BEGIN { exit !(w < 3 * c) }' ||
			fail "$who: it waited, and no wait shows: $row"
		near "$b1" $((s1 + s2 + w)) -2.5 4 || fail "$who: $b1 columns: $row"
	fi
done || exit 1
# Thread-1 of Process-1 waits the longest, far more than a column.
[[ $(sed -n 1p "$TMPD/rows") =~ \#~~~ ]] ||
	fail "barrier: Process-1 Thread-1 shows no wait: $(sed -n 1p "$TMPD/rows")"
timeline_done

# --- Mutex -------------------------------------------------------------
"$PTVIZ" --json $ARGS -w mutex 2>/dev/null |
	sed -n 's/.*"event":"holding","proc":\([0-9]*\),"thread":\([0-9]*\),.*"hold_ns":\([0-9]*\).*/\1 \2 \3/p' |
	sort -n -k1 -k2 >"$TMPD/holds"
[ "$(wc -l <"$TMPD/holds")" -eq 6 ] || fail "mutex: no plan: $(cat "$TMPD/holds")"

timeline_of mutex
bars >"$TMPD/rows"
paste -d'|' "$TMPD/holds" "$TMPD/rows" | while IFS='|' read -r plan row; do
	read -r p j ns <<<"$plan"
	who="mutex: Process-$p Thread-$j (holds $ns ns, $COL_NS ns a column)"
	# One hold, maybe after a wait, and no sleeping bar.
	[[ $row =~ ^([^#~@]*)(~*)(@+)[^#~@]*$ ]] ||
		fail "$who: not one hold after a wait: $row"
	head=${#BASH_REMATCH[1]} wm=${#BASH_REMATCH[2]} n=${#BASH_REMATCH[3]}
	near "$n" "$ns" -1.5 2.5 || fail "$who: held $n columns: $row"
	echo "$p $((head + wm)) $((head + wm + n - 1)) $wm" >>"$TMPD/spans"
done || exit 1
# Within a process, holds follow one another: two share a column at most;
# the last to take the mutex waited for both others, a line before it.
for p in 1 2; do
	awk -v p="$p" '$1 == p' "$TMPD/spans" >"$TMPD/spans.$p"
	awk '{ f[NR] = $2; l[NR] = $3 } END {
		for (a = 1; a <= NR; a++) for (b = a + 1; b <= NR; b++) {
			lo = f[a] > f[b] ? f[a] : f[b]; hi = l[a] < l[b] ? l[a] : l[b]
			if (hi - lo + 1 > 1) exit 1 } }' "$TMPD/spans.$p" ||
		fail "mutex: holds of Process-$p overlap (first last column): $(cat "$TMPD/spans.$p") $(cat "$TMPD/rows")"
	[ "$(sort -n -k2 "$TMPD/spans.$p" | tail -n 1 | cut -d' ' -f4)" -ge 3 ] ||
		fail "mutex: the last holder of Process-$p shows no wait: $(cat "$TMPD/rows")"
done
timeline_done
exit 0
