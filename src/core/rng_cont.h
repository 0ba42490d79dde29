/*
** rng_cont.h - the Generator's continuous distributions as the binding
** sees them: for each, the spec that lpy_rng_check / lpy_rng_fill use and
** a fast fill for a contiguous output with scalar parameters (the same
** values in the same order as the spec's kernel, without a call through
** a pointer per element).
*/
#ifndef LPY_RNG_CONT_H
#define LPY_RNG_CONT_H

#include "rng_dist.h"

typedef void (*lpy_rng_fillfn)(lpy_bitgen *bg, const lpy_rng_arg *p,
                               int64_t n, char *out);

typedef struct lpy_rng_cont {
  lpy_rng_spec spec;
  lpy_rng_fillfn fill;
} lpy_rng_cont;

/* a kernel and a fast fill of double results from the scalar sampler
   expression EXPR (of bg and the parameters a, b, c) */
#define LPY_RNG_CONT_DEF(NAME, T, EXPR)                                     \
  static void NAME##_k(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,     \
                       char *out) {                                         \
    double a = p[0].d, b = p[1].d, c = p[2].d;                             \
    (void)ctx; (void)a; (void)b; (void)c;                                   \
    *(T *)out = (T)(EXPR);                                                  \
  }                                                                         \
  static void NAME##_f(lpy_bitgen *bg, const lpy_rng_arg *p, int64_t n,     \
                       char *out) {                                         \
    double a = p[0].d, b = p[1].d, c = p[2].d;                             \
    T *o = (T *)out;                                                        \
    int64_t i;                                                              \
    (void)a; (void)b; (void)c;                                              \
    for (i = 0; i < n; i++) o[i] = (T)(EXPR);                               \
  }

/* the distributions by method name (rng_cont.c, rng_contdist.c):
   "standard_normal", "standard_normal_f", "standard_exponential",
   "standard_exponential_f", "standard_exponential_inv",
   "standard_exponential_inv_f", "standard_gamma", "standard_gamma_f",
   "normal", "exponential", "gamma", "beta", "chisquare", ... ;
   NULL when unknown */
LPY_API const lpy_rng_cont *lpy_rng_cont_find(const char *name);
LPY_API const lpy_rng_cont *lpy_rng_cont_basic(const char *name);

/* dirichlet: fill out (n rows of k, C order) from alpha[0..k-1] (none
   negative); csum: workspace of k doubles */
LPY_API void lpy_rng_dirichlet(lpy_bitgen *bg, const double *alpha, int64_t k,
                               int64_t n, double *out, double *csum);

#endif
