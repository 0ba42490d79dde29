/*
** reduce.c - Lua binding of the reductions (sum, prod, min, max, nanmin,
** nanmax, any, all), argmin/argmax, cumsum/cumprod and diagonal. The
** arguments follow NumPy's positional order; NumPy's keywords go in a
** trailing options table. Axes and positions are 1-based. The statistics
** composed of these (mean, var, std, the nan-functions, ...) are in
** lua/lumpy/reduce.lua.
*/
#include <string.h>
#include "lbind.h"
#include "../core/reduce.h"

/* a 0-d result lives here instead of in a new array */
typedef union scalar_space {
  struct { double re, im; } z;
  double d;
  int64_t i;
  char b[16];
} scalar_space;

/* a header for 'w' broadcast to the shape of 'a' (same ndim) */
static void broadcast_where(lua_State *L, const lpy_array *w,
                            const lpy_array *a, lpy_array *out,
                            const char *fn) {
  int64_t st[LPY_MAXDIMS];
  int k, nd = a->ndim;
  if (w->ndim > nd) goto bad;
  for (k = 0; k < nd; k++) {
    int wk = k - (nd - w->ndim);
    if (wk < 0 || w->shape[wk] == 1) st[k] = 0;
    else if (w->shape[wk] == a->shape[k]) st[k] = w->strides[wk];
    else goto bad;
  }
  lpy_array_init(out, LPY_BOOL, nd, a->shape, st, w->data, NULL);
  return;
bad: {
    char s1[120], s2[120];
    lpy_shape_str(w->ndim, w->shape, s1, sizeof s1);
    lpy_shape_str(a->ndim, a->shape, s2, sizeof s2);
    lb_error(L, fn, "where mask of shape %s could not be broadcast to the array's shape %s",
             s1, s2);
  }
}

/* store the Lua value at idx into every element of a, converted as an
   array element is (lb_operand, lb_set_scalar: a -0.0 keeps its sign in a
   float array on every Lua; a Lua integer out of the dtype's range is an
   error) */
static void fill_value(lua_State *L, int idx, lpy_array *a, const char *fn) {
  scalar_space v;
  lpy_array_space s;
  lpy_operand op;
  lpy_err e;
  int lt = lua_type(L, idx);
  if (lt != LUA_TNUMBER && lt != LUA_TBOOLEAN && !lb_testcomplex(L, idx))
    lb_error(L, fn, "initial must be a number, a boolean or a complex, got %s",
             luaL_typename(L, idx));
  lb_operand(L, idx, &op, fn);
  if (op.weak == LPY_WEAK_COMPLEX && !lpy_iscomplex(a->dtype))
    lb_error(L, fn, "initial: a complex value cannot be the start of a %s reduction",
             lpy_dtypes[a->dtype].name);
  lb_set_scalar(L, a->dtype, v.b, &op, fn);
  lpy_array_init(&s.a, a->dtype, 0, NULL, NULL, v.b, NULL);
  if (lpy_array_assign(a, &s.a, &e)) lb_core_error(L, fn, &e);
}

/* out= must have the result's shape */
static void check_out(lua_State *L, const lpy_array *out, int nd,
                      const int64_t *shape, const char *opname,
                      const char *fn) {
  int k;
  if (!(out->flags & LPY_WRITEABLE))
    lb_error(L, fn, "output array is read-only");
  if (out->ndim != nd)
    lb_error(L, fn, "output parameter for reduction operation %s has the wrong number of dimensions: Found %d but expected %d",
             opname, out->ndim, nd);
  for (k = 0; k < nd; k++)
    if (out->shape[k] != shape[k]) {
      char s1[120], s2[120];
      lpy_shape_str(out->ndim, out->shape, s1, sizeof s1);
      lpy_shape_str(nd, shape, s2, sizeof s2);
      lb_error(L, fn, "output parameter for reduction operation %s has shape %s, expected %s",
               opname, s1, s2);
    }
}

/* the options each kind of function takes */
static const char *const opts_sum[] = {"keepdims", "dtype", "initial", "where", "out", NULL};
static const char *const opts_minmax[] = {"keepdims", "initial", "where", "out", NULL};
static const char *const opts_anyall[] = {"keepdims", "where", "out", NULL};

