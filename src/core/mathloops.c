/*
** mathloops.c - the elementwise math ufuncs (sqrt, exp, log, the circular
** and hyperbolic functions and their inverses, rounding, sign and class
** tests, arctan2, hypot, logaddexp, copysign, nextafter, heaviside,
** float_power, gcd, lcm) on C's libm, which is what NumPy's results are
** made of when its own SIMD code is off. Complex functions follow NumPy's
** definitions where it has its own (exp2, expm1, log1p, log2, log10,
** reciprocal, sign).
*/
#include "loopdefs.h"

#define LN2 0.693147180559945309417232121458176568
#define LN10 2.302585092994045684017999454684364208
#define LOG2E 1.442695040888963407359924681001892137
#define PI 3.141592653589793238462643383279502884

COMPLEX_TYPES(COMPLEX_HELPERS)

/* ------------------------------------------------------- real helpers */
#define REAL_HELPERS(N, T, S)                                               \
  static inline T N##_logaddexp(T x, T y) {                                 \
    T d;                                                                    \
    if (x == y) return x + (T)LN2;          /* also equal infinities */     \
    d = x - y;                                                              \
    if (d > 0) return x + log1p##S(exp##S(-d));                             \
    if (d <= 0) return y + log1p##S(exp##S(d));                             \
    return d;                                                               \
  }                                                                         \
  static inline T N##_logaddexp2(T x, T y) {                                \
    T d;                                                                    \
    if (x == y) return x + 1;                                               \
    d = x - y;                                                              \
    if (d > 0) return x + (T)LOG2E * log1p##S(exp2##S(-d));                 \
    if (d <= 0) return y + (T)LOG2E * log1p##S(exp2##S(d));                 \
    return d;                                                               \
  }                                                                         \
  static inline T N##_heaviside(T x, T h0) {                                \
    if (x < 0) return 0;                                                    \
    if (x == 0) return h0;                                                  \
    if (x > 0) return 1;                                                    \
    return x;                                                               \
  }                                                                         \
  static inline T N##_spacing(T x) {                                        \
    if (isnan(x) || isinf(x)) return (T)NAN;                                \
    /* away from zero; from either zero, the smallest positive step */      \
    return (x < 0) ? nextafter##S(x, -(T)INFINITY) - x                      \
                   : nextafter##S(x, (T)INFINITY) - x;                      \
  }                                                                         \
  static inline T N##_sign(T x) {                                           \
    return x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x;                         \
  }
FLOAT_TYPES(REAL_HELPERS)

/* i0: the modified Bessel function of the first kind, order 0. Up to 30 the
   power series sum (x^2/4)^k / (k!)^2, whose terms are all positive; above,
   the asymptotic series e^x / sqrt(2 pi x) * sum ((2k-1)!!)^2 / (k! (8x)^k),
   cut where its terms stop shrinking. Both in long double, rounded once.
   As NumPy's (which evaluates exp(x) * chebyshev / sqrt(x) in the input's
   precision): inf once exp(|x|) overflows the result type, nan for +-inf. */
static long double bessel_i0(long double ax) {
  long double s = 1, term = 1;
  int k;
  if (ax <= 30) {
    long double q = ax * ax / 4;
    for (k = 1; k < 500; k++) {
      term *= q / ((long double)k * k);
      s += term;
      if (term <= s * 1e-21L) break;
    }
    return s;
  }
  for (k = 1; k < 100; k++) {
    long double t = term * (2.0L * k - 1) * (2.0L * k - 1) / (8.0L * k) / ax;
    if (t >= term) break;
    term = t;
    s += term;
    if (term <= s * 1e-21L) break;
  }
  return expl(ax) * (s / sqrtl(2 * 3.141592653589793238462643383279502884L * ax));
}
static inline double float64_i0(double x) {
  double ax = fabs(x);
  if (isinf(x)) return NAN;
  if (ax > 30 && exp(ax) == INFINITY) return INFINITY;
  return (double)bessel_i0(ax);
}
static inline float float32_i0(float x) {
  float ax = fabsf(x);
  if (isinf(x)) return NAN;
  if (ax > 30 && expf(ax) == INFINITY) return INFINITY;
  return (float)bessel_i0(ax);
}

