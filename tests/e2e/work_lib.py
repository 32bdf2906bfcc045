"""work_lib.py: reading the --json of a run for the work_*.sh tests.

A test's Python puts tests/e2e on its path and imports what it needs:
load() reads a run and checks its workload, threads() gathers each
thread's records in order and checks that every thread has some, and bad()
ends the check with one line that the shell test prints as its failure.
"""
import json
import sys


def bad(msg):
    """Fail the check with one line."""
    print(msg)
    sys.exit(1)


def load(path, work):
    """The run record and the events of the recording at path."""
    recs = [json.loads(line) for line in open(path)]
    run, ev = recs[0], recs[1:]
    if run.get("work") != work:
        bad(f"run record: {run}")
    return run, ev


def every_thread(P, T):
    """The (process, thread) pairs of a P x T run."""
    return {(p, t) for p in range(1, P + 1) for t in range(1, T + 1)}


def threads(ev, P, T):
    """Each thread's records, in order, keyed by (process, thread)."""
    seq = {}
    for e in ev:
        if e["proc"] == 0 or e["thread"] == 0:
            continue
        seq.setdefault((e["proc"], e["thread"]), []).append(e)
    if set(seq) != every_thread(P, T):
        bad(f"threads: {sorted(seq)}")
    return seq


def held_as_planned(holds, dones, want):
    """Every thread of want held once and was done, holding its plan."""
    if set(holds) != want:
        bad(f"threads that never held: {sorted(want - set(holds))}")
    if set(dones) != want:
        bad(f"threads not done: {sorted(want - set(dones))}")
    for k in want:
        h, d = holds[k], dones[k]
        if d["t_ns"] - h["t_ns"] < h["hold_ns"]:
            bad(f"{k} held {d['t_ns'] - h['t_ns']} ns, less than its plan "
                f"{h['hold_ns']}")


def ended_well(ev, P):
    """Every process exited 0, and the main process's done came last."""
    ex = [e for e in ev if e["event"] == "exited"]
    if sorted(e["proc"] for e in ex) != list(range(1, P + 1)) or \
            any(e["status"] != 0 for e in ex):
        bad(f"exits: {ex}")
    if ev[-1]["event"] != "done" or ev[-1]["proc"] != 0:
        bad(f"last record: {ev[-1]}")
