/*
** runtime.c - what LumPy runs on: np.cpu_features(), np.show_runtime(),
** np.show_config(), np.get/set_num_threads (the BLAS's threads), and
** np.slowpath (counts of the slow paths ufunc calls
** take, see lpy.h).
*/
#include <string.h>
#include "lbind.h"
#include "../../include/lumpy.h"
#include "../core/blasinfo.h"
#include "../core/fft.h"

/* ------------------------------------------------------- SIMD */
/* push the space-separated words of s as a sequence */
static void push_words(lua_State *L, const char *s) {
  lua_Integer i = 0;
  lua_newtable(L);
  while (*s) {
    size_t n;
    while (*s == ' ') s++;
    n = strcspn(s, " ");
    if (n == 0) break;
    lua_pushlstring(L, s, n);
    lua_rawseti(L, -2, ++i);
    s += n;
  }
}

static int has(const char *list, const char *w, size_t n) {
  while (*list) {
    size_t k;
    while (*list == ' ') list++;
    k = strcspn(list, " ");
    if (k == n && memcmp(list, w, n) == 0) return 1;
    list += k;
  }
  return 0;
}

static int l_cpu_features(lua_State *L) {
  const lpy_simd_info *in = lpy_simd_get_info();
  const char *name, *lev, *p;
  int i, vec;
  lua_newtable(L);
  lua_pushstring(L, in->arch);
  lua_setfield(L, -2, "arch");
  lua_pushstring(L, in->baseline);
  lua_setfield(L, -2, "baseline_level");
  push_words(L, in->baseline_features);
  lua_setfield(L, -2, "baseline");
  push_words(L, in->dispatch);
  lua_setfield(L, -2, "dispatch");
  push_words(L, in->disabled);
  lua_setfield(L, -2, "disabled");
  lua_pushstring(L, in->running);
  lua_setfield(L, -2, "level");
  lua_pushstring(L, in->tuning);
  lua_setfield(L, -2, "tuning");
  lua_createtable(L, in->nlevels, 0);  /* levels compiled in, lowest first */
  for (i = 0; i < in->nlevels; i++) {
    const char *f;
    int runs = 1;
    lua_createtable(L, 0, 4);
    lua_pushstring(L, in->level_names[i]);
    lua_setfield(L, -2, "name");
    push_words(L, in->level_features[i]);
    lua_setfield(L, -2, "features");
    for (f = in->level_features[i]; *f;) {
      size_t n;
      while (*f == ' ') f++;
      n = strcspn(f, " ");
      if (n && !has(in->detected, f, n)) runs = 0;
      f += n;
    }
    lua_pushboolean(L, runs);
    lua_setfield(L, -2, "supported");      /* the CPU has its features */
    lua_pushboolean(L, in->level_usable[i]);
    lua_setfield(L, -2, "enabled");        /* ... and none is disabled */
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "levels");
  lua_newtable(L);                     /* detected: every known feature */
  for (p = in->features; *p;) {
    size_t n;
    while (*p == ' ') p++;
    n = strcspn(p, " ");
    if (n == 0) break;
    lua_pushlstring(L, p, n);
    lua_pushboolean(L, has(in->detected, p, n));
    lua_rawset(L, -3);
    p += n;
  }
  lua_setfield(L, -2, "detected");
  lua_newtable(L);                     /* kernels: family -> level */
  lua_newtable(L);                     /* scalar: families running libm */
  for (i = 0; (name = lpy_simd_kernel(i, &lev, &vec)) != NULL; i++) {
    lua_pushstring(L, lev);
    lua_setfield(L, -3, name);
    if (!vec) {
      lua_pushboolean(L, 1);
      lua_setfield(L, -2, name);
    }
  }
  lua_setfield(L, -3, "scalar");
  lua_setfield(L, -2, "kernels");
  return 1;
}

