# A teacher can slow a scene down for the room and keep its caption:
# `--scene 1 -s 10` runs scene 1 with sleeps up to 10 s (the other options
# a scene fixes are still refused beside it), and `]` / `[` while a scene
# plays keep it; the caption says the sleep is not the scene's, and says
# nothing once it is again.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

"$PTVIZ" --scene 3 -s 0.1 --plain >"$TMPD/out" 2>"$TMPD/err" ||
	fail "--scene 3 -s 0.1 was refused: $(cat "$TMPD/err")"
grep -q '^Main process done\.$' "$TMPD/out" || fail "--scene 3 -s 0.1 did not run"
"$PTVIZ" --scene 1 -s 2 -t 4 --plain >"$TMPD/out" 2>"$TMPD/err" &&
	fail "--scene 1 -t 4 was taken"
grep -q -- '--threads cannot be used with --scene' "$TMPD/err" ||
	fail "the refusal of -t: $(cat "$TMPD/err")"

# Wide enough for the whole caption on its line.
tui_start 200 40 --scene 1 -s 10
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 10 s — seed 183$'
tm_wait_for '^Scene 1 ▸ Five processes of three threads.* Slowed: up to 10 s here, not 3 s\.$'
tm_wait_for '^ +Ask: which process finishes first'
tm send-keys -t t '['
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 5 s — seed 183$'
tm_wait_for '^Scene 1 ▸ .* Slowed: up to 5 s here, not 3 s\.$'
tm send-keys -t t '['
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 3 s — seed 183$'
tm_wait_for '^Scene 1 ▸ .*Watch the order they finish in\.$'
tm send-keys -t t '['
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 2 s — seed 183$'
tm_wait_for '^Scene 1 ▸ .* Sped up: up to 2 s here, not 3 s\.$'
tm send-keys -t t ']'
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 3 s — seed 183$'
tm_wait_for '^Scene 1 ▸ .*Watch the order they finish in\.$'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
exit 0
