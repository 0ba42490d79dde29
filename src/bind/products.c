/*
** products.c - Lua binding of matrix products: np.matmul / a:matmul. The
** other products (and np.linalg.matmul) (dot, vdot, inner, outer,
** tensordot, kron, vecdot, multi_dot, matrix_power, matrix_transpose,
** linalg.trace) are compositions in lua/lumpy/products.lua on matmul.
*/
#include <string.h>
#include "lbind.h"
#include "../core/products.h"

#define SIG "(n?,k),(k,m?)->(n?,m?)"

static const char *const matmul_opts[] = {"out", "dtype", NULL};

/* an operand's matrix view: 1-D promoted to (1, k) (first) or (k, 1)
   (second), leading dimensions broadcast to lead[0..nl) with stride 0 */
static void stack_view(const lpy_array *x, int second, int nl,
                       const int64_t *lead, lpy_array *v) {
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  int i, xl = x->ndim >= 2 ? x->ndim - 2 : 0;
  for (i = 0; i < nl; i++) {
    int j = i - (nl - xl);
    shape[i] = lead[i];
    strides[i] = (j >= 0 && x->shape[j] != 1) ? x->strides[j] : 0;
  }
  if (x->ndim == 1) {
    shape[nl] = second ? x->shape[0] : 1; shape[nl + 1] = second ? 1 : x->shape[0];
    strides[nl] = second ? x->strides[0] : 0; strides[nl + 1] = second ? 0 : x->strides[0];
  } else {
    shape[nl] = x->shape[x->ndim - 2]; shape[nl + 1] = x->shape[x->ndim - 1];
    strides[nl] = x->strides[x->ndim - 2]; strides[nl + 1] = x->strides[x->ndim - 1];
  }
  lpy_array_init(v, x->dtype, nl + 2, shape, strides, x->data, NULL);
}

