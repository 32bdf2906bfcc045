# RERUNS (default 1000) reruns with the r key in one session of the screen:
# its descriptors, its memory and the number of its processes stay flat,
# and it quits cleanly at the end.  Prints the figures.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

reruns=${RERUNS:-$($SANITIZED && echo 100 || echo 1000)}
fds() { ls "/proc/$MAIN/fd" | wc -l; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$MAIN/status"; }
no_children() { [ -z "$(descendants "$MAIN")" ]; }
help_shown() { tm_screen | grep -q '─ ptviz keys ─'; }
help_gone() { ! help_shown; }
# Keys are read in order: once the help that follows them is shown, every
# r before it was handled; then close it and let the last run end.
sync_runs() {
	tm send-keys -t t '?'
	WAIT_S=60 wait_until help_shown || fail "no help after $sent reruns"
	tm send-keys -t t Escape
	wait_until help_gone || fail "the help stayed"
	tm_wait_for 'finished'
	wait_until no_children || fail "children left after $sent reruns"
}
rerun() {
	local batch=() i
	for ((i = 0; i < $1; i++)); do batch+=(r); done
	tm send-keys -t t "${batch[@]}"
	sent=$((sent + $1))
}

tui_start 120 40 -p 5 -t 3 -s 0.05 --seed 1
sent=0
# Warm up (the log fills to its bound, ncurses sizes its buffers), measure.
rerun 50
sync_runs
fds0=$(fds) rss0=$(rss_kib)
sent=0
while [ $sent -lt "$reruns" ]; do
	rerun 50
	# Let the runs catch up now and then, so keys never pile up unread.
	[ $((sent % 100)) -ne 0 ] || sync_runs
done
sync_runs
fds1=$(fds) rss1=$(rss_kib)
echo "soak: $reruns reruns; fds $fds0 -> $fds1; RSS $rss0 -> $rss1 KiB"
[ "$fds1" -eq "$fds0" ] || fail "descriptors $fds0 -> $fds1"
$SANITIZED || [ $((rss1 - rss0)) -le 1024 ] || fail "RSS grew $rss0 -> $rss1 KiB"
[ -z "$(orphans)" ] || fail "orphans: $(orphans)"
tm send-keys -t t q
WAIT_S=3 tm_wait_for '^\[exit 0\]$'
exit 0
