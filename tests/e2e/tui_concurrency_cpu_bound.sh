# A CPU-bound run never reads more than its CPUs (issue 19, item 3): cpu
# 8 x 8 pinned to 2 CPUs (1 on a machine of one) with taskset.  A thread
# tells of its wait for a CPU only once it runs again, so 64 threads all
# looked busy and the figure read 3.16x on 2 CPUs.  Every sample of the
# header while the run goes: the concurrency at most the CPUs, and at most
# as many threads busy now; and the same in a replay of a run on 1 CPU.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

command -v taskset >/dev/null || skip "no taskset"
if [ "$(nproc)" -ge 2 ]; then
	cpus=0,1 n=2
else
	cpus=0 n=1
fi
tm_start 120 40 "taskset -c $cpus $PTVIZ -w cpu -p 8 -t 8 -s 3 --seed 3"
tm_wait_for '^elapsed [0-9.]+ s .*running'
samples=0
deadline=$(($(now_ms) + 6000))
while [ "$(now_ms)" -lt $deadline ]; do
	line=$(tm_screen | grep -E '^elapsed .* running' | head -n 1)
	[ -n "$line" ] || continue
	echo "$line" | awk -v n=$n '{
		for (i = 1; i < NF; i++) {
			if ($i == "concurrency") { c = $(i + 1); sub(/×/, "", c) }
			if ($i == "now") b = $(i + 1)
		}
		if (c == "" || b == "" || c + 0 > n || b + 0 > n)
			exit 1
	}' || fail "more than $n CPUs: $line"
	samples=$((samples + 1))
	sleep 0.2
done
[ $samples -ge 5 ] || fail "only $samples samples of the running header"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-server

# A recording says on how many CPUs it ran ("cpus", version 3), so its
# replay is bound by them too: one made on 1 CPU replays as 1 at most,
# though its waits for the CPU arrive after the fact there as well.
taskset -c 0 "$PTVIZ" --json -w cpu -p 2 -t 3 -s 0.5 --seed 3 >"$TMPD/rec" ||
	fail "the recording failed"
head -n 1 "$TMPD/rec" | grep -q '"cpus":1}$' ||
	fail "the recording does not say it ran on 1 CPU: $(head -n 1 "$TMPD/rec")"
tm_start 120 40 "$PTVIZ --replay $TMPD/rec"
tm_wait_for 'finished'
tm send-keys -t t '{' p
samples=0
deadline=$(($(now_ms) + 8000))
while [ "$(now_ms)" -lt $deadline ]; do
	line=$(tm_screen | grep -E '^at [0-9.]+ s of .*playing' | head -n 1)
	[ -n "$line" ] || continue
	echo "$line" | awk '{
		for (i = 1; i < NF; i++) {
			if ($i == "concurrency") { c = $(i + 1); sub(/×/, "", c) }
			if ($i == "now") b = $(i + 1)
		}
		if (c == "" || b == "" || c + 0 > 1 || b + 0 > 1)
			exit 1
	}' || fail "a replay of a run on 1 CPU reads more: $line"
	samples=$((samples + 1))
	sleep 0.1
done
[ $samples -ge 5 ] || fail "only $samples samples of the replay playing"
exit 0
