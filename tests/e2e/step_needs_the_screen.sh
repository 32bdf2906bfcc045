# Step mode is the room's, at the keys of the screen.  --step or
# --timed-steps with stdout not a terminal (stdin one), or with stdin not
# a terminal: exit 2 and one line that says which, nothing on stdout.  A
# scene in step mode (14, the race by hand) in lines runs freely: --plain,
# or plain chosen for a stdout that is not a terminal, prints its
# reference lines -- each thread's three moves and its end, its process's
# end after them, the main process's and the counter last -- and exits 0.
# (The options that refuse --step outright are in bad_command_lines.sh.)
. tests/e2e/lib.sh
. tests/e2e/tui.bash

for opt in --step --timed-steps; do
	rm -f "$TMPD/out" "$TMPD/err"
	tm_start 120 10 "$PTVIZ $opt >$TMPD/out 2>$TMPD/err"
	WAIT_S=20 tm_wait_for '^\[exit [0-9]+\]$'
	[ "$(tui_exit_status)" = 2 ] || fail "$opt, stdout a file: exit $(tui_exit_status)"
	[ ! -s "$TMPD/out" ] || fail "$opt, stdout a file: wrote $(head -c 200 "$TMPD/out")"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "$opt: $(cat "$TMPD/err")"
	grep -q "^ptviz: $opt needs the screen: stdout is not a terminal" "$TMPD/err" ||
		fail "$opt: $(cat "$TMPD/err")"
	tm kill-server

	"$PTVIZ" $opt </dev/null >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$opt, stdin not a terminal: exit $rc"
	[ ! -s "$TMPD/out" ] || fail "$opt, stdin not a terminal: wrote to stdout"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "$opt: $(cat "$TMPD/err")"
	grep -q "^ptviz: $opt needs the screen: stdin is not a terminal" "$TMPD/err" ||
		fail "$opt: $(cat "$TMPD/err")"
done

# Scene 14's reference lines in $1: 11 of them, in order.
reference_lines() {
	local f=$1 t tl pl
	[ "$(wc -l <"$f")" -eq 11 ] || fail "$(wc -l <"$f") lines, not 11: $(cat "$f")"
	[ "$(grep -cE '^Process-1 Thread-[12]: reads counter = [01]$' "$f")" -eq 2 ] ||
		fail "not two reads: $(cat "$f")"
	[ "$(grep -cE '^Process-1 Thread-[12]: adds 1 = [12]$' "$f")" -eq 2 ] ||
		fail "not two adds: $(cat "$f")"
	[ "$(grep -cE '^Process-1 Thread-[12]: writes counter = [12]( over [12])?$' "$f")" -eq 2 ] ||
		fail "not two writes: $(cat "$f")"
	pl=$(grep -n '^Process Process-1 done\.$' "$f" | cut -d: -f1)
	[ "$pl" = 9 ] || fail "the process's end is not 9th: $(cat "$f")"
	for t in 1 2; do
		tl=$(grep -n "^>thread Thread-$t in process Process-1 done\.\$" "$f" | cut -d: -f1)
		[ -n "$tl" ] && [ "$tl" -lt "$pl" ] || fail "Thread-$t's end: $(cat "$f")"
	done
	[ "$(sed -n 10p "$f")" = "Main process done." ] || fail "main not 10th: $(cat "$f")"
	tail -n 1 "$f" | grep -qE '^counter [12], should be 2(: 1 update lost)?$' ||
		fail "no counter last: $(cat "$f")"
}
timeout 20 "$PTVIZ" --scene 14 --plain </dev/null >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 0 ] || fail "--scene 14 --plain: exit $rc: $(cat "$TMPD/err")"
[ "$(cat "$TMPD/err")" = "ptviz: seed 14" ] || fail "stderr: $(cat "$TMPD/err")"
reference_lines "$TMPD/out"
timeout 20 "$PTVIZ" --scene 14 </dev/null >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 0 ] || fail "--scene 14, stdout a file: exit $rc: $(cat "$TMPD/err")"
reference_lines "$TMPD/out"
exit 0
