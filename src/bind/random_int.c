/*
** random_int.c - Generator.integers and the legacy randint: argument
** handling around lpy_rng_integers (src/core/rng_int.c).
*/
#include <string.h>
#include "lrandom.h"
#include "../core/rng_bg.h"

/* low or high at idx as a 0-d header over v (numbers) or a converted
   array (pushed in place): int64, uint64 or float64 */
static lpy_array *bound_arg(lua_State *L, int idx, lpy_array_space *sp,
                            lpy_rng_arg *v, const char *fn) {
  lpy_array *a;
  int t;
  if (lua_type(L, idx) == LUA_TNUMBER) {
    if (lua_isinteger(L, idx)) {
      v->i = lua_tointeger(L, idx);
      lpy_array_init(&sp->a, LPY_INT64, 0, NULL, NULL, (char *)v, NULL);
    } else {
      v->d = lua_tonumber(L, idx);
      lpy_array_init(&sp->a, LPY_FLOAT64, 0, NULL, NULL, (char *)v, NULL);
    }
    return &sp->a;
  }
  if (lua_type(L, idx) != LUA_TTABLE && lua_type(L, idx) != LUA_TBOOLEAN && !lb_test(L, idx))
    lb_error(L, fn, "low and high must be numbers or arrays, got %s", luaL_typename(L, idx));
  a = lb_toarray(L, idx, -1, fn);
  t = a->dtype == LPY_UINT64 ? LPY_UINT64
      : lpy_isint(a->dtype) || a->dtype == LPY_BOOL ? LPY_INT64
      : lpy_isfloat(a->dtype) ? LPY_FLOAT64 : -1;
  if (t < 0) lb_error(L, fn, "low and high must be real, got %s", lpy_dtypes[a->dtype].name);
  if ((int)a->dtype != t || !(a->flags & LPY_ALIGNED)) {
    lua_pop(L, 1);
    a = lb_toarray_aligned(L, idx, t, fn);
  }
  lua_replace(L, idx);
  return a;
}

/* the shared body: arguments low, high, size at lo, hi, sz; pushes the
   result */
int lb_rng_integers(lua_State *L, lpy_bitgen *bg, int lo, int hi, int sz,
                    int dtype, int closed, int masked, const char *fn) {
  lpy_array_space ls, hs;
  lpy_rng_arg lv, hv;
  lpy_array *low, *high, *out;
  int64_t shape[LPY_MAXDIMS], bshape[LPY_MAXDIMS], cnt = 0;
  int nd, bnd, nds[3], n = 0;
  const int64_t *shs[3];
  lpy_err e;
  if (dtype != LPY_BOOL && !lpy_isint(dtype))
    lb_error(L, fn, "Unsupported dtype dtype('%s') for integers", lpy_dtypes[dtype].name);
  if (lua_isnil(L, hi)) {            /* integers(high): [0, high) */
    lua_copy(L, lo, hi);
    lua_pushinteger(L, 0);
    lua_replace(L, lo);
  }
  nd = lb_rng_size(L, sz, shape, fn);
  if (nd >= 0) {
    cnt = lpy_shape_size(nd, shape, &e);
    if (cnt < 0) lb_core_error(L, fn, &e);
    if (cnt == 0) {                  /* NumPy returns before any check */
      lb_push_new(L, (lpy_dtype)dtype, nd, shape, 0, fn);
      return 1;
    }
  }
  low = bound_arg(L, lo, &ls, &lv, fn);
  high = bound_arg(L, hi, &hs, &hv, fn);
  if (nd < 0 && low->ndim == 0 && high->ndim == 0) {
    union { char c[8]; uint64_t u; } r;
    int64_t one = 1;
    lpy_array_space o;
    lpy_array_init(&o.a, (lpy_dtype)dtype, 1, &one, NULL, r.c, NULL);
    if (lpy_rng_integers(bg, &o.a, low, high, 0, NULL, closed, masked, &e))
      lb_core_error(L, fn, &e);
    lb_push_elem(L, (lpy_dtype)dtype, r.c);
    return 1;
  }
  /* low against high (NumPy's np.greater_equal), then both against size
     (NumPy's multi-iterator) */
  nds[n] = low->ndim; shs[n++] = low->shape;
  nds[n] = high->ndim; shs[n++] = high->shape;
  if (lpy_broadcast_shapes(n, nds, shs, &bnd, bshape, &e)) {
    char s0[128], s1[128];
    lb_rng_pyshape(low->ndim, low->shape, s0, sizeof s0);
    lb_rng_pyshape(high->ndim, high->shape, s1, sizeof s1);
    lb_error(L, fn, "operands could not be broadcast together with shapes %s %s ", s0, s1);
  }
  if (nd >= 0) {
    /* NumPy draws the first prod(size) steps of the walk over low, high
       and the output broadcast; a walk with fewer steps (a 0 in the
       broadcast shape) would read past the bounds: refused, with the other
       distributions' message */
    nds[n] = nd; shs[n++] = shape;
    bnd = lb_rng_bshape(L, n, nds, shs, bshape, fn);
    if (lpy_shape_size(bnd, bshape, &e) < cnt)
      lb_rng_check_size(L, nd, shape, bnd, bshape, fn);
  } else {
    nd = bnd;
    memcpy(shape, bshape, (size_t)bnd * sizeof *shape);
  }
  out = lb_push_new(L, (lpy_dtype)dtype, nd, shape, 0, fn);
  if (lpy_rng_integers(bg, out, low, high, bnd, bshape, closed, masked, &e))
    lb_core_error(L, fn, &e);
  return 1;
}

/* fast path: int64 / int32 from PCG64 with a scalar range */

/* rng:integers(low, high, size, dtype, endpoint) / {size=, dtype=,
   endpoint=, low=, high=} */
static int gen_integers(lua_State *L) {
  static const char *const fn = "random.Generator.integers";
  static const char *const names[] = {"low", "high", "size", "dtype", "endpoint", NULL};
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  int base = lb_rng_args(L, 5, names, fn), dtype;
  if (lua_isnil(L, base)) lb_error(L, fn, "missing required argument 'low'");
  dtype = lb_optdtype(L, base + 3, LPY_INT64, fn);
  return lb_rng_integers(L, bg, base, base + 1, base + 2, dtype,
                         lua_toboolean(L, base + 4), 0, fn);
}

void lb_rng_open_int(lua_State *L, int methidx) {
  lua_pushcfunction(L, gen_integers);
  lua_setfield(L, methidx, "integers");
}
