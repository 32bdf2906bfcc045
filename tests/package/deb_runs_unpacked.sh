# The packaged ptviz runs from where dpkg puts it, with no terminal and no
# standard input: --version gives the package's version, and a run of the
# reference program prints its 21 lines, Main's last.
. tests/e2e/lib.sh

deb_unpack
bin=$TMPD/root/usr/bin/ptviz
[ "$("$bin" --version </dev/null 2>&1)" = "ptviz $(changelog_version)" ] ||
	fail "--version says '$("$bin" --version 2>&1)', not 'ptviz $(changelog_version)'"
setsid "$bin" --plain -s 0 --seed 1 </dev/null >"$TMPD/out" 2>"$TMPD/err" ||
	fail "--plain -s 0 --seed 1: exit $?: $(head -n 3 "$TMPD/err")"
{
	for p in 1 2 3 4 5; do
		for t in 1 2 3; do
			echo ">thread Thread-$t in process Process-$p done."
		done
		echo "Process Process-$p done."
	done
} | sort >"$TMPD/want"
tail -n 1 "$TMPD/out" | grep -qx 'Main process done.' ||
	fail "the last line is '$(tail -n 1 "$TMPD/out")'"
head -n -1 "$TMPD/out" | sort | diff -u "$TMPD/want" - >&2 ||
	fail "the run's lines are not the reference program's"
exit 0
