/*
** fft.c - Lua binding of np.fft: the transforms on FFTW3 (src/core/fft.c)
** and the control of its planner and plan cache.
*/
#include "lbind.h"

void lb_open_fft(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
