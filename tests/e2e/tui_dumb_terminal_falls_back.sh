# On a terminal that cannot show the screen (TERM=dumb, or a type nobody
# knows) ptviz says so in one line and prints the plain lines instead.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

for term in dumb no-such-terminal; do
	tm_start 80 24 "env TERM=$term $PTVIZ -p 2 -t 2 -s 0 --seed 7 2>&1"
	tm_wait_for '^\[exit 0\]$'
	tm_screen | grep -q "^ptviz: terminal type '$term' .*; printing plain lines instead$" ||
		{ tm_screen >&2; fail "TERM=$term: no note"; }
	[ "$(tm_screen | grep -c 'done\.$')" -eq 7 ] || fail "TERM=$term: not the 7 plain lines"
	tm kill-server
done
exit 0
