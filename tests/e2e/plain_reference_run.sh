# --plain -p 5 -t 3 -s 0.5 --seed 42 prints exactly the reference lines:
# 15 thread lines, each process's line after its own 3 threads, "Main process
# done." last; the seed on stderr; exit 0; within 0.5 s plus a little.
. tests/e2e/lib.sh

start=$(date +%s%N)
"$PTVIZ" --plain -p 5 -t 3 -s 0.5 --seed 42 >"$TMPD/out" 2>"$TMPD/err"
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
[ $rc -eq 0 ] || fail "exit status $rc"
[ "$(cat "$TMPD/err")" = "ptviz: seed 42" ] || fail "stderr: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/out")" -eq 21 ] || fail "$(wc -l <"$TMPD/out") lines, not 21"
[ "$(grep -c '^>thread Thread-[1-3] in process Process-[1-5] done\.$' "$TMPD/out")" -eq 15 ] ||
	fail "not 15 thread lines"
[ "$(sort -u "$TMPD/out" | wc -l)" -eq 21 ] || fail "a line repeats"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "main is not last"
for p in 1 2 3 4 5; do
	pl=$(grep -n "^Process Process-$p done\.$" "$TMPD/out" | cut -d: -f1)
	[ -n "$pl" ] || fail "no line for Process-$p"
	for t in 1 2 3; do
		tl=$(grep -n "^>thread Thread-$t in process Process-$p done\.$" "$TMPD/out" | cut -d: -f1)
		[ -n "$tl" ] && [ "$tl" -lt "$pl" ] ||
			fail "Thread-$t of Process-$p is not before its process"
	done
done
# The sleeps are below 0.5 s; forking 5 processes takes milliseconds.
[ $ms -lt 1500 ] || fail "took $ms ms"
exit 0
