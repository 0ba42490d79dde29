/*
** rng_poisson.c - Poisson draws as NumPy's Generator makes them: by
** multiplying uniforms while lam < 10, else Hoermann's transformed
** rejection with squeeze (PTRS, 1993), whose exact test needs log(k!)
** from the Stirling series of log-gamma (Zhang and Jin's SPECFUN form).
*/
#include <math.h>
#include <string.h>
#include "rng_dist.h"

/* log(Gamma(x)) for x >= 1, NumPy's random_loggam: the series at x0 >= 7,
   then the recurrence down to x */
static double loggam(double x) {
  /* the Stirling series' coefficients B(2k) / (2k (2k-1)), as NumPy rounds
     them */
  static const double a[10] = {
    8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
    -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
    6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
    -1.39243221690590e+00};
  double x0, x2, gl, gl0;
  int64_t k, n = 0;
  if (x == 1.0 || x == 2.0) return 0.0;
  if (x < 7.0) n = (int64_t)(7 - x);
  x0 = x + n;
  x2 = (1.0 / x0) * (1.0 / x0);
  gl0 = a[9];
  for (k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += a[k];
  }
  /* 0.5 * log(2 pi) */
  gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) {
    for (k = 1; k <= n; k++) {
      gl -= log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

/* PTRS's constants for one lam */
typedef struct {
  double lam, loglam, a, b, invalpha, vr;
} ptrs;

static void ptrs_setup(ptrs *c, double lam) {
  double slam = sqrt(lam);
  c->lam = lam;
  c->loglam = log(lam);
  c->b = 0.931 + 2.53 * slam;
  c->a = -0.059 + 0.02483 * c->b;
  c->invalpha = 1.1239 + 1.1328 / (c->b - 3.4);
  c->vr = 0.9277 - 3.6224 / (c->b - 2);
}

static int64_t ptrs_draw(lpy_bitgen *bg, const ptrs *c) {
  double lam = c->lam, a = c->a, b = c->b;
  for (;;) {
    double u = lpy_rng_double(bg) - 0.5;
    double v = lpy_rng_double(bg);
    double us = 0.5 - fabs(u);
    int64_t k = lpy_rng_to_i64(floor((2 * a / us + b) * u + lam + 0.43));
    if (us >= 0.07 && v <= c->vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    /* log(0) is -inf and accepts, as in NumPy */
    if (log(v) + log(c->invalpha) - log(a / (us * us) + b) <=
        -lam + k * c->loglam - loggam(k + 1))
      return k;
  }
}

static int64_t mult_draw(lpy_bitgen *bg, double enlam) {
  double prod = 1.0;
  int64_t x = 0;
  for (;;) {
    prod *= lpy_rng_double(bg);
    if (!(prod > enlam)) return x;
    x++;
  }
}

int64_t lpy_rng_poisson(lpy_bitgen *bg, double lam) {
  if (lam >= 10) {
    ptrs c;
    ptrs_setup(&c, lam);
    return ptrs_draw(bg, &c);
  }
  if (lam == 0) return 0;
  return mult_draw(bg, exp(-lam));
}

void lpy_rng_poisson_fill(lpy_bitgen *bg, double lam, int64_t *out,
                          int64_t n) {
  int64_t i;
  if (lam >= 10) {
    ptrs c;
    ptrs_setup(&c, lam);
    for (i = 0; i < n; i++) out[i] = ptrs_draw(bg, &c);
  } else if (lam == 0) {
    for (i = 0; i < n; i++) out[i] = 0;
  } else {
    double enlam = exp(-lam);
    for (i = 0; i < n; i++) out[i] = mult_draw(bg, enlam);
  }
}

void lpy_rng_k_poisson(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,
                       char *out) {
  int64_t v = lpy_rng_poisson(bg, p[0].d);
  (void)ctx;
  memcpy(out, &v, sizeof v);
}
