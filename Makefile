# LumPy build. `make` builds build/lumpy.so; `make test` installs what is
# missing, builds and runs the specs; see README.md for the rest.
# LUA: the interpreter the specs run under and whose headers the module is
# built against (lua5.4, lua5.3, lua5.2, lua5.1, luajit; see
# docs/lua-versions.md), each in a build directory of its own
LUA        ?= lua5.4
LUA_PC     ?= $(LUA)
# the Lua ABI version: where modules for it are installed (LuaJIT is 5.1's)
LUA_ABI    ?= $(if $(filter luajit%,$(LUA)),5.1,$(patsubst lua%,%,$(LUA)))
PKG_CONFIG ?= pkg-config
CC         ?= gcc
OPT        ?= -O3 -g
BUSTED     ?= /usr/bin/busted
PYTHON     ?= /usr/bin/python3
.DELETE_ON_ERROR:

LUA_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(LUA_PC) 2>/dev/null)
# luarocks passes the Lua headers' directory (see lumpy-scm-1.rockspec)
ifdef LUA_INCDIR
LUA_CFLAGS := -I$(LUA_INCDIR)
endif
BUILD ?= $(if $(filter lua5.4,$(LUA)),build,build-$(LUA))

# ---- SIMD levels, NumPy's way: CPU_BASELINE is what every file is compiled
# for (and what the CPU must have); src/simd/kernels.c is compiled again for
# each CPU_DISPATCH level, and dispatch.c picks the best one at load time.
# See tools/simd-config.sh for the values, e.g. CPU_DISPATCH="max -AVX512F",
# CPU_BASELINE=native.
CPU_BASELINE ?= min
CPU_DISPATCH ?= max
ARCH       ?= $(shell $(CC) -dumpmachine 2>/dev/null | cut -d- -f1)
SIMD_CFG    = sh tools/simd-config.sh
simd_query  = $(shell $(SIMD_CFG) $(1) $(ARCH) "$(CPU_BASELINE)" "$(CPU_DISPATCH)" $(CC))
SIMD_BASE  := $(call simd_query,base)
SIMD_DISPATCH := $(call simd_query,dispatch)
$(if $(filter error:%,$(SIMD_BASE)),$(error $(SIMD_BASE)))
$(if $(filter error:%,$(SIMD_DISPATCH)),$(error $(SIMD_DISPATCH)))
SIMD_LEVELS := $(SIMD_BASE) $(SIMD_DISPATCH)
simd_flags  = $(call simd_query,flags $(1))
SIMD_BASE_FLAGS := $(call simd_flags,$(SIMD_BASE))
SIMD_OBJ   := $(SIMD_LEVELS:%=$(BUILD)/simd/kernels-%.o)
# SLEEF: the vector math of the AVX2 and AVX-512 levels
ifneq ($(filter AVX2 AVX512_SKX,$(SIMD_LEVELS)),)
SLEEF_CFLAGS := $(shell $(PKG_CONFIG) --cflags sleef 2>/dev/null)
SLEEF_LIBS   := $(or $(shell $(PKG_CONFIG) --libs sleef 2>/dev/null),-lsleef)
endif

# ---- BLAS and LAPACK, chosen as NumPy's build chooses them: BLAS=openblas
# (default), blas (the reference netlib BLAS + LAPACK), blis (BLIS for BLAS,
# netlib LAPACK on top), mkl, accelerate (macOS). Each is found with
# pkg-config, so PKG_CONFIG_PATH reaches a library in a non-standard place.
# ILP64=1 builds against the 64-bit-integer interface (libopenblas64,
# liblapacke64). LAPACK is always called through LAPACKE. BLAS_CFLAGS and
# BLAS_LIBS override the search entirely. See docs/blas.md.
BLAS       ?= openblas
ILP64      ?=
# (an empty BLAS= on the command line means the default too)
ifeq ($(strip $(BLAS)),)
  override BLAS := openblas
endif
MULTIARCH  := $(shell $(CC) -print-multiarch 2>/dev/null)
LIBDIR_SYS ?= /usr/lib/$(MULTIARCH)
pc_libs     = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)
pc_cflags   = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
# Debian switches libblas.so.3 / liblapack.so.3 between implementations
# with update-alternatives; the reference build links the netlib copies by
# path and puts their directories first in the run-time search path.
netlib_dir  = $(firstword $(wildcard $(LIBDIR_SYS)/$(1)) $(LIBDIR_SYS))
# (--no-as-needed: LumPy calls LAPACK only through LAPACKE, and the library
# must still be loaded from that directory before LAPACKE asks for it)
netlib_libs = -L$(call netlib_dir,$(1)) -Wl,-rpath,$(call netlib_dir,$(1)) \
              -Wl,--push-state,--no-as-needed -l$(2) -Wl,--pop-state
