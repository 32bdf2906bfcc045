# c shows the code pane: the lines a thread of the workload runs, how many
# threads are on each, and the selected thread's line marked (▶).  A mutex
# run whose sleeps outlast the test: one holder a process sleeps under the
# lock, the others wait to take it, and the counts sum to the threads
# alive (seed 235811: every sleep is 10 s or more); the mark is on the line of the state the details say.  A race run,
# stepped forward from its start (.) and back from its end (,) one event at
# a time: whenever the log's last line is a move of the selected thread,
# the mark is on that move's line, and the counts sum to the threads
# alive.  A traced program's pane says it has no code.  c again hides it.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# The counts of the pane's lines of code $1 (tui_pane), one a line.
pane_counts() {
	tui_pane "$1" | awk '{ print ($1 == "▶" ? $2 : $1) }'
}
# Their sum.
pane_sum() {
	pane_counts "$1" | awk '{ s += $1 } END { print s + 0 }'
}
# The count beside line $2 of code $1.
pane_count() {
	tui_pane "$1" | sed -E 's/^▶ +/ /' |
		awk -v t="$2" '{ c = $1; sub(/^ *[0-9]+ /, ""); if ($0 == t) print c }'
}

MUTEX='lock\(&m\);|sleep\(d\);|unlock\(&m\);'
tui_start 120 36 -w mutex -p 2 -t 2 -s 30 --seed 235811
tm_wait_for 'joining'
tm send-keys -t t c
tm_wait_for 'Code: mutex \(0 ended\)'
[ "$(tui_pane "$MUTEX" | wc -l)" -eq 3 ] || { tm_screen >&2; fail "not the mutex's three lines"; }
settled() {
	[ "$(pane_count "$MUTEX" 'sleep(d);')" = 2 ] &&
		[ "$(pane_count "$MUTEX" 'lock(&m);')" = 2 ]
}
WAIT_S=10 wait_until settled || { tm_screen >&2; fail "not 2 holding, 2 waiting to lock"; }
[ "$(pane_sum "$MUTEX")" -eq 4 ] || { tm_screen >&2; fail "the counts do not sum to the 4 threads alive"; }
[ "$(pane_count "$MUTEX" 'unlock(&m);')" = 0 ] || fail "a thread on unlock"
# The selected thread (Process-1 Thread-1) holds the lock or waits for it.
if tm_screen | grep -qE 'state +holding'; then want='sleep(d);'; else want='lock(&m);'; fi
[ "$(tui_pane_mark "$MUTEX")" = "$want" ] || { tm_screen >&2; fail "the mark is not on $want"; }
# Another selected thread moves the mark to its own line.
tm send-keys -t t Right
tm_wait_for 'Process-1 · Thread-2'
if tm_screen | grep -qE 'state +holding'; then want='sleep(d);'; else want='lock(&m);'; fi
WAIT_S=3 wait_until test "$(tui_pane_mark "$MUTEX")" = "$want" || { tm_screen >&2; fail "Thread-2: the mark is not on $want"; }
tm send-keys -t t c
gone() { ! tm_screen | grep -q 'Code: mutex'; }
WAIT_S=3 wait_until gone || fail "c again: the pane is still there"
family=$(tui_family)
tm send-keys -t t q
WAIT_S=5 tm_wait_for '^\[exit 0\]$'
WAIT_S=5 wait_until tui_all_gone $family || fail "left behind: $family"
diff "$TMPD/stty.before" "$TMPD/stty.after" >&2 || fail "the terminal was not restored"
tm kill-server

RACE='for \(k = 0; k < n; k\+\+\) \{|    v = counter;|    v = v \+ 1;|    counter = v;|\}'
declare -A line=([reads]='v = counter;' [adds]='v = v + 1;' [writes]='counter = v;')
# At the moment shown: if the log's last line is a move of the selected
# thread (Process-1 Thread-1), the mark is on that move's line; the counts
# sum to the threads alive.  Echo the move, if it was one.
race_moment() {
	local s last move alive row
	s=$(tm_screen)
	last=$(echo "$s" | grep -E '^ +[0-9.]+ s  ' | tail -n 1)
	move=$(echo "$last" | sed -nE 's/.*(Process-1 Thread-1|P1 T1): (reads|adds|writes) .*/\2/p')
	# Alive: its cell neither new (○) nor done (✓); the grid's part of
	# the row, left of the pane (which may show its mark there).
	row=$(tui_row 1)
	alive=$(echo "${row:0:80}" | grep -o "$CELL_GLYPHS" | grep -vc '[○✓]')
	[ "$(pane_sum "$RACE")" -eq "$alive" ] ||
		{ tm_screen >&2; fail "the counts do not sum to the threads alive"; }
	[ -n "$move" ] || return 0
	[ "$(tui_pane_mark "$RACE" | sed 's/^ *//')" = "${line[$move]}" ] ||
		{ tm_screen >&2; fail "the log says $move, the mark is on '$(tui_pane_mark "$RACE")'"; }
	echo "$move"
}
# Step with key $1 from event $2 to event $3, one at a time, checking each
# moment; the moves of the selected thread seen go to $TMPD/moves.
race_walk() {
	local key=$1 from=$2 to=$3 n
	for ((n = from; n != to; )); do
		[ "$key" = . ] && n=$((n + 1)) || n=$((n - 1))
		tm send-keys -t t "$key"
		tm_wait_for "event $n/$total "
		race_moment >>"$TMPD/moves"
	done
}
tui_start 120 36 -w race -p 1 -t 2 --iterations 2 --seed 5
tm_wait_for 'finished'
tm send-keys -t t c
tm_wait_for 'Code: race \(2 ended\)'
[ "$(tui_pane "$RACE" | wc -l)" -eq 5 ] || { tm_screen >&2; fail "not the race's five lines"; }
[ "$(pane_sum "$RACE")" -eq 0 ] || fail "threads on a line after the end"
[ -z "$(tui_pane_mark "$RACE")" ] || fail "a mark for a thread that ended"
tm send-keys -t t '{'
tm_wait_for 'event 0/[0-9]+ '
total=$(tm_screen | sed -nE 's/.*event 0\/([0-9]+) .*/\1/p')
: >"$TMPD/moves"
# The last step forward would be live again: up to the one before it.
race_walk . 0 $((total - 1))
race_walk , $((total - 1)) 0
# Two updates of three moves, seen going forward and back.
[ "$(wc -l <"$TMPD/moves")" -eq 12 ] ||
	fail "the selected thread's moves seen: $(tr '\n' ' ' <"$TMPD/moves")"
tm send-keys -t t q
WAIT_S=5 tm_wait_for '^\[exit 0\]$'
tm kill-server

tui_start 120 36 -- sleep 30
tm send-keys -t t c
tm_wait_for 'No code to show: a traced program'
tm send-keys -t t q
WAIT_S=5 tm_wait_for '^\[exit 0\]$'
tm kill-server
