# The header of a run of the race or the queue shows the model's figure:
# scene 12 (the race under a mutex, 2 x 2, 1000 updates each) ends with
# "counter 4000, should be 4000", scene 11 (no lock) with the counter
# against 4000 and, if the counter is short, the updates lost, as --plain
# counts them for a recording of the same run; scene 13 (the queue of 2
# slots, 20 items) with "queue 0 of 2 full: 20 put, 20 taken".  The title
# says the workload's counts and no sleep (its threads make moves and
# sleep not); the concurrency counts the threads making moves, no more
# than the CPUs (they need one each): above 0, at most the CPUs; nothing
# is left running.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 --scene 12
WAIT_S=20 tm_wait_for '^elapsed .* finished'
tm_wait_for '^counter 4000, should be 4000( |$)'
tm_screen | grep -q 'race-locked, 1000 each — seed' || fail "no counts in the title, or a sleep: $(tm_screen | head -3)"
conc=$(tm_screen | sed -nE 's/.*concurrency ([0-9.]+)×.*/\1/p')
awk -v c="$conc" -v n="$(nproc)" 'BEGIN { exit !(c > 0 && c <= n) }' ||
	fail "concurrency '$conc': $(tm_screen | head -3)"
tm send-keys -t t q
wait_until tui_all_gone $(tui_family) || fail "left running after q"
tm kill-session -t t

tui_start 120 40 --scene 11 --record "$TMPD/race.jsonl"
WAIT_S=20 tm_wait_for '^elapsed .* finished'
shown=$(tm_screen | grep -oE '^counter [0-9]+, should be 4000(: [0-9]+ updates? lost)?')
[ -n "$shown" ] || fail "no counter: $(tm_screen | head -4)"
wait_until grep -q '"event":"done","proc":0' "$TMPD/race.jsonl" ||
	fail "no recording of the run"
counted=$("$PTVIZ" --replay "$TMPD/race.jsonl" --plain 2>/dev/null | tail -n 1)
[ "$shown" = "$counted" ] || fail "the header says '$shown', --plain '$counted'"
tm send-keys -t t q
wait_until tui_all_gone $(tui_family) || fail "left running after q"
tm kill-session -t t

tui_start 120 40 --scene 13
WAIT_S=20 tm_wait_for '^elapsed .* finished'
tm_wait_for '^queue 0 of 2 full: 20 put, 20 taken'
tm_screen | grep -q 'queue of 2, 5 each' || fail "no counts in the title: $(tm_screen | head -3)"
tm send-keys -t t q
wait_until tui_all_gone $(tui_family) || fail "left running after q"
tm kill-session -t t
exit 0
