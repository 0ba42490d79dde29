/*
** rng_pcg64.c - the PCG64 (XSL-RR output, 128-bit LCG) and PCG64DXSM
** (DXSM output, "cheap multiplier" LCG) bit generators, as NumPy's.
*/
#include "rng_bg.h"

#if !defined(__SIZEOF_INT128__)
#error "PCG64 needs a compiler with unsigned __int128"
#endif

typedef unsigned __int128 u128;

#define MULT ((((u128)2549297995355413924ULL) << 64) + 4865540595714422341ULL)
#define CHEAP_MULT 0xda942042e4dd58b5ULL

static inline u128 get_state(const lpy_pcg64 *s) {
  return ((u128)s->state_hi << 64) | s->state_lo;
}
static inline u128 get_inc(const lpy_pcg64 *s) {
  return ((u128)s->inc_hi << 64) | s->inc_lo;
}
static inline void put_state(lpy_pcg64 *s, u128 x) {
  s->state_hi = (uint64_t)(x >> 64);
  s->state_lo = (uint64_t)x;
}

static inline uint64_t rotr64(uint64_t v, unsigned r) {
  return (v >> r) | (v << ((-r) & 63));
}
static inline uint64_t out_xsl_rr(u128 x) {
  return rotr64((uint64_t)(x >> 64) ^ (uint64_t)x, (unsigned)(x >> 122));
}
static inline uint64_t out_dxsm(u128 x) {
  uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x | 1;
  hi ^= hi >> 32;
  hi *= CHEAP_MULT;
  hi ^= hi >> 48;
  return hi * lo;
}

uint64_t lpy_pcg64_next64(void *st) {
  lpy_pcg64 *s = st;
  u128 x = get_state(s) * MULT + get_inc(s);
  put_state(s, x);
  return out_xsl_rr(x);
}

uint64_t lpy_pcg64dxsm_next64(void *st) {
  lpy_pcg64 *s = st;
  u128 x = get_state(s);
  put_state(s, x * CHEAP_MULT + get_inc(s));
  return out_dxsm(x);
}

/* a 32-bit word: the low half of a fresh 64-bit one, its high half kept */
static inline uint32_t next32(lpy_pcg64 *s, uint64_t (*next)(void *)) {
  uint64_t w;
  if (s->has_uint32) {
    s->has_uint32 = 0;
    return s->uinteger;
  }
  w = next(s);
  s->has_uint32 = 1;
  s->uinteger = (uint32_t)(w >> 32);
  return (uint32_t)w;
}
static uint32_t pcg_next32(void *st) { return next32(st, lpy_pcg64_next64); }
static uint32_t dxsm_next32(void *st) { return next32(st, lpy_pcg64dxsm_next64); }
static double pcg_double(void *st) {
  return (double)(lpy_pcg64_next64(st) >> 11) * (1.0 / 9007199254740992.0);
}
static double dxsm_double(void *st) {
  return (double)(lpy_pcg64dxsm_next64(st) >> 11) * (1.0 / 9007199254740992.0);
}

void lpy_pcg64_bind(lpy_bitgen *bg, lpy_pcg64 *s, int dxsm) {
  bg->state = s;
  bg->next_uint64 = dxsm ? lpy_pcg64dxsm_next64 : lpy_pcg64_next64;
  bg->next_uint32 = dxsm ? dxsm_next32 : pcg_next32;
  bg->next_double = dxsm ? dxsm_double : pcg_double;
  bg->next_raw = bg->next_uint64;
}

/* NumPy's pcg64_set_seed: state 0, inc = 2 seq + 1, a step, state += init,
   a step */
static void seed_with(lpy_pcg64 *s, const uint64_t w[4], u128 mult) {
  u128 init = ((u128)w[0] << 64) | w[1], seq = ((u128)w[2] << 64) | w[3];
  u128 inc = (seq << 1) | 1, x;
  s->inc_hi = (uint64_t)(inc >> 64);
  s->inc_lo = (uint64_t)inc;
  x = inc;                               /* 0 * mult + inc */
  x += init;
  x = x * mult + inc;
  put_state(s, x);
  s->has_uint32 = 0;
  s->uinteger = 0;
}

void lpy_pcg64_seed(lpy_pcg64 *s, const uint64_t w[4]) {
  seed_with(s, w, MULT);
}
/* NumPy seeds PCG64DXSM with the same function, the full multiplier */
void lpy_pcg64dxsm_seed(lpy_pcg64 *s, const uint64_t w[4]) {
  seed_with(s, w, MULT);
}

