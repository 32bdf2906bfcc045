# A traced program that ignores SIGTERM, SIGINT and SIGHUP, and its child
# that ignores them too: SIGTERM, SIGINT or SIGHUP to ptviz (--plain and
# --json) still ends them both, and ptviz dies of the signal; SIGKILL to
# ptviz ends them too (PTRACE_O_EXITKILL).  Nothing is left behind.
. tests/e2e/lib.sh

prog=$(tracee ignore_term)
for how in --plain:TERM --json:INT --plain:HUP --json:KILL; do
	mode=${how%:*} sig=${how#*:}
	# A job started with & ignores SIGINT: perl puts it back.
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
	    "$PTVIZ" $mode -- "$prog" >"$TMPD/out" 2>"$TMPD/err" &
	main=$!
	pids() { [ "$(grep -oE '^[0-9]+ [0-9]+$' "$TMPD/out" 2>/dev/null ||
	    grep -oE '^[0-9]+ [0-9]+$' "$TMPD/err")" != "" ]; }
	wait_until pids || { kill -9 $main; fail "$how: never started"; }
	kids=$(grep -hoE '^[0-9]+ [0-9]+$' "$TMPD/out" "$TMPD/err")
	kill -$sig $main
	wait $main
	rc=$?
	want=$((128 + $(kill -l $sig)))
	[ $rc -eq $want ] || fail "$how: exit $rc, not $want"
	WAIT_S=2 wait_until none_alive $kids || fail "$how: left running: $kids"
done
exit 0
