/*
** rng.h - np.random's C core: the bit generators (PCG64, Philox, SFC64,
** MT19937), SeedSequence, and the one interface every distribution draws
** from (lpy_bitgen). No Lua here.
**
** A distribution sees only an lpy_bitgen: a state pointer and the functions
** that produce its raw words. The word each distribution takes, and in
** which order, is NumPy's exactly, so that a seeded Generator gives NumPy's
** numbers bit for bit.
*/
#ifndef LPY_RNG_H
#define LPY_RNG_H

#include <stdint.h>
#include "lpy.h"

typedef struct lpy_bitgen {
  void *state;
  uint64_t (*next_uint64)(void *state);
  uint32_t (*next_uint32)(void *state);  /* may buffer half of a 64-bit word */
  double (*next_double)(void *state);    /* [0, 1), 53 random bits */
  uint64_t (*next_raw)(void *state);     /* the generator's native output */
} lpy_bitgen;

static inline uint64_t lpy_rng_u64(lpy_bitgen *bg) {
  return bg->next_uint64(bg->state);
}
static inline uint32_t lpy_rng_u32(lpy_bitgen *bg) {
  return bg->next_uint32(bg->state);
}
/* [0, 1) with 53 bits */
static inline double lpy_rng_double(lpy_bitgen *bg) {
  return bg->next_double(bg->state);
}
/* [0, 1) with 24 bits, from one 32-bit word (NumPy's next_float) */
static inline float lpy_rng_float(lpy_bitgen *bg) {
  return (float)(lpy_rng_u32(bg) >> 8) * (1.0f / 16777216.0f);
}

/* ---- distribution kernels and the fill driver ---------------------------
   A kernel draws one value from bg for the parameters p[0..nparams-1]
   (each a double or an int64 as the spec says) and stores it at out as the
   spec's output dtype. ctx is the kernel's own per-call state (e.g. the
   binomial's cached set-up), or NULL. */
typedef union lpy_rng_arg { double d; int64_t i; } lpy_rng_arg;
typedef void (*lpy_rng_kernel)(lpy_bitgen *bg, const lpy_rng_arg *p,
                               void *ctx, char *out);

/* what each parameter must satisfy, checked on every element before any
   value is drawn, with NumPy's messages (numpy/random/_common.pyx) */
enum {
  LPY_RNG_ANY = 0,
  LPY_RNG_NON_NEGATIVE,       /* "x < 0" */
  LPY_RNG_POSITIVE,           /* "x <= 0" */
  LPY_RNG_POSITIVE_NOT_NAN,   /* "x must not be NaN", "x <= 0" */
  LPY_RNG_BOUNDED_0_1,        /* "x < 0, x > 1 or x is NaN" */
  LPY_RNG_BOUNDED_GT_0_1,     /* "x <= 0, x > 1 or x contains NaNs" */
  LPY_RNG_BOUNDED_LT_0_1,     /* "x < 0, x >= 1 or x contains NaNs" */
  LPY_RNG_GT_1,               /* "x <= 1" */
  LPY_RNG_GTE_1,              /* "x < 1" */
  LPY_RNG_POISSON             /* "x < 0", "x value too large" */
};

#define LPY_RNG_MAXPARAMS 4
typedef struct lpy_rng_spec {
  const char *name;                       /* "gamma": for error messages */
  int nparams;
  const char *pname[LPY_RNG_MAXPARAMS];   /* "shape", "scale" */
  int cons[LPY_RNG_MAXPARAMS];            /* LPY_RNG_* per parameter */
  unsigned intparams;                     /* bit k: parameter k is int64 */
  lpy_dtype out;                          /* float64, float32 or int64 */
  lpy_rng_kernel kernel;
} lpy_rng_spec;

/* check every element of the parameter arrays (already float64 / int64 as
   sp->intparams says) against sp->cons; the message names sp->pname[k] */
LPY_API int lpy_rng_check(const lpy_rng_spec *sp, lpy_array *const *params,
                          lpy_err *e);
/* fill out (any layout, dtype sp->out) element by element in C order, the
   parameter arrays broadcast against out's shape (NumPy's draw order) */
LPY_API int lpy_rng_fill(lpy_bitgen *bg, const lpy_rng_spec *sp,
                         lpy_array *out, lpy_array *const *params, void *ctx,
                         lpy_err *e);

#endif