/* Brown's jump-ahead of an LCG by delta steps (O(log delta)) */
void lpy_pcg64_advance(lpy_pcg64 *s, uint64_t dhi, uint64_t dlo, int dxsm) {
  u128 delta = ((u128)dhi << 64) | dlo;
  u128 cm = dxsm ? (u128)CHEAP_MULT : MULT, cp = get_inc(s);
  u128 am = 1, ap = 0;
  while (delta > 0) {
    if (delta & 1) {
      am *= cm;
      ap = ap * cm + cp;
    }
    cp = (cm + 1) * cp;
    cm *= cm;
    delta >>= 1;
  }
  put_state(s, am * get_state(s) + ap);
}

/* the fast paths: the state in registers for the whole loop */
void lpy_pcg64_fill_double(lpy_pcg64 *s, double *out, int64_t n) {
  u128 x = get_state(s), inc = get_inc(s);
  int64_t i;
  for (i = 0; i < n; i++) {
    x = x * MULT + inc;
    out[i] = (double)(out_xsl_rr(x) >> 11) * (1.0 / 9007199254740992.0);
  }
  put_state(s, x);
}

void lpy_pcg64_fill_u64(lpy_pcg64 *s, uint64_t *out, int64_t n) {
  u128 x = get_state(s), inc = get_inc(s);
  int64_t i;
  for (i = 0; i < n; i++) {
    x = x * MULT + inc;
    out[i] = out_xsl_rr(x);
  }
  put_state(s, x);
}

/* the 32-bit words of a PCG64 as next32 gives them: a buffered high half
   first, then the low and the high half of each new 64-bit word */
#define PCG_NEXT32(x, inc, have, keep, w32)                   \
  do {                                                       \
    if (have) { have = 0; w32 = keep; }                      \
    else {                                                   \
      uint64_t w_;                                           \
      x = x * MULT + inc;                                    \
      w_ = out_xsl_rr(x);                                    \
      have = 1;                                              \
      keep = (uint32_t)(w_ >> 32);                           \
      w32 = (uint32_t)w_;                                    \
    }                                                        \
  } while (0)

void lpy_pcg64_fill_float(lpy_pcg64 *s, float *out, int64_t n) {
  u128 x = get_state(s), inc = get_inc(s);
  int have = s->has_uint32;
  uint32_t keep = s->uinteger, w;
  int64_t i;
  for (i = 0; i < n; i++) {
    PCG_NEXT32(x, inc, have, keep, w);
    out[i] = (float)(w >> 8) * (1.0f / 16777216.0f);
  }
  put_state(s, x);
  s->has_uint32 = have;
  s->uinteger = keep;
}

/* Lemire's bounded draws of [off, off + rng] into n items of isz (4 or 8)
   bytes, the words as the generic path draws them (rng neither 0 nor a
   word's all-ones) */
void lpy_pcg64_fill_bounded(lpy_pcg64 *s, int isz, uint64_t off, uint64_t rng,
                            char *out, int64_t n) {
  u128 x = get_state(s), inc = get_inc(s);
  int have = s->has_uint32;
  uint32_t keep = s->uinteger;
  int64_t i;
  if (rng < 0xFFFFFFFFu) {
    uint32_t ex = (uint32_t)rng + 1, th = (UINT32_MAX - (uint32_t)rng) % ex;
    for (i = 0; i < n; i++) {
      uint32_t w;
      uint64_t m;
      PCG_NEXT32(x, inc, have, keep, w);
      m = (uint64_t)w * ex;
      while ((uint32_t)m < th) {
        PCG_NEXT32(x, inc, have, keep, w);
        m = (uint64_t)w * ex;
      }
      if (isz == 8) ((uint64_t *)(void *)out)[i] = off + (m >> 32);
      else ((uint32_t *)(void *)out)[i] = (uint32_t)(off + (m >> 32));
    }
  } else {
    uint64_t ex = rng + 1, th = (UINT64_MAX - rng) % ex;
    for (i = 0; i < n; i++) {
      u128 m;
      x = x * MULT + inc;
      m = (u128)out_xsl_rr(x) * ex;
      while ((uint64_t)m < th) {
        x = x * MULT + inc;
        m = (u128)out_xsl_rr(x) * ex;
      }
      ((uint64_t *)(void *)out)[i] = off + (uint64_t)(m >> 64);
    }
  }
  put_state(s, x);
  s->has_uint32 = have;
  s->uinteger = keep;
}
