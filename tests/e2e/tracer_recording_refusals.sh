# A traced program's recording that breaks the rules of a traced run
# (src/model_traced.h) or is cut is refused at once: one line on stderr
# naming the file and the line and what is wrong, exit 2, nothing on
# stdout -- a thread born in a process not born, a process born of one
# not born before it, a thread born out of turn, an event after its
# process ended, time going backwards, a name that is not a string or is
# too long, a command that is not words, a line cut short before more
# lines or a run record cut short.  A cut last line is forgiven as in any
# recording: skipped, with a warning.
. tests/e2e/lib.sh

good=$TMPD/good
"$PTVIZ" --json -- sh -c 'sleep 0.1 & wait' >"$good" 2>/dev/null ||
	fail "live run: exit $?"

# refused NAME FILE REGEX: --replay FILE is refused with the one line
# "ptviz: FILE: REGEX", for --plain and --json alike.
refused() {
	local name=$1 file=$2 re=$3 mode rc
	for mode in --plain --json; do
		"$PTVIZ" --replay "$file" $mode >"$TMPD/out" 2>"$TMPD/err" </dev/null
		rc=$?
		[ $rc -eq 2 ] || fail "$name $mode: exit $rc, not 2: $(cat "$TMPD/err")"
		[ ! -s "$TMPD/out" ] || fail "$name $mode: wrote on stdout"
		[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "$name $mode: $(cat "$TMPD/err")"
		grep -Eqx -- "ptviz: $file: $re" "$TMPD/err" ||
			fail "$name $mode: said '$(cat "$TMPD/err")', not /$re/"
	done
}

# edit NAME PYTHON: the good recording's lines (a list, `l`, each line
# with its newline) changed by PYTHON, written to $TMPD/NAME.
edit() {
	/usr/bin/python3 - "$good" "$TMPD/$1" "$2" <<'PY'
import sys
l = open(sys.argv[1]).readlines()
exec(sys.argv[3])
open(sys.argv[2], "w").write("".join(l))
PY
	echo "$TMPD/$1"
}
# The line (from 1) of the first record matching a regex.
at() { grep -n -m 1 -E "$1" "$good" | cut -d: -f1; }

born2=$(at '"event":"born","proc":2,"thread":0')
end2=$(at '"event":"exited","proc":2,')
[ -n "$born2" ] && [ -n "$end2" ] || fail "no second process: $(cat "$good")"

refused "thread of a process not born" "$(edit orphan \
    'l.insert(2, l[3].replace("\"proc\":1", "\"proc\":3"))')" \
    'line 3: thread 1 of process 3: process 3 is not born'
refused "born of a process not born before it" "$(edit parent \
    "l[$born2 - 1] = l[$born2 - 1].replace('\"parent\":1', '\"parent\":2')")" \
    "line $born2: process 2 cannot be born of process 2, not born before it"
refused "thread born out of turn" "$(edit turn \
    'l[3] = l[3].replace("\"thread\":1", "\"thread\":2")')" \
    'line 4: thread 2 of process 1 is born out of turn: the next is thread 1'
refused "an event after its process ended" "$(edit after \
    "l.insert($end2, l[$end2 - 1].replace('\"exited\"', '\"exec\"').replace(',\"status\":0', ''))")" \
    "line $((end2 + 1)): process 2 has already ended"
refused "time going backwards" "$(edit backwards \
    "import re; l[$end2 - 1] = re.sub('\"t_ns\":[0-9]+', '\"t_ns\":1', l[$end2 - 1])")" \
    "line $end2: time goes backwards \\(0\\.000000001 s after [0-9.]+ s\\)"
refused "a name that is not a string" "$(edit nametype \
    'l[2] = l[2].replace("\"name\":\"ptviz\"", "\"name\":5")')" \
    'line 3: "name" is not a string'
refused "a name too long" "$(edit namelong \
    'l[2] = l[2].replace("\"name\":\"ptviz\"", "\"name\":\"" + "x" * 48 + "\"")')" \
    'line 3: "name" is longer than 47 bytes: not a task'"'"'s name'
refused "a command that is not words" "$(edit command \
    'l[0] = l[0].replace("[\"sh\"", "[7")')" \
    'line 1: "command" holds something that is not a string \(word 1\)'
refused "an event of the built-in run" "$(edit builtin \
    'l[3] = l[3].replace("\"born\"", "\"running\"")')" \
    'line 4: "running" is not an event of a traced program'
refused "a line cut short before more lines" "$(edit cutmid \
    'l[4] = l[4][:30] + "\n"')" \
    'line 5: not JSON: .*'
head -c 40 "$good" >"$TMPD/cutrun"
refused "a run record cut short" "$TMPD/cutrun" \
    'line 1: cut short before the end of its JSON'

# A last line cut short: skipped, with a warning; the lines before it
# replay.
n=$(wc -l <"$good")
head -c $(($(stat -c %s "$good") - 20)) "$good" >"$TMPD/cutend"
"$PTVIZ" --replay "$TMPD/cutend" --json >"$TMPD/out" 2>"$TMPD/err" ||
	fail "a cut last line: exit $?: $(cat "$TMPD/err")"
head -n $((n - 1)) "$good" | cmp - "$TMPD/out" ||
	fail "a cut last line: the lines before it are not replayed as written"
grep -qx "ptviz: $TMPD/cutend: line $n is cut short (the writer stopped?): skipped; the run replays up to it" \
    "$TMPD/err" || fail "a cut last line: $(cat "$TMPD/err")"
exit 0
