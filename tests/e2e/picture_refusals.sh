# --svg and --png refuse in one line, exit 2, before anything runs or a
# file is made: a picture named twice, with --runs, a file that cannot be
# written, one file for two outputs.
. tests/e2e/lib.sh

mkdir "$TMPD/w" && cd "$TMPD/w" || fail "no $TMPD/w"

# Refused: exit 2, stderr the one line $1, nothing on stdout, no file made.
refused() {
	local want=$1 rc
	shift
	ls >"$TMPD/ls.before"
	"$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	rc=$?
	[ $rc -eq 2 ] || fail "$*: exit $rc, not 2: $(cat "$TMPD/err")"
	[ "$(cat "$TMPD/err")" = "$want" ] || fail "$*: '$(cat "$TMPD/err")'"
	[ ! -s "$TMPD/out" ] || fail "$*: it ran: $(cat "$TMPD/out")"
	ls | cmp -s - "$TMPD/ls.before" || fail "$*: made $(ls | diff "$TMPD/ls.before" -)"
}

refused "ptviz: --svg is given twice: a run has one picture of each kind (see ptviz --help)" \
	"$PTVIZ" --plain -s 0 --svg a.svg --svg b.svg
refused "ptviz: --runs cannot be used with --png: the runs are counted, not drawn (see ptviz --help)" \
	"$PTVIZ" --plain -s 0 --runs 2 --png a.png
refused "ptviz: --png needs a file name, not - (standard output has the lines) (see ptviz --help)" \
	"$PTVIZ" --plain -s 0 --png -
refused "ptviz: --svg nothere/a.svg: No such file or directory" \
	"$PTVIZ" --plain -s 0 --svg nothere/a.svg
refused "ptviz: --trace a.out and --svg a.out are one file: one would overwrite the other" \
	"$PTVIZ" --plain -s 0 --trace a.out --svg a.out
refused "ptviz: --svg a.svg and --png ./a.svg are one file: one would overwrite the other" \
	"$PTVIZ" --plain -s 0 --svg a.svg --png ./a.svg
exit 0
