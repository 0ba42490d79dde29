/*
** loopdefs.h - what the loop files share: the macros that turn an element
** expression into an inner loop of every shape (contiguous, scalar operand,
** strided), complex helpers, and the macros that fill a ufunc's loop table.
** Internal to the core; each includer gets its own static copies.
*/
#ifndef LPY_LOOPDEFS_H
#define LPY_LOOPDEFS_H

#include <math.h>
#include <complex.h>
#include <string.h>
#if defined(__x86_64__)
#include <emmintrin.h>
#endif
#include "lpy.h"
#include "ctypes.h"
#include "ufunc.h"
#include "ntstore.h"

/* ------------------------------------------------------- loop shapes */
/* Each loop shape handles the contiguous case in a plain indexed loop that
   the compiler vectorizes for whatever SIMD level the including file is
   compiled at (src/simd/kernels.c is compiled once per level). UNLOOP_A
   takes an attribute for the function, such as LPY_WIDE (below). */
#define UNLOOP(NAME, T, OT, EXPR) UNLOOP_A(, NAME, T, OT, EXPR)

/* At the AVX-512 level the compiler's loops use 256-bit vectors, which
   stream from the L3 cache and memory faster on AMD Zen 4; loops that
   compute more than they move (square root, sums) and binary loops over
   at most WIDE_MAX bytes an operand (data in the L1 and L2 caches, such as
   a row added into the accumulator of a reduction) keep 512-bit ones
   (docs/simd.md); float64 division, bound by the divider, keeps them up
   to DIV_WIDE_MAX an operand (on Intel CPUs the square root and float64
   division take 256-bit loops instead: LPY_TUNE_NARROW_DIV in simd.h).
   WIDE_BIN defines NAME_w, the contiguous binary loop at 512 bits (not
   inlined, so the attribute holds), and WIDE_CALL runs it for a call of
   at most WMAX bytes an operand, unless the output starts a little (up to
   256 bytes) past an input modulo 4 KiB: a load then looks to the CPU
   like a load of the 512-bit stores just made (4K aliasing) and waits for
   them, which made division 10-20% slower; 256-bit loops do not suffer
   it. */
#if defined(__x86_64__) && defined(__AVX512F__)
#define LPY_WIDE __attribute__((target("prefer-vector-width=512")))
#define WIDE_MAX ((int64_t)32 << 10)
#define DIV_WIDE_MAX ((int64_t)2 << 20)
#define WIDE_BIN(NAME, T, OT, EXPR)                                         \
  static LPY_WIDE __attribute__((noinline)) void NAME##_w(                  \
      const T *X, const T *Y, OT *O, int64_t n) {                           \
    int64_t i;                                                              \
    for (i = 0; i < n; i++) { T a = X[i], b = Y[i]; O[i] = (EXPR); }        \
  }
#define NEAR_4K(o, x) ((((uintptr_t)(o) - (uintptr_t)(x)) & 4095) - 1 < 256)
#define WIDE_CALL(NAME, T, X, Y, O, n, WMAX)                                \
  if ((n) * (int64_t)sizeof(T) <= (WMAX) && !NEAR_4K(O, X) &&               \
      !NEAR_4K(O, Y)) {                                                     \
    NAME##_w(X, Y, O, n);                                                   \
    return;                                                                 \
  }
#else
#define LPY_WIDE
#define WIDE_BIN(NAME, T, OT, EXPR)
#define WIDE_CALL(NAME, T, X, Y, O, n, WMAX)
#endif

