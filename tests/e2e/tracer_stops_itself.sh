# A traced program that stops itself (SIGSTOP, SIGTSTP) stays stopped --
# ptviz does not hang, nor let it go on -- and --json says so (a "kernel"
# record of class "stopped"), traced or watched with --poll: SIGCONT from
# outside lets it go on and end, exit 0; stopped again, SIGTERM to ptviz
# ends ptviz (143) and the program within ten seconds.
. tests/e2e/lib.sh

# COMMAND's pid, from its exec's record.
pid() {
	sed -n 's/.*"event":"exec","proc":1,.*"pid":\([0-9]*\),.*/\1/p' \
	    "$TMPD/out" | head -1
}
stopped() {
	[ -n "$(pid)" ] && case $(cut -d' ' -f3 "/proc/$(pid)/stat") in
	[tT]) true ;;
	*) false ;;
	esac
}
told() { grep -q '"proc":1,.*"class":"stopped"' "$TMPD/out"; }

for how in STOP:CONT: TSTP:TERM: STOP:TERM:--poll TSTP:CONT:--poll; do
	IFS=: read -r sig end mode <<<"$how"
	"$PTVIZ" --json $mode -- sh -c "kill -$sig \$\$; echo after" \
	    >"$TMPD/out" 2>"$TMPD/err" &
	main=$!
	wait_until stopped || { kill -9 $main; fail "$how: never stopped"; }
	wait_until told || { kill -9 $main; fail "$how: not told stopped"; }
	alive $main || fail "$how: ptviz died"
	! grep -q after "$TMPD/err" || fail "$how: went on stopped"
	t0=$(now_ms)
	kill -$end $([ $end = CONT ] && pid || echo $main)
	wait $main
	rc=$?
	want=$([ $end = CONT ] && echo 0 || echo 143)
	[ $rc -eq $want ] || fail "$how: exit $rc, not $want"
	[ $(($(now_ms) - t0)) -lt 10000 ] || fail "$how: slow end"
	[ $end = TERM ] || grep -qx after "$TMPD/err" ||
		fail "$how: did not go on"
	WAIT_S=5 wait_until none_alive $(pid) || fail "$how: left running"
done
exit 0
