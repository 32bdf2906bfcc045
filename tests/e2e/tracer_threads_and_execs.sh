# Threads and execs of a traced program: a process's threads numbered in
# order of birth, the names they set (pthread_setname_np) on their ends,
# a thread that ends early ended first; an exec renames the process; an
# exec by a thread that is not the main one leaves the main thread gone
# and that thread going on; a process killed by a signal is killed, and
# ptviz's status is 128 + N.
. tests/e2e/lib.sh

threads=$(tracee threads)
"$PTVIZ" --json -- "$threads" >"$TMPD/t" 2>"$TMPD/err" ||
	fail "threads: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/t" <<'PY' || fail "threads: records"
import json, sys
# The births, execs and ends; not what the threads do (the "kernel"
# records: tracer_kernel_states).
ev = [e for e in (json.loads(l) for l in open(sys.argv[1]))
      if e["event"] != "kernel"][1:]
assert [e["name"] for e in ev if e["event"] == "exec"] == ["threads"]
born = [e for e in ev if e["event"] == "born" and e["thread"] > 0]
assert [e["thread"] for e in born] == [1, 2, 3, 4], born
assert len({e["tid"] for e in born}) == 4
ended = [(e["thread"], e["name"]) for e in ev if e["event"] == "ended"]
assert len(ended) == 4, ended
names = dict(ended)
assert sorted(names[j] for j in (2, 3, 4)) == ["early", "worker-b",
                                               "worker-c"], names
early = [j for j, n in ended if n == "early"][0]
assert ended[0] == (early, "early"), ended
assert ended[-1] == (1, "threads"), ended
end = [e for e in ev if e["thread"] == 0 and e["event"] == "exited"]
assert len(end) == 1 and end[0]["status"] == 0
PY
"$PTVIZ" --json -- "$(tracee thread_exec)" >"$TMPD/x" 2>"$TMPD/err" ||
	fail "thread_exec: exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/x" <<'PY' || fail "thread_exec: records"
import json, sys
# The births, execs and ends; not what the threads do (the "kernel"
# records: tracer_kernel_states).
ev = [e for e in (json.loads(l) for l in open(sys.argv[1]))
      if e["event"] != "kernel"][1:]
seq = [(e["event"], e["thread"], e.get("name")) for e in ev
       if e["proc"] == 1 and e["event"] != "born"]
assert seq == [("exec", 0, "thread_exec"), ("ended", 1, "thread_exec"),
               ("exec", 0, "true"), ("ended", 2, "true"),
               ("exited", 0, "true")], seq
pid = ev[1]["pid"]
# The thread that exec'd has the main thread's tid now.
assert [e["tid"] for e in ev if e["event"] == "ended"][1] == pid
PY
"$PTVIZ" --plain -- sh -c 'exec sh -c "kill -KILL \$\$"' >"$TMPD/out" \
    2>"$TMPD/err"
rc=$?
[ $rc -eq 137 ] || fail "killed: exit $rc, not 137"
sed -E 's/pid [0-9]+/pid N/' "$TMPD/err" >"$TMPD/lines"
cat >"$TMPD/want" <<'W'
>process 1 (ptviz, pid N) born of ptviz
>process 1 (pid N) runs sh now (exec)
>process 1 (pid N) runs sh now (exec)
>process 1 (sh, pid N) killed by SIGKILL
W
diff "$TMPD/want" "$TMPD/lines" || fail "killed: lines"
"$PTVIZ" --plain -- sh -c 'exit 7' 2>/dev/null
[ $? -eq 7 ] || fail "exit 7 not passed on"
exit 0
