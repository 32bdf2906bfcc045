# The classic exercise as a student writes it (multiprocessing and
# threading, 5 processes x 3 threads), run by Debian's python3 under
# ptviz --json: the main process and its 5 children, each with its main
# thread and at least 3 more; the program's own lines on stderr, the
# records alone on stdout.
. tests/e2e/lib.sh

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
"$PTVIZ" --json -- /usr/bin/python3 tests/tracee/classic.py \
    >"$TMPD/json" 2>"$TMPD/err" || fail "exit $?: $(cat "$TMPD/err")"
[ "$(grep -c '^>thread Thread-[123] in process Process-[1-5] done\.$' "$TMPD/err")" -eq 15 ] ||
	fail "the program's lines: $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/err")" = "Main process done." ] || fail "last line"
/usr/bin/python3 - "$TMPD/json" <<'PY' || fail "records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs[0]["traced"] is True
assert recs[0]["command"] == ["/usr/bin/python3", "tests/tracee/classic.py"]
ev = recs[1:]
born = {e["proc"]: e for e in ev if e["event"] == "born" and e["thread"] == 0}
assert sorted(born) == [1, 2, 3, 4, 5, 6], sorted(born)
assert all(born[p]["parent"] == 1 for p in range(2, 7)), born
assert [e["name"] for e in ev if e["event"] == "exec"] == ["python3"]
for p in range(2, 7):
    n = max(e["thread"] for e in ev if e["proc"] == p and
            e["event"] == "born")
    assert n >= 4, (p, n)
ends = [e for e in ev if e["thread"] == 0 and e["event"] == "exited"]
assert len(ends) == 6 and all(e["status"] == 0 for e in ends)
assert ends[-1]["proc"] == 1
PY
exit 0
