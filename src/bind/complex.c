/*
** complex.c - the complex scalar: what a complex array element becomes in
** Lua. Arithmetic metamethods are the ufuncs' (set by ufunc.c).
*/
#include <string.h>
#include "lbind.h"

void lb_push_complex(lua_State *L, double re, double im) {
  lb_complex *c = lua_newuserdata(L, sizeof *c);
  c->re = re;
  c->im = im;
  luaL_setmetatable(L, LB_COMPLEX_MT);
}

lb_complex *lb_testcomplex(lua_State *L, int idx) {
  return luaL_testudata(L, idx, LB_COMPLEX_MT);
}

/* np.complex(re [, im]) */
static int complex_new(lua_State *L) {
  lb_complex *c = lb_testcomplex(L, 1);
  if (c) {
    lb_push_complex(L, c->re, c->im);
    return 1;
  }
  if (lua_type(L, 1) != LUA_TNUMBER ||
      (!lua_isnoneornil(L, 2) && lua_type(L, 2) != LUA_TNUMBER))
    return lb_error(L, "complex", "expected numbers (re, im)");
  lb_push_complex(L, lua_tonumber(L, 1), lua_isnoneornil(L, 2) ? 0.0 : lua_tonumber(L, 2));
  return 1;
}

static int complex_index(lua_State *L) {
  lb_complex *c = lua_touserdata(L, 1);
  const char *k = lua_tostring(L, 2);
  if (k && (strcmp(k, "real") == 0 || strcmp(k, "re") == 0))
    lua_pushnumber(L, c->re);
  else if (k && (strcmp(k, "imag") == 0 || strcmp(k, "im") == 0))
    lua_pushnumber(L, c->im);
  else if (k && strcmp(k, "conj") == 0)
    lua_getfield(L, lua_upvalueindex(1), "conj");
  else
    return lb_error(L, "complex", "a complex number has no field '%s'",
                    k ? k : luaL_typename(L, 2));
  return 1;
}

static int complex_conj(lua_State *L) {
  lb_complex *c = lb_testcomplex(L, 1);
  if (!c) return lb_error(L, "conj", "expected a complex number");
  lb_push_complex(L, c->re, -c->im);
  return 1;
}

static int complex_eq(lua_State *L) {
  lb_complex *a = lb_testcomplex(L, 1), *b = lb_testcomplex(L, 2);
  lua_pushboolean(L, a && b && a->re == b->re && a->im == b->im);
  return 1;
}

void lb_open_complex(lua_State *L, int modidx, int mtidx) {
  luaL_newmetatable(L, LB_COMPLEX_MT);
  lua_newtable(L);
  lua_pushcfunction(L, complex_conj);
  lua_setfield(L, -2, "conj");
  lua_pushcclosure(L, complex_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, complex_eq);
  lua_setfield(L, -2, "__eq");
  lua_pushcfunction(L, lb_complex_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  lua_pushcfunction(L, complex_new);
  lua_setfield(L, modidx, "complex");
  (void)mtidx;
}
