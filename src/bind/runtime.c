/*
** runtime.c - what LumPy runs on: np.cpu_features(), np.show_runtime(),
** np.show_config(), and np.slowpath (counts of the slow paths ufunc calls
** take, see lpy.h).
*/
#include <string.h>
#include "lbind.h"
#include "../../include/lumpy.h"

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
  lua_pushfstring(L, "\n  disabled:   %s\n  running:    %s\nkernels\n",
                  in->disabled[0] ? in->disabled : "(none)", in->running);
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

static int l_show_config(lua_State *L) {
  const char *sleef = lpy_config("sleef"), *running;
  lua_getglobal(L, "_VERSION");
  running = lua_isstring(L, -1) ? lua_tostring(L, -1) : "?";
  if (sleef && sleef[0]) lua_pushfstring(L, "SLEEF %s", sleef);
  else lua_pushliteral(L, "libm only");
  lua_getglobal(L, "io");
  lua_getfield(L, -1, "write");
  lua_pushfstring(L,
    "LumPy %s\n"
    "build\n"
    "  compiler:      %s\n"
    "  flags:         %s\n"
    "  libraries:     %s\n"
    "  cpu_baseline:  %s\n"
    "  cpu_dispatch:  %s\n"
    "lua\n"
    "  built with:    %s\n"
    "  running:       %s\n"
    "libraries\n"
    "  vector math:   %s\n"
    "  blas/lapack:   not linked (np.linalg is not built yet)\n"
    "  fftw:          not linked (np.fft is not built yet)\n",
    LUMPY_VERSION, lpy_config("compiler"), lpy_config("cflags"),
    lpy_config("libs"), lpy_config("cpu_baseline"), lpy_config("cpu_dispatch"),
    LUA_RELEASE, running, lua_tostring(L, -3));
  lua_call(L, 1, 0);
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
