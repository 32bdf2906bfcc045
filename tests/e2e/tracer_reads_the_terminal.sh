# A traced program that reads its controlling terminal gets what is typed,
# as when a shell runs it (it stays in the terminal's foreground process
# group: no SIGTTIN), with --plain and with --json; with standard input a
# pipe, it reads the pipe.
. tests/e2e/lib.sh

prog="sh -c 'read x; echo \"got \$x\"'"
for mode in --plain --json; do
	# --plain: the program's output to the file; --json: the records.
	tm_start 100 20 "$PTVIZ $mode -- $prog >$TMPD/out"
	tm send-keys -t t 'hello there' Enter
	tm_wait_for '^\[exit 0\]'
	{ tm_screen; cat "$TMPD/out"; } | grep -q '^got hello there$' ||
		{ tm_screen >&2; fail "$mode: the program did not read the terminal"; }
	tm kill-server
done
for mode in --plain --json; do
	echo piped | "$PTVIZ" $mode -- sh -c 'read x; echo "got $x"' \
	    >"$TMPD/out" 2>"$TMPD/err" || fail "$mode, a pipe: exit $?"
	grep -qx 'got piped' "$TMPD/out" "$TMPD/err" ||
		fail "$mode: the program did not read the pipe"
done
exit 0
