"""big_digits.py: the ranks a grid of big cells shows (a screen on stdin),
read back from their block digits: one line "PROC THREAD RANK" a done cell,
and "PROC THREAD -" for a done cell whose rank cannot be read.  The
process and thread numbers are read the same way, from the row's name
and the column heading.  Used by tui_big_cells_big_ranks.sh.
"""
import sys

FONT = {("█▀█", "█▄█"): "0", ("▄█ ", "▄█▄"): "1", ("▀▀█", "█▄▄"): "2",
        ("▀██", "▄▄█"): "3", ("█ █", "▀▀█"): "4", ("█▀▀", "▄▄█"): "5",
        ("█▄▄", "█▄█"): "6", ("▀▀█", "  █"): "7", ("███", "█▄█"): "8",
        ("█▀█", "▀▀█"): "9"}


def number(top, bottom, x):
    """The big number whose first digit starts at column x, or None."""
    digits = ""
    while (top[x:x + 3].ljust(3), bottom[x:x + 3].ljust(3)) in FONT:
        digits += FONT[(top[x:x + 3].ljust(3), bottom[x:x + 3].ljust(3))]
        x += 4
    return int(digits) if digits else None


def main():
    lines = [l.rstrip("\n") for l in sys.stdin]
    width = max(len(l) for l in lines) + 8
    lines = [l.ljust(width) for l in lines]
    head = next(k for k, l in enumerate(lines) if l.startswith("  process "))
    cols = {}
    for x in range(len(lines[head])):
        if lines[head][x] != " " and lines[head][x - 1] == " " and \
                x > lines[head].index("state") + 5:
            n = number(lines[head], lines[head + 1], x)
            if n is not None:
                cols[x] = n
    for k, l in enumerate(lines):
        if not l.startswith("  Process ") and not l.startswith("↑ Process "):
            continue
        proc = number(l, lines[k + 1], 10)
        for x, thread in sorted(cols.items()):
            if l[x] != "✓" and l[x - 1] not in "▕ ":
                continue
            cell = x if l[x] == "✓" else None
            if cell is None:
                continue
            rank = number(l, lines[k + 1], cell + 2)
            print(proc, thread, rank if rank is not None else "-")


main()
