# PTVIZ_FRAME_LOG=path: when the screen ends, one line per frame drawn is
# appended to the file, its wall and CPU nanoseconds (make bench reads it)
# and the files of /proc the kernel view read for it;
# a file that cannot be written is said on stderr, the exit status stays 0.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tm_start 120 40 "env PTVIZ_FRAME_LOG=$TMPD/frames $PTVIZ -p 3 -t 3 -s 0.3 --seed 7"
tm_wait_for 'finished'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
[ -s "$TMPD/frames" ] || fail "no frame log"
awk 'NF != 3 || $1 !~ /^[0-9]+$/ || $2 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/ || $1 == 0 { bad = 1 }
	END { exit bad }' "$TMPD/frames" || fail "bad lines: $(head -n 3 "$TMPD/frames")"
[ "$(wc -l <"$TMPD/frames")" -ge 3 ] || fail "only $(wc -l <"$TMPD/frames") frames"
tm kill-server

tm_start 120 40 "env PTVIZ_FRAME_LOG=/nonexistent/dir/frames $PTVIZ -p 1 -t 1 -s 0 --seed 7"
tm_wait_for 'finished'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm_screen | grep -q '^ptviz: PTVIZ_FRAME_LOG: /nonexistent/dir/frames: No such file or directory$' ||
	{ tm_screen >&2; fail "the failed write is not told"; }
exit 0
