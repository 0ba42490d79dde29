/*
** loops.c - the elementwise inner loops of the core ufuncs, one per ufunc
** and loop dtype, generated from element expressions by the macros below.
** Every loop is lpy_loop: args[0] is the output, args[1..] the inputs.
** These are the generic loops; the dispatch table (dispatch.c) replaces
** the hot ones with the best SIMD level's build of the same expressions.
*/
#include "loopdefs.h"

/* logical operations of a real type (integer or float) */
#define LOGIC_LOOPS(N, T)                                                   \
  BINLOOP(logical_and_##N, T, uint8_t, (a != 0) & (b != 0))                 \
  BINLOOP(logical_or_##N, T, uint8_t, (a != 0) | (b != 0))                  \
  BINLOOP(logical_xor_##N, T, uint8_t, (a != 0) ^ (b != 0))

/* the hot loops (loopdefs.h) and the rest */
#define INT_LOOPS(N, T, U, UW, BITS, SIGNED)                                \
  HOT_INT_LOOPS(N, T, U, UW, BITS, SIGNED)                                  \
  BINLOOP(floor_divide_##N, T, T, N##_floordiv(a, b))                       \
  BINLOOP(remainder_##N, T, T, N##_rem(a, b))                               \
  BINLOOP(fmod_##N, T, T, N##_fmod(a, b))                                   \
  BINLOOP_ERR(power_##N, T, T, N##_pow)                                     \
  BINLOOP(bitwise_and_##N, T, T, (T)(a & b))                                \
  BINLOOP(bitwise_or_##N, T, T, (T)(a | b))                                 \
  BINLOOP(bitwise_xor_##N, T, T, (T)(a ^ b))                                \
  BINLOOP(left_shift_##N, T, T, N##_lshift(a, b))                           \
  BINLOOP(right_shift_##N, T, T, N##_rshift(a, b))                          \
  LOGIC_LOOPS(N, T)                                                         \
  UNLOOP(negative_##N, T, T, N##_neg(a))                                    \
  UNLOOP(positive_##N, T, T, a)                                             \
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
  HOT_FLOAT_LOOPS(N, T, S)                                                  \
  BINLOOP(floor_divide_##N, T, T, N##_floordiv(a, b))                       \
  BINLOOP(remainder_##N, T, T, N##_rem(a, b))                               \
  BINLOOP(fmod_##N, T, T, fmod##S(a, b))                                    \
  BINLOOP(power_##N, T, T, pow##S(a, b))                                    \
  LOGIC_LOOPS(N, T)                                                         \
  UNLOOP(negative_##N, T, T, -a)                                            \
  UNLOOP(positive_##N, T, T, a)                                             \
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
