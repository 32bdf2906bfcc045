# The tiniest ring (2 slots) under large counts: producers wait, nothing is
# lost -- every one of the events arrives.
. tests/e2e/lib.sh

# 256 x 64 in the plain stage; a sanitizer's stage looks for memory errors,
# which a quarter of the processes meet as well, in a quarter of the time.
P=256 T=64
! $SANITIZED || P=64
"$PTVIZ" --json --ring-slots 2 -p $P -t $T -s 0 --seed 1 >"$TMPD/out" 2>"$TMPD/err" ||
	fail "exit $?: $(cat "$TMPD/err")"
want=$((1 + 2 + P * (5 + 3 * T)))
got=$(wc -l <"$TMPD/out")
[ "$got" -eq $want ] || fail "$got records, not $want"
[ "$(grep -c '"event":"done","proc":[0-9]*,"thread":[1-9]' "$TMPD/out")" -eq $((P * T)) ] ||
	fail "not every thread is done"
exit 0
