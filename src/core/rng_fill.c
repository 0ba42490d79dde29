/*
** rng_fill.c - the distributions' driver: the parameter checks with
** NumPy's messages, and the fill of an output array in NumPy's draw order.
*/
#include <math.h>
#include <string.h>
#include "rng.h"

/* NumPy's POISSON_LAM_MAX: int64 max - sqrt(int64 max) * 10, in doubles */
#define POISSON_LAM_MAX (9223372036854775807.0 - 3037000499.97605 * 10)

/* a C-order walk over the elements of a (any strides) */
typedef struct walk {
  int ndim;
  int64_t idx[LPY_MAXDIMS];
  const int64_t *shape, *strides;
  char *p;
} walk;

static void walk_init(walk *w, const lpy_array *a) {
  w->ndim = a->ndim;
  w->shape = a->shape;
  w->strides = a->strides;
  w->p = a->data;
  memset(w->idx, 0, sizeof w->idx);
}

static void walk_next(walk *w) {
  int j;
  for (j = w->ndim - 1; j >= 0; j--) {
    w->p += w->strides[j];
    if (++w->idx[j] < w->shape[j]) return;
    w->p -= w->strides[j] * w->shape[j];
    w->idx[j] = 0;
  }
}

static double value(const char *p, int isint) {
  return isint ? (double)*(const int64_t *)p : *(const double *)p;
}

/* is v outside constraint c (pass 0; pass 1: the second test of the
   constraints that make two) */
static int bad(int c, int pass, double v) {
  switch (c) {
    case LPY_RNG_NON_NEGATIVE: return !isnan(v) && signbit(v);
    case LPY_RNG_POSITIVE: return v <= 0;
    case LPY_RNG_POSITIVE_NOT_NAN: return pass == 0 ? isnan(v) : v <= 0;
    case LPY_RNG_BOUNDED_0_1: return !(v >= 0) || !(v <= 1);
    case LPY_RNG_BOUNDED_GT_0_1: return !(v > 0) || !(v <= 1);
    case LPY_RNG_BOUNDED_LT_0_1: return !(v >= 0) || !(v < 1);
    case LPY_RNG_GT_1: return !(v > 1);
    case LPY_RNG_GTE_1: return !(v >= 1);
    case LPY_RNG_POISSON: return pass == 0 ? !(v <= POISSON_LAM_MAX) : !(v >= 0);
    default: return 0;
  }
}

/* NumPy's message for constraint c failing test 'pass' (nan: "is NaN" for
   scalars, "contains NaNs" for arrays) */
static int fail(lpy_err *e, int c, int pass, const char *n, int scalar) {
  const char *nan = scalar ? "is NaN" : "contains NaNs";
  switch (c) {
    case LPY_RNG_NON_NEGATIVE: return lpy_err_set(e, LPY_EVALUE, "%s < 0", n);
    case LPY_RNG_POSITIVE: return lpy_err_set(e, LPY_EVALUE, "%s <= 0", n);
    case LPY_RNG_POSITIVE_NOT_NAN:
      return pass == 0 ? lpy_err_set(e, LPY_EVALUE, "%s must not be NaN", n)
                       : lpy_err_set(e, LPY_EVALUE, "%s <= 0", n);
    case LPY_RNG_BOUNDED_0_1:
      return lpy_err_set(e, LPY_EVALUE, "%s < 0, %s > 1 or %s %s", n, n, n, nan);
    case LPY_RNG_BOUNDED_GT_0_1:
      return lpy_err_set(e, LPY_EVALUE, "%s <= 0, %s > 1 or %s contains NaNs", n, n, n);
    case LPY_RNG_BOUNDED_LT_0_1:
      return lpy_err_set(e, LPY_EVALUE, "%s < 0, %s >= 1 or %s %s", n, n, n, nan);
    case LPY_RNG_GT_1: return lpy_err_set(e, LPY_EVALUE, "%s <= 1 or %s %s", n, n, nan);
    case LPY_RNG_GTE_1: return lpy_err_set(e, LPY_EVALUE, "%s < 1 or %s %s", n, n, nan);
    default:
      return pass == 0 ? lpy_err_set(e, LPY_EVALUE, "%s value too large", n)
                       : lpy_err_set(e, LPY_EVALUE, "%s < 0 or %s %s", n, n, nan);
  }
}

