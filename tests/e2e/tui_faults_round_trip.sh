# A pause, a killed process and its lost threads, recorded on the screen
# (--record, --trace), survive the round trip: the replay tells the kill
# as the live run did and writes the recording again byte for byte; the
# replay on the screen shows the killed row, the lost threads and the
# pause; the export holds the kill, the lost threads and the pause as
# instants, and speedscope still reads it.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
cd "$TMPD" || fail "no $TMPD"

# Seed 8: both threads of Process-2 sleep 2.6 s or more (tui_kill_process).
tui_start 120 40 -p 3 -t 2 -s 3 --seed 8 --record r.jsonl --trace t.json
tm_wait_for 'Process-2 +[0-9]+ joining'
tm send-keys -t t Space
tm_wait_for ' stopped'
sleep 0.3
tm send-keys -t t Space
tm_wait_for ' running'
tm send-keys -t t j
tm_wait_for 'Process-2 · Thread-1'
tm send-keys -t t k
tm_wait_for 'Process-2 +[0-9]+ killed'
WAIT_S=10 tm_wait_for 'trace of the run written to t\.json'
# The grid's rows, without the selection's marks.
rows() { tm_screen | grep -E '^.{2}Process-[0-9]+ ' | sed 's/[▕▏]/ /g'; }
rows >live.rows
tm send-keys -t t q
tm_wait_for '^\[exit 1\]$'
tm kill-session -t t

for e in stopped continued killed; do
	grep -q "\"event\":\"$e\"" r.jsonl || fail "no $e event recorded"
done
grep -q '"event":"killed","proc":2,.*"signal":"SIGKILL"' r.jsonl || fail "the kill is not SIGKILL"
"$PTVIZ" --replay r.jsonl --json >again.jsonl 2>/dev/null
cmp -s r.jsonl again.jsonl || fail "the replay's --json is not the recording"
"$PTVIZ" --replay r.jsonl --plain >plain.out 2>plain.err
[ $? -eq 1 ] || fail "the replay of a killed run did not exit 1"
grep -Eq '^ptviz: Process-2 \(pid [0-9]+\) was killed by SIGKILL$' plain.err ||
	fail "the replay did not tell the kill: $(cat plain.err)"
grep -q 'Process-2' plain.out && fail "a line of the killed process: $(cat plain.out)"

# The export: the kill, the lost threads and the pause; exit status and
# faults told as --plain has them.
"$PTVIZ" --replay r.jsonl --trace t2.json 2>conv.err
rc=$?
[ $rc -eq 1 ] || fail "the conversion of a killed run exited $rc, not 1 as --plain"
grep -v '^ptviz: seed ' plain.err | cmp -s - conv.err ||
	fail "the conversion told other faults than --plain: $(cat conv.err)"
cmp -s t.json t2.json || fail "the conversion differs from the screen's --trace"
/usr/bin/python3 - t.json <<'PY' || fail "the export lacks a fault"
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
inst = [e for e in ev if e["ph"] == "i"]
killed = [e for e in inst if e["name"] == "killed"]
assert len(killed) == 1 and killed[0]["pid"] == 2 and \
    killed[0]["args"]["signal"] == "SIGKILL", killed
lost = [e for e in inst if e["name"] == "lost"]
assert lost and all(e["pid"] == 2 for e in lost), lost
assert [e["name"] for e in inst if e["s"] == "g"] == ["stopped", "continued"]
life = [e for e in ev if e["ph"] in "be" and e["pid"] == 2]
assert [e["ph"] for e in life] == ["b", "e"] and \
    life[1]["args"]["state"] == "killed", life
PY
if [ -d "$OLDPWD/tests/trace/node_modules/speedscope" ]; then
	node "$OLDPWD/tests/trace/read-speedscope.mjs" t.json >read.json 2>read.err ||
		fail "speedscope refused the export: $(cat read.err)"
fi

# On the screen: the replay ends as the live run did.
tui_start 120 40 --replay r.jsonl
tm send-keys -t t '}'
tm_wait_for '^elapsed .* finished'
rows >replay.rows
diff live.rows replay.rows >&2 || fail "the replay's grid differs"
tm send-keys -t t '{'
tm_wait_for 'time stopped'
# Step through the pause: the header says stopped at some moment.
stopped=false
for _ in $(seq 1 80); do
	tm send-keys -t t .
	sleep 0.05
	tm_screen | grep -Eq '[0-9] +· +stopped ' && { stopped=true; break; }
done
$stopped || fail "stepping through the replay never showed the pause"
tm send-keys -t t q
tm_wait_for '^\[exit 1\]$'
exit 0
