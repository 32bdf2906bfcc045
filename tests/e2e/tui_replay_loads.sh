# A recording the screen reads as it comes: a FIFO or a pipe whose writer
# stalls shows the run so far at once, with "reading F: N kB" in the
# header, and q quits while the writer still stalls; a bad line found
# after the screen started leaves it cleanly with the one line and exit 2;
# a run cut short says where it stops, in the header and on stderr;
# standard input that is a terminal is refused.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
cd "$TMPD" || fail "no $TMPD"

"$PTVIZ" --json -p 4 -t 3 -s 0.05 --seed 5 >rec.jsonl 2>/dev/null || fail "the recording: exit $?"
head -n 20 rec.jsonl >part.jsonl
# feed.sh [LINE]: part.jsonl (and LINE), then a writer that stalls.
cat >feed.sh <<EOF2
cat part.jsonl
[ -z "\$1" ] || echo "\$1"
sleep 60 & echo \$! >>"$TMPD/sleepers"
wait
EOF2
at_exit 'kill $(cat "$TMPD/sleepers" 2>/dev/null) 2>/dev/null'

# stalled NAME CMD KEY STATUS: CMD (fed by a writer that gave part.jsonl
# and stalls) shows the run so far and the reading, and KEY (q, C-c) ends
# it at once with STATUS.
stalled() {
	local name=$1 cmd=$2 key=$3 status=$4 start
	tm_start 120 40 "$cmd"
	WAIT_S=10 tm_wait_for "^ptviz — replay of $name — 4 processes × 3 threads"
	tm_wait_for "reading $name: [0-9.]+ (kB|MB)"
	# Played from its start, it soon shows the processes forked so far.
	tm_wait_for '^.{2}Process-1 +[0-9]+ '
	start=$(now_ms)
	tm send-keys -t t "$key"
	WAIT_S=5 tm_wait_for "^\\[exit $status\\]\$"
	[ $(($(now_ms) - start)) -lt 3000 ] || fail "$name: $key took $(($(now_ms) - start)) ms"
	tm kill-session -t t
}

# A FIFO whose writer stalls.
mkfifo fifo
sh feed.sh >fifo &
echo $! >>sleepers
stalled fifo "$PTVIZ --replay fifo" q 0

# Standard input from a pipe that stalls.
# (bash waits for no process substitution: the pane sees ptviz's exit.)
stalled "standard input" "bash -c '$PTVIZ --replay - < <(sh feed.sh)'" C-c 0

# A bad line after the screen started: the screen is left, one line, exit 2.
tm_start 120 40 "stty -a >stty.before; bash -c '$PTVIZ --replay - 2>err < <(sh feed.sh garbage)'"
WAIT_S=10 tm_wait_for '^\[exit 2\]$'
[ "$(cat err)" = "ptviz: standard input: line 21: not JSON: unexpected character at byte 1" ] ||
	fail "a bad line on a pipe: $(cat err)"
tm_screen | grep -q 'ptviz — replay' && fail "the screen was not left: $(tm_screen)"
wait_until test -s stty.after
diff stty.before stty.after >&2 || fail "the terminal was not restored"
tm kill-session -t t

# A run cut short: the header says where it stops; so does stderr after.
head -n 30 rec.jsonl >cut.jsonl
tm_start 120 40 "$PTVIZ --replay cut.jsonl 2>err"
WAIT_S=10 tm_wait_for 'the recording stops at [0-9.]+ s: the run was cut there'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
grep -Eq '^ptviz: cut\.jsonl: the recording stops at [0-9.]+ s: the run was cut there$' err ||
	fail "no warning on stderr: $(cat err)"
tm kill-session -t t

# A terminal on standard input holds no recording.
tm_start 120 40 "$PTVIZ --replay -"
WAIT_S=10 tm_wait_for '^ptviz: standard input: a terminal: a recording is read from a file or a pipe$'
tm_wait_for '^\[exit 2\]$'
exit 0
