# gotrace - build, test, install, demo, bench.
#
#   make              build ./gotrace
#   make test         fetch the test binaries, then unit and runtime tests
#   make unit         unit tests (cmocka, and the include-layering check)
#   make runtime      runtime tests only (need root and BPF)
#   make doctest      every command of README.md and docs/tutorial*.md, run
#                     in a fresh copy of the tree, output checked
#   make check-build  the Makefile itself, on a copy of the tree: one run
#                     of bison and flex under -j8, nothing rebuilt twice,
#                     headers tracked, CFLAGS overridable
#   make asan         gotrace and the unit tests with ASan and UBSan in
#                     build/asan/, then the unit tests run under them
#   make asan-test    make asan, then the runtime cases with the ASan
#                     gotrace (but those tests/runtime/asan-skip names);
#                     any sanitizer report fails it
#   make fuzz         the libFuzzer harnesses in build/fuzz/ (clang), and
#                     fuzz_gobin's base binaries with plain DWARF
#   make fuzz-run     run each harness for FUZZ_TIME seconds (default 20)
#                     on its corpus and the seeds (tests/fuzz/seeds)
#   make fuzz-repro   run each harness once on the inputs that once crashed
#                     it (tests/fuzz/repro/HARNESS/)
#   make fuzz-ci      what CI runs: fuzz-run for 60 s each, then fuzz-repro
#   make docs         regenerate docs/builtins.md from the builtin table
#   make gobins       fetch third-party and multi-release Go binaries
#   make examples     build the tutorial's programs into examples/bin/
#   make demo         build them, trace one with a one-liner
#   make bench        compare with bpftrace
#   make install      install to $(PREFIX)
#
# CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS are yours: `make CFLAGS=-O0` works,
# the flags the build needs are added to them whatever they say.

LLVM_CONFIG ?= llvm-config-19
CLANG ?= clang-19
PREFIX ?= /usr/local

# No built-in rules: bison and flex run only through the rules below.
MAKEFLAGS += -r
.SUFFIXES:

LLVM_CPPFLAGS := $(filter -I% -D%,$(shell $(LLVM_CONFIG) --cflags))
# The unit tests, fuzzers and the ASan build link the shared libLLVM (fast
# to link, twenty times over).
LLVM_LIBS := $(shell $(LLVM_CONFIG) --ldflags) $(shell $(LLVM_CONFIG) --libs)
# gotrace itself links only the LLVM components it uses, statically: the
# BPF back end, the X86 disassembler, and what they stand on; and its
# other libraries statically too (libc aside), so that the dynamic loader
# has almost nothing to do. The shared libLLVM costs 63 MiB of memory and
# the loader's time at every start; this, about 28 MiB. Linked with lld
# when it is there (a third of a second instead of three), without PIE
# (no relocations to apply to LLVM's tables at start) and with identical
# code folded.
LLVM_COMPONENTS := bpfcodegen bpfasmparser bpfdesc bpfinfo x86disassembler x86desc x86info \
	mcdisassembler bitreader linker passes core analysis target
GOTRACE_STATIC_LIBS := -L$(shell $(LLVM_CONFIG) --libdir) -Wl,-Bstatic -lbpf -ldw -lelf \
	$(shell $(LLVM_CONFIG) --link-static --libs $(LLVM_COMPONENTS)) \
	-lstdc++ -lz -lzstd -llzma -lbz2 -Wl,-Bdynamic
comma := ,
GOTRACE_LD ?= $(if $(shell command -v ld.lld),-fuse-ld=lld -Wl$(comma)--icf=all)
GOTRACE_LDFLAGS := -no-pie -Wl,--gc-sections $(GOTRACE_LD)

# Always added: where headers are, the language, the warnings we hold to.
GT_CPPFLAGS := -I. -Ibuild $(LLVM_CPPFLAGS)
GT_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow -Wvla
GT_LDLIBS := -lbpf -ldw -lelf -lz $(LLVM_LIBS) -lm
GOTRACE_LDLIBS := $(GOTRACE_STATIC_LIBS) -lm
# Overridable from the command line.
CFLAGS ?= -O2 -g

