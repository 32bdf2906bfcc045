# The children write nothing to any pipe, file or terminal: their only
# descriptors are /dev/null (stdin, stdout, stderr) and the eventfd doorbell;
# they carry the titles "ptviz: Process-N" and their threads "Thread-M".
. tests/e2e/lib.sh

"$PTVIZ" --plain -p 3 -t 2 -s 30 --seed 235811 >"$TMPD/out" 2>"$TMPD/err" &
main=$!
at_exit "kill -9 $main 2>/dev/null"

# Wait until all three children exist with both their threads (this seed
# makes every thread sleep 10 s or more).
ready() {
	local k
	kids=$(descendants $main)
	[ "$(echo $kids | wc -w)" -eq 3 ] || return 1
	for k in $kids; do
		[ "$(ls /proc/$k/task 2>/dev/null | wc -l)" -eq 3 ] || return 1
	done
}
wait_until ready || fail "the children never all started"

for k in $kids; do
	for fd in /proc/$k/fd/*; do
		target=$(readlink "$fd") || continue
		case $target in
		/dev/null|"anon_inode:[eventfd]") ;;
		*) fail "child $k has fd ${fd##*/} on $target" ;;
		esac
	done
	for fd in 0 1 2; do
		[ "$(readlink /proc/$k/fd/$fd)" = /dev/null ] || fail "child $k fd $fd"
	done
	tr '\0' ' ' </proc/$k/cmdline | grep -Eq '^ptviz: Process-[1-3]' ||
		fail "child $k title: $(tr '\0' ' ' </proc/$k/cmdline)"
	names=$(cat /proc/$k/task/*/comm | sort | tr '\n' ' ')
	[ "$names" = "Thread-1 Thread-2 ptviz " ] || fail "child $k threads: $names"
done
kill -TERM $main
wait $main
exit 0
