# -w deadlock with --plain and --json: each process's two threads take
# mutexes A and B in opposite orders and wait for each other; ptviz names
# the cycle on stderr, kills the process within a second of the cycle
# forming (its killed record against the later of the two waiting
# records), exits 1 and leaves nothing running.  -w deadlock -t 1 is
# refused: exit 2 and one line.
. tests/e2e/lib.sh

# Seeds whose Thread-1 holds its first mutex 70 ms or more in both
# processes (-s 0.2): Thread-2 has long taken its own first by then, so the
# cycle always forms.
seeds="1 2 7 9 10"

# Run ptviz ($@) as the leader of a new session, its stdout and stderr in
# $TMPD/out and $TMPD/err; afterwards nothing of that session may run.
in_session() {
	setsid -w bash -c 'echo $$ >"$0"; exec "$@"' "$TMPD/sid" \
		timeout -k 5 30 "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	sid=$(cat "$TMPD/sid")
	left=$(ps -eo sid=,pid=,stat=,args= | awk -v s="$sid" '$1 == s && $3 !~ /^Z/')
	[ -z "$left" ] || fail "$*: left running: $left"
}

# stderr names the deadlock of processes 1 and 2, each once, and their kills.
check_told() {
	local p re
	for p in 1 2; do
		re="^ptviz: deadlock in Process-$p: Thread-([12]) waits for Thread-([12]), which waits for Thread-\\1; it is killed\$"
		[ "$(grep -Ec "$re" "$TMPD/err")" -eq 1 ] ||
			fail "$1: Process-$p's deadlock not told once: $(cat "$TMPD/err")"
		grep -E "$re" "$TMPD/err" | grep -Eq 'Thread-1 .*Thread-2|Thread-2 .*Thread-1' ||
			fail "$1: not two threads: $(grep -E "$re" "$TMPD/err")"
		grep -q "^ptviz: Process-$p (pid [0-9]*) was killed by SIGKILL\$" "$TMPD/err" ||
			fail "$1: Process-$p's kill not told: $(cat "$TMPD/err")"
	done
}

for seed in $seeds; do
	in_session "$PTVIZ" --plain -p 2 -t 2 -s 0.2 --seed "$seed" -w deadlock
	[ $rc -eq 1 ] || fail "--plain seed $seed: exit $rc: $(cat "$TMPD/err")"
	check_told "--plain seed $seed"
	grep -q "^Process Process-[12] done" "$TMPD/out" &&
		fail "--plain seed $seed: a deadlocked process said done: $(cat "$TMPD/out")"
	[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] ||
		fail "--plain seed $seed: no main line: $(cat "$TMPD/out")"

	in_session "$PTVIZ" --json -p 2 -t 2 -s 0.2 --seed "$seed" -w deadlock
	[ $rc -eq 1 ] || fail "--json seed $seed: exit $rc: $(cat "$TMPD/err")"
	check_told "--json seed $seed"
	msg=$(/usr/bin/python3 - "$TMPD/out" <<'PY' 2>&1
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ev = recs[1:]
def bad(m):
    print(m); sys.exit(1)
if recs[0].get("work") != "deadlock":
    bad(f"run record: {recs[0]}")
for p in (1, 2):
    mine = [e for e in ev if e["proc"] == p]
    waits = {e["thread"]: e for e in mine if e["event"] == "waiting"}
    killed = [e for e in mine if e["event"] == "killed"]
    done = [e for e in mine if e["event"] in ("done", "exited")]
    if sorted(waits) != [1, 2]:
        bad(f"Process-{p}: waiting records {sorted(waits)}")
    # Thread-1 takes A (0) then B (1), Thread-2 B then A.
    if waits[1]["object"] != 1 or waits[2]["object"] != 0 or \
            any(w["for"] != "mutex" for w in waits.values()):
        bad(f"Process-{p}: waits for the wrong mutex: {waits}")
    if len(killed) != 1 or killed[0].get("signal") != "SIGKILL" or done:
        bad(f"Process-{p}: ends {killed + done}")
    cycle = max(w["t_ns"] for w in waits.values())
    late = killed[0]["t_ns"] - cycle
    if not 0 <= late <= 1_000_000_000:
        bad(f"Process-{p}: killed {late} ns after the cycle formed")
if ev[-1]["event"] != "done" or ev[-1]["proc"] != 0:
    bad(f"last record: {ev[-1]}")
PY
	) || fail "--json seed $seed: $msg"
done

# One thread cannot deadlock: refused before anything starts.
for mode in --plain --json; do
	in_session "$PTVIZ" $mode -t 1 -w deadlock
	[ $rc -eq 2 ] || fail "-t 1 $mode: exit $rc"
	[ ! -s "$TMPD/out" ] || fail "-t 1 $mode: stdout: $(cat "$TMPD/out")"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] && grep -q '^ptviz: .*deadlock' "$TMPD/err" ||
		fail "-t 1 $mode: stderr: $(cat "$TMPD/err")"
done
echo "deadlock: $(echo $seeds | wc -w) seeds told and killed; -t 1 refused"
exit 0
