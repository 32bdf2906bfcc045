# Bad recordings: each is refused at once with one line on stderr naming
# the file (and the line, where there is one) and what is wrong, exit 2,
# nothing on stdout -- never a crash or a hang -- also what cannot be true
# (two holders of the global mutex, more than the semaphore's permits, a
# seed past 2^64 - 1, two runs in one file).  Forgiven: a last line cut
# short (skipped with a warning), a run without its end (every line it has
# is printed, and a warning says where it stops), a byte-order mark and
# blank lines at the end.
. tests/e2e/lib.sh

good=$TMPD/good.jsonl
"$PTVIZ" --json -p 5 -t 3 -s 0.05 --seed 7 >"$good" 2>/dev/null || fail "live run: exit $?"
lines=$(wc -l <"$good")

# refused NAME FILE REGEX: --replay FILE is refused with a line matching
# "ptviz: FILE: REGEX".
cases=0
refused() {
	local name=$1 file=$2 re=$3 rc start
	cases=$((cases + 1))
	start=$(now_ms)
	timeout -k 2 10 "$PTVIZ" --replay "$file" --plain >"$TMPD/out" 2>"$TMPD/err" </dev/null
	rc=$?
	[ $rc -eq 2 ] || fail "$name: exit $rc, not 2: $(head -c 300 "$TMPD/err")"
	[ ! -s "$TMPD/out" ] || fail "$name: something on stdout: $(head -c 200 "$TMPD/out")"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "$name: not one line: $(head -c 300 "$TMPD/err")"
	grep -Eq -- "^ptviz: $(printf '%s' "$file" | sed 's/[.[\*^$/]/\\&/g'): $re" "$TMPD/err" ||
		fail "$name: said '$(cat "$TMPD/err")', not /$re/"
	[ $(($(now_ms) - start)) -lt 5000 ] || fail "$name: took $(($(now_ms) - start)) ms"
}

# mutate NAME SED-SCRIPT: the good recording changed by sed.
mutate() {
	sed "$2" "$good" >"$TMPD/$1"
	echo "$TMPD/$1"
}

: >"$TMPD/empty"
refused empty "$TMPD/empty" 'empty: not a ptviz recording$'
printf 'hello, world\n' >"$TMPD/text"
refused "not JSON" "$TMPD/text" 'line 1: not JSON: '
printf '[1, 2, 3]\n' >"$TMPD/array"
refused "JSON of the wrong shape" "$TMPD/array" 'line 1: not a JSON object$'
printf '{"name": "x"}\n' >"$TMPD/object"
refused "not a run" "$TMPD/object" 'line 1: not a ptviz recording: it does not start with a "run" record$'
refused "unknown format" "$(mutate format 's/"format":"ptviz"/"format":"perfetto"/')" \
	'line 1: the format is "perfetto", not "ptviz"$'
refused "unknown version" "$(mutate version '1s/"version":3/"version":7/')" \
	'line 1: version 7 of the format is not known \(this ptviz reads versions 1 to 3\)$'
refused "counts out of range" "$(mutate counts '1s/"processes":5/"processes":5000/')" \
	'line 1: "processes" is 5000, out of range \(1 to 1024\)$'
refused "index out of range" "$(mutate index '3s/"proc":[0-9]*/"proc":9/')" \
	'line 3: "proc" is 9, out of range \(0 to 5\)$'
# A thread's sleeping moved before its running.
t=$(grep -m 1 '"event":"running","proc":[1-9]' "$good" | sed 's/.*"t_ns":\([0-9]*\).*/\1/')
refused "time going backwards" "$(mutate backwards '/"event":"sleeping"/{s/"t_ns":[0-9]*/"t_ns":0/}')" \
	'line [0-9]+: time goes backwards for Thread-[0-9]+ of Process-[0-9]+ '
refused "an event out of order" "$(mutate order '/"event":"sleeping"/s/"event":"sleeping"/"event":"done"/')" \
	'line [0-9]+: Thread-[0-9]+ of Process-[0-9]+ cannot be done after running$'
cp "$good" "$TMPD/after"; tail -n 2 "$good" | head -n 1 >>"$TMPD/after"
refused "an event after the end" "$TMPD/after" "line $((lines + 1)): "
/usr/bin/python3 -c 'import sys; sys.stdout.write("{\"a\":\"" + "x" * (50 << 20) + "\"}\n")' >"$TMPD/huge"
refused "a 50 MB line" "$TMPD/huge" 'line 1: longer than 4096 bytes: not a ptviz recording$'
head -c 100000 /dev/urandom >"$TMPD/garbage"
refused "binary garbage" "$TMPD/garbage" 'line 1: (not JSON|longer than 4096|the line is empty)'
mkdir "$TMPD/dir"
refused "a directory" "$TMPD/dir" 'Is a directory$'
refused "/dev/zero" /dev/zero 'line 1: longer than 4096 bytes: not a ptviz recording$'
refused "a missing file" "$TMPD/missing" 'No such file or directory$'
if [ "$(id -u)" -ne 0 ]; then
	cp "$good" "$TMPD/locked" && chmod 000 "$TMPD/locked"
	refused "an unreadable file" "$TMPD/locked" 'Permission denied$'
else
	# root reads any file: a file whose read fails instead.
	refused "an unreadable file" /proc/self/mem 'Input/output error$'
