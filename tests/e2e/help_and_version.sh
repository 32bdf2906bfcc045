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
for v in -V --version; do
	[ "$("$PTVIZ" $v 2>&1)" = "ptviz 1.0.0" ] || fail "$v"
done
exit 0
