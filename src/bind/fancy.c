/*
** fancy.c - Lua binding of the index functions that need C loops: take,
** put, ravel_multi_index, unravel_index (the rest of advanced indexing's
** functions are compositions in lua/lumpy/fancy.lua). Positions given and
** returned are 1-based, negative from the end; see docs/api.md for what
** the "wrap" and "clip" modes do with them.
*/
#include <string.h>
#include "lbind.h"
#include "../core/fancy.h"

static int checkmode(lua_State *L, int idx, const char *fn) {
  const char *s;
  if (lua_isnoneornil(L, idx)) return LPY_MODE_RAISE;
  s = lua_tostring(L, idx);
  if (lua_type(L, idx) == LUA_TSTRING) {
    if (strcmp(s, "raise") == 0) return LPY_MODE_RAISE;
    if (strcmp(s, "wrap") == 0) return LPY_MODE_WRAP;
    if (strcmp(s, "clip") == 0) return LPY_MODE_CLIP;
  }
  return lb_error(L, fn, "mode must be one of 'clip', 'raise', or 'wrap', got %s",
                  s && lua_type(L, idx) == LUA_TSTRING ? s : luaL_typename(L, idx));
}

/* an index argument as an integer array (pushed); an empty array of any
   dtype counts as an empty int64 one */
static lpy_array *checkindex(lua_State *L, int idx, const char *fn) {
  lpy_array *a = lb_toarray(L, idx, -1, fn);
  if (lpy_isint(a->dtype)) return a;
  if (a->size == 0) {
    lua_pop(L, 1);
    return lb_toarray(L, idx, LPY_INT64, fn);
  }
  lb_error(L, fn, "indices must be integers, got an array of %s",
           lpy_dtypes[a->dtype].name);
  return NULL;
}

/* positional argument pos, or field k of the options table */
static int optarg(lua_State *L, int nargs, int opts, int pos, const char *k) {
  if (opts && pos >= opts) return lb_optfield(L, opts, k);
  if (pos > nargs) lua_pushnil(L);
  else lua_pushvalue(L, pos);
  return lua_type(L, -1);
}

