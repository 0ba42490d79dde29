/*
** random_cont.c - the Generator's continuous distributions.
*/
#include "lrandom.h"

void lb_rng_open_cont(lua_State *L, int methidx) {
  (void)L; (void)methidx;
}
