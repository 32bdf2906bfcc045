# ptviz --attach PID refused in one line "ptviz: ...", exit 2, nothing on
# stdout, nothing seized: PID is ptviz itself or its parent, no such
# process, a thread and not a process, traced already by another tracer,
# another user's (ptviz run as nobody), a bad number, with -- COMMAND or
# an option of ptviz's own run.
. tests/e2e/lib.sh

check() {
	local says=$1
	shift
	"$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 2 ] || fail "'$*': exit $rc: $(cat "$TMPD/err")"
	[ ! -s "$TMPD/out" ] || fail "'$*': wrote to stdout"
	[ "$(wc -l <"$TMPD/err")" -eq 1 ] || fail "'$*': $(cat "$TMPD/err")"
	grep -q "^ptviz: .*$says" "$TMPD/err" ||
		fail "'$*': $(cat "$TMPD/err"), not '$says'"
}
# The shell's $$ is ptviz's pid once it execs, its parent's if not.
check "cannot attach to [0-9]*: that is ptviz itself$" \
    sh -c 'exec "$0" --json --attach $$' "$PTVIZ"
check "cannot attach to [0-9]*: that is ptviz's parent$" \
    sh -c '"$0" --json --attach $$; exit $?' "$PTVIZ"
check "cannot attach to 4194305: no such process$" \
    "$PTVIZ" --json --attach 4194305
check "--attach 'x1' is not a process id" "$PTVIZ" --json --attach x1
check "--attach '0' is not a process id" "$PTVIZ" --plain --attach 0
check "--attach cannot be used with -- COMMAND" \
    "$PTVIZ" --json --attach 1 -- true
check "--processes cannot be used with --attach" "$PTVIZ" --json -p 2 --attach 1
prog=$(tracee manythreads)
"$prog" 2 1 0 >"$TMPD/prog.out" &
tp=$!
at_exit "kill -9 $tp 2>/dev/null"
started() { grep -q '^all 2 started$' "$TMPD/prog.out"; }
wait_until started || fail "the program never started"
kid=$(descendants $tp)
thread=$(ls /proc/$kid/task | grep -vx "$kid" | head -1)
check "cannot attach to $thread: it is a thread of process $kid; attach to that$" \
    "$PTVIZ" --json --attach "$thread"
# Another user's: nobody may not trace root's.
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	need_nobody
	check "cannot attach to $kid: it is another user's (uid 0): ptrace is not permitted$" \
	    $AS_NOBODY "$TMPD/ptviz" --json --attach "$kid"
fi
grep -q '^TracerPid:[[:space:]]*0$' /proc/$kid/status ||
	fail "a refusal left $kid traced"
# Traced already, by strace.
if command -v strace >/dev/null; then
	strace -qq -o /dev/null -p $kid &
	st=$!
	at_exit "kill -9 $st 2>/dev/null"
	traced() { ! grep -q '^TracerPid:[[:space:]]*0$' /proc/$kid/status; }
	wait_until traced || fail "strace never attached"
	check "cannot attach to $kid (manythreads): it is traced already, by process $st$" \
	    "$PTVIZ" --json --attach "$kid"
fi
exit 0
