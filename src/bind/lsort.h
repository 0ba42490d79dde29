/*
** lsort.h - argument helpers shared by the binding files of sorting and
** searching (sort.c, where.c, setops.c); defined in sortargs.c.
*/
#ifndef LSORT_H
#define LSORT_H

#include "lbind.h"
#include "../core/sort.h"

/* raise the core error e (as lumpy.<fn>: ...) when st is not 0 */
LPY_API void lbs_check(lua_State *L, int st, const lpy_err *e, const char *fn);
/* replace the value at idx with a fresh C-contiguous 1-D copy of the
   array-like there, cast to dtype (-1: its own) */
LPY_API lpy_array *lbs_flat_copy(lua_State *L, int idx, int dtype, const char *fn);
/* the array-like at idx as C-contiguous data of dtype t: itself when it
   already is, else a flat copy that replaces it */
LPY_API lpy_array *lbs_contig_as(lua_State *L, int idx, lpy_dtype t, const char *fn);
/* the array-like at idx as an array, replacing it */
LPY_API lpy_array *lbs_arg_array(lua_State *L, int idx, const char *fn);
/* sort kind at idx: LPY_SORT_* (nil: quicksort) */
LPY_API int lbs_read_kind(lua_State *L, int idx, const char *fn);
/* the axis argument at idx: nil -> the last axis; false -> -1 (None:
   flatten, when allowed); else 0-based */
LPY_API int lbs_read_axis(lua_State *L, int idx, int ndim, int allow_none, const char *fn);
/* the trailing options table (or 0), checked against allowed names */
LPY_API int lbs_get_opts(lua_State *L, int first, const char *const *allowed, const char *fn);
/* room for the temporaries a function keeps on the Lua stack */
LPY_API void lbs_room(lua_State *L, int n, const char *fn);
/* make positional slots 1..n valid (absent ones nil) */
LPY_API void lbs_pad(lua_State *L, int n);
/* value for name: the option when given, else positional argument pos */
LPY_API int lbs_opt_or_arg(lua_State *L, int opts, const char *name, int pos);
/* the same, as a boolean */
LPY_API int lbs_opt_bool(lua_State *L, int opts, const char *name, int pos);

/* registration of the other two files, called by lb_open_sort */
LPY_API void lbs_open_where(lua_State *L, int modidx, int mtidx);
LPY_API void lbs_open_setops(lua_State *L, int modidx, int mtidx);

#endif
