/*
** kernels.c - the hot kernels, one source compiled once per SIMD level.
** The Makefile compiles this file with each level's flags and
** -DLPY_SIMD_LEVEL=<name>; each build defines one function,
** lpy_simd_fill_<name>, that stores its kernels into a dispatch table
** (simd.h). The loops are the same expressions as the generic ones
** (loopdefs.h, convdefs.h), vectorized by the compiler for the level, so
** arithmetic, comparisons, min/max, casts and sums give identical results
** at every level. exp, log, sin, cos, tanh and power call libm at levels
** below AVX2; from AVX2 up they run vector code written with GCC's vector
** extensions (vmath.h, and a vmath_<function>.h per function) or SLEEF's
** 1-ULP vector functions, and lanes with special results go to libm.
** Rules for a level file: everything static except the fill function, no
** globals, no constructors (code built with -mavx2 must never be reached
** from a caller that did not choose this level).
*/
#include "../core/loopdefs.h"
#include "../core/convdefs.h"
#include "../core/simd.h"

#ifndef LPY_SIMD_LEVEL
#error "compile kernels.c with -DLPY_SIMD_LEVEL=<level name>"
#endif
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

/* ------------------------------------------------------- elementwise */
INT_TYPES(HOT_INT_LOOPS)
FLOAT_TYPES(HOT_FLOAT_LOOPS)
UNLOOP_A(LPY_WIDE, sqrt_float32, float, float, sqrtf(a))
UNLOOP_A(LPY_WIDE, sqrt_float64, double, double, sqrt(a))
#if defined(__AVX512F__)
/* the divider-bound loops on 256-bit vectors, for LPY_TUNE_NARROW_DIV */
UNLOOP(sqrt_float32_n, float, float, sqrtf(a))
UNLOOP(sqrt_float64_n, double, double, sqrt(a))
BINLOOP_NT_W(true_divide_float64_n, double, a / b, va / vb, 0)
#endif

/* ------------------------------------------------------- vector math */
#include "vmath.h"

#if VMATH
/* The lanes a function's mask selects (special inputs and results: nan,
   infinities, overflow, underflow, arguments outside the vector code's
   range) are computed again by libm, so that special values and the
   overflow and underflow boundaries are libm's. */
#define FIXUP1(T, V, r, v, LIBM, MASK)                                      \
  do {                                                                      \
    unsigned bad_ = MASK(r, v);                                             \
    if (bad_) {                                                             \
      T in_[sizeof(V) / sizeof(T)], out_[sizeof(V) / sizeof(T)];           \
      int k_;                                                               \
      STOREV(V, in_, v);                                                    \
      STOREV(V, out_, r);                                                   \
      for (k_ = 0; k_ < (int)(sizeof(V) / sizeof(T)); k_++)                 \
        if (bad_ >> k_ & 1) out_[k_] = LIBM(in_[k_]);                       \
      (r) = LOADV(V, out_);                                                 \
    }                                                                       \
  } while (0)
#define FIXUP2(T, V, r, u, v, LIBM, MASK)                                   \
  do {                                                                      \
    unsigned bad_ = MASK(r, u, v);                                          \
    if (bad_) {                                                             \
      T a_[sizeof(V) / sizeof(T)], b_[sizeof(V) / sizeof(T)];               \
      T out_[sizeof(V) / sizeof(T)];                                        \
      int k_;                                                               \
      STOREV(V, a_, u);                                                     \
      STOREV(V, b_, v);                                                     \
      STOREV(V, out_, r);                                                   \
      for (k_ = 0; k_ < (int)(sizeof(V) / sizeof(T)); k_++)                 \
        if (bad_ >> k_ & 1) out_[k_] = LIBM(a_[k_], b_[k_]);                \
      (r) = LOADV(V, out_);                                                 \
    }                                                                       \
  } while (0)

/* Whole vectors straight from contiguous memory, two at a time so that two
   dependency chains are in flight; strided operands and the tail go through
   a buffer of one vector, so every element gets the same lane-wise function
   whatever the layout. Unused tail lanes hold 1. MASK(r, v): the lanes
   (bits) to compute again with libm, from the results r and inputs v. */
