/*
** linalg.c - Lua binding of np.linalg's solvers and factorizations:
** solve, inv, det, slogdet, cholesky, qr, lstsq (tensorsolve and
** tensorinv are in lumpy/linalg.lua). Arguments are checked and results
** allocated here with NumPy's shapes and dtypes; the core
** (core/linalg_solve.h) computes into them.
*/
#include <string.h>
#include "lbind.h"
#include "../core/linalg_solve.h"

/* the array-like at idx as a stack of matrices (..., m, n), square when
   asked; pushes the array (np.linalg's functions share it) */
lpy_array *lb_check_matrices(lua_State *L, int idx, int square,
                             const char *fn) {
  lpy_array *a = lb_toarray(L, idx, -1, fn);
  if (a->ndim < 2)
    lb_error(L, fn, "%d-dimensional array given. Array must be at least "
             "two-dimensional", a->ndim);
  if (square && a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
    lb_error(L, fn, "last 2 dimensions of the array must be square");
  return a;
}

/* the result dtype of one input */
static lpy_dtype result1(const lpy_array *a) {
  lpy_dtype t = a->dtype;
  return lpy_linalg_result(1, &t);
}

/* a new array of the batch shape of a (its leading dims) followed by the
   given core dims */
static lpy_array *push_out(lua_State *L, lpy_dtype t, int nb,
                           const int64_t *batch, int ncore, int64_t c0,
                           int64_t c1, const char *fn) {
  int64_t shape[LPY_MAXDIMS];
  if (nb + ncore > LPY_MAXDIMS) lb_error(L, fn, "too many dimensions");
  if (nb > 0) memcpy(shape, batch, (size_t)nb * sizeof(int64_t));
  if (ncore > 0) shape[nb] = c0;
  if (ncore > 1) shape[nb + 1] = c1;
  return lb_push_new(L, t, nb + ncore, shape, 0, fn);
}

/* a vector stack v (..., n) seen as matrices (..., n, 1) */
static void as_column(const lpy_array *v, lpy_array_space *out) {
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  int nd = v->ndim;
  memcpy(shape, v->shape, (size_t)nd * sizeof(int64_t));
  memcpy(strides, v->strides, (size_t)nd * sizeof(int64_t));
  shape[nd] = 1;
  strides[nd] = 0;
  lpy_array_init(&out->a, v->dtype, nd + 1, shape, strides, v->data, NULL);
}

static void check(lua_State *L, int status, const lpy_err *e, const char *fn) {
  if (status != 0) lb_core_error(L, fn, e);
}

/* ------------------------------------------------------------ solve */
/* np.linalg.solve(a, b): b is a stack of vectors only when it is 1-D
   (NumPy 2), else (..., n, k); the leading dimensions broadcast */
static int l_solve(lua_State *L) {
  const char *fn = "linalg.solve";
  lpy_array *a, *b, *x;
  lpy_array_space av, bv, bc, xv;
  int64_t batch[LPY_MAXDIMS], n;
  const int64_t *shapes[2];
  int ndims[2], nb, vec;
  lpy_dtype ts[2];
  lpy_err e;
  lua_settop(L, 2);
  a = lb_check_matrices(L, 1, 1, fn);
  b = lb_toarray(L, 2, -1, fn);
  n = a->shape[a->ndim - 1];
  vec = b->ndim == 1;
  if (b->ndim < 1 || (!vec && b->ndim < 2))
    lb_error(L, fn, "input operand 1 does not have enough dimensions (has %d, "
             "gufunc core with signature (m,m),(m,n)->(m,n) requires 2)",
             b->ndim);
  if (b->shape[b->ndim - (vec ? 1 : 2)] != n)
    lb_error(L, fn, "input operand 1 has a mismatch in its core dimension 0, "
             "with gufunc signature %s (size %lld is different from %lld)",
             vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)",
             (long long)b->shape[b->ndim - (vec ? 1 : 2)], (long long)n);
  ndims[0] = a->ndim - 2; shapes[0] = a->shape;
  ndims[1] = vec ? 0 : b->ndim - 2; shapes[1] = b->shape;
  if (lpy_broadcast_shapes(2, ndims, shapes, &nb, batch, &e) != 0)
    lb_core_error(L, fn, &e);
  ts[0] = a->dtype; ts[1] = b->dtype;
  x = push_out(L, lpy_linalg_result(2, ts), nb, batch, vec ? 1 : 2, n,
               vec ? 0 : b->shape[b->ndim - 1], fn);
  lpy_linalg_bview(a, 2, nb, batch, &av);
  if (vec) {
    lpy_linalg_bview(b, 1, nb, batch, &bc);
    as_column(&bc.a, &bv);
    as_column(x, &xv);
  } else {
    lpy_linalg_bview(b, 2, nb, batch, &bv);
    lpy_array_init(&xv.a, x->dtype, x->ndim, x->shape, x->strides, x->data,
                   NULL);
  }
  check(L, lpy_linalg_solve(&av.a, &bv.a, &xv.a, &e), &e, fn);
  return 1;
}

