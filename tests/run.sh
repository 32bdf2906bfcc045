#!/usr/bin/env bash
# run.sh: run every test -- the Check suites, the TSan ring stress, and the
# end-to-end scripts in tests/e2e -- and end with "N passed, N failed".
# Environment: PTVIZ (the binary), CHECK_BIN, TSAN_BIN; E2E=pattern to run
# only some end-to-end scripts; SCRIPTS, the folder of scripts (tests/e2e;
# tests/package for the package's stage); STAGE (plain, asan, ubsan,
# package) names the build, and SUMMARY, a file to add "STAGE passed failed
# skipped" to.
set -u
cd "$(dirname "$0")/.."

passed=0 failed=0 skipped=0
failures=()

# Check: its own summary line gives the counts.
if [ -n "${CHECK_BIN:-}" ]; then
	out=$(CK_DEFAULT_TIMEOUT=120 "$CHECK_BIN" 2>&1)
	rc=$?
	echo "$out"
	line=$(grep -E '^[0-9]+%: Checks: ' <<<"$out" | tail -n 1)
	if [[ $line =~ Checks:\ ([0-9]+),\ Failures:\ ([0-9]+),\ Errors:\ ([0-9]+) ]]; then
		n=${BASH_REMATCH[1]} f=$((BASH_REMATCH[2] + BASH_REMATCH[3]))
		passed=$((passed + n - f)) failed=$((failed + f))
		[ "$f" -eq 0 ] || failures+=("check: $f")
		# Name each failed check again at the end, where a log's tail shows it.
		while IFS= read -r l; do failures+=("  $l"); done \
			< <(grep -E ':[FE]:' <<<"$out")
	else
		failed=$((failed + 1)); failures+=("check: no summary (exit $rc)")
	fi
fi

# One test program or script: pass (0), skip (77) or fail.
one() {
	local name=$1 rc start=$SECONDS
	shift
	"$@" >"$log" 2>&1
	rc=$?
	case $rc in
	0)	passed=$((passed + 1)); printf 'PASS %-40s %3ss\n' "$name" $((SECONDS - start)) ;;
	77)	skipped=$((skipped + 1)); printf 'SKIP %-40s %s\n' "$name" "$(tail -n 1 "$log")" ;;
	*)	failed=$((failed + 1)); failures+=("$name")
		printf 'FAIL %-40s (exit %d)\n' "$name" "$rc"
		sed 's/^/    /' "$log" | tail -n 30 ;;
	esac
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
[ -n "${TSAN_BIN:-}" ] && one tsan_ring "$TSAN_BIN"

for t in "${SCRIPTS:-tests/e2e}"/*.sh; do
	name=$(basename "$t" .sh)
	[ "$name" = lib ] && continue
	[[ $name == ${E2E:-*} ]] || continue
	one "$name" timeout -k 5 300 bash "$t"
done

[ ${#failures[@]} -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
[ -z "${SUMMARY:-}" ] || echo "${STAGE:-plain} $passed $failed $skipped" >>"$SUMMARY"
echo "${STAGE:-tests}: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
