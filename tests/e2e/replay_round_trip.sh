# A recording replays as the run that made it: --plain of the replay is the
# --plain of the live run, line for line; --json of the replay is the
# recording, byte for byte; --json of a live run is a recording (the same
# bytes as its --record); standard input reads as well as a file.
. tests/e2e/lib.sh

n=0
for spec in "-p 5 -t 3 -s 0.2 --seed 1" \
	    "-p 4 -t 8 -s 0.05 --seed 18446744073709551615" \
	    "-p 12 -t 2 -s 0 --seed 42" \
	    "-p 3 -t 3 -s 0.1 --seed 9 --ring-slots 2" \
	    "-p 1 -t 1 -s 0.01 --seed 0"; do
	n=$((n + 1))
	rec=$TMPD/r$n.jsonl
	# shellcheck disable=SC2086
	"$PTVIZ" --plain $spec --record "$rec" >"$TMPD/live" 2>"$TMPD/live.err" ||
		fail "$spec: live run: exit $? $(cat "$TMPD/live.err")"
	"$PTVIZ" --replay "$rec" --plain >"$TMPD/replay" 2>"$TMPD/replay.err" ||
		fail "$spec: replay: exit $? $(cat "$TMPD/replay.err")"
	cmp -s "$TMPD/live" "$TMPD/replay" ||
		fail "$spec: the replay's lines differ: $(diff "$TMPD/live" "$TMPD/replay" | head -n 5)"
	[ "$(wc -l <"$TMPD/replay")" -gt 2 ] || fail "$spec: no lines replayed"
	# stderr names the seed, as the live run's did.
	cmp -s "$TMPD/live.err" "$TMPD/replay.err" ||
		fail "$spec: stderr differs: $(cat "$TMPD/replay.err")"
	"$PTVIZ" --replay "$rec" --json >"$TMPD/again" ||
		fail "$spec: --replay --json: exit $?"
	cmp -s "$rec" "$TMPD/again" || fail "$spec: --json of the replay is not the recording"
	head -n 1 "$rec" | grep -q '^{"event":"run","format":"ptviz","version":3,' ||
		fail "$spec: no format in the run record: $(head -n 1 "$rec")"
done

# --json and --record write the same bytes.
"$PTVIZ" --json -p 3 -t 4 -s 0.05 --seed 5 --record "$TMPD/rec" >"$TMPD/json" 2>/dev/null ||
	fail "--json --record: exit $?"
cmp -s "$TMPD/rec" "$TMPD/json" || fail "--json and --record differ"
# --json > file is a recording; - reads standard input.
"$PTVIZ" --replay - --plain <"$TMPD/json" >"$TMPD/stdin" 2>/dev/null ||
	fail "--replay -: exit $?"
"$PTVIZ" --replay "$TMPD/json" --plain >"$TMPD/file" 2>/dev/null
cmp -s "$TMPD/stdin" "$TMPD/file" || fail "--replay - differs from the file"
grep -qx 'Main process done.' "$TMPD/stdin" || fail "nothing replayed from stdin"
# A recording replayed and recorded again is the same bytes.
"$PTVIZ" --replay "$TMPD/json" --plain --record "$TMPD/copy" >/dev/null 2>&1
cmp -s "$TMPD/copy" "$TMPD/json" || fail "--replay --record is not a copy"
exit 0
