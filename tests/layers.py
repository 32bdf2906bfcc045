#!/usr/bin/env python3
"""layers.py: every #include of src/ and ui/ points down the layers.

    layers.py [ROOT]        (ROOT: the checkout; the current directory)

The layers, lowest first (README.md, "How the code is laid out").  A file
may include a header of its own layer or of one below, never above; within
a layer the includes make no circle; every .c but main.c has its own .h
and includes it; the line front ends never include
curses.  Each fault is told as `file:line: what`, and the exit status is 1
if there was one.
"""
import os
import re
import sys

# (layer, path prefix): the first prefix that matches a file's path names
# its layer.  A file that none matches is a fault: a new file takes a row.
LAYERS = [
    ("core", "src/"),
    ("entry's parts", "ui/options."),
    ("entry's parts", "ui/signals."),
    ("entry's parts", "ui/usage."),
    ("line front ends", "ui/lines/"),
    ("the screen's base", "ui/screen/base/"),
    ("features", "ui/screen/features/"),
    ("views", "ui/screen/views/"),
    ("keys and handlers", "ui/screen/keys/"),
    ("the loop", "ui/screen/loop/"),
    ("the entry", "ui/main.c"),
]
ORDER = []
for name, _ in LAYERS:
    if name not in ORDER:
        ORDER.append(name)

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
CURSES = {"curses.h", "ncurses.h", "ncursesw/curses.h", "term.h"}


def layer_of(path):
    for name, prefix in LAYERS:
        if path.startswith(prefix):
            return name
    return None


def sources(root):
    for top in ("src", "ui"):
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.relpath(os.path.join(d, f), root)


def unit(path):
    return os.path.splitext(path)[0]


def check(root):
    faults = []
    edges = {}
    files = sorted(sources(root))
    for path in files:
        here = layer_of(path)
        if here is None:
            faults.append(f"{path}:1: in no layer: give it a row in "
                          "tests/layers.py")
            continue
        own = None
        with open(os.path.join(root, path), encoding="utf-8") as fp:
            for n, line in enumerate(fp, 1):
                m = INCLUDE.match(line)
                if m is None:
                    continue
                kind, name = m.groups()
                if kind == "<":
                    if name in CURSES and here in ("core",
                                                   "line front ends"):
                        faults.append(f"{path}:{n}: {here} never "
                                      f"include curses (<{name}>)")
                    continue
                target = os.path.normpath(
                    os.path.join(os.path.dirname(path), name))
                there = layer_of(target)
                if there is None:
                    faults.append(f"{path}:{n}: includes {name}, in no "
                                  "layer")
                    continue
                if ORDER.index(there) > ORDER.index(here):
                    faults.append(f"{path}:{n}: includes {target}: "
                                  f"{there} is above {here}")
                if unit(target) == unit(path):
                    own = n
                else:
                    edges.setdefault(unit(path), set()).add(unit(target))
        if path.endswith(".c") and path != "ui/main.c":
            if not os.path.exists(os.path.join(root, unit(path) + ".h")):
                faults.append(f"{path}:1: has no header of its own")
            elif own is None:
                faults.append(f"{path}:1: does not include its own header")
    faults += circles(edges)
    return faults


def circles(edges):
    """Each circle of includes between units, once."""
    found, seen = [], set()
    state = {}

    def visit(u, stack):
        state[u] = 1
        stack.append(u)
        for v in sorted(edges.get(u, ())):
            if state.get(v) == 1:
                ring = stack[stack.index(v):]
                key = frozenset(ring)
                if key not in seen:
                    seen.add(key)
                    found.append(f"{ring[0]}: a circle of includes: "
                                 + " -> ".join(ring + [v]))
            elif v not in state:
                visit(v, stack)
        stack.pop()
        state[u] = 2

    for u in sorted(edges):
        if u not in state:
            visit(u, [])
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    faults = check(root)
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
