# --record F -- COMMAND writes what --json prints, byte for byte: one
# writer for both (its run record names the command, its events the
# tasks); with --plain the lines still go to stderr and F is the same
# kind of recording.
. tests/e2e/lib.sh

"$PTVIZ" --json --record "$TMPD/rec" -- sh -c 'sleep 0.1 & wait' \
    >"$TMPD/json" 2>"$TMPD/err" || fail "--json --record: exit $?: $(cat "$TMPD/err")"
cmp "$TMPD/rec" "$TMPD/json" || fail "the recording is not what --json printed"
head -1 "$TMPD/rec" | grep -qx '{"event":"run","format":"ptviz","version":3,"traced":true,"command":\["sh","-c","sleep 0.1 & wait"\]}' ||
	fail "run record: $(head -1 "$TMPD/rec")"
grep -q '"event":"exec","proc":2,.*"name":"sleep"}$' "$TMPD/rec" ||
	fail "no exec of sleep named: $(cat "$TMPD/rec")"
"$PTVIZ" --plain --record "$TMPD/rec2" -- sh -c 'exit 3' >"$TMPD/out" \
    2>"$TMPD/err"
[ $? -eq 3 ] || fail "--plain --record: not COMMAND's status"
[ ! -s "$TMPD/out" ] || fail "--plain wrote on stdout"
grep -q '^>process 1 (sh, pid [0-9]*) exited with status 3$' "$TMPD/err" ||
	fail "--plain lines: $(cat "$TMPD/err")"
grep -q '"event":"failed","proc":1,"thread":0,.*"status":3,"name":"sh"}$' \
    "$TMPD/rec2" || fail "--plain's recording: $(cat "$TMPD/rec2")"
exit 0
