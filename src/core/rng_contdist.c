/*
** rng_contdist.c - the Generator's continuous distributions built on the
** basic samplers of rng_cont.c: normal-, exponential-, gamma- and
** uniform-derived ones, von Mises, Wald, triangular, the noncentral
** chi-square and F; their specs and fast fills; the lookup by name.
** Algorithms and word order are NumPy's (2.x: Wald's cancellation-free
** form).
*/
#include <math.h>
#include <string.h>
#include "rng_cont.h"

#define PI 3.14159265358979323846

/* ---- the samplers */
#define snorm lpy_rng_standard_normal
#define sexp lpy_rng_standard_exponential
#define sgamma lpy_rng_standard_gamma
#define chisq lpy_rng_chisquare

static double nc_chisquare(lpy_bitgen *bg, double df, double nonc) {
  if (isnan(nonc)) return NAN;
  if (nonc == 0) return chisq(bg, df);
  if (1 < df) {
    double c = chisq(bg, df - 1), n = snorm(bg) + sqrt(nonc);
    return c + n * n;
  }
  /* NumPy's Poisson would never end beyond int64's range: there the
     Poisson count is lam within a relative 1e-9, taken as lam */
  if (!(nonc / 2.0 < 9.2e18)) return chisq(bg, df + nonc);
  return chisq(bg, df + 2 * (double)lpy_rng_poisson(bg, nonc / 2.0));
}

static double f_dist(lpy_bitgen *bg, double dfnum, double dfden) {
  double num = chisq(bg, dfnum) * dfden;
  return num / (chisq(bg, dfden) * dfnum);
}

static double nc_f(lpy_bitgen *bg, double dfnum, double dfden, double nonc) {
  double t = nc_chisquare(bg, dfnum, nonc) * dfden;
  return t / (chisq(bg, dfden) * dfnum);
}

static double cauchy(lpy_bitgen *bg) {
  double num = snorm(bg);
  return num / snorm(bg);
}

static double student_t(lpy_bitgen *bg, double df) {
  double num = snorm(bg), denom = sgamma(bg, df / 2);
  return sqrt(df / 2) * num / sqrt(denom);
}

static double laplace(lpy_bitgen *bg, double loc, double scale) {
  for (;;) {
    double u = lpy_rng_double(bg);
    if (u >= 0.5) return loc - scale * log(2.0 - u - u);
    if (u > 0.0) return loc + scale * log(u + u);
  }
}

static double gumbel(lpy_bitgen *bg, double loc, double scale) {
  for (;;) {
    double u = 1.0 - lpy_rng_double(bg);
    if (u < 1.0) return loc - scale * log(-log(u));
  }
}

static double logistic(lpy_bitgen *bg, double loc, double scale) {
  for (;;) {
    double u = lpy_rng_double(bg);
    if (u > 0.0) return loc + scale * log(u / (1.0 - u));
  }
}

static double weibull(lpy_bitgen *bg, double a) {
  if (a == 0.0) return 0.0;
  return pow(sexp(bg), 1. / a);
}

static double wald(lpy_bitgen *bg, double mean, double scale) {
  double y = snorm(bg), d, x;
  y = mean * y * y;
  d = 1 + sqrt(1 + 4 * scale / y);
  x = mean * (1 - 2 / d);
  return lpy_rng_double(bg) <= mean / (mean + x) ? x : mean * mean / x;
}

static double vonmises(lpy_bitgen *bg, double mu, double kappa) {
  double s, w, res, mod;
  if (isnan(kappa)) return NAN;
  if (kappa < 1e-8) return PI * (2 * lpy_rng_double(bg) - 1);
  if (kappa < 1e-5) {
    s = 1. / kappa + kappa;             /* second-order expansion at 0 */
  } else if (kappa <= 1e6) {
    double r = 1 + sqrt(1 + 4 * kappa * kappa);
    double rho = (r - sqrt(2 * r)) / (2 * kappa);
    s = (1 + rho * rho) / (2 * rho);
  } else {                              /* wrapped normal */
    res = mu + sqrt(1. / kappa) * snorm(bg);
    if (res < -PI) res += 2 * PI;
    if (res > PI) res -= 2 * PI;
    return res;
  }
  for (;;) {
    double u = lpy_rng_double(bg), z = cos(PI * u), y, v;
    w = (1 + s * z) / (s + z);
    y = kappa * (s - w);
    v = lpy_rng_double(bg);
    if (y * (2 - y) - v >= 0 || log(y / v) + 1 - y >= 0) break;
  }
  res = acos(w);
  if (lpy_rng_double(bg) < 0.5) res = -res;
  res += mu;
  mod = fmod(fabs(res) + PI, 2 * PI) - PI;
  return res < 0 ? -mod : mod;
}

static double triangular(lpy_bitgen *bg, double left, double mode, double right) {
  double base = right - left, leftbase = mode - left;
  double ratio = leftbase / base, leftprod = leftbase * base;
  double rightprod = (right - mode) * base, u = lpy_rng_double(bg);
  if (u <= ratio) return left + sqrt(u * leftprod);
  return right - sqrt((1.0 - u) * rightprod);
}