# Each build (normal in build/, ASan in build/asan/, the fuzzers' in
# build/fuzz-obj/ and build/fuzz/) sets its compiler and sanitizer flags by
# the directory it writes to; the normal build sets none.
XCC = $(CC)
SAN =
ASAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
build/asan/%: SAN = $(ASAN)
build/fuzz-obj/% build/fuzz/%: XCC = $(CLANG)
build/fuzz-obj/%: SAN = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
build/fuzz/%: SAN = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

COMPILE = $(XCC) $(GT_CPPFLAGS) $(CPPFLAGS) $(GT_CFLAGS) $(CFLAGS) $(SAN) -MMD -MP
LINK_LIBS = $(LDFLAGS) $(GT_LDLIBS) $(LDLIBS)

# Every phase is a folder; its .c files are the library (abi/ is headers).
PHASES := util golang lexer parser probes sema codegen runtime
SRCS := $(filter-out %.bpf.c,$(foreach d,$(PHASES),$(wildcard $(d)/*.c)))
# The fuzzers run no traces: their library stops before runtime/.
FUZZ_SRCS := $(filter-out runtime/%,$(SRCS))
GEN := build/parser.c build/parser.h build/lexer.c build/lexer.h

# The library's objects in build directory $(1) from sources $(2): the
# generated lexer and parser are compiled in each build, the BPF helpers'
# bitcode (no C of ours) once.
lib_objs = $(patsubst %.c,$(1)/%.o,$(2)) $(1)/lexer.o $(1)/parser.o build/helpers_bc.o

UNIT_NAMES := $(sort $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c)))
UNIT_BINS := $(addprefix build/tests/,$(UNIT_NAMES))
ASAN_UNIT_BINS := $(addprefix build/asan/tests/,$(UNIT_NAMES))
FUZZERS := build/fuzz/fuzz_script build/fuzz/fuzz_gobin
FUZZ_TIME ?= 20

all: gotrace

# --- generated sources: one run of bison and one of flex makes both files

build/parser.c build/parser.h &: parser/parser.y
	@mkdir -p build
	bison -Wall -Werror -o build/parser.c --defines=build/parser.h $<

build/lexer.c build/lexer.h &: lexer/lexer.l
	@mkdir -p build
	flex -o build/lexer.c --header-file=build/lexer.h $<

# BPF-side helpers in C, compiled to bitcode and embedded in gotrace.
build/helpers.bc: codegen/helpers.bpf.c
	@mkdir -p build
	$(CLANG) -target bpf -O2 -Wall -Werror -I. -MMD -MP -MF $@.d -MT $@ -emit-llvm -c -o $@ $<
build/helpers_bc.o: build/helpers.bc
	printf '\t.section .rodata\n\t.global gt_helpers_bc\n\t.global gt_helpers_bc_end\ngt_helpers_bc:\n\t.incbin "%s"\ngt_helpers_bc_end:\n\t.section .note.GNU-stack,"",@progbits\n' $< > build/helpers_bc.S
	$(CC) -c -o $@ build/helpers_bc.S

-include build/helpers.bc.d

# --- the library, once per build directory

# $(call lib_rules,DIR,SOURCES): objects (each with its .d) and
# DIR/libgotrace.a. Every object waits for the generated headers the first
# time; after that its .d says what it includes.
define lib_rules
$(1)/%.o: %.c | build/parser.h build/lexer.h
	@mkdir -p $$(@D)
	$$(COMPILE) -c -o $$@ $$<

# Generated code is not ours to warn about beyond the basics.
$(1)/lexer.o: build/lexer.c | build/parser.h build/lexer.h
	@mkdir -p $$(@D)
	$$(filter-out -Wshadow -Werror,$$(COMPILE)) -Wno-sign-compare -Wno-unused-function -c -o $$@ $$<
$(1)/parser.o: build/parser.c | build/parser.h build/lexer.h
	@mkdir -p $$(@D)
	$$(filter-out -Werror,$$(COMPILE)) -Wno-unused-but-set-variable -c -o $$@ $$<

$(1)/libgotrace.a: $(call lib_objs,$(1),$(2))
	@rm -f $$@
	$$(AR) rcs $$@ $$^

-include $(patsubst %.o,%.d,$(filter $(1)/%,$(call lib_objs,$(1),$(2))))
endef

$(eval $(call lib_rules,build,$(SRCS)))
$(eval $(call lib_rules,build/asan,$(SRCS)))
$(eval $(call lib_rules,build/fuzz-obj,$(FUZZ_SRCS)))

# --- programs

gotrace: build/gotrace.o build/libgotrace.a
	$(CC) $(CFLAGS) $(GOTRACE_LDFLAGS) -o $@ $^ $(LDFLAGS) $(GOTRACE_LDLIBS) $(LDLIBS)

build/asan/gotrace: build/asan/gotrace.o build/asan/libgotrace.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LINK_LIBS)

-include build/gotrace.d build/asan/gotrace.d

# gotrace looks for ready tools (TOOL.gt) where `make install` puts them;
# the stamp's name carries PREFIX, so that another PREFIX rebuilds it.
TOOLS_DIR = $(PREFIX)/share/gotrace/tools
PREFIX_STAMP := build/prefix$(subst /,_,$(PREFIX)).stamp
$(PREFIX_STAMP):
	@mkdir -p build && rm -f build/prefix*.stamp && touch $@
build/gotrace.o build/asan/gotrace.o: $(PREFIX_STAMP)
build/gotrace.o build/asan/gotrace.o: GT_CPPFLAGS += -DGOTRACE_TOOLS_DIR='"$(TOOLS_DIR)"'

# A unit test or fuzzer is one .c, compiled and linked in one step; its
# dependency file is named after the program.
build/tests/%: tests/unit/%.c build/libgotrace.a
	@mkdir -p $(@D)
	$(COMPILE) -MF $@.d -MT $@ -o $@ $< build/libgotrace.a -lcmocka $(LINK_LIBS)

build/asan/tests/%: tests/unit/%.c build/asan/libgotrace.a
	@mkdir -p $(@D)
	$(COMPILE) -MF $@.d -MT $@ -o $@ $< build/asan/libgotrace.a -lcmocka $(LINK_LIBS)

build/fuzz/%: tests/fuzz/%.c build/fuzz-obj/libgotrace.a
	@mkdir -p $(@D)
	$(COMPILE) -MF $@.d -MT $@ -o $@ $< build/fuzz-obj/libgotrace.a $(LINK_LIBS)

-include $(addsuffix .d,$(UNIT_BINS) $(ASAN_UNIT_BINS) $(FUZZERS))

# --- tests

# The golang/ tests run a second time in make unit, built with ASan and
# UBSan (the library of make asan): binaries are untrusted input, and a
# read past a mapping or through a stale pointer must fail a test, not
# only a fuzzer.
ASAN_GOLANG_TESTS := test_golang test_golang_corrupt test_golang_dwarf test_golang_inline
UNIT_BINS += $(patsubst %,build/asan/tests/%,$(ASAN_GOLANG_TESTS))

# Third-party and multi-release Go binaries for the tests (not committed;
# anything unreachable is a visible SKIP).
gobins:
	./tests/gobins/fetch

unit: $(UNIT_BINS)
	@tests/unit/run $(UNIT_BINS)

runtime: gotrace
	./tests/runtime/run

doctest: gotrace
	./tests/docs/run

test: gotrace gobins
	@$(MAKE) --no-print-directory check-build && $(MAKE) --no-print-directory unit && \
		$(MAKE) --no-print-directory runtime && $(MAKE) --no-print-directory doctest

check-build:
	./tests/build/check

# ASan and UBSan: its own objects, programs and test logs in build/asan/.
asan-build: build/asan/gotrace $(ASAN_UNIT_BINS)

asan: asan-build
	@ASAN_OPTIONS=$${ASAN_OPTIONS:-abort_on_error=1} \
	UBSAN_OPTIONS=$${UBSAN_OPTIONS:-print_stacktrace=1} \
	tests/unit/run $(ASAN_UNIT_BINS)

# make test under the sanitizers: the unit tests (make asan), then every
# runtime case with build/asan/gotrace, except those tests/runtime/asan-skip
# names (they cannot run under ASan; skipped visibly with the reason).
# gotrace writes any sanitizer report to build/asan/logs/ (and stops at
# the first): a report there fails the run, whatever the cases said.
ASAN_LOGS := build/asan/logs
asan-test: asan-build gotrace gobins
	@$(MAKE) --no-print-directory asan
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS) && \
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:log_path=$(CURDIR)/$(ASAN_LOGS)/asan \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(CURDIR)/$(ASAN_LOGS)/ubsan \
	GOTRACE=$(CURDIR)/build/asan/gotrace GOTRACE_ASAN=1 ./tests/runtime/run; rc=$$?; \
	if [ -n "$$(ls -A $(ASAN_LOGS))" ]; then \
		echo "asan-test: sanitizer reports in $(ASAN_LOGS)/:"; head -n 40 $(ASAN_LOGS)/*; exit 1; \
	fi; echo "asan-test: no sanitizer report"; exit $$rc

# fuzz_gobin's bases with DWARF decompressed (Go compresses it), so that
# its patches reach the DWARF reader rather than zlib; a binary that
# `make gobins` could not make is left out (the harness says so).
FUZZ_BASES := basic basic-inl small-go1.21 small-go1.27 cgo
fuzz: $(FUZZERS)
	@mkdir -p build/fuzz/bases; for n in $(FUZZ_BASES); do \
		[ -f build/gobins/$$n ] && [ ! build/fuzz/bases/$$n -nt build/gobins/$$n ] && \
		objcopy --decompress-debug-sections build/gobins/$$n build/fuzz/bases/$$n; \
	done; true

fuzz-seeds:
	@tests/fuzz/seeds build/fuzz

# Each harness for FUZZ_TIME seconds on its corpus (build/fuzz/corpus-*,
# kept from run to run) and the seeds; a crash, leak or timeout fails it
# and leaves the input in build/fuzz/.
FUZZ_OPTS = -max_total_time=$(FUZZ_TIME) -artifact_prefix=build/fuzz/ -timeout=60 \
	-print_final_stats=1
fuzz-run: fuzz fuzz-seeds
	@mkdir -p build/fuzz/corpus-script build/fuzz/corpus-gobin
	build/fuzz/fuzz_script $(FUZZ_OPTS) -dict=tests/fuzz/script.dict \
		build/fuzz/corpus-script build/fuzz/seed-script
	build/fuzz/fuzz_gobin $(FUZZ_OPTS) -max_len=4096 build/fuzz/corpus-gobin build/fuzz/seed-gobin

fuzz-ci:
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TIME=60
	@$(MAKE) --no-print-directory fuzz-repro

# Inputs that crashed or hung a harness, kept to show the fix holds (each
# must run within 10 s; fuzz_gobin's name their base binary: see
# tests/fuzz/fuzz_gobin.c).
fuzz-repro: fuzz
	@set -e; for h in $(FUZZERS); do \
		d=tests/fuzz/repro/$${h##*/}; [ -d $$d ] || continue; \
		echo "$$h $$d/*"; $$h -timeout=10 $$d/* 2>build/fuzz/repro.log || \
			{ cat build/fuzz/repro.log; echo "FAIL $$h"; exit 1; }; \
	done; echo "fuzz-repro: every input passes"

# --- the rest

docs: gotrace
	./gotrace --doc-builtins > docs/builtins.md

examples:
	./examples/build.sh

demo: gotrace examples
	./examples/demo.sh

bench: gotrace
	./bench/run

install: gotrace
	install -D -m 755 gotrace $(DESTDIR)$(PREFIX)/bin/gotrace
	install -d $(DESTDIR)$(TOOLS_DIR)
	install -m 644 stdlib/*.gt $(DESTDIR)$(TOOLS_DIR)/
	install -D -m 644 docs/gotrace.1 $(DESTDIR)$(PREFIX)/share/man/man1/gotrace.1

clean:
	rm -rf build gotrace

.PHONY: all unit runtime doctest test check-build asan asan-build asan-test fuzz fuzz-seeds fuzz-run fuzz-ci fuzz-repro examples demo bench install clean docs gobins
.DELETE_ON_ERROR:
