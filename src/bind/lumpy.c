/*
** lumpy.c - luaopen_lumpy: builds the module table and the array
** metatable, and holds what every binding file shares: the one error exit,
** dtype objects, option readers and garbage-collector accounting.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lbind.h"
#include "../../include/lumpy.h"

/* ------------------------------------------------------------ errors */
int lb_error(lua_State *L, const char *fn, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  lua_pushfstring(L, "lumpy.%s: %s", fn, msg);
  return lua_error(L);
}

int lb_core_error(lua_State *L, const char *fn, const lpy_err *e) {
  return lb_error(L, fn, "%s", e->msg);
}

/* ------------------------------------------------------------ dtypes */
static const char dtype_key = 'd';   /* registry: table of dtype objects */

void lb_push_dtype(lua_State *L, lpy_dtype t) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &dtype_key);
  lua_rawgeti(L, -1, (lua_Integer)t + 1);
  lua_remove(L, -2);
}

int lb_optdtype(lua_State *L, int idx, int def, const char *fn) {
  int t;
  switch (lua_type(L, idx)) {
    case LUA_TNONE: case LUA_TNIL: return def;
    case LUA_TSTRING:
      t = lpy_dtype_parse(lua_tostring(L, idx));
      if (t < 0) lb_error(L, fn, "data type '%s' not understood",
                          lua_tostring(L, idx));
      return t;
    case LUA_TTABLE:
      if (lua_getmetatable(L, idx)) {
        luaL_getmetatable(L, "lumpy.dtype");
        if (lua_rawequal(L, -1, -2)) {
          lua_pop(L, 2);
          lua_getfield(L, idx, "num");
          t = (int)lua_tointeger(L, -1);
          lua_pop(L, 1);
          return t;
        }
        lua_pop(L, 2);
      }
      break;
    default: break;
  }
  return lb_error(L, fn, "data type must be a dtype name or object, got %s",
                  luaL_typename(L, idx));
}

static int dtype_tostring(lua_State *L) {
  lua_getfield(L, 1, "name");
  return 1;
}

static int dtype_call(lua_State *L) {   /* np.float32(x) == np.asarray(x, float32) */
  int t;
  lua_getfield(L, 1, "num");
  t = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  lb_toarray(L, 2, t, lpy_dtypes[t].name);
  return 1;
}

/* np.dtype("f4") / np.dtype(np.float32) / np.dtype(array): the dtype object */
static int l_dtype(lua_State *L) {
  lpy_array *a = lb_test(L, 1);
  int t = a ? (int)a->dtype : lb_optdtype(L, 1, -1, "dtype");
  if (t < 0) return lb_error(L, "dtype", "expected a dtype name, object or array");
  lb_push_dtype(L, (lpy_dtype)t);
  return 1;
}

