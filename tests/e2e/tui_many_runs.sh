# Many runs on the screen: m runs the same configuration 20 times with the
# same seed, the lines under the header follow it, and at the end a table
# says how often each process finished 1st, 2nd, ...: every rank column
# and every process row sums to 20.  Any key closes the table.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 -p 4 -t 2 -s 0 --seed 3
tm_wait_for '^elapsed .* finished'
tm send-keys -t t m
tm_wait_for '^Many ▸ many runs: [0-9]+ of 20 done, all with seed 3'
WAIT_S=60 tm_wait_for '20 runs, seed 3: who finished where'
tm_wait_for '^Many ▸ many runs: 20 of 20 done'
tm_screen | /usr/bin/python3 -c '
import re, sys
rows = [l for l in sys.stdin.read().splitlines() if re.search(r"│ Process-\d ", l)]
if len(rows) != 4:
    sys.exit(f"table rows: {rows}")
table = []
for l in rows:
    cells = l.split("│")[1].split()[1:]
    nums = [int(c) for c in cells if c.isdigit()]
    table.append(nums[:5])
for r in range(4):
    if sum(row[r] for row in table) != 20:
        sys.exit(f"rank {r + 1} sums to {sum(row[r] for row in table)}: {table}")
for i, row in enumerate(table):
    if sum(row) != 20:
        sys.exit(f"Process-{i + 1} sums to {sum(row)}: {table}")
' || fail "the table does not add up: $(tm_screen)"
tm_wait_for '[0-9]+ different finishing orders? in 20 runs'
tm send-keys -t t x
sleep 0.5
tm_screen | grep -q 'who finished where' && fail "the table did not close"
family=$(tui_family)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
WAIT_S=5 wait_until tui_all_gone $family || fail "left behind: $family"
exit 0
