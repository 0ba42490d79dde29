/*
** spectral.c - Lua binding of np.linalg's spectral functions: svd, svdvals, eig, eigvals,
** eigh, eigvalsh.
*/
#include "lbind.h"

void lb_open_spectral(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
