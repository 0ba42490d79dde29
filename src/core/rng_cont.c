/*
** rng_cont.c - the basic continuous samplers that the other distributions
** build on: the ziggurat standard normal and standard exponential (double
** and float), Marsaglia-Tsang standard gamma, Johnk / gamma-ratio beta,
** chi-square; with their specs and fast fills. Each draws NumPy's words in
** NumPy's order, so a seeded Generator gives NumPy's values bit for bit.
*/
#include <math.h>
#include <string.h>
#include "rng_cont.h"
#include "rng_zig.h"

/* ---------------------------------------------------------- normal */
static inline double std_normal(lpy_bitgen *bg) {
  for (;;) {
    uint64_t r = lpy_rng_u64(bg), rabs;
    int idx = (int)(r & 0xff);
    double x;
    r >>= 8;
    rabs = (r >> 1) & 0x000fffffffffffffu;
    x = (double)rabs * lpy_rng_zig_wi_double[idx];
    if (r & 1) x = -x;
    if (rabs < lpy_rng_zig_ki_double[idx]) return x;     /* nearly always */
    if (idx == 0) {                                       /* the tail */
      for (;;) {
        double xx = -LPY_ZIG_NOR_INV_R * log1p(-lpy_rng_double(bg));
        double yy = -log1p(-lpy_rng_double(bg));
        if (yy + yy > xx * xx)
          return ((rabs >> 8) & 1) ? -(LPY_ZIG_NOR_R + xx) : LPY_ZIG_NOR_R + xx;
      }
    }
    if ((lpy_rng_zig_fi_double[idx - 1] - lpy_rng_zig_fi_double[idx]) *
            lpy_rng_double(bg) + lpy_rng_zig_fi_double[idx] < exp(-0.5 * x * x))
      return x;
  }
}

static inline float std_normal_f(lpy_bitgen *bg) {
  for (;;) {
    uint32_t r = lpy_rng_u32(bg), rabs;
    int idx = (int)(r & 0xff);
    float x;
    rabs = (r >> 9) & 0x007fffffu;
    x = (float)rabs * lpy_rng_zig_wi_float[idx];
    if ((r >> 8) & 1) x = -x;
    if (rabs < lpy_rng_zig_ki_float[idx]) return x;
    if (idx == 0) {
      for (;;) {
        float xx = -LPY_ZIG_NOR_INV_R_F * log1pf(-lpy_rng_float(bg));
        float yy = -log1pf(-lpy_rng_float(bg));
        if (yy + yy > xx * xx)
          return ((rabs >> 8) & 1) ? -(LPY_ZIG_NOR_R_F + xx) : LPY_ZIG_NOR_R_F + xx;
      }
    }
    /* NumPy compares the float strip value with a double exp */
    if ((lpy_rng_zig_fi_float[idx - 1] - lpy_rng_zig_fi_float[idx]) *
            lpy_rng_float(bg) + lpy_rng_zig_fi_float[idx] < exp(-0.5 * x * x))
      return x;
  }
}

/* ----------------------------------------------------- exponential */
static inline double std_exponential(lpy_bitgen *bg) {
  for (;;) {
    uint64_t ri = lpy_rng_u64(bg) >> 3;
    int idx = (int)(ri & 0xff);
    double x;
    ri >>= 8;
    x = (double)ri * lpy_rng_zig_we_double[idx];
    if (ri < lpy_rng_zig_ke_double[idx]) return x;
    if (idx == 0) return LPY_ZIG_EXP_R - log1p(-lpy_rng_double(bg));
    if ((lpy_rng_zig_fe_double[idx - 1] - lpy_rng_zig_fe_double[idx]) *
            lpy_rng_double(bg) + lpy_rng_zig_fe_double[idx] < exp(-x))
      return x;
  }
}

static inline float std_exponential_f(lpy_bitgen *bg) {
  for (;;) {
    uint32_t ri = lpy_rng_u32(bg) >> 1;
    int idx = (int)(ri & 0xff);
    float x;
    ri >>= 8;
    x = (float)ri * lpy_rng_zig_we_float[idx];
    if (ri < lpy_rng_zig_ke_float[idx]) return x;
    if (idx == 0) return LPY_ZIG_EXP_R_F - log1pf(-lpy_rng_float(bg));
    if ((lpy_rng_zig_fe_float[idx - 1] - lpy_rng_zig_fe_float[idx]) *
            lpy_rng_float(bg) + lpy_rng_zig_fe_float[idx] < expf(-x))
      return x;
  }
}

