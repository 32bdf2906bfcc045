#!/bin/sh
# deb.sh: build ptviz_VERSION_ARCH.deb with dpkg-buildpackage into folder
# $1 (made if missing), and print its path.
#   sh tests/deb.sh DIR
# dpkg-buildpackage cleans in the tree it builds and writes its files beside
# that tree, so it builds in a copy under a temporary folder, and only the
# .deb comes out: the tree and its parent stay as they were.
set -eu

out=${1:?usage: sh tests/deb.sh DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ptviz-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# The sources alone: no build folders, no git, no node modules.
mkdir "$tmp/ptviz"
tar -c --exclude='./build*' --exclude=./.git --exclude=node_modules \
    --exclude='./tests/fuzz/out*' . | tar -x -C "$tmp/ptviz"
# Two jobs at most: the machines it runs on are shared.
(cd "$tmp/ptviz" && DEB_BUILD_OPTIONS="parallel=2 ${DEB_BUILD_OPTIONS:-}" \
    dpkg-buildpackage -b -us -uc >"$tmp/log" 2>&1) || {
	tail -n 40 "$tmp/log" >&2
	echo "ptviz: dpkg-buildpackage failed (the log's end above)" >&2
	exit 1
}
for deb in "$tmp"/ptviz_*.deb; do
	cp "$deb" "$out/"
	echo "$out/$(basename "$deb")"
done