static void open_dtypes(lua_State *L, int modidx) {
  int t;
  luaL_newmetatable(L, "lumpy.dtype");
  lua_pushcfunction(L, dtype_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushcfunction(L, dtype_call);
  lua_setfield(L, -2, "__call");
  lua_pushstring(L, "lumpy.dtype");
  lua_setfield(L, -2, "__name");
  lua_pop(L, 1);
  lua_createtable(L, LPY_NTYPES, 0);
  for (t = 0; t < LPY_NTYPES; t++) {
    const lpy_dtype_info *d = &lpy_dtypes[t];
    char kind[2] = {d->kind, 0}, ch[2] = {d->code, 0};
    lua_createtable(L, 0, 6);
    lua_pushstring(L, d->name); lua_setfield(L, -2, "name");
    lua_pushstring(L, d->str); lua_setfield(L, -2, "str");
    lua_pushstring(L, kind); lua_setfield(L, -2, "kind");
    lua_pushstring(L, ch); lua_setfield(L, -2, "char");
    lua_pushinteger(L, d->size); lua_setfield(L, -2, "itemsize");
    lua_pushinteger(L, t); lua_setfield(L, -2, "num");
    luaL_setmetatable(L, "lumpy.dtype");
    lua_pushvalue(L, -1);
    lua_setfield(L, modidx, d->name);        /* np.float32 ... */
    if (t == LPY_BOOL) {
      lua_pushvalue(L, -1);
      lua_setfield(L, modidx, "bool_");
    }
    lua_rawseti(L, -2, t + 1);
  }
  lua_rawsetp(L, LUA_REGISTRYINDEX, &dtype_key);
  lua_pushcfunction(L, l_dtype);
  lua_setfield(L, modidx, "dtype");
}

/* ------------------------------------------------------------ options */
int lb_opts(lua_State *L, int first) {
  int top = lua_gettop(L);
  if (top < first || lua_type(L, top) != LUA_TTABLE) return 0;
  if (lua_getmetatable(L, top)) {     /* dtype objects, newaxis... */
    lua_pop(L, 1);
    return 0;
  }
  if (lua_rawlen(L, top) > 0) return 0;   /* a sequence: data or shape */
  lua_pushnil(L);
  if (lua_next(L, top) == 0) return top;  /* {}: empty options */
  lua_pop(L, 2);
  /* a table with string keys only is an options table */
  lua_pushnil(L);
  while (lua_next(L, top)) {
    if (lua_type(L, -2) != LUA_TSTRING) { lua_pop(L, 2); return 0; }
    lua_pop(L, 1);
  }
  return top;
}

int lb_optfield(lua_State *L, int opts, const char *k) {
  if (!opts) { lua_pushnil(L); return LUA_TNIL; }
  return lua_getfield(L, opts, k);
}

lpy_casting lb_checkcasting(lua_State *L, int idx, const char *fn) {
  int i;
  for (i = 0; lua_type(L, idx) == LUA_TSTRING && lpy_casting_names[i]; i++)
    if (strcmp(lua_tostring(L, idx), lpy_casting_names[i]) == 0) return (lpy_casting)i;
  return (lpy_casting)lb_error(L, fn, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
}

lpy_casting lb_optcasting(lua_State *L, int opts, lpy_casting def,
                          const char *fn) {
  if (lb_optfield(L, opts, "casting") != LUA_TNIL) def = lb_checkcasting(L, -1, fn);
  lua_pop(L, 1);
  return def;
}

/* a table read as a sequence of n entries must have no other key: a name
   (an option put in the wrong table), a hole or a position past n is an
   error, never silently ignored */
void lb_check_sequence(lua_State *L, int idx, lua_Integer n, const char *fn,
                       const char *what) {
  idx = lua_absindex(L, idx);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    int ok;
    lua_Integer k = lua_type(L, -2) == LUA_TNUMBER ? lua_tointegerx(L, -2, &ok) : (ok = 0);
    if (!ok || k < 1 || k > n) {
      if (lua_type(L, -2) == LUA_TSTRING)
        lb_error(L, fn, "%s must be a sequence, got the key '%s'", what,
                 lua_tostring(L, -2));
      if (lua_type(L, -2) == LUA_TNUMBER)
        lb_error(L, fn, "%s must be a sequence without holes, got the key %s", what,
                 luaL_tolstring(L, -2, NULL));
      lb_error(L, fn, "%s must be a sequence, got a key of type %s", what,
               luaL_typename(L, -2));
    }
    lua_pop(L, 1);
  }
}

int lb_checkshape(lua_State *L, int idx, int64_t *shape, const char *fn) {
  int n, i;
  if (lua_isinteger(L, idx) || lua_type(L, idx) == LUA_TNUMBER) {
    lua_Integer v;
    int ok;
    v = lua_tointegerx(L, idx, &ok);
    if (!ok) lb_error(L, fn, "shape must contain integers, got %s",
                      lb_nonint_name(L, idx));
    if (v < 0) lb_error(L, fn, "negative dimensions are not allowed");
    shape[0] = v;
    return 1;
  }
  if (lua_type(L, idx) != LUA_TTABLE)
    return lb_error(L, fn, "shape must be an integer or a sequence of integers, got %s",
                    luaL_typename(L, idx));
  n = (int)lua_rawlen(L, idx);
  if (n > LPY_MAXDIMS)
    lb_error(L, fn, "maximum supported dimension for an array is %d, got %d",
             LPY_MAXDIMS, n);
  lb_check_sequence(L, idx, n, fn, "a shape table");
  for (i = 0; i < n; i++) {
    int ok;
    lua_Integer v;
    lua_rawgeti(L, idx, i + 1);
    v = lua_tointegerx(L, -1, &ok);
    if (!ok) lb_error(L, fn, "shape must contain integers, got %s",
                      lb_nonint_name(L, -1));
    if (v < 0) lb_error(L, fn, "negative dimensions are not allowed");
    shape[i] = v;
    lua_pop(L, 1);
  }
  return n;
}

const char *lb_nonint_name(lua_State *L, int idx) {
  if (lua_type(L, idx) == LUA_TNUMBER) {
    lua_Number x = lua_tonumber(L, idx);
    /* a whole number that did not convert: beyond 64-bit integers */
    if (x == floor(x) && x - x == 0)
      return lua_pushfstring(L, "%f, beyond the 64-bit integer range", x);
    return "a non-integral number";
  }
  return luaL_typename(L, idx);
}

lua_Integer lb_checkinteger(lua_State *L, int idx, const char *fn) {
  int ok;
  lua_Integer v = lua_tointegerx(L, idx, &ok);
  if (!ok || lua_type(L, idx) != LUA_TNUMBER)
    lb_error(L, fn, "expected an integer, got %s", lb_nonint_name(L, idx));
  return v;
}

lua_Integer lb_optinteger(lua_State *L, int idx, lua_Integer def,
                          const char *fn) {
  return lua_isnoneornil(L, idx) ? def : lb_checkinteger(L, idx, fn);
}

double lb_checknumber(lua_State *L, int idx, const char *fn) {
  if (lua_type(L, idx) != LUA_TNUMBER)
    lb_error(L, fn, "expected a number, got %s", luaL_typename(L, idx));
  return lua_tonumber(L, idx);
}

void lb_checkopts(lua_State *L, int opts, const char *fn,
                  const char *const *allowed) {
  if (!opts) return;
  lua_pushnil(L);
  while (lua_next(L, opts)) {
    const char *k = lua_tostring(L, -2);
    int i, ok = 0;
    for (i = 0; allowed[i] && !ok; i++) ok = strcmp(k, allowed[i]) == 0;
    if (!ok) lb_error(L, fn, "unexpected option '%s'", k);
    lua_pop(L, 1);
  }
}

int lb_lastarg(lua_State *L, int last, int max, const char *what,
               const char *fn) {
  while (last > max && lua_isnil(L, last)) last--;
  if (last > max)
    lb_error(L, fn, "too many arguments: expected at most %d (%s), got %d",
             max, what, last);
  return last;
}

int lb_maxargs(lua_State *L, int opts, int npos, const char *what,
               const char *fn) {
  lb_lastarg(L, opts ? opts - 1 : lua_gettop(L), npos, what, fn);
  if (opts > npos + 1) {        /* after nils: move it up */
    lua_pushvalue(L, opts);
    lua_replace(L, npos + 1);
    opts = npos + 1;
  }
  lua_settop(L, npos + 1);
  return opts;
}

void lb_push_shape(lua_State *L, int ndim, const int64_t *shape) {
  int i;
  lua_createtable(L, ndim, 0);
  for (i = 0; i < ndim; i++) {
    lua_pushinteger(L, shape[i]);
    lua_rawseti(L, -2, i + 1);
  }
}

int lb_normaxis(lua_State *L, lua_Integer ax, int ndim, const char *fn) {
  if (ax >= 1 && ax <= ndim) return (int)ax - 1;
  if (ax <= -1 && ax >= -ndim) return ndim + (int)ax;
  return lb_error(L, fn, "axis %lld is out of bounds for array of dimension %d",
                  (long long)ax, ndim);
}

int lb_checkaxis(lua_State *L, int idx, int ndim, const char *fn) {
  int ok;
  lua_Integer ax = lua_tointegerx(L, idx, &ok);
  if (!ok) lb_error(L, fn, "axis must be an integer, got %s",
                    luaL_typename(L, idx));
  return lb_normaxis(L, ax, ndim, fn);
}

int lb_read_axes(lua_State *L, int idx, int nd, unsigned char *axes,
                     const char *fn) {
  int k;
  memset(axes, 0, LPY_MAXDIMS);
  if (idx == 0 || lua_isnoneornil(L, idx) ||
      (lua_isboolean(L, idx) && !lua_toboolean(L, idx))) {
    memset(axes, 1, (size_t)nd);
    return 0;
  }
  if (lua_type(L, idx) == LUA_TTABLE && !lb_test(L, idx)) {
    lua_Integer i, n = (lua_Integer)lua_rawlen(L, idx);
    lb_check_sequence(L, idx, n, fn, "an axis table");
    for (i = 1; i <= n; i++) {
      int isnum;
      lua_Integer ax;
      lua_rawgeti(L, idx, i);
      ax = lua_tointegerx(L, -1, &isnum);
      lua_pop(L, 1);
      if (!isnum) lb_error(L, fn, "axis entries must be integers");
      k = lb_normaxis(L, ax, nd, fn);
      if (axes[k]) lb_error(L, fn, "duplicate value in 'axis'");
      axes[k] = 1;
    }
    return 1;
  }
  if (lua_type(L, idx) != LUA_TNUMBER)
    lb_error(L, fn, "axis must be nil, an integer or a table of integers, got %s",
             luaL_typename(L, idx));
  axes[lb_checkaxis(L, idx, nd, fn)] = 1;
  return 1;
}

void lb_register_internal(lua_State *L, int modidx, const char *area,
                          const luaL_Reg *fns) {
  if (lua_getfield(L, modidx, "_internal") != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, modidx, "_internal");
  }
  lua_newtable(L);
  luaL_setfuncs(L, fns, 0);
  lua_setfield(L, -2, area);
  lua_pop(L, 1);
}

