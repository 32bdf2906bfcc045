# make install puts the package's files -- the binary, ptviz(1), the bash
# completion -- under DESTDIR and PREFIX (by default /usr/local), the same
# files as the package with PREFIX=/usr; make uninstall removes those and
# nothing else.
. tests/e2e/lib.sh

# The files under folder $1, with their modes, one "mode path" a line.
files_in() {
	(cd "$1" && find . -type f -printf '%m %p\n' | sort)
}

# make "$@", quietly; the end of its output if it fails.
mk() {
	make --no-print-directory "$@" >"$TMPD/make.out" 2>&1 ||
		fail "make $*: $(tail -n 5 "$TMPD/make.out")"
}

bin=$(dirname "$PTVIZ")
[ "$bin" = "$PWD/build" ] || skip "make install installs build/ptviz, not $PTVIZ"

mk install DESTDIR="$TMPD/dflt"
files_in "$TMPD/dflt" >"$TMPD/got"
diff -u - "$TMPD/got" >&2 <<'LIST' || fail "make install (PREFIX /usr/local) installs other files"
644 ./usr/local/share/bash-completion/completions/ptviz
644 ./usr/local/share/man/man1/ptviz.1
755 ./usr/local/bin/ptviz
LIST
cmp -s build/ptviz "$TMPD/dflt/usr/local/bin/ptviz" || fail "the binary installed is not build/ptviz"
cmp -s doc/ptviz.1 "$TMPD/dflt/usr/local/share/man/man1/ptviz.1" || fail "the manual installed is not doc/ptviz.1"
cmp -s doc/ptviz.bash "$TMPD/dflt/usr/local/share/bash-completion/completions/ptviz" ||
	fail "the completion installed is not doc/ptviz.bash"

# PREFIX=/usr: the package's files, less Debian's own (changelog, copyright)
# and with the manual not yet compressed.
mk install DESTDIR="$TMPD/usr" PREFIX=/usr
if [ -f "${DEB:-}" ]; then
	deb_unpack
	files_in "$TMPD/root" | grep -v '/usr/share/doc/ptviz/' |
	    sed 's/\.gz$//' >"$TMPD/deb"
	files_in "$TMPD/usr" | diff -u "$TMPD/deb" - >&2 ||
		fail "make install PREFIX=/usr and the package install other files"
fi

# Uninstall removes what install put there, and leaves a file of another
# program in the same folders.
for d in bin share/man/man1 share/bash-completion/completions; do
	install -m 644 /dev/null "$TMPD/usr/usr/$d/other"
done
mk uninstall DESTDIR="$TMPD/usr" PREFIX=/usr
files_in "$TMPD/usr" >"$TMPD/got"
diff -u - "$TMPD/got" >&2 <<'LIST' || fail "make uninstall left or removed other files"
644 ./usr/bin/other
644 ./usr/share/bash-completion/completions/other
644 ./usr/share/man/man1/other
LIST
exit 0
