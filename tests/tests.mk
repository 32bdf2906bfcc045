# tests.mk: building and running the tests (included by the Makefile).

CHECK_LIBS  = $(shell pkg-config --libs check 2>/dev/null)
CHECK_SRC   = tests/check_main.c tests/check_ring.c tests/check_model.c \
	      tests/check_moves.c \
	      tests/check_duration.c tests/check_options.c tests/check_spawn.c \
	      tests/check_history.c tests/check_limits.c tests/check_recording.c \
	      tests/check_kstat.c tests/check_stats.c tests/check_outfile.c \
	      tests/check_work.c tests/check_text.c tests/check_busy.c \
	      tests/check_words.c tests/check_traced.c \
	      tests/check_taskstate.c tests/check_taskfake.c \
	      tests/check_tasknames.c tests/check_ptyout.c \
	      tests/check_steps.c \
	      tests/stress.c tests/fake.c
CHECK_BIN   = $(O)/tests/check_ptviz
TSAN_BIN    = build-tsan/tsan_ring

$(CHECK_BIN): $(CHECK_SRC:%.c=$(O)/%.o) $(CORE_OBJ) $(UI_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PT_LDLIBS) $(CHECK_LIBS)

# The in-process ring stress under ThreadSanitizer, built on its own.
$(TSAN_BIN): tests/tsan_ring.c tests/stress.c src/ring.c src/region.c src/event.c
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) -O1 -g -fsanitize=thread -o $@ $^

# Programs the tracer's tests run under ptviz -- COMMAND (tests/tracee/):
# each is a fact of the tests, not code under test, so it is built
# without the sanitizers of CFLAGS (LeakSanitizer cannot run traced).
TRACEE_BIN  = $(O)/tests/tracee/forks $(O)/tests/tracee/threads \
	      $(O)/tests/tracee/thread_exec $(O)/tests/tracee/ignore_term \
	      $(O)/tests/tracee/lockers $(O)/tests/tracee/sleepers \
	      $(O)/tests/tracee/manythreads $(O)/tests/tracee/forkbomb
$(O)/tests/tracee/%: tests/tracee/%.c
	@mkdir -p $(@D)
	$(CC) $(PT_CFLAGS) -O2 -o $@ $< -pthread

.PHONY: test-build test-run
test-build: $(BIN) $(CHECK_BIN) $(TSAN_BIN) $(TRACEE_BIN)

test-run: test-build
	@PTVIZ=$(BIN) CHECK_BIN=$(CHECK_BIN) TSAN_BIN=$(TSAN_BIN) \
	    STAGE=$(STAGE) SUMMARY=$(SUMMARY) bash tests/run.sh

# Everything, as CI runs it: the suite plain, then once more under ASan
# and UBSan together (one build with both: each run of the suite costs
# minutes, and the two find different faults in the same runs), then the
# fuzzers for a short while; one summary line at the end.
SUMMARY ?=
ALL_SUMMARY = $(CURDIR)/build/summary
test:
	@sh tests/deps.sh test
	@mkdir -p build && rm -f $(ALL_SUMMARY)
	@$(MAKE) --no-print-directory SUMMARY=$(ALL_SUMMARY) WERROR=-Werror \
	    STAGE=plain test-run
	@$(MAKE) --no-print-directory SUMMARY=$(ALL_SUMMARY) package-run
	@$(MAKE) --no-print-directory SUMMARY=$(ALL_SUMMARY) san-run
	@$(MAKE) --no-print-directory SUMMARY=$(ALL_SUMMARY) FUZZ_SECONDS=12 fuzz
	@awk '{ p += $$2; f += $$3; s += $$4 } END { \
	    printf "total: %d passed, %d failed, %d skipped\n", p, f, s }' \
	    $(ALL_SUMMARY)