/* f(a, axis, [dtype | out], [out], [opts]) */
static int do_reduce(lua_State *L, int op, const char *fn) {
  int opts = lb_opts(L, 2), top = opts ? opts - 1 : lua_gettop(L);
  int nd, k, fnd = 0, keepdims = 0, full, hasdtype = op <= LPY_ROP_PROD;
  int init, dt = -1, outidx = 0, initidx = 0, st;
  unsigned char axes[LPY_MAXDIMS];
  int64_t rshape[LPY_MAXDIMS], fshape[LPY_MAXDIMS];
  lpy_array *a, *out = NULL, *where = NULL, *res;
  lpy_array_space kv, wv, ov;
  scalar_space sv;
  lpy_err e;
  lpy_dtype t;
  const char *opname = lpy_reduce_ufunc_name(op);
  lb_checkopts(L, opts, fn, hasdtype ? opts_sum
               : op >= LPY_ROP_ANY ? opts_anyall : opts_minmax);
  if (lua_isnoneornil(L, 1)) lb_error(L, fn, "an array is required");
  a = lb_toarray(L, 1, -1, fn);
  lua_replace(L, 1);
  nd = a->ndim;
  full = !lb_read_axes(L, top >= 2 ? 2 : 0, nd, axes, fn);
  /* positional dtype (sum, prod) and out */
  for (k = 3; k <= top && k <= 4; k++) {
    if (lua_isnoneornil(L, k)) continue;
    if (lb_test(L, k)) outidx = k;
    else if (hasdtype && k == 3) dt = lb_optdtype(L, k, -1, fn);
    else lb_error(L, fn, "argument %d: expected %s, got %s", k,
                  hasdtype && k == 3 ? "a dtype" : "an output array",
                  luaL_typename(L, k));
  }
  if (opts) {
    if (lb_optfield(L, opts, "keepdims") != LUA_TNIL) keepdims = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (lb_optfield(L, opts, "dtype") != LUA_TNIL) dt = lb_optdtype(L, -1, -1, fn);
    lua_pop(L, 1);
    if (lb_optfield(L, opts, "out") != LUA_TNIL) {
      lb_check(L, -1, fn);
      outidx = lua_gettop(L);   /* stays on the stack */
    } else lua_pop(L, 1);
    if (lb_optfield(L, opts, "initial") != LUA_TNIL) initidx = lua_gettop(L);
    else lua_pop(L, 1);
    if (lb_optfield(L, opts, "where") != LUA_TNIL) {
      lpy_array *w = lb_toarray(L, -1, -1, fn);
      if (w->dtype != LPY_BOOL)
        lb_error(L, fn, "where must be a bool array, got dtype %s",
                 lpy_dtypes[w->dtype].name);
      broadcast_where(L, w, a, &wv.a, fn);
      where = &wv.a;          /* the converted mask stays on the stack */
    } else lua_pop(L, 1);
  }
  if (outidx) out = lb_check(L, outidx, fn);
  t = dt >= 0 ? (lpy_dtype)dt : lpy_reduce_dtype(op, a->dtype);
  if (op >= LPY_ROP_ANY) t = LPY_BOOL;
  /* shapes: rshape keeps the reduced axes as 1, fshape is the result's */
  for (k = 0; k < nd; k++) {
    rshape[k] = axes[k] ? 1 : a->shape[k];
    if (!axes[k] || keepdims) fshape[fnd++] = rshape[k];
  }
  if (initidx) init = LPY_RINIT_GIVEN;
  else if (op == LPY_ROP_SUM || op == LPY_ROP_PROD || op >= LPY_ROP_ANY)
    init = LPY_RINIT_IDENTITY;
  else {
    if (where)
      lb_error(L, fn, "reduction operation '%s' does not have an identity, so to use a where mask one has to specify 'initial'",
               opname);
    init = LPY_RINIT_FIRST;
  }
  if (out) {
    check_out(L, out, fnd, fshape, opname, fn);
    if (out->dtype == t && (out->flags & LPY_ALIGNED) && !lpy_arrays_overlap(out, a) &&
        !(where && lpy_arrays_overlap(out, where))) {
      /* reduce straight into out, seen with the kept axes */
      int64_t ost[LPY_MAXDIMS];
      int j = 0;
      for (k = 0; k < nd; k++)
        ost[k] = (!axes[k] || keepdims) ? out->strides[j++] : 0;
      lpy_array_init(&ov.a, t, nd, rshape, ost, out->data, NULL);
      if (initidx) fill_value(L, initidx, &ov.a, fn);
      if ((st = lpy_reduce(op, a, &ov.a, axes, where, init, &e)) != 0)
        lb_core_error(L, fn, &e);
      lua_pushvalue(L, outidx);
      return 1;
    }
  }
  if (full && !keepdims && !out) {
    lpy_array_init(&kv.a, t, nd, rshape, NULL, sv.b, NULL);
    res = NULL;
  } else {
    res = lb_push_new(L, t, fnd, fshape, 0, fn);
    lpy_array_init(&kv.a, t, nd, rshape, NULL, res->data, NULL);
  }
  if (initidx) fill_value(L, initidx, &kv.a, fn);
  if ((st = lpy_reduce(op, a, &kv.a, axes, where, init, &e)) != 0)
    lb_core_error(L, fn, &e);
  if (!res) {
    lb_push_elem(L, t, sv.b);
    return 1;
  }
  if (out) {
    if (lpy_array_assign(out, res, &e)) lb_core_error(L, fn, &e);
    lua_pushvalue(L, outidx);
  }
  return 1;
}

