# Resizing to 40x10 and back neither crashes nor leaves a broken screen:
# each size is redrawn at once with the grid that fits.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 5 -t 3 -s 5 --seed 7
tm_wait_for '── log'
for size in "40 10" "120 40" "40 10" "80 24" "120 40"; do
	set -- $size
	tm resize-window -t t -x "$1" -y "$2"
	tm_wait_for '^ptviz — '
	tm_wait_for '^  Process-1 '
	[ "$(tm_screen | wc -l)" -eq "$2" ] || fail "$size: not $2 lines"
	[ -e "/proc/$MAIN" ] || fail "$size: ptviz died"
done
tm_wait_for '── log'
tm_wait_for '^q quit'
[ -z "$(tui_exit_status)" ] || fail "ptviz ended"
exit 0
