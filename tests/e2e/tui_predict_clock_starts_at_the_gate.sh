# Predict, then reveal: the run's clock starts when the gate opens, not
# when g held it.  While the room guesses, the threads look held (their
# own glyph, "held at the gate" in the header and the details) and the
# clock stands at 0; the guessing time counts nowhere after: not in
# elapsed, the log's times, the timeline's axis, the details, or the
# recording `w` writes.  Once the run has ended, the line under the
# header says so, and every row says where its process finished -- in
# the first run too, not only after R.
#
# Seed 44: the processes end in the order 3, 2, 1 (their slowest threads
# plan 0.32, 0.70 and 0.91 s, far apart).  The hold is at least 4 s, so
# a figure that counts it is at least 4 s, and one that does not is the
# run's own second or so: the test allows the run up to 3.5 s.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
cd "$TMPD" || fail "no $TMPD"

# The number after "$1" on the screen, as a decimal.
figure() {
	tm_screen | grep -oE "$1 [0-9]+\.[0-9]+" | head -n 1 | awk '{ print $NF }'
}

# True if $1 < $2, both decimals.
below() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a + 0 < b + 0) }'
}

tui_start 120 36 -p 3 -t 2 -s 1 --seed 44
tm_wait_for '^elapsed .* finished'
tm send-keys -t t g
tm_wait_for '^Predict ▸ in which order will they finish'
# Every thread started and waits at the gate: the held glyph, not the
# running one.
for i in 1 2 3; do
	tm_wait_for "^  Process-$i .*⊓.*⊓"
done
tm_screen | grep -qE '^  Process-[0-9] .*▶' &&
	fail "a held thread shows the running glyph: $(tm_screen)"
tm_wait_for '^elapsed 0\.0 s .* held at the gate$'
tm_wait_for '^⊓ a thread held at the gate'
tm_wait_for 'state +held at the gate$'
tm_wait_for 'running +before the gate$'
t_held=$(now_ms)
wait_until sh -c "[ \$((\$(date +%s%N) / 1000000 - $t_held)) -ge 4000 ]"
tm_screen | grep -qE '^elapsed 0\.0 s ' ||
	fail "the clock ran while the run was held: $(tm_screen | sed -n 2p)"

tm send-keys -t t g
tm_wait_for 'the run goes: watch who finishes first'
WAIT_S=15 tm_wait_for '^elapsed .* finished'
el=$(figure elapsed)
below "$el" 3.5 || fail "elapsed $el s counts the hold: $(tm_screen | sed -n 2p)"
# The line under the header says the run has ended, and what to check.
tm_wait_for "^the run has ended: compare the guess with its order and each row's place$"
tm_wait_for 'the run: 3 2 1 '
# Every row says its place, without R.
tm_wait_for '^  process .* place$'
tm_wait_for '^  Process-3 .* 1st$'
tm_wait_for '^  Process-2 .* 2nd$'
tm_wait_for '^  Process-1 .* 3rd$'
# The log: the first thread done within the run's second, not after the
# hold; what came before the gate is at 0.
first=$(tm_screen | grep -m 1 -oE '^ +[0-9]+\.[0-9]+ s  >thread' | awk '{ print $1 }')
below "$first" 3.5 || fail "the first done is at $first s: $(tm_screen)"
tm_wait_for '^ +0\.000 s  Threads held at the gate'
# The details: the selected thread's done within the run, its start
# before the gate.
done_at=$(tm_screen | grep -oE 'done +\+[0-9]+\.[0-9]+ s$' | head -n 1 | grep -oE '[0-9]+\.[0-9]+')
below "$done_at" 3.5 || fail "the details say done at +$done_at s: $(tm_screen)"
# The timeline's axis spans the run, not the hold.
tm send-keys -t t t
tm_wait_for '^  time \(s\) '
last=$(tm_screen | grep -m 1 '^  time (s) ' | grep -oE '[0-9]+(\.[0-9]+)?' | tail -n 1)
below "$last" 3.5 || fail "the timeline's axis reaches $last s: $(tm_screen | grep -m 1 'time (s)')"

# w: the recording counts from the gate too, and says the run was held.
tm send-keys -t t w
tm_wait_for 'wrote ptviz-44-[0-9]{8}-[0-9]{6}\.jsonl'
written=$(tm_screen | grep -o 'wrote ptviz-44-[0-9-]*\.jsonl' | cut -d' ' -f2)
sed -n 2p "$written" | grep -q '^{"t_ns":0,"event":"held","proc":0,' ||
	fail "the recording does not begin held: $(sed -n 2p "$written")"
grep -q '^{"t_ns":0,"event":"running","proc":0,' "$written" ||
	fail "the recording's clock does not start at the gate: $(grep '"proc":0' "$written")"
end=$(grep '"event":"done","proc":0' "$written" | grep -oE '"t_ns":[0-9]+' | cut -d: -f2)
[ -n "$end" ] && [ "$end" -lt 3500000000 ] ||
	fail "the recording's run ends at $end ns"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-session -t t

# It replays as it ran: held for no time, over within the run's second.
tui_start 120 36 --replay "$written"
WAIT_S=15 tm_wait_for '^elapsed .* finished'
el=$(figure elapsed)
below "$el" 3.5 || fail "the replay's elapsed is $el s"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