static int l_sum(lua_State *L) { return do_reduce(L, LPY_ROP_SUM, "sum"); }
static int l_prod(lua_State *L) { return do_reduce(L, LPY_ROP_PROD, "prod"); }
static int l_min(lua_State *L) { return do_reduce(L, LPY_ROP_MIN, "min"); }
static int l_max(lua_State *L) { return do_reduce(L, LPY_ROP_MAX, "max"); }
static int l_amin(lua_State *L) { return do_reduce(L, LPY_ROP_MIN, "amin"); }
static int l_amax(lua_State *L) { return do_reduce(L, LPY_ROP_MAX, "amax"); }
static int l_nanmin(lua_State *L) { return do_reduce(L, LPY_ROP_FMIN, "nanmin"); }
static int l_nanmax(lua_State *L) { return do_reduce(L, LPY_ROP_FMAX, "nanmax"); }
static int l_any(lua_State *L) { return do_reduce(L, LPY_ROP_ANY, "any"); }
static int l_all(lua_State *L) { return do_reduce(L, LPY_ROP_ALL, "all"); }

/* the array argument at 1, converted in place */
static lpy_array *array_arg(lua_State *L, const char *fn) {
  lpy_array *a;
  if (lua_isnoneornil(L, 1)) lb_error(L, fn, "an array is required");
  a = lb_toarray(L, 1, -1, fn);
  lua_replace(L, 1);
  return a;
}

/* a single axis at 2 (for arg-reductions and accumulations): 0-based, or
   -1 for nil/false/absent (the flattened array) */
static int one_axis(lua_State *L, int top, int nd, const char *fn) {
  if (top < 2 || lua_isnoneornil(L, 2) ||
      (lua_isboolean(L, 2) && !lua_toboolean(L, 2)))
    return -1;
  if (lua_type(L, 2) != LUA_TNUMBER)
    lb_error(L, fn, "axis must be nil or an integer, got %s", luaL_typename(L, 2));
  return lb_checkaxis(L, 2, nd, fn);
}

