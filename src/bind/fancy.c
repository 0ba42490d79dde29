/*
** fancy.c - Lua binding of advanced indexing functions (take, put, take_along_axis, compress, choose, ix_, index conversions).
*/
#include "lbind.h"

static const luaL_Reg funcs[] = {
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {NULL, NULL}
};

void lb_open_fancy(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