# The Debian package, built once (about 15 s on 2 cores) for the scripts of
# tests/package/ -- what it holds and runs, its completion, lintian's word
# on it -- and make install and uninstall: a stage of its own, as neither
# tests a build of the stages around it.
.PHONY: package-run
package-run: $(BIN)
	@deb=$$(sh tests/deb.sh build) && DEB=$$deb PTVIZ=$(BIN) CHECK_BIN= \
	    TSAN_BIN= SCRIPTS=tests/package STAGE=package SUMMARY=$(SUMMARY) \
	    bash tests/run.sh

# The whole suite under a sanitizer, each in its own build directory:
# ASan alone, UBSan alone, or both at once (what `make test` runs).
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer
# A suppression used is a library's, not news: its table would land on
# the stderr a test reads.
ASAN_ENV  = LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
UBSAN_ENV = UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
asan: ; @sh tests/deps.sh test && $(MAKE) --no-print-directory asan-run
ubsan: ; @sh tests/deps.sh test && $(MAKE) --no-print-directory ubsan-run
san: ; @sh tests/deps.sh test && $(MAKE) --no-print-directory san-run

.PHONY: asan-run ubsan-run san-run
san-run:
	@$(ASAN_ENV) $(UBSAN_ENV) \
	    $(MAKE) --no-print-directory O=build-san WERROR=-Werror \
	    STAGE=asan+ubsan TSAN_BIN= \
	    CFLAGS="$(SAN_FLAGS) -fsanitize=address,undefined \
	    -fno-sanitize-recover=all" \
	    LDFLAGS=-fsanitize=address,undefined test-run

asan-run:
	@$(ASAN_ENV) \
	    $(MAKE) --no-print-directory O=build-asan WERROR=-Werror STAGE=asan \
	    CFLAGS="$(SAN_FLAGS) -fsanitize=address" \
	    LDFLAGS=-fsanitize=address test-run

ubsan-run:
	@$(UBSAN_ENV) \
	    $(MAKE) --no-print-directory O=build-ubsan WERROR=-Werror \
	    STAGE=ubsan \
	    CFLAGS="$(SAN_FLAGS) -fsanitize=undefined -fno-sanitize-recover=all" \
	    LDFLAGS=-fsanitize=undefined test-run

# libFuzzer targets, run for FUZZ_SECONDS each from the committed seeds
# (copied, so a run never changes the tree).
FUZZ_SECONDS ?= 20
FUZZ_CC	     = clang
FUZZ_FLAGS   = -std=c11 -D_GNU_SOURCE -DPTVIZ_VERSION='"$(VERSION)"' -g -O1 \
	       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	       $(shell pkg-config --cflags libbsd-overlay 2>/dev/null)
build-fuzz/fuzz_model: tests/fuzz/fuzz_model.c src/model.c src/model_query.c \
			 src/model_objects.c src/model_moves.c src/model_traced.c src/busy.c \
			 src/ring.c src/event.c src/work.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^
build-fuzz/fuzz_options: tests/fuzz/fuzz_options.c ui/options.c src/work.c \
			 src/scene.c src/cpus.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^ $(shell pkg-config --libs libbsd-overlay)

RECORDING_SRC = src/recording.c src/recline.c src/recfields.c \
		src/recheck.c src/recwhole.c src/jsonl.c src/trace.c \
		src/outfile.c \
		src/history.c src/model.c src/model_query.c src/busy.c \
		src/model_objects.c src/model_moves.c src/model_traced.c \
		src/event.c \
		src/work.c src/spans.c \
		src/quickline.c src/text.c src/tasknames.c
build-fuzz/fuzz_recording build-fuzz/fuzz_quickline: build-fuzz/%: \
    tests/fuzz/%.c $(RECORDING_SRC)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(shell pkg-config --cflags json-c) -o $@ $^ \
	    $(shell pkg-config --libs json-c libbsd-overlay) -lm

.PHONY: fuzz
fuzz: build-fuzz/fuzz_model build-fuzz/fuzz_options build-fuzz/fuzz_recording \
    build-fuzz/fuzz_quickline
	@SUMMARY=$(SUMMARY) bash tests/fuzz/run.sh $(FUZZ_SECONDS) $^
