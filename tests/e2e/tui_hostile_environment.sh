# The environment a classroom machine might have: TERM unset, the C locale,
# NO_COLOR, and LINES/COLUMNS exported with nonsense.  ptviz falls back or
# adapts, and always draws at the pane's real size.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# TERM unset: one line saying why, then the plain lines.
tm_start 80 24 "env -u TERM $PTVIZ -p 2 -t 2 -s 0 --seed 7 2>&1"
tm_wait_for '^\[exit 0\]$'
tm_screen | grep -q '^ptviz: TERM is not set; printing plain lines instead$' ||
	{ tm_screen >&2; fail "TERM unset: no note"; }
[ "$(tm_screen | grep -c 'done\.$')" -eq 7 ] || fail "TERM unset: not the 7 lines"
tm kill-server

# The C locale: ASCII only, and still every cell and state readable.
tm_start 100 30 "env LANG=C LC_ALL=C $PTVIZ -p 3 -t 3 -s 0.3 --seed 7"
tm_wait_for 'Process-3 .* done'
tm_wait_for 'finished'
! tm_screen | LC_ALL=C grep -q '[^ -~]' || { tm_screen >&2; fail "LANG=C: not ASCII"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server

# NO_COLOR: no colour at all in what is drawn (bold, dim and reverse may
# stay; 39 and 49 only reset to the default colours).
tm_start 100 30 "env NO_COLOR=1 $PTVIZ -p 3 -t 3 -s 0.3 --seed 7"
tm_wait_for 'finished'
tm capture-pane -t t -e -p >"$TMPD/sgr"
! grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m' "$TMPD/sgr" ||
	fail "NO_COLOR: colours drawn: $(grep -oE $'\e\\[[0-9;]*m' "$TMPD/sgr" | sort -u | tr '\e' 'E' | head)"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server

# LINES and COLUMNS exported with nonsense: the pane's size wins, the footer
# is on its last line and the grid has its rows.
for env in "COLUMNS=abc LINES=-3" "COLUMNS=99999 LINES=99999" "COLUMNS=20 LINES=5" "COLUMNS= LINES=0"; do
	tm_start 100 30 "env $env $PTVIZ -p 3 -t 3 -s 0.3 --seed 7"
	tm_wait_for 'finished'
	[ "$(tm_screen | sed -n 30p | cut -c1-6)" = "q quit" ] ||
		{ tm_screen >&2; fail "$env: the footer is not on line 30"; }
	tm_screen | grep -q '^  Process-3 ' || fail "$env: no Process-3 row"
	tm send-keys -t t q
	tm_wait_for '^\[exit 0\]$'
	tm kill-server
done
exit 0
