# With too few descriptors (ulimit -n 6) the message names the call that
# failed -- open /dev/null, not fork -- every process is named as never
# forked, and ptviz exits 1 with nothing left behind.
. tests/e2e/lib.sh

(ulimit -n 6 && exec "$PTVIZ" --plain -p 3 -t 2 -s 0.1 --seed 1) \
	>"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 1 ] || fail "exit $rc: $(cat "$TMPD/err")"
grep -qx 'ptviz: open /dev/null: Too many open files' "$TMPD/err" ||
	fail "the failed call is not named: $(cat "$TMPD/err")"
grep -q '^ptviz: fork' "$TMPD/err" && fail "fork is blamed: $(cat "$TMPD/err")"
grep -q 'Process-3' "$TMPD/err" || fail "the processes are not named: $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "no main line"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
exit 0