/* ----------------------------------------------------------- gamma */
static inline double std_gamma(lpy_bitgen *bg, double shape) {
  if (shape == 1.0) return std_exponential(bg);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {                    /* Johnk-like rejection (Ahrens-Dieter) */
    for (;;) {
      double u = lpy_rng_double(bg), v = std_exponential(bg), x, y;
      if (u <= 1.0 - shape) {
        x = pow(u, 1.0 / shape);
        if (x <= v) return x;
      } else {
        y = -log((1 - u) / shape);
        x = pow(1.0 - shape + shape * y, 1.0 / shape);
        if (x <= v + y) return x;
      }
    }
  } else {                              /* Marsaglia-Tsang */
    double b = shape - 1.0 / 3.0, c = 1.0 / sqrt(9 * b);
    for (;;) {
      double x, v, u;
      do {
        x = std_normal(bg);
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      u = lpy_rng_double(bg);
      if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
      if (log(u) < 0.5 * x * x + b * (1.0 - v + log(v))) return b * v;
    }
  }
}

static inline float std_gamma_f(lpy_bitgen *bg, float shape) {
  if (shape == 1.0f) return std_exponential_f(bg);
  if (shape == 0.0f) return 0.0f;
  if (shape < 1.0f) {
    for (;;) {
      float u = lpy_rng_float(bg), v = std_exponential_f(bg), x, y;
      if (u <= 1.0f - shape) {
        x = powf(u, 1.0f / shape);
        if (x <= v) return x;
      } else {
        y = -logf((1.0f - u) / shape);
        x = powf(1.0f - shape + shape * y, 1.0f / shape);
        if (x <= v + y) return x;
      }
    }
  } else {
    float b = shape - 1.0f / 3.0f, c = 1.0f / sqrtf(9.0f * b);
    for (;;) {
      float x, v, u;
      do {
        x = std_normal_f(bg);
        v = 1.0f + c * x;
      } while (v <= 0.0f);
      v = v * v * v;
      u = lpy_rng_float(bg);
      if (u < 1.0f - 0.0331f * (x * x) * (x * x)) return b * v;
      if (logf(u) < 0.5f * x * x + b * (1.0f - v + logf(v))) return b * v;
    }
  }
}

/* ------------------------------------------------------------ beta */
/* below this, a Beta(a, b) value is 0 or 1 but for a chance under 1e-100 */
#define BETA_TINY 3e-103

static double beta(lpy_bitgen *bg, double a, double b) {
  if (a <= 1.0 && b <= 1.0) {
    if (a < BETA_TINY && b < BETA_TINY)
      return (a + b) * lpy_rng_double(bg) < a;
    for (;;) {                          /* Johnk */
      double u = lpy_rng_double(bg), v = lpy_rng_double(bg);
      double x = pow(u, 1.0 / a), y = pow(v, 1.0 / b), s = x + y;
      if (s <= 1.0 && u + v > 0.0) {
        double lx, ly, d;
        if (x > 0 && y > 0) return x / s;
        /* x or y underflowed: the ratio from their logarithms */
        lx = log(u) / a;
        ly = log(v) / b;
        d = lx - ly;
        return d > 0 ? exp(-log1p(exp(-d))) : exp(d - log1p(exp(d)));
      }
    }
  } else {
    double ga = std_gamma(bg, a), gb = std_gamma(bg, b);
    return ga / (ga + gb);
  }
}

/* -------------------------------------------------------- exports */
double lpy_rng_standard_normal(lpy_bitgen *bg) { return std_normal(bg); }
float lpy_rng_standard_normal_f(lpy_bitgen *bg) { return std_normal_f(bg); }
double lpy_rng_standard_exponential(lpy_bitgen *bg) { return std_exponential(bg); }
float lpy_rng_standard_exponential_f(lpy_bitgen *bg) { return std_exponential_f(bg); }
double lpy_rng_standard_gamma(lpy_bitgen *bg, double shape) {
  return std_gamma(bg, shape);
}
float lpy_rng_standard_gamma_f(lpy_bitgen *bg, float shape) {
  return std_gamma_f(bg, shape);
}
double lpy_rng_beta(lpy_bitgen *bg, double a, double b) { return beta(bg, a, b); }
double lpy_rng_chisquare(lpy_bitgen *bg, double df) {
  return 2.0 * std_gamma(bg, df / 2.0);
}

/* ------------------------------------------- kernels and fast fills */
LPY_RNG_CONT_DEF(snorm, double, std_normal(bg))
LPY_RNG_CONT_DEF(snorm_f, float, std_normal_f(bg))
LPY_RNG_CONT_DEF(sexp, double, std_exponential(bg))
LPY_RNG_CONT_DEF(sexp_f, float, std_exponential_f(bg))
LPY_RNG_CONT_DEF(sexpinv, double, -log1p(-lpy_rng_double(bg)))
LPY_RNG_CONT_DEF(sexpinv_f, float, -log1p(-lpy_rng_float(bg)))
LPY_RNG_CONT_DEF(sgamma, double, std_gamma(bg, a))
LPY_RNG_CONT_DEF(sgamma_f, float, std_gamma_f(bg, (float)a))
LPY_RNG_CONT_DEF(normal, double, a + b * std_normal(bg))
LPY_RNG_CONT_DEF(expon, double, a * std_exponential(bg))
LPY_RNG_CONT_DEF(gamma, double, b * std_gamma(bg, a))
LPY_RNG_CONT_DEF(beta, double, beta(bg, a, b))
LPY_RNG_CONT_DEF(chisq, double, 2.0 * std_gamma(bg, a / 2.0))

#define F64 LPY_FLOAT64
#define F32 LPY_FLOAT32
#define NN LPY_RNG_NON_NEGATIVE
#define POS LPY_RNG_POSITIVE

static const struct { const char *name; lpy_rng_cont d; } basics[] = {
  {"standard_normal", {{"standard_normal", 0, {0}, {0}, 0, F64, snorm_k}, snorm_f}},
  {"standard_normal_f", {{"standard_normal", 0, {0}, {0}, 0, F32, snorm_f_k}, snorm_f_f}},
  {"standard_exponential", {{"standard_exponential", 0, {0}, {0}, 0, F64, sexp_k}, sexp_f}},
  {"standard_exponential_f",
   {{"standard_exponential", 0, {0}, {0}, 0, F32, sexp_f_k}, sexp_f_f}},
  {"standard_exponential_inv",
   {{"standard_exponential", 0, {0}, {0}, 0, F64, sexpinv_k}, sexpinv_f}},
  {"standard_exponential_inv_f",
   {{"standard_exponential", 0, {0}, {0}, 0, F32, sexpinv_f_k}, sexpinv_f_f}},
  {"standard_gamma", {{"standard_gamma", 1, {"shape"}, {NN}, 0, F64, sgamma_k}, sgamma_f}},
  {"standard_gamma_f",
   {{"standard_gamma", 1, {"shape"}, {NN}, 0, F32, sgamma_f_k}, sgamma_f_f}},
  {"normal", {{"normal", 2, {"loc", "scale"}, {0, NN}, 0, F64, normal_k}, normal_f}},
  {"exponential", {{"exponential", 1, {"scale"}, {NN}, 0, F64, expon_k}, expon_f}},
  {"gamma", {{"gamma", 2, {"shape", "scale"}, {NN, NN}, 0, F64, gamma_k}, gamma_f}},
  {"beta", {{"beta", 2, {"a", "b"}, {POS, POS}, 0, F64, beta_k}, beta_f}},
  {"chisquare", {{"chisquare", 1, {"df"}, {POS}, 0, F64, chisq_k}, chisq_f}},
};

const lpy_rng_cont *lpy_rng_cont_basic(const char *name) {
  size_t i;
  for (i = 0; i < sizeof basics / sizeof basics[0]; i++)
    if (strcmp(basics[i].name, name) == 0) return &basics[i].d;
  return NULL;
}