#define BINLOOP(NAME, T, OT, EXPR) BINLOOP_W(NAME, T, OT, EXPR, WIDE_MAX)
#define BINLOOP_W(NAME, T, OT, EXPR, WMAX)                                  \
  WIDE_BIN(NAME, T, OT, EXPR)                                               \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    char *o = args[0], *x = args[1], *y = args[2];                          \
    int64_t i;                                                              \
    (void)ctx;                                                              \
    if (s[0] == (int64_t)sizeof(OT) && s[1] == (int64_t)sizeof(T) &&        \
        s[2] == (int64_t)sizeof(T)) {                                       \
      const T *X = (const T *)x, *Y = (const T *)y;                         \
      OT *O = (OT *)o;                                                      \
      WIDE_CALL(NAME, T, X, Y, O, n, WMAX)                                  \
      for (i = 0; i < n; i++) { T a = X[i], b = Y[i]; O[i] = (EXPR); }      \
    } else if (s[0] == (int64_t)sizeof(OT) && s[1] == (int64_t)sizeof(T) && \
               s[2] == 0) {                                                 \
      const T *X = (const T *)x;                                            \
      const T b = *(const T *)y;                                            \
      OT *O = (OT *)o;                                                      \
      for (i = 0; i < n; i++) { T a = X[i]; O[i] = (EXPR); }                \
    } else if (s[0] == (int64_t)sizeof(OT) && s[1] == 0 &&                  \
               s[2] == (int64_t)sizeof(T)) {                                \
      const T a = *(const T *)x, *Y = (const T *)y;                         \
      OT *O = (OT *)o;                                                      \
      for (i = 0; i < n; i++) { T b = Y[i]; O[i] = (EXPR); }                \
    } else {                                                                \
      for (i = 0; i < n; i++, o += s[0], x += s[1], y += s[2]) {            \
        T a = *(const T *)x, b = *(const T *)y;                             \
        *(OT *)o = (EXPR);                                                  \
      }                                                                     \
    }                                                                       \
  }

#define UNLOOP_A(ATTR, NAME, T, OT, EXPR)                                   \
  static ATTR void NAME(char **args, int64_t n, const int64_t *s, void *ctx) { \
    char *o = args[0], *x = args[1];                                        \
    int64_t i;                                                              \
    (void)ctx;                                                              \
    if (s[0] == (int64_t)sizeof(OT) && s[1] == (int64_t)sizeof(T)) {        \
      const T *X = (const T *)x;                                            \
      OT *O = (OT *)o;                                                      \
      for (i = 0; i < n; i++) { T a = X[i]; O[i] = (EXPR); }                \
    } else {                                                                \
      for (i = 0; i < n; i++, o += s[0], x += s[1]) {                       \
        T a = *(const T *)x;                                                \
        *(OT *)o = (EXPR);                                                  \
      }                                                                     \
    }                                                                       \
  }

/* Float loops on long contiguous runs: an output of NT_MIN bytes or more
   cannot stay in the caches, so it is written with non-temporal stores,
   which skip reading the destination lines first (about 1.3x the
   bandwidth here). EXPR is the element expression (of a, or a and b) and
   VEXPR the same on 16-byte vectors va, vb (V; VI is the integer vector of
   V's comparisons, VSEL a lane-wise select): the results are the same. */
#define NT_MIN LPY_NT_MIN
#define VSEL(m, p, q) ((V)(((m) & (VI)(p)) | (~(m) & (VI)(q))))
#if defined(__x86_64__)
#define NT_BODY(T, NIN, EXPR, VEXPR)                                        \
    typedef T V __attribute__((vector_size(16)));                           \
    typedef __typeof__((V){0} < (V){0}) VI __attribute__((unused));        \
    const int64_t k = 16 / (int64_t)sizeof(T);                              \
    const T *X = (const T *)x, *Y = (const T *)y;                           \
    int64_t i = 0;                                                          \
    T *O = (T *)o;                                                          \
    for (; i < n && ((uintptr_t)(O + i) & 15); i++) {                       \
      T a = X[i], b = NIN > 1 ? Y[i] : (T)0;                                \
      (void)b;                                                              \
      O[i] = (EXPR);                                                        \
    }                                                                       \
    for (; i + k <= n; i += k) {                                            \
      V va, vb = {0}, r;                                                    \
      memcpy(&va, X + i, 16);                                               \
      if (NIN > 1) memcpy(&vb, Y + i, 16);                                  \
      (void)vb;                                                             \
      r = (VEXPR);                                                          \
      _mm_stream_si128((__m128i *)(O + i), (__m128i)r);                     \
    }                                                                       \
    for (; i < n; i++) {                                                    \
      T a = X[i], b = NIN > 1 ? Y[i] : (T)0;                                \
      (void)b;                                                              \
      O[i] = (EXPR);                                                        \
    }                                                                       \
    _mm_sfence();
