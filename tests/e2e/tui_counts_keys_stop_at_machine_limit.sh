# `>` and `+` stop at what this machine allows, with a note in the header:
# an ordinary user under RLIMIT_NPROC 40 runs 3 processes of 10 threads
# (33 tasks); a fourth process would need 44, so `>` says 3 is the most and
# the run goes on as it was.  `+` adds threads while they fit, then says
# how many is the most.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

need_nobody

tm_start 200 40 "prlimit --nproc=40 $AS_NOBODY $TMPD/ptviz -p 3 -t 10 -s 30 --seed 7"
tm_wait_for '^ptviz — 3 processes × 10 threads'
MAIN=$(ps -o pid=,args= --ppid "$(tm_pane_pid)" |
	awk -v p="$TMPD/ptviz" '$2 == p { print $1 }')
[ -n "$MAIN" ] || fail "no ptviz process in the pane"
for i in 1 2 3; do
	WAIT_S=5 wait_until tui_row_has_cells $i 10 || fail "Process-$i: $(tui_row $i)"
done
kids=$(descendants "$MAIN" | sort)

tm send-keys -t t '>'
tm_wait_for '3 processes is the most this machine allows \(RLIMIT_NPROC 40, [0-9]+ in use\)'
tm_screen | grep -q '^ptviz — 3 processes × 10 threads' || fail "the header changed: $(tm_screen | head -n 2)"
[ -z "$(tui_row 4)" ] || fail "Process-4 is shown"
for i in 1 2 3; do
	tui_row_has_cells $i 10 || fail "Process-$i: $(tui_row $i)"
done
[ "$(descendants "$MAIN" | sort)" = "$kids" ] || fail "the run was restarted"

# `+` until it stops: then the header's count is the most, and one more
# thread per process would not fit in what the note says is in use (one
# task in 32 of 40 is left to others: room 39 - in use).
for press in 1 2 3 4 5 6; do
	tm send-keys -t t +
	sleep 0.3
	tm_screen | grep -q 'threads per process is the most this machine allows' && break
done
note=$(tm_screen | grep -o '[0-9]* threads\{0,1\} per process is the most this machine allows (RLIMIT_NPROC 40, [0-9]* in use)')
[ -n "$note" ] || fail "+ never stopped: $(tm_screen | head -n 2)"
most=${note%% *}
used=$(sed 's/.*, \([0-9]*\) in use.*/\1/' <<<"$note")
tm_wait_for "^ptviz — 3 processes × $most threads"
[ $((3 * (most + 1))) -le $((39 - used)) ] || fail "$note: 3 x $most does not fit"
[ $((3 * (most + 2))) -gt $((39 - used)) ] || fail "$note: one more would fit"
[ "$most" -ge 10 ] || fail "$note: fewer than it ran"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
exit 0
