# Each bad command line: exit 2, one line "ptviz: ..." with a hint to --help
# on stderr, nothing on stdout, and no process started (strace sees no fork).
. tests/e2e/lib.sh

command -v strace >/dev/null || skip "no strace"
bad=(
	"-p 0" "-p 1025" "-p -1" "-p abc" "-p ''" "-p 5x" "-t 0" "-t 2000"
	"-t 1e3" "-s -1" "-s nan" "-s inf" "-s 1e9" "-s 3600.5" "-s 1,5"
	"-s ''" "--seed -1" "--seed 18446744073709551616" "--seed x"
	"--ring-slots 3" "-p" "--seed" "-x" "--bogus" "--plain --json"
	"stray" "-p 3 extra" "--processes=" "-s 0.0000000001"
	"--runs 0" "--runs abc" "--runs 10001" "--runs" "--vary-seed"
	"--runs 2 --replay x" "--runs 2 --record x" "--runs 2 --trace x"
	"--step --plain" "--step --json" "--step --runs 3 --plain"
	"--step --replay x" "--step -- true" "--timed-steps --plain"
)
n=0
for args in "${bad[@]}"; do
	eval "set -- $args"
	# LeakSanitizer cannot run under ptrace (and would clone to try).
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=fork,vfork,clone,clone3 -o "$TMPD/trace" \
		"$PTVIZ" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 2 ] || fail "'$args': exit $rc"
	[ ! -s "$TMPD/out" ] || fail "'$args': wrote to stdout"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "'$args': $(cat "$TMPD/err")"
	grep -q '^ptviz: .*--help' "$TMPD/err" || fail "'$args': $(cat "$TMPD/err")"
	! grep -qE 'clone|fork' "$TMPD/trace" || fail "'$args' started a process"
	n=$((n + 1))
done
[ $n -ge 15 ] || fail "only $n bad command lines"
exit 0
