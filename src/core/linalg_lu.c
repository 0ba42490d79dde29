/*
** linalg_lu.c - solve, inv, det and slogdet from LAPACK's LU
** factorization (gesv, getrf), one packed column-major matrix of the
** stack at a time, as NumPy's umath_linalg does: det is sign * exp(sum of
** log|u_ii|), not the product of the diagonal.
*/
#include <math.h>
#include <string.h>
#include "linalg_lp.h"

static int singular(lpy_err *e) {
  return lpy_err_set(e, LPY_EVALUE, "singular matrix");
}

/* scratch for one call: matrix a (n x n), right-hand sides b (n x k) and
   the pivots, in one block */
typedef struct lu_ws {
  char *mem;
  size_t nbytes;
  void *a, *b;
  li *ipiv;
} lu_ws;

static int ws_open(lu_ws *w, const lpy_lp *lp, int64_t n, int64_t k,
                   lpy_err *e) {
  int64_t na = (n > 1 ? n : 1) * (n > 1 ? n : 1), nb = (n > 1 ? n : 1) * (k > 1 ? k : 1);
  int64_t dims[2];
  dims[0] = n; dims[1] = k;
  if (lpy_lp_fits(e, 2, dims)) return -1;
  w->mem = lpy_lp_alloc(e, &w->nbytes, na + nb + n + 1, lp->isz, 1);
  if (!w->mem) return -1;
  w->a = w->mem;
  w->b = w->mem + na * lp->isz;
  w->ipiv = (li *)(w->mem + (na + nb) * lp->isz);
  return 0;
}

static void ws_close(lu_ws *w) { lpy_free(w->mem, w->nbytes); }

/* Matrices larger than LPY_LP_SMALL whose rows are contiguous (C order)
   are factorized transposed: packing a^T is a plain copy of the rows, where
   packing a itself is a transposing copy. getrs then solves with 'T'. */
static int transposed(const lpy_array *a, const lpy_lp *lp, int64_t n) {
  return n > LPY_LP_SMALL && a->dtype == lp->t &&
         a->strides[a->ndim - 1] == lp->isz;
}

/* gesv for trans 0 (in C for tiny matrices); else getrf of w->a and getrs
   with that trans ('T': w->a holds the transposed matrix) */
static li gesv(const lpy_lp *lp, int64_t n, int64_t k, lu_ws *w, li ld,
               char trans) {
  li info;
  if (trans) {
    info = lp->getrf((li)n, w->a, ld, w->ipiv);
    if (info == 0)
      info = lp->getrs(trans, (li)n, (li)k, w->a, ld, w->ipiv, w->b, ld);
    return info;
  }
  if (n > LPY_LP_SMALL)
    return lp->gesv((li)n, (li)k, w->a, ld, w->ipiv, w->b, ld);
  info = lpy_lp_small_getrf(lp->t, (li)n, w->a, ld, w->ipiv);
  if (info == 0)
    lpy_lp_small_getrs(lp->t, (li)n, (li)k, w->a, ld, w->ipiv, w->b, ld);
  return info;
}

/* the n x n identity, column-major with leading dimension ld */
static void identity(void *p, const lpy_lp *lp, int64_t n, li ld) {
  int64_t j;
  memset(p, 0, (size_t)(ld * n * lp->isz));
  for (j = 0; j < n; j++)
    *(double *)((char *)p + (j * ld + j) * lp->isz) = 1.0;
}

/* x = a \ b over the stack (b NULL: the identity, for inv), n x n a and
   n x k right-hand sides, with gesv's trans */
static int solve_stack(const lpy_lp *lp, const lpy_array *a,
                       const lpy_array *b, lpy_array *x, int64_t n,
                       int64_t k, char trans, lpy_err *e) {
  int64_t cnt = lpy_stack_count(x, 2), i;
  li ld = LPY_LD(n);
  lu_ws w;
  if (ws_open(&w, lp, n, k, e)) return -1;
  for (i = 0; i < cnt; i++) {
    lpy_stack_pack(a, i, w.a, lp->t, ld);
    if (b) lpy_stack_pack(b, i, w.b, lp->t, ld);
    else identity(w.b, lp, n, ld);
    if (gesv(lp, n, k, &w, ld, trans) != 0) {
      ws_close(&w);        /* NumPy: any failure reads "singular matrix" */
      return singular(e);
    }
    lpy_stack_unpack(x, i, w.b, lp->t, ld);
  }
  ws_close(&w);
  return 0;
}

