# Step mode in the deadlock scene (--scene 9 --step, 3 processes of 2
# threads; odd threads take mutex A then B, even ones B then A).  In
# Process-1 the room steps into the deadlock: Thread-1 takes A, Thread-2
# takes B, each goes for the other's -- the header's deadlock line names
# Process-1, and neither thread can move (Enter says whom it waits for, 1
# that none of the process can).  In Process-2 it steps around it:
# Thread-1 takes A, then B, and finishes; Thread-2 then takes B and A and
# finishes: Process-2 is done.  Process-3 never moved.  q then leaves no
# process behind, and the terminal as it was.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
export WAIT_S=20

tui_start 120 40 --scene 9 --step
tui_step_wait 0 6
# Process-1, into the deadlock, with its digit: its threads in turn.
tui_step 1 1 6 'Process-1 Thread-1: takes mutex A'
tui_step 1 2 6 'Process-1 Thread-2: takes mutex B'
tui_step 1 3 5 'Process-1 Thread-1: waits for mutex B'
tui_step 1 4 4 'Process-1 Thread-2: waits for mutex A'
tm_wait_for '^deadlock in Process-1: '
tm send-keys -t t 1
tm_wait_for 'no thread of Process-1 can move now'
tm send-keys -t t Enter
tm_wait_for 'Process-1 Thread-1 is blocked: it waits for mutex B.*, held by Process-1 Thread-2'
tui_step_wait 4 4
# Process-2, around it, thread by thread with Enter.
tm send-keys -t t Down
tm_wait_for 'Process-2 · Thread-1'
tui_step Enter 5 4 'Process-2 Thread-1: takes mutex A'
tui_step Enter 6 4 'Process-2 Thread-1: takes mutex B'
tui_step Enter 7 3 '>thread Thread-1 in process Process-2 done\.'
tm send-keys -t t Right
tm_wait_for 'Process-2 · Thread-2'
tui_step Enter 8 3 'Process-2 Thread-2: takes mutex B'
tui_step Enter 9 3 'Process-2 Thread-2: takes mutex A'
tui_step Enter 10 2 '>thread Thread-2 in process Process-2 done\.'
tui_log_wait 'Process Process-2 done\.'
tm_wait_for '^  Process-2 +[0-9]+ done '
[ "$(tui_log_count 'Process-2 Thread-[12]: waits for .*')" -eq 0 ] ||
	fail "a thread of Process-2 waited"
# Still deadlocked, Process-3 untouched: its two threads at their gates.
tm_wait_for '^deadlock in Process-1: '
tm_wait_for '^  Process-1 +[0-9]+ joining '
[ "$(tui_log_count "Process-3 Thread-[12]: $TUI_MOVES .*")" -eq 0 ] || fail "Process-3 moved"
family=$(tui_family)
[ "$(echo "$family" | wc -l)" -eq 3 ] || fail "not ptviz and its 2 children left: $family"
tui_quit_leaves_nothing 0
exit 0
