# The package is ptviz_VERSION_ARCH.deb of the version in debian/changelog,
# and holds the binary, ptviz(1), the bash completion where bash-completion
# finds it, and Debian's changelog and copyright: those files and no other.
. tests/e2e/lib.sh

[ -f "${DEB:-}" ] || fail "no package in \$DEB (make package-run makes one)"
version=$(changelog_version)
arch=$(dpkg --print-architecture)
[ "$(basename "$DEB")" = "ptviz_${version}_$arch.deb" ] ||
	fail "the package is $(basename "$DEB"), not ptviz_${version}_$arch.deb"
[ "$(dpkg-deb -f "$DEB" Version)" = "$version" ] ||
	fail "the package's version is $(dpkg-deb -f "$DEB" Version), not $version"

dpkg-deb -c "$DEB" | awk '$1 !~ /^d/ { print $1, $6 }' | sort >"$TMPD/files"
sort >"$TMPD/want" <<'LIST'
-rw-r--r-- ./usr/share/bash-completion/completions/ptviz
-rw-r--r-- ./usr/share/doc/ptviz/changelog.gz
-rw-r--r-- ./usr/share/doc/ptviz/copyright
-rw-r--r-- ./usr/share/man/man1/ptviz.1.gz
-rwxr-xr-x ./usr/bin/ptviz
LIST
diff -u "$TMPD/want" "$TMPD/files" >&2 || fail "the package holds other files"
# What it installs is the tree's, byte for byte.
deb_unpack
cmp -s doc/ptviz.bash "$TMPD/root/usr/share/bash-completion/completions/ptviz" ||
	fail "the completion is not doc/ptviz.bash"
gzip -dc "$TMPD/root/usr/share/man/man1/ptviz.1.gz" | cmp -s doc/ptviz.1 - ||
	fail "the manual is not doc/ptviz.1"
exit 0
