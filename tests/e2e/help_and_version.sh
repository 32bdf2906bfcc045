# --help and --version print on stdout, nothing on stderr, exit 0.
. tests/e2e/lib.sh

for h in -h --help; do
	"$PTVIZ" $h >"$TMPD/out" 2>"$TMPD/err" || fail "$h: exit $?"
	[ ! -s "$TMPD/err" ] || fail "$h wrote to stderr"
	grep -q '^usage: ptviz ' "$TMPD/out" || fail "$h shows no usage"
	for o in --processes --threads --sleep --seed --plain --json --help --version; do
		grep -q -- "$o" "$TMPD/out" || fail "$h does not list $o"
	done
done
# The usage, byte for byte: its workloads' lines are made from their rows
# (src/work.h), wrapped; a change to it shows here as a diff, and when it
# is meant, `make golden` (GOLDEN_UPDATE=1) writes the file anew.
"$PTVIZ" --help >"$TMPD/usage" || fail "--help: exit $?"
if [ -n "${GOLDEN_UPDATE:-}" ]; then
	cp "$TMPD/usage" tests/golden/usage.txt
	echo "wrote tests/golden/usage.txt"
elif ! cmp -s tests/golden/usage.txt "$TMPD/usage"; then
	diff -u tests/golden/usage.txt "$TMPD/usage" | tail -n +3 | head -n 40 >&2
	fail "--help differs from tests/golden/usage.txt (make golden rewrites it)"
fi
for v in -V --version; do
	[ "$("$PTVIZ" $v 2>&1)" = "ptviz $(changelog_version)" ] || fail "$v"
done
exit 0
