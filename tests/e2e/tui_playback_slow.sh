# Playing a finished 1 s run back at x0.25 from its start shows, part way,
# a screen with some threads done and some asleep; it ends on the final
# screen, live again.  A stopped playback makes no wake-ups.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 3 -t 3 -s 1 --seed 11
WAIT_S=10 tm_wait_for '^elapsed .* finished'
tm send-keys -t t '{'
tm_wait_for '^at 0.000 s of '
tm send-keys -t t p
tm_wait_for 'playing ×0.25'
part_way() {
	local s n
	s=$(tm_screen)
	n=$(sed -n 's/.* done \([0-9]*\)\/9.*/\1/p' <<<"$s")
	[ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -lt 9 ] &&
		grep -E '^.{2}Process-[0-9] ' <<<"$s" | grep -q '[◔◑◕●▆]'
}
WAIT_S=10 wait_until part_way || fail "no screen part way: $(tm_screen)"
# At x0.25 the 1 s run takes about 4 s to play; then it is live again.
WAIT_S=15 tm_wait_for '^elapsed .* finished'

# Stopped in time: no frame, no wake-up.
tm send-keys -t t '{' p p
tm_wait_for 'time stopped'
sleep 0.3
if command -v strace >/dev/null; then
	# strace may not attach within the second on a busy machine: then
	# it wrote nothing, and it tries again (a second time it counts).
	for _ in 1 2 3; do
		timeout -s INT 1 strace -f -qq -o "$TMPD/strace" -p "$MAIN" \
			2>/dev/null
		[ -f "$TMPD/strace" ] && break
	done
	[ -f "$TMPD/strace" ] || fail "strace could not attach to ptviz"
	n=$(grep -cv -e 'resumed>' -e '^$' "$TMPD/strace")
	[ "$n" -le 3 ] || fail "stopped in time, ptviz made $n system calls in 1 s"
fi
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
