/*
** lnpyio.h - what the .npy binding (npyio.c) and the .npz binding (npz.c)
** share: files opened from a path or taken from a Lua file handle, and an
** array made from .npy bytes held in a buffer.
*/
#ifndef LNPYIO_H
#define LNPYIO_H

#include <stdio.h>
#include "lbind.h"
#include "../core/npyio.h"

/* The file named by the path at idx (opened with fopen mode), or the open
   Lua file handle at idx. Pushes one value that keeps the file (a path's
   FILE is closed when it is collected, so errors do not leak it). */
LPY_API FILE *lb_npy_file(lua_State *L, int idx, const char *mode,
                          const char *fn);
/* close what lb_npy_file opened at holder index idx (a Lua file handle is
   left open and unflushed, as NumPy leaves a file object), raising when the
   close fails */
LPY_API void lb_npy_close(lua_State *L, int idx, const char *fn);

/* The array stored as .npy bytes in the buffer owned by the shell at
   shellidx (made with lb_push_shell(L, LPY_MAXDIMS), buf set, ndim 0).
   The result is pushed: the shell itself laid out as a view of the buffer,
   or a copy when the data is misaligned. */
LPY_API void lb_npy_from_buffer(lua_State *L, int shellidx, size_t max_header,
                                const char *fn);

/* the .npz primitives (npz.c), registered by npyio.c */
LPY_API int lb_npz_open(lua_State *L);
LPY_API int lb_npz_names(lua_State *L);
LPY_API int lb_npz_read(lua_State *L);
LPY_API int lb_npz_close(lua_State *L);
LPY_API int lb_npz_save(lua_State *L);

#endif
