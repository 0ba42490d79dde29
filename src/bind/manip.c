/*
** manip.c - Lua binding of array manipulation (concatenate, stack, split, tile, repeat, flip, roll, pad, insert, delete).
*/
#include "lbind.h"

static const luaL_Reg funcs[] = {
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {NULL, NULL}
};

void lb_open_manip(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
