# A traced program's recording replays on the screen as the program ran:
# the classic exercise recorded with --json, then --replay on the screen
# plays it -- the header names the command, the main process and its 5
# children each under it, named python3, each child with its main thread
# and 3 more, every row ending "exit 0"; stepping back to the middle
# shows the threads sleeping and the main process waiting for a child;
# q ends it with the program's status, 0.  --record on the screen of a
# traced recording writes it again, byte for byte.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
"$PTVIZ" --json -- /usr/bin/python3 tests/tracee/classic.py 0.5 \
    >"$TMPD/rec" 2>/dev/null || fail "recording: exit $?"
tui_start 120 40 --replay "$TMPD/rec"
tm_wait_for 'processes 0 alive, 6 ended'
s=$(tm_screen)
echo "$s" | head -n 1 | grep -q '^ptviz — traced: /usr/bin/python3 tests/tracee/classic.py 0.5' ||
	{ echo "$s" >&2; fail "the header"; }
echo "$s" | grep -qE '^  python3 +[0-9]+ exited .*exit 0$' ||
	{ echo "$s" >&2; fail "the main process's row"; }
[ "$(echo "$s" | grep -cE '^  └ python3 +[0-9]+ exited  +(✓ +){4}exit 0$')" -eq 5 ] ||
	{ echo "$s" >&2; fail "the 5 children, 4 threads each"; }
# Back to the middle of the run: the threads sleep, the parent waits.
middle() {
	local s
	s=$(tm_screen)
	echo "$s" | grep -qE '^  └ python3 .*◑ sleep' &&
		echo "$s" | grep -qE '^  python3 .*◎ child'
}
tui_step_until "never saw the threads sleeping while the main process waits for a child" middle
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server
tui_start 120 36 --replay "$TMPD/rec" --record "$TMPD/again"
tm_wait_for 'processes 0 alive, 6 ended'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
cmp "$TMPD/rec" "$TMPD/again" || fail "--record of the replay is not the recording"
exit 0
