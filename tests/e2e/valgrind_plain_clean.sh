# --plain and --json under valgrind memcheck: no error and no leak, also when
# a child is killed.  The main process must not even leave memory reachable
# (only what lives as long as the process by design is suppressed: see
# tests/valgrind.supp): valgrind prints any such block, and
# the test wants no valgrind line at all.  The children, silent, only fail
# on real leaks: at _exit they still hold the main process's heap.
. tests/e2e/lib.sh

command -v valgrind >/dev/null || skip "no valgrind"
[ "${STAGE:-plain}" = plain ] || skip "valgrind runs on the plain build only"
vg=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all
	--errors-for-leak-kinds=definite,indirect,possible
	--child-silent-after-fork=yes --suppressions=tests/valgrind.supp)
"${vg[@]}" "$PTVIZ" --plain -p 4 -t 4 -s 0.1 --seed 2 >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 0 ] || fail "plain: exit $rc: $(cat "$TMPD/err")"
[ "$(cat "$TMPD/err")" = "ptviz: seed 2" ] || fail "plain: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/out")" -eq 21 ] || fail "plain: $(wc -l <"$TMPD/out") lines"
"${vg[@]}" "$PTVIZ" --json -p 3 -t 3 -s 0 --seed 2 >"$TMPD/out" 2>"$TMPD/err" ||
	fail "json: exit $?: $(cat "$TMPD/err")"
[ ! -s "$TMPD/err" ] || fail "json: $(cat "$TMPD/err")"
# Recording, replaying (json-c), exporting; a bad recording refused.
"${vg[@]}" "$PTVIZ" --json -p 3 -t 3 -s 0 --seed 2 --record "$TMPD/r.jsonl" \
	--trace "$TMPD/t.json" >/dev/null 2>"$TMPD/err" || fail "record: exit $?: $(cat "$TMPD/err")"
[ ! -s "$TMPD/err" ] || fail "record: $(cat "$TMPD/err")"
"${vg[@]}" "$PTVIZ" --replay "$TMPD/r.jsonl" --json --trace "$TMPD/t2.json" \
	>"$TMPD/out" 2>"$TMPD/err" || fail "replay: exit $?: $(cat "$TMPD/err")"
[ ! -s "$TMPD/err" ] || fail "replay: $(cat "$TMPD/err")"
cmp -s "$TMPD/out" "$TMPD/r.jsonl" || fail "replay: not the recording"
sed '5s/"proc":[0-9]*/"proc":99/' "$TMPD/r.jsonl" >"$TMPD/bad.jsonl"
"${vg[@]}" "$PTVIZ" --replay "$TMPD/bad.jsonl" >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 2 ] && [ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "bad replay: $(cat "$TMPD/err")"
# Every workload; a deadlock is told, killed and leaves nothing.
for w in cpu mutex global-mutex semaphore barrier; do
	"${vg[@]}" "$PTVIZ" --json -p 2 -t 3 -s 0.02 --seed 2 -w "$w" \
		>"$TMPD/out" 2>"$TMPD/err" || fail "$w: exit $?: $(cat "$TMPD/err")"
	[ ! -s "$TMPD/err" ] || fail "$w: $(cat "$TMPD/err")"
done
"${vg[@]}" "$PTVIZ" --plain -p 2 -t 2 -s 0.02 --seed 2 -w deadlock \
	>"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 1 ] && grep -q 'deadlock in Process-' "$TMPD/err" &&
	! grep -q '^==' "$TMPD/err" || fail "deadlock: $(cat "$TMPD/err")"
"${vg[@]}" "$PTVIZ" --bogus >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 2 ] || fail "bad option: $(cat "$TMPD/err")"

# A child killed mid-run: exit 1, and still clean.
"${vg[@]}" "$PTVIZ" --plain -p 3 -t 2 -s 2 --seed 235811 >"$TMPD/out" 2>"$TMPD/err" &
main=$!
kids() { [ "$(descendants $main | wc -l)" -eq 3 ]; }
wait_until kids || { kill -9 $main; fail "no children"; }
kill -KILL "$(descendants $main | head -n 1)"
wait $main
rc=$?
[ $rc -eq 1 ] || fail "killed child: exit $rc: $(cat "$TMPD/err")"
! grep -q '^==' "$TMPD/err" || fail "valgrind: $(cat "$TMPD/err")"
exit 0
