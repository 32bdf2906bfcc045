# A child killed with SIGKILL mid-run, many times over: the run still ends,
# the other processes' lines all appear, the killed one is reported on
# stderr, exit status 1, and nothing hangs.  Five killed at once: three are
# told in full and one line counts the other two.
. tests/e2e/lib.sh

# Seeds whose Process-3 sleeps 75 % of the longest sleep or more in one
# thread at least (0.75 s of 1), so the kill lands before it is done even
# on a loaded machine.  Under a sanitizer, the first six seeds.
round=0
seeds="3 6 10 11 12 15 16 18 22 26"
! $SANITIZED || seeds="3 6 10 11 12 15"
for seed in $seeds; do
	round=$((round + 1))
	"$PTVIZ" --plain -p 5 -t 3 -s 1 --seed $seed >"$TMPD/out" 2>"$TMPD/err" &
	main=$!
	# Kill the child titled Process-3 as soon as it exists.
	victim=
	find_victim() {
		victim=$(pgrep -P $main -f '^ptviz: Process-3( |$)')
		[ -n "$victim" ]
	}
	WAIT_S=5 wait_until find_victim || { kill -9 $main; fail "no Process-3"; }
	# Alternate: at once (threads starting) or while the threads sleep.
	[ $((round % 2)) -eq 0 ] && sleep 0.1
	kill -KILL "$victim"
	WAIT_S=10 wait_until sh -c "! kill -0 $main 2>/dev/null" ||
		{ kill -9 $main; fail "round $round: ptviz hung"; }
	wait $main
	rc=$?
	[ $rc -eq 1 ] || fail "round $round: exit $rc"
	grep -q "^ptviz: Process-3 (pid $victim) was killed by SIGKILL$" "$TMPD/err" ||
		fail "round $round: stderr: $(cat "$TMPD/err")"
	[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "round $round: no main line"
	for p in 1 2 4 5; do
		grep -q "^Process Process-$p done\.$" "$TMPD/out" || fail "round $round: Process-$p missing"
		[ "$(grep -c "in process Process-$p done" "$TMPD/out")" -eq 3 ] ||
			fail "round $round: threads of Process-$p missing"
	done
	! grep -q "^Process Process-3 done" "$TMPD/out" || fail "round $round: Process-3 said done"
done

# Five of six killed while their threads sleep (up to 5 s: none is done).
"$PTVIZ" --plain -p 6 -t 3 -s 5 --seed 1 >"$TMPD/out" 2>"$TMPD/err" &
main=$!
six() { [ "$(descendants $main | wc -l)" -eq 6 ]; }
WAIT_S=5 wait_until six || { kill -9 $main; fail "not six children"; }
sleep 0.1
for k in $(descendants $main); do
	tr '\0' ' ' </proc/$k/cmdline 2>/dev/null | grep -q '^ptviz: Process-6' ||
		kill -KILL "$k"
done
WAIT_S=10 wait_until sh -c "! kill -0 $main 2>/dev/null" ||
	{ kill -9 $main; fail "five killed: ptviz hung"; }
wait $main
rc=$?
[ $rc -eq 1 ] || fail "five killed: exit $rc"
[ "$(grep -c '^ptviz: Process-[1-5] (pid [0-9]*) was killed by SIGKILL$' "$TMPD/err")" -eq 3 ] ||
	fail "five killed: not three told: $(cat "$TMPD/err")"
grep -q '^ptviz: \.\.\. and 2 more processes were killed$' "$TMPD/err" ||
	fail "five killed: the other two not counted: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/err")" -eq 5 ] || fail "five killed: $(cat "$TMPD/err")"
grep -q '^Process Process-6 done\.$' "$TMPD/out" || fail "Process-6 did not finish"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "five killed: no main line"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
exit 0
