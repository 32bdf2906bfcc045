# -w cpu, over many short seeds: each thread computes for its plan -- the
# CPU time it measured itself (cpu_used_ns) is at least its plan and within
# 10 % of it (0.5 ms for plans under 5 ms) -- and the run cannot have been
# faster than its CPU time spread over every online CPU (90 % of that, for
# the clocks' grain).  A thread's records are running, computing, then
# waiting (for a CPU) and computing again any number of times, then done.
. tests/e2e/lib.sh
. tests/e2e/work.bash

ncpu=$(getconf _NPROCESSORS_ONLN) || fail "getconf _NPROCESSORS_ONLN"
seeds=${SEEDS:-20}
! $SANITIZED || seeds=5
for seed in $(seq 1 "$seeds"); do
	out=$TMPD/cpu.$seed
	WHAT="seed $seed" work_json "$out" -p 2 -t 3 -s 0.05 --seed "$seed" \
		-w cpu
	msg=$(/usr/bin/python3 - "$out" 2 3 "$ncpu" <<'PY' 2>&1
import sys
sys.path.insert(0, "tests/e2e")
from work_lib import bad, ended_well, every_thread, held_as_planned, load, threads
path, P, T, ncpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
run, ev = load(path, "cpu")
seq = threads(ev, P, T)
want = every_thread(P, T)
total = 0
for k, es in sorted(seq.items()):
    names = [e["event"] for e in es]
    if names[:2] != ["running", "computing"] or names[-1] != "done":
        bad(f"{k}: {names}")
    mid = names[2:-1]
    if mid != ["waiting", "computing"] * (len(mid) // 2):
        bad(f"{k}: {names}")
    plan = es[1]["cpu_ns"]
    for a, b in zip(es[1:-1], es[2:-1]):
        if b["event"] == "computing" and b["cpu_ns"] != plan:
            bad(f"{k}: the plan changed: {es[1]} {b}")
        if b["event"] == "waiting" and b["for"] != "cpu":
            bad(f"{k}: waits for something else: {b}")
        if b["event"] == "computing" and b["t_ns"] < a["t_ns"]:
            bad(f"{k}: computing again before the wait began: {a} {b}")
    used = es[-1].get("cpu_used_ns", 0)
    slack = plan // 10 if plan >= 5_000_000 else 500_000
    if used < plan or used > plan + slack:
        bad(f"Thread-{k[1]} of Process-{k[0]} used {used} ns of CPU for a plan of {plan} ns")
    total += used
ended_well(ev, P)
last = ev[-1]
if last["event"] != "done" or last["proc"] != 0:
    bad(f"last record: {last}")
if last["t_ns"] < 0.9 * total / ncpu:
    bad(f"the run took {last['t_ns']} ns for {total} ns of CPU on {ncpu} CPUs")
PY
	) || fail "seed $seed: $msg"
done
echo "cpu: $seeds seeds, CPU time as planned"
exit 0
