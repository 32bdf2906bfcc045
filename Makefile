# ptviz -- see README.md.  `make run` and `make test` install what they need.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
# bash-completion looks here for /usr and /usr/local (XDG_DATA_DIRS) alike.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
CC	?= cc
CFLAGS	?= -O2 -g
LDFLAGS	?=
# The user's (or dpkg-buildflags') preprocessor flags: -D_FORTIFY_SOURCE.
CPPFLAGS ?=

# The version has one home, debian/changelog's first line (where a release
# is written down anyway): --version and the package both read it.
VERSION	:= $(shell awk -F'[()]' 'NR == 1 { print $$2 }' debian/changelog)

PKGS	 = ncursesw libbsd-overlay json-c cairo
WARN	 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wpointer-arith -Wcast-qual -Wwrite-strings \
	   -Wformat=2 -Wundef -Wvla -Wno-unused-parameter
# Required flags, kept apart from the user's CFLAGS.  _GNU_SOURCE is defined
# here and nowhere else (ncursesw's flags define _XOPEN_SOURCE).
PT_CFLAGS  = -std=c11 -D_GNU_SOURCE -DPTVIZ_VERSION='"$(VERSION)"' \
	     -pthread $(WARN) $(WERROR) \
	     $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PT_LDLIBS  = -pthread $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

CORE_SRC = src/event.c src/ring.c src/region.c src/duration.c src/model.c \
	   src/model_objects.c src/model_moves.c src/model_query.c \
	   src/busy.c src/cpus.c \
	   src/history.c src/text.c src/jsonl.c src/recording.c \
	   src/recline.c src/recfields.c src/recheck.c src/recwhole.c \
	   src/trace.c \
	   src/outfile.c src/work.c src/scene.c src/child.c src/spawn.c \
	   src/source.c src/limits.c src/proctext.c src/kstat.c src/stats.c \
	   src/spans.c src/quickline.c src/words.c src/beat.c src/steps.c \
	   src/model_traced.c src/tidmap.c src/procpoll.c src/tracer.c src/tracer_attach.c src/tracer_fork.c \
	   src/tracetree.c src/tracesample.c \
	   src/taskinfo.c src/tasknames.c src/ptyout.c \
	   src/syscalls.c src/taskfd.c src/taskcall.c src/taskstate.c \
	   src/taskwords.c src/palette.c src/picture.c
UI_SRC	 = ui/options.c ui/usage.c ui/signals.c \
	   ui/lines/out.c ui/lines/stream.c ui/lines/faults.c \
	   ui/lines/plain.c ui/lines/json.c ui/lines/runs.c \
	   ui/screen/base/theme.c ui/screen/base/state.c \
	   ui/screen/base/names.c ui/screen/base/output.c \
	   ui/screen/features/travel.c ui/screen/features/files.c \
	   ui/screen/features/kernel.c ui/screen/features/many.c \
	   ui/screen/features/share.c ui/screen/features/typing.c \
	   ui/screen/features/step.c \
	   ui/screen/views/header.c ui/screen/views/grid.c \
	   ui/screen/views/grid_geom.c ui/screen/views/grid_cell.c \
	   ui/screen/views/timeline.c ui/screen/views/timeline_geom.c \
	   ui/screen/views/timeline_bars.c ui/screen/views/timeline_share.c \
	   ui/screen/views/timeline_frame.c \
	   ui/screen/views/log.c \
	   ui/screen/views/details.c ui/screen/views/code.c ui/screen/views/batch.c \
	   ui/screen/keys/keys.c ui/screen/keys/act.c ui/screen/keys/lesson.c \
	   ui/screen/keys/nav.c \
	   ui/screen/loop/layout.c ui/screen/loop/terminal.c \
	   ui/screen/loop/framelog.c ui/screen/loop/session.c \
	   ui/screen/loop/tui.c
CORE_OBJ = $(CORE_SRC:%.c=$(O)/%.o)
UI_OBJ	 = $(UI_SRC:%.c=$(O)/%.o)

# Build directory: `make` builds in build/, the sanitizer targets elsewhere.
O	?= build
BIN	 = $(O)/ptviz

.PHONY: all run test check-deps deps asan ubsan san install uninstall clean bench \
	deb

all: $(BIN)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BIN): $(CORE_OBJ) $(UI_OBJ) $(O)/ui/main.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PT_LDLIBS)

-include $(wildcard $(O)/src/*.d $(O)/ui/*.d $(O)/ui/*/*.d \
    $(O)/ui/*/*/*.d $(O)/tests/*.d)

# Installs the Debian packages a target needs when they are missing.
deps:
	@sh tests/deps.sh build

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN)

include tests/tests.mk
include tests/bench/bench.mk

# The same files as the Debian package: the binary, ptviz(1), the completion.
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/ptviz
	install -m 644 doc/ptviz.1 $(DESTDIR)$(MANDIR)/man1/ptviz.1
	install -m 644 doc/ptviz.bash $(DESTDIR)$(BASHCOMPDIR)/ptviz

# build/ptviz_VERSION_ARCH.deb, made by dpkg-buildpackage in a copy of the
# tree (it writes beside the tree and cleans in it).
deb:
	@sh tests/deps.sh deb
	sh tests/deb.sh build

# PNG pictures of real runs, for README.md: tmux and Debian's python3-pil.
.PHONY: screenshots
screenshots: $(BIN)
	@sh tests/deps.sh shots
	PTVIZ=$(BIN) bash tests/screenshots.sh

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ptviz $(DESTDIR)$(MANDIR)/man1/ptviz.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/ptviz

clean:
	rm -rf build build-asan build-ubsan build-san build-tsan build-fuzz

# The golden screens and the usage of tests/golden/ written anew from this
# build, when a change to them is meant: look at `git diff tests/golden`
# after.
.PHONY: golden
golden: $(BIN)
	@sh tests/deps.sh test
	GOLDEN_UPDATE=1 PTVIZ=$(BIN) bash tests/e2e/golden_screens.sh
	GOLDEN_UPDATE=1 PTVIZ=$(BIN) bash tests/e2e/help_and_version.sh
