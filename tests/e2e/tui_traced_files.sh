# A traced program's run written from the screen: --record F (what --json
# would print: its run record names the command, its events the tasks'
# names; --replay of F gives it back byte for byte), --trace T (a Chrome
# trace naming each process by its program and pid, read by python's
# json), --svg S (a picture, which xmllint reads), and w, e and d
# while it is on the screen (a recording that replays as the traced run
# it was, a trace of it, its picture).
. tests/e2e/lib.sh
. tests/e2e/tui.bash

cd "$TMPD" || fail "no $TMPD"
tui_start 120 36 --record "$TMPD/rec" --trace "$TMPD/trace" --svg "$TMPD/pic.svg" -- sh -c "'sleep 0.3 & wait'"
tm_wait_for 'processes 0 alive, 2 ended'
tm send-keys -t t w
tm_wait_for 'wrote ptviz-[0-9]+-[0-9-]+\.jsonl'
tm send-keys -t t e
tm_wait_for 'exported ptviz-[0-9]+-[0-9-]+\.trace\.json'
tm send-keys -t t d
tm_wait_for 'drew the moment shown to ptviz-[0-9-]+\.svg and'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
for svg in "$TMPD/pic.svg" "$TMPD"/ptviz-*.svg; do
	xmllint --noout "$svg" || fail "$svg: not XML"
	[ -s "${svg%.svg}.png" ] || [ "$svg" = "$TMPD/pic.svg" ] ||
		fail "no PNG beside $svg"
done
/usr/bin/python3 - "$TMPD/rec" "$TMPD/trace" <<'PY' || fail "the files"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs[0]["traced"] is True and recs[0]["command"] == \
    ["sh", "-c", "sleep 0.3 & wait"], recs[0]
born = [e for e in recs[1:] if e["event"] == "born" and e["thread"] == 0]
assert [e["parent"] for e in born] == [0, 1], born
assert [e["name"] for e in recs[1:] if e["event"] == "exec"] == \
    ["sh", "sleep"], recs
trace = json.load(open(sys.argv[2]))
events = trace["traceEvents"] if isinstance(trace, dict) else trace
names = " ".join(str(e.get("args", {}).get("name", "")) for e in events)
assert "sleep (pid" in names and "sh (pid" in names, names
PY
"$PTVIZ" --json --replay "$TMPD/rec" >"$TMPD/again" 2>"$TMPD/err" ||
	fail "--replay of the recording: $(cat "$TMPD/err")"
cmp "$TMPD/rec" "$TMPD/again" || fail "the recording does not round-trip"
w=$(ls "$TMPD"/ptviz-*.jsonl)
"$PTVIZ" --plain --replay "$w" >"$TMPD/wout" 2>"$TMPD/werr" ||
	fail "--replay of w's file: $(cat "$TMPD/werr")"
grep -q '^>process 2 (sleep, pid [0-9]*) exited with status 0$' "$TMPD/werr" ||
	fail "w's file: $(cat "$TMPD/werr")"
/usr/bin/python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
    "$(ls "$TMPD"/ptviz-*.trace.json)" || fail "e's file is not JSON"
exit 0