int lpy_linalg_solve(const lpy_array *a, const lpy_array *b, lpy_array *x,
                     lpy_err *e) {
  const lpy_lp *lp = lpy_lp_get(lpy_linalg_compute(x->dtype));
  int64_t n = a->shape[a->ndim - 1], k = b->shape[b->ndim - 1];
  int tr = transposed(a, lp, n);
  lpy_array_space at;
  if (x->size == 0) return 0;     /* NumPy runs no loop for an empty result */
  if (tr) { lpy_lp_swap_last(a, &at); a = &at.a; }
  return solve_stack(lp, a, b, x, n, k, tr ? 'T' : 0, e);
}

int lpy_linalg_inv(const lpy_array *a, lpy_array *x, lpy_err *e) {
  const lpy_lp *lp = lpy_lp_get(lpy_linalg_compute(x->dtype));
  int64_t n = a->shape[a->ndim - 1];
  int tr = transposed(a, lp, n) && x->strides[x->ndim - 1] == lp->isz;
  lpy_array_space at, xt;
  if (lpy_stack_count(x, 2) == 0) return 0;
  /* transposed: solving a^T y = I gives y = inv(a)^T, whose column-major
     buffer holds the rows of inv(a) */
  if (tr) { lpy_lp_swap_last(a, &at); a = &at.a; lpy_lp_swap_last(x, &xt); x = &xt.a; }
  return solve_stack(lp, a, NULL, x, n, n, tr ? 'N' : 0, e);
}

/* sign (real: s[0]; complex: s[0] + i s[1]) and log|det| of the LU
   factors in w.a; the operations and their order are NumPy's */
static void lu_slogdet(const lpy_lp *lp, const lu_ws *w, int64_t n, li ld,
                       li info, double *s, double *logdet) {
  int64_t i;
  int swaps = 0;
  double acc = 0.0;
  s[1] = 0.0;
  if (info != 0) {         /* an exact zero pivot (NumPy: any failure) */
    s[0] = 0.0;
    *logdet = -HUGE_VAL;
    return;
  }
  for (i = 0; i < n; i++) swaps += w->ipiv[i] != (li)(i + 1);
  s[0] = (swaps % 2) ? -1.0 : 1.0;
  if (lp->t == LPY_FLOAT64) {
    const double *d = w->a;
    for (i = 0; i < n; i++) {
      double v = d[i * (ld + 1)];
      if (v < 0.0) { s[0] = -s[0]; v = -v; }
      acc += log(v);
    }
  } else {
    const double *d = w->a;
    for (i = 0; i < n; i++) {
      const double *z = d + 2 * i * (ld + 1);
      double ab = hypot(z[0], z[1]), er = z[0] / ab, ei = z[1] / ab;
      double sr = s[0] * er - s[1] * ei, si = s[0] * ei + s[1] * er;
      s[0] = sr; s[1] = si;
      acc += log(ab);
    }
  }
  *logdet = acc;
}

int lpy_linalg_slogdet(const lpy_array *a, lpy_array *sign,
                       lpy_array *logdet, lpy_array *det, lpy_err *e) {
  lpy_array *any = det ? det : sign;
  const lpy_lp *lp = lpy_lp_get(lpy_linalg_compute(any->dtype));
  int64_t n = a->shape[a->ndim - 1], cnt = lpy_stack_count(a, 2), i;
  li ld = LPY_LD(n), info;
  lu_ws w;
  lpy_array_space at;
  if (cnt == 0) return 0;
  if (transposed(a, lp, n)) {      /* det(a^T) = det(a) */
    lpy_lp_swap_last(a, &at);
    a = &at.a;
  }
  if (ws_open(&w, lp, n, 0, e)) return -1;
  for (i = 0; i < cnt; i++) {
    double s[2], ld_;
    lpy_stack_pack(a, i, w.a, lp->t, ld);
    info = n > LPY_LP_SMALL ? lp->getrf((li)n, w.a, ld, w.ipiv)
                            : lpy_lp_small_getrf(lp->t, (li)n, w.a, ld, w.ipiv);
    lu_slogdet(lp, &w, n, ld, info, s, &ld_);
    if (det) {
      double x = exp(ld_), v[2];
      v[0] = s[0] * x - s[1] * 0.0;    /* NumPy's complex product */
      v[1] = s[0] * 0.0 + s[1] * x;
      if (lp->t == LPY_FLOAT64) v[0] = s[0] * x;
      lpy_lp_put(det, i, lp->t, v);
    } else {
      lpy_lp_put(sign, i, lp->t, s);
      lpy_lp_put(logdet, i, LPY_FLOAT64, &ld_);
    }
  }
  ws_close(&w);
  return 0;
}
