/*
** rng_bg.h - the bit generators' states and SeedSequence's hashing, as the
** C core implements them (NumPy's algorithms, word for word). The Lua
** binding wraps these in np.random's objects; distributions see only the
** lpy_bitgen of rng.h.
*/
#ifndef LPY_RNG_BG_H
#define LPY_RNG_BG_H

#include <stddef.h>
#include <stdint.h>
#include "rng.h"

/* ---- SeedSequence (rng_seed.c) */
#define LPY_SEED_POOL_MAX 1024     /* largest pool_size accepted */
/* mix the entropy words into pool[0..pool_size-1] (NumPy's mix_entropy) */
LPY_API void lpy_seedseq_mix(const uint32_t *entropy, size_t n,
                             uint32_t *pool, int pool_size);
/* NumPy's generate_state: n 32-bit words from the pool */
LPY_API void lpy_seedseq_generate(const uint32_t *pool, int pool_size,
                                  uint32_t *out, size_t n);
/* n bytes of entropy from the operating system */
LPY_API int lpy_os_entropy(void *buf, size_t n, lpy_err *e);

/* ---- PCG64 and PCG64DXSM (rng_pcg64.c). The 128-bit state and increment
   are kept as halves (the state lives in Lua userdata, 8-byte aligned). */
typedef struct lpy_pcg64 {
  uint64_t state_hi, state_lo, inc_hi, inc_lo;
  int has_uint32;
  uint32_t uinteger;
} lpy_pcg64;
/* seed (NumPy's pcg64_set_seed): words = generate_state(4, uint64) */
LPY_API void lpy_pcg64_seed(lpy_pcg64 *s, const uint64_t w[4]);
LPY_API void lpy_pcg64dxsm_seed(lpy_pcg64 *s, const uint64_t w[4]);
LPY_API void lpy_pcg64_bind(lpy_bitgen *bg, lpy_pcg64 *s, int dxsm);
/* advance by delta (128 bits: hi, lo) steps */
LPY_API void lpy_pcg64_advance(lpy_pcg64 *s, uint64_t dhi, uint64_t dlo,
                               int dxsm);
/* n doubles / floats / words straight from a PCG64 (the same words as
   the generic path, the step inlined) */
LPY_API void lpy_pcg64_fill_double(lpy_pcg64 *s, double *out, int64_t n);
LPY_API void lpy_pcg64_fill_u64(lpy_pcg64 *s, uint64_t *out, int64_t n);
LPY_API void lpy_pcg64_fill_float(lpy_pcg64 *s, float *out, int64_t n);
/* Lemire's draws of [off, off + rng] into n items of isz (4, 8) bytes;
   rng must be neither 0 nor all-ones of its word (nor above 2^32 - 2
   when isz is 4) */
LPY_API void lpy_pcg64_fill_bounded(lpy_pcg64 *s, int isz, uint64_t off,
                                    uint64_t rng, char *out, int64_t n);
LPY_API uint64_t lpy_pcg64_next64(void *st);
LPY_API uint64_t lpy_pcg64dxsm_next64(void *st);

/* ---- Philox, SFC64, MT19937 (rng_gens.c) */
typedef struct lpy_philox {
  uint64_t ctr[4], key[2], buffer[4];
  int buffer_pos, has_uint32;
  uint32_t uinteger;
} lpy_philox;
LPY_API void lpy_philox_bind(lpy_bitgen *bg, lpy_philox *s);
/* no buffered words (buffer_pos 4, has_uint32 0) */
LPY_API void lpy_philox_reset(lpy_philox *s);
LPY_API void lpy_philox_advance(lpy_philox *s, const uint64_t step[4]);
LPY_API uint64_t lpy_philox_next64(void *st);

typedef struct lpy_sfc64 {
  uint64_t s[4];
  int has_uint32;
  uint32_t uinteger;
} lpy_sfc64;
LPY_API void lpy_sfc64_bind(lpy_bitgen *bg, lpy_sfc64 *s);
LPY_API void lpy_sfc64_seed(lpy_sfc64 *s, const uint64_t w[3]);
LPY_API uint64_t lpy_sfc64_next64(void *st);

typedef struct lpy_mt19937 {
  uint32_t key[624];
  int pos;
} lpy_mt19937;
LPY_API void lpy_mt19937_bind(lpy_bitgen *bg, lpy_mt19937 *s);
LPY_API void lpy_mt19937_seed(lpy_mt19937 *s, uint32_t seed);
LPY_API void lpy_mt19937_seed_array(lpy_mt19937 *s, const uint32_t *k,
                                    int64_t n);
LPY_API void lpy_mt19937_seed_words(lpy_mt19937 *s, const uint32_t *w);
LPY_API uint32_t lpy_mt19937_next32(void *st);
LPY_API double lpy_mt19937_double(void *st);
/* jump ahead 2^128 draws (NumPy's MT19937.jumped, rng_mtjump.c) */
LPY_API void lpy_mt19937_jump(lpy_mt19937 *s);

/* ---- uniform integers (rng_int.c) */
/* n values of dtype t (an integer dtype or bool) in [off, off + rng]
   (wrapping), contiguous at out: NumPy's fill for a scalar range (Lemire,
   or masked rejection when masked) */
LPY_API void lpy_rng_bounded_fill(lpy_bitgen *bg, lpy_dtype t, uint64_t off,
                                  uint64_t rng, int masked, char *out,
                                  int64_t n);
/* NumPy's integers(low, high) into out (fresh, C-contiguous, an integer
   dtype or bool): low and high are int64, uint64 or float64 arrays; when
   both are 0-d the scalar path (Python int semantics), else the array path
   walking the broadcast shape (nd, bshape) of low, high and out for
   out->size steps. closed: [low, high]. Bounds errors as NumPy's. */
LPY_API int lpy_rng_integers(lpy_bitgen *bg, lpy_array *out, lpy_array *low,
                             lpy_array *high, int nd, const int64_t *bshape,
                             int closed, int masked, lpy_err *e);

/* ---- shuffles and sampling (rng_shuffle.c) */
/* NumPy's random_interval: [0, max] by masked rejection */
LPY_API uint64_t lpy_rng_interval(lpy_bitgen *bg, uint64_t max);
/* swap hyperplanes i (n-1 down to first) and random_interval(i) along ax */
LPY_API void lpy_rng_shuffle_axis(lpy_bitgen *bg, lpy_array *a, int ax,
                                  int64_t first);
/* every lane along ax shuffled independently (Generator.permuted) */
LPY_API void lpy_rng_shuffle_lanes(lpy_bitgen *bg, lpy_array *a, int ax);
/* size distinct values of 0..pop-1 (Generator.choice without replacement
   or p): NumPy's tail shuffle or Floyd's algorithm */
LPY_API int lpy_rng_sample_noreplace(lpy_bitgen *bg, int64_t pop,
                                     int64_t size, int shuffle, int64_t *out,
                                     lpy_err *e);

#endif
