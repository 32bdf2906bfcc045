# ptviz -- COMMAND refused before anything starts: exit 2, one line
# "ptviz: ...", nothing on stdout, no process forked (strace sees none)
# -- for a COMMAND missing, not executable, a directory, set-user-ID or
# set-group-ID, and for each option that makes no sense with a COMMAND;
# ptrace not allowed (exit 2, the command never runs, --poll offered); on
# a terminal, a COMMAND that cannot run is refused before the screen
# starts.
. tests/e2e/lib.sh

command -v strace >/dev/null || skip "no strace"
touch "$TMPD/plain"
mkdir "$TMPD/dir"
cp /bin/true "$TMPD/suid" && chmod 4755 "$TMPD/suid"
cp /bin/true "$TMPD/sgid" && chmod 2755 "$TMPD/sgid"
ran=$TMPD/ran
check() {
	local says=$1
	shift
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=fork,vfork,clone,clone3 \
	    -o "$TMPD/trace" "$PTVIZ" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 2 ] || fail "'$*': exit $rc: $(cat "$TMPD/err")"
	[ ! -s "$TMPD/out" ] || fail "'$*': wrote to stdout"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "'$*': $(cat "$TMPD/err")"
	grep -q "^ptviz: .*$says" "$TMPD/err" || fail "'$*': $(cat "$TMPD/err")"
	! grep -qE 'clone|fork' "$TMPD/trace" || fail "'$*' started a process"
	[ ! -e "$ran" ] || fail "'$*' ran the command"
}
check "no-such-command-here: command not found in PATH" \
    --json -- no-such-command-here
check "$TMPD/plain: not executable" --json -- "$TMPD/plain"
check "$TMPD/dir: Is a directory" --plain -- "$TMPD/dir"
check "$TMPD/nothere: No such file or directory" --plain -- "$TMPD/nothere"
check "$TMPD/suid is set-user-ID: ptviz does not trace" --json -- "$TMPD/suid"
check "$TMPD/sgid is set-group-ID: ptviz does not trace" --json -- "$TMPD/sgid"
check "-- needs a COMMAND" --json --
for opt in "-p 2" "-t 2" "-s 1" "-w mutex" "--seed 3" "--scene 1" \
    "--runs 2" "--replay x" "--permits 2" \
    "--ring-slots 4"; do
	set -- $opt
	check "cannot be used with -- COMMAND" --json "$@" -- touch "$ran"
done
# ptrace refused (EPERM): here because strace traces ptviz's child
# already.  The child is forked, but killed and reaped before it runs.
ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null "$PTVIZ" --json -- \
    touch "$ran" >"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 2 ] || fail "ptrace refused: exit $rc: $(cat "$TMPD/err")"
[ ! -s "$TMPD/out" ] || fail "ptrace refused: wrote to stdout"
[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "ptrace refused: $(cat "$TMPD/err")"
grep -q '^ptviz: cannot trace touch: ptrace is not allowed here (Operation not permitted); run with --poll to watch it through /proc alone (tasks shorter than 100 ms may be missed)$' \
    "$TMPD/err" || fail "ptrace refused: $(cat "$TMPD/err")"
[ ! -e "$ran" ] || fail "ptrace refused, but the command ran"
# On a terminal: the same line, and no screen drawn.
tm_start 120 36 "$PTVIZ -- $TMPD/plain"
tm_wait_for '\[exit 2\]'
tm_screen | grep -q "^ptviz: $TMPD/plain: not executable" ||
	{ tm_screen >&2; fail "the screen's refusal"; }
! tm_screen | grep -q '^ptviz — ' || fail "a screen was drawn"
exit 0
