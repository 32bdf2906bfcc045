# The screen's recordings: a run recorded with --record (and --trace)
# replays in the screen, played at x4 to its end, to the same final grid;
# keys that act on processes say it is a recording; `w` writes the run on
# screen to a file that is the recording itself, `e` exports the trace
# --trace wrote; R runs it live.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
cd "$TMPD" || fail "no $TMPD"

rows() { tm_screen | grep -E '^.{2}Process-[0-9]+ '; }

tui_start 120 40 -p 5 -t 3 -s 3 --seed 11 --record live.jsonl --trace live.trace.json
tm_wait_for 'recording the run to live\.jsonl'
WAIT_S=15 tm_wait_for ' finished'
tm_wait_for 'run recorded to live\.jsonl; trace of the run written to live\.trace\.json'
rows >live.rows
[ "$(grep -c ' done ' live.rows)" -eq 5 ] || fail "the live run did not finish: $(cat live.rows)"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tail -n 1 live.jsonl | grep -q '"event":"done","proc":0' || fail "the recording has no end"
[ "$(grep -c '"name":"thread_name"' live.trace.json)" -eq 15 ] || fail "the trace has not 15 threads"
tm kill-session -t t

# Replay: from the start, playing as fast as it ran; x4 to the end.
tui_start 120 40 --replay live.jsonl
tm_wait_for '^ptviz — replay of live\.jsonl — 5 processes × 3 threads — sleep ≤ 3 s — seed 11$'
tm_wait_for 'playing ×1'
# The footer leaves out the keys that act on processes.
tm_screen | tail -n 1 | grep -Eq 'pause|kill|threads|processes' &&
	fail "the footer offers live keys: $(tm_screen | tail -n 1)"
tm send-keys -t t f f
tm_wait_for 'playing ×4'
WAIT_S=10 tm_wait_for '^elapsed .* finished'
rows >replay.rows
diff live.rows replay.rows >&2 || fail "the replay's final grid differs from the live run's"

# Keys that act on processes: a recording has none.
for k in Space k + '>' ']'; do
	tm send-keys -t t "$k"
	tm_wait_for 'this is a recording: R runs it live \(same seed\), r with a new seed'
	tm send-keys -t t Escape
	WAIT_S=2 wait_until sh -c "! tmux -L '$TMUX_SOCK' capture-pane -t t -p | grep -q 'this is a recording'" ||
		fail "the note stayed"
done
rows >after.rows
diff live.rows after.rows >&2 || fail "a key changed the recording"

# w: the run on screen, written to a new file -- the recording itself.
tm send-keys -t t w
tm_wait_for 'wrote ptviz-11-[0-9]{8}-[0-9]{6}\.jsonl: ptviz --replay '
written=$(tm_screen | grep -o 'wrote ptviz-11-[0-9-]*\.jsonl' | cut -d' ' -f2)
cmp -s live.jsonl "$written" || fail "w wrote something else than the recording"
# e: the trace, the same as --trace wrote of the live run.
tm send-keys -t t e
tm_wait_for 'exported ptviz-11-[0-9]{8}-[0-9]{6}\.trace\.json'
exported=$(tm_screen | grep -o 'exported ptviz-11-[0-9-]*\.trace\.json' | cut -d' ' -f2)
cmp -s live.trace.json "$exported" || fail "e exported another trace than --trace wrote"

# R: the same counts and seed, live.
old=$(grep -m 1 -o 'Process-1 *[0-9]*' live.rows | awk '{ print $2 }')
tm send-keys -t t R
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 3 s — seed 11$'
new_pid() { p=$(tui_row 1 | awk '{ print $2 }'); [ -n "$p" ] && [ "$p" != "$old" ] && [ "$p" != pid ]; }
wait_until new_pid || fail "R did not run it live: $(tui_row 1)"
WAIT_S=15 tm_wait_for ' finished'
family=$(tui_family)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
WAIT_S=2 wait_until tui_all_gone $family || fail "processes left behind"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"

# A recording on standard input: the screen, with keys from the terminal.
tm kill-session -t t
tm_start 120 40 "cat live.jsonl | $PTVIZ --replay -"
tm_wait_for '^ptviz — replay of standard input — 5 processes'
tm send-keys -t t '}'
tm_wait_for '^elapsed .* finished'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'

# A bad recording: refused before the screen, the terminal untouched.
tm kill-session -t t
printf 'nonsense\n' >bad.jsonl
tm_start 120 40 "$PTVIZ --replay bad.jsonl"
tm_wait_for '^ptviz: bad\.jsonl: line 1: not JSON'
tm_wait_for '^\[exit 2\]$'
exit 0