ifeq ($(ILP64),1)
  LAPACKE_PC := lapacke64
  BLAS_DEFS  := -DLPY_ILP64 -DLAPACK_ILP64
  B64        := 64
else
  LAPACKE_PC := lapacke
  B64        :=
endif
LAPACKE_LIBS = $(or $(call pc_libs,$(LAPACKE_PC)),-llapacke$(B64))
ifeq ($(BLAS),openblas)
  BLAS_FOUND_LIBS   := $(or $(call pc_libs,openblas$(B64)),-lopenblas$(B64))
  BLAS_FOUND_CFLAGS := $(call pc_cflags,openblas$(B64)) $(call pc_cflags,$(LAPACKE_PC))
  BLAS_FOUND_LIBS   := $(LAPACKE_LIBS) $(BLAS_FOUND_LIBS)
else ifeq ($(BLAS),blas)
  BLAS_FOUND_LIBS   := $(LAPACKE_LIBS) $(call netlib_libs,lapack$(B64),lapack$(B64)) \
                       $(call netlib_libs,blas$(B64),blas$(B64))
  BLAS_FOUND_CFLAGS := $(call pc_cflags,$(LAPACKE_PC))
else ifeq ($(BLAS),blis)
  # LAPACK's own BLAS calls go to BLIS's BLAS interface (Debian ships it as
  # blis-<threading>/libblas.so.3)
  BLIS_DIR ?= $(notdir $(firstword $(wildcard $(LIBDIR_SYS)/blis$(B64)-openmp $(LIBDIR_SYS)/blis$(B64)-pthread $(LIBDIR_SYS)/blis$(B64)-serial)))
  BLAS_FOUND_LIBS   := $(LAPACKE_LIBS) $(call netlib_libs,lapack$(B64),lapack$(B64)) \
                       $(or $(call pc_libs,blis$(B64)),-lblis$(B64)) \
                       $(if $(BLIS_DIR),$(call netlib_libs,$(BLIS_DIR),blas$(B64)))
  BLAS_FOUND_CFLAGS := $(call pc_cflags,blis$(B64)) $(call pc_cflags,$(LAPACKE_PC))
else ifeq ($(BLAS),mkl)
  MKL_PC            := mkl-dynamic-$(if $(B64),ilp64,lp64)-seq
  BLAS_FOUND_LIBS   := $(or $(call pc_libs,$(MKL_PC)),-lmkl_rt)
  BLAS_FOUND_CFLAGS := $(call pc_cflags,$(MKL_PC))
else ifeq ($(BLAS),accelerate)
  # macOS 13.3+: the new LAPACK/BLAS symbols ($NEWLAPACK, $NEWLAPACK$ILP64);
  # LAPACKE itself comes from pkg-config (e.g. Homebrew's lapack)
  BLAS_DEFS         += -DACCELERATE_NEW_LAPACK \
                       -DLPY_BLAS_SUFFIX='"$$NEWLAPACK$(if $(B64),$$ILP64)"'
  BLAS_FOUND_LIBS   := $(LAPACKE_LIBS) -framework Accelerate
  BLAS_FOUND_CFLAGS := $(call pc_cflags,$(LAPACKE_PC))
else
  $(error BLAS=$(BLAS): expected openblas, blas, blis, mkl or accelerate)
endif
BLAS_CFLAGS ?= $(strip $(BLAS_FOUND_CFLAGS))
BLAS_LIBS   ?= $(strip $(BLAS_FOUND_LIBS))

# ---- FFTW3, double and single precision, with its threads (np.fft)
FFTW_CFLAGS ?= $(call pc_cflags,fftw3 fftw3f)
FFTW_LIBS   ?= -lfftw3_threads -lfftw3f_threads $(or $(call pc_libs,fftw3 fftw3f),-lfftw3 -lfftw3f)

# ---- zlib (the deflated members of .npz files)
ZLIB_CFLAGS ?= $(call pc_cflags,zlib)
ZLIB_LIBS   ?= $(or $(call pc_libs,zlib),-lz)

