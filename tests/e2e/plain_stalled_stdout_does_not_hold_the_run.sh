# A reader of stdout that stalls does not hold the run up: its lines wait
# in memory (up to 64 MiB) while the run goes on at its own pace, and are
# written once the reader reads again -- all of them.  64 x 32 threads
# print about 560 KB of JSON, more than a pipe and more than the 256 KiB
# ptviz once stopped at; the recording's times say when things happened.
. tests/e2e/lib.sh

"$PTVIZ" --json -p 64 -t 32 -s 0.2 --seed 4 --record "$TMPD/rec.jsonl" 2>"$TMPD/err" |
	{ sleep 10; cat >"$TMPD/out"; }
rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$TMPD/err")"
cmp -s "$TMPD/out" "$TMPD/rec.jsonl" || fail "stdout and the recording differ"
[ "$(wc -c <"$TMPD/out")" -gt 400000 ] || fail "only $(wc -c <"$TMPD/out") bytes"
# The run's last event, in seconds from its start: the run did not wait
# the 10 s the reader slept.
end=$(tail -n 1 "$TMPD/rec.jsonl" | sed -n 's/^{"t_ns":\([0-9]*\),"event":"done","proc":0,.*/\1/p')
[ -n "$end" ] || fail "no end: $(tail -n 1 "$TMPD/rec.jsonl")"
[ "$end" -lt 8000000000 ] || fail "the run took $end ns: held by its reader"
exit 0