#define VUNARY(NAME, T, V, FN, LIBM, MASK)                                  \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    enum { W = sizeof(V) / sizeof(T) };                                     \
    char *o = args[0];                                                      \
    const char *x = args[1];                                                \
    int64_t i = 0, j, m;                                                    \
    V v, r;                                                                 \
    T buf[W];                                                               \
    (void)ctx;                                                              \
    if (s[0] == (int64_t)sizeof(T) && s[1] == (int64_t)sizeof(T)) {         \
      while (i + 2 * W <= n) {                                              \
        V v2, r2;                                                           \
        /* no call in this loop, so its constants stay in registers; it    \
           stops before storing a pair that has lanes for libm (the output  \
           may be the input) */                                             \
        for (; i + 2 * W <= n; i += 2 * W) {                                \
          v = LOADV(V, x + i * (int64_t)sizeof(T));                         \
          v2 = LOADV(V, x + (i + W) * (int64_t)sizeof(T));                  \
          r = FN(v);                                                        \
          r2 = FN(v2);                                                      \
          if (MASK(r, v) | MASK(r2, v2)) break;                             \
          STOREV(V, o + i * (int64_t)sizeof(T), r);                         \
          STOREV(V, o + (i + W) * (int64_t)sizeof(T), r2);                  \
        }                                                                   \
        if (i + 2 * W > n) break;                                           \
        FIXUP1(T, V, r, v, LIBM, MASK);                                     \
        FIXUP1(T, V, r2, v2, LIBM, MASK);                                   \
        STOREV(V, o + i * (int64_t)sizeof(T), r);                           \
        STOREV(V, o + (i + W) * (int64_t)sizeof(T), r2);                    \
        i += 2 * W;                                                         \
      }                                                                     \
    }                                                                       \
    for (; i < n; i += m) {                                                 \
      m = n - i < W ? n - i : W;                                            \
      for (j = 0; j < W; j++)                                               \
        buf[j] = j < m ? *(const T *)(x + (i + j) * s[1]) : (T)1;           \
      v = LOADV(V, buf);                                                    \
      r = FN(v);                                                            \
      FIXUP1(T, V, r, v, LIBM, MASK);                                       \
      STOREV(V, buf, r);                                                    \
      for (j = 0; j < m; j++) *(T *)(o + (i + j) * s[0]) = buf[j];          \
    }                                                                       \
  }

#define VBINARY(NAME, T, V, FN, LIBM, MASK)                                 \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    enum { W = sizeof(V) / sizeof(T) };                                     \
    char *o = args[0];                                                      \
    const char *x = args[1], *y = args[2];                                  \
    int64_t i = 0, j, m;                                                    \
    V u, v, r;                                                              \
    T bx[W], by[W];                                                         \
    (void)ctx;                                                              \
    if (s[0] == (int64_t)sizeof(T) && s[1] == (int64_t)sizeof(T) &&         \
        s[2] == (int64_t)sizeof(T))                                         \
      while (i + W <= n) {                                                  \
        /* as in VUNARY: no call in the inner loop */                       \
        for (; i + W <= n; i += W) {                                        \
          u = LOADV(V, x + i * (int64_t)sizeof(T));                         \
          v = LOADV(V, y + i * (int64_t)sizeof(T));                         \
          r = FN(u, v);                                                     \
          if (MASK(r, u, v)) break;                                         \
          STOREV(V, o + i * (int64_t)sizeof(T), r);                         \
        }                                                                   \
        if (i + W > n) break;                                               \
        FIXUP2(T, V, r, u, v, LIBM, MASK);                                  \
        STOREV(V, o + i * (int64_t)sizeof(T), r);                           \
        i += W;                                                             \
      }                                                                     \
    for (; i < n; i += m) {                                                 \
      m = n - i < W ? n - i : W;                                            \
      for (j = 0; j < W; j++) {                                             \
        bx[j] = j < m ? *(const T *)(x + (i + j) * s[1]) : (T)1;            \
        by[j] = j < m ? *(const T *)(y + (i + j) * s[2]) : (T)1;            \
      }                                                                     \
      u = LOADV(V, bx);                                                     \
      v = LOADV(V, by);                                                     \
      r = FN(u, v);                                                         \
      FIXUP2(T, V, r, u, v, LIBM, MASK);                                    \
      STOREV(V, bx, r);                                                     \
      for (j = 0; j < m; j++) *(T *)(o + (i + j) * s[0]) = bx[j];           \
    }                                                                       \
  }

