# The main process killed with SIGKILL: every child is dead within 1 s (an
# orphan's zombie is its new parent's to reap), and nothing is in /dev/shm.
. tests/e2e/lib.sh

shm_before=$(ls /dev/shm | wc -l)
for mode in --plain --json; do
	"$PTVIZ" $mode -p 8 -t 4 -s 30 --seed 235811 >/dev/null 2>&1 &
	main=$!
	started() { [ "$(descendants $main | wc -l)" -eq 8 ]; }
	wait_until started || { kill -9 $main; fail "the children never started"; }
	kids=$(descendants $main)
	kill -KILL $main
	wait $main 2>/dev/null
	WAIT_S=1 wait_until none_alive $kids || fail "$mode: children alive 1 s after the main process died: $kids"
done
[ "$(ls /dev/shm | wc -l)" -eq "$shm_before" ] || fail "/dev/shm changed"
exit 0
