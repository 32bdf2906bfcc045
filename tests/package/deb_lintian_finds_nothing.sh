# lintian, Debian's checker of packages, finds neither an error nor a
# warning in the package (its notes, if any, show in the log).
. tests/e2e/lib.sh

command -v lintian >/dev/null || fail "no lintian (tests/deps.sh test installs it)"
[ -f "${DEB:-}" ] || fail "no package in \$DEB (make package-run makes one)"
lintian --fail-on error,warning --info "$DEB" >"$TMPD/out" 2>&1
rc=$?
cat "$TMPD/out"
[ $rc -eq 0 ] || fail "lintian $DEB: exit $rc: $(grep -E '^[EW]:' "$TMPD/out" | head -n 5)"
exit 0
