/*
** sortargs.c - argument helpers of the sorting and searching bindings:
** arrays as contiguous copies, axis / kind readers, options given either
** positionally or in a trailing options table.
*/
#include <string.h>
#include "lsort.h"

void lbs_check(lua_State *L, int st, const lpy_err *e, const char *fn) {
  if (st != 0) lb_core_error(L, fn, e);
}

/* replace the value at idx with a fresh C-contiguous 1-D copy of the
   array-like there, cast to dtype (-1: its own) */
lpy_array *lbs_flat_copy(lua_State *L, int idx, int dtype, const char *fn) {
  lpy_array *a, *r;
  int64_t n;
  lpy_err e;
  idx = lua_absindex(L, idx);
  a = lb_toarray(L, idx, -1, fn);
  r = lb_push_new(L, dtype < 0 ? a->dtype : (lpy_dtype)dtype, a->ndim,
                  a->shape, 0, fn);
  lbs_check(L, lpy_array_assign(r, a, &e), &e, fn);
  n = a->size;
  r = lb_push_view(L, -1, r->dtype, 1, &n, NULL, r->data);
  lua_replace(L, idx);
  lua_pop(L, 2);
  return r;
}

/* the array-like at idx as C-contiguous, aligned data of dtype t: itself
   when it already is, else a flat copy that replaces it */
lpy_array *lbs_contig_as(lua_State *L, int idx, lpy_dtype t, const char *fn) {
  lpy_array *a = lb_test(L, idx);
  if (a && a->dtype == t && lpy_is_contig_aligned(a) && !(a->flags & LB_CLOSED))
    return a;
  return lbs_flat_copy(L, idx, t, fn);
}


/* the array-like at idx as an array, replacing it */
lpy_array *lbs_arg_array(lua_State *L, int idx, const char *fn) {
  lpy_array *a = lb_toarray(L, idx, -1, fn);
  lua_replace(L, idx);
  return a;
}

int lbs_read_kind(lua_State *L, int idx, const char *fn) {
  const char *s;
  if (lua_isnoneornil(L, idx)) return LPY_SORT_QUICK;
  if (lua_type(L, idx) != LUA_TSTRING) lb_error(L, fn, "sort kind must be a string");
  s = lua_tostring(L, idx);
  /* as NumPy: the first letter decides ("q", "quicksort", "Heap"...) */
  switch (s[0]) {
  case 'q': case 'Q': return LPY_SORT_QUICK;
  case 'h': case 'H': return LPY_SORT_HEAP;
  case 'm': case 'M': case 's': case 'S': return LPY_SORT_STABLE;
  default:
    return lb_error(L, fn, "sort kind must be one of 'quick', 'heap', or "
                    "'stable' (got '%s')", s);
  }
}

/* the axis argument at idx: nil -> the last axis; false -> -1 (None:
   flatten, when allowed); else 0-based */
int lbs_read_axis(lua_State *L, int idx, int ndim, int allow_none,
                     const char *fn) {
  if (lua_isnoneornil(L, idx)) {
    if (ndim == 0) return lb_normaxis(L, -1, 0, fn);
    return ndim - 1;
  }
  if (lua_type(L, idx) == LUA_TBOOLEAN && !lua_toboolean(L, idx)) {
    if (!allow_none) lb_error(L, fn, "axis must be an integer");
    return -1;
  }
  return lb_checkaxis(L, idx, ndim, fn);
}

/* the trailing options table (or 0), checked against allowed names */
int lbs_get_opts(lua_State *L, int first, const char *const *allowed,
                    const char *fn) {
  int opts = lb_opts(L, first);
  lb_checkopts(L, opts, fn, allowed);
  return opts;
}

/* room for the temporaries a function keeps on the Lua stack */
void lbs_room(lua_State *L, int n, const char *fn) {
  if (!lua_checkstack(L, n)) lb_error(L, fn, "Lua stack overflow");
}

/* make positional slots 1..n valid (absent ones nil) */
void lbs_pad(lua_State *L, int n) {
  if (lua_gettop(L) < n) lua_settop(L, n);
}

/* value for name: the option when given, else positional argument pos */
int lbs_opt_or_arg(lua_State *L, int opts, const char *name, int pos) {
  if (pos > lua_gettop(L)) lb_error(L, "internal", "argument slot %d not padded", pos);
  if (opts && lb_optfield(L, opts, name) != LUA_TNIL) return lua_gettop(L);
  if (opts) lua_pop(L, 1);
  if (opts && pos >= opts) { lua_pushnil(L); return lua_gettop(L); }
  lua_pushvalue(L, pos);
  return lua_gettop(L);
}

int lbs_opt_bool(lua_State *L, int opts, const char *name, int pos) {
  int i = lbs_opt_or_arg(L, opts, name, pos), b = lua_toboolean(L, i);
  lua_pop(L, 1);
  return b;
}