#define BINLOOP_NT(NAME, T, EXPR, VEXPR)                                    \
  BINLOOP_NT_W(NAME, T, EXPR, VEXPR, WIDE_MAX)
#define BINLOOP_NT_W(NAME, T, EXPR, VEXPR, WMAX)                            \
  static void NAME##_nt(char *o, const char *x, const char *y, int64_t n) { \
    NT_BODY(T, 2, EXPR, VEXPR)                                              \
  }                                                                         \
  BINLOOP_W(NAME##_cached, T, T, EXPR, WMAX)                                \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    if (n * (int64_t)sizeof(T) >= NT_MIN && s[0] == (int64_t)sizeof(T) &&   \
        s[1] == (int64_t)sizeof(T) && s[2] == (int64_t)sizeof(T))           \
      NAME##_nt(args[0], args[1], args[2], n);                              \
    else                                                                    \
      NAME##_cached(args, n, s, ctx);                                       \
  }
#define UNLOOP_NT(NAME, T, EXPR, VEXPR)                                     \
  static void NAME##_nt(char *o, const char *x, int64_t n) {                \
    const char *y = x;                                                      \
    NT_BODY(T, 1, EXPR, VEXPR)                                              \
  }                                                                         \
  UNLOOP(NAME##_cached, T, T, EXPR)                                         \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    if (n * (int64_t)sizeof(T) >= NT_MIN && s[0] == (int64_t)sizeof(T) &&   \
        s[1] == (int64_t)sizeof(T))                                         \
      NAME##_nt(args[0], args[1], n);                                       \
    else                                                                    \
      NAME##_cached(args, n, s, ctx);                                       \
  }
/* a comparison of inputs of NT_MIN bytes or more: its bool output, an
   eighth to a quarter of that, cannot stay in the caches either, and is
   streamed out (ntstore.h) */
#define CMPLOOP(NAME, T, EXPR)                                              \
  BINLOOP(NAME##_cached, T, uint8_t, EXPR)                                  \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    if (n * (int64_t)sizeof(T) >= NT_MIN && s[0] == 1 &&                    \
        s[1] == (int64_t)sizeof(T) && s[2] == (int64_t)sizeof(T)) {         \
      const T *X = (const T *)args[1], *Y = (const T *)args[2];             \
      uint8_t *O = (uint8_t *)args[0];                                      \
      int64_t i = 0;                                                        \
      LPY_NT_RUN(LPY_NT_CMP_BLOCK, uint8_t, O,                              \
                 ({ T a = X[k_]; T b = Y[k_]; (uint8_t)(EXPR); }))          \
      for (; i < n; i++) { T a = X[i], b = Y[i]; O[i] = (EXPR); }           \
    } else {                                                                \
      NAME##_cached(args, n, s, ctx);                                       \
    }                                                                       \
  }
#else
#define BINLOOP_NT(NAME, T, EXPR, VEXPR) BINLOOP(NAME, T, T, EXPR)
#define BINLOOP_NT_W(NAME, T, EXPR, VEXPR, WMAX) BINLOOP_W(NAME, T, T, EXPR, WMAX)
#define UNLOOP_NT(NAME, T, EXPR, VEXPR) UNLOOP(NAME, T, T, EXPR)
#define CMPLOOP(NAME, T, EXPR) BINLOOP(NAME, T, uint8_t, EXPR)
#endif

/* a loop that may fail (integer power): the expression sets *err */
#define BINLOOP_ERR(NAME, T, OT, FN)                                        \
  static void NAME(char **args, int64_t n, const int64_t *s, void *ctx) {   \
    char *o = args[0], *x = args[1], *y = args[2];                          \
    int64_t i;                                                              \
    int *err = &((lpy_kctx *)ctx)->err;                                     \
    for (i = 0; i < n; i++, o += s[0], x += s[1], y += s[2])                \
      *(OT *)o = FN(*(const T *)x, *(const T *)y, err);                     \
  }