CFLAGS_ALL  = -std=gnu11 -fPIC -fvisibility=hidden -ffp-contract=off -fno-math-errno \
              -Wall -Wextra -Wno-unused-parameter -Wno-type-limits -D_GNU_SOURCE \
              -Werror=implicit-function-declaration \
              $(SIMD_BASE_FLAGS) $(BLAS_DEFS) $(BLAS_CFLAGS) $(FFTW_CFLAGS) $(ZLIB_CFLAGS) -I$(BUILD) $(LUA_CFLAGS) $(OPT) $(CFLAGS)
LDLIBS_ALL  = $(BLAS_LIBS) $(FFTW_LIBS) $(ZLIB_LIBS) $(SLEEF_LIBS) -lm -lpthread -ldl $(LDLIBS)

SRC   := $(wildcard src/core/*.c src/bind/*.c)
LUAPARTS := $(sort $(wildcard lua/lumpy/*.lua))
OBJ   := $(SRC:%.c=$(BUILD)/%.o) $(BUILD)/luaparts.o $(SIMD_OBJ)
HDR   := $(wildcard src/core/*.h src/bind/*.h src/simd/*.h include/*.h)

.PHONY: fuzz fuzz-replay
.PHONY: ctest all deps test demo env fixtures bench sanitize clean check-deps \
        install uninstall check-rock test-levels test-blas cross-aarch64 test-embed check-install test-lua specs FORCE

all: $(BUILD)/lumpy.so

$(BUILD)/lumpy.so: $(OBJ)
	$(CC) -shared -o $@ $(OBJ) $(LDFLAGS) $(LDLIBS_ALL)

# the same objects as a static library, for hosts that link LumPy in
$(BUILD)/liblumpy.a: $(OBJ)
	rm -f $@
	$(AR) rcs $@ $(OBJ)

# ---- make test-embed: examples/embed/host.c, a C host with LumPy linked in
# statically, run as is and under valgrind (no errors, no definite leaks);
# and spec/c/test_states.c, two threads with a Lua state each using LumPy
# at once. (Valgrind does not know AVX-512: it hides it, and LumPy picks a
# lower SIMD level.)
LUA_LIBS  ?= $(or $(call pc_libs,$(LUA_PC)),-llua5.4)
HOST_LINK  = $(BUILD)/liblumpy.a $(LUA_LIBS) $(LDFLAGS) $(LDLIBS_ALL)
VALGRIND  ?= valgrind
VALGRIND_FLAGS ?= --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
                  --show-leak-kinds=definite --track-origins=yes -q
$(BUILD)/embed-host: examples/embed/host.c include/lumpy.h $(BUILD)/liblumpy.a
	$(CC) $(CFLAGS_ALL) -Iinclude -o $@ examples/embed/host.c $(HOST_LINK)

$(BUILD)/test_states: spec/c/test_states.c include/lumpy.h $(BUILD)/liblumpy.a
	$(CC) $(CFLAGS_ALL) -Iinclude -o $@ spec/c/test_states.c $(HOST_LINK)

$(BUILD)/test_dlpack: spec/c/test_dlpack.c include/lumpy.h $(BUILD)/liblumpy.a
	$(CC) $(CFLAGS_ALL) -Iinclude -o $@ spec/c/test_dlpack.c $(HOST_LINK)

$(BUILD)/test_capi: spec/c/test_capi.c include/lumpy.h $(BUILD)/liblumpy.a
	$(CC) $(CFLAGS_ALL) -Iinclude -o $@ spec/c/test_capi.c $(HOST_LINK)

test-embed: $(BUILD)/embed-host $(BUILD)/test_states $(BUILD)/test_dlpack $(BUILD)/test_capi
	$(BUILD)/embed-host
	OPENBLAS_NUM_THREADS=1 $(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/embed-host
	OPENBLAS_NUM_THREADS=1 $(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/test_dlpack
	OPENBLAS_NUM_THREADS=1 $(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/test_capi
	$(SPEC_ENV) $(BUILD)/test_states
	$(MAKE) --no-print-directory check-install

# the pure-Lua parts compiled in (see tools/luaparts.lua)
$(BUILD)/luaparts.c: tools/luaparts.lua $(LUAPARTS)
	@mkdir -p $(BUILD)
	$(LUA) tools/luaparts.lua $@ $(LUAPARTS)

$(BUILD)/luaparts.o: $(BUILD)/luaparts.c
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/simd/kernels-%.o: src/simd/kernels.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(call simd_flags,$*) $(SLEEF_CFLAGS) $(KERNEL_CFLAGS) -DLPY_SIMD_LEVEL=$* -c -o $@ $<

# the Lua headers the binding is compiled against, rewritten only when they
# change: a build directory reused for another Lua (luarocks' build-rock)
# recompiles the binding
$(filter $(BUILD)/src/bind/%,$(OBJ)): $(BUILD)/lua.stamp
$(BUILD)/lua.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(LUA_CFLAGS)' > $@.tmp && { cmp -s $@.tmp $@ || mv $@.tmp $@; } && rm -f $@.tmp

# the build's configuration, for dispatch.c and np.show_config(); rewritten
# only when it changes
$(BUILD)/src/core/dispatch.o: $(BUILD)/lpy_config.h
cfg_str = "$(subst ",\",$(strip $(1)))"
$(BUILD)/lpy_config.h: FORCE
	@mkdir -p $(BUILD)
	@{ echo '/* generated by the Makefile: the build configuration */'; \
	  echo '#define LPY_CFG_ARCH $(call cfg_str,$(ARCH))'; \
	  echo '#define LPY_CFG_CPU_BASELINE $(call cfg_str,$(CPU_BASELINE))'; \
	  echo '#define LPY_CFG_CPU_DISPATCH $(call cfg_str,$(CPU_DISPATCH))'; \
	  echo '#define LPY_CFG_DISPATCH $(call cfg_str,$(SIMD_DISPATCH))'; \
	  echo '#define LPY_CFG_FEATURES $(call cfg_str,$(call simd_query,allfeatures))'; \
	  echo '#define LPY_CFG_ALL_LEVELS $(call cfg_str,$(call simd_query,levels))'; \
	  echo '#define LPY_CFG_LEVELS(X) $(foreach l,$(SIMD_LEVELS),X($(l), $(call cfg_str,$(call simd_query,features $(l)))))'; \
	  echo '#define LPY_CFG_CC $(call cfg_str,$(shell $(CC) --version 2>/dev/null | head -n 1))'; \
	  echo '#define LPY_CFG_CFLAGS $(call cfg_str,$(CFLAGS_ALL))'; \
	  echo '#define LPY_CFG_LIBS $(call cfg_str,$(LDLIBS_ALL))'; \
	  echo '#define LPY_CFG_BLAS $(call cfg_str,$(BLAS)$(if $(filter 1,$(ILP64)), (ILP64)))'; \
	  echo '#define LPY_CFG_BLAS_LIBS $(call cfg_str,$(BLAS_LIBS))'; \
	  echo '#define LPY_CFG_SLEEF $(call cfg_str,$(if $(SLEEF_LIBS),$(shell $(PKG_CONFIG) --modversion sleef 2>/dev/null)))'; \
	} > $@.tmp && { cmp -s $@.tmp $@ || mv $@.tmp $@; } && rm -f $@.tmp

