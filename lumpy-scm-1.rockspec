-- LumPy rockspec: `luarocks --lua-version=5.4 make` in the repository root
-- builds and installs the C module `lumpy` and the pure-Lua modules
-- lua/lumpy/*.lua (as `lumpy.<name>`).
--
-- Build type "make": the Makefile is the one description of how LumPy is
-- compiled (per-file flags such as -ffp-contract=off and -fvisibility=hidden,
-- and later one compilation per SIMD level), which "builtin" cannot express.
-- The rock is built in build-rock/ so that it never mixes objects with the
-- development build (build/) or the sanitizer build (build-asan/).
rockspec_format = "3.0"
package = "lumpy"
version = "scm-1"

source = {
   -- TODO: the public repository address once there is one. `luarocks make`
   -- builds from the working copy and does not read this.
   url = "git+https://example.invalid/lumpy.git",
}

description = {
   summary = "NumPy for Lua: n-dimensional arrays in C with a Lua 5.4 binding",
   detailed = [[
LumPy gives Lua 5.4 NumPy's n-dimensional arrays: every dtype from bool to
complex128, NumPy 2 promotion, broadcasting, views and slicing (with Lua's
1-based, inclusive positions), elementwise operations and NumPy-identical
printing, implemented in C.
]],
   license = "MIT", -- TODO: confirm
   labels = { "array", "numeric", "numpy", "science" },
}

dependencies = {
   "lua >= 5.1, < 5.5",
}

-- Declared so that a missing library is reported by luarocks before a
-- build. Each is named by the Debian package that provides it, so that
-- luarocks' message ("You may have to install libfftw3-dev in your system")
-- names what to install. The BLAS checked is the default build's OpenBLAS;
-- BLAS=blas|blis|mkl|accelerate choose another (docs/blas.md).
external_dependencies = {
   -- vector math of the AVX2 / AVX-512 kernels; the header is found by the
   -- compiler (Debian puts it in a multiarch directory)
   ["libsleef-dev"] = { library = "sleef" },
   ["libopenblas-dev"] = { library = "openblas" },
   ["liblapacke-dev"] = { header = "lapacke.h", library = "lapacke" },
   ["libfftw3-dev"] = { header = "fftw3.h", library = "fftw3" },
   ["zlib1g-dev"] = { header = "zlib.h", library = "z" },
}

-- `luarocks test`: the busted specs against the rock's build (build-rock/),
-- with Debian's busted (lua-busted), so no test rock is fetched
test = {
   type = "command",
   command = "make specs BUILD=build-rock",
}

-- The BLAS/LAPACK choice is the Makefile's (docs/blas.md), read from the
-- environment: `BLAS=blas ILP64=1 luarocks make` (not a build variable,
-- which luarocks would warn about whenever it is not given).
build = {
   type = "make",
   -- kept in the rock's directory (`luarocks show --rock-dir lumpy`): the
   -- documentation, and the lua-language-server definitions for editors
   copy_directories = { "docs", "types" },
   -- luarocks' own CFLAGS (-O2 -fPIC) are deliberately not passed: the
   -- Makefile's OPT and flags apply, as in the development build.
   build_variables = {
      BUILD = "build-rock",
      CC = "$(CC)",
      LUA = "$(LUA)",
      LUA_INCDIR = "$(LUA_INCDIR)",
      -- recorded only (silences luarocks' warning); the Makefile's flags apply
      LUAROCKS_CFLAGS = "$(CFLAGS)",
   },
   -- the same Lua as the build: `make install` checks that the build is
   -- up to date for it
   install_variables = {
      BUILD = "build-rock",
      LUA = "$(LUA)",
      LUA_INCDIR = "$(LUA_INCDIR)",
      INST_LIBDIR = "$(LIBDIR)",
      INST_LUADIR = "$(LUADIR)",
      INST_INCDIR = "$(PREFIX)/include",
   },
}
