/*
** spectral_prod.c - the BLAS product behind np.linalg.norm's fast path:
** the sum of squares of NumPy's sqrt(dot(x, x)). See spectral.h.
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