/* np.take(a, indices [, axis [, out [, mode]]] [, {out=, mode=}]) */
static int l_take(lua_State *L) {
  int nargs = lua_gettop(L);
  static const char *const allowed[] = {"out", "mode", NULL};
  const char *fn = "take";
  int opts = lb_opts(L, 3), scalar = lua_type(L, 2) == LUA_TNUMBER, mode, axis;
  int outidx = 0;
  lpy_array *a, *idx, *res, *out = NULL;
  lpy_fancy f;
  lpy_err e;
  lb_checkopts(L, opts, fn, allowed);
  a = lb_toarray(L, 1, -1, fn);
  idx = checkindex(L, 2, fn);
  scalar = scalar || idx->ndim == 0;
  if (optarg(L, nargs, opts, 4, "out") != LUA_TNIL) {
    out = lb_check(L, -1, fn);
    outidx = lua_gettop(L);
  }
  mode = checkmode(L, (optarg(L, nargs, opts, 5, "mode"), -1), fn);
  memset(&f, 0, sizeof f);
  f.dtype = a->dtype;
  if (opts == 3 || nargs < 3 || lua_isnil(L, 3) ||
      (lua_type(L, 3) == LUA_TBOOLEAN && !lua_toboolean(L, 3))) {
    a = lb_contig(L, a, -1, fn);
    f.ndim = 1;
    f.shape[0] = a->size;
    f.strides[0] = lpy_itemsize(a->dtype);
    axis = 0;
  } else {
    axis = lb_checkaxis(L, 3, a->ndim, fn);
    f.ndim = a->ndim;
    memcpy(f.shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    memcpy(f.strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
  }
  f.data = a->data;
  f.nadv = 1;
  f.consec = 1;
  f.adv[0].kind = LPY_FANCY_INDEX;
  f.adv[0].arr = idx;
  f.adv[0].dim = axis;
  f.adv[0].axis = axis;
  f.adv[0].mode = mode;
  if (lpy_fancy_prepare(&f, &e)) return lb_core_error(L, fn, &e);
  if (out && (out->ndim != f.ondim ||
              memcmp(out->shape, f.oshape, (size_t)f.ondim * sizeof(int64_t)) != 0)) {
    char s1[200], s2[200];
    lpy_shape_str(out->ndim, out->shape, s1, sizeof s1);
    lpy_shape_str(f.ondim, f.oshape, s2, sizeof s2);
    return lb_error(L, fn, "output array of shape %s does not match the result's shape %s",
                    s1, s2);
  }
  res = lb_push_new(L, a->dtype, f.ondim, f.oshape, 0, fn);
  if (lpy_fancy_get(&f, res, &e)) return lb_core_error(L, fn, &e);
  if (out) {
    if (lpy_array_assign(out, res, &e)) return lb_core_error(L, fn, &e);
    lua_pushvalue(L, outidx);
    return 1;
  }
  if (scalar && f.ondim == 0) lb_push_elem(L, res->dtype, res->data);
  return 1;
}

/* np.put(a, ind, v [, mode]): a.flat[ind] = v, v repeated as needed */
static int l_put(lua_State *L) {
  int nargs = lua_gettop(L);
  static const char *const allowed[] = {"mode", NULL};
  const char *fn = "put";
  int opts = lb_opts(L, 4), mode, isz;
  lpy_array *a = lb_check(L, 1, fn), *idx, *v, *pos;
  int64_t j, nv, *p;
  lpy_err e;
  lb_checkopts(L, opts, fn, allowed);
  if (!(a->flags & LPY_WRITEABLE))
    return lb_error(L, fn, "assignment destination is read-only");
  idx = checkindex(L, 2, fn);
  v = lb_toarray(L, 3, a->dtype, fn);
  mode = checkmode(L, (optarg(L, nargs, opts, 4, "mode"), -1), fn);
  if (idx->size == 0 || v->size == 0) return 0;
  if (lpy_arrays_overlap(v, a) || !(v->flags & LPY_C_CONTIGUOUS)) {
    lpy_array *c = lb_push_new(L, v->dtype, v->ndim, v->shape, 0, fn);
    if (lpy_array_assign(c, v, &e)) lb_core_error(L, fn, &e);
    v = c;
  }
  pos = lb_push_new(L, LPY_INT64, idx->ndim, idx->shape, 1, fn);
  p = (int64_t *)pos->data;
  if (lpy_fancy_addpos(p, idx->ndim, idx->shape, idx, a->size, 1, mode, 0, &e))
    return lb_core_error(L, fn, &e);
  isz = lpy_itemsize(a->dtype);
  nv = v->size;
  for (j = 0; j < idx->size; j++) {
    int64_t r = p[j], off = 0;
    int k;
    if (a->flags & LPY_C_CONTIGUOUS) off = r * isz;
    else for (k = a->ndim - 1; k >= 0; k--) {
      off += (r % a->shape[k]) * a->strides[k];
      r /= a->shape[k];
    }
    memcpy(a->data + off, v->data + (j % nv) * isz, (size_t)isz);
  }
  return 0;
}

/* order argument: 1 for "F" */
static int checkorder(lua_State *L, int idx, const char *fn) {
  const char *s;
  if (lua_isnoneornil(L, idx)) return 0;
  s = lua_tostring(L, idx);
  if (lua_type(L, idx) == LUA_TSTRING && (strcmp(s, "C") == 0 || strcmp(s, "F") == 0))
    return s[0] == 'F';
  return lb_error(L, fn, "only 'C' or 'F' order is permitted");
}

/* np.ravel_multi_index(multi_index, dims [, mode [, order]]) */
static int l_ravel_multi_index(lua_State *L) {
  int nargs = lua_gettop(L);
  static const char *const allowed[] = {"mode", "order", NULL};
  const char *fn = "ravel_multi_index";
  int opts = lb_opts(L, 3), n, k, fortran, scalar = 1, modes[LPY_MAXDIMS];
  int64_t dims[LPY_MAXDIMS], mult[LPY_MAXDIMS], bshape[LPY_MAXDIMS], m = 1;
  const int64_t *shapes[LPY_MAXDIMS];
  int ndims[LPY_MAXDIMS], bnd, base;
  lpy_array *idx[LPY_MAXDIMS], *out;
  lpy_err e;
  lb_checkopts(L, opts, fn, allowed);
  if (lua_type(L, 1) != LUA_TTABLE)
    return lb_error(L, fn, "multi_index must be a sequence of index arrays, got %s",
                    luaL_typename(L, 1));
  n = lb_checkshape(L, 2, dims, fn);
  if ((int)lua_rawlen(L, 1) != n)
    return lb_error(L, fn, "parameter multi_index must be a sequence of length %d", n);
  if (lpy_shape_size(n, dims, &e) < 0) return lb_core_error(L, fn, &e);
  fortran = checkorder(L, (optarg(L, nargs, opts, 4, "order"), -1), fn);
  optarg(L, nargs, opts, 3, "mode");
  base = lua_gettop(L);
  for (k = 0; k < n; k++) {
    if (lua_type(L, base) == LUA_TTABLE) {
      if ((int)lua_rawlen(L, base) != n)
        return lb_error(L, fn, "mode must be one mode or a sequence of %d modes", n);
      lua_rawgeti(L, base, k + 1);
      modes[k] = checkmode(L, -1, fn);
      lua_pop(L, 1);
    } else modes[k] = checkmode(L, base, fn);
  }
  for (k = 0; k < n; k++) {
    int i = fortran ? k : n - 1 - k;
    mult[i] = m;
    m *= dims[i];
  }
  for (k = 0; k < n; k++) {
    lua_rawgeti(L, 1, k + 1);
    if (lua_type(L, -1) != LUA_TNUMBER) scalar = 0;
    idx[k] = checkindex(L, -1, fn);
    shapes[k] = idx[k]->shape;
    ndims[k] = idx[k]->ndim;
  }
  if (lpy_broadcast_shapes(n, ndims, shapes, &bnd, bshape, &e))
    return lb_core_error(L, fn, &e);
  out = lb_push_new(L, LPY_INT64, bnd, bshape, 1, fn);
  for (k = 0; k < n; k++)
    if (lpy_fancy_addpos((int64_t *)out->data, bnd, bshape, idx[k], dims[k],
                         mult[k], modes[k], k, &e))
      return lb_error(L, fn, "invalid entry in coordinates array (%s)", e.msg);
  {
    int64_t j, *o = (int64_t *)out->data;
    for (j = 0; j < out->size; j++) o[j] += 1;
  }
  if (scalar && bnd == 0) lua_pushinteger(L, ((int64_t *)out->data)[0]);
  return 1;
}

/* np.unravel_index(indices, shape [, order]): one array per dimension */
static int l_unravel_index(lua_State *L) {
  int nargs = lua_gettop(L);
  static const char *const allowed[] = {"order", NULL};
  const char *fn = "unravel_index";
  int opts = lb_opts(L, 3), n, k, fortran, scalar = lua_type(L, 1) == LUA_TNUMBER;
  int64_t dims[LPY_MAXDIMS], size, j, *pos;
  lpy_array *idx, *outs[LPY_MAXDIMS], *pa;
  lpy_err e;
  lb_checkopts(L, opts, fn, allowed);
  idx = checkindex(L, 1, fn);
  n = lb_checkshape(L, 2, dims, fn);
  size = lpy_shape_size(n, dims, &e);
  if (size < 0) return lb_core_error(L, fn, &e);
  fortran = checkorder(L, (optarg(L, nargs, opts, 3, "order"), -1), fn);
  pa = lb_push_new(L, LPY_INT64, idx->ndim, idx->shape, 1, fn);
  pos = (int64_t *)pa->data;
  if (lpy_fancy_addpos(pos, idx->ndim, idx->shape, idx, size, 1, LPY_MODE_RAISE, -1, &e))
    return lb_core_error(L, fn, &e);
  if (!lua_checkstack(L, n + 2)) return lb_error(L, fn, "too many dimensions");
  for (k = 0; k < n; k++) outs[k] = lb_push_new(L, LPY_INT64, idx->ndim, idx->shape, 0, fn);
  for (j = 0; j < idx->size; j++) {
    int64_t r = pos[j];
    for (k = 0; k < n; k++) {
      int i = fortran ? k : n - 1 - k;
      ((int64_t *)outs[i]->data)[j] = r % dims[i] + 1;
      r /= dims[i];
    }
  }
  if (scalar) {
    int first = lua_gettop(L) - n + 1;
    for (k = 0; k < n; k++) {
      lua_pushinteger(L, ((int64_t *)outs[k]->data)[0]);
      lua_replace(L, first + k);
    }
  }
  return n;
}

static const luaL_Reg funcs[] = {
  {"take", l_take},
  {"put", l_put},
  {"ravel_multi_index", l_ravel_multi_index},
  {"unravel_index", l_unravel_index},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"take", l_take},
  {"put", l_put},
  {NULL, NULL}
};

void lb_open_fancy(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
