# pthread_create failing part way (an ordinary user under a low
# RLIMIT_NPROC; root is exempt): each thread that could not start is named
# on stderr, the threads that did start finish and are printed, exit 1, no
# hang and nothing left behind.
. tests/e2e/lib.sh

[ "$(id -u)" -eq 0 ] || skip "needs root to become an ordinary user"
id nobody >/dev/null 2>&1 || skip "no user 'nobody'"
# The checkout may sit in a folder only root can enter: run a copy.
chmod 755 "$TMPD"
cp "$PTVIZ" "$TMPD/ptviz" && chmod 755 "$TMPD/ptviz"
PTVIZ=$TMPD/ptviz
as_nobody() {
	prlimit --nproc="$1" setpriv --reuid=nobody --regid=nogroup \
		--clear-groups "${@:2}"
}

# The main process and its one child leave room for 28 of the 60 threads.
# (One child only: with more, a child's threads could take the room a later
# fork needed -- that case comes next.)
timeout 20 bash -c "$(declare -f as_nobody); as_nobody 30 '$PTVIZ' --plain -p 1 -t 60 -s 0.2 --seed 3" \
	>"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 1 ] || fail "exit $rc: $(cat "$TMPD/err")"
nfail=$(grep -c '^ptviz: Process-1 could not start Thread-[0-9]*: Resource temporarily unavailable$' "$TMPD/err")
nok=$(grep -c '^>thread ' "$TMPD/out")
[ "$nfail" -gt 0 ] || fail "no thread was reported as not started: $(cat "$TMPD/err")"
[ $((nfail + nok)) -eq 60 ] || fail "$nok done + $nfail failed is not 60"
[ "$nok" -gt 0 ] || fail "no thread started"
grep -q '^ptviz: Process-1 (pid [0-9]*) exited with status 1$' "$TMPD/err" ||
	fail "the process's failure is not told: $(cat "$TMPD/err")"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "no main line"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"

# Fewer processes allowed than asked for: fork fails part way.
timeout 20 bash -c "$(declare -f as_nobody); as_nobody 4 '$PTVIZ' --plain -p 6 -t 1 -s 0.1 --seed 3" \
	>"$TMPD/out" 2>"$TMPD/err"
rc=$?
[ $rc -eq 1 ] || fail "fork: exit $rc: $(cat "$TMPD/err")"
grep -q '^ptviz: fork: Resource temporarily unavailable$' "$TMPD/err" ||
	fail "fork failure not told: $(cat "$TMPD/err")"
grep -q '^ptviz: Process-6 was never forked$' "$TMPD/err" || fail "Process-6 not named"
[ "$(tail -n 1 "$TMPD/out")" = "Main process done." ] || fail "fork: no main line"
exit 0