/* ------------------------------------------------------------ inv */
static int l_inv(lua_State *L) {
  const char *fn = "linalg.inv";
  lpy_array *a, *x;
  lpy_err e;
  lua_settop(L, 1);
  a = lb_check_matrices(L, 1, 1, fn);
  x = lb_push_new(L, result1(a), a->ndim, a->shape, 0, fn);
  check(L, lpy_linalg_inv(a, x, &e), &e, fn);
  return 1;
}

/* ------------------------------------------------------------ det */
static int l_det(lua_State *L) {
  const char *fn = "linalg.det";
  lpy_array *a, *d;
  lpy_err e;
  lua_settop(L, 1);
  a = lb_check_matrices(L, 1, 1, fn);
  d = lb_push_new(L, result1(a), a->ndim - 2, a->shape, 0, fn);
  check(L, lpy_linalg_slogdet(a, NULL, NULL, d, &e), &e, fn);
  if (d->ndim == 0) lb_push_elem(L, d->dtype, d->data);
  return 1;
}

/* np.linalg.slogdet(a) -> sign, logabsdet */
static int l_slogdet(lua_State *L) {
  const char *fn = "linalg.slogdet";
  lpy_array *a, *s, *l;
  lpy_dtype t;
  lpy_err e;
  lua_settop(L, 1);
  a = lb_check_matrices(L, 1, 1, fn);
  t = result1(a);
  s = lb_push_new(L, t, a->ndim - 2, a->shape, 0, fn);
  l = lb_push_new(L, lpy_dtype_real(t), a->ndim - 2, a->shape, 0, fn);
  check(L, lpy_linalg_slogdet(a, s, l, NULL, &e), &e, fn);
  if (s->ndim == 0) {
    lb_push_elem(L, s->dtype, s->data);
    lb_push_elem(L, l->dtype, l->data);
  }
  return 2;
}

/* ------------------------------------------------------------ cholesky */
static int empty_table(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || lb_test(L, idx)) return 0;
  lua_pushnil(L);
  if (lua_next(L, idx) == 0) return 1;
  lua_pop(L, 2);
  return 0;
}

