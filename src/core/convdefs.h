/*
** convdefs.h - one element conversion for every pair of dtypes, and the
** macro that makes a strided cast loop of one. Shared by cast.c (every
** pair) and src/simd/kernels.c (the hot pairs, once per SIMD level) so
** that both convert identically. Float to integer conversions of values
** out of range (and nan) are defined the way x86-64 hardware does them
** (see docs/numpy-differences.md), never left to C's undefined behaviour.
** Internal to the core; each includer gets its own static copies.
*/
#ifndef LPY_CONVDEFS_H
#define LPY_CONVDEFS_H

#include <stdint.h>
#include <string.h>
#include "ctypes.h"
#include "ntstore.h"

/* -------- float -> integer, without undefined behaviour */
static inline int64_t f2i64(double v) {
  if (v > -9223372036854775808.0 - 1024.0 && v < 9223372036854775808.0)
    return (int64_t)v;
  return INT64_MIN;
}
static inline int32_t f2i32(double v) {
  if (v > -2147483649.0 && v < 2147483648.0) return (int32_t)v;
  return INT32_MIN;
}
static inline uint64_t f2u64(double v) {      /* nan: as below 2^63 */
  if (!(v >= 9223372036854775808.0)) return (uint64_t)f2i64(v);
  return (uint64_t)f2i64(v - 9223372036854775808.0) ^ ((uint64_t)1 << 63);
}
#define f2i_int8_t(v) ((int8_t)(uint8_t)(uint32_t)f2i32(v))
#define f2i_int16_t(v) ((int16_t)(uint16_t)(uint32_t)f2i32(v))
#define f2i_int32_t(v) f2i32(v)
#define f2i_int64_t(v) f2i64(v)
#define f2i_uint8_t(v) ((uint8_t)(uint32_t)f2i32(v))
#define f2i_uint16_t(v) ((uint16_t)(uint32_t)f2i32(v))
#define f2i_uint32_t(v) ((uint32_t)(uint64_t)f2i64(v))
#define f2i_uint64_t(v) f2u64(v)

/* -------- conversions by (source kind, destination kind):
   B bool, I integer, F float, C complex */
#define CONV_B_B(DT, x) ((DT)((x) != 0))
#define CONV_I_B(DT, x) ((DT)((x) != 0))
#define CONV_F_B(DT, x) ((DT)((x) != 0))
#define CONV_C_B(DT, x) ((DT)((x).re != 0 || (x).im != 0))
#define CONV_B_I(DT, x) ((DT)((x) != 0))
#define CONV_I_I(DT, x) ((DT)(x))
#define CONV_F_I(DT, x) ((DT)f2i_##DT((double)(x)))
#define CONV_C_I(DT, x) ((DT)f2i_##DT((double)(x).re))
#define CONV_B_F(DT, x) ((DT)((x) != 0))
#define CONV_I_F(DT, x) ((DT)(x))
#define CONV_F_F(DT, x) ((DT)(x))
#define CONV_C_F(DT, x) ((DT)(x).re)
#define CTYPE_OF(DT) __typeof__(((DT *)0)->re)
#define CONV_B_C(DT, x) ((DT){(CTYPE_OF(DT))((x) != 0), 0})
#define CONV_I_C(DT, x) ((DT){(CTYPE_OF(DT))(x), 0})
#define CONV_F_C(DT, x) ((DT){(CTYPE_OF(DT))(x), 0})
#define CONV_C_C(DT, x) ((DT){(CTYPE_OF(DT))(x).re, (CTYPE_OF(DT))(x).im})

/* CASTFN_NT: a contiguous cast whose output is LPY_NT_MIN bytes or more
   streams it out (ntstore.h): a third less memory traffic for a widening
   cast. Used for the hot pairs of src/simd/kernels.c. */
#define CAST_NT(CONV, DT)                                                   \
    if (n * (int64_t)sizeof(DT) >= LPY_NT_MIN) {                            \
      LPY_NT_RUN(LPY_NT_BLOCK, DT, b, CONV(DT, a[k_]))                      \
    }
#define CAST_PLAIN(CONV, DT)

/* (the conversion's name is pasted here: a kind I passed on to another
   macro would expand to complex.h's I) */
#define CASTFN(SN, ST, SK, DN, DT, DK)                                      \
  CASTFN_(SN, ST, DN, DT, CONV_##SK##_##DK, CAST_PLAIN)
#define CASTFN_NT(SN, ST, SK, DN, DT, DK)                                   \
  CASTFN_(SN, ST, DN, DT, CONV_##SK##_##DK, CAST_NT)
#define CASTFN_(SN, ST, DN, DT, CONV, BIG)                                  \
  static void cast_##SN##_##DN(const char *s, int64_t ss, char *d,          \
                               int64_t ds, int64_t n) {                     \
    int64_t i = 0;                                                          \
    if (ss == (int64_t)sizeof(ST) && ds == (int64_t)sizeof(DT) &&          \
        (uintptr_t)s % _Alignof(ST) == 0 && (uintptr_t)d % _Alignof(DT) == 0) { \
      const ST *restrict a = (const ST *)s;                                 \
      DT *restrict b = (DT *)d;                                             \
      BIG(CONV, DT)                                                         \
      for (; i < n; i++) b[i] = CONV(DT, a[i]);                             \
    } else { /* strided or misaligned: element by element through memcpy */ \
      for (; i < n; i++, s += ss, d += ds) {                                \
        ST v;                                                               \
        DT r;                                                               \
        memcpy(&v, s, sizeof v);                                            \
        r = CONV(DT, v);                                                    \
        memcpy(d, &r, sizeof r);                                            \
      }                                                                     \
    }                                                                       \
  }

#endif