/* ---- kernels, fast fills, specs */
LPY_RNG_CONT_DEF(ncchisq, double, nc_chisquare(bg, a, b))
LPY_RNG_CONT_DEF(fdist, double, f_dist(bg, a, b))
LPY_RNG_CONT_DEF(ncf, double, nc_f(bg, a, b, c))
LPY_RNG_CONT_DEF(stdt, double, student_t(bg, a))
LPY_RNG_CONT_DEF(cauchy, double, cauchy(bg))
LPY_RNG_CONT_DEF(laplace, double, laplace(bg, a, b))
LPY_RNG_CONT_DEF(logistic, double, logistic(bg, a, b))
LPY_RNG_CONT_DEF(lognormal, double, exp(a + b * snorm(bg)))
LPY_RNG_CONT_DEF(gumbel, double, gumbel(bg, a, b))
LPY_RNG_CONT_DEF(pareto, double, expm1(sexp(bg) / a))
LPY_RNG_CONT_DEF(power, double, pow(-expm1(-sexp(bg)), 1. / a))
LPY_RNG_CONT_DEF(rayleigh, double, a * sqrt(2.0 * sexp(bg)))
LPY_RNG_CONT_DEF(triang, double, triangular(bg, a, b, c))
LPY_RNG_CONT_DEF(vonmises, double, vonmises(bg, a, b))
LPY_RNG_CONT_DEF(wald, double, wald(bg, a, b))
LPY_RNG_CONT_DEF(weibull, double, weibull(bg, a))

#define F64 LPY_FLOAT64
#define NN LPY_RNG_NON_NEGATIVE
#define POS LPY_RNG_POSITIVE

static const lpy_rng_cont dists[] = {
  {{"noncentral_chisquare", 2, {"df", "nonc"}, {POS, NN}, 0, F64, ncchisq_k}, ncchisq_f},
  {{"f", 2, {"dfnum", "dfden"}, {POS, POS}, 0, F64, fdist_k}, fdist_f},
  {{"noncentral_f", 3, {"dfnum", "dfden", "nonc"}, {POS, POS, NN}, 0, F64, ncf_k}, ncf_f},
  {{"standard_t", 1, {"df"}, {POS}, 0, F64, stdt_k}, stdt_f},
  {{"standard_cauchy", 0, {0}, {0}, 0, F64, cauchy_k}, cauchy_f},
  {{"laplace", 2, {"loc", "scale"}, {0, NN}, 0, F64, laplace_k}, laplace_f},
  {{"logistic", 2, {"loc", "scale"}, {0, NN}, 0, F64, logistic_k}, logistic_f},
  {{"lognormal", 2, {"mean", "sigma"}, {0, NN}, 0, F64, lognormal_k}, lognormal_f},
  {{"gumbel", 2, {"loc", "scale"}, {0, NN}, 0, F64, gumbel_k}, gumbel_f},
  {{"pareto", 1, {"a"}, {POS}, 0, F64, pareto_k}, pareto_f},
  {{"power", 1, {"a"}, {POS}, 0, F64, power_k}, power_f},
  {{"rayleigh", 1, {"scale"}, {NN}, 0, F64, rayleigh_k}, rayleigh_f},
  {{"triangular", 3, {"left", "mode", "right"}, {0, 0, 0}, 0, F64, triang_k}, triang_f},
  {{"vonmises", 2, {"mu", "kappa"}, {0, NN}, 0, F64, vonmises_k}, vonmises_f},
  {{"wald", 2, {"mean", "scale"}, {POS, POS}, 0, F64, wald_k}, wald_f},
  {{"weibull", 1, {"a"}, {NN}, 0, F64, weibull_k}, weibull_f},
};

const lpy_rng_cont *lpy_rng_cont_find(const char *name) {
  size_t i;
  for (i = 0; i < sizeof dists / sizeof dists[0]; i++)
    if (strcmp(dists[i].spec.name, name) == 0) return &dists[i];
  return lpy_rng_cont_basic(name);
}

/* ---- dirichlet. NumPy's two methods: when every alpha is below 0.1 (a
   gamma-normalised vector could be 0/0), stick-breaking with betas of
   alpha[j] and the sum of the alphas after it; otherwise gammas divided
   by their sum. csum: workspace of k doubles. */
void lpy_rng_dirichlet(lpy_bitgen *bg, const double *alpha, int64_t k,
                       int64_t n, double *out, double *csum) {
  double mx = -INFINITY, acc, sum = 0.0;
  int64_t i, j;
  for (j = 0; j < k; j++)
    if (isnan(alpha[j]) || alpha[j] > mx) mx = isnan(mx) ? mx : alpha[j];
  if (k > 0 && mx < 0.1) {
    for (j = k - 1; j >= 0; j--) csum[j] = sum += alpha[j];
    for (i = 0; i < n * k; i++) out[i] = 0.0;
    if (!(sum > 0)) return;             /* all zero: all results zero */
    for (i = 0; i < n; i++, out += k) {
      acc = 1.0;
      for (j = 0; j < k - 1; j++) {
        double v = lpy_rng_beta(bg, alpha[j], csum[j + 1]);
        out[j] = acc * v;
        acc *= 1.0 - v;
        if (csum[j + 1] == 0) break;    /* v was 1: the rest stays 0 */
      }
      out[k - 1] = acc;
    }
  } else {
    for (i = 0; i < n; i++, out += k) {
      double inv;
      acc = 0.0;
      for (j = 0; j < k; j++) acc += out[j] = sgamma(bg, alpha[j]);
      inv = 1.0 / acc;
      for (j = 0; j < k; j++) out[j] *= inv;
    }
  }
}
