# ptviz -- sh -c 'sleep 1 & sleep 2 & wait': three processes, the two
# sleeps born of the shell, each running sleep after its exec, all
# exiting 0; --plain says the same in lines a learner reads, on stderr.
# Its records are format version 3 with "traced", and --replay of them
# says the same lines.
. tests/e2e/lib.sh

"$PTVIZ" --json -- sh -c 'sleep 1 & sleep 2 & wait' >"$TMPD/json" \
    2>"$TMPD/err" || fail "exit $?: $(cat "$TMPD/err")"
/usr/bin/python3 - "$TMPD/json" <<'PY' || fail "records"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])][1:]
born = {e["proc"]: e for e in ev if e["event"] == "born" and e["thread"] == 0}
assert sorted(born) == [1, 2, 3], born
assert born[1]["parent"] == 0 and born[2]["parent"] == 1 and \
    born[3]["parent"] == 1, born
execs = [(e["proc"], e["name"]) for e in ev if e["event"] == "exec"]
assert (1, "sh") in execs and (2, "sleep") in execs and \
    (3, "sleep") in execs, execs
ends = [(e["proc"], e["event"], e["status"]) for e in ev
        if e["event"] == "exited"]
assert sorted(ends) == [(1, "exited", 0), (2, "exited", 0),
                        (3, "exited", 0)], ends
# The shell waits for both: it ends last, after the two sleeps, in order.
assert [p for p, _, _ in ends] == [2, 3, 1], ends
PY
"$PTVIZ" --plain -- sh -c 'sleep 1 & sleep 2 & wait' >"$TMPD/out" \
    2>"$TMPD/err" || fail "--plain: exit $?"
[ ! -s "$TMPD/out" ] || fail "--plain wrote on stdout: $(cat "$TMPD/out")"
sed -E 's/(pid|tid) [0-9]+/\1 N/' "$TMPD/err" | sort >"$TMPD/lines"
sort >"$TMPD/want" <<'W'
>process 1 (ptviz, pid N) born of ptviz
>process 1 (pid N) runs sh now (exec)
>process 2 (sh, pid N) born of process 1
>process 3 (sh, pid N) born of process 1
>process 2 (pid N) runs sleep now (exec)
>process 3 (pid N) runs sleep now (exec)
>process 2 (sleep, pid N) exited with status 0
>process 3 (sleep, pid N) exited with status 0
>process 1 (sh, pid N) exited with status 0
W
diff "$TMPD/want" "$TMPD/lines" || fail "--plain lines"
"$PTVIZ" --replay "$TMPD/json" --plain >"$TMPD/out" 2>"$TMPD/err" ||
	fail "--replay of a traced run: exit $?: $(cat "$TMPD/err")"
sed -E 's/(pid|tid) [0-9]+/\1 N/' "$TMPD/err" | sort >"$TMPD/lines"
diff "$TMPD/want" "$TMPD/lines" || fail "--plain lines of the replay"
exit 0
