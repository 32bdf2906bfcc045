# Every header compiles on its own, and the core never includes curses or
# anything from ui/.
. tests/e2e/lib.sh

flags="-std=c11 -D_GNU_SOURCE $(pkg-config --cflags ncursesw libbsd-overlay)"
for h in src/*.h $(find ui -name "*.h" | sort); do
	echo "#include \"$PWD/$h\"" | ${CC:-cc} $flags -Wall -Werror -fsyntax-only -x c - ||
		fail "$h does not compile alone"
done
! grep -nE '#include[[:space:]]*[<"](n?curses|ncursesw/curses|term)\.h|#include[[:space:]]*"\.\./ui/' src/*.[ch] ||
	fail "src/ includes the front end"
exit 0
