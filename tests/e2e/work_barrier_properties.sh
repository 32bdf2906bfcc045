# -w barrier, over many seeds: each thread sleeps (phase 1), waits at its
# process's barrier, sleeps again (phase 2) and is done; within a process
# no thread starts its second sleep before the last of its threads came to
# the barrier (its "waiting" record).  Sleeps last at least their plans;
# every process exits 0.
. tests/e2e/lib.sh
. tests/e2e/work.bash

seeds=${SEEDS:-20}
! $SANITIZED || seeds=5
for seed in $(seq 1 "$seeds"); do
	out=$TMPD/barrier.$seed
	WHAT="seed $seed" work_json "$out" -p 3 -t 4 -s 0.05 --seed "$seed" \
		-w barrier
	msg=$(/usr/bin/python3 - "$out" 3 4 <<'PY' 2>&1
import sys
sys.path.insert(0, "tests/e2e")
from work_lib import bad, ended_well, every_thread, held_as_planned, load, threads
path, P, T = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
run, ev = load(path, "barrier")
seq = threads(ev, P, T)
want = every_thread(P, T)
last_wait = {}
for k, es in seq.items():
    names = [e["event"] for e in es]
    if names != ["running", "sleeping", "waiting", "sleeping", "done"]:
        bad(f"{k}: {names}")
    _, s1, w, s2, d = es
    if w["for"] != "barrier" or w["object"] != 0:
        bad(f"{k} waits for something else: {w}")
    if not (s1["t_ns"] <= w["t_ns"] <= s2["t_ns"] <= d["t_ns"]):
        bad(f"{k}: records out of order: {es}")
    if w["t_ns"] - s1["t_ns"] < s1["sleep_ns"]:
        bad(f"{k}: first sleep shorter than planned: {s1} {w}")
    if d["t_ns"] - s2["t_ns"] < s2["sleep_ns"]:
        bad(f"{k}: second sleep shorter than planned: {s2} {d}")
    last_wait[k[0]] = max(last_wait.get(k[0], (0,)), (w["t_ns"], k[1]))
for k, es in seq.items():
    s2 = es[3]
    lw, who = last_wait[k[0]]
    if s2["t_ns"] < lw:
        bad(f"Thread-{k[1]} of Process-{k[0]} began its second sleep at "
            f"{s2['t_ns']}, before Thread-{who} came to the barrier at {lw}")
ended_well(ev, P)
PY
	) || fail "seed $seed: $msg"
done
echo "barrier: $seeds seeds, nobody past the barrier early"
exit 0
