# A soak of SOAK_RUNS (default 400, 100 under a sanitizer) --plain runs,
# one after another: every run is complete and exits 0, and afterwards no
# orphaned ptviz child and nothing new in /dev/shm is left.  (The in-process soak --
# descriptors and memory flat over 1000 runs -- is a Check test.)
. tests/e2e/lib.sh

# Under a sanitizer a run costs three times as much: 100 rounds there (the
# plain stage runs 400; the in-process soak in Check runs 1000).
runs=${SOAK_RUNS:-$($SANITIZED && echo 100 || echo 400)}
shm=$(ls /dev/shm | wc -l)
for i in $(seq 1 "$runs"); do
	"$PTVIZ" --plain -p 5 -t 3 -s 0 --seed "$i" >"$TMPD/out" 2>/dev/null ||
		fail "run $i: exit $?"
	[ "$(wc -l <"$TMPD/out")" -eq 21 ] || fail "run $i: $(wc -l <"$TMPD/out") lines"
done
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
[ "$(ls /dev/shm | wc -l)" -eq "$shm" ] || fail "/dev/shm grew"
echo "soak: $runs runs, nothing left behind"
exit 0