int lpy_rng_check(const lpy_rng_spec *sp, lpy_array *const *params,
                  lpy_err *e) {
  int k, pass, scalar = 1;
  for (k = 0; k < sp->nparams; k++) scalar &= params[k]->ndim == 0;
  for (k = 0; k < sp->nparams; k++) {
    int c = sp->cons[k], isint = (sp->intparams >> k) & 1;
    int npass = c == LPY_RNG_POSITIVE_NOT_NAN || c == LPY_RNG_POISSON ? 2 : 1;
    const lpy_array *a = params[k];
    if (c == LPY_RNG_ANY) continue;
    /* a scalar POISSON parameter is tested for "< 0" first */
    for (pass = 0; pass < npass; pass++) {
      int ps = scalar && c == LPY_RNG_POISSON ? 1 - pass : pass;
      walk w;
      int64_t i;
      walk_init(&w, a);
      for (i = 0; i < a->size; i++, walk_next(&w))
        if (bad(c, ps, value(w.p, isint)))
          return fail(e, c, ps, sp->pname[k], scalar);
    }
  }
  return 0;
}

/* the strides of parameter a broadcast against shape (ndim) */
static int bstrides(const lpy_array *a, int ndim, const int64_t *shape,
                    int64_t *st, lpy_err *e) {
  int j, off = ndim - a->ndim;
  for (j = 0; j < ndim; j++) st[j] = 0;
  for (j = 0; j < a->ndim; j++) {
    int d = j + off;
    if (d < 0) {
      if (a->shape[j] != 1) goto mismatch;
      continue;
    }
    if (a->shape[j] == shape[d]) st[d] = a->strides[j];
    else if (a->shape[j] != 1) goto mismatch;
  }
  return 0;
mismatch:
  return lpy_err_set(e, LPY_EVALUE,
                     "internal: a parameter does not broadcast to the output");
}

int lpy_rng_fill(lpy_bitgen *bg, const lpy_rng_spec *sp, lpy_array *out,
                 lpy_array *const *params, void *ctx, lpy_err *e) {
  int np = sp->nparams, nd = out->ndim, k, j;
  int64_t st[LPY_RNG_MAXPARAMS][LPY_MAXDIMS], idx[LPY_MAXDIMS];
  char *pp[LPY_RNG_MAXPARAMS];
  lpy_rng_arg arg[LPY_RNG_MAXPARAMS];
  int64_t isz = lpy_itemsize(out->dtype), i;
  int linear = (out->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS)) != 0;
  walk ow;
  if (out->dtype != sp->out)
    return lpy_err_set(e, LPY_ETYPE, "internal: wrong output dtype");
  for (k = 0; k < np; k++) {
    if (bstrides(params[k], nd, out->shape, st[k], e)) return -1;
    pp[k] = params[k]->data;
  }
  memset(idx, 0, sizeof idx);
  walk_init(&ow, out);
  for (i = 0; i < out->size; i++) {
    /* NumPy: a contiguous output is filled in memory order, the
       parameters advancing in C order */
    char *dst = linear ? out->data + i * isz : ow.p;
    for (k = 0; k < np; k++) {
      if ((sp->intparams >> k) & 1) arg[k].i = *(const int64_t *)pp[k];
      else arg[k].d = *(const double *)pp[k];
    }
    sp->kernel(bg, arg, ctx, dst);
    if (!linear) walk_next(&ow);
    for (j = nd - 1; j >= 0; j--) {
      for (k = 0; k < np; k++) pp[k] += st[k][j];
      if (++idx[j] < out->shape[j]) break;
      for (k = 0; k < np; k++) pp[k] -= st[k][j] * out->shape[j];
      idx[j] = 0;
    }
  }
  return 0;
}
