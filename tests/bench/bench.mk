# bench.mk: `make bench` (included by the Makefile).  It installs what it
# needs, builds ptviz and the bench programs, and runs tests/bench/bench.sh:
# a table of figures against their baselines and goals, then one summary
# line.  Never part of `make test`: a benchmark is not a timed test.

BENCH_DIR = $(O)/bench
BENCH_BIN = $(BENCH_DIR)/ringpipe $(BENCH_DIR)/floor $(BENCH_DIR)/timeit \
	    $(BENCH_DIR)/timetravel $(BENCH_DIR)/bigrec $(BENCH_DIR)/beatcost \
	    $(BENCH_DIR)/taskcost $(BENCH_DIR)/stopcost $(BENCH_DIR)/stepcost

# The ring against a pipe, with ptviz's own ring and region.
$(BENCH_DIR)/ringpipe: tests/bench/ringpipe.c src/ring.c src/region.c \
    src/event.c src/ring.h src/region.h src/event.h
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) \
	    $(PT_LDLIBS)

# What a computing thread's checks and heartbeat cost it: ptviz's beats.
$(BENCH_DIR)/beatcost: tests/bench/beatcost.c src/beat.c src/beat.h
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) \
	    $(PT_LDLIBS)

# A real thread's state from /proc: taskstate and what it reads with.
TASKCOST_SRC = src/taskstate.c src/taskcall.c src/taskfd.c src/syscalls.c \
	       src/kstat.c
$(BENCH_DIR)/taskcost: tests/bench/taskcost.c $(TASKCOST_SRC) \
    $(TASKCOST_SRC:.c=.h)
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) \
	    $(PT_LDLIBS)

# A move of step mode on a terminal: a pty (forkpty) read through
# libvterm, a terminal emulator's own screen.
$(BENCH_DIR)/stepcost: tests/bench/stepcost.c
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lvterm -lutil

# Time travel on a real run: the core's history and model.
$(BENCH_DIR)/timetravel: tests/bench/timetravel.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PT_LDLIBS)

$(BENCH_DIR)/%: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(PT_LDLIBS)

.PHONY: bench-build
bench-build: $(BIN) $(BENCH_BIN) $(O)/tests/tracee/forks \
    $(O)/tests/tracee/sleepers

bench:
	@sh tests/deps.sh bench
	@$(MAKE) --no-print-directory bench-build
	@PTVIZ=$(BIN) BENCH_DIR=$(BENCH_DIR) TRACEE_DIR=$(O)/tests/tracee \
	    bash tests/bench/bench.sh
