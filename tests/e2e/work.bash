# work.bash: helpers of the workload tests (work_*.sh), on top of lib.sh.
# Sourced after it; not a test itself (run.sh runs *.sh only).

# Run `ptviz --json "$@"` (after the output file $1) into $1; the run must
# exit 0 with nothing on stderr, else the test fails naming $WHAT.
work_json() {
	local out=$1 rc
	shift
	timeout -k 5 60 "$PTVIZ" --json "$@" >"$out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 0 ] || fail "$WHAT: exit $rc: $(cat "$TMPD/err")"
	[ ! -s "$TMPD/err" ] || fail "$WHAT: stderr: $(cat "$TMPD/err")"
}
