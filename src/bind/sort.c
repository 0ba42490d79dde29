/*
** sort.c - Lua binding of sorting and searching (sort, argsort, partition, searchsorted, unique, nonzero, where, set operations).
*/
#include "lbind.h"

static const luaL_Reg funcs[] = {
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {NULL, NULL}
};

void lb_open_sort(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