void lb_push_submodule(lua_State *L, int modidx, const char *name) {
  if (lua_getfield(L, modidx, name) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, modidx, name);
  }
}

void lb_register(lua_State *L, int modidx, int mtidx, const luaL_Reg *funcs,
                 const luaL_Reg *meths) {
  if (funcs) {
    lua_pushvalue(L, modidx);
    luaL_setfuncs(L, funcs, 0);
    lua_pop(L, 1);
  }
  if (meths) {
    lua_getfield(L, mtidx, "methods");
    luaL_setfuncs(L, meths, 0);
    lua_pop(L, 1);
  }
}

/* ------------------------------------------------------------ module */
static int sentinel_tostring(lua_State *L) {
  lua_getfield(L, 1, "name");
  return 1;
}

/* a unique marker table (np.newaxis, np.ellipsis); metatable at -1 */
static void new_sentinel(lua_State *L, int modidx, const char *name,
                         const char *field) {
  lua_newtable(L);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "name");
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_setfield(L, modidx, field);
}

static void open_sentinels(lua_State *L, int modidx) {
  lua_newtable(L);
  lua_pushcfunction(L, sentinel_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, "lumpy.sentinel");
  new_sentinel(L, modidx, "newaxis", "newaxis");
  new_sentinel(L, modidx, "...", "ellipsis");
  lua_pop(L, 1);
}

