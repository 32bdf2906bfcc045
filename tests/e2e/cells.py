"""cells.py: a pane's text with its colours (tmux capture-pane -e -p, on
stdin), written in one canonical form (on stdout) so that two captures of
the same cells compare equal however tmux chose to emit them.

tmux writes an attribute change where it happens to meet one: a reset at
the end of a line or at the start of the next, colours carried across
lines.  Here every line starts plain, and each run of cells of one look is
marked once before it: {fg=231 bold}Process-1{} -- a space's look counts
only where it shows (its background, reverse, underline), and spaces that
end a line and show nothing are left out.  Used by golden_screens.sh.
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")
# What a space shows of its look.
SPACE_SHOWS = ("bg", "reverse", "underline")
FLAGS = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink",
         7: "reverse", 8: "hidden", 9: "strike"}
OFF = {21: ("bold",), 22: ("bold", "dim"), 23: ("italic",),
       24: ("underline",), 25: ("blink",), 27: ("reverse",),
       28: ("hidden",), 29: ("strike",)}


def colour(codes, i):
    """The colour that codes[i] starts (38 or 48 and what follows): its
    name and the index of the next code."""
    if i + 1 < len(codes) and codes[i + 1] == 5 and i + 2 < len(codes):
        return str(codes[i + 2]), i + 3
    if i + 1 < len(codes) and codes[i + 1] == 2 and i + 4 < len(codes):
        return "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]), i + 5
    return None, i + 1


def apply(look, params):
    """The look after the SGR sequence of params ("1;38;5;231")."""
    codes = [int(c) if c else 0 for c in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            look.clear()
        elif c in FLAGS:
            look[FLAGS[c]] = True
        elif c in OFF:
            for f in OFF[c]:
                look.pop(f, None)
        elif c in (38, 48):
            name, i = colour(codes, i)
            if name is not None:
                look["fg" if c == 38 else "bg"] = name
            continue
        elif c == 39:
            look.pop("fg", None)
        elif c == 49:
            look.pop("bg", None)
        elif 30 <= c <= 37 or 90 <= c <= 97:
            look["fg"] = "c%d" % c
        elif 40 <= c <= 47 or 100 <= c <= 107:
            look["bg"] = "c%d" % c
        i += 1
    return look


def shown(look, ch):
    """What a cell of this look shows: all of it, or for a space only what
    a space can show."""
    keys = SPACE_SHOWS if ch == " " else look.keys()
    return tuple(sorted((k, look[k]) for k in keys if k in look))


def mark(key):
    return "{" + " ".join(k if v is True else "%s=%s" % (k, v)
                          for k, v in key) + "}"


def canonical(text):
    look = {}
    out = []
    for line in text.split("\n"):
        cells = []
        pos = 0
        for m in SGR.finditer(line):
            cells += [(ch, shown(look, ch)) for ch in line[pos:m.start()]]
            apply(look, m.group(1))
            pos = m.end()
        cells += [(ch, shown(look, ch)) for ch in line[pos:]]
        while cells and cells[-1] == (" ", ()):
            cells.pop()
        s, cur = [], ()
        for ch, key in cells:
            # A space under a mark shows what it would show alone.
            if key != cur and not (ch == " " and key == tuple(
                    kv for kv in cur if kv[0] in SPACE_SHOWS)):
                s.append(mark(key))
                cur = key
            s.append(ch)
        out.append("".join(s))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(canonical(sys.stdin.read()))