static int l_show_runtime(lua_State *L) {
  const lpy_simd_info *in = lpy_simd_get_info();
  const char *name, *lev, *p;
  int i, vec;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  lua_pushfstring(L, "LumPy %s on %s (%s)\nSIMD extensions\n", LUMPY_VERSION,
                  LUA_RELEASE, in->arch);
  luaL_addvalue(&b);
  lua_pushfstring(L, "  baseline:   %s (%s)\n  dispatched: %s\n  found:     ",
                  in->baseline, in->baseline_features,
                  in->dispatch[0] ? in->dispatch : "(none)");
  luaL_addvalue(&b);
  for (p = in->features; *p;) {     /* found, then not found */
    size_t n;
    while (*p == ' ') p++;
    n = strcspn(p, " ");
    if (n && has(in->detected, p, n)) {
      luaL_addchar(&b, ' ');
      luaL_addlstring(&b, p, n);
    }
    p += n;
  }
  luaL_addstring(&b, "\n  not found:");
  for (p = in->features; *p;) {
    size_t n;
    while (*p == ' ') p++;
    n = strcspn(p, " ");
    if (n && !has(in->detected, p, n)) {
      luaL_addchar(&b, ' ');
      luaL_addlstring(&b, p, n);
    }
    p += n;
  }
  lua_pushfstring(L, "\n  disabled:   %s\n  running:    %s\n  tuning:     %s\n"
                  "kernels\n", in->disabled[0] ? in->disabled : "(none)",
                  in->running, in->tuning[0] ? in->tuning : "(none)");
  luaL_addvalue(&b);
  for (i = 0; (name = lpy_simd_kernel(i, &lev, &vec)) != NULL; i++) {
    size_t n = strlen(name);
    luaL_addstring(&b, "  ");
    luaL_addstring(&b, name);
    while (n++ < 15) luaL_addchar(&b, ' ');
    luaL_addstring(&b, lev);
    if (!vec) luaL_addstring(&b, " (scalar libm)");
    luaL_addchar(&b, '\n');
  }
  luaL_pushresult(&b);
  lua_getglobal(L, "io");
  lua_getfield(L, -1, "write");
  lua_pushvalue(L, -3);
  lua_call(L, 1, 0);
  return 0;
}

/* ------------------------------------------------------- configuration */
static void setstr(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v ? v : "");
  lua_setfield(L, -2, k);
}

/* the configuration as nested tables, as NumPy's show_config("dicts") */
static void push_config(lua_State *L) {
  const lpy_blas_info *b = lpy_blas_get_info();
  const char *sleef = lpy_config("sleef");
  lua_createtable(L, 0, 6);
  lua_createtable(L, 0, 6);
  setstr(L, "compiler", lpy_config("compiler"));
  setstr(L, "flags", lpy_config("cflags"));
  setstr(L, "libraries", lpy_config("libs"));
  setstr(L, "cpu_baseline", lpy_config("cpu_baseline"));
  setstr(L, "cpu_dispatch", lpy_config("cpu_dispatch"));
  setstr(L, "blas", lpy_config("blas"));
  lua_setfield(L, -2, "build");
  lua_createtable(L, 0, 2);
  setstr(L, "built_with", LUA_RELEASE);
  lua_getglobal(L, "_VERSION");
  lua_setfield(L, -2, "running");
  lua_setfield(L, -2, "lua");
  lua_createtable(L, 0, 8);
  setstr(L, "name", b->vendor);
  setstr(L, "version", b->version);
  setstr(L, "library", b->blas_path);
  setstr(L, "config", b->config);
  setstr(L, "corename", b->corename);
  setstr(L, "threading", b->threading);
  lua_pushinteger(L, lpy_blas_get_num_threads());
  lua_setfield(L, -2, "num_threads");
  lua_pushinteger(L, b->int_bits);
  lua_setfield(L, -2, "int_bits");
  lua_setfield(L, -2, "blas");
  lua_createtable(L, 0, 3);
  setstr(L, "library", b->lapack_path);
  setstr(L, "lapacke", b->lapacke_path);
  setstr(L, "version", b->lapack_version);
  lua_setfield(L, -2, "lapack");
  setstr(L, "vector_math", sleef && sleef[0] ? "SLEEF" : "libm only");
  setstr(L, "sleef_version", sleef);
}

/* np.show_config() prints; np.show_config("dicts") returns the tables */
static int l_show_config(lua_State *L) {
  static const char *const modes[] = {"stdout", "dicts", NULL};
  const lpy_blas_info *b = lpy_blas_get_info();
  const char *sleef = lpy_config("sleef"), *running, *vmath;
  if (luaL_checkoption(L, 1, "stdout", modes) == 1) {
    push_config(L);
    return 1;
  }
  lua_settop(L, 0);
  lua_getglobal(L, "io");
  lua_getfield(L, 1, "write");
  lua_getglobal(L, "_VERSION");
  running = lua_isstring(L, 3) ? lua_tostring(L, 3) : "?";
  vmath = sleef && sleef[0] ? lua_pushfstring(L, "SLEEF %s", sleef)
                            : "libm only";
  lua_pushfstring(L,
    "LumPy %s\nbuild\n"
    "  compiler:      %s\n  flags:         %s\n  libraries:     %s\n"
    "  cpu_baseline:  %s\n  cpu_dispatch:  %s\n  blas:          %s\n"
    "lua\n  built with:    %s\n  running:       %s\n",
    LUMPY_VERSION, lpy_config("compiler"), lpy_config("cflags"),
    lpy_config("libs"), lpy_config("cpu_baseline"),
    lpy_config("cpu_dispatch"), lpy_config("blas"), LUA_RELEASE, running);
  lua_pushfstring(L,
    "blas (in use at run time)\n  name:          %s %s\n"
    "  library:       %s\n  threading:     %s, %d thread(s)\n"
    "  integers:      %d-bit\n",
    b->vendor, b->version, b->blas_path, b->threading,
    lpy_blas_get_num_threads(), b->int_bits);
  if (b->config[0]) lua_pushfstring(L, "  config:        %s\n", b->config);
  else lua_pushliteral(L, "");
  lua_pushfstring(L,
    "lapack\n  library:       %s\n  version:       %s\n  lapacke:       %s\n"
    "libraries\n  vector math:   %s\n"
    "  fftw:          %s\n",
    b->lapack_path, b->lapack_version[0] ? b->lapack_version : "unknown",
    b->lapacke_path, vmath, lpy_fft_version());
  lua_concat(L, 4);
  lua_pushvalue(L, 2);                 /* io.write */
  lua_insert(L, -2);
  lua_call(L, 1, 0);
  return 0;
}

