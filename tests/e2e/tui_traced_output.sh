# What a traced program writes comes into the log pane, on the screen:
# the program runs on a terminal of its own (isatty says so, and stty
# gives it a size), each line it writes is a log line set apart by a bar,
# in the order written and among the births and ends (each timed when
# ptviz read it: a process's last words may come just after its end, so
# that is not checked); the screen itself is never written over.  A
# flood of 1.5 million lines keeps the newest and says in the log's rule
# how many were not kept; the screen answers q at once.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'if [ -t 0 ] && [ -t 1 ]; then echo on a terminal; else echo not a terminal; fi; stty size | sed \"s/^/size /\"; printf \"first\\nsecond\\n\"; sleep 0.3; echo last words'"
tm_wait_for 'processes 0 alive, [0-9]+ ended'
# The log's half of the screen (the details are beside it).
s=$(tm_screen | cut -c1-80 | sed 's/ *$//')
for want in 'on a terminal' 'size [0-9]+ [0-9]+' first second 'last words'; do
	echo "$s" | grep -qE "^ +[0-9.]+ s  │ $want\$" ||
		{ echo "$s" >&2; fail "no log line '$want'"; }
done
# In the order written.
order=$(echo "$s" | sed -n 's/^ *[0-9.]* s  │ \(first\|second\|last words\)$/\1/p' | tr '\n' ,)
[ "$order" = "first,second,last words," ] ||
	{ echo "$s" >&2; fail "the lines' order: $order"; }
# Nothing of it on the screen outside the log: the header is ptviz's.
echo "$s" | head -n 1 | grep -q '^ptviz — traced: sh -c' ||
	{ echo "$s" >&2; fail "the first row"; }
! echo "$s" | grep -qE '^(on a terminal|first|second|last words)' ||
	{ echo "$s" >&2; fail "the program wrote on the screen"; }
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server
tui_start 120 30 -- sh -c "'yes | head -c 3000000; echo the end; sleep 30'"
tm_wait_for '│ the end'
tm_wait_for "log \([0-9]+ lines of the program's output not kept\)"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
