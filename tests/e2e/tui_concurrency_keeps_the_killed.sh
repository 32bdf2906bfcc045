# Busy time once spent stays spent (issue 19, item 3): `ptviz -p 2 -t 1
# -s 30 --seed 9` and `k` after 2 s or more.  Both threads sleep 14 s or
# more, so until the kill both are busy: the figure is 2.00 and, after the
# kill at T, (2 T + (E - T)) / E at elapsed E, never 1 at once.  It read
# 1.00 the moment Process-1 was killed, its thread's sleep so far erased.
# The header says "busy now 1" after it, and the help says what both
# figures mean.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 60 -p 2 -t 1 -s 30 --seed 9
tm_wait_for '^elapsed ([2-9]|[1-9][0-9])\.[0-9] s .*concurrency 2\.00× on average  ·  busy now 2 '
tm send-keys -t t k
tm_wait_for 'Process-1 +[0-9]+ killed'
line=$(tm_screen | grep -E '^elapsed ' | head -n 1)
echo "$line" | grep -q 'busy now 1 ' || fail "not 1 busy now: $line"
# At the kill, elapsed was 2.0 s or more: the figure is 1 + T / E or more.
echo "$line" | awk '{
	for (i = 1; i < NF; i++) {
		if ($i == "elapsed") e = $(i + 1)
		if ($i == "concurrency") { c = $(i + 1); sub(/×/, "", c) }
	}
	least = 1 + 2.0 / (e + 0.05) - 0.02
	if (e == "" || c == "" || c + 0 < least) {
		printf "elapsed %s s, concurrency %s, less than %.2f\n", e, c, least
		exit 1
	}
}' || fail "the killed thread's time was taken back: $line"

# The help says what each figure is.
tm send-keys -t t '?'
tm_wait_for 'ptviz keys'
tm_wait_for 'concurrency +threads.? busy time \(asleep, computing, holding a lock,'
tm_wait_for 'time spent stays counted, even a killed process.s'
tm_wait_for 'computing counts no more than the CPUs ptviz may use'
tm_wait_for 'busy now +threads busy at this moment'
# q quits through the help (one q: a second would be typed into the
# shell after ptviz, on the line of its exit status when it is slow).
tm send-keys -t t q
tm_wait_for '^\[exit 1\]$'
exit 0