FORCE:

deps:
	@sh tools/install-deps.sh

env:
	@echo 'export LUA_PATH="$(CURDIR)/lua/?.lua;;"'
	@echo 'export LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;"'

# the specs `make test` and `make sanitize` run: all of them, or e.g.
# SPECS=spec/reduce_spec.lua while working on one area
SPECS ?= spec
SPEC_ENV = LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/spec/?.lua;;" LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;"

# ---- make ctest: the C core's own tests, built without Lua
CORE_SRC := $(wildcard src/core/*.c)
CTEST_FLAGS = -std=gnu11 -ffp-contract=off -fno-math-errno -Wall -Wextra \
              -Wno-unused-parameter -Wno-type-limits -D_GNU_SOURCE \
              $(SIMD_BASE_FLAGS) $(BLAS_DEFS) $(BLAS_CFLAGS) $(FFTW_CFLAGS) $(ZLIB_CFLAGS) -I$(BUILD) $(OPT) $(CFLAGS)
# the parts of the core on BLAS/LAPACK and FFTW (the cross build leaves
# them out): a core file that calls those libraries, or calls one that does,
# is named by one of these patterns, and no other core file calls into them
LIB_USERS := $(wildcard src/core/blas*.c src/core/einsum*.c src/core/linalg*.c \
               src/core/products*.c src/core/spectral*.c src/core/fft*.c)
# the .npz reader and writer need zlib, which the cross build does not have
LIB_USERS += $(wildcard src/core/npz*.c)
CTEST_CORE ?= $(CORE_SRC)
CTEST_DEPS  = $(CTEST_CORE) $(HDR) spec/c/check.h $(SIMD_OBJ) $(BUILD)/lpy_config.h
CTEST_LINK  = $(CTEST_CORE) $(SIMD_OBJ) $(LDFLAGS) $(BLAS_LIBS) $(FFTW_LIBS) $(ZLIB_LIBS) $(SLEEF_LIBS) -lm -lpthread -ldl

$(BUILD)/test_core: spec/c/test_core.c $(CTEST_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_core.c $(CTEST_LINK)

$(BUILD)/test_format: spec/c/test_format.c $(CTEST_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_format.c $(CTEST_LINK)

$(BUILD)/test_simd: spec/c/test_simd.c $(CTEST_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_simd.c $(CTEST_LINK)

# the FFT core under threads (not in the cross build: it needs FFTW)
$(BUILD)/test_fft: spec/c/test_fft.c $(CTEST_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_fft.c $(CTEST_LINK)

# the .npy / .npz core (not in the cross build: it needs zlib)
$(BUILD)/test_npyio: spec/c/test_npyio.c $(CTEST_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(CTEST_FLAGS) -o $@ spec/c/test_npyio.c $(CTEST_LINK)

ctest: $(BUILD)/test_core $(BUILD)/test_format $(BUILD)/test_simd $(BUILD)/test_fft \
       $(BUILD)/test_npyio
	$(BUILD)/test_core
	$(BUILD)/test_format
	$(BUILD)/test_simd
	$(BUILD)/test_fft
	$(BUILD)/test_npyio

test: deps
	$(MAKE) all ctest test-embed
	$(SPEC_ENV) $(LUA) $(BUSTED) --lua=$(LUA) -o utfTerminal $(SPECS)
	$(MAKE) check-docs
	$(MAKE) test-levels
	$(MAKE) test-lua
	$(MAKE) test-blas
	$(MAKE) cross-aarch64
	$(MAKE) check-rock

# ---- make cross-aarch64: the C core and the kernels (aarch64's one level,
# ASIMD) built by Debian's cross compiler, and the C tests run under
# qemu-aarch64. The Lua binding is not cross-built (Debian's Lua headers need
# the target's multiarch directory), nor are the linear algebra and the
# FFT, which need the target's BLAS, LAPACK and FFTW.
CROSS_AARCH64 ?= aarch64-linux-gnu-gcc
QEMU_AARCH64  ?= qemu-aarch64
cross-aarch64:
	$(MAKE) BUILD=build-aarch64 CC=$(CROSS_AARCH64) BLAS_LIBS= BLAS_CFLAGS= \
	  FFTW_LIBS= FFTW_CFLAGS= ZLIB_LIBS= ZLIB_CFLAGS= \
	  CTEST_CORE="$(filter-out $(LIB_USERS),$(CORE_SRC))" build-aarch64/test_core \
	  build-aarch64/test_format build-aarch64/test_simd
	for t in test_core test_format test_simd; do \
	  QEMU_LD_PREFIX=/usr/aarch64-linux-gnu $(QEMU_AARCH64) build-aarch64/$$t || exit 1; done

# The ufunc specs again at every lower SIMD level this CPU supports (the full
# run above used the best one), each chosen with LUMPY_DISABLE_CPU_FEATURES.
UFUNC_SPECS = spec/ufuncs_spec.lua spec/mathfuncs_spec.lua spec/mathfuncs2_spec.lua \
              spec/kernels_spec.lua spec/compare_spec.lua spec/ufunc_options_spec.lua \
              spec/slowpath_spec.lua spec/accuracy_spec.lua spec/reduce_spec.lua
test-levels: all
	@$(SPEC_ENV) $(LUA) spec/levels.lua > $(BUILD)/levels.txt
	@while read level disable; do \
	  echo "== ufunc specs at SIMD level $$level (LUMPY_DISABLE_CPU_FEATURES=$$disable)"; \
	  LUMPY_DISABLE_CPU_FEATURES="$$disable" $(SPEC_ENV) $(LUA) $(BUSTED) --lua=$(LUA) \
	    -o utfTerminal $(UFUNC_SPECS) || exit 1; \
	done < $(BUILD)/levels.txt

# ---- make test-blas: the linear-algebra specs again against other BLAS
# builds (the full run above used BLAS=$(BLAS)), each in its own build
# directory: the reference netlib BLAS + LAPACK, OpenBLAS's 64-bit-integer
# interface and BLIS. spec/blas_spec.lua checks, through LUMPY_EXPECT_BLAS,
# that each build runs the library it was built for. TAP output, so that a
# run that stops early (the reference LAPACK's XERBLA used to end the
# process with status 0) fails for lack of its closing plan line.
BLAS_VARIANTS ?= blas:BLAS=blas ilp64:ILP64=1 blis:BLAS=blis
LINALG_SPECS  := $(wildcard spec/blas_spec.lua spec/products_spec.lua spec/einsum_spec.lua \
                   spec/linalg_spec.lua spec/spectral_spec.lua)
test-blas:
	@for v in $(BLAS_VARIANTS); do \
	  name=$${v%%:*}; args=$$(echo "$${v#*:}" | tr , ' '); \
	  echo "== linalg specs against BLAS build '$$name' ($$args)"; \
	  $(MAKE) --no-print-directory BUILD=build-$$name $$args all >/dev/null || exit 1; \
	  LUMPY_EXPECT_BLAS=$$name LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/spec/?.lua;;" \
	    LUA_CPATH="$(CURDIR)/build-$$name/?.so;;" \
	    $(LUA) $(BUSTED) --lua=$(LUA) -o TAP $(LINALG_SPECS) > build-$$name/specs.tap 2>&1; \
	  st=$$?; grep -v '^ok ' build-$$name/specs.tap; \
	  echo "$$(grep -c '^ok ' build-$$name/specs.tap) passed"; \
	  [ $$st -eq 0 ] && grep -q '^1\.\.[0-9]' build-$$name/specs.tap || \
	    { echo "test-blas: the specs failed or stopped early with '$$name'" >&2; exit 1; }; \
	done

# the spec suite alone, against the build in $(BUILD) (`luarocks test`)
specs:
	$(SPEC_ENV) $(LUA) $(BUSTED) --lua=$(LUA) -o utfTerminal $(SPECS)

# ---- make test-lua: the whole spec suite again under the other Lua versions
# (TEST_LUAS and 5.4, less LUA), each built against its own headers (make
# test LUA=luajit runs everything under one of them instead)
TEST_LUAS ?= lua5.3 luajit lua5.2 lua5.1
test-lua:
	@for l in $(filter-out $(LUA),$(TEST_LUAS) lua5.4); do \
	  echo "== the spec suite under $$l"; \
	  $(MAKE) --no-print-directory LUA=$$l all >/dev/null || exit 1; \
	  b=build-$$l; [ $$l = lua5.4 ] && b=build; \
	  LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/spec/?.lua;;" LUA_CPATH="$(CURDIR)/$$b/?.so;;" \
	    $$l $(BUSTED) --lua=$$l -o utfTerminal $(SPECS) || exit 1; \
	done

demo: deps
	$(MAKE) all
	$(SPEC_ENV) $(LUA) examples/tour.lua

fixtures:
	$(PYTHON) tools/gen_fixtures.py spec/fixtures

# ---- make docs: docs/reference.md from the LuaLS annotations in types/ (their
# one source); make check-docs: the annotations parse, docs/reference.md is up
# to date, and every exported function has an annotation (and every annotation
# names something that exists)
.PHONY: docs check-docs
docs:
	$(LUA) tools/gen_reference.lua types docs/reference.md

# (the exports are the same under every Lua; Lua 5.1 cannot read the
# upvalues of C functions, where the method tables are, so there the check
# runs under Lua 5.4)
ifeq ($(LUA),lua5.1)
check-docs:
	$(MAKE) --no-print-directory LUA=lua5.4 check-docs
else
check-docs: all
	$(LUA) tools/gen_reference.lua --check types
	@$(LUA) tools/gen_reference.lua types $(BUILD)/reference.md && \
	  cmp -s $(BUILD)/reference.md docs/reference.md || \
	  { echo "check-docs: docs/reference.md is stale: run make docs" >&2; exit 1; }
	$(SPEC_ENV) $(LUA) tools/check_api_coverage.lua types
endif

# ---- make fit-check: the scripts in tools/fit re-derive the SIMD math
# kernels' coefficients (mpmath) and compare them with src/simd/vmath_*.h
# (see docs/simd.md, "Where the coefficients come from"); not part of
# `make test`: it takes 15 s of CPU, a minute or more on a busy machine
.PHONY: fit-check
fit-check:
	nice -n 19 $(PYTHON) tools/fit/check.py

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

# The SIMD kernels are built without ASan's fake stack frames: those are only
# 32-byte aligned, and GCC aligns the AVX-512 kernels' local buffers to 64
# bytes and then uses aligned moves on them.
SAN_KERNEL_CFLAGS ?= --param asan-use-after-return=0
SAN_MAKE = $(MAKE) BUILD=$(SAN_BUILD) OPT="-O1 -g" CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
           KERNEL_CFLAGS="$(SAN_KERNEL_CFLAGS)"

sanitize: deps
	$(SAN_MAKE) all
	ASAN_OPTIONS="$(ASAN_OPTIONS_SAN)" UBSAN_OPTIONS="$(UBSAN_OPTIONS_SAN)" $(SAN_MAKE) ctest
	ASAN_OPTIONS="$(ASAN_OPTIONS_SAN)" UBSAN_OPTIONS="$(UBSAN_OPTIONS_SAN)" $(MAKE) fuzz-replay
	$(if $(SAN_KEEP_LOADED),$(MAKE) $(SAN_KEEP))
	@case "$(ASAN_LIB)" in /*) test -f "$(ASAN_LIB)" && exit 0;; esac; \
	  echo "sanitize: libasan.so not found ($(CC) -print-file-name=libasan.so gave '$(ASAN_LIB)')" >&2; exit 1
	$(SAN_ENV) $(LUA) $(BUSTED) -o utfTerminal $(SPECS) || { \
	  echo "sanitize: the specs failed under ASan/UBSan (see above); if a leak report has unnamed frames, rerun with 'make sanitize SAN_KEEP_LOADED=1'" >&2; exit 1; }

# ---- make fuzz FUZZ_TIME=60: the libFuzzer harnesses of the .npy header
# parser and the .npz reader (fuzz/fuzz_npy.c, fuzz/fuzz_npz.c), built by
# clang with -fsanitize=fuzzer,address,undefined and run FUZZ_TIME seconds
# each from the seed corpus fuzz/corpus/<name> (new inputs go to
# $(FUZZ_BUILD)/corpus-<name>, crashes to $(FUZZ_BUILD)/). make fuzz-replay
# (called by make sanitize) builds the same harnesses with $(CC) and
# fuzz/replay.c instead of libFuzzer, under ASan/UBSan, and feeds them every
# file of fuzz/corpus once, so no clang is needed to check the corpus.
FUZZ_TIME   ?= 60
FUZZ_CC     ?= clang
FUZZ_BUILD  ?= build-fuzz
FUZZ_NAMES  := npy npz
FUZZ_CORE   := src/core/npy_format.c src/core/npz.c src/core/err.c
FUZZ_CFLAGS  = -std=gnu11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Wno-unused-parameter \
               -fno-omit-frame-pointer -fno-sanitize-recover=undefined $(ZLIB_CFLAGS)
FUZZ_LIBS    = $(ZLIB_LIBS) -lm

fuzz:
	@mkdir -p $(FUZZ_BUILD)
	@for h in $(FUZZ_NAMES); do \
	  $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $(FUZZ_BUILD)/fuzz_$$h \
	    fuzz/fuzz_$$h.c $(FUZZ_CORE) $(FUZZ_LIBS) || exit 1; done
	@for h in $(FUZZ_NAMES); do \
	  echo "== fuzz_$$h for $(FUZZ_TIME) s"; mkdir -p $(FUZZ_BUILD)/corpus-$$h; \
	  $(FUZZ_BUILD)/fuzz_$$h -max_total_time=$(FUZZ_TIME) -max_len=65536 -rss_limit_mb=2048 \
	    -artifact_prefix=$(FUZZ_BUILD)/ -print_final_stats=1 \
	    $(FUZZ_BUILD)/corpus-$$h fuzz/corpus/$$h || exit 1; done

fuzz-replay:
	@mkdir -p $(SAN_BUILD)
	@for h in $(FUZZ_NAMES); do \
	  $(CC) $(FUZZ_CFLAGS) -fsanitize=address,undefined -o $(SAN_BUILD)/replay_$$h \
	    fuzz/replay.c fuzz/fuzz_$$h.c $(FUZZ_CORE) $(FUZZ_LIBS) || exit 1; \
	  echo "== fuzz_$$h: replaying fuzz/corpus/$$h"; \
	  $(SAN_BUILD)/replay_$$h fuzz/corpus/$$h || exit 1; done

# ---- make install PREFIX=/usr/local [DESTDIR=...]

# ---- make install PREFIX=/usr/local [DESTDIR=...]: the Lua module and its
# Lua parts; for C hosts the header, the static library and lumpy.pc
PREFIX      ?= /usr/local
INST_LIBDIR ?= $(PREFIX)/lib/lua/$(LUA_ABI)
INST_LUADIR ?= $(PREFIX)/share/lua/$(LUA_ABI)
INST_INCDIR ?= $(PREFIX)/include
INST_ALIBDIR ?= $(PREFIX)/lib
INST_PCDIR  ?= $(INST_ALIBDIR)/pkgconfig
INSTALL     ?= install

# lumpy.pc: a host links liblumpy.a and what LumPy needs. Written by each
# install, since it names the install's own directories.
define write_pc
{ echo 'prefix=$(PREFIX)'; echo 'libdir=$(INST_ALIBDIR)'; echo 'includedir=$(INST_INCDIR)'; \
  echo; echo 'Name: lumpy'; \
  echo 'Description: NumPy for Lua - the C API for hosts that embed Lua (static library)'; \
  echo 'Version: '$$(sed -n 's/^#define LUMPY_VERSION "\(.*\)"/\1/p' include/lumpy.h); \
  echo 'Requires: $(LUA_PC)'; \
  echo 'Cflags: -I$${includedir}'; \
  echo 'Libs: -L$${libdir} -llumpy $(LDLIBS_ALL)'; }
endef

install: all $(BUILD)/liblumpy.a
	$(INSTALL) -d "$(DESTDIR)$(INST_LIBDIR)" "$(DESTDIR)$(INST_LUADIR)/lumpy" "$(DESTDIR)$(INST_INCDIR)" \
	  "$(DESTDIR)$(INST_ALIBDIR)" "$(DESTDIR)$(INST_PCDIR)"
	$(INSTALL) -m 0755 $(BUILD)/lumpy.so "$(DESTDIR)$(INST_LIBDIR)/lumpy.so"
	@for f in lua/lumpy/*.lua; do [ -e "$$f" ] || continue; \
	  echo $(INSTALL) -m 0644 "$$f" "$(DESTDIR)$(INST_LUADIR)/lumpy/"; \
	  $(INSTALL) -m 0644 "$$f" "$(DESTDIR)$(INST_LUADIR)/lumpy/" || exit 1; done
	$(INSTALL) -m 0644 include/lumpy.h "$(DESTDIR)$(INST_INCDIR)/lumpy.h"
	$(INSTALL) -m 0644 $(BUILD)/liblumpy.a "$(DESTDIR)$(INST_ALIBDIR)/liblumpy.a"
	$(write_pc) > "$(DESTDIR)$(INST_PCDIR)/lumpy.pc"

uninstall:
	rm -f "$(DESTDIR)$(INST_LIBDIR)/lumpy.so" "$(DESTDIR)$(INST_INCDIR)/lumpy.h" \
	  "$(DESTDIR)$(INST_ALIBDIR)/liblumpy.a" "$(DESTDIR)$(INST_PCDIR)/lumpy.pc"
	rm -rf "$(DESTDIR)$(INST_LUADIR)/lumpy"

# ---- make check-install: `make install` into a scratch prefix, then build
# the embedding example from there with pkg-config alone and run it
check-install:
	@prefix=$$(mktemp -d "$${TMPDIR:-/tmp}/lumpy-install.XXXXXX") || exit 1; \
	trap 'rm -rf "$$prefix"' EXIT; \
	$(MAKE) --no-print-directory install PREFIX="$$prefix" > "$$prefix/install.log" || \
	  { cat "$$prefix/install.log" >&2; exit 1; }; \
	flags=$$(PKG_CONFIG_PATH="$$prefix/lib/pkgconfig" $(PKG_CONFIG) --cflags --libs lumpy) || exit 1; \
	echo "check-install: cc host.c $$flags"; \
	$(CC) -o "$$prefix/host" examples/embed/host.c $$flags -lm && "$$prefix/host"

# ---- make check-rock: `luarocks make` into a scratch tree, then require
# "lumpy" from that tree alone (no build-tree or system paths) and compute,
# with Lua 5.4 whatever LUA is.
LUAROCKS ?= luarocks
ROCK_LUA ?= lua5.4
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
	  $(ROCK_LUA) -e '$(ROCK_CHECK)' || exit 1; \
	echo "check-rock: $(LUAROCKS) --lua-version=5.4 test $(ROCKSPEC)"; \
	MAKEFLAGS= LUA=$(ROCK_LUA) $(LUAROCKS) --lua-version=5.4 --tree "$$tree" test $(ROCKSPEC) \
	  > "$$tree/test.log" 2>&1 || \
	  { cat "$$tree/test.log" >&2; echo "check-rock: luarocks test failed" >&2; exit 1; }; \
	grep -a "successes" "$$tree/test.log" | tail -n 1

clean:
	rm -rf build build-*
