# A 120x40 screen with -p 5 -t 3 -s 1 shows Process-1..5 with 3 cells each;
# every cell reaches done, and the log holds the reference program's 21
# lines, each once; quitting then exits 0.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 5 -t 3 -s 1 --seed 7
tm_wait_for '5 processes × 3 threads'
for i in 1 2 3 4 5; do
	WAIT_S=5 wait_until tui_row_has_cells $i 3 ||
		fail "Process-$i does not show 3 cells: $(tui_row $i)"
done
WAIT_S=10 tm_wait_for 'threads done 15/15'
tm_wait_for '^elapsed .* finished'
for i in 1 2 3 4 5; do
	done_cells=$(tui_row $i | grep -o '✓' | wc -l)
	[ "$done_cells" -eq 3 ] || fail "Process-$i: $done_cells cells done: $(tui_row $i)"
	tui_row $i | grep -q ' done ' || fail "Process-$i is not done: $(tui_row $i)"
done
screen=$(tm_screen)
log() { grep -oE '^ +[0-9]+\.[0-9]{3} s  (>thread Thread-[0-9]+ in process Process-[0-9]+ done\.|Process Process-[0-9]+ done\.|Main process done\.)' <<<"$screen" | sed 's/^ *[0-9.]* s  //'; }
[ "$(log | wc -l)" -eq 21 ] || { echo "$screen" >&2; fail "the log holds $(log | wc -l) lines, not 21"; }
[ "$(log | sort -u | wc -l)" -eq 21 ] || fail "the log repeats a line"
[ "$(log | tail -n 1)" = "Main process done." ] || fail "Main process done. is not last"
for i in 1 2 3 4 5; do
	# A process's line comes after its own threads' lines.
	n=$(log | grep -n "^Process Process-$i done\.$" | cut -d: -f1)
	for j in 1 2 3; do
		m=$(log | grep -n "^>thread Thread-$j in process Process-$i done\.$" | cut -d: -f1)
		[ -n "$m" ] && [ "$m" -lt "$n" ] || fail "Thread-$j of Process-$i is not logged before its process"
	done
done
# A finished run with no fault: quitting exits 0.
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
