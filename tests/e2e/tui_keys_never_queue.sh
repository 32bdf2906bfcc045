# Keys never queue up behind work: a burst of rerun keys during a large run
# costs one rerun (the last counts win), the header stays whole while they
# are worked through, and q acts at once whatever is queued before it.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# A sanitizer makes 16 384 threads slow to start: a quarter of them there.
P=256 T=64 BOUND=4000
! $SANITIZED || { P=64 T=64 BOUND=8000; }
WAIT_S=60 tui_start 160 50 -p $P -t $T -s 10 --seed 1
tm_wait_for "$P processes × $T threads"
tm send-keys -t t + + + + + + + + + + + + + + + + + + + +
WAIT_S=30 tm_wait_for "$P processes × $((T + 20)) threads"
tm_screen | head -n 1 | grep -q '^ptviz — ' ||
	fail "the header lost its start: $(tm_screen | head -n 1)"

# Twenty reruns asked for, then q: it quits without doing them.  (A bound
# far above the time one rerun takes, far below twenty's.)
t0=$(now_ms)
tm send-keys -t t + + + + + + + + + + + + + + + + + + + + q
WAIT_S=20 tm_wait_for '^\[exit [0-9]+\]$'
took=$(($(now_ms) - t0))
echo "q behind 20 reruns: $took ms"
[ $took -le $BOUND ] || fail "q behind 20 reruns took $took ms"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
grep -q 'icanon' "$TMPD/stty.after" || fail "terminal not restored"
exit 0
