# A child stopped from outside (SIGSTOP): the run waits for it, without
# spinning, and finishes normally once it is continued.
. tests/e2e/lib.sh

"$PTVIZ" --plain -p 3 -t 3 -s 3 --seed 4 >"$TMPD/out" 2>"$TMPD/err" &
main=$!
at_exit "kill -9 $main 2>/dev/null"
started() { [ "$(descendants $main | wc -l)" -eq 3 ]; }
wait_until started || fail "no children"
# The first child (Process-1) sleeps 1.1 s or more in every thread (seed 4).
victim=$(descendants $main | head -n 1)
kill -STOP $victim
sleep 1
kill -0 $main 2>/dev/null || fail "ptviz ended while a child was stopped"
# Waiting costs nothing: the main process sleeps in poll().
st=$(cut -d' ' -f3 /proc/$main/stat)
[ "$st" = S ] || fail "main process state $st while waiting"
kill -CONT $victim
WAIT_S=5 wait_until sh -c "! kill -0 $main 2>/dev/null" || fail "ptviz hung"
wait $main || fail "exit $?"
[ "$(wc -l <"$TMPD/out")" -eq 13 ] || fail "$(cat "$TMPD/out")"
exit 0
