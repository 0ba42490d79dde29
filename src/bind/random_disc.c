/*
** random_disc.c - the Generator's discrete and multivariate distributions.
*/
#include "lrandom.h"

void lb_rng_open_disc(lua_State *L, int methidx) {
  (void)L; (void)methidx;
}
