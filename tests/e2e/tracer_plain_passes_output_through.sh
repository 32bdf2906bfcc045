# ptviz --plain -- COMMAND leaves stdout to the program, byte for byte,
# and its stdin and stderr too; its own lines go to stderr.  --json puts
# the program's stdout on stderr: stdout holds the records alone.
. tests/e2e/lib.sh

printf 'a\0b\nno newline' >"$TMPD/in"
"$PTVIZ" --plain -- sh -c 'cat; echo err >&2' <"$TMPD/in" >"$TMPD/out" \
    2>"$TMPD/err" || fail "exit $?"
cmp "$TMPD/in" "$TMPD/out" || fail "stdout is not the program's"
grep -qx err "$TMPD/err" || fail "the program's stderr"
grep -q '^>process 1 (cat\|sh, pid [0-9]*) exited with status 0$' \
    "$TMPD/err" || fail "no lines on stderr: $(cat "$TMPD/err")"
"$PTVIZ" --json -- sh -c 'echo out; echo err >&2' >"$TMPD/out" \
    2>"$TMPD/err" || fail "--json: exit $?"
/usr/bin/python3 -c 'import json, sys
[json.loads(l) for l in open(sys.argv[1])]' "$TMPD/out" ||
	fail "--json: stdout is not all records"
[ "$(sort "$TMPD/err" | tr '\n' ' ')" = "err out " ] ||
	fail "--json: the program's output: $(cat "$TMPD/err")"
exit 0
