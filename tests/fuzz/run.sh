#!/usr/bin/env bash
# run.sh SECONDS FUZZER...: run each libFuzzer target for SECONDS from a
# copy of its seed corpus (tests/fuzz/corpus/NAME); print one line each.
set -u
secs=$1
shift
status=0 ok=0
for f in "$@"; do
	name=$(basename "$f")
	work=$(mktemp -d)
	cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
	if "$f" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$work/" "$work" \
		>"$work.log" 2>&1; then
		runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
		echo "fuzz $name: ok, $runs inputs in ${secs}s"
		ok=$((ok + 1))
	else
		echo "fuzz $name: FAILED"
		grep -v '^#\|^INFO' "$work.log" | tail -n 40
		for c in "$work"/crash-* "$work"/timeout-* "$work"/oom-*; do
			[ -e "$c" ] && { echo "input $c:"; od -A x -t x1z "$c" | head -n 20; }
		done
		status=1
	fi
	rm -rf "$work" "$work.log"
done
[ -z "${SUMMARY:-}" ] || echo "fuzz $ok $(($# - ok)) 0" >>"$SUMMARY"
exit $status