/* ------------------------------------------------------------ Lua parts */
/* the files lua/lumpy/NAME.lua compiled into the library (build/luaparts.c, made by
   tools/luaparts.lua), found by a searcher placed after Lua's own: the
   files on package.path win, and a host with LumPy linked statically, or
   a lumpy.so without its Lua files, still has them */
extern const struct { const char *name, *src; size_t len; } lb_luaparts[];

static int search_parts(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  int i;
  for (i = 0; lb_luaparts[i].name; i++)
    if (strcmp(lb_luaparts[i].name, name) == 0) {
      if (luaL_loadbuffer(L, lb_luaparts[i].src, lb_luaparts[i].len,
                          lua_pushfstring(L, "=[lumpy] %s", name)) != LUA_OK)
        return lua_error(L);
      lua_pushliteral(L, ":lumpy:");
      return 2;
    }
  lua_pushfstring(L, "\n\tno part '%s' built into lumpy", name);
  return 1;
}

/* append search_parts to package.searchers (package.loaders before 5.2),
   once per state */
static void add_searcher(lua_State *L) {
  int n, i;
  lua_getglobal(L, "package");
  if (!lua_istable(L, -1)) { lua_pop(L, 1); return; }
  lua_getfield(L, -1, "searchers");
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_getfield(L, -1, "loaders");
  }
  if (lua_istable(L, -1)) {
    n = (int)lua_rawlen(L, -1);
    for (i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      if (lua_tocfunction(L, -1) == search_parts) { lua_pop(L, 3); return; }
      lua_pop(L, 1);
    }
    lua_pushcfunction(L, search_parts);
    lua_rawseti(L, -2, n + 1);
  }
  lua_pop(L, 2);
}