/* One header per function (vmath_<function>.h) gives the lane-wise code and
   the mask of lanes to redo with libm. float32 exp is still SLEEF's, with
   every nan, infinite or zero result redone. */
#include "vmath_exp.h"
#include "vmath_log.h"
#include "vmath_sincos.h"
#include "vmath_tanh.h"
#include "vmath_pow.h"
#include "vmath_f32.h"
#include "vmath_sincos_f32.h"
#include "vmath_pow_f32.h"
#define SLEEF_SPECIAL_F(r, v) BAD_VF(r, 1)
VUNARY(exp_float32, float, VF, SLEEF_F(exp), expf, SLEEF_SPECIAL_F)
VUNARY(exp_float64, double, VD, vexp_d, exp, EXP_RANGE_D)
VUNARY(log_float32, float, VF, vlog_f, logf, LOG_RANGE_F)
VUNARY(log_float64, double, VD, vlog_d, log, LOG_RANGE_D)
VUNARY(sin_float32, float, VF, vsin_f, sinf, SIN_RANGE_F)
VUNARY(sin_float64, double, VD, vsin_d, sin, SIN_RANGE_D)
VUNARY(cos_float32, float, VF, vcos_f, cosf, COS_RANGE_F)
VUNARY(cos_float64, double, VD, vcos_d, cos, COS_RANGE_D)
VUNARY(tanh_float32, float, VF, vtanh_f, tanhf, TANH_RANGE_F)
VUNARY(tanh_float64, double, VD, vtanh_d, tanh, TANH_RANGE_D)
VBINARY(power_float32, float, VF, vpow_f, powf, POW_RANGE_F)
VBINARY(power_float64, double, VD, vpow_d, pow, POW_RANGE_D)
#else
/* the generic loops' own expressions (mathloops.c, loops.c) */
#define MATH1(OP, FN) UNLOOP(OP##_float32, float, float, FN##f(a))          \
  UNLOOP(OP##_float64, double, double, FN(a))
MATH1(exp, exp)
MATH1(log, log)
MATH1(sin, sin)
MATH1(cos, cos)
MATH1(tanh, tanh)
BINLOOP(power_float32, float, float, powf(a, b))
BINLOOP(power_float64, double, double, pow(a, b))
#endif

/* ------------------------------------------------------- casts */

/* X(source, C type, kind, destination, C type, kind): the hot pairs */
#define HOT_CASTS(X)                                                        \
  X(float32, float, F, float64, double, F) X(float32, float, F, int32, int32_t, I) \
  X(float32, float, F, int64, int64_t, I) X(float64, double, F, float32, float, F) \
  X(float64, double, F, int32, int32_t, I) X(float64, double, F, int64, int64_t, I) \
  X(int32, int32_t, I, float32, float, F) X(int32, int32_t, I, float64, double, F) \
  X(int32, int32_t, I, int64, int64_t, I) X(int64, int64_t, I, float32, float, F) \
  X(int64, int64_t, I, float64, double, F) X(int64, int64_t, I, int32, int32_t, I)
HOT_CASTS(CASTFN_NT)

/* ------------------------------------------------------- reductions */
/* NumPy's pairwise summation: below 8 elements one by one; up to 128 in
   eight interleaved partial sums added as a tree; above that, split in two
   at a multiple of 8. The order is fixed, so every level agrees and the
   result matches NumPy's. */
#define PAIRWISE(N, T)                                                      \
  static LPY_WIDE T N##_pairwise(const char *p, int64_t n, int64_t s) {     \
    int64_t i, j;                                                           \
    if (n < 8) {                                                            \
      T r = (T)-0.0;                                                        \
      for (i = 0; i < n; i++) r += *(const T *)(p + i * s);                 \
      return r;                                                             \
    }                                                                       \
    if (n <= 128) {                                                         \
      T r[8], res;                                                          \
      int64_t m = n - n % 8;                                                \
      if (s == (int64_t)sizeof(T)) {                                        \
        const T *X = (const T *)p;                                          \
        for (j = 0; j < 8; j++) r[j] = X[j];                                \
        for (i = 8; i < m; i += 8)                                          \
          for (j = 0; j < 8; j++) r[j] += X[i + j];                         \
      } else {                                                              \
        for (j = 0; j < 8; j++) r[j] = *(const T *)(p + j * s);             \
        for (i = 8; i < m; i += 8)                                          \
          for (j = 0; j < 8; j++) r[j] += *(const T *)(p + (i + j) * s);    \
      }                                                                     \
      res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])); \
      for (i = m; i < n; i++) res += *(const T *)(p + i * s);               \
      return res;                                                           \
    }                                                                       \
    {                                                                       \
      int64_t h = n / 2;                                                    \
      h -= h % 8;                                                           \
      return N##_pairwise(p, h, s) + N##_pairwise(p + h * s, n - h, s);     \
    }                                                                       \
  }                                                                         \
  static void sum_##N(const char *p, int64_t n, int64_t s, void *out) {     \
    *(T *)out = N##_pairwise(p, n, s);                                      \
  }
