# lector: turns articles into accessible formats.  See README.md.
#
# Public targets (each first makes sure the build dependencies are there):
#   make            build ./lector
#   make check      build and run every test; ends with "N passed, N failed"
#   make san        the same tests under ASan + UBSan (objects in build-san/)
#   make demo       convert samples/ into out/ with the default formats
#   make install    PREFIX=/usr/local DESTDIR= : binary, man page, styles/
#   make fuzz       libFuzzer target (clang) in build-fuzz/
#   make bench      lector against pandoc, espeak-ng and file2brl on the
#                   corpus, as ratios
#   make misread DIR=FOLDER   what espeak-ng would misread in FOLDER's
#                   articles (tests/tools/misread.c)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC ?= cc
CFLAGS ?= -O2 -g

# pkg-config module and the Debian package that provides it.
DEPS = libxml-2.0:libxml2-dev libzip:libzip-dev espeak-ng:libespeak-ng-dev \
       libutf8proc:libutf8proc-dev lame:libmp3lame-dev json-c:libjson-c-dev \
       libexttextcat:libexttextcat-dev libunibreak:libunibreak-dev \
       liblouis:liblouis-dev
# Files only the tests read, and the Debian package that provides each:
# the XHTML 1.0 and SMIL 1.0 DTDs, with their XML catalog entries, that
# tests/tools/talkcheck.c validates DAISY books against.  Installed when
# root can; otherwise named, and those checks are skipped.
TEST_DATA = /usr/share/xml/w3c-sgml-lib/schema/dtd/REC-smil-19980615/smil10.dtd:w3c-sgml-lib
PKGS = libxml-2.0 libzip espeak-ng libutf8proc lame json-c libunibreak liblouis
# The audio libraries are loaded when an audio format needs them
# (src/dl.c), so the program links only the others.
LINKED = libxml-2.0 libzip libutf8proc json-c libexttextcat libunibreak \
    liblouis
PKG_CFLAGS != $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null || true
# libexttextcat's folder holds a common.h of its own, which would shadow
# ours: its headers are included as <libexttextcat/textcat.h>, from the
# folder above.
TEXTCAT_INCDIR != $(PKG_CONFIG) --variable=includedir libexttextcat \
    2>/dev/null || true
PKG_CFLAGS += $(TEXTCAT_INCDIR:%=-I%)
PKG_LIBS != $(PKG_CONFIG) --libs $(LINKED) 2>/dev/null || true
PKG_LIBS += -ldl
# Linked only by tests/tools/misread.c.
ESPEAK_LIBS != $(PKG_CONFIG) --libs espeak-ng 2>/dev/null || true
# Functions of lector's that a loaded library must find (src/synth.c).
PKG_LIBS += -Wl,--export-dynamic-symbol=create_audio_device_object

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla
# GCC 12 under -fsanitize=undefined wrongly sees a NULL format in
# vsnprintf(NULL, 0, fmt, ap): that one warning is off in this build.
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -O1 -g \
      -Wno-format-truncation
WERROR_FLAG = $(WERROR:1=-Werror)
# libexttextcat's language models (Debian: libexttextcat-data).
TEXTCAT_DATADIR != $(PKG_CONFIG) --variable=pkgdatadir libexttextcat \
    2>/dev/null || true
DEFS = -DLECTOR_DATADIR='"$(DATADIR)/lector"' \
       $(TEXTCAT_DATADIR:%=-DTEXTCAT_DATADIR='"%"')
ALL_CFLAGS = $(WARN) $(WERROR_FLAG) $(DEFS) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS)

