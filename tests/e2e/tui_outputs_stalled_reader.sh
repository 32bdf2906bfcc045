# On the screen, no output waits on its reader: --record and --trace to
# FIFOs whose readers never read are given a second when the first run
# ends, then the header says what they did not take, and the screen goes
# on.  Quitting during the run (q, Ctrl-C), or SIGTERM or SIGHUP, ends
# ptviz within a second or so while they are stalled: the right status, the
# failure on standard error after a key, the terminal restored, nothing
# left behind.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

cd "$TMPD" || fail "no $TMPD"
stalled="its reader stopped reading \([0-9]+ bytes not written\)"

# The first run ends: told in the header; the screen still answers.
stalled_fifo r
stalled_fifo t
tui_start 200 40 -p 16 -t 16 -s 0.2 --seed 3 --record r --trace t
WAIT_S=20 tm_wait_for "recording to r failed: $stalled; cannot write the trace t: $stalled"
family=$(tui_family)
t0=$(now_ms)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
echo "q after the run: $(($(now_ms) - t0)) ms" >&2
wait_until tui_all_gone $family || fail "left behind"
tm kill-server

# Ending during the run: keys and signals.
for how in q C-c TERM HUP; do
	stalled_fifo r
	stalled_fifo t
	rm -f "$TMPD/stty.before" "$TMPD/stty.after"
	tui_start 200 40 -p 4 -t 4 -s 100 --seed 10 --record r --trace t
	four() { [ "$(pgrep -P "$MAIN" | wc -l)" -eq 4 ]; }
	wait_until four || fail "$how: the children did not start"
	family=$(tui_family)
	t0=$(now_ms)
	case $how in
	q|C-c)	tm send-keys -t t $how; want=0 ;;
	*)	kill -$how "$MAIN"; want=$((128 + $(kill -l $how))) ;;
	esac
	WAIT_S=20 tm_wait_for '^\[exit [0-9]+\]$'
	took=$(($(now_ms) - t0))
	echo "$how during the run: $took ms" >&2
	[ "$(tui_exit_status)" -eq $want ] || fail "$how: $(tm_screen)"
	[ $took -le 3000 ] || fail "$how: took $took ms"
	# After a key the failure is told; a signal ends ptviz quietly.
	[ $want -ne 0 ] || tm_screen | grep -Eq "^ptviz: recording to r failed: $stalled" ||
		fail "$how: not told: $(tm_screen)"
	WAIT_S=3 wait_until tui_all_gone $family || fail "$how: left behind"
	wait_until test -s "$TMPD/stty.after" || fail "$how: no stty -a after"
	diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 ||
		fail "$how: the terminal was not restored"
	tm kill-server
done
exit 0