/* argmin/argmax(a, axis, out, {keepdims, out}) */
static int do_arg(lua_State *L, int max, const char *fn) {
  static const char *const ok[] = {"keepdims", "out", NULL};
  int opts = lb_opts(L, 2), top = opts ? opts - 1 : lua_gettop(L);
  int nd, axis, k, fnd = 0, keepdims = 0, outidx = 0;
  int64_t fshape[LPY_MAXDIMS], i, *o;
  lpy_array *a, *res;
  lpy_err e;
  lb_checkopts(L, opts, fn, ok);
  a = array_arg(L, fn);
  nd = a->ndim;
  axis = one_axis(L, top, nd, fn);
  if (top >= 3 && !lua_isnoneornil(L, 3)) { lb_check(L, 3, fn); outidx = 3; }
  if (opts) {
    if (lb_optfield(L, opts, "keepdims") != LUA_TNIL) keepdims = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (lb_optfield(L, opts, "out") != LUA_TNIL) {
      lb_check(L, -1, fn);
      outidx = lua_gettop(L);
    } else lua_pop(L, 1);
  }
  for (k = 0; k < nd; k++) {
    if (k != axis && axis >= 0) fshape[fnd++] = a->shape[k];
    else if (keepdims) fshape[fnd++] = 1;
  }
  if (axis < 0 && !keepdims && !outidx) {
    int64_t r;
    lpy_array_space v;
    lpy_array_init(&v.a, LPY_INT64, 0, NULL, NULL, (char *)&r, NULL);
    if (lpy_argreduce(max, a, -1, &v.a, &e)) lb_core_error(L, fn, &e);
    lua_pushinteger(L, (lua_Integer)r + 1);
    return 1;
  }
  res = lb_push_new(L, LPY_INT64, fnd, fshape, 0, fn);
  if (lpy_argreduce(max, a, axis, res, &e)) lb_core_error(L, fn, &e);
  o = (int64_t *)res->data;
  for (i = 0; i < res->size; i++) o[i] += 1;
  if (outidx) {
    lpy_array *out = lb_check(L, outidx, fn);
    check_out(L, out, fnd, fshape, max ? "argmax" : "argmin", fn);
    if (out->dtype != LPY_INT64)
      lb_error(L, fn, "output array must have dtype int64, got %s",
               lpy_dtypes[out->dtype].name);
    if (lpy_array_assign(out, res, &e)) lb_core_error(L, fn, &e);
    lua_pushvalue(L, outidx);
  }
  return 1;
}

static int l_argmin(lua_State *L) { return do_arg(L, 0, "argmin"); }
static int l_argmax(lua_State *L) { return do_arg(L, 1, "argmax"); }

/* cumsum/cumprod(a, axis, dtype, out, {dtype, out}) */
static int do_accum(lua_State *L, int prod, const char *fn) {
  static const char *const ok[] = {"dtype", "out", NULL};
  int opts = lb_opts(L, 2), top = opts ? opts - 1 : lua_gettop(L);
  int nd, axis, dt = -1, outidx = 0;
  int64_t n;
  lpy_array *a, *res;
  lpy_dtype t;
  lpy_err e;
  lb_checkopts(L, opts, fn, ok);
  a = array_arg(L, fn);
  nd = a->ndim;
  axis = one_axis(L, top, nd, fn);
  if (top >= 3 && !lua_isnoneornil(L, 3)) dt = lb_optdtype(L, 3, -1, fn);
  if (top >= 4 && !lua_isnoneornil(L, 4)) { lb_check(L, 4, fn); outidx = 4; }
  if (opts) {
    if (lb_optfield(L, opts, "dtype") != LUA_TNIL) dt = lb_optdtype(L, -1, -1, fn);
    lua_pop(L, 1);
    if (lb_optfield(L, opts, "out") != LUA_TNIL) {
      lb_check(L, -1, fn);
      outidx = lua_gettop(L);
    } else lua_pop(L, 1);
  }
  t = dt >= 0 ? (lpy_dtype)dt : lpy_reduce_dtype(LPY_ROP_SUM, a->dtype);
  n = a->size;
  res = axis < 0 ? lb_push_new(L, t, 1, &n, 0, fn)
                 : lb_push_new(L, t, nd, a->shape, 0, fn);
  if (lpy_accumulate(prod, a, axis, res, &e)) lb_core_error(L, fn, &e);
  if (outidx) {
    lpy_array *out = lb_check(L, outidx, fn);
    check_out(L, out, res->ndim, res->shape, prod ? "multiply" : "add", fn);
    if (lpy_array_assign(out, res, &e)) lb_core_error(L, fn, &e);
    lua_pushvalue(L, outidx);
  }
  return 1;
}

static int l_cumsum(lua_State *L) { return do_accum(L, 0, "cumsum"); }
static int l_cumprod(lua_State *L) { return do_accum(L, 1, "cumprod"); }

/* diagonal(a, offset, axis1, axis2): a read-only view, NumPy's layout
   (the two axes removed, the diagonal as the last axis) */
