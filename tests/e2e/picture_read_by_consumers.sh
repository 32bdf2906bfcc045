# The pictures of a run (--svg, --png) are read by real consumers: xmllint
# reads the SVG, rsvg-convert renders it without a word on stderr at the
# PNG's size, headless Chromium loads it and shows its bars; the PNG is
# 1920 pixels wide, on the dark ground, with one bar of the sleeping
# colour a thread, each as long as that thread slept in the recording (to
# two pixels), and a done square a thread.  A live run's pictures are the
# bytes its replay converts to, and a run of more rows than a picture
# holds folds into a row a process.
. tests/e2e/lib.sh

for c in xmllint rsvg-convert chromium; do
	command -v $c >/dev/null || fail "no $c: make test installs it (tests/deps.sh)"
done
/usr/bin/python3 -c 'import PIL' 2>/dev/null ||
	fail "no python3-pil: make test installs it (tests/deps.sh)"

rec=tests/e2e/data/classic-5x3-seed183.jsonl
"$PTVIZ" --replay $rec --svg "$TMPD/a.svg" --png "$TMPD/a.png" >"$TMPD/out" 2>&1 ||
	fail "--replay --svg --png: exit $? $(cat "$TMPD/out")"
[ ! -s "$TMPD/out" ] || fail "the conversion printed: $(cat "$TMPD/out")"

xmllint --noout "$TMPD/a.svg" 2>"$TMPD/xml.err" ||
	fail "xmllint refused the SVG: $(cat "$TMPD/xml.err")"
rsvg-convert "$TMPD/a.svg" -o "$TMPD/rsvg.png" 2>"$TMPD/rsvg.err" ||
	fail "rsvg-convert refused the SVG: $(cat "$TMPD/rsvg.err")"
[ ! -s "$TMPD/rsvg.err" ] || fail "rsvg-convert warned: $(cat "$TMPD/rsvg.err")"
# Chromium's sandbox needs user namespaces a container as root lacks.
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	--window-size=1920,600 --screenshot="$TMPD/chromium.png" \
	"file://$TMPD/a.svg" >"$TMPD/chromium.out" 2>&1 ||
	fail "chromium could not load the SVG: $(tail -3 "$TMPD/chromium.out")"

/usr/bin/python3 - "$TMPD" $rec <<'PY' || fail "the pictures show something else"
import json, sys
from PIL import Image
d, rec = sys.argv[1], sys.argv[2]
GROUND, SLEEPING, DONE = (28, 28, 28), (255, 175, 0), (0, 95, 175)

png = Image.open(d + "/a.png").convert("RGB")
assert png.size[0] == 1920, png.size
rsvg = Image.open(d + "/rsvg.png").convert("RGB")
assert rsvg.size == png.size, (rsvg.size, png.size)

def bars(im, colour):
    """Runs of rows holding colour: (first row, longest run of it)."""
    w, h = im.size
    px = im.load()
    out, y = [], 0
    while y < h:
        n = max_run = 0
        for x in range(w):
            n = n + 1 if px[x, y] == colour else 0
            max_run = max(max_run, n)
        if max_run == 0:
            y += 1
            continue
        top = y
        while y < h and any(px[x, y] == colour for x in range(0, w, 2)):
            y += 1
        out.append((top, max_run))
    return out

for name, im in (("png", png), ("rsvg", rsvg)):
    px = im.load()
    for corner in ((0, 0), (im.size[0] - 1, im.size[1] - 1)):
        assert px[corner] == GROUND, (name, corner, px[corner])

# A bar a thread, in order, as long as its sleep; the legend's swatch is
# the last band.
slept, start = {}, {}
for line in open(rec):
    e = json.loads(line)
    key = (e.get("proc"), e.get("thread"))
    if e.get("event") == "sleeping":
        start[key] = e["t_ns"]
    elif e.get("event") == "done" and key in start:
        slept[key] = e["t_ns"] - start[key]
want = [slept[(i, j)] for i in range(1, 6) for j in range(1, 4)]
got = bars(png, SLEEPING)
assert len(got) == 15 + 1, [g[0] for g in got]
lengths = [g[1] for g in got[:15]]
scale = max(lengths) / max(want)
for n, (px_len, ns) in enumerate(zip(lengths, want)):
    assert abs(px_len - ns * scale) <= 2, (n, px_len, ns * scale)
assert len(bars(png, DONE)) == 15 + 1

shot = Image.open(d + "/chromium.png").convert("RGB")
colours = set(shot.getdata())
assert GROUND in colours and SLEEPING in colours and DONE in colours, \
    "chromium showed no bars"
PY

# A live run's pictures are its replay's, byte for byte.
"$PTVIZ" --plain -p 3 -t 2 -s 0.2 --seed 4 --record "$TMPD/r.jsonl" \
	--svg "$TMPD/live.svg" --png "$TMPD/live.png" >/dev/null 2>&1 ||
	fail "live run: exit $?"
"$PTVIZ" --replay "$TMPD/r.jsonl" --svg "$TMPD/conv.svg" --png "$TMPD/conv.png" ||
	fail "conversion: exit $?"
cmp -s "$TMPD/live.svg" "$TMPD/conv.svg" || fail "the live SVG differs from its replay's"
cmp -s "$TMPD/live.png" "$TMPD/conv.png" || fail "the live PNG differs from its replay's"

# 40 x 2 is 120 rows: folded, a row of levels a process.
"$PTVIZ" --plain -p 40 -t 2 -s 0.2 --seed 4 --png "$TMPD/fold.png" >/dev/null 2>&1 ||
	fail "folded run: exit $?"
/usr/bin/python3 - "$TMPD/fold.png" <<'PY' || fail "the 40 x 2 run is not folded"
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
px = im.load()
rows = [y for y in range(im.size[1])
        if any(px[x, y] == (255, 175, 0) for x in range(300, 1800, 3))]
bands = sum(1 for a, b in zip([-2] + rows, rows) if b != a + 1)
assert im.size[1] < 40 * 2 * 26, im.size
assert bands <= 40 + 1, bands
PY
exit 0
