/*
** print.c - tostring() of arrays and complex scalars, and
** np.set_printoptions / np.get_printoptions. The text itself comes from
** src/core/format.c (NumPy's str()); this file keeps the print options of
** each lua_State in a registry userdata and turns core errors into Lua
** errors.
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lbind.h"
#include "../core/format.h"

static const char opts_key = 'p';     /* registry: lpy_printopts userdata */
#define TEXTBOX_MT "lumpy.printtext"

/* the options of this state (defaults if the module was not opened) */
static lpy_printopts *get_opts(lua_State *L, lpy_printopts *fallback) {
  lpy_printopts *o;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &opts_key);
  o = lua_touserdata(L, -1);
  lua_pop(L, 1);   /* the registry keeps it alive */
  if (!o) { lpy_printopts_default(fallback); o = fallback; }
  return o;
}

/* A userdata owning a malloc'd text until it has been pushed, so that a
   memory error raised by lua_pushlstring cannot leak it. */
typedef struct textbox { char *s; } textbox;

static int textbox_gc(lua_State *L) {
  textbox *b = lua_touserdata(L, 1);
  if (b && b->s) { free(b->s); b->s = NULL; }
  return 0;
}

static textbox *push_textbox(lua_State *L) {
  textbox *b = lua_newuserdata(L, sizeof *b);
  b->s = NULL;
  luaL_setmetatable(L, TEXTBOX_MT);
  return b;
}

int lb_array_tostring(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "tostring");
  lpy_printopts def, o = *get_opts(L, &def);
  textbox *box = push_textbox(L);
  lpy_err e;
  size_t n = 0;
  e.code = 0;
  e.msg[0] = 0;
  box->s = lpy_format_array(a, &o, &n, &e);
  if (!box->s) return lb_core_error(L, "tostring", &e);
  lua_pushlstring(L, box->s, n);
  free(box->s);
  box->s = NULL;
  return 1;
}

int lb_complex_tostring(lua_State *L) {
  lb_complex *c = lb_testcomplex(L, 1);
  double v[2];
  char buf[LPY_FORMAT_SCALAR_MAX];
  if (!c) return lb_error(L, "tostring", "expected a complex scalar");
  v[0] = c->re;
  v[1] = c->im;
  lpy_format_scalar_buf(LPY_COMPLEX128, (const char *)v, buf, sizeof buf);
  lua_pushstring(L, buf);
  return 1;
}

/* ------------------------------------------------------------ options */
static const char *const OPT_NAMES[] = {
  "precision", "threshold", "edgeitems", "linewidth", "suppress", NULL
};
/* NumPy options LumPy does not implement: named in the error message */
static const char *const OPT_UNSUPPORTED[] = {
  "sign", "floatmode", "formatter", "nanstr", "infstr", "legacy", NULL
};

static lua_Integer opt_int(lua_State *L, int idx, const char *name,
                           lua_Integer lo, lua_Integer hi) {
  int ok;
  lua_Integer v;
  if (lua_type(L, idx) != LUA_TNUMBER)
    return lb_error(L, "set_printoptions", "%s must be an integer, got %s",
                    name, luaL_typename(L, idx));
  v = lua_tointegerx(L, idx, &ok);
  if (!ok)
    return lb_error(L, "set_printoptions", "%s must be an integer, got %s",
                    name, lua_tostring(L, idx));
  if (v < lo)
    return lb_error(L, "set_printoptions", "%s must be >= %lld, got %lld",
                    name, (long long)lo, (long long)v);
  if (v > hi)
    return lb_error(L, "set_printoptions", "%s must be <= %lld, got %lld",
                    name, (long long)hi, (long long)v);
  return v;
}

/* threshold: any number but nan; math.huge means never summarise */
static int64_t opt_threshold(lua_State *L, int idx) {
  lua_Number x;
  if (lua_type(L, idx) != LUA_TNUMBER)
    return lb_error(L, "set_printoptions",
                    "threshold must be a number, got %s",
                    luaL_typename(L, idx));
  if (lua_isinteger(L, idx)) return (int64_t)lua_tointeger(L, idx);
  x = lua_tonumber(L, idx);
  if (x != x)
    return lb_error(L, "set_printoptions",
                    "threshold must be non-NaN, try math.huge for untruncated "
                    "printing");
  x = floor(x);
  if (x >= 9.2233720368547758e18) return INT64_MAX;
  if (x <= -9.2233720368547758e18) return INT64_MIN;
  return (int64_t)x;
}

