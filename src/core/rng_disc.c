/*
** rng_disc.c - the logarithmic series and Zipf draws, as NumPy's Generator
** makes them: Kemp's second accelerated generator (LK) for the series,
** Devroye's rejection from a Pareto for Zipf's law.
*/
#include <math.h>
#include <string.h>
#include "rng_dist.h"

/* r = log1p(-p) */
static int64_t logseries(lpy_bitgen *bg, double p, double r) {
  for (;;) {
    double q, u, v = lpy_rng_double(bg);
    int64_t x;
    if (v >= p) return 1;
    u = lpy_rng_double(bg);
    q = -expm1(r * u);
    if (v <= q * q) {
      x = lpy_rng_to_i64(floor(1 + log(v) / log(q)));
      if (x < 1 || v == 0.0) continue;
      return x;
    }
    return v >= q ? 1 : 2;
  }
}

int64_t lpy_rng_logseries(lpy_bitgen *bg, double p) {
  return logseries(bg, p, log1p(-p));
}

/* am1 = a - 1, b = 2^am1 */
static int64_t zipf(lpy_bitgen *bg, double am1, double b) {
  for (;;) {
    double t, u, v, x;
    u = 1.0 - lpy_rng_double(bg);
    v = lpy_rng_double(bg);
    x = floor(pow(u, -1.0 / am1));
    /* the law truncated to int64's range: reject what is beyond it */
    if (x > 9223372036854775807.0 || x < 1.0) continue;
    t = pow(1.0 + 1.0 / x, am1);
    if (v * x * (t - 1.0) / (b - 1.0) <= t / b) return (int64_t)x;
  }
}

/* 2^(a-1) overflows from a = 1025 on, where NumPy 1.24 never returns; any
   value above 1 has a probability below 3e-309 there, so 1 it is (NumPy 2
   does the same) */
#define ZIPF_ONE(a) ((a) >= 1025)

int64_t lpy_rng_zipf(lpy_bitgen *bg, double a) {
  if (ZIPF_ONE(a)) return 1;
  return zipf(bg, a - 1.0, pow(2.0, a - 1.0));
}

void lpy_rng_logseries_fill(lpy_bitgen *bg, double p, int64_t *out,
                            int64_t n) {
  double r = log1p(-p);
  int64_t i;
  for (i = 0; i < n; i++) out[i] = logseries(bg, p, r);
}

void lpy_rng_zipf_fill(lpy_bitgen *bg, double a, int64_t *out, int64_t n) {
  int64_t i;
  if (ZIPF_ONE(a)) {
    for (i = 0; i < n; i++) out[i] = 1;
  } else {
    double am1 = a - 1.0, b = pow(2.0, am1);
    for (i = 0; i < n; i++) out[i] = zipf(bg, am1, b);
  }
}

void lpy_rng_k_logseries(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,
                         char *out) {
  int64_t v = lpy_rng_logseries(bg, p[0].d);
  (void)ctx;
  memcpy(out, &v, sizeof v);
}

void lpy_rng_k_zipf(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,
                    char *out) {
  int64_t v = lpy_rng_zipf(bg, p[0].d);
  (void)ctx;
  memcpy(out, &v, sizeof v);
}
