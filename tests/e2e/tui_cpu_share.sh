# A computing thread's share of a CPU is measured while it runs, and the
# screen shows it.  Six threads compute on two CPUs (taskset -c 0,1, -w cpu
# -p 3 -t 2 -s 1.5 --seed 2: plans of 0.5 to 1 s) in a 120 x 36 pane:
#  - the grid: in every screen read while the run goes (some every 50 ms),
#    at most 2 cells show the computing glyph -- on a CPU now -- and one
#    more for the sampling (ptviz itself takes a CPU to look); a computing
#    cell off a CPU shows the waiting glyph, which some screen must show,
#    and a share " N%"; the details say "on a CPU now" or "waiting for";
#  - the timeline, once the run has ended: each thread's row, read column
#    by column (a level of ▁▂▃▄▅▆▇ stands for the middle of its seventh, the
#    waiting line for none), averages within 0.1 of the share the thread
#    measured itself: its CPU time (the recording's cpu_used_ns) over its
#    wall time, from its first computing to its done.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

command -v taskset >/dev/null || skip "no taskset"
taskset -c 0,1 true 2>/dev/null || skip "CPUs 0 and 1 are not both online"

ARGS="-w cpu -p 3 -t 2 -s 1.5 --seed 2"
REC=$TMPD/run.jsonl
tm_start 120 36 "env TERM=tmux-256color LANG=C.UTF-8 taskset -c 0,1 $PTVIZ $ARGS --record $REC"
tm_wait_for '^ptviz — '

# The grid's rows while the run goes: how many cells on a CPU (◆), off
# one (◌), and showing a share.
shots=0 busy=0 off=0 pct=0 said=0
: >"$TMPD/shots"
for i in $(seq 1 1200); do
	screen=$(tm_screen)
	grep -q '^elapsed .* finished' <<<"$screen" && break
	rows=$(grep -E '^.{2}Process-[0-9] ' <<<"$screen")
	on=$(grep -o '◆' <<<"$rows" | wc -l)
	waiting=$(grep -o '◌' <<<"$rows" | wc -l)
	shares=$(grep -Eo '[◆◌][▁▆]+ [0-9]+%' <<<"$rows" | wc -l)
	[ "$on" -le 3 ] ||
		fail "$on cells on a CPU at once, with 2 CPUs: $rows"
	shots=$((shots + 1))
	[ $((on + waiting)) -gt 0 ] && busy=$((busy + 1))
	[ "$waiting" -gt 0 ] && off=$((off + 1))
	[ "$shares" -gt 0 ] && pct=$((pct + 1))
	# The details of the selected cell (Process-1's Thread-1) say it too.
	grep -Eq 'state +computing: (on|waiting for) a' <<<"$screen" &&
		said=$((said + 1))
	echo "$on $waiting" >>"$TMPD/shots"
	sleep 0.05
done
tm_wait_for '^elapsed .* finished'
[ "$busy" -ge 10 ] ||
	fail "only $busy screens of $shots showed a computing thread"
[ "$off" -ge $((busy / 2)) ] ||
	fail "a thread off a CPU showed in $off screens of $busy: $(sort "$TMPD/shots" | uniq -c)"
[ "$pct" -ge $((busy / 2)) ] ||
	fail "a share showed in $pct screens of $busy"
[ "$said" -ge 1 ] ||
	fail "the details never said whether the thread is on a CPU now"

# The timeline at the end: each thread's row from the axis on.
tm send-keys -t t t
tm_wait_for '^  time \(s\)'
sleep 0.3
SCREEN=$(tm_screen)
axis=$(grep '^  time (s)' <<<"$SCREEN")
[[ $axis =~ ^(\ \ time\ \(s\)\ +)0 ]] || fail "no axis: $axis"
X0=${#BASH_REMATCH[1]}
grep -q 'share of each column' <<<"$SCREEN" ||
	fail "no legend of the levels: $SCREEN"
grep '^    Thread-[0-9] ' <<<"$SCREEN" | while IFS= read -r row; do
	echo "${row:$X0}"
done >"$TMPD/rows"
[ "$(wc -l <"$TMPD/rows")" -eq 6 ] || fail "not six thread rows: $SCREEN"

msg=$(/usr/bin/python3 - "$REC" "$TMPD/rows" <<'PY' 2>&1
import json, sys
levels = "▁▂▃▄▅▆▇"
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
rows = open(sys.argv[2], encoding="utf-8").read().splitlines()
first, done, used = {}, {}, {}
for e in ev:
    k = (e["proc"], e["thread"])
    if e["thread"] == 0:
        continue
    if e["event"] == "computing" and k not in first:
        first[k] = e["t_ns"]
    if e["event"] == "done":
        done[k] = e["t_ns"]
        used[k] = e.get("cpu_used_ns", 0)
out = []
for k, row in zip(sorted(first), rows):
    drawn = []
    for ch in row:
        if ch == "✓":
            break
        if ch in levels:
            drawn.append((levels.index(ch) + 0.5) / 7)
        elif ch == "─":
            drawn.append(0.0)
        elif ch == "◆":
            drawn.append(1.0)
    measured = used[k] / (done[k] - first[k])
    if len(drawn) < 5:
        out.append(f"{k}: {len(drawn)} columns: {row}")
        continue
    share = sum(drawn) / len(drawn)
    if abs(share - measured) > 0.1:
        out.append(f"Process-{k[0]} Thread-{k[1]}: drawn {share:.3f}, "
                   f"measured {measured:.3f}: {row}")
print("\n".join(out))
PY
)
[ -z "$msg" ] || fail "the timeline's shares are not the measured ones:
$msg"
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
