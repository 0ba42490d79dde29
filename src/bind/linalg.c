/*
** linalg.c - Lua binding of np.linalg's solvers and factorizations: solve, inv, det,
** slogdet, cholesky, qr, lstsq.
*/
#include "lbind.h"

void lb_open_linalg(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