/* X(name, T, unsigned T, unsigned of at least 32 bits, bits, signed) */
#define INT_TYPES(X)                                                        \
  X(int8, int8_t, uint8_t, uint32_t, 8, 1)                                  \
  X(int16, int16_t, uint16_t, uint32_t, 16, 1)                              \
  X(int32, int32_t, uint32_t, uint32_t, 32, 1)                              \
  X(int64, int64_t, uint64_t, uint64_t, 64, 1)                              \
  X(uint8, uint8_t, uint8_t, uint32_t, 8, 0)                                \
  X(uint16, uint16_t, uint16_t, uint32_t, 16, 0)                            \
  X(uint32, uint32_t, uint32_t, uint32_t, 32, 0)                            \
  X(uint64, uint64_t, uint64_t, uint64_t, 64, 0)

/* X(name, T, libm suffix) */
#define FLOAT_TYPES(X) X(float32, float, f) X(float64, double, )

/* X(name, T, component type, libm suffix) */
#define COMPLEX_TYPES(X) X(complex64, lpy_c64, float, f) \
  X(complex128, lpy_c128, double, )

#define CNAN(x) (isnan((x).re) || isnan((x).im))
/* NumPy's lexicographic order on complex numbers, nan-aware */
#define CLT(a, b) (((a).re < (b).re && !isnan((a).im) && !isnan((b).im)) || \
                   ((a).re == (b).re && (a).im < (b).im))
#define CLE(a, b) (((a).re < (b).re && !isnan((a).im) && !isnan((b).im)) || \
                   ((a).re == (b).re && (a).im <= (b).im))
#define CGE(a, b) (((a).re > (b).re && !isnan((a).im) && !isnan((b).im)) || \
                   ((a).re == (b).re && (a).im >= (b).im))
#define CTRUE(a) ((a).re != 0 || (a).im != 0)

#define COMPLEX_HELPERS(N, T, R, S)                                         \
  static inline T N##_mul(T a, T b) {                                       \
    T r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};           \
    return r;                                                               \
  }                                                                         \
  static inline T N##_div(T a, T b) {   /* Smith's method */                \
    R ar = fabs##S(b.re), ai = fabs##S(b.im), rat, scl;                     \
    T r;                                                                    \
    if (ar >= ai) {                                                         \
      if (ar == 0 && ai == 0) {                                             \
        r.re = a.re / ar; r.im = a.im / ar;                                 \
      } else {                                                              \
        rat = b.im / b.re; scl = (R)1.0 / (b.re + b.im * rat);              \
        r.re = (a.re + a.im * rat) * scl; r.im = (a.im - a.re * rat) * scl; \
      }                                                                     \
    } else {                                                                \
      rat = b.re / b.im; scl = (R)1.0 / (b.im + b.re * rat);                \
      r.re = (a.re * rat + a.im) * scl; r.im = (a.im * rat - a.re) * scl;   \
    }                                                                       \
    return r;                                                               \
  }                                                                         \
  static inline T N##_pow(T a, T b) {                                       \
    T one = {1, 0}, r;                                                      \
    if (b.re == 0 && b.im == 0) return one;                                 \
    if (a.re == 0 && a.im == 0) {                                           \
      if (b.re > 0 && b.im == 0) { T z = {0, 0}; return z; }                \
      r.re = r.im = (R)NAN;                                                 \
      return r;                                                             \
    }                                                                       \
    if (b.im == 0 && b.re > -100 && b.re < 100 && b.re == (R)(int)b.re) {   \
      int k = (int)b.re, m = k < 0 ? -k : k;                                \
      T acc = one, p = a;                                                   \
      if (k == 1) return a;                                                 \
      if (k == 2) return N##_mul(a, a);                                     \
      if (k == 3) return N##_mul(a, N##_mul(a, a));                         \
      for (;;) {                                                            \
        if (m & 1) acc = N##_mul(acc, p);                                   \
        m >>= 1;                                                            \
        if (!m) break;                                                      \
        p = N##_mul(p, p);                                                  \
      }                                                                     \
      return k < 0 ? N##_div(one, acc) : acc;                               \
    }                                                                       \
    {                                                                       \
      R _Complex z = cpow##S(CMPLX##S##_(a), CMPLX##S##_(b));               \
      r.re = creal##S(z); r.im = cimag##S(z);                               \
      return r;                                                             \
    }                                                                       \
  }