LUMPY_EXPORT int luaopen_lumpy(lua_State *L) {
  int mod, mt;
  lpy_err e;
  /* the SIMD level, once per process (dispatch.c); nothing may run on a
     CPU without the build's baseline */
  if (lpy_simd_init(&e) != 0) return luaL_error(L, "lumpy: %s", e.msg);
  lua_newtable(L);
  mod = lua_gettop(L);
  lb_open_gc(L, mod);
  luaL_newmetatable(L, LB_ARRAY_MT);
  mt = lua_gettop(L);
  open_dtypes(L, mod);
  open_sentinels(L, mod);
  lb_push_submodule(L, mod, "linalg");
  lb_push_submodule(L, mod, "fft");
  lb_push_submodule(L, mod, "random");
  lua_pop(L, 3);
  lb_open_complex(L, mod, mt);
  lb_open_array(L, mod, mt);
  lb_open_convert(L, mod, mt);
  lb_open_index(L, mod, mt);
  lb_open_create(L, mod, mt);
  lb_open_shape(L, mod, mt);
  lb_open_ufunc(L, mod, mt);
  lb_open_print(L, mod, mt);
  lb_open_runtime(L, mod, mt);
  lb_open_reduce(L, mod, mt);
  lb_open_sort(L, mod, mt);
  lb_open_fancy(L, mod, mt);
  lb_open_manip(L, mod, mt);
  lb_open_stats(L, mod, mt);
  lb_open_products(L, mod, mt);
  lb_open_einsum(L, mod, mt);
  lb_open_linalg(L, mod, mt);
  lb_open_spectral(L, mod, mt);
  lb_open_fft(L, mod, mt);
  lb_open_dlpack(L, mod, mt);
  lb_open_random(L, mod, mt);
  lb_open_npyio(L, mod, mt);
  lb_open_textio(L, mod, mt);
  lb_finish_array(L, mt);
  lua_pushliteral(L, LUMPY_VERSION);
  lua_setfield(L, mod, "__version__");
  lua_settop(L, mod);
  /* pure-Lua parts, which receive the module table */
  add_searcher(L);
  lua_getglobal(L, "require");
  if (lua_isfunction(L, -1)) {
    lua_pushliteral(L, "lumpy.extras");
    lua_call(L, 1, 1);
    if (lua_isfunction(L, -1)) {
      lua_pushvalue(L, mod);
      lua_call(L, 1, 0);
    }
  }
  lua_settop(L, mod);
  return 1;
}