SRCS != echo src/*.c
LIB_SRCS != ls src/*.c | grep -v '^src/main\.c$$'
UNIT_SRCS != echo tests/unit/test_*.c
TOOL_SRCS != echo tests/tools/*.c
TOOL_LIB_SRCS != echo tests/tools/lib/*.c
FUZZ_SRCS != echo tests/fuzz/fuzz_*.c

# The build directory; make san points it elsewhere.
B = build
OBJS = $(SRCS:src/%.c=$(B)/%.o)
LIB_OBJS = $(LIB_SRCS:src/%.c=$(B)/%.o)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
TOOL_BINS = $(TOOL_SRCS:tests/tools/%.c=$(B)/tests/%)
TOOL_LIB_OBJS = $(TOOL_LIB_SRCS:tests/tools/lib/%.c=$(B)/tests/lib/%.o)
LECTOR = ./lector

TEST_ENV = LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=315532800

.PHONY: all check san demo install uninstall clean deps fuzz build-all \
	bench man misread

all: deps
	@$(MAKE) --no-print-directory ./lector

check: deps
	@$(MAKE) --no-print-directory ./lector build-all
	@$(TEST_ENV) LECTOR=./lector TESTBIN=$(B)/tests sh tests/run.sh

san: deps
	@$(MAKE) --no-print-directory B=build-san CFLAGS="$(SAN)" \
	    LDFLAGS="$(SAN)" build-san/lector build-all
	@$(TEST_ENV) LECTOR=build-san/lector TESTBIN=build-san/tests \
	    LECTOR_SANITIZED=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98 \
	    LECTOR_SKIP_CHECKERS=1 sh tests/run.sh

bench: all
	@sh tests/bench/epub.sh
	@sh tests/bench/large-print.sh
	@sh tests/bench/audio.sh
	@sh tests/bench/braille.sh

# lector's speech text for every article in DIR, made in a temporary
# folder, and what the misreading finder reports on it.  The finder
# reads lector's language data of this tree, wherever it runs.
misread: deps
	@[ -n "$(DIR)" ] || { echo "usage: make misread DIR=FOLDER" >&2; \
	    exit 2; }
	@$(MAKE) --no-print-directory ./lector $(B)/tests/misread
	@tmp=$$(mktemp -d) || exit 2; top=$$PWD; \
	$(LECTOR) -q -t speech -o "$$tmp" "$(DIR)"; \
	(cd "$$tmp" && LECTOR_DATADIR="$$top/styles" \
	    "$$top/$(B)/tests/misread" *.speech.txt); st=$$?; \
	rm -rf "$$tmp"; exit $$st

demo: all
	@rm -rf out
	./lector -o out samples
	@echo "converted samples/ into out/:"; ls -R out

# Make sure the libraries are there: install them as root on Debian,
# otherwise say the one command that would.
deps:
	@missing=; debs=; \
	command -v $(PKG_CONFIG) >/dev/null 2>&1 || debs="pkg-config"; \
	command -v $(CC) >/dev/null 2>&1 || debs="$$debs gcc"; \
	for d in $(DEPS); do \
	    m=$${d%%:*}; \
	    if ! $(PKG_CONFIG) --exists $$m 2>/dev/null; then \
	        missing="$$missing $$m"; debs="$$debs $${d#*:}"; \
	    fi; \
	done; \
	root=; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    root=1; \
	fi; \
	for d in $(TEST_DATA); do \
	    [ -f "$${d%%:*}" ] && continue; \
	    if [ -n "$$root" ]; then \
	        missing="$$missing $${d%%:*}"; debs="$$debs $${d#*:}"; \
	    else \
	        echo "lector: the tests want $${d%%:*}: sudo apt-get" \
	            "install $${d#*:}" >&2; \
	    fi; \
	done; \
	if [ -n "$$debs" ]; then \
	    if [ -n "$$root" ]; then \
	        echo "lector: installing$$missing:$$debs"; \
	        DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	            --no-install-recommends $$debs >/dev/null || exit 1; \
	    else \
	        echo "lector: missing$$missing; install with:" >&2; \
	        echo "  sudo apt-get install$$debs" >&2; \
	        exit 1; \
	    fi; \
	fi

./lector: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

build-san/lector: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

$(B)/%.o: src/%.c
	@mkdir -p $(B)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build-all: $(UNIT_BINS) $(TOOL_LIB_OBJS) $(TOOL_BINS) $(B)/tests/fault.so

# Preloaded by the fault-injection tests: see tests/fault/fault.c.
$(B)/tests/fault.so: tests/fault/fault.c
	@mkdir -p $(B)/tests
	$(CC) -shared -fPIC -O1 -g -o $@ tests/fault/fault.c -ldl

$(B)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB_OBJS)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS)

$(B)/tests/%: tests/tools/%.c $(TOOL_LIB_OBJS) $(LIB_OBJS)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -Itests/tools $(LDFLAGS) -o $@ $< \
	    $(TOOL_LIB_OBJS) $(LIB_OBJS) $(PKG_LIBS)

# The misreading finder asks libespeak-ng for phonemes
# (espeak_TextToPhonemes, which lector itself never loads), so it is the
# one program linked with it.
$(B)/tests/misread: tests/tools/misread.c $(TOOL_LIB_OBJS) $(LIB_OBJS)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -Itests/tools $(LDFLAGS) -o $@ \
	    tests/tools/misread.c $(TOOL_LIB_OBJS) $(LIB_OBJS) $(PKG_LIBS) \
	    $(ESPEAK_LIBS)

$(B)/tests/lib/%.o: tests/tools/lib/%.c
	@mkdir -p $(B)/tests/lib
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

fuzz: deps
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	    CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined" \
	    $(FUZZ_SRCS:tests/fuzz/%.c=build-fuzz/%)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/lib.c tests/fuzz/lib.h \
    $(LIB_OBJS)
	$(CC) $(ALL_CFLAGS) -Isrc -fsanitize=fuzzer,address,undefined \
	    -o $@ $< tests/fuzz/lib.c $(LIB_OBJS) $(PKG_LIBS)

# The man page: lector.1.in with the part made from the option, writer
# and reader tables (lector --help-man) put in; a test checks that the
# lector.1 in the tree is up to date.
man: all
	@./lector --help-man >lector.1.gen
	@awk 'FNR == NR { gen = gen $$0 "\n"; next } \
	    /^\.\\" @OPTIONS@/ { printf "%s", gen; next } { print }' \
	    lector.1.gen lector.1.in >lector.1.tmp
	@rm -f lector.1.gen
	@mv lector.1.tmp lector.1
	@echo "made lector.1"

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)/lector
	cp lector $(DESTDIR)$(BINDIR)/lector
	cp lector.1 $(DESTDIR)$(MANDIR)/man1/lector.1
	cp -R styles/. $(DESTDIR)$(DATADIR)/lector/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lector $(DESTDIR)$(MANDIR)/man1/lector.1
	rm -rf $(DESTDIR)$(DATADIR)/lector

clean:
	rm -rf build build-san build-fuzz lector out

-include $(OBJS:.o=.d) $(TOOL_LIB_OBJS:.o=.d)
