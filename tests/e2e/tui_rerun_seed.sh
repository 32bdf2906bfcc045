# `R` reruns with the same seed, `r` with a new one: the header's seed stays
# or changes, and each is a new run (new processes).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

pid1() { tui_row 1 | awk '{ print $2 }'; }
tui_start 120 40 -p 3 -t 2 -s 5 --seed 7
tm_wait_for 'seed 7$'
WAIT_S=5 wait_until sh -c '[ -n "$0" ]' "$(pid1)"
before=$(pid1)
tm send-keys -t t R
new_pid() { p=$(pid1); [ -n "$p" ] && [ "$p" != "$before" ]; }
wait_until new_pid || fail "R did not start a new run"
tm_screen | grep -q 'seed 7$' || fail "R changed the seed"
tm send-keys -t t r
seed_changed() { tm_screen | grep -E 'seed [0-9]+$' | grep -vq 'seed 7$'; }
wait_until seed_changed || fail "r kept the seed: $(tm_screen | head -n 1)"
exit 0