static int l_matmul(lua_State *L) {
  const char *fn = "matmul";
  int opts = lb_opts(L, 3), nl, andim, bndim, ondim, i, dt = -1;
  lpy_array *a, *b, *out = NULL, *r;
  lpy_array_space va, vb, vc;
  int64_t lead[LPY_MAXDIMS], oshape[LPY_MAXDIMS], m, n, k, k2;
  const int64_t *shapes[3];
  int ndims[3];
  lpy_dtype t;
  lpy_err e;
  char s1[128], s2[128];
  lb_checkopts(L, opts, fn, matmul_opts);
  lua_settop(L, 3);
  if (opts) {
    lb_optfield(L, opts, "dtype");
    dt = lb_optdtype(L, -1, -1, fn);
    lua_pop(L, 1);
    lb_optfield(L, opts, "out");                                    /* 4 */
  } else lua_pushvalue(L, 3);        /* NumPy's positional out, or nil */
  if (!lua_isnil(L, 4)) {
    out = lb_test(L, 4);
    if (!out) lb_error(L, fn, "out must be an array");
    if (out->flags & LB_CLOSED) lb_error(L, fn, "array is closed");
    if (!(out->flags & LPY_WRITEABLE)) lb_error(L, fn, "output array is read-only");
  }
  a = lb_toarray(L, 1, -1, fn);                                     /* 5 */
  b = lb_toarray(L, 2, -1, fn);                                     /* 6 */
  for (i = 0; i < 2; i++) {
    lpy_array *x = i ? b : a;
    if (x->ndim == 0)
      lb_error(L, fn, "Input operand %d does not have enough dimensions (has 0, "
               "gufunc core with signature " SIG " requires 1)", i + 1);
  }
  andim = a->ndim; bndim = b->ndim;
  m = andim == 1 ? 1 : a->shape[andim - 2];
  k = a->shape[andim - 1];
  k2 = bndim == 1 ? b->shape[0] : b->shape[bndim - 2];
  n = bndim == 1 ? 1 : b->shape[bndim - 1];
  if (k != k2) {
    lpy_shape_str(andim, a->shape, s1, sizeof s1);
    lpy_shape_str(bndim, b->shape, s2, sizeof s2);
    lb_error(L, fn, "Input operand 2 has a mismatch in its core dimension 1, with "
             "gufunc signature " SIG " (size %lld is different from %lld); shapes %s %s",
             (long long)k2, (long long)k, s1, s2);
  }
  /* the stacks' leading dimensions broadcast (out's too, as NumPy lets
     the output's loop dimensions repeat the product) */
  ndims[0] = andim > 2 ? andim - 2 : 0; ndims[1] = bndim > 2 ? bndim - 2 : 0;
  shapes[0] = a->shape; shapes[1] = b->shape;
  ndims[2] = 0; shapes[2] = NULL;
  if (out) {
    int core = (andim > 1) + (bndim > 1);
    ndims[2] = out->ndim > core ? out->ndim - core : 0;
    shapes[2] = out->shape;
  }
  if (lpy_broadcast_shapes(out ? 3 : 2, ndims, shapes, &nl, lead, &e)) {
    lpy_shape_str(andim, a->shape, s1, sizeof s1);
    lpy_shape_str(bndim, b->shape, s2, sizeof s2);
    lb_error(L, fn, "the stacks of shapes %s and %s%s do not broadcast (%s)", s1, s2,
             out ? " and out" : "", e.msg);
  }
  ondim = 0;
  for (i = 0; i < nl; i++) oshape[ondim++] = lead[i];
  if (andim > 1) oshape[ondim++] = m;
  if (bndim > 1) oshape[ondim++] = n;
  /* the dtype computed in, and the result's */
  if (dt >= 0) {
    t = (lpy_dtype)dt;
    for (i = 0; i < 2; i++) {
      lpy_dtype it = (i ? b : a)->dtype;
      if (!lpy_can_cast_same_kind(it, t))
        lb_error(L, fn, "Cannot cast ufunc 'matmul' input %d from dtype('%s') to "
                 "dtype('%s') with casting rule 'same_kind'", i + 1,
                 lpy_dtypes[it].name, lpy_dtypes[t].name);
    }
  } else t = lpy_promote(a->dtype, b->dtype);
  if (out) {
    int same = out->ndim == ondim;
    for (i = 0; same && i < ondim; i++) same = out->shape[i] == oshape[i];
    if (!same) {
      lpy_shape_str(out->ndim, out->shape, s1, sizeof s1);
      lpy_shape_str(ondim, oshape, s2, sizeof s2);
      lb_error(L, fn, "out has shape %s, the result has shape %s", s1, s2);
    }
    if (!lpy_can_cast_same_kind(t, out->dtype))
      lb_error(L, fn, "Cannot cast ufunc 'matmul' output from dtype('%s') to "
               "dtype('%s') with casting rule 'same_kind'", lpy_dtypes[t].name,
               lpy_dtypes[out->dtype].name);
  }
  /* the operands in dtype t, their elements aligned for it (the kernels
     and BLAS read them through typed pointers) */
  a = lb_toarray_aligned(L, 5, t, fn);                              /* 7 */
  b = lb_toarray_aligned(L, 6, t, fn);                              /* 8 */
  /* the result: out itself when it has the dtype, is aligned and overlaps
     no input */
  if (out && out->dtype == t && (out->flags & LPY_ALIGNED) &&
      !lpy_arrays_overlap(out, a) && !lpy_arrays_overlap(out, b)) {
    r = out; lua_pushvalue(L, 4);
  } else r = lb_push_new(L, t, ondim, oshape, 0, fn);               /* 9 */
  if (r->size > 0) {
    int64_t rs[LPY_MAXDIMS], rst[LPY_MAXDIMS];
    stack_view(a, 0, nl, lead, &va.a);
    stack_view(b, 1, nl, lead, &vb.a);
    for (i = 0; i < nl; i++) { rs[i] = lead[i]; rst[i] = r->strides[i]; }
    rs[nl] = m; rs[nl + 1] = n;
    rst[nl] = andim > 1 ? r->strides[nl] : 0;
    rst[nl + 1] = bndim > 1 ? r->strides[ondim - 1] : 0;
    lpy_array_init(&vc.a, t, nl + 2, rs, rst, r->data, NULL);
    if (lpy_matmul(&va.a, &vb.a, &vc.a, &e)) lb_core_error(L, fn, &e);
  }
  if (out) {
    if (r != out && lpy_array_assign(out, r, &e)) lb_core_error(L, fn, &e);
    lua_pushvalue(L, 4);
    return 1;
  }
  if (ondim == 0) lb_push_elem(L, r->dtype, r->data);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"matmul", l_matmul},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"matmul", l_matmul},
  {NULL, NULL}
};

void lb_open_products(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