static int l_cholesky(lua_State *L) {
  static const char *const ok[] = {"upper", NULL};
  const char *fn = "linalg.cholesky";
  int opts = lb_opts(L, 2), upper = 0;
  lpy_array *a, *r;
  lpy_err e;
  lb_checkopts(L, opts, fn, ok);
  if (!opts && !lua_isnoneornil(L, 2) && !empty_table(L, 2))
    lb_error(L, fn, "upper is keyword-only: pass {upper = true}");
  if (opts) {
    lb_optfield(L, opts, "upper");
    upper = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  lua_settop(L, 1);
  a = lb_check_matrices(L, 1, 1, fn);
  r = lb_push_new(L, result1(a), a->ndim, a->shape, 0, fn);
  check(L, lpy_linalg_cholesky(a, upper, r, &e), &e, fn);
  return 1;
}

/* ------------------------------------------------------------ qr */
static int qr_mode(lua_State *L, const char *fn) {
  static const char *const names[] = {"reduced", "complete", "r", "raw"};
  const char *m;
  int i, opts = lb_opts(L, 2);
  if (opts) {
    static const char *const ok[] = {"mode", NULL};
    lb_checkopts(L, opts, fn, ok);
    lb_optfield(L, opts, "mode");
    lua_replace(L, 2);
  }
  if (lua_isnoneornil(L, 2)) return LPY_QR_REDUCED;
  if (lua_type(L, 2) != LUA_TSTRING)
    lb_error(L, fn, "mode must be a string, got %s", luaL_typename(L, 2));
  m = lua_tostring(L, 2);
  for (i = 0; i < 4; i++) if (strcmp(m, names[i]) == 0) return i;
  if (!strcmp(m, "f") || !strcmp(m, "full") || !strcmp(m, "e") ||
      !strcmp(m, "economic"))
    lb_error(L, fn, "The '%s' option was deprecated in NumPy 1.8 and has been "
             "removed. Use 'reduced' instead of 'full'/'f', and 'raw' instead "
             "of 'economic'/'e'.", m);
  return lb_error(L, fn, "Unrecognized mode '%s'", m);
}

/* np.linalg.qr(a [, mode]) -> q, r | r | h, tau */
static int l_qr(lua_State *L) {
  const char *fn = "linalg.qr";
  int mode, nb;
  lpy_array *a, *q = NULL, *r;
  int64_t m, n, k, mc;
  lpy_dtype t;
  lpy_err e;
  lua_settop(L, 2);
  mode = qr_mode(L, fn);
  a = lb_check_matrices(L, 1, 0, fn);
  nb = a->ndim - 2;
  m = a->shape[nb]; n = a->shape[nb + 1]; k = m < n ? m : n;
  mc = (mode == LPY_QR_COMPLETE && m > n) ? m : k;
  t = result1(a);
  if (mode == LPY_QR_RAW) {
    q = push_out(L, t, nb, a->shape, 2, n, m, fn);
    r = push_out(L, t, nb, a->shape, 1, k, 0, fn);
  } else if (mode == LPY_QR_R) {
    r = push_out(L, t, nb, a->shape, 2, k, n, fn);
  } else {
    q = push_out(L, t, nb, a->shape, 2, m, mc, fn);
    r = push_out(L, t, nb, a->shape, 2, mc, n, fn);
  }
  check(L, lpy_linalg_qr(a, mode, q, r, &e), &e, fn);
  return mode == LPY_QR_R ? 1 : 2;
}

/* ------------------------------------------------------------ lstsq */
/* np.linalg.lstsq(a, b [, rcond]) -> x, residuals, rank, s (a 2-D, b 1-D
   or 2-D; rcond defaults to eps * max(m, n), NumPy 2's default) */
static int l_lstsq(lua_State *L) {
  const char *fn = "linalg.lstsq";
  int opts = lb_opts(L, 3), vec, has;
  lpy_array *a, *b, *x, *res, *s;
  lpy_array_space bv, xv;
  int64_t m, n, nrhs, k, rank, zero = 0;
  double rcond;
  lpy_dtype ts[2], t;
  lpy_err e;
  if (opts) {
    static const char *const ok[] = {"rcond", NULL};
    lb_checkopts(L, opts, fn, ok);
    lb_optfield(L, opts, "rcond");
    lua_replace(L, 3);
  }
  lua_settop(L, 3);
  a = lb_toarray(L, 1, -1, fn);
  b = lb_toarray(L, 2, -1, fn);
  vec = b->ndim == 1;
  if (a->ndim != 2 || (!vec && b->ndim != 2))
    lb_error(L, fn, "%d-dimensional array given. Array must be "
             "two-dimensional", a->ndim != 2 ? a->ndim : b->ndim);
  m = a->shape[0]; n = a->shape[1]; k = m < n ? m : n;
  if (b->shape[0] != m) lb_error(L, fn, "Incompatible dimensions");
  nrhs = vec ? 1 : b->shape[1];
  if (lua_isnil(L, 3)) rcond = 2.220446049250313e-16 * (double)(m > n ? m : n);
  else rcond = lb_checknumber(L, 3, fn);
  ts[0] = a->dtype; ts[1] = b->dtype;
  t = lpy_linalg_result(2, ts);
  x = vec ? push_out(L, t, 0, NULL, 1, n, 0, fn)
          : push_out(L, t, 0, NULL, 2, n, nrhs, fn);
  res = push_out(L, lpy_dtype_real(t), 0, NULL, 1, nrhs, 0, fn);
  s = push_out(L, lpy_dtype_real(t), 0, NULL, 1, k, 0, fn);
  if (vec) { as_column(b, &bv); as_column(x, &xv); }
  else {
    lpy_array_init(&bv.a, b->dtype, 2, b->shape, b->strides, b->data, NULL);
    lpy_array_init(&xv.a, x->dtype, 2, x->shape, x->strides, x->data, NULL);
  }
  check(L, lpy_linalg_lstsq(a, &bv.a, rcond, &xv.a, res, &has, &rank, s, &e),
        &e, fn);
  {
    int xi = lua_absindex(L, -3), ri = xi + 1, si = xi + 2;
    lua_pushvalue(L, xi);
    if (has) lua_pushvalue(L, ri);
    else lb_push_new(L, lpy_dtype_real(t), 1, &zero, 0, fn);
    lua_pushinteger(L, (lua_Integer)rank);
    lua_pushvalue(L, si);
  }
  return 4;
}

static const luaL_Reg funcs[] = {
  {"solve", l_solve}, {"inv", l_inv}, {"det", l_det}, {"slogdet", l_slogdet},
  {"cholesky", l_cholesky}, {"qr", l_qr}, {"lstsq", l_lstsq},
  {NULL, NULL}
};

void lb_open_linalg(lua_State *L, int modidx, int mtidx) {
  (void)mtidx;
  lb_push_submodule(L, modidx, "linalg");
  luaL_setfuncs(L, funcs, 0);
  lua_pop(L, 1);
}
