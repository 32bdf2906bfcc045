# The details of a traced thread: its process and parent, its name and
# tid, its birth, what the kernel says it does -- two threads blocked on
# one mutex wait on the same futex word, and each names the other (seen
# in time travel once the run has ended: the wait lasts 3 s, and a slow
# machine must not miss it); a cat at the end of a pipe waits for input
# from a pipe.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

lockers=$(tracee lockers)
tui_start 120 40 -- "$lockers"
WAIT_S=30 tm_wait_for 'processes 0 alive, 1 ended'
# From the start, step until thread 1 joins, 2 holds the mutex (asleep),
# 3 and 4 wait on it.
tm send-keys -t t Right Right
waiting() { tm_screen | grep -qE '^  lockers .*◌ lock.*◑ sleep.*◌ lock.*◌ lock'; }
tui_step_until "never two threads waiting on the lock" waiting
tm_wait_for 'thread +waiter-a'
s=$(tm_screen)
for f in 'process 1 · thread 3' 'process +lockers, pid [0-9]+' 'parent +ptviz' \
    'tid +[0-9]+' 'born +\+0\.[0-9]+ s' 'kernel +waiting on a lock or a' \
    'same word +thread 4'; do
	echo "$s" | grep -qE "$f" || { echo "$s" >&2; fail "the details do not say /$f/"; }
done
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server
tui_start 120 40 -- sh -c "'sleep 60 | cat'"
tm_wait_for '^  └ sh → cat +[0-9]+ exec +⇄ read'
# Down to cat's row (2 or 3: its birth and sleep's are told in the order
# the tracer sees them).
n=0
until tm_screen | grep -qE 'process +sh, then cat \(exec\)'; do
	tm send-keys -t t Down
	sleep 0.2
	[ $((n += 1)) -lt 20 ] || { tm_screen >&2; fail "cat's row never selected"; }
done
tm_wait_for 'kernel +waiting for input from a'
tm_screen | grep -qE 'pipe \(fd 0\)' || { tm_screen >&2; fail "not a pipe"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
