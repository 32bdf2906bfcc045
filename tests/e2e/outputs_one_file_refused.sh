# No output may be the input or another output: --replay, --record,
# --trace and stdout (when it is written) naming one file -- the same path,
# another path to it, a hard link, a symlink, even a file not made yet --
# are refused before anything starts: exit 2, one line naming both
# options, nothing written, truncated or made.  Outputs that only look
# alike stay allowed: two to /dev/null, a conversion to /dev/stdout.
. tests/e2e/lib.sh

mkdir "$TMPD/w" && cd "$TMPD/w" || fail "no $TMPD/w"
"$PTVIZ" --plain -p 2 -t 2 -s 0 --seed 1 --record lesson.jsonl >/dev/null 2>&1 ||
	fail "no recording"
cp lesson.jsonl lesson.orig
echo precious >old
ln lesson.jsonl hard
ln -s lesson.jsonl sym
ln -s nothere dangling
mkfifo fifo

# Refused: exit 2, stderr the one line "ptviz: $1 and $2 are one file...",
# nothing on stdout, the files as they were, nothing new made.
refused() {
	local a=$1 b=$2 rc
	shift 2
	ls >"$TMPD/ls.before"
	"$@" >>"$TMPD/out" 2>"$TMPD/err" </dev/null
	rc=$?
	[ $rc -eq 2 ] || fail "$*: exit $rc, not 2: $(cat "$TMPD/err")"
	[ "$(cat "$TMPD/err")" = "ptviz: $a and $b are one file: one would overwrite the other" ] ||
		fail "$*: '$(cat "$TMPD/err")'"
	[ ! -s "$TMPD/out" ] || fail "$*: it ran: $(cat "$TMPD/out")"
	cmp -s lesson.jsonl lesson.orig || fail "$*: the recording changed"
	[ "$(cat old)" = precious ] || fail "$*: old changed"
	ls | cmp -s - "$TMPD/ls.before" || fail "$*: made $(ls | diff "$TMPD/ls.before" -)"
	rm -f "$TMPD/out" "$TMPD/err"
}

refused "--replay lesson.jsonl" "--trace lesson.jsonl" \
	"$PTVIZ" --replay lesson.jsonl --trace lesson.jsonl
refused "--replay lesson.jsonl" "--record ./lesson.jsonl" \
	"$PTVIZ" --replay lesson.jsonl --plain --record ./lesson.jsonl
refused "--replay sym" "--trace hard" \
	"$PTVIZ" --replay sym --trace hard
refused "--record old" "--trace ../w/old" \
	"$PTVIZ" --plain -p 1 -t 1 -s 0 --record old --trace ../w/old
refused "--record new" "--trace ./new" \
	"$PTVIZ" --plain -p 1 -t 1 -s 0 --record new --trace ./new
refused "--record dangling" "--trace nothere" \
	"$PTVIZ" --json -p 1 -t 1 -s 0 --record dangling --trace nothere
refused "--record fifo" "--trace fifo" \
	"$PTVIZ" --plain -p 1 -t 1 -s 0 --record fifo --trace fifo

# Stdout redirected to the file of an option (appending: the shell must
# not empty it first).
stdout_refused() {
	local a=$1 file=$2 rc
	shift 2
	"$@" >>"$file" 2>err </dev/null
	rc=$?
	[ $rc -eq 2 ] || fail "$* >> $file: exit $rc, not 2: $(cat err)"
	[ "$(cat err)" = "ptviz: $a and stdout are one file: one would overwrite the other" ] ||
		fail "$* >> $file: '$(cat err)'"
	cmp -s lesson.jsonl lesson.orig || fail "$* >> $file: the recording changed"
	[ "$(cat old)" = precious ] || fail "$* >> $file: old changed"
	rm -f err
}
stdout_refused "--record old" old "$PTVIZ" --json -p 1 -t 1 -s 0 --record old
stdout_refused "--trace old" old "$PTVIZ" --plain -p 1 -t 1 -s 0 --trace old
stdout_refused "--replay lesson.jsonl" lesson.jsonl "$PTVIZ" --replay lesson.jsonl --plain
stdout_refused "--replay hard" lesson.jsonl "$PTVIZ" --replay hard --trace t.json
# A pipe is one file too.
"$PTVIZ" --plain -p 1 -t 1 -s 0 --record /dev/stdout 2>err | cat >out
[ "${PIPESTATUS[0]}" -eq 2 ] && [ ! -s out ] &&
	[ "$(cat err)" = "ptviz: --record /dev/stdout and stdout are one file: one would overwrite the other" ] ||
	fail "--record /dev/stdout into a pipe: $(cat err)"
# The recording on stdin.
"$PTVIZ" --replay - --record lesson.jsonl <lesson.jsonl >out 2>err
[ $? -eq 2 ] && [ "$(cat err)" = "ptviz: --replay - and --record lesson.jsonl are one file: one would overwrite the other" ] ||
	fail "--replay - from the file recorded: $(cat err)"
cmp -s lesson.jsonl lesson.orig || fail "--replay -: the recording changed"

# Allowed: discarding both; converting to stdout.
"$PTVIZ" --plain -p 1 -t 1 -s 0 --record /dev/null --trace /dev/null >/dev/null 2>err ||
	fail "two outputs to /dev/null: $(cat err)"
"$PTVIZ" --replay lesson.jsonl --trace /dev/stdout >t.json 2>err ||
	fail "--trace /dev/stdout: $(cat err)"
grep -q '"traceEvents"' t.json || fail "--trace /dev/stdout wrote no trace"
exit 0