PAIRWISE(float32, float)
PAIRWISE(float64, double)

static void sum_int64(const char *p, int64_t n, int64_t s, void *out) {
  uint64_t r = 0;
  int64_t i;
  if (s == 8)
    for (i = 0; i < n; i++) r += (uint64_t)((const int64_t *)p)[i];
  else
    for (i = 0; i < n; i++) r += (uint64_t)*(const int64_t *)(p + i * s);
  *(int64_t *)out = (int64_t)r;
}

/* min/max: running lanes over contiguous data, kept in the level's vectors
   (RED_VBYTES wide) and folded in a fixed order. Floats use a fixed number
   of lanes (256 bytes' worth) so that the result (which zero, which nan) is
   the same at every level; integers four vectors, any count giving the same
   integer. VWIN(a, b) is the lane mask where the running value a stays. */
#if defined(__AVX512F__)
#define RED_VBYTES 64
#elif defined(__AVX2__)
#define RED_VBYTES 32
#else
#define RED_VBYTES 16
#endif
#define MINMAX_RED(NAME, T, OP, VWIN, NLANES)                               \
  static void NAME(const char *p, int64_t n, int64_t s, void *out) {        \
    typedef T V __attribute__((vector_size(RED_VBYTES)));                   \
    typedef __typeof__((V){0} < (V){0}) VI;                                 \
    enum { W = RED_VBYTES / sizeof(T), NL = (NLANES), K = NL / W };         \
    T r = *(const T *)p;                                                    \
    int64_t i = 1, j;                                                       \
    if (s == (int64_t)sizeof(T) && n >= 2 * NL) {                           \
      V acc[K], x;                                                          \
      T fold[NL];                                                           \
      int k;                                                                \
      memcpy(acc, p, sizeof acc);                                           \
      for (i = NL; i + NL <= n; i += NL)                                    \
        for (k = 0; k < K; k++) {                                           \
          VI m;                                                             \
          memcpy(&x, p + (i + k * W) * (int64_t)sizeof(T), sizeof x);       \
          m = VWIN(acc[k], x);                                              \
          acc[k] = (V)((m & (VI)acc[k]) | (~m & (VI)x));                    \
        }                                                                   \
      memcpy(fold, acc, sizeof acc);                                        \
      r = fold[0];                                                          \
      for (j = 1; j < NL; j++) { T a = r, b = fold[j]; r = OP; }            \
    }                                                                       \
    for (; i < n; i++) { T a = r, b = *(const T *)(p + i * s); r = OP; }    \
    *(T *)out = r;                                                          \
  }
