# Output errors are never silent: stdout on /dev/full, a reader that went
# away while SIGPIPE is ignored: one line on stderr naming the error,
# children killed and reaped, exit 1 -- at once, not at the end of the run.
# With SIGPIPE at its default, a reader going away ends ptviz quietly by
# SIGPIPE, as in any pipeline.  --help and --version to a full device fail
# too.  And a stalled reader never keeps a signal from acting.
. tests/e2e/lib.sh

# Ends within `limit` seconds with status `want` and stderr `msg`.
check() {
	local what=$1 want=$2 msg=$3 limit=$4 rc=$5 took=$6
	[ "$rc" -eq "$want" ] || fail "$what: exit $rc, not $want: $(cat "$TMPD/err")"
	[ "$took" -le $((limit * 1000)) ] || fail "$what: took $took ms"
	if [ -n "$msg" ]; then
		grep -qxF "$msg" "$TMPD/err" || fail "$what: '$(cat "$TMPD/err")'"
		[ "$(grep -c '^ptviz: stdout' "$TMPD/err")" -eq 1 ] ||
			fail "$what: told more than once: $(cat "$TMPD/err")"
	fi
	[ -z "$(orphans)" ] || fail "$what: left behind: $(orphans)"
}

# Seed 8: one thread ends at 0.6 s, the others after 26 s.
for mode in --plain --json; do
	t0=$(now_ms)
	timeout 20 "$PTVIZ" $mode -p 2 -t 2 -s 30 --seed 8 >/dev/full 2>"$TMPD/err"
	check "$mode to /dev/full" 1 "ptviz: stdout: No space left on device" 5 $? $(($(now_ms) - t0))
done
for opt in --help --version; do
	"$PTVIZ" $opt >/dev/full 2>"$TMPD/err"
	check "$opt to /dev/full" 1 "ptviz: stdout: No space left on device" 5 $? 0
done

# Seed 10: nothing is printed for 20 s; the reader leaves at once.
t0=$(now_ms)
timeout 20 perl -e '$SIG{PIPE} = "IGNORE"; exec @ARGV or die' \
	"$PTVIZ" --plain -p 2 -t 2 -s 30 --seed 10 2>"$TMPD/err" | true
check "reader gone, SIGPIPE ignored" 1 "ptviz: stdout: Broken pipe" 5 "${PIPESTATUS[0]}" $(($(now_ms) - t0))
t0=$(now_ms)
timeout 20 "$PTVIZ" --plain -p 2 -t 2 -s 30 --seed 10 2>"$TMPD/err" | true
check "reader gone" 141 "" 5 "${PIPESTATUS[0]}" $(($(now_ms) - t0))
grep -q 'stdout' "$TMPD/err" && fail "a quiet SIGPIPE said: $(cat "$TMPD/err")"

# A reader that never reads: ptviz waits with its pipe full, and each
# ending signal still acts at once.
mkfifo "$TMPD/fifo"
exec 3<>"$TMPD/fifo"
for sig in TERM INT HUP; do
	# (A background job starts with SIGINT ignored: put it back.)
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
		"$PTVIZ" --json -p 64 -t 64 -s 0.5 --seed 1 >"$TMPD/fifo" 2>"$TMPD/err" &
	main=$!
	has_child() { pgrep -P $main >/dev/null; }
	wait_until has_child || fail "no child"
	# 1.6 MB of records: the pipe and ptviz's buffer fill, the children
	# wait on their full rings.
	sleep 1.5
	alive $main || fail "$sig: ptviz ended with nowhere to write"
	kids=$(pgrep -P $main)
	t0=$(now_ms)
	kill -$sig $main
	wait $main
	rc=$?
	took=$(($(now_ms) - t0))
	[ $rc -eq $((128 + $(kill -l $sig))) ] || fail "SIG$sig on a stalled pipe: exit $rc"
	# Within a second; a sanitizer makes tearing 4096 threads down slow.
	[ $took -le $($SANITIZED && echo 4000 || echo 1000) ] ||
		fail "SIG$sig on a stalled pipe took $took ms"
	left=$(ps -o pid=,stat= -p "$(echo $kids | tr ' ' ,)" | awk '$2 !~ /^Z/')
	[ -z "$left" ] || fail "SIG$sig: children left: $left"
	# Empty the pipe for the next round.
	timeout 0.5 cat <&3 >/dev/null
done
exit 0
