/*
** ltextio.h - what the two halves of the text/bytes binding share:
** textio.c registers the internal "textio" table and adds rawbytes.c's
** primitives to it.
*/
#ifndef LTEXTIO_H
#define LTEXTIO_H

#include "lbind.h"

/* the raw-byte primitives (tobytes, frombuffer, fromtext), added to the
   internal table on top of the stack */
LPY_API void lb_rawbytes_fns(lua_State *L);

#endif
