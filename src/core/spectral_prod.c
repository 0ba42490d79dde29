/*
** spectral_prod.c - the BLAS products behind the Lua parts of the spectral
** functions: the sum of squares of np.linalg.norm's fast path (NumPy's
** sqrt(dot(x, x))) and the stacked matrix product of pinv. See spectral.h.
*/
#include <stdlib.h>
#include "blas.h"
#include "linalg.h"
#include "spectral.h"

/* ------------------------------------------------------ sum of squares */
typedef struct sumsq_ctx {
  int single;           /* float32 parts: sdot */
  int parts;            /* 1 real, 2 complex (real, imaginary parts) */
  double acc[2];
} sumsq_ctx;

/* dot(x, x) of n values of size isz at p with byte step st */
static double dot_self(const char *p, int64_t n, int64_t st, int single) {
  int64_t isz = single ? 4 : 8, inc;
  double r = 0;
  if (st < 0) { p += (n - 1) * st; st = -st; }
  if (st == 0 || st % isz) {                /* not a BLAS vector */
    int64_t i;
    if (single) {
      float f = 0;
      for (i = 0; i < n; i++) { float x = *(const float *)(p + i * st); f += x * x; }
      return f;
    }
    for (i = 0; i < n; i++) { double x = *(const double *)(p + i * st); r += x * x; }
    return r;
  }
  inc = st / isz;
  while (n > 0) {
    int64_t c = n, lim = LPY_BLASINT_MAX / (inc ? inc : 1);
    if (c > lim) c = lim;
    if (single)
      r += lpy_cblas_sdot((lpy_blasint)c, (const float *)p, (lpy_blasint)inc,
                          (const float *)p, (lpy_blasint)inc);
    else
      r += lpy_cblas_ddot((lpy_blasint)c, (const double *)p, (lpy_blasint)inc,
                          (const double *)p, (lpy_blasint)inc);
    p += c * st;
    n -= c;
  }
  return single ? (float)r : r;
}

static void sumsq_line(char **args, int64_t n, const int64_t *steps,
                       void *vctx) {
  sumsq_ctx *c = vctx;
  int k;
  for (k = 0; k < c->parts; k++) {
    double d = dot_self(args[0] + k * (c->single ? 4 : 8), n, steps[0],
                        c->single);
    c->acc[k] = c->single ? (float)((float)c->acc[k] + (float)d) : c->acc[k] + d;
  }
}

double lpy_spectral_sumsq(const lpy_array *x) {
  sumsq_ctx c = {0, 1, {0, 0}};
  lpy_iter it;
  lpy_err e;
  lpy_array *ops[1];
  c.single = x->dtype == LPY_FLOAT32 || x->dtype == LPY_COMPLEX64;
  c.parts = lpy_iscomplex(x->dtype) ? 2 : 1;
  if (x->size == 0) return 0;
  ops[0] = (lpy_array *)x;
  if (lpy_iter_setup(&it, 1, ops, x->ndim, x->shape, &e) != 0) return 0;
  lpy_iter_run(&it, sumsq_line, &c);
  if (c.single) return (float)((float)c.acc[0] + (float)c.acc[1]);
  return c.acc[0] + c.acc[1];
}

/* ------------------------------------------------------ matrix product */
int lpy_spectral_matmul(const lpy_array *a, const lpy_array *b, lpy_array *c,
                        lpy_err *e) {
  lpy_dtype t = c->dtype;
  int nd = c->ndim;
  int64_t m = c->shape[nd - 2], n = c->shape[nd - 1], k = a->shape[a->ndim - 1];
  int64_t count = lpy_stack_count(c, 2), it, isz = lpy_itemsize(t);
  int64_t lm = m ? m : 1, lk = k ? k : 1;
  char *mem;
  static const double one[2] = {1, 0}, zero[2] = {0, 0};
  static const float onef[2] = {1, 0}, zerof[2] = {0, 0};
  if (count == 0 || m == 0 || n == 0 || k == 0) return 0;
  if (m > LPY_BLASINT_MAX || n > LPY_BLASINT_MAX || k > LPY_BLASINT_MAX)
    return lpy_err_set(e, LPY_EVALUE, "matrix dimensions exceed BLAS's integer range");
  if ((uint64_t)(m * k + k * n + m * n) > ((uint64_t)1 << 46) / (uint64_t)isz)
    return lpy_err_set(e, LPY_EMEMORY, "matrices too large");
  mem = malloc((size_t)(m * k + k * n + m * n) * (size_t)isz);
  if (!mem) return lpy_err_set(e, LPY_EMEMORY, "cannot allocate workspace");
  for (it = 0; it < count; it++) {
    char *pa = mem, *pb = mem + m * k * isz, *pc = pb + k * n * isz;
    lpy_blasint bm = (lpy_blasint)m, bn = (lpy_blasint)n, bk = (lpy_blasint)k;
    lpy_stack_pack(a, it, pa, t, lm);
    lpy_stack_pack(b, it, pb, t, lk);
    switch (t) {
      case LPY_FLOAT32:
        lpy_cblas_sgemm(LPY_COLMAJOR, LPY_NOTRANS, LPY_NOTRANS, bm, bn, bk, 1.0f,
                        pa, bm, pb, bk, 0.0f, pc, bm);
        break;
      case LPY_FLOAT64:
        lpy_cblas_dgemm(LPY_COLMAJOR, LPY_NOTRANS, LPY_NOTRANS, bm, bn, bk, 1.0,
                        pa, bm, pb, bk, 0.0, pc, bm);
        break;
      case LPY_COMPLEX64:
        lpy_cblas_cgemm(LPY_COLMAJOR, LPY_NOTRANS, LPY_NOTRANS, bm, bn, bk, onef,
                        pa, bm, pb, bk, zerof, pc, bm);
        break;
      default:
        lpy_cblas_zgemm(LPY_COLMAJOR, LPY_NOTRANS, LPY_NOTRANS, bm, bn, bk, one,
                        pa, bm, pb, bk, zero, pc, bm);
        break;
    }
    lpy_stack_unpack(c, it, pc, t, lm);
  }
  free(mem);
  return 0;
}