/* modf and frexp, one result at a time (the binding pairs them) */
#define PARTS_HELPERS(N, T, S)                                              \
  static inline T N##_modf_frac(T a) { T ip; return modf##S(a, &ip); }      \
  static inline T N##_modf_int(T a) { T ip; modf##S(a, &ip); return ip; }   \
  static inline T N##_frexp_mant(T a) { int e; return frexp##S(a, &e); }    \
  static inline int32_t N##_frexp_exp(T a) {                                \
    int e = 0;                                                              \
    if (isnan(a) || isinf(a)) return 0;                                     \
    frexp##S(a, &e);                                                        \
    return e;                                                               \
  }                                                                         \
  /* the exponent arrives as the float type; out-of-int range saturates */  \
  static inline T N##_ldexp(T a, T e) {                                     \
    int k = e >= 1e6 ? 1000000 : e <= -1e6 ? -1000000 : (int)e;             \
    return ldexp##S(a, k);                                                  \
  }
FLOAT_TYPES(PARTS_HELPERS)

/* ------------------------------------------------------- complex helpers */
static inline lpy_c64 c64_of(float _Complex z) {
  lpy_c64 r = {crealf(z), cimagf(z)};
  return r;
}
static inline lpy_c128 c128_of(double _Complex z) {
  lpy_c128 r = {creal(z), cimag(z)};
  return r;
}

#define CPLX_HELPERS(N, T, R, S)                                            \
  static inline T N##_scale(T z, R k) { T r = {z.re * k, z.im * k}; return r; } \
  static inline T N##_exp2(T z) {                                           \
    return N##_of(cexp##S(CMPLX##S##_(N##_scale(z, (R)LN2))));              \
  }                                                                         \
  static inline T N##_expm1(T z) {                                          \
    R h = sin##S(z.im / 2);                                                 \
    T r = {expm1##S(z.re) * cos##S(z.im) - 2 * h * h,                       \
           exp##S(z.re) * sin##S(z.im)};                                    \
    return r;                                                               \
  }                                                                         \
  static inline T N##_log1p(T z) {                                          \
    T r = {log##S(hypot##S(z.re + 1, z.im)), atan2##S(z.im, z.re + 1)};     \
    return r;                                                               \
  }                                                                         \
  static inline T N##_logk(T z, R k) {                                      \
    return N##_scale(N##_of(clog##S(CMPLX##S##_(z))), k);                   \
  }                                                                         \
  static inline T N##_reciprocal(T z) {                                     \
    R q, d;                                                                 \
    T r;                                                                    \
    if (fabs##S(z.im) <= fabs##S(z.re)) {                                   \
      q = z.im / z.re; d = z.re + z.im * q;                                 \
      r.re = 1 / d; r.im = -q / d;                                          \
    } else {                                                                \
      q = z.re / z.im; d = z.re * q + z.im;                                 \
      r.re = q / d; r.im = -1 / d;                                          \
    }                                                                       \
    return r;                                                               \
  }                                                                         \
  /* NumPy 2: z / |z|, where |z| is infinite: +-1 on an infinite axis and \
     0 on the other, nan when both are infinite, and 0 + +-1j when |z|   \
     overflows from finite parts (NumPy's CDOUBLE_sign) */                \
  static inline T N##_sign(T z) {                                           \
    T r;                                                                    \
    R m = hypot##S(z.re, z.im);                                             \
    if (isnan(m) || (isinf(z.re) && isinf(z.im))) {                         \
      r.re = r.im = (R)NAN;                                                 \
    } else if (isinf(m)) {                                                  \
      r.re = isinf(z.re) ? (z.re > 0 ? 1 : -1) : 0;                         \
      r.im = isinf(z.re) ? 0 : (z.im > 0 ? 1 : -1);                         \
    } else if (m == 0) {                                                    \
      r.re = r.im = 0;                                                      \
    } else {                                                                \
      r.re = z.re / m; r.im = z.im / m;                                     \
    }                                                                       \
    return r;                                                               \
  }
