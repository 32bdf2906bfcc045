# Pictures on the screen: --svg and --png with a live run on the screen
# are written when it ends, the same bytes as its recording converts to;
# `d` draws the moment shown -- in time travel, 20 events before the end
# of a replay -- to a new SVG and PNG named after the seed, whose done
# squares are the threads done by then, no more.
. tests/e2e/lib.sh
. tests/e2e/tui.bash
rec=$PWD/tests/e2e/data/classic-5x3-seed183.jsonl
cd "$TMPD" || fail "no $TMPD"

tui_start 120 40 -p 3 -t 2 -s 0.3 --seed 5 --record live.jsonl --svg live.svg --png live.png
WAIT_S=15 tm_wait_for ' finished'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
tm kill-session -t t
"$PTVIZ" --replay live.jsonl --svg conv.svg --png conv.png || fail "conversion: exit $?"
cmp -s live.svg conv.svg || fail "the screen's SVG differs from its recording's"
cmp -s live.png conv.png || fail "the screen's PNG differs from its recording's"

tui_start 120 40 --replay "$rec"
tm_wait_for 'playing ×1'
tm send-keys -t t '}'
for _ in $(seq 1 20); do tm send-keys -t t ,; done
tm send-keys -t t d
tm_wait_for 'drew the moment shown to ptviz-183-[0-9]{8}-[0-9]{6}(-[0-9])?\.svg and ptviz-183-'
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
svg=$(ls ptviz-183-*.svg) png=$(ls ptviz-183-*.png) || fail "no pictures: $(ls)"
xmllint --noout "$svg" || fail "xmllint refused $svg"
/usr/bin/python3 - "$png" "$rec" <<'PY' || fail "the picture is not of the moment shown"
import json, sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
events = [json.loads(l) for l in open(sys.argv[2])][1:]
shown = events[:len(events) - 20]
done = sum(1 for e in shown if e["event"] == "done" and e["thread"] > 0)
assert 0 < done < 15, done
px = im.load()
rows = [y for y in range(im.size[1])
        if any(px[x, y] == (0, 95, 175) for x in range(0, im.size[0], 2))]
bands = sum(1 for a, b in zip([-2] + rows, rows) if b != a + 1)
assert bands == done + 1, (bands, done)   # and the legend's
PY
exit 0
