/*
** rng_viacont.c - the discrete draws NumPy's Generator makes from its
** continuous ones: the geometric (a sequential search for p >= 1/3, else
** the inverse of an exponential) and the negative binomial (a Poisson of a
** gamma: lpy_rng_standard_gamma / _exponential live in rng_cont.c).
*/
#include <math.h>
#include <string.h>
#include "rng_dist.h"

static int64_t geometric_search(lpy_bitgen *bg, double p) {
  double sum, prod, q = 1.0 - p, u;
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

int64_t lpy_rng_geometric(lpy_bitgen *bg, double p) {
  double z;
  if (p >= 0.333333333333333333333333) return geometric_search(bg, p);
  z = ceil(-lpy_rng_standard_exponential(bg) / log1p(-p));
  /* beyond int64 (tiny p): the largest int64, as NumPy 2 does (NumPy 1.24
     casts out of range) */
  if (!(z < 9223372036854775808.0)) return INT64_MAX;
  return (int64_t)z;
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
