# No output waits on its reader.  --trace and --record to FIFOs whose
# readers opened them and never read are given one second together at the
# end of the run, then given up on, each told in one line ("its reader
# stopped reading (N bytes not written)"), exit 1: with --plain, --json and
# --replay F --trace T.  SIGTERM, SIGHUP and SIGINT while an output is
# stalled end ptviz within a second or so, with the signal's status and no
# child left; so they do while stdout is stalled.
. tests/e2e/lib.sh

# Case $1 ended with status $2, which is $3, after $5 ms, at most $4; and
# stderr says of each further argument that its reader stopped reading.
told() {
	local what=$1 rc=$2 want=$3 limit=$4 took=$5 f
	shift 5
	[ "$rc" -eq "$want" ] || fail "$what: exit $rc, not $want: $(cat "$TMPD/err")"
	[ "$took" -le "$limit" ] || fail "$what: took $took ms"
	for f in "$@"; do
		grep -Eq "^ptviz: $f: its reader stopped reading \([0-9]+ bytes not written\)$" \
			"$TMPD/err" || fail "$what: $f not told: $(cat "$TMPD/err")"
	done
	[ -z "$(orphans)" ] || fail "$what: left behind: $(orphans)"
	echo "$what: $took ms" >&2
}

# At the end of a short run: both given up on together, every line out.
for mode in --plain --json; do
	stalled_fifo "$TMPD/rec"
	stalled_fifo "$TMPD/tr"
	t0=$(now_ms)
	timeout -k 2 20 "$PTVIZ" $mode -p 16 -t 16 -s 0.2 --seed 3 --record "$TMPD/rec" \
		--trace "$TMPD/tr" >"$TMPD/out" 2>"$TMPD/err"
	told "$mode" $? 1 5000 $(($(now_ms) - t0)) "$TMPD/rec" "$TMPD/tr"
	[ "$(grep -vc '^ptviz: seed ' "$TMPD/err")" -eq 2 ] || fail "$mode: $(cat "$TMPD/err")"
	tail -n 1 "$TMPD/out" | grep -q 'Main process done\.\|"event":"done","proc":0' ||
		fail "$mode: the run was cut: $(tail -n 1 "$TMPD/out")"
done

# Converting a recording.
"$PTVIZ" --plain -p 16 -t 16 -s 0 --seed 3 --record "$TMPD/run.jsonl" >/dev/null 2>&1 ||
	fail "no recording"
stalled_fifo "$TMPD/tr"
t0=$(now_ms)
timeout -k 2 20 "$PTVIZ" --replay "$TMPD/run.jsonl" --trace "$TMPD/tr" >"$TMPD/out" 2>"$TMPD/err"
told "--replay --trace" $? 1 5000 $(($(now_ms) - t0)) "$TMPD/tr"
[ "$(grep -vc '^ptviz: seed ' "$TMPD/err")" -eq 1 ] || fail "--replay --trace: $(cat "$TMPD/err")"

# A signal during a long run: the files of the run so far get their second,
# then ptviz dies of the signal.
for sig in TERM HUP INT; do
	stalled_fifo "$TMPD/rec"
	stalled_fifo "$TMPD/tr"
	# (A background job starts with SIGINT ignored: put it back.)
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
		"$PTVIZ" --json -p 4 -t 4 -s 100 --seed 10 --record "$TMPD/rec" \
		--trace "$TMPD/tr" >"$TMPD/out" 2>"$TMPD/err" &
	main=$!
	four() { [ "$(pgrep -P $main | wc -l)" -eq 4 ]; }
	wait_until four || fail "SIG$sig: the children did not start"
	t0=$(now_ms)
	kill -$sig $main
	wait $main
	told "SIG$sig" $? $((128 + $(kill -l $sig))) 3000 $(($(now_ms) - t0)) \
		"$TMPD/rec" "$TMPD/tr"
done

# stdout stalled at the end of the run: ptviz waits for its reader (a
# pipeline's right), and a signal still acts at once.
for mode in --plain --json; do
	stalled_fifo "$TMPD/out"
	"$PTVIZ" $mode -p 16 -t 16 -s 0 --seed 3 >"$TMPD/out" 2>"$TMPD/err" &
	main=$!
	sleep 0.5
	alive $main || fail "$mode: ptviz did not wait for stdout's reader"
	t0=$(now_ms)
	kill -TERM $main
	wait $main
	told "$mode, stdout stalled, SIGTERM" $? 143 3000 $(($(now_ms) - t0))
done
exit 0
