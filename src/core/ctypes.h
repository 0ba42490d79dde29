/*
** ctypes.h - the C types behind each dtype, as X-macro lists that the
** casting and ufunc loops expand. Internal to the core.
*/
#ifndef LPY_CTYPES_H
#define LPY_CTYPES_H

#include <stdint.h>

typedef struct { float re, im; } lpy_c64;
typedef struct { double re, im; } lpy_c128;

/* X(A..., name, C type, kind letter) in dtype order; two copies of the list
   so that one may be expanded inside the other */
#define LPY_SRC_TYPES(X)                                                    \
  X(bool, uint8_t, B) X(int8, int8_t, I) X(int16, int16_t, I)               \
  X(int32, int32_t, I) X(int64, int64_t, I) X(uint8, uint8_t, I)            \
  X(uint16, uint16_t, I) X(uint32, uint32_t, I) X(uint64, uint64_t, I)      \
  X(float32, float, F) X(float64, double, F) X(complex64, lpy_c64, C)       \
  X(complex128, lpy_c128, C)

#define LPY_DST_TYPES(X, ...)                                               \
  X(__VA_ARGS__, bool, uint8_t, B) X(__VA_ARGS__, int8, int8_t, I)          \
  X(__VA_ARGS__, int16, int16_t, I) X(__VA_ARGS__, int32, int32_t, I)       \
  X(__VA_ARGS__, int64, int64_t, I) X(__VA_ARGS__, uint8, uint8_t, I)       \
  X(__VA_ARGS__, uint16, uint16_t, I) X(__VA_ARGS__, uint32, uint32_t, I)   \
  X(__VA_ARGS__, uint64, uint64_t, I) X(__VA_ARGS__, float32, float, F)     \
  X(__VA_ARGS__, float64, double, F)                                        \
  X(__VA_ARGS__, complex64, lpy_c64, C)                                     \
  X(__VA_ARGS__, complex128, lpy_c128, C)

#endif
