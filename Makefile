# LumPy build. `make` builds build/lumpy.so; `make test` installs what is
# missing, builds and runs the specs; see README.md for the rest.
LUA        ?= lua5.4
LUA_PC     ?= lua5.4
PKG_CONFIG ?= pkg-config
CC         ?= gcc
OPT        ?= -O3 -g
BUSTED     ?= /usr/bin/busted
PYTHON     ?= /usr/bin/python3

LUA_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(LUA_PC) 2>/dev/null)
# luarocks passes the Lua headers' directory (see lumpy-scm-1.rockspec)
ifdef LUA_INCDIR
LUA_CFLAGS := -I$(LUA_INCDIR)
endif
CFLAGS_ALL  = -std=gnu11 -fPIC -fvisibility=hidden -ffp-contract=off -fno-math-errno \
              -Wall -Wextra -Wno-unused-parameter -Wno-type-limits -D_GNU_SOURCE $(LUA_CFLAGS) $(OPT) $(CFLAGS)
LDLIBS_ALL  = -lm -lpthread $(LDLIBS)

BUILD ?= build
SRC   := $(wildcard src/core/*.c src/bind/*.c)
OBJ   := $(SRC:%.c=$(BUILD)/%.o)
HDR   := $(wildcard src/core/*.h src/bind/*.h include/*.h)

.PHONY: ctest all deps test demo env fixtures bench sanitize clean check-deps \
        install uninstall check-rock

all: $(BUILD)/lumpy.so

$(BUILD)/lumpy.so: $(OBJ)
	$(CC) -shared -o $@ $(OBJ) $(LDFLAGS) $(LDLIBS_ALL)

$(BUILD)/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

deps:
	@sh tools/install-deps.sh

env:
	@echo 'export LUA_PATH="$(CURDIR)/lua/?.lua;;"'
	@echo 'export LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;"'

SPEC_ENV = LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/spec/?.lua;;" LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;"

# ---- make ctest: the C core's own tests, built without Lua
CORE_SRC := $(wildcard src/core/*.c)
CTEST_FLAGS = -std=gnu11 -ffp-contract=off -fno-math-errno -Wall -Wextra \
              -Wno-unused-parameter -Wno-type-limits -D_GNU_SOURCE $(OPT) $(CFLAGS)

$(BUILD)/test_core: spec/c/test_core.c $(CORE_SRC) $(HDR)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_core.c $(CORE_SRC) $(LDFLAGS) -lm -lpthread

$(BUILD)/test_format: spec/c/test_format.c $(CORE_SRC) $(HDR)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_format.c $(CORE_SRC) $(LDFLAGS) -lm -lpthread

ctest: $(BUILD)/test_core $(BUILD)/test_format
	$(BUILD)/test_core
	$(BUILD)/test_format

test: deps
	$(MAKE) all ctest
	$(SPEC_ENV) $(LUA) $(BUSTED) --lua=$(LUA) -o utfTerminal spec
	$(MAKE) check-rock

demo: deps
	$(MAKE) all
	$(SPEC_ENV) $(LUA) examples/tour.lua

fixtures:
	$(PYTHON) tools/gen_fixtures.py spec/fixtures

bench: all
	$(SPEC_ENV) $(LUA) bench/run.lua

check-deps:
	@sh tools/install-deps.sh --check

# ---- make sanitize: the whole spec suite under AddressSanitizer + UBSan.
# A separate build in build-asan/, loaded by the stock lua5.4 with the ASan
# runtime preloaded (lua5.4 itself is not instrumented, so the runtime must be
# in the process before anything else allocates). Any report fails the run:
# ASan and LSan exit non-zero, UBSan is made fatal by -fno-sanitize-recover.
# float-cast-overflow is not part of gcc's -fsanitize=undefined; it is added
# because src/core/cast.c promises float->int casts without undefined behaviour.
# allocator_may_return_null=1: np.zeros(1e15) must be a Lua error (malloc returns
# NULL), as without ASan, not an ASan abort. detect_leaks=1: lua5.4 and busted
# free everything they own at exit (checked: an empty busted run reports no
# leak), so no suppressions file is needed; add tools/lsan.supp only with a
# reason. LUMPY_SANITIZE=1 lets specs skip what ASan distorts (resident-memory
# limits: ASan's quarantine keeps up to 256 MB of freed memory resident).
SAN_BUILD    ?= build-asan
SAN_FLAGS    ?= -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer \
                -fno-sanitize-recover=undefined,float-cast-overflow
ASAN_LIB     ?= $(shell $(CC) -print-file-name=libasan.so)
ASAN_OPTIONS_SAN  ?= detect_leaks=1:allocator_may_return_null=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
UBSAN_OPTIONS_SAN ?= print_stacktrace=1:halt_on_error=1
# lua_close() dlcloses lumpy.so before LeakSanitizer reports, so a leak's
# frames inside lumpy.so print as garbage. `make sanitize SAN_KEEP_LOADED=1`
# preloads a no-op dlclose() (tools/sanitize-keep-loaded.c) to make them
# readable; it is not the default because it also hides memory that only
# lumpy.so's globals point to, which a host that unloads LumPy would leak.
SAN_KEEP_LOADED ?=
SAN_KEEP     = $(SAN_BUILD)/sanitize-keep-loaded.so
SAN_PRELOAD  = $(ASAN_LIB)$(if $(SAN_KEEP_LOADED), $(CURDIR)/$(SAN_KEEP))
SAN_ENV = LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/spec/?.lua;;" LUA_CPATH="$(CURDIR)/$(SAN_BUILD)/?.so;;" \
          LD_PRELOAD="$(SAN_PRELOAD)" ASAN_OPTIONS="$(ASAN_OPTIONS_SAN)" \
          UBSAN_OPTIONS="$(UBSAN_OPTIONS_SAN)" LUMPY_SANITIZE=1

$(SAN_KEEP): tools/sanitize-keep-loaded.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O1 -o $@ $<

sanitize: deps
	$(MAKE) BUILD=$(SAN_BUILD) OPT="-O1 -g" CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all
	ASAN_OPTIONS="$(ASAN_OPTIONS_SAN)" UBSAN_OPTIONS="$(UBSAN_OPTIONS_SAN)" \
	  $(MAKE) BUILD=$(SAN_BUILD) OPT="-O1 -g" CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" ctest
	$(if $(SAN_KEEP_LOADED),$(MAKE) $(SAN_KEEP))
	@case "$(ASAN_LIB)" in /*) test -f "$(ASAN_LIB)" && exit 0;; esac; \
	  echo "sanitize: libasan.so not found ($(CC) -print-file-name=libasan.so gave '$(ASAN_LIB)')" >&2; exit 1
	$(SAN_ENV) $(LUA) $(BUSTED) -o utfTerminal spec || { \
	  echo "sanitize: the specs failed under ASan/UBSan (see above); if a leak report has unnamed frames, rerun with 'make sanitize SAN_KEEP_LOADED=1'" >&2; exit 1; }

# ---- make install PREFIX=/usr/local [DESTDIR=...]
PREFIX      ?= /usr/local
INST_LIBDIR ?= $(PREFIX)/lib/lua/5.4
INST_LUADIR ?= $(PREFIX)/share/lua/5.4
INST_INCDIR ?= $(PREFIX)/include
INSTALL     ?= install

install: all
	$(INSTALL) -d "$(DESTDIR)$(INST_LIBDIR)" "$(DESTDIR)$(INST_LUADIR)/lumpy" "$(DESTDIR)$(INST_INCDIR)"
	$(INSTALL) -m 0755 $(BUILD)/lumpy.so "$(DESTDIR)$(INST_LIBDIR)/lumpy.so"
	@for f in lua/lumpy/*.lua; do [ -e "$$f" ] || continue; \
	  echo $(INSTALL) -m 0644 "$$f" "$(DESTDIR)$(INST_LUADIR)/lumpy/"; \
	  $(INSTALL) -m 0644 "$$f" "$(DESTDIR)$(INST_LUADIR)/lumpy/" || exit 1; done
	@if [ -e include/lumpy.h ]; then \
	  echo $(INSTALL) -m 0644 include/lumpy.h "$(DESTDIR)$(INST_INCDIR)/lumpy.h"; \
	  $(INSTALL) -m 0644 include/lumpy.h "$(DESTDIR)$(INST_INCDIR)/lumpy.h"; fi

uninstall:
	rm -f "$(DESTDIR)$(INST_LIBDIR)/lumpy.so" "$(DESTDIR)$(INST_INCDIR)/lumpy.h"
	rm -rf "$(DESTDIR)$(INST_LUADIR)/lumpy"

# ---- make check-rock: `luarocks make` into a scratch tree, then require
# "lumpy" from that tree alone (no build-tree or system paths) and compute.
LUAROCKS ?= luarocks
ROCKSPEC ?= lumpy-scm-1.rockspec
NPROC    := $(shell nproc 2>/dev/null || echo 1)
ROCK_CHECK = local np = require "lumpy"; \
  local where = package.searchpath("lumpy", package.cpath); \
  assert(where and where:find(os.getenv("ROCK_TREE"), 1, true), "lumpy not loaded from the rock tree"); \
  local a = np.array({1, 2, 3}); \
  local b = a + a * 2; \
  assert(b[1] == 3 and b[3] == 9, "a + a * 2 gave " .. tostring(b)); \
  print("check-rock: ok: " .. where .. ": a + a * 2 = " .. tostring(b))

check-rock:
	@tree=$$(mktemp -d "$${TMPDIR:-/tmp}/lumpy-rock.XXXXXX") || exit 1; \
	trap 'rm -rf "$$tree"' EXIT; \
	echo "check-rock: $(LUAROCKS) --lua-version=5.4 make --tree $$tree $(ROCKSPEC)"; \
	MAKEFLAGS=-j$(NPROC) $(LUAROCKS) --lua-version=5.4 make --tree "$$tree" $(ROCKSPEC) \
	  > "$$tree/luarocks.log" 2>&1 || { cat "$$tree/luarocks.log" >&2; exit 1; }; \
	for f in lua/lumpy/*.lua; do [ -e "$$f" ] || continue; \
	  test -f "$$tree/share/lua/5.4/lumpy/$${f##*/}" || { echo "check-rock: $$f was not installed" >&2; exit 1; }; done; \
	env -u LUA_PATH_5_4 -u LUA_CPATH_5_4 -u LUA_INIT -u LUA_INIT_5_4 ROCK_TREE="$$tree" \
	  LUA_PATH="$$tree/share/lua/5.4/?.lua;$$tree/share/lua/5.4/?/init.lua" \
	  LUA_CPATH="$$tree/lib/lua/5.4/?.so" \
	  $(LUA) -e '$(ROCK_CHECK)'

clean:
	rm -rf build build-*