/* set option 'name' from the value at idx (nil leaves it unchanged) */
static void set_one(lua_State *L, lpy_printopts *o, const char *name,
                    int idx) {
  if (lua_isnil(L, idx)) return;
  if (strcmp(name, "precision") == 0)
    o->precision = (int)opt_int(L, idx, name, 0, INT_MAX / 4);
  else if (strcmp(name, "threshold") == 0)
    o->threshold = opt_threshold(L, idx);
  else if (strcmp(name, "edgeitems") == 0)
    o->edgeitems = (int)opt_int(L, idx, name, 0, INT_MAX / 4);
  else if (strcmp(name, "linewidth") == 0)
    o->linewidth = (int)opt_int(L, idx, name, 0, INT_MAX / 4);
  else if (strcmp(name, "suppress") == 0) {
    if (!lua_isboolean(L, idx))
      lb_error(L, "set_printoptions", "suppress must be a boolean, got %s",
               luaL_typename(L, idx));
    o->suppress = lua_toboolean(L, idx);
  }
}

/* np.set_printoptions{precision=, threshold=, edgeitems=, linewidth=,
   suppress=} or positionally in NumPy's order. Options not given keep
   their value. All values are checked before any is applied. */
static int set_printoptions(lua_State *L) {
  lpy_printopts def, *cur = get_opts(L, &def), o = *cur;
  int i;
  if (lua_type(L, 1) == LUA_TTABLE && lua_gettop(L) == 1) {
    lua_pushnil(L);
    while (lua_next(L, 1)) {
      const char *k;
      int j, known = 0;
      if (lua_type(L, -2) != LUA_TSTRING)
        return lb_error(L, "set_printoptions",
                        "option names must be strings, got %s",
                        luaL_typename(L, -2));
      k = lua_tostring(L, -2);
      for (j = 0; OPT_NAMES[j]; j++)
        if (strcmp(k, OPT_NAMES[j]) == 0) known = 1;
      if (!known) {
        for (j = 0; OPT_UNSUPPORTED[j]; j++)
          if (strcmp(k, OPT_UNSUPPORTED[j]) == 0)
            return lb_error(L, "set_printoptions",
                            "option '%s' is not supported (supported: "
                            "precision, threshold, edgeitems, linewidth, "
                            "suppress)", k);
        return lb_error(L, "set_printoptions",
                        "unexpected option '%s' (expected precision, threshold, "
                        "edgeitems, linewidth or suppress)", k);
      }
      set_one(L, &o, k, lua_gettop(L));
      lua_pop(L, 1);
    }
  } else {
    if (lua_gettop(L) > 5)
      return lb_error(L, "set_printoptions",
                      "expected at most 5 arguments (precision, threshold, "
                      "edgeitems, linewidth, suppress), got %d",
                      lua_gettop(L));
    for (i = 0; i < 5 && i < lua_gettop(L); i++)
      set_one(L, &o, OPT_NAMES[i], i + 1);
  }
  if (cur != &def) *cur = o;
  return 0;
}

static int get_printoptions(lua_State *L) {
  lpy_printopts def, *o = get_opts(L, &def);
  lua_createtable(L, 0, 5);
  lua_pushinteger(L, o->precision);
  lua_setfield(L, -2, "precision");
  if (o->threshold == INT64_MAX) lua_pushnumber(L, HUGE_VAL);
  else lua_pushinteger(L, (lua_Integer)o->threshold);
  lua_setfield(L, -2, "threshold");
  lua_pushinteger(L, o->edgeitems);
  lua_setfield(L, -2, "edgeitems");
  lua_pushinteger(L, o->linewidth);
  lua_setfield(L, -2, "linewidth");
  lua_pushboolean(L, o->suppress);
  lua_setfield(L, -2, "suppress");
  return 1;
}

void lb_open_print(lua_State *L, int modidx, int mtidx) {
  static const luaL_Reg funcs[] = {
    {"set_printoptions", set_printoptions},
    {"get_printoptions", get_printoptions},
    {NULL, NULL}
  };
  lpy_printopts *o;
  (void)mtidx;
  if (luaL_newmetatable(L, TEXTBOX_MT)) {
    lua_pushcfunction(L, textbox_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, textbox_gc);
    lua_setfield(L, -2, "__close");
  }
  lua_pop(L, 1);
  o = lua_newuserdata(L, sizeof *o);
  lpy_printopts_default(o);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &opts_key);
  lua_pushvalue(L, modidx);
  luaL_setfuncs(L, funcs, 0);
  lua_pop(L, 1);
}
