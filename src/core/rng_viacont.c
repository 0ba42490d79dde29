/*
** rng_viacont.c - the discrete draws NumPy's Generator makes from its
** continuous ones: the geometric (a sequential search for p >= 1/3, else
** the inverse of an exponential) and the negative binomial (a Poisson of a
** gamma: lpy_rng_standard_gamma / _exponential live in rng_cont.c).
*/
#include <math.h>
#include <string.h>
#include "rng_dist.h"

static int64_t geometric_search(lpy_bitgen *bg, double p, double q) {
  double sum, prod, u;
  int64_t x = 1;
  sum = prod = p;
  u = lpy_rng_double(bg);
  while (u > sum) {
    prod *= q;
    sum += prod;
    x++;
  }
  return x;
}

/* l = log1p(-p) */
static int64_t geometric_inversion(lpy_bitgen *bg, double l) {
  double z = ceil(-lpy_rng_standard_exponential(bg) / l);
  /* beyond int64 (tiny p): the largest int64, as NumPy 2 does (NumPy 1.24
     casts out of range) */
  if (!(z < 9223372036854775808.0)) return INT64_MAX;
  return (int64_t)z;
}

#define GEOMETRIC_SEARCH(p) ((p) >= 0.333333333333333333333333)

int64_t lpy_rng_geometric(lpy_bitgen *bg, double p) {
  if (GEOMETRIC_SEARCH(p)) return geometric_search(bg, p, 1.0 - p);
  return geometric_inversion(bg, log1p(-p));
}

void lpy_rng_geometric_fill(lpy_bitgen *bg, double p, int64_t *out,
                            int64_t n) {
  int64_t i;
  if (GEOMETRIC_SEARCH(p)) {
    double q = 1.0 - p;
    for (i = 0; i < n; i++) out[i] = geometric_search(bg, p, q);
  } else {
    double l = log1p(-p);
    for (i = 0; i < n; i++) out[i] = geometric_inversion(bg, l);
  }
}

int64_t lpy_rng_negative_binomial(lpy_bitgen *bg, double n, double p) {
  double y = (1 - p) / p * lpy_rng_standard_gamma(bg, n);
  return lpy_rng_poisson(bg, y);
}

void lpy_rng_k_geometric(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,
                         char *out) {
  int64_t v = lpy_rng_geometric(bg, p[0].d);
  (void)ctx;
  memcpy(out, &v, sizeof v);
}

void lpy_rng_k_negative_binomial(lpy_bitgen *bg, const lpy_rng_arg *p,
                                 void *ctx, char *out) {
  int64_t v = lpy_rng_negative_binomial(bg, p[0].d, p[1].d);
  (void)ctx;
  memcpy(out, &v, sizeof v);
}
