# Started by a parent that set SIGCHLD to SIG_IGN (the kernel would reap
# the children itself and the run would never end): ptviz puts SIGCHLD back
# to its default and the run ends as usual.
. tests/e2e/lib.sh

timeout 20 perl -e '$SIG{CHLD} = "IGNORE"; exec @ARGV or die' \
	"$PTVIZ" --plain -p 3 -t 2 -s 0.3 --seed 1 >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 0 ] || fail "exit $rc (124: it hung): $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "no main line"
[ "$(grep -c '^Process Process-[0-9] done\.$' "$TMPD/out")" -eq 3 ] ||
	fail "not every process was done: $(cat "$TMPD/out")"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
exit 0