/* np.get_num_threads(), np.set_num_threads(n): the BLAS's threads */
static int l_get_num_threads(lua_State *L) {
  lua_pushinteger(L, lpy_blas_get_num_threads());
  return 1;
}

static int l_set_num_threads(lua_State *L) {
  lua_Integer n = lb_checkinteger(L, 1, "set_num_threads");
  if (n < 1 || n > 1024)
    return lb_error(L, "set_num_threads", "expected a thread count from 1 to 1024, got %d",
                    (int)n);
  if (lpy_blas_set_num_threads((int)n) != 0 && n != 1)
    return lb_error(L, "set_num_threads", "the BLAS in use (%s) has no thread control",
                    lpy_blas_get_info()->vendor);
  return 0;
}

/* ------------------------------------------------------- slow paths */
#define SLOW_MT "lumpy.slowpath"
static const char slow_key = 's';    /* registry: stack of started captures */

static int slow_gc(lua_State *L) {
  lpy_slowpath_end(luaL_checkudata(L, 1, SLOW_MT));
  return 0;
}

static lpy_slowpath *slow_new(lua_State *L) {
  lpy_slowpath *s = lua_newuserdata(L, sizeof *s);
  memset(s, 0, sizeof *s);
  luaL_setmetatable(L, SLOW_MT);
  lpy_slowpath_begin(s);
  return s;
}

static void push_counts(lua_State *L, const lpy_slowpath *s) {
  int i;
  lua_createtable(L, 0, s->n);
  for (i = 0; i < s->n; i++) {
    lua_pushinteger(L, (lua_Integer)s->c[i].count);
    lua_setfield(L, -2, s->c[i].key);
  }
  if (s->dropped) {
    lua_pushinteger(L, (lua_Integer)s->dropped);
    lua_setfield(L, -2, "other");
  }
}

/* np.slowpath.capture(fn, ...) -> counts, fn's results */
static int l_capture(lua_State *L) {
  lpy_slowpath *s;
  int top, st, nres;
  if (lua_type(L, 1) != LUA_TFUNCTION)
    return lb_error(L, "slowpath.capture", "expected a function, got %s",
                    luaL_typename(L, 1));
  top = lua_gettop(L);
  s = slow_new(L);
  lua_insert(L, 1);                    /* keep the userdata below fn */
  st = lua_pcall(L, top - 1, LUA_MULTRET, 0);
  lpy_slowpath_end(s);
  if (st != LUA_OK) return lua_error(L);
  nres = lua_gettop(L) - 1;
  push_counts(L, s);
  lua_replace(L, 1);                   /* counts where the userdata was */
  return 1 + nres;
}

static int l_start(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &slow_key);
  slow_new(L);
  lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
  return 0;
}

static int l_stop(lua_State *L) {
  lua_Integer n;
  lpy_slowpath *s;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &slow_key);
  n = luaL_len(L, -1);
  if (n == 0) return lb_error(L, "slowpath.stop", "no capture was started");
  lua_rawgeti(L, -1, n);
  s = lua_touserdata(L, -1);
  lpy_slowpath_end(s);
  push_counts(L, s);
  lua_pushnil(L);
  lua_rawseti(L, -4, n);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"cpu_features", l_cpu_features},
  {"show_runtime", l_show_runtime},
  {"show_config", l_show_config},
  {"get_num_threads", l_get_num_threads},
  {"set_num_threads", l_set_num_threads},
  {NULL, NULL}
};

static const luaL_Reg slow_funcs[] = {
  {"capture", l_capture},
  {"start", l_start},
  {"stop", l_stop},
  {NULL, NULL}
};

void lb_open_runtime(lua_State *L, int modidx, int mtidx) {
  (void)mtidx;
  lb_register(L, modidx, 0, funcs, NULL);
  if (luaL_newmetatable(L, SLOW_MT)) {
    lua_pushcfunction(L, slow_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &slow_key);
  luaL_newlib(L, slow_funcs);
  lua_setfield(L, modidx, "slowpath");
}
