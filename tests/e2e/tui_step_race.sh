# Step mode by hand (--step): the room is the scheduler of a race.  A 1 x 2
# race of one update each, stepped into a lost update -- Thread-1 reads,
# Thread-2 reads, Thread-1 adds and writes, Thread-2 adds and writes --
# ends "counter 1, should be 2: 1 update lost", both reads of 0 in the
# log, the step line counting every move; each thread's last move ends
# the run (done 2/2), and no process is left.  The same race under its
# mutex, stepped in two orders (Thread-1 first; Thread-2 taking the lock
# first): Enter on the thread that waits for the lock is refused, the
# note naming the holder, and the counter ends right both times.  Keys:
# Enter moves the selected thread, 1 Process-1's next thread in turn.
# Before each key the move before it is in the log and the threads that
# can move are back at their gates (the step line's count): no fixed
# sleep.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
export WAIT_S=20

# Select thread $1 of Process-1 (the details name it).
select_thread() {
	tm send-keys -t t "$2"
	tm_wait_for "Process-1 · Thread-$1"
}

# After the run's last move: it has ended, every child reaped and none
# left; then q leaves nothing and gives the terminal back.
ends_clean() {
	tm_wait_for '^elapsed .*threads done 2/2 .*finished'
	tm_screen | grep -q 'step mode:' && fail "a step line after the end"
	no_children() { [ -z "$(descendants "$MAIN")" ]; }
	wait_until no_children || fail "children left: $(descendants "$MAIN")"
	tui_quit_leaves_nothing 0
	tm kill-server
}

P1='Process-1 Thread-1:'
P2='Process-1 Thread-2:'

# The lost update.  Nobody moves before a key.
tui_start 120 36 -p 1 -t 2 -w race --iterations 1 --step
tui_step_wait 0 2
[ "$(tui_log_count "Process-1 Thread-[12]: $TUI_MOVES .*")" -eq 0 ] || fail "a move before any key"
# 1: Process-1's first in turn, Thread-1, then the next, Thread-2.
tui_step 1 1 2 "$P1 reads counter = 0"
tui_step 1 2 2 "$P2 reads counter = 0"
# Enter: the selected thread, Thread-1.
tui_step Enter 3 2 "$P1 adds 1 = 1"
tui_step Enter 4 2 "$P1 writes counter = 1"
tm_wait_for '^counter 1, should be 1( |$)'
select_thread 2 Right
tui_step Enter 5 2 "$P2 adds 1 = 1"
tui_step Enter 6 2 "$P2 writes counter = 1 over 1"
tm_wait_for '^counter 1, should be 2: 1 update lost( |$)'
[ "$(tui_log_count "Process-1 Thread-[12]: reads counter = 0")" -eq 2 ] ||
	fail "not both reads of 0 in the log"
[ "$(tui_log_count "Process-1 Thread-[12]: reads .*")" -eq 2 ] ||
	fail "not two reads in the log"
# Their last moves: the one after Thread-2 in turn is Thread-1.
tui_step 1 7 1 '>thread Thread-1 in process Process-1 done\.'
tm send-keys -t t 1
tui_log_wait '>thread Thread-2 in process Process-1 done\.'
tm_wait_for '^counter 1, should be 2: 1 update lost( |$)'
ends_clean

# The race under its mutex, Thread-1 first.
tui_start 120 36 -p 1 -t 2 -w race-locked --iterations 1 --step
tui_step_wait 0 2
tui_step Enter 1 2 "$P1 takes the global mutex"
select_thread 2 Right
tui_step Enter 2 1 "$P2 waits for the global mutex"
tm send-keys -t t Enter
tm_wait_for "Process-1 Thread-2 is blocked: it waits for the global mutex, held by Process-1 Thread-1"
tui_step_wait 2 1
# Only Thread-1 can move: 1 finds it, until it lets go and Thread-2,
# given the lock as part of that move, comes to its gate.
tui_step 1 3 1 "$P1 reads counter = 0"
tui_step 1 4 1 "$P1 adds 1 = 1"
tui_step 1 5 1 "$P1 writes counter = 1"
tui_step 1 6 2 "$P2 takes the global mutex"
tui_log_wait "$P1 lets go of the global mutex"
# Thread-2, still selected.
tui_step Enter 7 2 "$P2 reads counter = 1"
tui_step Enter 8 2 "$P2 adds 1 = 2"
tui_step Enter 9 2 "$P2 writes counter = 2"
tui_step Enter 10 2 "$P2 lets go of the global mutex"
tui_step Enter 11 1 '>thread Thread-2 in process Process-1 done\.'
tm send-keys -t t 1
tui_log_wait '>thread Thread-1 in process Process-1 done\.'
tm_wait_for '^counter 2, should be 2( |$)'
ends_clean

# The same, Thread-2 taking the lock first.
tui_start 120 36 -p 1 -t 2 -w race-locked --iterations 1 --step
tui_step_wait 0 2
select_thread 2 Right
tui_step Enter 1 2 "$P2 takes the global mutex"
select_thread 1 Left
tui_step Enter 2 1 "$P1 waits for the global mutex"
tm send-keys -t t Enter
tm_wait_for "Process-1 Thread-1 is blocked: it waits for the global mutex, held by Process-1 Thread-2"
tui_step_wait 2 1
[ "$(tui_log_count "Process-1 Thread-1: reads .*")" -eq 0 ] || fail "Thread-1 read, refused"
tui_step 1 3 1 "$P2 reads counter = 0"
tui_step 1 4 1 "$P2 adds 1 = 1"
tui_step 1 5 1 "$P2 writes counter = 1"
tui_step 1 6 2 "$P1 takes the global mutex"
tui_log_wait "$P2 lets go of the global mutex"
# In turn after Thread-2: Thread-1 reads, Thread-2 finishes.
tui_step 1 7 2 "$P1 reads counter = 1"
tui_step 1 8 1 '>thread Thread-2 in process Process-1 done\.'
tui_step 1 9 1 "$P1 adds 1 = 2"
tui_step 1 10 1 "$P1 writes counter = 2"
tui_step 1 11 1 "$P1 lets go of the global mutex"
tm send-keys -t t 1
tui_log_wait '>thread Thread-1 in process Process-1 done\.'
tm_wait_for '^counter 2, should be 2( |$)'
ends_clean
exit 0