fi
refused "a NUL in a string" "$(mutate nul '3s/"event":"forked"/"event":"for\\u0000ked"/')" \
	'line 3: "event" holds a NUL character$'
refused "a seed past 2^64 - 1" "$(mutate seed '1s/"seed":7/"seed":18446744073709551616/')" \
	'line 1: "seed" is beyond 18446744073709551615 \(2\^64 - 1\)$'
cat "$good" "$good" >"$TMPD/two"
refused "two runs in one file" "$TMPD/two" \
	"line $((lines + 1)): a second run starts here; a recording holds one run\$"
# Two processes of one thread each, their threads holding an object from
# 400 to 1400 ns and from 500 ns: at once.
holders() {
	local work=$1 holds=$2 extra=$3 p t
	printf '{"event":"run","format":"ptviz","version":2,"processes":2,"threads":1,"sleep_s":0.1,"seed":1,"work":"%s"%s}\n' "$work" "$extra"
	printf '{"t_ns":0,"event":"running","proc":0,"thread":0,"pid":10,"tid":10}\n'
	for p in 1 2; do
		printf '{"t_ns":%d,"event":"forked","proc":%d,"thread":0,"pid":%d,"tid":%d}\n' $((100 + p)) $p $((p * 10)) $((p * 10))
		printf '{"t_ns":%d,"event":"starting","proc":%d,"thread":0,"pid":%d,"tid":%d}\n' $((200 + p)) $p $((p * 10)) $((p * 10))
		printf '{"t_ns":%d,"event":"running","proc":%d,"thread":1,"pid":%d,"tid":%d}\n' $((300 + p)) $p $((p * 10)) $((p * 10 + 1))
	done
	for p in 1 2; do
		t=$((300 + p * 100))
		printf '{"t_ns":%d,"event":"holding","proc":%d,"thread":1,"pid":%d,"tid":%d,"holds":"%s","object":0,"hold_ns":1000}\n' $t $p $((p * 10)) $((p * 10 + 1)) "$holds"
	done
	for p in 1 2; do
		t=$((1300 + p * 100))
		printf '{"t_ns":%d,"event":"done","proc":%d,"thread":1,"pid":%d,"tid":%d}\n' $t $p $((p * 10)) $((p * 10 + 1))
	done
}
holders global-mutex global-mutex "" >"$TMPD/gmutex"
refused "two holders of the global mutex" "$TMPD/gmutex" \
	'line 10: Thread-1 of Process-2 holds the global mutex while Thread-1 of Process-1 holds it \(since line 9\)$'
holders semaphore semaphore ',"permits":1' >"$TMPD/sem"
refused "more holders than permits" "$TMPD/sem" \
	'line 10: Thread-1 of Process-2 holds a permit of the semaphore while all 1 are held: more holders than permits'
[ $cases -ge 19 ] || fail "only $cases cases"

# Standard input: refused the same way, named as such.
printf 'nonsense\n' | "$PTVIZ" --replay - --plain >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 2 ] && grep -q '^ptviz: standard input: line 1: not JSON' "$TMPD/err" ||
	fail "stdin: $(cat "$TMPD/err")"

# A last line cut short (a writer killed mid-line): a warning, the rest
# replays, exit 0.
head -c $(($(wc -c <"$good") - 20)) "$good" >"$TMPD/cut"
"$PTVIZ" --replay "$TMPD/cut" --plain >"$TMPD/out" 2>"$TMPD/err" || fail "cut: exit $?"
grep -q "^ptviz: $TMPD/cut: line $lines is cut short (the writer stopped?): skipped; the run replays up to it$" "$TMPD/err" ||
	fail "cut: no warning: $(cat "$TMPD/err")"
[ "$(wc -l <"$TMPD/out")" -ge 15 ] || fail "cut: the rest did not replay"
grep -q 'Main process done.' "$TMPD/out" && fail "cut: the cut line replayed"

# A run without its end (the terminal closed, r during --record): every
# line it has is printed, and a warning says where the run stops.
"$PTVIZ" --replay "$good" --plain >"$TMPD/whole" 2>/dev/null
head -n $((lines - 4)) "$good" >"$TMPD/stops"
"$PTVIZ" --replay "$TMPD/stops" --plain >"$TMPD/out" 2>"$TMPD/err" || fail "a cut run: exit $?"
grep -Eq "^ptviz: $TMPD/stops: the recording stops at [0-9.]+ s: the run was cut there\$" "$TMPD/err" ||
	fail "a cut run: no warning: $(cat "$TMPD/err")"
head -n "$(wc -l <"$TMPD/out")" "$TMPD/whole" | cmp -s - "$TMPD/out" ||
	fail "a cut run: not the lines it has"
# A line for each "done" in it: of a thread, a process, the main process.
[ "$(wc -l <"$TMPD/out")" -eq "$(grep -c '"event":"done"' "$TMPD/stops")" ] ||
	fail "a cut run: lines are missing: $(wc -l <"$TMPD/out")"

# A byte-order mark and blank lines at the end: read as the file without.
{ printf '\357\273\277'; cat "$good"; printf '\n \n\n'; } >"$TMPD/bom"
"$PTVIZ" --replay "$TMPD/bom" --plain >"$TMPD/out" 2>"$TMPD/err" || fail "BOM: exit $?: $(cat "$TMPD/err")"
cmp -s "$TMPD/whole" "$TMPD/out" || fail "BOM: another replay"
exit 0
