# A traced program's recording (--record F -- COMMAND, format version 3,
# "traced") replays as it ran, for programs of every shape -- many
# children ending every way (forks), threads named and ended early
# (threads), an exec by a thread (thread_exec), two threads on one lock
# (lockers: "kernel" records with a futex word), many sleeping threads
# (sleepers), a shell and its background child: --json of the replay is
# the recording byte for byte, --plain of the replay prints the lines the
# live --plain printed, and the exit status is the program's, both ways.
. tests/e2e/lib.sh

n=0
round_trip() {
	local live rc
	n=$((n + 1))
	"$PTVIZ" --plain --record "$TMPD/r$n" -- "$@" >/dev/null 2>"$TMPD/live$n"
	live=$?
	grep '^>' "$TMPD/live$n" >"$TMPD/want$n"
	[ -s "$TMPD/want$n" ] || fail "'$*': no lines: $(cat "$TMPD/live$n")"
	"$PTVIZ" --json --replay "$TMPD/r$n" >"$TMPD/json$n" 2>"$TMPD/err$n"
	rc=$?
	[ $rc -eq $live ] || fail "'$*': --json --replay: exit $rc, live $live: $(cat "$TMPD/err$n")"
	[ ! -s "$TMPD/err$n" ] || fail "'$*': --json --replay said: $(cat "$TMPD/err$n")"
	cmp "$TMPD/r$n" "$TMPD/json$n" ||
		fail "'$*': --json of the replay is not the recording"
	"$PTVIZ" --plain --replay "$TMPD/r$n" >"$TMPD/out$n" 2>"$TMPD/plain$n"
	rc=$?
	[ $rc -eq $live ] || fail "'$*': --plain --replay: exit $rc, live $live"
	[ ! -s "$TMPD/out$n" ] || fail "'$*': --plain --replay wrote on stdout"
	diff "$TMPD/want$n" "$TMPD/plain$n" ||
		fail "'$*': --plain of the replay is not the live --plain"
}
round_trip "$(tracee forks)" 40 8
round_trip "$(tracee threads)"
round_trip "$(tracee thread_exec)"
round_trip "$(tracee lockers)"
grep -q '"thread":3,.*"class":"lock","futex":"0x[0-9a-f]*"' "$TMPD/r$n" ||
	fail "lockers: no waiter seen on the lock in the recording"
round_trip "$(tracee sleepers)" 50 1
round_trip sh -c 'sleep 0.2 & wait'
# A recording converted (--replay F --record G) is F again.
"$PTVIZ" --replay "$TMPD/r$n" --plain --record "$TMPD/again" 2>/dev/null ||
	fail "--replay --record: exit $?"
cmp "$TMPD/r$n" "$TMPD/again" || fail "--replay --record is not the recording"
exit 0