/* the lane-wise forms of FMINE/FMAXE (a nan in a wins) and MINE/MAXE */
#define VFMIN(a, b) (((a) < (b)) | ((a) != (a)))
#define VFMAX(a, b) (((a) > (b)) | ((a) != (a)))
#define VIMIN(a, b) ((a) <= (b))
#define VIMAX(a, b) ((a) >= (b))
#define FLOAT_LANES(T) (256 / sizeof(T))
#define INT_LANES(T) (4 * RED_VBYTES / sizeof(T))
MINMAX_RED(min_float32, float, FMINE(a, b), VFMIN, FLOAT_LANES(float))
MINMAX_RED(min_float64, double, FMINE(a, b), VFMIN, FLOAT_LANES(double))
MINMAX_RED(max_float32, float, FMAXE(a, b), VFMAX, FLOAT_LANES(float))
MINMAX_RED(max_float64, double, FMAXE(a, b), VFMAX, FLOAT_LANES(double))
#define INT_MINMAX(N, T, U, UW, BITS, SIGNED)                               \
  MINMAX_RED(min_##N, T, MINE(a, b), VIMIN, INT_LANES(T))                   \
  MINMAX_RED(max_##N, T, MAXE(a, b), VIMAX, INT_LANES(T))
INT_TYPES(INT_MINMAX)

/* ------------------------------------------------------- the fill */
#define SET(K, N, F, V) t->loop[LPY_SK_##K][LPY_##N] = F##_##N;            \
  t->vec[LPY_SK_##K][LPY_##N] = (V);
#define SET_INT(N, T, U, UW, BITS, SIGNED)                                  \
  SET(add, N, add, 1) SET(subtract, N, subtract, 1)                         \
  SET(multiply, N, multiply, 1) SET(maximum, N, maximum, 1)                 \
  SET(minimum, N, minimum, 1) SET(fmax, N, maximum, 1)                      \
  SET(fmin, N, minimum, 1) SET(equal, N, equal, 1)                          \
  SET(not_equal, N, not_equal, 1) SET(less, N, less, 1)                     \
  SET(less_equal, N, less_equal, 1) SET(greater, N, greater, 1)             \
  SET(greater_equal, N, greater_equal, 1) SET(absolute, N, absolute, 1)
#define SET_FLOAT(N, T, S)                                                  \
  SET(add, N, add, 1) SET(subtract, N, subtract, 1)                         \
  SET(multiply, N, multiply, 1) SET(true_divide, N, true_divide, 1)         \
  SET(maximum, N, maximum, 1) SET(minimum, N, minimum, 1)                   \
  SET(fmax, N, fmax, 1) SET(fmin, N, fmin, 1) SET(equal, N, equal, 1)       \
  SET(not_equal, N, not_equal, 1) SET(less, N, less, 1)                     \
  SET(less_equal, N, less_equal, 1) SET(greater, N, greater, 1)             \
  SET(greater_equal, N, greater_equal, 1) SET(absolute, N, absolute, 1)     \
  SET(sqrt, N, sqrt, 1) SET(exp, N, exp, VMATH) SET(log, N, log, VMATH)     \
  SET(sin, N, sin, VMATH) SET(cos, N, cos, VMATH)                           \
  SET(tanh, N, tanh, VMATH) SET(power, N, power, VMATH)
#define SET_CAST(A, AT, AK, B, BT, BK) t->cast[LPY_##A][LPY_##B] = cast_##A##_##B;
#define SET_RED(K, R, N) t->reduce[LPY_RED_##K][LPY_##N] = R##_##N;
#define SET_RED_INT(N, T, U, UW, BITS, SIGNED) SET_RED(MIN, min, N) SET_RED(MAX, max, N)

void CAT(lpy_simd_fill_, LPY_SIMD_LEVEL)(lpy_simd_table *t);
void CAT(lpy_simd_fill_, LPY_SIMD_LEVEL)(lpy_simd_table *t) {
  INT_TYPES(SET_INT)
  FLOAT_TYPES(SET_FLOAT)
  HOT_CASTS(SET_CAST)
  SET_RED(SUM, sum, float32) SET_RED(SUM, sum, float64) SET_RED(SUM, sum, int64)
  SET_RED(MIN, min, float32) SET_RED(MIN, min, float64)
  SET_RED(MAX, max, float32) SET_RED(MAX, max, float64)
  INT_TYPES(SET_RED_INT)
#if defined(__AVX512F__)
  if (t->tune & LPY_TUNE_NARROW_DIV) {
    t->loop[LPY_SK_sqrt][LPY_FLOAT32] = sqrt_float32_n;
    t->loop[LPY_SK_sqrt][LPY_FLOAT64] = sqrt_float64_n;
    t->loop[LPY_SK_true_divide][LPY_FLOAT64] = true_divide_float64_n;
  }
#endif
}
