/*
** loops.c - the elementwise inner loops of the core ufuncs, one per ufunc
** and loop dtype, generated from element expressions by the macros below.
** Every loop is lpy_loop: args[0] is the output, args[1..] the inputs.
** Integer arithmetic wraps through unsigned types (no C overflow), and
** division, remainder and shifts give NumPy's results for every input.
*/
#include "loopdefs.h"

/* ------------------------------------------------------- integers */
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

/* comparisons and logical operations of a real type (integer or float) */
#define ORDER_LOOPS(N, T)                                                   \
  BINLOOP(equal_##N, T, uint8_t, a == b)                                    \
  BINLOOP(not_equal_##N, T, uint8_t, a != b)                                \
  BINLOOP(less_##N, T, uint8_t, a < b)                                      \
  BINLOOP(less_equal_##N, T, uint8_t, a <= b)                               \
  BINLOOP(greater_##N, T, uint8_t, a > b)                                   \
  BINLOOP(greater_equal_##N, T, uint8_t, a >= b)                            \
  BINLOOP(logical_and_##N, T, uint8_t, (a != 0) & (b != 0))                 \
  BINLOOP(logical_or_##N, T, uint8_t, (a != 0) | (b != 0))                  \
  BINLOOP(logical_xor_##N, T, uint8_t, (a != 0) ^ (b != 0))

#define MAXE(a, b) ((a) >= (b) ? (a) : (b))
#define MINE(a, b) ((a) <= (b) ? (a) : (b))

#define INT_LOOPS(N, T, U, UW, BITS, SIGNED)                                \
  BINLOOP(add_##N, T, T, N##_add(a, b))                                     \
  BINLOOP(subtract_##N, T, T, N##_sub(a, b))                                \
  BINLOOP(multiply_##N, T, T, N##_mul(a, b))                                \
  BINLOOP(floor_divide_##N, T, T, N##_floordiv(a, b))                       \
  BINLOOP(remainder_##N, T, T, N##_rem(a, b))                               \
  BINLOOP(fmod_##N, T, T, N##_fmod(a, b))                                   \
  BINLOOP_ERR(power_##N, T, T, N##_pow)                                     \
  BINLOOP(maximum_##N, T, T, MAXE(a, b))                                    \
  BINLOOP(minimum_##N, T, T, MINE(a, b))                                    \
  BINLOOP(bitwise_and_##N, T, T, (T)(a & b))                                \
  BINLOOP(bitwise_or_##N, T, T, (T)(a | b))                                 \
  BINLOOP(bitwise_xor_##N, T, T, (T)(a ^ b))                                \
  BINLOOP(left_shift_##N, T, T, N##_lshift(a, b))                           \
  BINLOOP(right_shift_##N, T, T, N##_rshift(a, b))                          \
  ORDER_LOOPS(N, T)                                                         \
  UNLOOP(negative_##N, T, T, N##_neg(a))                                    \
  UNLOOP(positive_##N, T, T, a)                                             \
  UNLOOP(absolute_##N, T, T, N##_abs(a))                                    \
  UNLOOP(invert_##N, T, T, (T)~a)                                           \
  UNLOOP(logical_not_##N, T, uint8_t, a == 0)
INT_TYPES(INT_LOOPS)

/* ------------------------------------------------------- bool */
#define B(x) ((x) != 0)
BINLOOP(add_bool, uint8_t, uint8_t, B(a) | B(b))
BINLOOP(multiply_bool, uint8_t, uint8_t, B(a) & B(b))
BINLOOP(maximum_bool, uint8_t, uint8_t, B(a) | B(b))
BINLOOP(minimum_bool, uint8_t, uint8_t, B(a) & B(b))
BINLOOP(bitwise_and_bool, uint8_t, uint8_t, B(a) & B(b))
BINLOOP(bitwise_or_bool, uint8_t, uint8_t, B(a) | B(b))
BINLOOP(bitwise_xor_bool, uint8_t, uint8_t, B(a) ^ B(b))
BINLOOP(equal_bool, uint8_t, uint8_t, B(a) == B(b))
BINLOOP(not_equal_bool, uint8_t, uint8_t, B(a) != B(b))
BINLOOP(less_bool, uint8_t, uint8_t, B(a) < B(b))
BINLOOP(less_equal_bool, uint8_t, uint8_t, B(a) <= B(b))
BINLOOP(greater_bool, uint8_t, uint8_t, B(a) > B(b))
BINLOOP(greater_equal_bool, uint8_t, uint8_t, B(a) >= B(b))
BINLOOP(logical_and_bool, uint8_t, uint8_t, B(a) & B(b))
BINLOOP(logical_or_bool, uint8_t, uint8_t, B(a) | B(b))
BINLOOP(logical_xor_bool, uint8_t, uint8_t, B(a) ^ B(b))
UNLOOP(absolute_bool, uint8_t, uint8_t, B(a))
UNLOOP(invert_bool, uint8_t, uint8_t, !B(a))
UNLOOP(logical_not_bool, uint8_t, uint8_t, !B(a))

/* ------------------------------------------------------- floats */

#define FLOAT_HELPERS(N, T, S)                                              \
  static inline T N##_divmod(T a, T b, T *modp) {                           \
    T mod = fmod##S(a, b), div, fl;                                         \
    if (b == 0) { *modp = mod; return a / b; }                              \
    div = (a - mod) / b;                                                    \
    if (mod != 0) {                                                         \
      if ((b < 0) != (mod < 0)) { mod += b; div -= 1; }                     \
    } else {                                                                \
      mod = copysign##S(0, b);                                              \
    }                                                                       \
    if (div != 0) {                                                         \
      fl = floor##S(div);                                                   \
      if (div - fl > (T)0.5) fl += 1;                                       \
    } else {                                                                \
      fl = copysign##S(0, a / b);                                           \
    }                                                                       \
    *modp = mod;                                                            \
    return fl;                                                              \
  }                                                                         \
  static inline T N##_floordiv(T a, T b) {                                  \
    T m;                                                                    \
    if (b == 0) return a / b;                                               \
    return N##_divmod(a, b, &m);                                            \
  }                                                                         \
  static inline T N##_rem(T a, T b) {                                       \
    T m;                                                                    \
    if (b == 0) return fmod##S(a, b);                                       \
    N##_divmod(a, b, &m);                                                   \
    return m;                                                               \
  }
FLOAT_TYPES(FLOAT_HELPERS)

#define FLOAT_LOOPS(N, T, S)                                                \
  BINLOOP_NT(add_##N, T, +)                                                 \
  BINLOOP_NT(subtract_##N, T, -)                                            \
  BINLOOP_NT(multiply_##N, T, *)                                            \
  BINLOOP_NT(true_divide_##N, T, /)                                         \
  BINLOOP(floor_divide_##N, T, T, N##_floordiv(a, b))                       \
  BINLOOP(remainder_##N, T, T, N##_rem(a, b))                               \
  BINLOOP(fmod_##N, T, T, fmod##S(a, b))                                    \
  BINLOOP(power_##N, T, T, pow##S(a, b))                                    \
  BINLOOP(maximum_##N, T, T, (a > b || isnan(a)) ? a : b)                   \
  BINLOOP(minimum_##N, T, T, (a < b || isnan(a)) ? a : b)                   \
  BINLOOP(fmax_##N, T, T, (a > b || isnan(b)) ? a : b)                      \
  BINLOOP(fmin_##N, T, T, (a < b || isnan(b)) ? a : b)                      \
  ORDER_LOOPS(N, T)                                                         \
  UNLOOP(negative_##N, T, T, -a)                                            \
  UNLOOP(positive_##N, T, T, a)                                             \
  UNLOOP(absolute_##N, T, T, fabs##S(a))                                    \
  UNLOOP(logical_not_##N, T, uint8_t, a == 0)
FLOAT_TYPES(FLOAT_LOOPS)

/* ------------------------------------------------------- complex */
/* complex helpers (loopdefs.h), one set per complex type */
COMPLEX_TYPES(COMPLEX_HELPERS)

#define CADD(T, a, b) ((T){(a).re + (b).re, (a).im + (b).im})
#define CSUB(T, a, b) ((T){(a).re - (b).re, (a).im - (b).im})

#define COMPLEX_LOOPS(N, T, R, S)                                           \
  BINLOOP(add_##N, T, T, CADD(T, a, b))                                     \
  BINLOOP(subtract_##N, T, T, CSUB(T, a, b))                                \
  BINLOOP(multiply_##N, T, T, N##_mul(a, b))                                \
  BINLOOP(true_divide_##N, T, T, N##_div(a, b))                             \
  BINLOOP(power_##N, T, T, N##_pow(a, b))                                   \
  BINLOOP(maximum_##N, T, T, (CNAN(a) || CGE(a, b)) ? a : b)                \
  BINLOOP(minimum_##N, T, T, (CNAN(a) || CLE(a, b)) ? a : b)                \
  BINLOOP(fmax_##N, T, T, (CNAN(b) || CGE(a, b)) ? a : b)                   \
  BINLOOP(fmin_##N, T, T, (CNAN(b) || CLE(a, b)) ? a : b)                   \
  BINLOOP(equal_##N, T, uint8_t, a.re == b.re && a.im == b.im)              \
  BINLOOP(not_equal_##N, T, uint8_t, a.re != b.re || a.im != b.im)          \
  BINLOOP(less_##N, T, uint8_t, CLT(a, b))                                  \
  BINLOOP(less_equal_##N, T, uint8_t, CLE(a, b))                            \
  BINLOOP(greater_##N, T, uint8_t, CLT(b, a))                               \
  BINLOOP(greater_equal_##N, T, uint8_t, CLE(b, a))                         \
  BINLOOP(logical_and_##N, T, uint8_t, CTRUE(a) & CTRUE(b))                 \
  BINLOOP(logical_or_##N, T, uint8_t, CTRUE(a) | CTRUE(b))                  \
  BINLOOP(logical_xor_##N, T, uint8_t, CTRUE(a) ^ CTRUE(b))                 \
  UNLOOP(negative_##N, T, T, ((T){-a.re, -a.im}))                           \
  UNLOOP(positive_##N, T, T, a)                                             \
  UNLOOP(absolute_##N, T, R, hypot##S(a.re, a.im))                          \
  UNLOOP(logical_not_##N, T, uint8_t, !CTRUE(a))
COMPLEX_TYPES(COMPLEX_LOOPS)

/* ------------------------------------------------------- the table */
const lpy_ufunc lpy_ufuncs[] = {
  {"add", 2, LPY_OUT_SAME, 0, {LOOPS_ALL(add)}},
  {"subtract", 2, LPY_OUT_SAME, LPY_UF_NOBOOL, {LOOPS_NUM(subtract)}},
  {"multiply", 2, LPY_OUT_SAME, 0, {LOOPS_ALL(multiply)}},
  {"true_divide", 2, LPY_OUT_SAME, LPY_UF_INEXACT,
   {LOOPS_FLOAT(true_divide), LOOPS_COMPLEX(true_divide)}},
  {"floor_divide", 2, LPY_OUT_SAME, 0, {LOOPS_REAL(floor_divide)}},
  {"remainder", 2, LPY_OUT_SAME, 0, {LOOPS_REAL(remainder)}},
  {"fmod", 2, LPY_OUT_SAME, 0, {LOOPS_REAL(fmod)}},
  {"power", 2, LPY_OUT_SAME, 0, {LOOPS_NUM(power)}},
  {"maximum", 2, LPY_OUT_SAME, 0, {LOOPS_ALL(maximum)}},
  {"minimum", 2, LPY_OUT_SAME, 0, {LOOPS_ALL(minimum)}},
  {"fmax", 2, LPY_OUT_SAME, 0,
   {L_(maximum, bool), LOOPS_INT(maximum), LOOPS_FLOAT(fmax),
    LOOPS_COMPLEX(fmax)}},
  {"fmin", 2, LPY_OUT_SAME, 0,
   {L_(minimum, bool), LOOPS_INT(minimum), LOOPS_FLOAT(fmin),
    LOOPS_COMPLEX(fmin)}},
  {"equal", 2, LPY_OUT_BOOL, LPY_UF_COMPARE, {LOOPS_ALL(equal)}},
  {"not_equal", 2, LPY_OUT_BOOL, LPY_UF_COMPARE, {LOOPS_ALL(not_equal)}},
  {"less", 2, LPY_OUT_BOOL, LPY_UF_COMPARE, {LOOPS_ALL(less)}},
  {"less_equal", 2, LPY_OUT_BOOL, LPY_UF_COMPARE, {LOOPS_ALL(less_equal)}},
  {"greater", 2, LPY_OUT_BOOL, LPY_UF_COMPARE, {LOOPS_ALL(greater)}},
  {"greater_equal", 2, LPY_OUT_BOOL, LPY_UF_COMPARE, {LOOPS_ALL(greater_equal)}},
  {"logical_and", 2, LPY_OUT_BOOL, 0, {LOOPS_ALL(logical_and)}},
  {"logical_or", 2, LPY_OUT_BOOL, 0, {LOOPS_ALL(logical_or)}},
  {"logical_xor", 2, LPY_OUT_BOOL, 0, {LOOPS_ALL(logical_xor)}},
  {"bitwise_and", 2, LPY_OUT_SAME, 0, {L_(bitwise_and, bool), LOOPS_INT(bitwise_and)}},
  {"bitwise_or", 2, LPY_OUT_SAME, 0, {L_(bitwise_or, bool), LOOPS_INT(bitwise_or)}},
  {"bitwise_xor", 2, LPY_OUT_SAME, 0, {L_(bitwise_xor, bool), LOOPS_INT(bitwise_xor)}},
  {"left_shift", 2, LPY_OUT_SAME, 0, {LOOPS_INT(left_shift)}},
  {"right_shift", 2, LPY_OUT_SAME, 0, {LOOPS_INT(right_shift)}},
  {"negative", 1, LPY_OUT_SAME, LPY_UF_NOBOOL, {LOOPS_NUM(negative)}},
  {"positive", 1, LPY_OUT_SAME, LPY_UF_EXACTLOOP, {LOOPS_NUM(positive)}},
  {"absolute", 1, LPY_OUT_REAL, 0, {LOOPS_ALL(absolute)}},
  {"invert", 1, LPY_OUT_SAME, 0, {L_(invert, bool), LOOPS_INT(invert)}},
  {"logical_not", 1, LPY_OUT_BOOL, 0, {LOOPS_ALL(logical_not)}},
  {NULL, 0, 0, 0, {0}}
};
