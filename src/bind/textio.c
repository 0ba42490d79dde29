/*
** textio.c - Lua binding of text and raw-byte input/output: loadtxt, savetxt, genfromtxt, fromfile, tofile, frombuffer, tobytes, fromstring.
*/
#include "lbind.h"

void lb_open_textio(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
