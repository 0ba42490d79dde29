/*
** simd.h - the dispatch table: the hot kernels' function pointers, filled
** at load time from the best SIMD level the CPU supports (dispatch.c), and
** the interface every level's build of src/simd/kernels.c implements.
** Internal to the core.
*/
#ifndef LPY_SIMD_H
#define LPY_SIMD_H

#include "lpy.h"

/* X(kernel, family): the ufunc loops with SIMD builds, named as the ufunc */
#define LPY_SIMD_KERNELS(X)                                                 \
  X(add, arith) X(subtract, arith) X(multiply, arith) X(true_divide, arith) \
  X(equal, compare) X(not_equal, compare) X(less, compare)                  \
  X(less_equal, compare) X(greater, compare) X(greater_equal, compare)      \
  X(maximum, minmax) X(minimum, minmax) X(fmax, minmax) X(fmin, minmax)     \
  X(absolute, abs) X(sqrt, sqrt) X(exp, exp) X(log, log) X(sin, sin)        \
  X(cos, cos) X(tanh, tanh) X(power, power)

#define LPY_SK_ENUM(k, fam) LPY_SK_##k,
enum { LPY_SIMD_KERNELS(LPY_SK_ENUM) LPY_SK_COUNT };
#undef LPY_SK_ENUM

/* A reduction's inner loop over n >= 1 elements (sum also n == 0) at
   stride s in bytes; *out receives the result in the array's dtype.
   sum: NumPy's pairwise order for floats; min/max propagate nan. */
typedef void (*lpy_reducefn)(const char *p, int64_t n, int64_t s, void *out);
enum { LPY_RED_SUM, LPY_RED_MIN, LPY_RED_MAX, LPY_RED_COUNT };

/* How the CPU's vendor tunes the choice of loops, which dispatch.c sets
   in a table before a level fills it. LPY_TUNE_NARROW_DIV: the loops bound
   by the divider (square root, division) run on 256-bit vectors at the
   AVX-512 level, since Intel's AVX-512 CPUs (Ice Lake measured) run 512-bit
   square roots and divisions 3-5% slower per element; on AMD Zen 4 the
   512-bit ones are faster (docs/simd.md). */
enum { LPY_TUNE_NARROW_DIV = 1 };

typedef struct lpy_simd_table {
  unsigned tune;                                /* LPY_TUNE_*, read by fill */
  lpy_loop loop[LPY_SK_COUNT][LPY_NTYPES];
  unsigned char vec[LPY_SK_COUNT][LPY_NTYPES];  /* 1: a SIMD loop, 0: scalar
                                                  (libm) at this level */
  lpy_castfn cast[LPY_NTYPES][LPY_NTYPES];      /* the hot pairs only */
  lpy_reducefn reduce[LPY_RED_COUNT][LPY_NTYPES];
} lpy_simd_table;

/* each compiled level's kernels.c defines lpy_simd_fill_<LEVEL>, which
   stores the entries it has into t and leaves the others alone */
typedef void (*lpy_simd_fillfn)(lpy_simd_table *t);

/* the table in use; lpy_simd_init must have succeeded */
LPY_API const lpy_simd_table *lpy_simd_table_get(void);

/* the tables of one compiled level alone (for the cross-level tests):
   NULL if no such level was compiled in or the CPU cannot run it */
LPY_API const lpy_simd_table *lpy_simd_level_table(const char *level);

#endif
