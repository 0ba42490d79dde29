/*
** fft_plan.h - private to src/core/fft*.c: the FFTW plan cache. A key
** names a guru plan completely (kind, precision, sign, lengths and element
** strides of the transform and loop dimensions, pointer alignments,
** planner flags, threads); lpy_fft_plan_get hands out a cached plan or
** makes one under the global lock, and the caller gives it back with
** lpy_fft_plan_done once executed.
*/
#ifndef LPY_FFT_PLAN_H
#define LPY_FFT_PLAN_H

#include "fft.h"

typedef struct lpy_fft_key {
  int kind, single, sign, flags, nthreads, rank, hrank, ain, aout, inplace;
  int64_t d[3 * LPY_MAXDIMS];   /* transform dims: n, is, os */
  int64_t h[3 * LPY_MAXDIMS];   /* loop ("howmany") dims: n, is, os */
} lpy_fft_key;

typedef struct lpy_fft_entry lpy_fft_entry;

/* make the plan for k (called with the lock held; flags and nthreads
   already set in k); NULL when FFTW cannot plan it */
typedef void *(*lpy_fft_maker)(const lpy_fft_key *k, void *ctx);

/* the plan for k (its flags and nthreads are filled in here) in *plan;
   returns the handle to give back, NULL with e set on failure */
LPY_API lpy_fft_entry *lpy_fft_plan_get(lpy_fft_key *k, lpy_fft_maker make,
                                        void *ctx, void **plan, lpy_err *e);
LPY_API void lpy_fft_plan_done(lpy_fft_entry *h);

#endif
