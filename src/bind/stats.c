/*
** stats.c - Lua binding of statistics built on reductions and sorting (median, percentile, quantile, average, histogram, cov, convolve, gradient).
*/
#include "lbind.h"

static const luaL_Reg funcs[] = {
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {NULL, NULL}
};

void lb_open_stats(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
