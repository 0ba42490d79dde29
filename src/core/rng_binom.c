/*
** rng_binom.c - binomial and multinomial draws, as NumPy's Generator makes
** them: inversion when n*min(p, 1-p) <= 30, else Kachitvichyanukul and
** Schmeiser's BTPE (triangle, parallelogram, exponential tails), each with
** its set-up cached for the (n, p) of the previous draw. The arithmetic
** (which sums are integer, which double) follows NumPy 1.24's code so that
** every accept/reject decision, hence every value, is the same.
*/
#include <math.h>
#include <string.h>
#include "rng_dist.h"

/* ---- inversion: walk the probabilities from 0 while U exceeds them ---- */
static int64_t binom_inversion(lpy_bitgen *bg, int64_t n, double p,
                               lpy_rng_binom *c) {
  double q, qn, px, u, np;
  int64_t x, bound;
  if (!c->ready || c->nsave != n || c->psave != p) {
    c->ready = 1;
    c->nsave = n;
    c->psave = p;
    c->q = q = 1.0 - p;
    c->r = qn = exp(n * log(q));
    c->c = np = n * p;
    /* NumPy takes min(n, ...) in double; a NaN (p < 0 from multinomial's
       rounding) leaves the bound unused, since then qn >= 1 */
    {
      double b = np + 10.0 * sqrt(np * q + 1);
      c->m = lpy_rng_to_i64((double)n < b ? (double)n : b);
    }
  }
  q = c->q;
  qn = c->r;
  bound = c->m;
  x = 0;
  px = qn;
  u = lpy_rng_double(bg);
  while (u > px) {
    x++;
    if (x > bound) {            /* ran off the table: start again */
      x = 0;
      px = qn;
      u = lpy_rng_double(bg);
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/* n - x with two's-complement wrap (NumPy's result for nonsense x) */
static int64_t wrap_sub(int64_t n, int64_t x) {
  return (int64_t)((uint64_t)n - (uint64_t)x);
}

/* ---- BTPE ---------------------------------------------------------------- */
/* n + k with two's-complement wrap, as NumPy's int64 sums behave on
   x86-64 when n is near 2^63 */
static int64_t wrap_add(int64_t n, int64_t k) {
  return (int64_t)((uint64_t)n + (uint64_t)k);
}

/* the near-mode ratio f(y) for every y within LPY_RNG_BTPE_NEAR of the
   mode, each by the very products / quotients (in the very order) that
   binom_btpe's recurrence makes for it */
static void near_table(lpy_rng_binom *c, int64_t n) {
  double s = c->r / c->q, a = s * wrap_add(n, 1), f = 1.0;
  int64_t m = c->m, y, i;
  int j;
  c->near[LPY_RNG_BTPE_NEAR] = 1.0;
  for (j = 1; j <= LPY_RNG_BTPE_NEAR; j++) {           /* y = m + j */
    f *= (a / (m + j) - s);
    c->near[LPY_RNG_BTPE_NEAR + j] = f;
  }
  for (j = 1; j <= LPY_RNG_BTPE_NEAR; j++) {           /* y = m - j */
    y = m - j;
    f = 1.0;
    if (y >= 0)
      for (i = y + 1; i <= m; i++) f /= (a / i - s);
    c->near[LPY_RNG_BTPE_NEAR - j] = f;
  }
}

static void btpe_setup(lpy_rng_binom *c, int64_t n, double p) {
  double r, q, a;
  c->ready = 1;
  c->nsave = n;
  c->psave = p;
  c->r = r = p < 1.0 - p ? p : 1.0 - p;
  c->q = q = 1.0 - r;
  c->fm = n * r + r;
  c->m = lpy_rng_to_i64(floor(c->fm));
  c->p1 = floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5;
  c->xm = c->m + 0.5;
  c->xl = c->xm - c->p1;
  c->xr = c->xm + c->p1;
  c->c = 0.134 + 20.5 / (15.3 + c->m);
  a = (c->fm - c->xl) / (c->fm - c->xl * r);
  c->laml = a * (1.0 + a / 2.0);
  a = (c->xr - c->fm) / (c->xr * q);
  c->lamr = a * (1.0 + a / 2.0);
  c->p2 = c->p1 * (1.0 + 2.0 * c->c);
  c->p3 = c->p2 + c->c / c->laml;
  c->p4 = c->p3 + c->c / c->lamr;
  if (c->full) near_table(c, n);
}

/* one term of the Stirling correction in the squeeze's final test */
static double stirling_term(double f, double f2) {
  return (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f /
         166320.;
}

/* the exact acceptance test of a candidate y that is far from the mode:
   1 accept, 0 reject */
static int btpe_far(const lpy_rng_binom *c, int64_t n, int64_t y, int64_t k,
                    double v, double nrq) {
  double rho, t, lv, x1, f1, z, w, bound;
  int64_t m = c->m;
  rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq
                     + 0.5);
  /* NumPy computes -k * k in int64 (wrapping for astronomically large n) */
  t = (int64_t)(0 - (uint64_t)k * (uint64_t)k) / (2 * nrq);
  lv = log(v);
  if (lv < t - rho) return 1;
  if (lv > t + rho) return 0;
  x1 = y + 1;
  f1 = m + 1;
  z = wrap_add(n - m, 1);
  w = wrap_add(n - y, 1);
  bound = c->xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) +
          (y - m) * log(w * c->r / (x1 * c->q)) + stirling_term(f1, f1 * f1) +
          stirling_term(z, z * z) + stirling_term(x1, x1 * x1) +
          stirling_term(w, w * w);
  return !(lv > bound);
}

static int64_t binom_btpe(lpy_bitgen *bg, int64_t n, double p,
                          lpy_rng_binom *c) {
  int64_t y, m, k, i;
  double u, v, x, nrq, s, a, f;
  if (!c->ready || c->nsave != n || c->psave != p) btpe_setup(c, n, p);
  m = c->m;
  for (;;) {
    nrq = n * c->r * c->q;
    u = lpy_rng_double(bg) * c->p4;
    v = lpy_rng_double(bg);
    if (!(u > c->p1)) {                       /* triangle: accept at once */
      y = lpy_rng_to_i64(floor(c->xm - c->p1 * v + u));
      break;
    }
    if (!(u > c->p2)) {                       /* parallelograms */
      x = c->xl + (u - c->p1) / c->c;
      v = v * c->c + 1.0 - fabs(m - x + 0.5) / c->p1;
      if (v > 1.0) continue;
      y = lpy_rng_to_i64(floor(x));
    } else if (!(u > c->p3)) {                /* left exponential tail */
      y = lpy_rng_to_i64(floor(c->xl + log(v) / c->laml));
      if (y < 0 || v == 0.0) continue;
      v = v * (u - c->p2) * c->laml;
    } else {                                  /* right exponential tail */
      y = lpy_rng_to_i64(floor(c->xr - log(v) / c->lamr));
      if (y > n || v == 0.0) continue;
      v = v * (u - c->p3) * c->lamr;
    }
    k = y > m ? y - m : m - y;
    if (k > 20 && k < nrq / 2.0 - 1) {
      if (btpe_far(c, n, y, k, v, nrq)) break;
      continue;
    }
    /* near the mode: the ratio of probabilities by recurrence */
    s = c->r / c->q;
    a = s * wrap_add(n, 1);
    f = 1.0;
    if (c->full && y >= 0 && y - m >= -LPY_RNG_BTPE_NEAR &&
        y - m <= LPY_RNG_BTPE_NEAR) {
      f = c->near[y - m + LPY_RNG_BTPE_NEAR];
    } else if (m < y) {
      for (i = m + 1; i <= y; i++) f *= (a / i - s);
    } else if (m > y) {
      for (i = y + 1; i <= m; i++) f /= (a / i - s);
    }
    if (!(v > f)) break;
  }
  if (p > 0.5) y = n - y;
  return y;
}

int64_t lpy_rng_binomial(lpy_bitgen *bg, double p, int64_t n,
                         lpy_rng_binom *cache) {
  double q;
  if (n == 0 || p == 0.0) return 0;
  if (p <= 0.5) {
    if (p * n <= 30.0) return binom_inversion(bg, n, p, cache);
    return binom_btpe(bg, n, p, cache);
  }
  q = 1.0 - p;
  if (q * n <= 30.0) return wrap_sub(n, binom_inversion(bg, n, q, cache));
  return wrap_sub(n, binom_btpe(bg, n, q, cache));
}

/* inversion for many draws: the probabilities px[0..bound] that each draw
   walks are the same every time, so they are computed once (with the very
   operations binom_inversion uses) and the walk only subtracts */
#define INV_TABLE_MAX 256

static int inversion_fill(lpy_bitgen *bg, int64_t n, double p, int flip,
                          int64_t *out, int64_t count) {
  double px[INV_TABLE_MAX + 1], q = 1.0 - p, np, b, u;
  int64_t bound, x, i;
  np = n * p;
  b = np + 10.0 * sqrt(np * q + 1);
  bound = lpy_rng_to_i64((double)n < b ? (double)n : b);
  if (bound < 0 || bound > INV_TABLE_MAX) return 0;
  px[0] = exp(n * log(q));
  for (x = 1; x <= bound; x++)
    px[x] = ((n - x + 1) * p * px[x - 1]) / (x * q);
  for (i = 0; i < count; i++) {
    x = 0;
    u = lpy_rng_double(bg);
    while (u > px[x]) {
      x++;
      if (x > bound) {
        x = 0;
        u = lpy_rng_double(bg);
      } else {
        u -= px[x - 1];
      }
    }
    out[i] = flip ? n - x : x;
  }
  return 1;
}

void lpy_rng_binomial_fill(lpy_bitgen *bg, int64_t n, double p, int64_t *out,
                           int64_t count) {
  lpy_rng_binom cache;
  int64_t i;
  if (n != 0 && p != 0.0) {
    if (p <= 0.5 && p * n <= 30.0) {
      if (inversion_fill(bg, n, p, 0, out, count)) return;
    } else if (p > 0.5 && (1.0 - p) * n <= 30.0) {
      if (inversion_fill(bg, n, 1.0 - p, 1, out, count)) return;
    }
  }
  memset(&cache, 0, sizeof cache);
  cache.full = 1;
  for (i = 0; i < count; i++) out[i] = lpy_rng_binomial(bg, p, n, &cache);
}

void lpy_rng_k_binomial(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx,
                        char *out) {
  /* parameters in NumPy's order: n (int64), p */
  int64_t v = lpy_rng_binomial(bg, p[1].d, p[0].i, (lpy_rng_binom *)ctx);
  memcpy(out, &v, sizeof v);
}

/* ---- multinomial: one binomial per category of what is left ------------ */
void lpy_rng_multinomial(lpy_bitgen *bg, int64_t n, int64_t *out,
                         const double *p, int64_t d, lpy_rng_binom *cache) {
  double left = 1.0;
  int64_t j, rest = n;
  for (j = 0; j < d - 1; j++) {
    out[j] = lpy_rng_binomial(bg, p[j] / left, rest, cache);
    rest = wrap_sub(rest, out[j]);
    if (rest <= 0) break;
    left -= p[j];
  }
  if (rest > 0) out[d - 1] = rest;
}