/* C99 complex values from parts, exactly (CMPLX is missing with clang) */
static inline float _Complex mkcf(float re, float im) {
  float _Complex z;
  __real__ z = re;
  __imag__ z = im;
  return z;
}
static inline double _Complex mkc(double re, double im) {
  double _Complex z;
  __real__ z = re;
  __imag__ z = im;
  return z;
}
#define CMPLXf_(x) mkcf((x).re, (x).im)
#define CMPLX_(x) mkc((x).re, (x).im)


/* ------------------------------------------------------- integers */
/* Integer element operations: arithmetic wraps through unsigned types (no
   C overflow), and division, remainder and shifts give NumPy's results for
   every input. */
#define INT_HELPERS(N, T, U, UW, BITS, SIGNED)                              \
  static inline T N##_add(T a, T b) { return (T)(U)((UW)(U)a + (UW)(U)b); } \
  static inline T N##_sub(T a, T b) { return (T)(U)((UW)(U)a - (UW)(U)b); } \
  static inline T N##_mul(T a, T b) { return (T)(U)((UW)(U)a * (UW)(U)b); } \
  static inline int N##_minus1_overflow(T a, T b) {                         \
    return SIGNED && b == (T)-1 && a == (T)((U)1 << (BITS - 1));            \
  }                                                                         \
  static inline T N##_floordiv(T a, T b) {                                  \
    T q;                                                                    \
    if (b == 0) return 0;                                                   \
    if (N##_minus1_overflow(a, b)) return a;                                \
    q = a / b;                                                              \
    if (SIGNED && a % b != 0 && ((a < 0) != (b < 0))) q--;                  \
    return q;                                                               \
  }                                                                         \
  static inline T N##_rem(T a, T b) {                                       \
    T r;                                                                    \
    if (b == 0 || N##_minus1_overflow(a, b)) return 0;                      \
    r = a % b;                                                              \
    if (SIGNED && r != 0 && ((r < 0) != (b < 0))) r += b;                   \
    return r;                                                               \
  }                                                                         \
  static inline T N##_fmod(T a, T b) {                                      \
    if (b == 0 || N##_minus1_overflow(a, b)) return 0;                      \
    return a % b;                                                           \
  }                                                                         \
  static inline T N##_pow(T a, T b, int *err) {                             \
    UW r = 1, x = (UW)(U)a;                                                 \
    if (SIGNED && b < 0) { *err = LPY_KERR_NEGPOW; return 0; }              \
    while (b) {                                                             \
      if (b & 1) r = (UW)(U)(r * x);                                        \
      x = (UW)(U)(x * x);                                                   \
      b = (T)((U)b >> 1);                                                   \
    }                                                                       \
    return (T)(U)r;                                                         \
  }                                                                         \
  static inline T N##_lshift(T a, T b) {                                    \
    if ((uint64_t)(U)b < BITS && !(SIGNED && b < 0))                        \
      return (T)(U)((UW)(U)a << (unsigned)b);                               \
    return 0;                                                               \
  }                                                                         \
  static inline T N##_rshift(T a, T b) {                                    \
    if ((uint64_t)(U)b < BITS && !(SIGNED && b < 0)) return (T)(a >> b);    \
    return (SIGNED && a < 0) ? (T)-1 : 0;                                   \
  }                                                                         \
  static inline T N##_neg(T a) { return (T)(U)(0u - (UW)(U)a); }            \
  static inline T N##_abs(T a) { return (SIGNED && a < 0) ? N##_neg(a) : a; }
INT_TYPES(INT_HELPERS)

/* ------------------------------------------------------- hot loops */
/* The loops of the hot ufuncs. loops.c instantiates them as the generic
   loops; src/simd/kernels.c instantiates the same lists once per SIMD
   level, so every level computes the same expressions. */
#define MAXE(a, b) ((a) >= (b) ? (a) : (b))
#define MINE(a, b) ((a) <= (b) ? (a) : (b))
/* NumPy's maximum/minimum of floats: a nan in either input wins */
#define FMAXE(a, b) (((a) > (b) || isnan(a)) ? (a) : (b))
#define FMINE(a, b) (((a) < (b) || isnan(a)) ? (a) : (b))
/* the comparisons, each made by LOOP: CMPLOOP for floats, BINLOOP (no
   streaming, less code) for integers */
