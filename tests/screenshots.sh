#!/usr/bin/env bash
# screenshots.sh: run the real ptviz in tmux, capture its screen at chosen
# moments (with colours: capture-pane -e) and render each to
# screenshots/NAME.png with tests/ansi2png.py.  `make screenshots` runs it.
# Environment: PTVIZ (the binary, default build/ptviz).
set -eu
cd "$(dirname "$0")/.."

PTVIZ=$(realpath "${PTVIZ:-build/ptviz}")
OUT=screenshots
PY=/usr/bin/python3	# Debian's, which sees python3-pil
SOCK=shots-$$
TMPD=$(mktemp -d)
export LC_ALL=C.UTF-8

command -v tmux >/dev/null || { echo "screenshots: no tmux" >&2; exit 1; }
$PY -c 'import PIL' 2>/dev/null ||
	{ echo "screenshots: $PY lacks PIL (apt-get install python3-pil)" >&2; exit 1; }
trap 'tmux -L $SOCK kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
mkdir -p "$OUT"

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

# Start ptviz with the arguments after COLS ROWS in a fresh session.
start() {
	local cols=$1 rows=$2
	shift 2
	local old=$S
	S=s$((${S#s} + 1))
	# The old session goes after the new one is up: an empty server ends.
	tm new-session -d -s "$S" -x "$cols" -y "$rows" -c "${START_DIR:-$PWD}" \
		"env TERM=tmux-256color LANG=C.UTF-8 $PTVIZ $*; sleep 600"
	[ "$old" = s0 ] || tm kill-session -t "$old"
	wait_for '^ptviz'
}
S=s0

# Wait (up to 20 s) until the screen matches the extended regex $1.
wait_for() {
	local i
	for i in $(seq 400); do
		tm capture-pane -t "$S" -p | grep -Eq -- "$1" && return 0
		sleep 0.05
	done
	echo "screenshots: the screen never showed /$1/" >&2
	tm capture-pane -t "$S" -p >&2
	exit 1
}

# Step mode: keys $1 let a thread move; wait for its line $2 in the log,
# then for the header's count of $3 moves.
step_key() {
	# shellcheck disable=SC2086
	tm send-keys -t "$S" $1
	wait_for "$2"
	wait_for "step mode: $3 moves?,"
}

# Capture the screen as $OUT/$1.png.
shot() {
	local size
	size=$(tm display-message -p -t "$S" '#{pane_width} #{pane_height}')
	tm capture-pane -t "$S" -e -p -N > "$TMPD/$1.ans"
	# shellcheck disable=SC2086
	$PY tests/ansi2png.py "$TMPD/$1.ans" "$OUT/$1.png" $size
	echo "$OUT/$1.png"
}

# During a run, and when it has finished; then the help over it.
start 120 40 -p 5 -t 3 -s 3 --seed 7
wait_for 'threads done ([5-9]|1[0-1])/15'
shot running
wait_for '^elapsed .* finished'
shot finished
tm send-keys -t "$S" '?'
wait_for 'ptviz keys'
shot help

# A process killed part way: its row killed, its threads lost.
start 120 40 -p 6 -t 4 -s 4 --seed 11
tm send-keys -t "$S" j j l
wait_for 'Process-3 · Thread-2'
sleep 0.6
tm send-keys -t "$S" k
wait_for 'Process-3 +[0-9]+ killed'
wait_for '^elapsed .* finished'
shot killed

# Paused: every child stopped.
start 120 40 -p 6 -t 8 -s 6 --seed 3
wait_for 'threads done [1-3][0-9]/48'
tm send-keys -t "$S" Space
wait_for 'stopped'
shot paused

# A narrow terminal, and many processes and threads in a normal one.
start 60 20 -p 8 -t 6 -s 4 --seed 5
wait_for ' done [1-3][0-9]/48'
shot narrow
start 120 40 -p 64 -t 16 -s 6 --seed 9
wait_for 'threads done [1-9][0-9][0-9]/1024'
shot many

# The timeline of a finished run; then stepped back in time, in the grid.
start 120 40 -p 5 -t 3 -s 3 --seed 7
wait_for '^elapsed .* finished'
tm send-keys -t "$S" t
wait_for '^  time \(s\)'
shot timeline
tm send-keys -t "$S" t '{' p
wait_for 'threads done [4-9]/15'
tm send-keys -t "$S" p
wait_for 'time stopped'
shot travel

# Playing back in the timeline, a run with a pause in it.
start 120 40 -p 4 -t 3 -s 3 --seed 11
wait_for 'threads done [1-3]/12'
tm send-keys -t "$S" Space
sleep 0.6
tm send-keys -t "$S" Space
wait_for '^elapsed .* finished'
tm send-keys -t "$S" t '{' f f p
wait_for 'threads done [6-9]/12'
shot playback

# Many threads: every process folded into its sleep levels, one unfolded.
start 120 40 -p 64 -t 16 -s 6 --seed 9
wait_for 'threads done [1-9][0-9][0-9]/1024'
tm send-keys -t "$S" t j Enter
wait_for '^▾ Process-2 '
shot folded

# The workloads, each at a moment that shows what it teaches.
start 120 30 -p 3 -t 5 -s 2 --seed 3 -w cpu
wait_for 'threads done [3-9]/15'
shot work-cpu
wait_for '^elapsed .* finished'
tm send-keys -t "$S" t
wait_for '^  time \(s\)'
tm send-keys -t "$S" Enter
wait_for '^▾ Process-1'
shot work-cpu-timeline
start 120 30 -p 4 -t 4 -s 2 --seed 3 -w mutex
wait_for 'threads done [4-9]/16'
shot work-mutex
start 120 30 -p 3 -t 3 -s 1 --seed 3 -w global-mutex
wait_for 'threads done [3-5]/9'
shot work-global-mutex
start 120 30 -p 3 -t 4 -s 1.5 --seed 3 -w semaphore --permits 3
wait_for 'threads done [3-7]/12'
shot work-semaphore
start 120 30 -p 4 -t 4 -s 2 --seed 4 -w barrier
wait_for '◌ barrier'
wait_for 'threads done [1-9]/16'
shot work-barrier
wait_for '^elapsed .* finished'
tm send-keys -t "$S" t
wait_for '^  time \(s\)'
shot work-barrier-timeline
start 120 30 -p 3 -t 3 -s 1 --seed 5 -w deadlock
wait_for 'deadlock in Process-'
sleep 0.5
shot work-deadlock
# The race: updates lost, counted against what the counter should be; the
# queue: producers and consumers around 3 slots.
start 120 30 -p 3 -t 4 -w race --iterations 2000 --seed 5
wait_for '^elapsed .* finished'
shot work-race
start 120 30 -p 2 -t 4 -w queue --iterations 400 --seed 5
wait_for 'queue [1-3] of 3 full: [1-9][0-9]+ put'
shot work-queue

# The code pane (c) on a race run, travelled back to a moment in the
# middle of its updates: how many threads are on each line, the selected
# thread's marked.
start 120 36 -p 3 -t 3 -w race --iterations 5 --seed 5
wait_for '^elapsed .* finished'
tm send-keys -t "$S" c '{'
wait_for 'event 0/'
for i in $(seq 20); do tm send-keys -t "$S" .; done
wait_for 'event 20/'
wait_for 'Code: race'
# Thread-2, which makes the moves then, selected: its line marked.
tm send-keys -t "$S" l
wait_for 'Process-1 · Thread-2'
shot code-pane

# Big cells (b), for the back of a room.
start 120 36 -p 3 -t 3 -s 3 --seed 7
tm send-keys -t "$S" b
wait_for 'threads done [4-6]/9'
shot big

# Predict, then reveal: the guess beside the run.
start 120 36 -p 3 -t 2 -s 1 --seed 44
wait_for '^elapsed .* finished'
tm send-keys -t "$S" g
wait_for 'guess: _ _ _'
tm send-keys -t "$S" v 1 3 2
wait_for 'guess: 1 3 2'
shot predict
tm send-keys -t "$S" Enter
wait_for 'places right$'
wait_for '^elapsed .* finished'
shot reveal

# Many runs (m): the table of who finished where.
start 120 36 -p 4 -t 2 -s 0 --seed 3
wait_for '^elapsed .* finished'
tm send-keys -t "$S" m
wait_for 'who finished where'
shot many-runs

# A scene with its caption.
start 120 36 --scene 1
wait_for 'threads done [4-9]/15'
shot scene

# The kernel's view: its letters in the cells, its words in the details.
start 120 30 -p 4 -t 4 -s 20 --seed 235811 -w barrier
wait_for 'threads done 0/16'
tm send-keys -t "$S" K
wait_for "cells: the kernel's letters"
sleep 1
shot kernel

# A program of one's own, traced: the classic exercise written in Python
# (multiprocessing and threading), its threads asleep and each child's
# main thread waiting on the join's lock, the main process waiting for its
# children; then the timeline of the whole run.
start 120 36 -- /usr/bin/python3 tests/tracee/classic.py 3
wait_for '^  └ python3 .*◑ sleep'
wait_for '^  python3 .*◎ child'
shot traced-python
wait_for 'processes 0 alive, 6 ended'
# The timeline, the main process and its first child unfolded.
tm send-keys -t "$S" t
wait_for '^time \\(s\\)|^  time'
tm send-keys -t "$S" Enter j Enter
sleep 0.5
shot traced-python-timeline

# Reaping held (z): the children that ended are zombies, the rest run on.
start 120 30 -p 4 -t 3 -s 3 --seed 1
tm send-keys -t "$S" z
wait_for 'Process-[0-9]+ +[0-9]+ zombie'
sleep 0.3
shot zombies

# The teacher's guide (doc/teaching.md): the moment each step points at.
# Step 1: scene 1 predicted, then run: the guess beside the real order.
start 120 36 --scene 1
wait_for '^elapsed .* finished'
tm send-keys -t "$S" g
wait_for 'guess: _ _ _ _ _'
tm send-keys -t "$S" 1 2 3 4 5 Enter
wait_for 'the run: 2 5 1 3 4'
wait_for '^elapsed .* finished'
shot guide-step-1
# Step 2: 1024 threads asleep at once, the concurrency in the hundreds.
start 120 36 --scene 2
wait_for 'threads done [1-4][0-9][0-9]/1024'
shot guide-step-2
# Step 3: the same seed again, and another order.
start 120 36 --scene 3
wait_for '^elapsed .* finished'
for i in $(seq 20); do
	tm send-keys -t "$S" R
	sleep 0.5
	tm capture-pane -t "$S" -p | grep -q 'another schedule' && break
done
wait_for 'another schedule'
shot guide-step-3
# Step 4: computing threads, as many on a core as there are cores, each
# with its share of a core.
start 120 36 --scene 4
wait_for '^  Process-2 .*[0-9]+%'
wait_for 'threads done [1-3]/'
shot guide-step-4
# Steps 5 to 7: a mutex per process, one for all, a semaphore of 2.
start 120 36 --scene 5
wait_for 'threads done [3-5]/12'
shot guide-step-5
start 120 36 --scene 6
wait_for 'threads done [3-5]/9'
shot guide-step-6
start 120 36 --scene 7
wait_for 'threads done [3-6]/12'
shot guide-step-7
# Step 8: the barrier's run in the timeline, Thread-2 of Process-1 chosen.
start 120 36 --scene 8
wait_for '^elapsed .* finished'
tm send-keys -t "$S" l t
wait_for '^  time \(s\)'
shot guide-step-8
# Step 9: every process deadlocked, the cycle in the header.
start 120 36 --scene 9
wait_for 'deadlock in Process-1: .*\(and 2 more\)'
sleep 0.5
shot guide-step-9
# Step 10: reaping held, every process a zombie.
start 120 36 --scene 10
for i in 1 2 3 4; do
	wait_for "^  Process-$i +[0-9]+ zombie"
done
sleep 0.3
shot guide-step-10

# Step mode (S, --step): the room is the scheduler.  Scene 14, stepped
# into the lost update: both threads read 0, both add, both write 1; the
# code pane on, each move in the log, the header's counter.  Each key
# waits for its move's line: a thread making its move cannot take another.
start 120 36 --scene 14
wait_for 'step mode: 0 moves, 2 at their gates'
step_key Enter 'Thread-1: reads counter = 0' 1
step_key 'l Enter' 'Thread-2: reads counter = 0' 2
step_key 1 'Thread-1: adds 1 = 1' 3
step_key 1 'Thread-2: adds 1 = 1' 4
step_key 1 'Thread-1: writes counter = 1' 5
step_key 1 'writes counter = 1 over 1' 6
wait_for 'counter 1, should be 2: 1 update lost'
wait_for 'step mode: 6 moves, 2 at their gates'
shot step-race-lost-update

# Scene 9 stepped: Process-1 into its deadlock (each takes its first
# mutex, then waits for the other's), Process-2 around it (Thread-1 takes
# both and ends before Thread-2 starts), and Enter on Process-1's
# Thread-1 refused: it names the holder.
start 120 36 --scene 9 --step
wait_for 'step mode: 0 moves, 6 at their gates'
step_key 1 'Process-1 Thread-1: takes mutex A' 1
step_key 1 'Process-1 Thread-2: takes mutex B' 2
step_key 1 'Process-1 Thread-1: waits for mutex B' 3
step_key 1 'deadlock in Process-1' 4
step_key 'j Enter' 'Process-2 Thread-1: takes mutex A' 5
step_key Enter 'Process-2 Thread-1: takes mutex B' 6
step_key Enter '>thread P(rocess-)?2 T(hread-)?1 done' 7
step_key 'l Enter' 'Process-2 Thread-2: takes mutex B' 8
step_key Enter 'Process-2 Thread-2: takes mutex A' 9
wait_for 'step mode: 9 moves, 3 at their gates'
tm send-keys -t "$S" u h Enter
wait_for 'Process-1 Thread-1 is blocked'
shot step-deadlock

# A stepped race in the timeline: each thread's time at its gates a thin
# line in the keys' colour, each move a bar, the lost update in the
# header.
start 120 36 --scene 14
wait_for 'step mode: 0 moves, 2 at their gates'
for n in 1 2 3 4 5 6 7 8; do
	tm send-keys -t "$S" 1
	[ "$n" -eq 8 ] || wait_for "step mode: $n moves?, [12] at (its|their) gates?"
done
wait_for 'threads done 2/2'
tm send-keys -t "$S" t
wait_for '─ gate'
shot step-timeline

# A recording, replayed on the screen: from the start, playing at x1.
"$PTVIZ" -p 5 -t 3 -s 3 --seed 42 --plain --record "$TMPD/lesson.jsonl" \
	>/dev/null 2>&1
START_DIR=$TMPD start 120 40 --replay lesson.jsonl
wait_for 'threads done [6-9]/15'
shot replay

# Its trace in speedscope (tests/trace's copy), headless Chromium.
if command -v chromium >/dev/null &&
	[ -d tests/trace/node_modules/speedscope/dist/release ]; then
	"$PTVIZ" --replay "$TMPD/lesson.jsonl" --trace "$TMPD/trace.json"
	ln -s "$(realpath tests/trace/node_modules/speedscope/dist/release)" \
		"$TMPD/speedscope"
	port=$((20000 + $$ % 20000))
	$PY -m http.server "$port" --bind 127.0.0.1 --directory "$TMPD" \
		>/dev/null 2>&1 &
	server=$!
	sleep 1
	url="http://127.0.0.1:$port"
	timeout 60 chromium --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$TMPD/chromium" --hide-scrollbars \
		--window-size=1200,200 --virtual-time-budget=8000 \
		--screenshot="$OUT/trace-speedscope.png" \
		"$url/speedscope/index.html#profileURL=$url/trace.json" \
		>/dev/null 2>&1
	kill $server
	echo "$OUT/trace-speedscope.png"
else
	echo "screenshots: no chromium or speedscope: trace-speedscope.png left as it was" >&2
fi

# A run drawn for slides (--svg, --png): scene 5, a mutex per process --
# its holds, its waits and its caption.
"$PTVIZ" --plain --scene 5 --svg "$OUT/picture.svg" --png "$OUT/picture.png" \
	>/dev/null 2>&1
echo "$OUT/picture.svg"
echo "$OUT/picture.png"
