# -w mutex and -w global-mutex, over many seeds: a mutex has one holder at
# a time -- within each process for mutex, in the whole run for
# global-mutex -- judged by the holding spans [holding, done] the JSON
# records give (a thread reports holding once it has the lock and done
# before it lets go, on one clock for every process).  Every thread holds
# once, for at least its plan, and ends done; every process exits 0.
. tests/e2e/lib.sh
. tests/e2e/work.bash

seeds=${SEEDS:-20}
! $SANITIZED || seeds=5
for work in mutex global-mutex; do
	for seed in $(seq 1 "$seeds"); do
		out=$TMPD/$work.$seed
		WHAT="$work seed $seed" work_json "$out" -p 3 -t 4 -s 0.05 --seed "$seed" \
			-w "$work"
		msg=$(/usr/bin/python3 - "$out" "$work" 3 4 <<'PY' 2>&1
import sys
sys.path.insert(0, "tests/e2e")
from work_lib import bad, ended_well, every_thread, held_as_planned, load, threads
path, work, P, T = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
run, ev = load(path, work)
holds, dones, waits = {}, {}, {}
for e in ev:
    k = (e["proc"], e["thread"])
    if e["proc"] == 0 or e["thread"] == 0:
        continue
    if e["event"] == "holding":
        if k in holds:
            bad(f"{k} holds twice: {e}")
        if e["holds"] != work or e["object"] != 0 or e.get("recovered"):
            bad(f"bad holding record: {e}")
        holds[k] = e
    elif e["event"] == "done":
        if k in dones:
            bad(f"{k} done twice")
        dones[k] = e
    elif e["event"] == "waiting":
        if e["for"] != work or e["object"] != 0 or k in waits:
            bad(f"bad waiting record: {e}")
        waits[k] = e
    elif e["event"] != "running":
        bad(f"unexpected thread event: {e}")
want = every_thread(P, T)
held_as_planned(holds, dones, want)
for k in want:
    if k in waits and waits[k]["t_ns"] > holds[k]["t_ns"]:
        bad(f"{k} waited after it held: {waits[k]} {holds[k]}")
ended_well(ev, P)
# The spans, grouped by what they share, must follow one another.
groups = {}
for k in want:
    g = k[0] if work == "mutex" else 0
    groups.setdefault(g, []).append((holds[k]["t_ns"], dones[k]["t_ns"], k))
for g, spans in groups.items():
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            bad(f"two holders at once: {a[2]} held [{a[0]}, {a[1]}], "
                f"{b[2]} from {b[0]}")
PY
		) || fail "$work seed $seed: $msg"
	done
done
echo "mutex, global-mutex: $seeds seeds each, one holder at a time"
exit 0
