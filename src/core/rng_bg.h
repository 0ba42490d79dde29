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
LPY_API uint64_t lpy_pcg64_next64(void *st);
LPY_API uint64_t lpy_pcg64dxsm_next64(void *st);

#endif
