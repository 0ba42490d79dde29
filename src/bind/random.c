/*
** random.c - Lua binding of np.random: the bit generators, SeedSequence,
** the Generator type and its methods, the module-level legacy functions.
** The distributions' methods are registered by random_cont.c and
** random_disc.c.
*/
#include "lbind.h"
#include "lrandom.h"

void lb_open_random(lua_State *L, int modidx, int mtidx) {
  (void)mtidx;
  lb_push_submodule(L, modidx, "random");
  lua_newtable(L);                      /* the Generator's methods */
  lb_rng_open_cont(L, lua_gettop(L));
  lb_rng_open_disc(L, lua_gettop(L));
  lua_pop(L, 2);
}
