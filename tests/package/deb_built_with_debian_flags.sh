# The package's binary is built with dpkg-buildflags' hardening (debian/rules
# asks for all of it): CPPFLAGS' _FORTIFY_SOURCE reached the compiler (the
# checked __*_chk functions are called), LDFLAGS' -z now and -z relro the
# linker, and it is a position-independent executable.
. tests/e2e/lib.sh

deb_unpack
bin=$TMPD/root/usr/bin/ptviz
readelf --dyn-syms -W "$bin" | grep -q ' __[a-z0-9_]*_chk@' ||
	fail "no __*_chk function called: CPPFLAGS (-D_FORTIFY_SOURCE) did not reach the compiler"
readelf -d -W "$bin" >"$TMPD/dynamic"
grep -q 'BIND_NOW' "$TMPD/dynamic" || fail "not linked with -z now"
grep -q 'Flags:.*PIE' "$TMPD/dynamic" || fail "not a position-independent executable"
readelf -l -W "$bin" | grep -q 'GNU_RELRO' || fail "not linked with -z relro"
exit 0
