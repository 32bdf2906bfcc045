# A traced program that ended by itself before q: ptviz leaves with its
# status, as a shell gives it (3; 130 for one that SIGINT killed), and its
# row says how it ended.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -- sh -c "'sleep 0.2; exit 3'"
tm_wait_for '^  sh +[0-9]+ failed .*exit 3$'
tm send-keys -t t q
tm_wait_for '^\[exit 3\]$'
tm kill-server
tui_start 120 40 -- sh -c "'kill -INT \$\$'"
tm_wait_for '^  sh +[0-9]+ killed .*killed by SIGINT$'
tm send-keys -t t q
tm_wait_for '^\[exit 130\]$'
exit 0
