# The screen moves at its frame rate while a run goes, even when no event
# arrives: during one long sleep, two captures a second apart differ in the
# elapsed time and in the sleep bar.  Paused, it stands still and makes no
# wake-ups (no system call for a second).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Seed 3: the one thread of Process-1 sleeps 22.9 s of at most 30: no event
# comes between its `sleeping` and the end of the test.
tui_start 120 30 -p 1 -t 1 -s 30 --seed 3
tm_wait_for '^  Process-1 .* joining'
sleep 0.3
elapsed() { tm_screen | sed -n 's/^elapsed \([0-9.]*\) s.*/\1/p'; }
row1=$(tui_row 1) e1=$(elapsed)
sleep 1.2
row2=$(tui_row 1) e2=$(elapsed)
[ -n "$e1" ] && [ -n "$e2" ] || fail "no elapsed time on the screen"
awk -v a="$e1" -v b="$e2" 'BEGIN { exit !(b - a >= 0.8 && b - a <= 3) }' ||
	fail "elapsed went from $e1 to $e2 s in 1.2 s"
[ "$row1" != "$row2" ] || fail "the sleep bar stood still: '$row1'"

# Paused: the clock stops and the main process sleeps in ppoll().
tm send-keys -t t Space
tm_wait_for '^elapsed .* stopped'
sleep 0.3
s1=$(tm_screen)
if command -v strace >/dev/null; then
	timeout -s INT 1 strace -f -qq -o "$TMPD/strace" -p "$MAIN" 2>/dev/null
	n=$(grep -cv -e 'resumed>' -e '^$' "$TMPD/strace")
	# ppoll() interrupted by strace leaving, and its restart, at most.
	[ "$n" -le 3 ] || fail "paused, ptviz made $n system calls in 1 s: $(head -5 "$TMPD/strace")"
else
	sleep 1
fi
[ "$s1" = "$(tm_screen)" ] || fail "the paused screen changed"
tm send-keys -t t q
WAIT_S=5 wait_until tui_all_gone "$MAIN" || fail "ptviz did not quit"
exit 0
