/*
** rng_dist.h - the scalar samplers that np.random's distributions share
** across files (each draws one value from bg, in NumPy's word order).
*/
#ifndef LPY_RNG_DIST_H
#define LPY_RNG_DIST_H

#include "rng.h"

/* ---- continuous (rng_cont.c) */
LPY_API double lpy_rng_standard_normal(lpy_bitgen *bg);
LPY_API float lpy_rng_standard_normal_f(lpy_bitgen *bg);
LPY_API double lpy_rng_standard_exponential(lpy_bitgen *bg);
LPY_API float lpy_rng_standard_exponential_f(lpy_bitgen *bg);
LPY_API double lpy_rng_standard_gamma(lpy_bitgen *bg, double shape);
LPY_API float lpy_rng_standard_gamma_f(lpy_bitgen *bg, float shape);
LPY_API double lpy_rng_beta(lpy_bitgen *bg, double a, double b);
LPY_API double lpy_rng_chisquare(lpy_bitgen *bg, double df);

/* ---- discrete and multivariate-discrete distributions -------------------
   rng_binom.c, rng_poisson.c, rng_disc.c, rng_hyper.c, rng_mvhg.c.
   Parameters are assumed valid (the binding checks them as NumPy does);
   out-of-range values never crash or loop forever, and give what NumPy's
   code gives on x86-64 where that is defined. Nothing here allocates
   memory the caller must free. */

/* binomial's set-up, cached between draws of one call (NumPy's binomial_t):
   zero it before the first draw */
#define LPY_RNG_BTPE_NEAR 32
typedef struct lpy_rng_binom {
  int ready;
  int64_t nsave, m;
  double psave, r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
  /* BTPE, when full is set (by lpy_rng_binomial_fill): the ratio f(y)
     its recurrence computes, for y = m - NEAR .. m + NEAR */
  int full;
  double near[2 * LPY_RNG_BTPE_NEAR + 1];
} lpy_rng_binom;

LPY_API int64_t lpy_rng_binomial(lpy_bitgen *bg, double p, int64_t n,
                                 lpy_rng_binom *cache);
LPY_API int64_t lpy_rng_poisson(lpy_bitgen *bg, double lam);
LPY_API int64_t lpy_rng_negative_binomial(lpy_bitgen *bg, double n, double p);
LPY_API int64_t lpy_rng_geometric(lpy_bitgen *bg, double p);
LPY_API int64_t lpy_rng_logseries(lpy_bitgen *bg, double p);
LPY_API int64_t lpy_rng_zipf(lpy_bitgen *bg, double a);
LPY_API int64_t lpy_rng_hypergeometric(lpy_bitgen *bg, int64_t good,
                                       int64_t bad, int64_t sample);
/* log(k!) for k >= 0 (NumPy's logfactorial) */
LPY_API double lpy_rng_logfactorial(int64_t k);

/* one multinomial draw of n over the d probabilities p into out[0..d-1]
   (out must be zeroed) */
LPY_API void lpy_rng_multinomial(lpy_bitgen *bg, int64_t n, int64_t *out,
                                 const double *p, int64_t d,
                                 lpy_rng_binom *cache);
/* nvar draws of the multivariate hypergeometric distribution: colors[0..
   ncolors-1] >= 0 summing to total, 0 <= nsample <= total; out (zeroed)
   holds nvar rows of ncolors. count: NumPy's method "count", needs total
   words of scratch; returns LPY_EMEMORY when it cannot have them, else 0.
   marginals: NumPy's method "marginals" (total < 1e9). */
LPY_API int lpy_rng_mvhg_count(lpy_bitgen *bg, int64_t total,
                               int64_t ncolors, const int64_t *colors,
                               int64_t nsample, int64_t nvar, int64_t *out);
LPY_API void lpy_rng_mvhg_marginals(lpy_bitgen *bg, int64_t total,
                                    int64_t ncolors, const int64_t *colors,
                                    int64_t nsample, int64_t nvar,
                                    int64_t *out);

/* n draws for one set of parameters into out[0..n-1], their set-up made
   once (the same values as n single draws) */
LPY_API void lpy_rng_binomial_fill(lpy_bitgen *bg, int64_t n, double p,
                                   int64_t *out, int64_t count);
LPY_API void lpy_rng_poisson_fill(lpy_bitgen *bg, double lam, int64_t *out,
                                  int64_t n);
LPY_API void lpy_rng_geometric_fill(lpy_bitgen *bg, double p, int64_t *out,
                                    int64_t n);
LPY_API void lpy_rng_logseries_fill(lpy_bitgen *bg, double p, int64_t *out,
                                    int64_t n);
LPY_API void lpy_rng_zipf_fill(lpy_bitgen *bg, double a, int64_t *out,
                               int64_t n);
LPY_API void lpy_rng_hypergeometric_fill(lpy_bitgen *bg, int64_t good,
                                         int64_t bad, int64_t sample,
                                         int64_t *out, int64_t n);

/* the per-element kernels of the fill driver (rng.h); the binomial's ctx is
   an lpy_rng_binom, the others take none */
LPY_API void lpy_rng_k_binomial(lpy_bitgen *bg, const lpy_rng_arg *p,
                                void *ctx, char *out);
LPY_API void lpy_rng_k_poisson(lpy_bitgen *bg, const lpy_rng_arg *p,
                               void *ctx, char *out);
LPY_API void lpy_rng_k_negative_binomial(lpy_bitgen *bg, const lpy_rng_arg *p,
                                         void *ctx, char *out);
LPY_API void lpy_rng_k_geometric(lpy_bitgen *bg, const lpy_rng_arg *p,
                                 void *ctx, char *out);
LPY_API void lpy_rng_k_logseries(lpy_bitgen *bg, const lpy_rng_arg *p,
                                 void *ctx, char *out);
LPY_API void lpy_rng_k_zipf(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,
                            char *out);
LPY_API void lpy_rng_k_hypergeometric(lpy_bitgen *bg, const lpy_rng_arg *p,
                                      void *ctx, char *out);

/* double -> int64 as x86-64's truncating conversion does: NaN and values
   out of range give INT64_MIN (NumPy's casts of such values) */
static inline int64_t lpy_rng_to_i64(double x) {
  if (x >= -9223372036854775808.0 && x < 9223372036854775808.0)
    return (int64_t)x;
  return INT64_MIN;
}

#endif
