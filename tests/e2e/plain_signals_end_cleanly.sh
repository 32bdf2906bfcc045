# SIGINT, SIGTERM and SIGHUP to ptviz --plain: the children are killed and
# reaped, and ptviz ends with the signal's status (128 + N).
. tests/e2e/lib.sh

# The seed makes every thread sleep 10 s or more: none prints before the
# signal.
for sig in INT TERM HUP; do
	# A job started with & from a script ignores SIGINT (and a shell
	# cannot undo that: POSIX): perl puts it back to the default.
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
		"$PTVIZ" --plain -p 4 -t 3 -s 30 --seed 235811 \
		>"$TMPD/out" 2>/dev/null &
	main=$!
	started() { [ "$(descendants $main | wc -l)" -eq 4 ]; }
	wait_until started || { kill -9 $main; fail "$sig: no children"; }
	kids=$(descendants $main)
	kill -$sig $main
	wait $main
	rc=$?
	want=$((128 + $(kill -l $sig)))
	[ $rc -eq $want ] || fail "$sig: exit $rc, not $want"
	for k in $kids; do
		[ ! -e /proc/$k ] || fail "$sig: child $k left behind"
	done
	[ ! -s "$TMPD/out" ] || fail "$sig: printed $(cat "$TMPD/out")"
done
exit 0
