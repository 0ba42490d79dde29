/*
** reduce.c - Lua binding of reductions, statistics over axes (sum, mean, var, min, max, argmin, cumsum, nan-variants).
*/
#include "lbind.h"

static const luaL_Reg funcs[] = {
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {NULL, NULL}
};

void lb_open_reduce(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
