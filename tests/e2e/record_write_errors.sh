# --record that cannot be written: a path that cannot be made, or a FIFO
# nobody reads, is refused before the run (exit 2); a write that fails
# during the run (a full disk, a reader that went away) is told once, in
# one line, and the run goes on to its end (exit 1).  On the screen the
# header says so and the run goes on.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

"$PTVIZ" --plain -p 2 -t 2 -s 0 --record /nonexistent/r.jsonl >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 2 ] || fail "an impossible path: exit not 2"
[ "$(cat "$TMPD/err")" = "ptviz: --record /nonexistent/r.jsonl: No such file or directory" ] ||
	fail "an impossible path: $(cat "$TMPD/err")"
[ ! -s "$TMPD/out" ] || fail "an impossible path: the run started"
mkfifo "$TMPD/fifo"
timeout 5 "$PTVIZ" --plain -p 2 -t 2 -s 0 --record "$TMPD/fifo" >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 2 ] || fail "a FIFO without a reader: exit not 2 (or it waited)"
[ "$(cat "$TMPD/err")" = "ptviz: --record $TMPD/fifo: a FIFO nobody reads" ] ||
	fail "a FIFO without a reader: $(cat "$TMPD/err")"
timeout 5 "$PTVIZ" --plain -p 2 -t 2 -s 0 --trace "$TMPD/fifo" >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 2 ] && [ "$(cat "$TMPD/err")" = "ptviz: --trace $TMPD/fifo: a FIFO nobody reads" ] ||
	fail "--trace to a FIFO without a reader: $(cat "$TMPD/err")"
"$PTVIZ" --plain -p 2 -t 2 -s 0 --trace /nonexistent/t.json >/dev/null 2>"$TMPD/err"
[ $? -eq 2 ] && grep -q '^ptviz: --trace /nonexistent/t.json: No such file' "$TMPD/err" ||
	fail "--trace to an impossible path: $(cat "$TMPD/err")"

# One bad file leaves the other as it was: an old recording is not lost.
echo precious >"$TMPD/old.jsonl"
"$PTVIZ" --plain -p 1 -t 1 -s 0 --record "$TMPD/old.jsonl" --trace /nonexistent/t.json \
	>/dev/null 2>&1
[ $? -eq 2 ] && [ "$(cat "$TMPD/old.jsonl")" = precious ] || fail "a bad --trace truncated --record's file"
"$PTVIZ" --plain -p 1 -t 1 -s 0 --record "$TMPD/new.jsonl" --trace /nonexistent/t.json \
	>/dev/null 2>&1
[ ! -e "$TMPD/new.jsonl" ] || fail "a bad --trace left an empty --record file"

# A full disk: told once; every line of the run is still printed.
"$PTVIZ" --plain -p 3 -t 2 -s 0.1 --seed 3 --record /dev/full >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 1 ] || fail "/dev/full: exit not 1"
[ "$(grep -c . "$TMPD/err")" -eq 2 ] || fail "/dev/full: $(cat "$TMPD/err")"
grep -q '^ptviz: /dev/full: No space left on device (the recording stops here; the run goes on)$' "$TMPD/err" ||
	fail "/dev/full: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/out")" -eq 10 ] || fail "/dev/full: the run did not go on: $(cat "$TMPD/out")"

# A reader that goes away part way: Broken pipe, once; the run goes on.
(exec 3<"$TMPD/fifo"; head -c 300 <&3 >/dev/null) &
reader=$!
# Opening it to write waits for the reader to have it open: then ptviz
# finds a reader (without this writer, which it must not inherit).
exec 4>"$TMPD/fifo"
"$PTVIZ" --plain -p 4 -t 4 -s 0.5 --seed 3 --record "$TMPD/fifo" \
	>"$TMPD/out" 2>"$TMPD/err" 4>&-
rc=$?
exec 4>&-
wait $reader
[ $rc -eq 1 ] || fail "a reader gone: exit $rc, not 1: $(cat "$TMPD/err")"
[ "$(grep -c 'Broken pipe' "$TMPD/err")" -eq 1 ] || fail "a reader gone: $(cat "$TMPD/err")"
tail -n 1 "$TMPD/out" | grep -qx 'Main process done.' || fail "a reader gone: the run did not go on"

# A reader that stalls (opens, never reads): the run is not held up; what
# it did not take is told once at the end, after a second's wait for it.
sleep 30 <"$TMPD/fifo" &
staller=$!
at_exit "kill $staller 2>/dev/null"
exec 4>"$TMPD/fifo"
start=$(now_ms)
"$PTVIZ" --plain -p 16 -t 16 -s 0.2 --seed 3 --record "$TMPD/fifo" \
	>"$TMPD/out" 2>"$TMPD/err" 4>&-
rc=$?
took=$(($(now_ms) - start))
exec 4>&-
kill $staller 2>/dev/null
[ $rc -eq 1 ] || fail "a stalled reader: exit $rc, not 1: $(cat "$TMPD/err")"
grep -Eq "^ptviz: $TMPD/fifo: its reader stopped reading \([0-9]+ bytes not written\)$" "$TMPD/err" ||
	fail "a stalled reader: $(cat "$TMPD/err")"
[ "$(grep -c "$TMPD/fifo" "$TMPD/err")" -eq 1 ] || fail "a stalled reader: told twice: $(cat "$TMPD/err")"
tail -n 1 "$TMPD/out" | grep -qx 'Main process done.' || fail "a stalled reader: the run did not go on"
[ "$took" -lt 8000 ] || fail "a stalled reader held the run up: $took ms"

# On the screen: the header says it, the run goes on to its end.
tui_start 120 40 -p 3 -t 2 -s 0.5 --seed 3 --record /dev/full
tm_wait_for 'recording to /dev/full failed: No space left on device \(the run goes on\)'
WAIT_S=10 tm_wait_for ' finished'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
