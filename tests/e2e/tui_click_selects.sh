# A click selects what is under it, in the grid and in the timeline, as
# the details pane says: a thread's cell, a process's name (its row, the
# thread kept), a thread's row of the timeline; a click on nothing
# changes nothing.  The clicks are X10 mouse reports typed into the pane,
# as a terminal sends them.  On a busy machine a report can reach ptviz
# cut in two and be taken for keys: each click is tried again, from where
# the screen shows its target then.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

# Click the left button at column $1, row $2 of the pane (0-based).
click() {
	local b x y
	b=$(printf '\\%03o' 32) x=$(printf '\\%03o' $(($1 + 33))) y=$(printf '\\%03o' $(($2 + 33)))
	tm send-keys -t t -l "$(printf "\033[M$b$x$y")"
	b=$(printf '\\%03o' 35)
	tm send-keys -t t -l "$(printf "\033[M$b$x$y")"
}

# The row and column where the screen shows the extended regexp $1 first
# (its first character), as "COL ROW".
where() {
	tm_screen | awk -v re="$1" '{ if (match($0, re)) { print RSTART - 1, NR - 1; exit } }'
}

# The column of the third cell of Process-4's row (Thread-3), and the row:
# counted in characters, as the cells' glyphs and fills are not ASCII.
third_cell() {
	tm_screen | python3 -c '
import re, sys
for n, line in enumerate(sys.stdin):
    if re.match(r"^..Process-4 ", line):
        cells = [m.start() for m in re.finditer(sys.argv[1], line)]
        if len(cells) >= 3:
            print(cells[2], n)
        break
' "$CELL_GLYPHS"
}

# The name of Process-2, two columns in.
second_name() {
	local col row
	read -r col row < <(where 'Process-2 ')
	echo "$((col + 2)) $row"
}

# The timeline's row of Thread-2 of Process-5.
timeline_row() {
	local row
	read -r _ row < <(where 'Process-5  ')
	echo "4 $((row + 2))"
}

# Click where function $1 says until the details pane shows $2; five
# tries, three seconds each.
click_until() {
	local i col row
	for i in 1 2 3 4 5; do
		read -r col row < <("$1")
		[ -n "$row" ] && click "$col" "$row"
		WAIT_S=3 wait_until sh -c "tmux -L '$TMUX_SOCK' -f /dev/null capture-pane -t t -p | grep -q -- \"\$0\"" "$2" &&
			return 0
	done
	tm_screen >&2
	fail "a click never selected $2"
}

tui_start 120 40 -p 5 -t 3 -s 30 --seed 3
tm_wait_for 'Process-1 · Thread-1'
click_until third_cell 'Process-4 · Thread-3'
click_until second_name 'Process-2 · Thread-3'
click 5 37
sleep 0.3
tm_screen | grep -q 'Process-2 · Thread-3' || fail "a click on nothing moved the selection"
tm send-keys -t t t
tm_wait_for '^  time \(s\)'
click_until timeline_row 'Process-5 · Thread-2'
tm send-keys -t t q
wait_until tui_all_gone "$MAIN" || fail "ptviz did not quit"
exit 0
