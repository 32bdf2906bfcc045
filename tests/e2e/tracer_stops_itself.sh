# A traced program that stops itself (SIGSTOP, SIGTSTP) stays stopped --
# ptviz does not hang, nor let it go on: SIGCONT from outside lets it go
# on and end, exit 0; stopped again, SIGTERM to ptviz ends ptviz (143)
# and the program within ten seconds.
. tests/e2e/lib.sh

for sig in STOP TSTP; do
	for end in CONT TERM; do
		"$PTVIZ" --json -- sh -c "kill -$sig \$\$; echo after" \
		    >"$TMPD/out" 2>"$TMPD/err" &
		main=$!
		pid() { sed -n 's/.*"event":"exec","proc":1,.*"pid":\([0-9]*\),.*/\1/p' "$TMPD/out"; }
		stopped() {
			[ -n "$(pid)" ] &&
			    [ "$(cut -d' ' -f3 /proc/$(pid)/stat)" = t ] ||
			    [ "$(cut -d' ' -f3 /proc/$(pid)/stat)" = T ]
		}
		wait_until stopped || { kill -9 $main; fail "$sig: never stopped"; }
		alive $main || fail "$sig: ptviz died"
		! grep -q after "$TMPD/err" || fail "$sig: went on stopped"
		t0=$(now_ms)
		kill -$end $([ $end = CONT ] && pid || echo $main)
		wait $main
		rc=$?
		want=$([ $end = CONT ] && echo 0 || echo 143)
		[ $rc -eq $want ] || fail "$sig, then $end: exit $rc, not $want"
		[ $(($(now_ms) - t0)) -lt 10000 ] || fail "$sig, $end: slow end"
		[ $end = TERM ] || grep -qx after "$TMPD/err" ||
			fail "$sig, $end: did not go on"
		WAIT_S=5 wait_until none_alive $(pid) ||
			fail "$sig, then $end: left running"
	done
done
exit 0
