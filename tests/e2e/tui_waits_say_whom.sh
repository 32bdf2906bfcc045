# Who a waiting thread waits for, in every workload, from checked-in
# recordings stepped to a chosen event (no scheduler decides what shows):
# a semaphore's waiter names the permits' holders and how many are free;
# a barrier's waiter the threads yet to come, and once past it whom it
# waited for (the last to come); a barrier thread's plan counts both its
# sleeps, as "slept" does; a cell waiting for the global mutex names the
# holding thread, not only its process; the timeline's legend names the
# thin line of a wait.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

DATA=$PWD/tests/e2e/data

# Replay $1 and show the moment after event $2 of $3.
at_event() {
	tui_start 120 36 --replay "$DATA/$1"
	WAIT_S=10 tm_wait_for ' finished'
	tm send-keys -t t '{'
	tm_wait_for "event 0/$3 "
	for _ in $(seq 1 "$2"); do
		tm send-keys -t t .
	done
	tm_wait_for "event $2/$3 "
}

# The details pane: the columns right of the log.
details() { tm_screen | cut -c 86-; }

# Semaphore of 2: after event 19, P1 T1 and P2 T1 hold the permits and
# four threads wait; Process-1's Thread-2 is one of them.
at_event semaphore-2x3-seed8.jsonl 19 34
tm send-keys -t t l
tm_wait_for 'Process-1 · Thread-2'
# (the pane is 35 columns: the words go on below, whole)
details | tr -s ' \n' ' ' | grep -q ' for a permit of the semaphore held by' ||
	{ details >&2; fail "no semaphore wait in the details"; }
details | grep -q '^held by   P1 T1, P2 T1$' ||
	{ details >&2; fail "the semaphore's holders are not named"; }
details | grep -q '^free      0 of 2 permits$' ||
	{ details >&2; fail "the free permits are not counted"; }
tm kill-session -t t

# Barrier: after event 23, Process-1's Thread-2 and Thread-3 wait at its
# barrier for Thread-1, still in its first sleep.
at_event barrier-2x3-seed4.jsonl 23 42
tm send-keys -t t l
tm_wait_for 'Process-1 · Thread-2'
details | grep -q '^for       the barrier of Process-1$' ||
	{ details >&2; fail "no barrier wait in the details"; }
details | grep -q '^to come   Thread-1$' ||
	{ details >&2; fail "who has not come to the barrier is not said"; }
# At the end: Thread-2 waited for Thread-1, the last to come; its plan is
# both its sleeps (0.394 s + 0.746 s), as its "slept" is.
tm send-keys -t t '}'
tm_wait_for '^elapsed .* finished'
details | grep -Eq '^waited    0\.[0-9]{3} s for Thread-1$' ||
	{ details >&2; fail "whom it waited for at the barrier is not said"; }
details | grep -q '^planned   1\.139 s$' ||
	{ details >&2; fail "planned is not both sleeps"; }
details | grep -q '^slept     1\.140 s$' ||
	{ details >&2; fail "slept is not both sleeps"; }
tm send-keys -t t h
tm_wait_for 'Process-1 · Thread-1'
details | grep -Eq '^waited    0\.[0-9]{3} s \(it came last\)$' ||
	{ details >&2; fail "the last to come is not said to be last"; }
tm kill-session -t t

# Global mutex: after event 17, Process-2's Thread-1 holds it; Process-1's
# Thread-2 waits, its cell naming the holder.
at_event gmutex-2x2-seed6.jsonl 17 27
tui_row 1 | grep -Eq '◌ P2 T1( |$)' ||
	fail "the waiting cell does not name the holding thread: $(tui_row 1)"
tui_row 2 | grep -Eq '◌ T1( |$)' ||
	fail "a wait in its own process: $(tui_row 2)"

# The timeline's legend names the thin line of a wait.
tm send-keys -t t t
tm_wait_for '^  time \(s\)'
tm_screen | grep -q '^  ▆ sleeping  ◆ computing  ─ waiting  ■ holding ' ||
	{ tm_screen >&2; fail "the timeline has no legend of its marks"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
