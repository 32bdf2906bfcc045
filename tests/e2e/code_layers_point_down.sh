# Every #include of src/ and ui/ points down the layers of README.md ("How
# the code is laid out"), with no circle: tests/layers.py says so of this
# tree.  And it would say otherwise: in a copy, a view that includes the
# actions, the core that includes the screen, a file in no layer, two
# features that include each other and a .c without its header are each
# found, by file and line.
. tests/e2e/lib.sh

command -v python3 >/dev/null || skip "no python3"
out=$(python3 tests/layers.py .) || fail "the layers do not hold:
$out"

copy() {
	rm -rf "$TMPD/tree"
	mkdir -p "$TMPD/tree"
	cp -r src ui "$TMPD/tree/"
}

# Add line $2 after the first #include of file $1 of the copy.
add_include() {
	sed -i "0,/^#include \"/s||$2\n&|" "$TMPD/tree/$1"
}

# The copy must fail, with a line matching $1.
refused() {
	local why
	why=$(python3 tests/layers.py "$TMPD/tree") &&
		fail "not found: $1"
	grep -qE "$1" <<<"$why" || fail "not said as '$1':
$why"
}

copy
add_include ui/screen/views/grid.c '#include "../keys/act.h"'
refused '^ui/screen/views/grid\.c:[0-9]+: includes ui/screen/keys/act\.h: keys and handlers is above views$'

copy
add_include src/model.c '#include "../ui/screen/base/state.h"'
refused '^src/model\.c:[0-9]+: includes ui/screen/base/state\.h: the screen.s base is above core$'

copy
printf '#include "../lines/stream.h"\n' >"$TMPD/tree/ui/screen/extra.c"
refused '^ui/screen/extra\.c:1: in no layer'

copy
add_include ui/screen/features/travel.c '#include "files.h"'
add_include ui/screen/features/files.c '#include "travel.h"'
refused 'a circle of includes: ui/screen/features/(files -> ui/screen/features/travel -> ui/screen/features/files|travel -> ui/screen/features/files -> ui/screen/features/travel)'

copy
rm "$TMPD/tree/ui/screen/views/log.h"
sed -i '/#include "log.h"/d' "$TMPD/tree/ui/screen/views/log.c"
refused '^ui/screen/views/log\.c:1: has no header of its own$'

copy
printf '#include <curses.h>\n' >>"$TMPD/tree/ui/lines/out.h"
refused '^ui/lines/out\.h:[0-9]+: line front ends never include curses'
exit 0
