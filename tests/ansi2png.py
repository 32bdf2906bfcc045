#!/usr/bin/python3
"""ansi2png.py: render a terminal capture (tmux capture-pane -e -p) to PNG.

usage: ansi2png.py CAPTURE.ans OUT.png [COLS ROWS]

Reads text with SGR escape sequences (the 16 colours, the 256-colour
palette and truecolor; bold, dim, italic, underline, reverse) and draws
each cell on a grid of DejaVu Sans Mono.  Block elements and box-drawing
lines are drawn as shapes, not glyphs, so fills and rules join up without
gaps whatever the font's metrics.  Run it with Debian's python3, which sees
python3-pil and fonts-dejavu-core.
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONT_SIZE = 18
PAD = 12
DEFAULT_FG = (220, 220, 220)
DEFAULT_BG = (24, 24, 28)

# The 16 basic colours (xterm's defaults, slightly softened).
BASIC = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def colour256(n):
    """The RGB of xterm-256 colour n."""
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return (v, v, v)


class Pen:
    """The SGR state: colours and attributes of the next cell."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = False
        self.underline = self.reverse = False

    def apply(self, params):
        p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
        i = 0
        while i < len(p):
            c = p[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASIC[c - 30]
            elif 40 <= c <= 47:
                self.bg = BASIC[c - 40]
            elif 90 <= c <= 97:
                self.fg = BASIC[c - 90 + 8]
            elif 100 <= c <= 107:
                self.bg = BASIC[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(p):
                if p[i + 1] == 5 and i + 2 < len(p):
                    rgb = colour256(p[i + 2])
                    i += 2
                elif p[i + 1] == 2 and i + 4 < len(p):
                    rgb = tuple(p[i + 2:i + 5])
                    i += 4
                else:
                    rgb = None
                if c == 38:
                    self.fg = rgb
                else:
                    self.bg = rgb
            i += 1

    def cell(self, ch):
        """The cell ch drawn with this pen: (ch, fg, bg, bold, italic, ul)."""
        fg = self.fg or DEFAULT_FG
        bg = self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return (ch, fg, bg, self.bold, self.italic, self.underline)


SGR = re.compile(r"\x1b\[([0-9;]*)m")
OTHER = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|[()][0-9A-Za-z]|.)")


def parse(text, cols, rows):
    """The grid of cells the capture shows."""
    pen = Pen()
    blank = pen.cell(" ")
    grid = [[blank] * cols for _ in range(rows)]
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                pen.apply(m.group(1))
                pos = m.end()
                continue
            m = OTHER.match(line, pos)
            if m:
                pos = m.end()
                continue
            if x < cols:
                grid[y][x] = pen.cell(line[pos])
            x += 1
            pos += 1
    return grid


def block(draw, ch, x0, y0, w, h, fg):
    """Draw a block element or box-drawing character as shapes; False if
    ch is neither."""
    o = ord(ch)
    if o == 0x2588:                             # full block
        draw.rectangle([x0, y0, x0 + w - 1, y0 + h - 1], fill=fg)
    elif 0x2581 <= o <= 0x2587:                 # lower 1/8 .. 7/8
        eighths = o - 0x2580
        draw.rectangle([x0, y0 + h - h * eighths // 8, x0 + w - 1,
                        y0 + h - 1], fill=fg)
    elif 0x2589 <= o <= 0x258F:                 # left 7/8 .. 1/8
        eighths = 0x2590 - o
        draw.rectangle([x0, y0, x0 + w * eighths // 8 - 1, y0 + h - 1],
                       fill=fg)
    elif o in (0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518):
        cx, cy = x0 + w // 2, y0 + h // 2
        t = max(1, FONT_SIZE // 14)
        left = o in (0x2500, 0x2510, 0x2518)
        right = o in (0x2500, 0x250C, 0x2514)
        up = o in (0x2502, 0x2514, 0x2518)
        down = o in (0x2502, 0x250C, 0x2510)
        if left:
            draw.rectangle([x0, cy, cx, cy + t - 1], fill=fg)
        if right:
            draw.rectangle([cx, cy, x0 + w - 1, cy + t - 1], fill=fg)
        if up:
            draw.rectangle([cx, y0, cx + t - 1, cy], fill=fg)
        if down:
            draw.rectangle([cx, cy, cx + t - 1, y0 + h - 1], fill=fg)
    else:
        return False
    return True


def render(grid, out):
    fonts = {
        (b, i): ImageFont.truetype(FONT_DIR + name, FONT_SIZE)
        for (b, i), name in {
            (False, False): "DejaVuSansMono.ttf",
            (True, False): "DejaVuSansMono-Bold.ttf",
            (False, True): "DejaVuSansMono-Oblique.ttf",
            (True, True): "DejaVuSansMono-BoldOblique.ttf",
        }.items()
    }
    base = fonts[(False, False)]
    w = round(base.getlength("M"))
    ascent, descent = base.getmetrics()
    h = ascent + descent + 2
    rows, cols = len(grid), len(grid[0])
    img = Image.new("RGB", (cols * w + 2 * PAD, rows * h + 2 * PAD),
                    DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(grid):
        for x, (ch, fg, bg, bold, italic, ul) in enumerate(row):
            x0, y0 = PAD + x * w, PAD + y * h
            if bg != DEFAULT_BG:
                draw.rectangle([x0, y0, x0 + w - 1, y0 + h - 1], fill=bg)
            if ch != " " and not block(draw, ch, x0, y0, w, h, fg):
                draw.text((x0, y0 + 1), ch, font=fonts[(bold, italic)],
                          fill=fg)
            if ul:
                draw.line([x0, y0 + h - 2, x0 + w - 1, y0 + h - 2], fill=fg)
    img.save(out)


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__.split("\n\n")[1])
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read().rstrip("\n")
    if len(sys.argv) == 5:
        cols, rows = int(sys.argv[3]), int(sys.argv[4])
    else:
        lines = text.split("\n")
        cols = max(len(SGR.sub("", l)) for l in lines)
        rows = len(lines)
    render(parse(text, cols, rows), sys.argv[2])


if __name__ == "__main__":
    main()
