/*
** npyio.c - Lua binding of NumPy's file formats: .npy, .npz, memory-mapped arrays.
*/
#include "lbind.h"

void lb_open_npyio(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
