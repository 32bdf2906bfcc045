# K on a traced program: its cells show the kernel's own state letters
# (S: asleep) beside what the sampling made of them.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 60 & wait'"
tm_wait_for '^  └ sh → sleep +[0-9]+ exec +◑ sleep'
tm send-keys -t t K
tm_wait_for '^  sh +[0-9]+ exec +▕S '
tm_wait_for '^  └ sh → sleep +[0-9]+ exec +S sleep'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
