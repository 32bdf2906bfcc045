# `z` holds reaping: each child that ends stays a zombie -- its row says
# `zombie`, /proc and ps say Z -- and the run does not end; `z` again reaps
# them, the rows say done and the pids are gone.  Held, quitting (q) and
# SIGTERM still reap every zombie: nothing is left behind.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# The pids of the rows of Process-1..3 once every one says zombie.
zombie_pids() {
	local i
	for i in 1 2 3; do
		tm_wait_for "Process-$i +[0-9]+ zombie"
	done
	for i in 1 2 3; do
		tui_row $i | awk '{ print $2 }'
	done
}

# Seed 1: the shortest sleep is 0.8 s, time enough to hold reaping first.
tui_start 120 40 -p 3 -t 1 -s 2 --seed 1
tm send-keys -t t z
tm_wait_for 'reaping held: ended children stay zombies \(z releases\)'
pids=$(zombie_pids)
for p in $pids; do
	[ "$(proc_state "$p")" = Z ] || fail "pid $p is $(proc_state "$p"), not Z"
	ps -o stat= -p "$p" | grep -q Z || fail "ps: pid $p is $(ps -o stat=,args= -p "$p")"
	ps -o args= -p "$p" | grep -q '<defunct>' || fail "ps: pid $p is not <defunct>"
done
tm_wait_for 'Process-1 \(pid [0-9]+\) has ended: a zombie until it is reaped\.'
# Ended but not reaped: the run goes on, and the kernel's letter is Z.
tm_screen | grep -q 'Main process done' && fail "the run ended with zombies left"
tm send-keys -t t K
tm_wait_for 'Process-2 +[0-9]+ zombie +Z'
tm send-keys -t t K
# A zombie cannot be killed: it has already ended.
tm send-keys -t t k
tm_wait_for 'Process-1 has already ended: a zombie until z releases reaping'
tm send-keys -t t z
tm_wait_for 'reaping released: the zombies are reaped'
for i in 1 2 3; do
	tm_wait_for "Process-$i +[0-9]+ done "
done
# shellcheck disable=SC2086
WAIT_S=5 wait_until tui_all_gone $pids || fail "zombies left: $pids"
tm_wait_for 'Main process done\.'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server

# Held, then q: the zombies are reaped on the way out.
tui_start 120 40 -p 3 -t 1 -s 2 --seed 1
tm send-keys -t t z
pids=$(zombie_pids)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
# shellcheck disable=SC2086
WAIT_S=5 wait_until tui_all_gone $MAIN $pids || fail "left behind: $MAIN $pids"
tm kill-server

# Held, then SIGTERM: the same, and the exit status is the signal's.
tui_start 120 40 -p 3 -t 1 -s 2 --seed 1
tm send-keys -t t z
pids=$(zombie_pids)
kill -TERM "$MAIN"
tm_wait_for '^\[exit 143\]$'
# shellcheck disable=SC2086
WAIT_S=5 wait_until tui_all_gone $MAIN $pids || fail "left behind: $MAIN $pids"
exit 0
