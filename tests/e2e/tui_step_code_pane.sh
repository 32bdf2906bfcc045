# The code pane in step mode (it comes on with step mode): a 1 x 2 race
# of two updates each, stepped by hand with Thread-1 selected -- Enter
# moves it, 1 moves the other in turn -- through a lost update and on to
# both ends.  After each move the mark (▶) is on the line of the move the
# log reports last for Thread-1 (on the loop's first line before its
# first move), whichever thread moved; once Thread-1 has finished it has
# no mark.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
export WAIT_S=20

RACE='for \(k = 0; k < n; k\+\+\) \{|    v = counter;|    v = v \+ 1;|    counter = v;|\}'
declare -A line=([reads]='v = counter;' [adds]='v = v + 1;' [writes]='counter = v;')
# The log's moves so far, one a line: "N VERB" (N the thread; VERB reads,
# adds, writes or done), from the long names or the short ones of a
# narrow log.
moves() {
	tm_screen | sed -nE \
		-e 's/^ +[0-9.]+ s  (Process-1 Thread-|P1 T)([12]): (reads|adds|writes) .*/\2 \3/p' \
		-e 's/^ +[0-9.]+ s  >thread (Thread-|P1 T)([12])( in process Process-1)? done\..*/\2 done/p'
}
# Thread-1's last move in the log; none yet: empty.
last_of_thread1() {
	moves | sed -n 's/^1 //p' | tail -n 1
}
# The last move in the log.
last_move() {
	moves | tail -n 1
}
# The mark is where Thread-1's last move says; none once it is done.
mark_right() {
	local m want=
	m=$(last_of_thread1)
	case $m in
	'')	want='for (k = 0; k < n; k++) {' ;;
	done)	;;
	*)	want=${line[$m]} ;;
	esac
	[ "$(tui_pane_mark "$RACE" | sed 's/^ *//')" = "$want" ]
}

tui_start 160 40 -p 1 -t 2 -w race --iterations 2 --step
tui_step_wait 0 2
tm_wait_for 'Code: race \(0 ended\)'
[ "$(tui_pane "$RACE" | wc -l)" -eq 5 ] || { tm_screen >&2; fail "not the race's five lines"; }
wait_until mark_right || { tm_screen >&2; fail "before any move: the mark is on '$(tui_pane_mark "$RACE")'"; }

# Key, the move it makes ("THREAD VERB"), the threads at their gates after.
n=0
while read -r key who verb at; do
	n=$((n + 1))
	if [ "$verb" = done ]; then
		re=">thread Thread-$who in process Process-1 done\\."
	else
		re="Process-1 Thread-$who: $verb .*"
	fi
	tui_step "$key" $n "$at" "$re"
	[ "$(moves | wc -l)" -eq $n ] || { tm_screen >&2; fail "move $n: $(moves | wc -l) in the log"; }
	[ "$(last_move)" = "$who $verb" ] || { tm_screen >&2; fail "move $n ($key): '$(last_move)', not '$who $verb'"; }
	wait_until mark_right || { tm_screen >&2; fail "move $n: Thread-1 $(last_of_thread1), the mark on '$(tui_pane_mark "$RACE")'"; }
done <<'MOVES'
Enter 1 reads 2
1 2 reads 2
1 1 adds 2
1 2 adds 2
Enter 1 writes 2
1 2 writes 2
Enter 1 reads 2
Enter 1 adds 2
1 2 reads 2
1 1 writes 2
1 2 adds 2
Enter 1 done 1
MOVES
[ -z "$(tui_pane_mark "$RACE")" ] || { tm_screen >&2; fail "a mark for Thread-1, finished"; }
# Thread-2's last two moves; the run ends, an update lost in each round.
tui_step 1 13 1 'Process-1 Thread-2: writes .*'
tm send-keys -t t 1
tm_wait_for '^elapsed .*threads done 2/2 .*finished'
tm_wait_for '^counter 2, should be 4: 2 updates lost( |$)'
tm_wait_for 'Code: race \(2 ended\)'
[ -z "$(tui_pane_mark "$RACE")" ] || fail "a mark after the end"
family=$(tui_family)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
wait_until tui_all_gone $family || fail "left behind: $family"
exit 0
