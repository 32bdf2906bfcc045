# A process of -w race-locked or -w queue killed (SIGKILL) in the middle
# of its moves never wedges the run, wherever the kill lands: holding the
# global mutex (the next holder recovers it), holding the queue's lock,
# waiting in a condition variable, or between moves.  The run ends (a
# few seconds; a wedge is a run not ended in 120 s, a margin a busy
# machine does not use up) and exits 1, the victim is "killed", every other process exits
# 0 (the queue's threads give up once the queue is broken: the items the
# victim would have put or taken never come) and nothing is left running.
. tests/e2e/lib.sh

rounds=${ROUNDS:-4}
! $SANITIZED || rounds=2
/usr/bin/python3 - "$PTVIZ" "$rounds" <<'PY' || fail "see above"
import json, os, signal, subprocess, sys

ptviz, rounds = sys.argv[1], int(sys.argv[2])
P = 3


def bad(what, m):
    print(f"FAIL: {what}: {m}", file=sys.stderr)
    sys.exit(1)


def left_running(sid):
    out = subprocess.run(["ps", "-eo", "sid=,pid=,stat=,args="],
                         capture_output=True, text=True).stdout
    return [l for l in out.splitlines()
            if l.split()[0] == str(sid) and not l.split()[2].startswith("Z")]


def one(work, seed, after):
    """Kill Process-2 after its `after`-th move; check the end."""
    what = f"{work} seed {seed} after {after} moves"
    extra = ["--slots", "2"] if work == "queue" else []
    cmd = [ptviz, "--json", "-p", str(P), "-t", "3", "--iterations",
           "20000", "--seed", str(seed), "-w", work] + extra
    pr = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True, start_new_session=True)
    def watchdog(signum, frame):
        os.killpg(pr.pid, signal.SIGKILL)
        bad(what, "the run did not end in 120 s")
    signal.signal(signal.SIGALRM, watchdog)
    signal.alarm(120)
    pid, moves, killed, recs = None, 0, False, []
    for line in pr.stdout:
        e = json.loads(line)
        recs.append(e)
        if e["event"] == "forked" and e["proc"] == 2:
            pid = e["pid"]
        if e["event"] == "move" and e["proc"] == 2 and not killed:
            moves += 1
            if moves >= after:
                os.kill(pid, signal.SIGKILL)
                killed = True
    rc = pr.wait()
    signal.alarm(0)
    if not killed:
        bad(what, "Process-2 made too few moves to be killed")
    if rc != 1:
        bad(what, f"exit {rc}")
    ends = {e["proc"]: e for e in recs if e["event"] in ("exited", "killed")}
    if ends.get(2, {}).get("event") != "killed":
        bad(what, f"Process-2 ended {ends.get(2)}")
    for p in (1, 3):
        if ends.get(p, {}).get("event") != "exited" or ends[p]["status"]:
            bad(what, f"Process-{p} ended {ends.get(p)}")
    left = left_running(pr.pid)
    if left:
        bad(what, f"left running: {left}")


for k in range(rounds):
    for work in ("race-locked", "queue"):
        one(work, k + 1, 1 + 997 * k)
print(f"{rounds} rounds each, nothing wedged")
PY
exit 0
