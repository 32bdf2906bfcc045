# ptviz(1) reads as written: mandoc's linter finds nothing in it, not even
# a style note (one of them, "no blank before trailing delimiter", was a
# .Fl that swallowed the words after it), and the words of EXIT STATUS
# render as words, not as flags.
. tests/e2e/lib.sh

MAN=doc/ptviz.1
command -v mandoc >/dev/null || fail "no mandoc (tests/deps.sh test installs it)"
# The machine's own mandoc.db being stale is not the page's fault.
lint=$(mandoc -Tlint "$MAN" 2>&1 | grep -v 'mandoc\.db')
[ -z "$lint" ] || fail "mandoc -Tlint $MAN: $lint"
mandoc -Tascii "$MAN" | col -b >"$TMPD/page" || fail "mandoc cannot render $MAN"
tr -s ' \t\n' ' ' <"$TMPD/page" | grep -q 'a deadlock was found, or (--plain, --json, a conversion) standard output, the recording, the trace or a picture could not be written' ||
	fail "EXIT STATUS renders as: $(grep -A4 'A process was killed' "$TMPD/page")"
exit 0
