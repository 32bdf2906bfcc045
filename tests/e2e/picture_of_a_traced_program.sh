# A traced program drawn: `sh -c 'sleep 1.5 & sleep 1.5 & wait'` with
# --svg and --png -- sleeps far longer than the sampling period, so
# nothing rests on a sample's luck -- gives a row a process and a thread
# (6 rows: not folded), named by their programs, the two sleeps as bars
# of the sleeping colour and sh's wait for them as a line in a colour of
# waiting (the screen's: for a child, a signal or a call, as the shell
# waits); xmllint and rsvg-convert read the SVG; its recording converts
# to the same pictures, byte for byte.
. tests/e2e/lib.sh

command -v rsvg-convert >/dev/null || fail "no rsvg-convert: make test installs it (tests/deps.sh)"
cd "$TMPD" || fail "no $TMPD"
"$PTVIZ" --plain --record r.jsonl --svg live.svg --png live.png \
	-- sh -c 'sleep 1.5 & sleep 1.5 & wait' >out 2>err ||
	fail "exit $?: $(cat err)"
xmllint --noout live.svg || fail "xmllint refused the SVG"
rsvg-convert live.svg -o rsvg.png 2>rsvg.err || fail "rsvg-convert refused the SVG"
[ ! -s rsvg.err ] || fail "rsvg-convert warned: $(cat rsvg.err)"
"$PTVIZ" --replay r.jsonl --svg conv.svg --png conv.png || fail "conversion: exit $?"
cmp -s live.svg conv.svg || fail "the live SVG differs from its recording's"
cmp -s live.png conv.png || fail "the live PNG differs from its recording's"
/usr/bin/python3 - live.png <<'PY' || fail "the picture is not of sh and its two sleeps"
import sys
from PIL import Image
SLEEPING, STOPPED = (255, 175, 0), (255, 255, 95)
WAITS = {(255, 95, 95), (175, 135, 255), (95, 215, 135), (188, 188, 188)}
im = Image.open(sys.argv[1]).convert("RGB")
w, h = im.size
px = im.load()
assert w == 1920, im.size
# The legend is the row of the stopped swatch (a stopped thread's).
legend = min(y for y in range(h) for x in range(0, w, 2) if px[x, y] == STOPPED)
def bands(colours):
    rows = [y for y in range(legend)
            if any(px[x, y] in colours for x in range(0, w, 2))]
    return sum(1 for a, b in zip([-2] + rows, rows) if b != a + 1)
# The two sleeps, each on its own row, and sh's wait for them.
assert bands({SLEEPING}) == 2, bands({SLEEPING})
assert bands(WAITS) >= 1, bands(WAITS)
PY
exit 0