#define c64_of complex64_of
#define c128_of complex128_of
static inline lpy_c64 complex64_of(float _Complex z);
static inline lpy_c128 complex128_of(double _Complex z);
COMPLEX_TYPES(CPLX_HELPERS)
#undef c64_of
#undef c128_of
static inline lpy_c64 complex64_of(float _Complex z) { return c64_of(z); }
static inline lpy_c128 complex128_of(double _Complex z) { return c128_of(z); }

/* ------------------------------------------------------- loop families */
/* a libm function on both float types */
#define LIBM1(OP, FN)                                                       \
  UNLOOP(OP##_float32, float, float, FN##f(a))                              \
  UNLOOP(OP##_float64, double, double, FN(a))
/* a C99 complex function on both complex types */
#define CLIBM1(OP, FN)                                                      \
  UNLOOP(OP##_complex64, lpy_c64, lpy_c64, c64_of(c##FN##f(CMPLXf_(a))))   \
  UNLOOP(OP##_complex128, lpy_c128, lpy_c128, c128_of(c##FN(CMPLX_(a))))
/* a complex helper above on both complex types */
#define CHELP1(OP, H, ...)                                                  \
  UNLOOP(OP##_complex64, lpy_c64, lpy_c64, complex64_##H(a, ##__VA_ARGS__)) \
  UNLOOP(OP##_complex128, lpy_c128, lpy_c128, complex128_##H(a, ##__VA_ARGS__))
#define LIBM2(OP, FN)                                                       \
  BINLOOP(OP##_float32, float, float, FN##f(a, b))                          \
  BINLOOP(OP##_float64, double, double, FN(a, b))
#define HELP2(OP, H)                                                        \
  BINLOOP(OP##_float32, float, float, float32_##H(a, b))                    \
  BINLOOP(OP##_float64, double, double, float64_##H(a, b))

LIBM1(sqrt, sqrt) CLIBM1(sqrt, sqrt)
LIBM1(cbrt, cbrt)
LIBM1(exp, exp) CLIBM1(exp, exp)
LIBM1(exp2, exp2) CHELP1(exp2, exp2)
LIBM1(expm1, expm1) CHELP1(expm1, expm1)
LIBM1(log, log) CLIBM1(log, log)
LIBM1(log2, log2) CHELP1(log2, logk, LOG2E)
LIBM1(log10, log10) CHELP1(log10, logk, 0.434294481903251827651128918916605082)
LIBM1(log1p, log1p) CHELP1(log1p, log1p)
LIBM1(sin, sin) CLIBM1(sin, sin)
LIBM1(cos, cos) CLIBM1(cos, cos)
LIBM1(tan, tan) CLIBM1(tan, tan)
LIBM1(arcsin, asin) CLIBM1(arcsin, asin)
LIBM1(arccos, acos) CLIBM1(arccos, acos)
LIBM1(arctan, atan) CLIBM1(arctan, atan)
LIBM1(sinh, sinh) CLIBM1(sinh, sinh)
LIBM1(cosh, cosh) CLIBM1(cosh, cosh)
LIBM1(tanh, tanh) CLIBM1(tanh, tanh)
LIBM1(arcsinh, asinh) CLIBM1(arcsinh, asinh)
LIBM1(arccosh, acosh) CLIBM1(arccosh, acosh)
LIBM1(arctanh, atanh) CLIBM1(arctanh, atanh)
LIBM1(floor, floor)
LIBM1(ceil, ceil)
LIBM1(trunc, trunc)
LIBM1(rint, rint)
UNLOOP(rint_complex64, lpy_c64, lpy_c64, ((lpy_c64){rintf(a.re), rintf(a.im)}))
UNLOOP(rint_complex128, lpy_c128, lpy_c128, ((lpy_c128){rint(a.re), rint(a.im)}))
UNLOOP(deg2rad_float32, float, float, a * ((float)PI / 180.0f))
UNLOOP(deg2rad_float64, double, double, a * (PI / 180.0))
UNLOOP(rad2deg_float32, float, float, a * (180.0f / (float)PI))
UNLOOP(rad2deg_float64, double, double, a * (180.0 / PI))
UNLOOP(spacing_float32, float, float, float32_spacing(a))
UNLOOP(spacing_float64, double, double, float64_spacing(a))
UNLOOP(i0_float32, float, float, float32_i0(a))
UNLOOP(i0_float64, double, double, float64_i0(a))
UNLOOP(signbit_float32, float, uint8_t, signbit(a) != 0)
UNLOOP(signbit_float64, double, uint8_t, signbit(a) != 0)
LIBM2(arctan2, atan2)
LIBM2(hypot, hypot)
LIBM2(copysign, copysign)
LIBM2(nextafter, nextafter)
HELP2(logaddexp, logaddexp)
HELP2(logaddexp2, logaddexp2)
HELP2(heaviside, heaviside)
BINLOOP(float_power_float64, double, double, pow(a, b))
UNLOOP(modf_frac_float32, float, float, float32_modf_frac(a))
UNLOOP(modf_frac_float64, double, double, float64_modf_frac(a))
UNLOOP(modf_int_float32, float, float, float32_modf_int(a))
UNLOOP(modf_int_float64, double, double, float64_modf_int(a))
UNLOOP(frexp_mant_float32, float, float, float32_frexp_mant(a))
UNLOOP(frexp_mant_float64, double, double, float64_frexp_mant(a))
UNLOOP(frexp_exp_float32, float, int32_t, float32_frexp_exp(a))
UNLOOP(frexp_exp_float64, double, int32_t, float64_frexp_exp(a))
HELP2(ldexp, ldexp)
BINLOOP(float_power_complex128, lpy_c128, lpy_c128, complex128_pow(a, b))

/* square, reciprocal, sign, conjugate: every numeric type */
#define INT_MATH(N, T, U, UW, BITS, SIGNED)                                 \
  UNLOOP(floor_##N, T, T, a)                                                \
  UNLOOP(ceil_##N, T, T, a)                                                 \
  UNLOOP(trunc_##N, T, T, a)                                                \
  UNLOOP(square_##N, T, T, (T)(U)((UW)(U)a * (UW)(U)a))                     \
  UNLOOP(reciprocal_##N, T, T, a == 1 ? (T)1 : (SIGNED && a == (T)-1) ? (T)-1 \
                                 : a == 0 ? N##_recip0() : (T)0)            \
  UNLOOP(sign_##N, T, T, (T)((a > 0) - (SIGNED && a < 0)))                  \
  UNLOOP(conjugate_##N, T, T, a)                                            \
  UNLOOP(isnan_##N, T, uint8_t, ((void)a, 0))                              \
  UNLOOP(isinf_##N, T, uint8_t, ((void)a, 0))                              \
  UNLOOP(isfinite_##N, T, uint8_t, ((void)a, 1))                           \
  BINLOOP(gcd_##N, T, T, (T)N##_gcd(a, b))                                  \
  BINLOOP(lcm_##N, T, T, (T)N##_lcm(a, b))

/* 1 / 0 computed as NumPy does (in double, then converted like a cast) */
#define INT_RECIP0(N, T, U, UW, BITS, SIGNED)                               \
  static inline T N##_recip0(void) {                                        \
    double inf = INFINITY;                                                  \
    T r;                                                                    \
    lpy_cast_fn(LPY_FLOAT64, LPY_##N)((const char *)&inf, 0, (char *)&r, 0, 1); \
    return r;                                                               \
  }                                                                         \
  static inline U N##_mag(T a) { return (SIGNED && a < 0) ? (U)(0u - (U)a) : (U)a; } \
  static inline U N##_gcd(T a, T b) {                                       \
    U x = N##_mag(a), y = N##_mag(b), t;                                    \
    while (x) { t = x; x = (U)(y % x); y = t; }                             \
    return y;                                                               \
  }                                                                         \
  static inline U N##_lcm(T a, T b) {                                       \
    U g = N##_gcd(a, b);                                                    \
    return g ? (U)((UW)(N##_mag(a) / g) * (UW)N##_mag(b)) : 0;              \
  }
INT_TYPES(INT_RECIP0)
INT_TYPES(INT_MATH)

#define REAL_MATH(N, T, S)                                                  \
  UNLOOP(square_##N, T, T, a * a)                                           \
  UNLOOP(reciprocal_##N, T, T, 1 / a)                                       \
  UNLOOP(sign_##N, T, T, N##_sign(a))                                       \
  UNLOOP(conjugate_##N, T, T, a)                                            \
  UNLOOP(isnan_##N, T, uint8_t, isnan(a) != 0)                              \
  UNLOOP(isinf_##N, T, uint8_t, isinf(a) != 0)                              \
  UNLOOP(isfinite_##N, T, uint8_t, isfinite(a) != 0)
FLOAT_TYPES(REAL_MATH)

#define CPLX_MATH(N, T, R, S)                                               \
  UNLOOP(square_##N, T, T, N##_mul(a, a))                                   \
  UNLOOP(reciprocal_##N, T, T, N##_reciprocal(a))                           \
  UNLOOP(sign_##N, T, T, N##_sign(a))                                       \
  UNLOOP(conjugate_##N, T, T, ((T){a.re, -a.im}))                           \
  UNLOOP(isnan_##N, T, uint8_t, isnan(a.re) || isnan(a.im))                 \
  UNLOOP(isinf_##N, T, uint8_t, isinf(a.re) || isinf(a.im))                 \
  UNLOOP(isfinite_##N, T, uint8_t, isfinite(a.re) && isfinite(a.im))
COMPLEX_TYPES(CPLX_MATH)

UNLOOP(floor_bool, uint8_t, uint8_t, a)
UNLOOP(ceil_bool, uint8_t, uint8_t, a)
UNLOOP(trunc_bool, uint8_t, uint8_t, a)
UNLOOP(isnan_bool, uint8_t, uint8_t, ((void)a, 0))
UNLOOP(isinf_bool, uint8_t, uint8_t, ((void)a, 0))
UNLOOP(isfinite_bool, uint8_t, uint8_t, ((void)a, 1))

/* ------------------------------------------------------- the table */
#define FLOATS(op) LOOPS_FLOAT(op)
#define INEXACT(op) LOOPS_FLOAT(op), LOOPS_COMPLEX(op)

const lpy_ufunc lpy_math_ufuncs[] = {
  {"sqrt", 1, LPY_OUT_SAME, 0, {INEXACT(sqrt)}},
  {"cbrt", 1, LPY_OUT_SAME, 0, {FLOATS(cbrt)}},
  {"i0", 1, LPY_OUT_SAME, LPY_UF_INEXACT, {FLOATS(i0)}},
  {"exp", 1, LPY_OUT_SAME, 0, {INEXACT(exp)}},
  {"exp2", 1, LPY_OUT_SAME, 0, {INEXACT(exp2)}},
  {"expm1", 1, LPY_OUT_SAME, 0, {INEXACT(expm1)}},
  {"log", 1, LPY_OUT_SAME, 0, {INEXACT(log)}},
  {"log2", 1, LPY_OUT_SAME, 0, {INEXACT(log2)}},
  {"log10", 1, LPY_OUT_SAME, 0, {INEXACT(log10)}},
  {"log1p", 1, LPY_OUT_SAME, 0, {INEXACT(log1p)}},
  {"sin", 1, LPY_OUT_SAME, 0, {INEXACT(sin)}},
  {"cos", 1, LPY_OUT_SAME, 0, {INEXACT(cos)}},
  {"tan", 1, LPY_OUT_SAME, 0, {INEXACT(tan)}},
  {"arcsin", 1, LPY_OUT_SAME, 0, {INEXACT(arcsin)}},
  {"arccos", 1, LPY_OUT_SAME, 0, {INEXACT(arccos)}},
  {"arctan", 1, LPY_OUT_SAME, 0, {INEXACT(arctan)}},
  {"sinh", 1, LPY_OUT_SAME, 0, {INEXACT(sinh)}},
  {"cosh", 1, LPY_OUT_SAME, 0, {INEXACT(cosh)}},
  {"tanh", 1, LPY_OUT_SAME, 0, {INEXACT(tanh)}},
  {"arcsinh", 1, LPY_OUT_SAME, 0, {INEXACT(arcsinh)}},
  {"arccosh", 1, LPY_OUT_SAME, 0, {INEXACT(arccosh)}},
  {"arctanh", 1, LPY_OUT_SAME, 0, {INEXACT(arctanh)}},
  /* integers and bools come back unchanged, in their dtype (NumPy 2.1) */
  {"floor", 1, LPY_OUT_SAME, 0, {L_(floor, bool), LOOPS_REAL(floor)}},
  {"ceil", 1, LPY_OUT_SAME, 0, {L_(ceil, bool), LOOPS_REAL(ceil)}},
  {"trunc", 1, LPY_OUT_SAME, 0, {L_(trunc, bool), LOOPS_REAL(trunc)}},
  {"rint", 1, LPY_OUT_SAME, 0, {INEXACT(rint)}},
  {"deg2rad", 1, LPY_OUT_SAME, 0, {FLOATS(deg2rad)}},
  {"rad2deg", 1, LPY_OUT_SAME, 0, {FLOATS(rad2deg)}},
  {"spacing", 1, LPY_OUT_SAME, 0, {FLOATS(spacing)}},
  {"signbit", 1, LPY_OUT_BOOL, 0, {FLOATS(signbit)}},
  {"square", 1, LPY_OUT_SAME, 0, {LOOPS_NUM(square)}},
  {"reciprocal", 1, LPY_OUT_SAME, 0, {LOOPS_NUM(reciprocal)}},
  {"sign", 1, LPY_OUT_SAME, LPY_UF_NOBOOLIN, {LOOPS_NUM(sign)}},
  {"conjugate", 1, LPY_OUT_SAME, 0, {LOOPS_NUM(conjugate)}},
  {"isnan", 1, LPY_OUT_BOOL, 0, {LOOPS_ALL(isnan)}},
  {"isinf", 1, LPY_OUT_BOOL, 0, {LOOPS_ALL(isinf)}},
  {"isfinite", 1, LPY_OUT_BOOL, 0, {LOOPS_ALL(isfinite)}},
  {"arctan2", 2, LPY_OUT_SAME, 0, {FLOATS(arctan2)}},
  {"hypot", 2, LPY_OUT_SAME, 0, {FLOATS(hypot)}},
  {"copysign", 2, LPY_OUT_SAME, 0, {FLOATS(copysign)}},
  {"nextafter", 2, LPY_OUT_SAME, 0, {FLOATS(nextafter)}},
  {"logaddexp", 2, LPY_OUT_SAME, 0, {FLOATS(logaddexp)}},
  {"logaddexp2", 2, LPY_OUT_SAME, 0, {FLOATS(logaddexp2)}},
  {"heaviside", 2, LPY_OUT_SAME, 0, {FLOATS(heaviside)}},
  {"float_power", 2, LPY_OUT_SAME, 0,
   {L_(float_power, float64), L_(float_power, complex128)}},
  {"modf_frac", 1, LPY_OUT_SAME, 0, {FLOATS(modf_frac)}},
  {"modf_int", 1, LPY_OUT_SAME, 0, {FLOATS(modf_int)}},
  {"frexp_mant", 1, LPY_OUT_SAME, 0, {FLOATS(frexp_mant)}},
  {"frexp_exp", 1, LPY_OUT_INT32, 0, {FLOATS(frexp_exp)}},
  {"ldexp", 2, LPY_OUT_SAME, LPY_UF_FIRSTTYPE, {FLOATS(ldexp)}},
  {"gcd", 2, LPY_OUT_SAME, LPY_UF_NOBOOLIN, {LOOPS_INT(gcd)}},
  {"lcm", 2, LPY_OUT_SAME, LPY_UF_NOBOOLIN, {LOOPS_INT(lcm)}},
  {NULL, 0, 0, 0, {0}}
};
