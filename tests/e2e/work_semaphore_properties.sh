# -w semaphore --permits 3, over many seeds: never more than 3 holders at
# once in the whole run (a sweep over the holding spans [holding, done] of
# the JSON records), and with 12 threads wanting a permit for up to 0.2 s
# each, 3 at once is reached in every run.  Every thread holds once, for
# at least its plan, and ends done; every process exits 0.
. tests/e2e/lib.sh
. tests/e2e/work.bash

seeds=${SEEDS:-20}
! $SANITIZED || seeds=5
for seed in $(seq 1 "$seeds"); do
	out=$TMPD/sem.$seed
	WHAT="seed $seed" work_json "$out" -p 3 -t 4 -s 0.2 --seed "$seed" \
		-w semaphore --permits 3
	msg=$(/usr/bin/python3 - "$out" 3 4 3 <<'PY' 2>&1
import sys
sys.path.insert(0, "tests/e2e")
from work_lib import bad, ended_well, every_thread, held_as_planned, load, threads
path, P, T, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
run, ev = load(path, "semaphore" or run.get("permits") != N)
holds, dones = {}, {}
for e in ev:
    k = (e["proc"], e["thread"])
    if e["proc"] == 0 or e["thread"] == 0:
        if "permits_back" in e:
            bad(f"permits given back in a run where nobody died: {e}")
        continue
    if e["event"] == "holding":
        if k in holds or e["holds"] != "semaphore" or e.get("recovered"):
            bad(f"bad holding record: {e}")
        holds[k] = e
    elif e["event"] == "done":
        if k in dones:
            bad(f"{k} done twice")
        dones[k] = e
    elif e["event"] == "waiting":
        if e["for"] != "semaphore":
            bad(f"bad waiting record: {e}")
    elif e["event"] != "running":
        bad(f"unexpected thread event: {e}")
want = every_thread(P, T)
held_as_planned(holds, dones, want)
ended_well(ev, P)
# Sweep: at equal times a release (done, -1) counts before a take (+1).
marks = sorted([(holds[k]["t_ns"], 1, k) for k in want] +
               [(dones[k]["t_ns"], -1, k) for k in want])
n = top = 0
held = set()
for t, d, k in marks:
    n += d
    held.add(k) if d > 0 else held.discard(k)
    if n > N:
        bad(f"{n} holders of {N} permits at t_ns {t}: {sorted(held)}")
    top = max(top, n)
if top != N:
    bad(f"never {N} holders at once, at most {top}")
PY
	) || fail "seed $seed: $msg"
done
echo "semaphore: $seeds seeds, 3 holders at most and at times"
exit 0
