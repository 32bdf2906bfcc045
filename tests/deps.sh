#!/bin/sh
# deps.sh: install the Debian packages a make target needs, when missing.
#   sh tests/deps.sh build|test|bench|shots|deb
# Says what it installs; uses sudo when not root; does nothing when all are
# there (so it costs nothing on a machine that has them).
set -eu

build="gcc make pkg-config libncurses-dev ncurses-base libbsd-dev libjson-c-dev \
	libcairo2-dev fonts-dejavu-core"
# make deb: the Debian tools (dpkg-buildpackage wants build-essential,
# whatever debian/control says); make test also checks the package with
# lintian and runs its completion with bash-completion.
deb="debhelper dpkg-dev build-essential"
case "${1:-build}" in
build)	want="$build" ;;
test)	want="$build check tmux procps strace python3 valgrind libtsan2 clang mandoc \
	    time libclang-rt-14-dev $deb lintian bash-completion \
	    librsvg2-bin libxml2-utils python3-pil chromium" ;;
bench)	want="$build tmux procps strace jq time libvterm-dev" ;;
shots)	want="$build tmux python3-pil fonts-dejavu-core chromium" ;;
deb)	want="$build $deb" ;;
*)	echo "deps.sh: unknown set '$1'" >&2; exit 2 ;;
esac

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
# The trace test reads an export with speedscope, and the screenshots show
# one in it: node and npm, from Debian unless some node is there already
# (NodeSource's has npm).
node_too=false
case "${1:-build}" in test|shots) node_too=true ;; esac
if $node_too && ! { command -v node && command -v npm; } >/dev/null; then
	missing="$missing nodejs npm"
fi

# speedscope itself, pinned in tests/trace/package-lock.json.
speedscope() {
	$node_too || return 0
	[ -d tests/trace/node_modules/speedscope ] && return 0
	echo "ptviz: installing speedscope from npm (tests/trace) for the trace test"
	npm ci --prefix tests/trace --no-audit --no-fund --loglevel=error >/dev/null
}
if [ -z "$missing" ]; then
	speedscope "${1:-build}"
	exit 0
fi

if ! command -v apt-get >/dev/null; then
	echo "ptviz: missing packages:$missing (no apt-get here: install them by hand)" >&2
	exit 1
fi
sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || {
		echo "ptviz: missing packages:$missing (not root and no sudo)" >&2
		exit 1
	}
	sudo=sudo
fi
echo "ptviz: installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "ptviz: installed:$missing"
speedscope "${1:-build}"
