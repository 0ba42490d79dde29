/*
** lumpy.h - LumPy's public C API for applications that embed Lua.
** Link the module (or its static library) and call luaopen_lumpy, e.g.
**   luaL_requiref(L, "lumpy", luaopen_lumpy, 0);
*/
#ifndef LUMPY_H
#define LUMPY_H

#include "lua.h"

#define LUMPY_VERSION "0.1.0"
#define LUMPY_VERSION_NUM 100

#if defined(__GNUC__)
#define LUMPY_EXPORT __attribute__((visibility("default")))
#else
#define LUMPY_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* open the module: pushes the lumpy table */
LUMPY_EXPORT int luaopen_lumpy(lua_State *L);

#ifdef __cplusplus
}
#endif

#endif
