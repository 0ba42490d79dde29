/*
** products.c - Lua binding of matrix products: matmul, dot, vdot, inner, outer, tensordot,
** kron, vecdot, matrix_transpose (np and np.linalg).
*/
#include "lbind.h"

void lb_open_products(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
