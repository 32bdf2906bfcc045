# With stdout not a terminal, ptviz prints the plain lines without being asked.
. tests/e2e/lib.sh

"$PTVIZ" -p 2 -t 2 -s 0 --seed 1 </dev/null >"$TMPD/out" 2>"$TMPD/err" ||
	fail "exit status $?"
[ "$(wc -l <"$TMPD/out")" -eq 7 ] || fail "$(cat "$TMPD/out")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "main not last"
[ "$(cat "$TMPD/err")" = "ptviz: seed 1" ] || fail "stderr: $(cat "$TMPD/err")"
exit 0
