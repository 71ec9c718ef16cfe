# gotrace - build, test, install, demo, bench.
#
#   make            build ./gotrace
#   make test       unit tests (cmocka) and runtime tests (need root and BPF)
#   make unit       unit tests only
#   make runtime    runtime tests only
#   make demo       trace the bundled example program
#   make bench      compare with bpftrace
#   make install    install to $(PREFIX)

LLVM_CONFIG ?= llvm-config-19
PREFIX ?= /usr/local
CC ?= cc

LLVM_CFLAGS := $(filter -I% -D%,$(shell $(LLVM_CONFIG) --cflags))
LLVM_LIBS := $(shell $(LLVM_CONFIG) --ldflags) $(shell $(LLVM_CONFIG) --libs)

WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow -Wvla
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 $(WARN) -I. -Ibuild $(LLVM_CFLAGS)
LDLIBS += -lbpf -ldw -lelf -lz $(LLVM_LIBS) -lm

# Every phase is a folder; its .c files are the library.
PHASES := util lexer parser probes sema codegen golang runtime
SRCS := $(filter-out %.bpf.c,$(foreach d,$(PHASES),$(wildcard $(d)/*.c)))
GEN_SRCS := build/lexer.c build/parser.c
OBJS := $(patsubst %.c,build/%.o,$(SRCS)) build/lexer.o build/parser.o \
	build/helpers_bc.o
CLANG ?= clang-19
LIB := build/libgotrace.a

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRCS))

all: gotrace

gotrace: build/gotrace.o $(LIB)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(LIB): $(OBJS)
	@rm -f $@
	ar rcs $@ $^

build/parser.c build/parser.h: parser/parser.y
	@mkdir -p build
	bison -Wall -Werror -o build/parser.c --defines=build/parser.h $<

build/lexer.c build/lexer.h: lexer/lexer.l build/parser.h
	@mkdir -p build
	flex -o build/lexer.c --header-file=build/lexer.h $<

# BPF-side helpers in C, compiled to bitcode and embedded in gotrace.
build/helpers.bc: codegen/helpers.bpf.c
	@mkdir -p build
	$(CLANG) -target bpf -O2 -Wall -Werror -emit-llvm -c -o $@ $<
build/helpers_bc.o: build/helpers.bc
	printf '\t.section .rodata\n\t.global gt_helpers_bc\n\t.global gt_helpers_bc_end\ngt_helpers_bc:\n\t.incbin "%s"\ngt_helpers_bc_end:\n\t.section .note.GNU-stack,"",@progbits\n' $< > build/helpers_bc.S
	$(CC) -c -o $@ build/helpers_bc.S

# Generated code is not ours to warn about beyond the basics.
build/lexer.o: build/lexer.c build/parser.h
	$(CC) $(filter-out -Wshadow -Werror,$(CFLAGS)) -Wno-sign-compare -Wno-unused-function -c -o $@ $<
build/parser.o: build/parser.c build/lexer.h
	$(CC) $(filter-out -Werror,$(CFLAGS)) -c -o $@ $<

build/%.o: %.c | build/parser.h build/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d) build/gotrace.d

build/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p build/tests
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) -lcmocka $(LDLIBS)

# The golang/ tests again, with golang/ and util/ built with AddressSanitizer:
# binaries are untrusted input, and a read past a mapping or through a
# stale pointer must fail a test, not only a fuzzer.
ASAN := -fsanitize=address -fno-omit-frame-pointer
ASAN_OBJS := $(patsubst %.c,build/asan/%.o,$(wildcard util/*.c golang/*.c))
ASAN_TESTS := test_golang test_golang_corrupt test_golang_dwarf
UNIT_BINS += $(patsubst %,build/tests/%_asan,$(ASAN_TESTS))

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(ASAN) -MMD -MP -c -o $@ $<

-include $(ASAN_OBJS:.o=.d)

build/tests/%_asan: tests/unit/%.c $(ASAN_OBJS)
	@mkdir -p build/tests
	$(CC) $(CFLAGS) $(ASAN) -o $@ $< $(ASAN_OBJS) $(LDFLAGS) -lcmocka -ldw -lelf -lz $(LLVM_LIBS)

# Third-party and multi-release Go binaries for the tests (not committed;
# anything unreachable is a visible SKIP).
gobins:
	./tests/gobins/fetch

unit: $(UNIT_BINS)
	@pass=0; fail=0; for t in $(UNIT_BINS); do \
		if $$t >build/tests/$$(basename $$t).log 2>&1; then pass=$$((pass+1)); echo "PASS $$t"; \
		else fail=$$((fail+1)); echo "FAIL $$t"; cat build/tests/$$(basename $$t).log; fi; \
		grep -h '^SKIP' build/tests/$$(basename $$t).log | sed 's/^/    /'; \
	done; echo "unit: $$pass passed, $$fail failed"; [ $$fail = 0 ]

runtime: gotrace
	./tests/runtime/run

test: gotrace gobins
	@$(MAKE) --no-print-directory unit && $(MAKE) --no-print-directory runtime

docs: gotrace
	./gotrace --doc-builtins > docs/builtins.md

demo: gotrace
	./examples/demo.sh

bench: gotrace
	./bench/run

install: gotrace
	install -D -m 755 gotrace $(DESTDIR)$(PREFIX)/bin/gotrace
	install -d $(DESTDIR)$(PREFIX)/share/gotrace/stdlib
	install -m 644 stdlib/*.gt $(DESTDIR)$(PREFIX)/share/gotrace/stdlib/
	install -D -m 644 docs/gotrace.1 $(DESTDIR)$(PREFIX)/share/man/man1/gotrace.1

clean:
	rm -rf build gotrace

.PHONY: all unit runtime test demo bench install clean docs gobins
.DELETE_ON_ERROR:
