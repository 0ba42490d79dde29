/*
** lrandom.h - what the np.random binding files share.
*/
#ifndef LB_RANDOM_H
#define LB_RANDOM_H

#include "lbind.h"
#include "../core/rng.h"

/* register the continuous / discrete distributions' methods into the
   Generator's method table at methidx */
LPY_API void lb_rng_open_cont(lua_State *L, int methidx);
LPY_API void lb_rng_open_disc(lua_State *L, int methidx);

#endif
