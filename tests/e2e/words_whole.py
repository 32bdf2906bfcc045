#!/usr/bin/env python3
"""words_whole.py: is every text on a captured screen whole?

    words_whole.py screen BINARY SCREEN_FILE [SCENE_TEXT_FILE]
    words_whole.py same WIDE_FILE NARROW_FILE

`screen`: SCREEN_FILE is `tmux capture-pane -p` of ptviz at any size,
showing the grid or the timeline.  It checks that
  - the header's rows (above the body) never reach the last column: a text
    that wraps leaves it free, a text cut at the edge fills it;
  - the caption, if SCENE_TEXT_FILE (the scene's two lines, as
    `ptviz --scenes` prints them) is given, shows every word of those lines
    once, in order, whole;
  - the details' rows (at the screen's right edge) never reach the last
    column either: a value too long goes on below;
  - every word of the log's lines is a word the program can write: a word
    of a string in BINARY (a printf number or string standing for any
    text), a short name (P1, T2), or a whole word with an ellipsis after
    it ("…").
`same`: WIDE_FILE and NARROW_FILE are the help's pages at two sizes, one
after another; the narrow pages must hold the same words as the wide ones,
in the same order, but for the box and its bottom line.
A fault is printed, one a line; the exit status is 1 if there was one.
"""
import re
import sys

SPEC = re.compile(r"%[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t)?([sdiufgxc%])")


def vocabulary(binary):
    """One regex matching any word of the strings in the binary."""
    with open(binary, "rb") as f:
        data = f.read()
    words = set()
    for chunk in re.split(rb"[^\x20-\x7e\x80-\xff]+", data):
        if len(chunk) < 3:
            continue
        text = chunk.decode("utf-8", "ignore")
        for w in text.split():
            # The byte before a string may read as a character of it.
            words.update((w, w[1:]))
    alts = []
    for w in words:
        # A word that is a spec alone, or with a sign, stands for any text:
        # no help in telling a whole word from a cut one.
        bare = SPEC.sub("", w)
        if "%" in w and len(re.sub(r"[^A-Za-z]", "", bare)) < 2:
            continue
        out, pos = "", 0
        for m in SPEC.finditer(w):
            out += re.escape(w[pos:m.start()])
            out += {"s": r"\S+", "%": "%"}.get(m.group(1), r"[-+0-9.e]+")
            pos = m.end()
        out += re.escape(w[pos:])
        alts.append(out)
    alts.append(r"[PT][0-9]+[:,.]?")
    alts.append(r"[-+]?[0-9.]+[:,.)]*")
    return re.compile("^(?:" + "|".join(alts) + ")$")


def word_ok(vocab, w):
    if vocab.match(w):
        return True
    for end in ("…", "..."):
        if w.endswith(end) and len(w) > len(end):
            stem = w[:-len(end)]
            return any(vocab.match(stem + p) for p in ("", ",", ":", ";", "."))
    return False


def body_top(rows):
    """The first row of the body: the grid's header, or the log's rule."""
    for i, r in enumerate(rows):
        if re.match(r"^  process +pid state", r) or r.startswith("── log"):
            return i
    return len(rows)


def check_screen(binary, screen, scene):
    rows = open(screen, encoding="utf-8").read().split("\n")
    while rows and rows[-1] == "":
        rows.pop()
    width = max(len(r) for r in rows)
    faults = []
    top = body_top(rows)
    for i in range(top):
        if len(rows[i].rstrip()) >= width:
            faults.append("header row %d reaches the last column: %r"
                          % (i + 1, rows[i]))
    if scene:
        want = open(scene, encoding="utf-8").read().split()
        got, on = [], False
        for r in rows[:top]:
            m = re.match(r"^Scene [0-9]+ ▸ (.*)", r)
            if m:
                on, indent = True, r.index("▸") + 2
                got += m.group(1).split()
            elif on and r[:indent].strip() == "" and r.strip():
                got += r.split()
            elif on:
                break
        if got != want:
            faults.append("caption shows %r, not %r" % (" ".join(got),
                                                        " ".join(want)))
    vocab = vocabulary(binary)
    log = next((i for i, r in enumerate(rows) if r.startswith("── log")),
               None)
    if log is not None:
        # The details' pane starts three before its title.
        m = re.search(r"── (Process-[0-9]+ . Thread-[0-9]+) ─", rows[log])
        split = m.start() if m else width
        for r in rows[log + 1:-1]:
            left, right = r[:split], r[split:]
            if len(r.rstrip()) >= width and split < width:
                faults.append("a details' row reaches the last column: %r"
                              % r)
            m = re.match(r"^ *[0-9.]+ s  (.*)$", left.rstrip())
            for w in m.group(1).split() if m else []:
                if not word_ok(vocab, w):
                    faults.append("a word the program never writes, cut? "
                                  "%r in %r" % (w, left.rstrip()))
    return faults


def help_words(path):
    """The words inside the help's boxes, page after page."""
    words, x0, x1 = [], None, None
    for r in open(path, encoding="utf-8").read().split("\n"):
        if "┌─ ptviz keys" in r:
            x0, x1 = r.index("┌"), r.index("┐")
        elif x0 is not None and r[x0:x0 + 1] == "└":
            x0 = None
        elif x0 is not None:
            words += r[x0 + 1:x1].split()
    return words


def main(argv):
    if len(argv) >= 4 and argv[1] == "screen":
        faults = check_screen(argv[2], argv[3],
                              argv[4] if len(argv) > 4 else None)
    elif len(argv) == 4 and argv[1] == "same":
        wide, narrow = help_words(argv[2]), help_words(argv[3])
        faults = []
        if wide != narrow:
            faults.append("the help's words differ:\n  wide   %s\n  narrow %s"
                          % (" ".join(wide), " ".join(narrow)))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
