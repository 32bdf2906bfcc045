# The room sees which children are zombies: every cell of a process that
# has ended and is not reaped shows the zombie's glyph (with the thread's
# finishing rank), as the teacher's guide promises for scene 10; once `z`
# reaps them the cells are done again.  Reaping is held from the start of
# scene 10, so no scheduler order decides what shows.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 36 --scene 10
for i in 1 2 3 4; do
	WAIT_S=20 tm_wait_for "^  Process-$i +[0-9]+ zombie "
done
for i in 1 2 3 4; do
	row=$(tui_row $i)
	[ "$(grep -o '†' <<<"$row" | wc -l)" -eq 2 ] ||
		fail "Process-$i is a zombie, its cells are not: $row"
	grep -Eq '† [0-9]+ +. ?† [0-9]+' <<<"$row" ||
		fail "Process-$i: the zombie cells lost their ranks: $row"
	grep -q '✓' <<<"$row" && fail "Process-$i: a zombie's cell shows done: $row"
done
tm send-keys -t t z
for i in 1 2 3 4; do
	tm_wait_for "^  Process-$i +[0-9]+ done "
done
for i in 1 2 3 4; do
	row=$(tui_row $i)
	[ "$(grep -o '✓' <<<"$row" | wc -l)" -eq 2 ] ||
		fail "Process-$i was reaped, its cells are not done: $row"
	grep -q '†' <<<"$row" && fail "Process-$i: reaped, a cell is still a zombie: $row"
done
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
