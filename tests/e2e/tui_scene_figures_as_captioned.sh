# Every caption agrees with what the figures do (issue 19, item 3).  Scene
# 2 said "watch the concurrency figure climb" of a figure that peaked and
# fell; it says now that hundreds are busy at once and that the figures
# fall as threads finish: seen here, hundreds busy now at some moment, and
# the average lower at the end than at its highest.  Scene 4 says the
# figure is never above the cores: every sample is at most the CPUs
# ptviz may use.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 --scene 2
tm_wait_for '^Scene 2 ▸ 1024 threads in 64 processes, all asleep: hundreds busy now on few cores\. The figures fall as they finish\.$'
most=0 most_now=0 last=
deadline=$(($(now_ms) + 30000))
while [ "$(now_ms)" -lt $deadline ]; do
	line=$(tm_screen | grep -E '^elapsed ' | head -n 1)
	set -- $(echo "$line" | awk '{
		for (i = 1; i < NF; i++) {
			if ($i == "concurrency") { c = $(i + 1); sub(/×/, "", c) }
			if ($i == "now") b = $(i + 1)
		}
		print (c == "" ? 0 : c), (b == "" ? 0 : b)
	}')
	most=$(awk -v a="$most" -v b="$1" 'BEGIN { print (b > a ? b : a) }')
	[ "$2" -gt "$most_now" ] && most_now=$2
	last=$1
	case $line in *finished*) break ;; esac
	sleep 0.1
done
case $line in *finished*) ;; *) fail "scene 2 did not finish: $line" ;; esac
[ "$most_now" -ge 100 ] || fail "never hundreds busy now: at most $most_now"
awk -v a="$most" -v b="$last" 'BEGIN { exit !(b < a) }' ||
	fail "the average did not fall: at most $most, at the end $last"

tm send-keys -t t 4
tm_wait_for '^Scene 4 ▸ Threads that compute, twice as many as the cores\. Watch the concurrency figure: never above the cores\.$'
n=$(nproc)
for k in 1 2 3 4 5 6 7 8 9 10; do
	line=$(tm_screen | grep -E '^elapsed ' | head -n 1)
	echo "$line" | awk -v n="$n" '{
		for (i = 1; i < NF; i++)
			if ($i == "concurrency") { c = $(i + 1); sub(/×/, "", c) }
		exit !(c != "" && c + 0 <= n)
	}' || fail "above the $n cores: $line"
	sleep 0.2
done
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
