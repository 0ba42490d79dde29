/*
** rng_hyper.c - hypergeometric draws as NumPy's Generator makes them: for
** small samples (fewer than 10, or within 10 of the population) a draw of
** one item at a time; else Stadlober's ratio of uniforms (HRUA), whose
** tests need log(k!) (a table to 125, Stirling's series beyond). The item
** by item draw takes its words through lpy_rng_interval (rng_shuffle.c).
*/
#include <math.h>
#include <string.h>
#include "rng_bg.h"
#include "rng_dist.h"
#include "rng_logfact.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

double lpy_rng_logfactorial(int64_t k) {
  const double halfln2pi = 0.9189385332046728;
  if (k < LPY_RNG_NLOGFACT) return lpy_rng_logfact[k];
  /* Stirling's series to the 1/k^3 term */
  return (k + 0.5) * log(k) - k +
         (halfln2pi + (1.0 / k) * (1 / 12.0 - 1 / (360.0 * k * k)));
}

/* draw the sample (or its complement, when that is smaller) one item at a
   time */
static int64_t hyper_sample(lpy_bitgen *bg, int64_t good, int64_t bad,
                            int64_t sample) {
  int64_t total = good + bad, left, leftgood, todo;
  int flip = sample > total / 2;
  todo = flip ? total - sample : sample;
  left = total;
  leftgood = good;
  while (todo > 0 && leftgood > 0 && left > leftgood) {
    --left;   /* lpy_rng_interval's bound is inclusive */
    if ((int64_t)lpy_rng_interval(bg, (uint64_t)left) < leftgood) --leftgood;
    --todo;
  }
  if (left == leftgood) leftgood -= todo;   /* only good ones are left */
  return flip ? leftgood : good - leftgood;
}

/* 2 sqrt(2/e) and 3 - 2 sqrt(3/e): the table mountain's constants */
#define D1 1.7155277699214135
#define D2 0.8989161620588988

static double lf4(int64_t k, int64_t mgb, int64_t n, int64_t xgb) {
  return lpy_rng_logfactorial(k) + lpy_rng_logfactorial(mgb - k) +
         lpy_rng_logfactorial(n - k) + lpy_rng_logfactorial(xgb - n + k);
}

/* HRUA's set-up for one (good, bad, sample) */
typedef struct {
  int64_t good, bad, sample, n, mgb, xgb;
  double a, h, g, b;
} hrua;

static void hrua_setup(hrua *c, int64_t good, int64_t bad, int64_t sample) {
  int64_t pop = good + bad, m;
  double p, q, mu, var, sd;
  c->good = good;
  c->bad = bad;
  c->sample = sample;
  c->n = MIN(sample, pop - sample);
  c->mgb = MIN(good, bad);
  c->xgb = MAX(good, bad);
  p = (double)c->mgb / pop;
  q = (double)c->xgb / pop;
  mu = c->n * p;
  c->a = mu + 0.5;
  var = (double)(pop - c->n) * c->n * p * q / (pop - 1);
  sd = sqrt(var + 0.5);
  c->h = D1 * sd + D2;
  m = (int64_t)floor((double)(c->n + 1) * (c->mgb + 1) / (pop + 2));
  c->g = lf4(m, c->mgb, c->n, c->xgb);
  /* the support's end, or 16 standard deviations past the mean */
  c->b = MIN(MIN(c->n, c->mgb) + 1, floor(c->a + 16 * sd));
}

static int64_t hrua_draw(lpy_bitgen *bg, const hrua *c) {
  int64_t k;
  for (;;) {
    double u = lpy_rng_double(bg);
    double v = lpy_rng_double(bg);
    double x = c->a + c->h * (v - 0.5) / u, t;
    /* (NaN, from u = 0 and v = 0.5, is rejected too) */
    if (!(x >= 0.0) || x >= c->b) continue;
    k = (int64_t)floor(x);
    t = c->g - lf4(k, c->mgb, c->n, c->xgb);
    if (u * (4.0 - u) - 3.0 <= t) break;      /* quick acceptance */
    if (u * (u - t) >= 1) continue;           /* quick rejection */
    if (2.0 * log(u) <= t) break;
  }
  if (c->good > c->bad) k = c->n - k;
  if (c->n < c->sample) k = c->good - k;
  return k;
}

#define HRUA(good, bad, sample) ((sample) >= 10 && (sample) <= (good) + (bad) - 10)

int64_t lpy_rng_hypergeometric(lpy_bitgen *bg, int64_t good, int64_t bad,
                               int64_t sample) {
  if (HRUA(good, bad, sample)) {
    hrua c;
    hrua_setup(&c, good, bad, sample);
    return hrua_draw(bg, &c);
  }
  return hyper_sample(bg, good, bad, sample);
}

void lpy_rng_hypergeometric_fill(lpy_bitgen *bg, int64_t good, int64_t bad,
                                 int64_t sample, int64_t *out, int64_t n) {
  int64_t i;
  if (HRUA(good, bad, sample)) {
    hrua c;
    hrua_setup(&c, good, bad, sample);
    for (i = 0; i < n; i++) out[i] = hrua_draw(bg, &c);
  } else {
    for (i = 0; i < n; i++) out[i] = hyper_sample(bg, good, bad, sample);
  }
}

void lpy_rng_k_hypergeometric(lpy_bitgen *bg, const lpy_rng_arg *p,
                              void *ctx, char *out) {
  int64_t v = lpy_rng_hypergeometric(bg, p[0].i, p[1].i, p[2].i);
  (void)ctx;
  memcpy(out, &v, sizeof v);
}
