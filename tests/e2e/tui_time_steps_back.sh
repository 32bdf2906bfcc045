# Time travel, one event at a time: from the end of a run, `,` steps back
# until before the first thread is done -- the grid shows no finished
# thread and the log no thread line -- and `.` steps forward again to a
# screen identical to the final one.  Both views.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

for view in grid timeline; do
	tui_start 120 40 -p 3 -t 2 -s 0.5 --seed 11
	WAIT_S=10 tm_wait_for '^elapsed .* finished'
	[ $view = grid ] || { tm send-keys -t t t; tm_wait_for '^  time \(s\)'; }
	final=$(tm_screen)
	total=$(tm_screen | grep -c .)
	steps=0
	before_first_done() { tm_screen | grep -q 'threads done 0/6'; }
	until before_first_done; do
		tm send-keys -t t ,
		steps=$((steps + 1))
		[ $steps -le 100 ] || fail "$view: 100 steps back and still a thread done"
		WAIT_S=2 tm_wait_for "event [0-9]+/[0-9]+"
	done
	screen=$(tm_screen)
	grep -q '^at [0-9.]* s of [0-9.]* s' <<<"$screen" || fail "$view: the header does not say when: $screen"
	grep -q '>thread' <<<"$screen" && fail "$view: the log has a thread line: $screen"
	if [ $view = grid ]; then
		rows=$(grep -E '^.{2}Process-[0-9] ' <<<"$screen")
		grep -q '✓' <<<"$rows" && fail "grid: a finished thread shows: $rows"
	else
		grep -q '✓' <<<"$screen" && fail "timeline: a finished thread shows: $screen"
	fi
	# Forward as many steps: the final screen again.
	for _ in $(seq 1 $steps); do
		tm send-keys -t t .
	done
	WAIT_S=5 tm_wait_for '^elapsed .* finished'
	sleep 0.3
	[ "$(tm_screen)" = "$final" ] || {
		diff <(echo "$final") <(tm_screen) >&2
		fail "$view: $steps steps forward do not end on the final screen"
	}
	tm send-keys -t t q
	tm_wait_for '^\[exit 0\]$'
	tm kill-server
	sleep 0.2
done
exit 0