#define CMP_LOOPS(N, T, LOOP)                                               \
  LOOP(equal_##N, T, a == b)                                                \
  LOOP(not_equal_##N, T, a != b)                                            \
  LOOP(less_##N, T, a < b)                                                  \
  LOOP(less_equal_##N, T, a <= b)                                           \
  LOOP(greater_##N, T, a > b)                                               \
  LOOP(greater_equal_##N, T, a >= b)
#define BOOLLOOP(NAME, T, EXPR) BINLOOP(NAME, T, uint8_t, EXPR)

#define HOT_INT_LOOPS(N, T, U, UW, BITS, SIGNED)                            \
  BINLOOP(add_##N, T, T, N##_add(a, b))                                     \
  BINLOOP(subtract_##N, T, T, N##_sub(a, b))                                \
  BINLOOP(multiply_##N, T, T, N##_mul(a, b))                                \
  BINLOOP(maximum_##N, T, T, MAXE(a, b))                                    \
  BINLOOP(minimum_##N, T, T, MINE(a, b))                                    \
  CMP_LOOPS(N, T, BOOLLOOP)                                                 \
  UNLOOP(absolute_##N, T, T, N##_abs(a))

#define HOT_FLOAT_LOOPS(N, T, S)                                            \
  BINLOOP_NT(add_##N, T, a + b, va + vb)                                   \
  BINLOOP_NT(subtract_##N, T, a - b, va - vb)                              \
  BINLOOP_NT(multiply_##N, T, a * b, va * vb)                              \
  BINLOOP_NT_W(true_divide_##N, T, a / b, va / vb,                         \
               sizeof(T) == 8 ? DIV_WIDE_MAX : WIDE_MAX)                    \
  BINLOOP_NT(maximum_##N, T, FMAXE(a, b),                                   \
             VSEL((va > vb) | (va != va), va, vb))                          \
  BINLOOP_NT(minimum_##N, T, FMINE(a, b),                                   \
             VSEL((va < vb) | (va != va), va, vb))                          \
  BINLOOP(fmax_##N, T, T, (a > b || isnan(b)) ? a : b)                      \
  BINLOOP(fmin_##N, T, T, (a < b || isnan(b)) ? a : b)                      \
  CMP_LOOPS(N, T, CMPLOOP)                                                  \
  UNLOOP_NT(absolute_##N, T, fabs##S(a), (V)((VI)va & ~(VI)-(V){0}))

/* ------------------------------------------------------- loop tables */
#define L_(op, t) [LPY_##t] = op##_##t
#define LOOPS_INT(op) L_(op, int8), L_(op, int16), L_(op, int32), \
  L_(op, int64), L_(op, uint8), L_(op, uint16), L_(op, uint32), L_(op, uint64)
#define INT_TYPENAMES
#define LPY_int8 LPY_INT8
#define LPY_int16 LPY_INT16
#define LPY_int32 LPY_INT32
#define LPY_int64 LPY_INT64
#define LPY_uint8 LPY_UINT8
#define LPY_uint16 LPY_UINT16
#define LPY_uint32 LPY_UINT32
#define LPY_uint64 LPY_UINT64
#define LPY_float32 LPY_FLOAT32
#define LPY_float64 LPY_FLOAT64
#define LPY_complex64 LPY_COMPLEX64
#define LPY_complex128 LPY_COMPLEX128
#define LPY_bool LPY_BOOL
#define LOOPS_FLOAT(op) L_(op, float32), L_(op, float64)
#define LOOPS_COMPLEX(op) L_(op, complex64), L_(op, complex128)
#define LOOPS_NUM(op) LOOPS_INT(op), LOOPS_FLOAT(op), LOOPS_COMPLEX(op)
#define LOOPS_ALL(op) L_(op, bool), LOOPS_NUM(op)
#define LOOPS_REAL(op) LOOPS_INT(op), LOOPS_FLOAT(op)


#endif
