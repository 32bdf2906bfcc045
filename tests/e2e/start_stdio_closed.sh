# Started with stdin, stdout or stderr closed: descriptors 0-2 are filled
# with /dev/null before any other is made, so the doorbell never lands on 2
# (where each child's stdio would overwrite it and a large run would hang).
# A closed stdout is told, not written to.
. tests/e2e/lib.sh

# stdin and stderr closed; 400 threads a process need the doorbell.
timeout 30 "$PTVIZ" --plain -p 2 -t 400 -s 0.2 --seed 1 <&- 2>&- >"$TMPD/out"
rc=$?
[ $rc -eq 0 ] || fail "stdin and stderr closed: exit $rc (124: it hung)"
[ "$(grep -c '^>thread ' "$TMPD/out")" -eq 800 ] || fail "threads missing"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "no main line"

# stdin and stdout closed: nowhere to print, and it says so.
timeout 10 "$PTVIZ" --plain -p 2 -t 2 -s 0.2 <&- >&- 2>"$TMPD/err"
rc=$?
[ $rc -eq 1 ] || fail "stdout closed: exit $rc"
[ "$(cat "$TMPD/err")" = "ptviz: stdout: Bad file descriptor" ] ||
	fail "stdout closed: '$(cat "$TMPD/err")'"
timeout 10 "$PTVIZ" --version >&- 2>"$TMPD/err"
rc=$?
[ $rc -eq 1 ] && grep -q '^ptviz: stdout: Bad file descriptor$' "$TMPD/err" ||
	fail "--version to a closed stdout: exit $rc, '$(cat "$TMPD/err")'"

# All three closed: still runs to its end, silently.
timeout 30 "$PTVIZ" --plain -p 2 -t 400 -s 0.2 <&- >&- 2>&-
rc=$?
[ $rc -eq 1 ] || fail "all closed: exit $rc (124: it hung)"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
exit 0