static int l_diagonal(lua_State *L) {
  const char *fn = "diagonal";
  lpy_array *a = lb_toarray(L, 1, -1, fn);
  lua_Integer off;
  int nd = a->ndim, ax1, ax2, k, m = 0;
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS], len, n1, n2;
  char *data = a->data;
  lua_replace(L, 1);
  off = lb_optinteger(L, 2, 0, fn);
  if (nd < 2) lb_error(L, fn, "diag requires an array of at least two dimensions");
  ax1 = lua_isnoneornil(L, 3) ? 0 : lb_checkaxis(L, 3, nd, fn);
  ax2 = lua_isnoneornil(L, 4) ? 1 : lb_checkaxis(L, 4, nd, fn);
  if (ax1 == ax2) lb_error(L, fn, "axis1 and axis2 cannot be the same");
  n1 = a->shape[ax1];
  n2 = a->shape[ax2];
  if (off >= 0) {
    len = off >= n2 ? 0 : (n1 < n2 - off ? n1 : n2 - off);
    if (len > 0) data += off * a->strides[ax2];
  } else {
    len = off <= -n1 ? 0 : (n1 + off < n2 ? n1 + off : n2);
    if (len > 0) data -= off * a->strides[ax1];
  }
  for (k = 0; k < nd; k++)
    if (k != ax1 && k != ax2) {
      shape[m] = a->shape[k];
      strides[m++] = a->strides[k];
    }
  shape[m] = len;
  strides[m++] = a->strides[ax1] + a->strides[ax2];
  lb_push_view(L, 1, a->dtype, m, shape, strides, data)->flags &= ~(unsigned)LPY_WRITEABLE;
  return 1;
}

/* replace_nan(a, val [, false]): for float and complex arrays a copy with
   nan elements replaced by val and the bool mask of where they were (not
   made when the third argument is false); for others a itself and nil
   (NumPy's _replace_nan) */
static int l_replace_nan(lua_State *L) {
  const char *fn = "replace_nan";
  lpy_array *a = lb_toarray(L, 1, -1, fn), *c, *mask;
  double val = lb_checknumber(L, 2, fn);
  int fortran;
  lpy_err e;
  if (!lpy_isinexact(a->dtype)) {
    lua_pushnil(L);
    return 2;
  }
  /* a Fortran-ordered input gives Fortran-ordered results, as NumPy's
     copy keeps the layout (the order of later sums depends on it) */
  fortran = a->ndim > 1 && (a->flags & LPY_F_CONTIGUOUS) &&
            !(a->flags & LPY_C_CONTIGUOUS);
  c = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
  if (fortran) lb_make_fortran(c);
  if (lpy_array_assign(c, a, &e)) lb_core_error(L, fn, &e);
  if (lua_isboolean(L, 3) && !lua_toboolean(L, 3)) {   /* no mask wanted */
    lpy_replace_nan(c, val, NULL);
    return 1;
  }
  mask = lb_push_new(L, LPY_BOOL, a->ndim, a->shape, 0, fn);
  if (fortran) lb_make_fortran(mask);
  lpy_replace_nan(c, val, mask);
  return 2;
}

static const luaL_Reg funcs[] = {
  {"sum", l_sum}, {"prod", l_prod}, {"min", l_min}, {"max", l_max},
  {"amin", l_amin}, {"amax", l_amax}, {"nanmin", l_nanmin},
  {"nanmax", l_nanmax}, {"any", l_any}, {"all", l_all},
  {"argmin", l_argmin}, {"argmax", l_argmax}, {"cumsum", l_cumsum},
  {"cumprod", l_cumprod}, {"diagonal", l_diagonal},
  {NULL, NULL}
};

static const luaL_Reg internal[] = {
  {"replace_nan", l_replace_nan},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"sum", l_sum}, {"prod", l_prod}, {"min", l_min}, {"max", l_max},
  {"any", l_any}, {"all", l_all}, {"argmin", l_argmin},
  {"argmax", l_argmax}, {"cumsum", l_cumsum}, {"cumprod", l_cumprod},
  {"diagonal", l_diagonal},
  {NULL, NULL}
};

void lb_open_reduce(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
  lb_register_internal(L, modidx, "reduce", internal);
}
