# The timeline of a finished run (-p 5 -t 3 -s 1 --seed 11, 120 x 40): five
# process rows and fifteen thread bars, each from the column of its
# "sleeping" to the column of its "done" exactly, as the run's own events
# (its --record) timed them, and never shorter than its planned sleep
# (--json's sleep_ns for the same seed) less a column; the selection is
# shared: a thread selected in the timeline is selected in the grid when t
# brings it back, and the other way round.  The bars are checked against
# the run's recorded times, not against the plan: on a busy machine a
# sleep overshoots its plan by any amount, and the bar must show that.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

"$PTVIZ" --json -p 5 -t 3 -s 1 --seed 11 2>/dev/null >"$TMPD/plan"
[ "$(grep -c '"event":"sleeping"' "$TMPD/plan")" -eq 15 ] ||
	fail "no plan: $(cat "$TMPD/plan")"

tui_start 120 40 -p 5 -t 3 -s 1 --seed 11 --record "$TMPD/run.jsonl"
WAIT_S=10 tm_wait_for '^elapsed .* finished'
tm send-keys -t t j l
tm_wait_for 'Process-2 · Thread-2'
tm send-keys -t t t
tm_wait_for '^  time \(s\)'
screen=$(tm_screen)
[ "$(grep -c '^. Process-[0-9] ' <<<"$screen")" -eq 5 ] ||
	fail "not five process rows: $screen"
[ "$(grep -c '^    Thread-[0-9] ' <<<"$screen")" -eq 15 ] ||
	fail "not fifteen thread rows: $screen"
grep -q 'Process-2 · Thread-2' <<<"$screen" || fail "the selection moved"
wait_until grep -q '"event":"done","proc":0' "$TMPD/run.jsonl" ||
	fail "no recording of the run"
printf '%s\n' "$screen" >"$TMPD/screen"

# Each thread row against the recorded run.  The axis: column x0 (the
# label "0") is the run's "running" and the pane's last column but one
# its "Main process done."; a column stands for span / columns + 1 ns,
# and a time's column is (t - t0) / that, as the timeline works it out.
python3 - "$TMPD/run.jsonl" "$TMPD/plan" "$TMPD/screen" 120 <<'PY' ||
import json, sys

run, plan, screen, width = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def events(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]

rec = events(run)
t0 = next(e["t_ns"] for e in rec if e["event"] == "running" and e["proc"] == 0)
t1 = next(e["t_ns"] for e in rec if e["event"] == "done" and e["proc"] == 0)
since = {(e["proc"], e["thread"]): e["t_ns"] for e in rec
         if e["event"] == "sleeping"}
done = {(e["proc"], e["thread"]): e["t_ns"] for e in rec
        if e["event"] == "done" and e["thread"] > 0}
planned = {(e["proc"], e["thread"]): e["sleep_ns"] for e in events(plan)
           if e["event"] == "sleeping"}
lines = open(screen, encoding="utf-8").read().split("\n")
axis = next(l for l in lines if l.startswith("  time (s)"))
x0 = axis.index("0", 10)
cols = width - x0 - 1
col_ns = (t1 - t0) // cols + 1
col = lambda t: min((t - t0) // col_ns, cols - 1)
rows = [l for l in lines if l.startswith("    Thread-")]
keys = sorted(since)
bad = 0
for (p, j), row in zip(keys, rows):
    bars = [x - x0 for x, ch in enumerate(row) if ch == "▆"]
    c1, c2 = col(since[p, j]), col(done[p, j])
    want = list(range(c1, max(c2, c1 + 1)))
    # A thread sleeps at least its plan: its bar is never shorter.
    short = len(bars) < planned[p, j] / col_ns - 1
    if bars != want or short:
        print(f"Process-{p} Thread-{j}: columns {bars[:1]}..{bars[-1:]} "
              f"({len(bars)}), the events say {c1}..{max(c2, c1 + 1) - 1}, "
              f"planned {planned[p, j]} ns at {col_ns} ns a column: {row}")
        bad += 1
sys.exit(bad != 0 or len(rows) != len(keys))
PY
	fail "the bars are not the run's sleeps"

# The selection goes both ways: Down in the timeline, then the grid.
tm send-keys -t t Down
tm_wait_for 'Process-2 · Thread-3'
tm send-keys -t t t
tm_wait_for '^  process '
tm_screen | grep -q 'Process-2 · Thread-3' || fail "the grid lost the selection"
exit 0
