/*
** rng_gens.c - the bit generators Philox (4x64, 10 rounds), SFC64 and
** MT19937, as NumPy's: their steps, seeding and the 32-bit / double words
** they give the distributions.
*/
#include <string.h>
#include "rng_bg.h"

#define TO_DOUBLE(w) ((double)((w) >> 11) * (1.0 / 9007199254740992.0))

/* a 32-bit word: the low half of a 64-bit one, the high half kept */
#define HALVES(name, type, next64)                                     \
  static uint32_t name(void *st) {                                    \
    type *s = st;                                                     \
    uint64_t w;                                                       \
    if (s->has_uint32) { s->has_uint32 = 0; return s->uinteger; }     \
    w = next64(st);                                                   \
    s->has_uint32 = 1;                                                \
    s->uinteger = (uint32_t)(w >> 32);                                \
    return (uint32_t)w;                                               \
  }

/* ------------------------------------------------------------ Philox */
static inline uint64_t mulhilo(uint64_t a, uint64_t b, uint64_t *hi) {
  unsigned __int128 p = (unsigned __int128)a * b;
  *hi = (uint64_t)(p >> 64);
  return (uint64_t)p;
}

/* the Philox-4x64-10 block function of Salmon et al. (Random123) */
static void philox_block(const uint64_t in[4], const uint64_t key[2],
                         uint64_t out[4]) {
  uint64_t c0 = in[0], c1 = in[1], c2 = in[2], c3 = in[3];
  uint64_t k0 = key[0], k1 = key[1];
  int r;
  for (r = 0; r < 10; r++) {
    uint64_t hi0, hi1, lo0, lo1;
    if (r > 0) {
      k0 += 0x9E3779B97F4A7C15ULL;
      k1 += 0xBB67AE8584CAA73BULL;
    }
    lo0 = mulhilo(0xD2E7470EE14C6C93ULL, c0, &hi0);
    lo1 = mulhilo(0xCA5A826395121157ULL, c2, &hi1);
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

uint64_t lpy_philox_next64(void *st) {
  lpy_philox *s = st;
  if (s->buffer_pos < 4) return s->buffer[s->buffer_pos++];
  /* the 256-bit counter, incremented with carry */
  if (++s->ctr[0] == 0 && ++s->ctr[1] == 0 && ++s->ctr[2] == 0) ++s->ctr[3];
  philox_block(s->ctr, s->key, s->buffer);
  s->buffer_pos = 1;
  return s->buffer[0];
}
HALVES(philox_next32, lpy_philox, lpy_philox_next64)
static double philox_double(void *st) { return TO_DOUBLE(lpy_philox_next64(st)); }

void lpy_philox_bind(lpy_bitgen *bg, lpy_philox *s) {
  bg->state = s;
  bg->next_uint64 = bg->next_raw = lpy_philox_next64;
  bg->next_uint32 = philox_next32;
  bg->next_double = philox_double;
}

void lpy_philox_reset(lpy_philox *s) {
  s->has_uint32 = 0;
  s->uinteger = 0;
  s->buffer_pos = 4;
  memset(s->buffer, 0, sizeof s->buffer);
}

/* counter += step (256 bits), NumPy's carry rule */
void lpy_philox_advance(lpy_philox *s, const uint64_t step[4]) {
  int i, carry = 0;
  for (i = 0; i < 4; i++) {
    uint64_t v;
    if (carry) {
      s->ctr[i]++;
      carry = s->ctr[i] == 0;
    }
    v = s->ctr[i];
    s->ctr[i] += step[i];
    if (s->ctr[i] < v && !carry) carry = 1;
  }
  lpy_philox_reset(s);
}

/* ------------------------------------------------------------ SFC64 */
static inline uint64_t rotl64(uint64_t v, unsigned r) {
  return (v << r) | (v >> ((-r) & 63));
}

uint64_t lpy_sfc64_next64(void *st) {
  lpy_sfc64 *s = st;
  uint64_t t = s->s[0] + s->s[1] + s->s[3]++;
  s->s[0] = s->s[1] ^ (s->s[1] >> 11);
  s->s[1] = s->s[2] + (s->s[2] << 3);
  s->s[2] = rotl64(s->s[2], 24) + t;
  return t;
}
HALVES(sfc64_next32, lpy_sfc64, lpy_sfc64_next64)
static double sfc64_double(void *st) { return TO_DOUBLE(lpy_sfc64_next64(st)); }

void lpy_sfc64_bind(lpy_bitgen *bg, lpy_sfc64 *s) {
  bg->state = s;
  bg->next_uint64 = bg->next_raw = lpy_sfc64_next64;
  bg->next_uint32 = sfc64_next32;
  bg->next_double = sfc64_double;
}

/* words = generate_state(3, uint64); the counter 1; 12 steps discarded */
void lpy_sfc64_seed(lpy_sfc64 *s, const uint64_t w[3]) {
  int i;
  s->s[0] = w[0];
  s->s[1] = w[1];
  s->s[2] = w[2];
  s->s[3] = 1;
  for (i = 0; i < 12; i++) lpy_sfc64_next64(s);
  s->has_uint32 = 0;
  s->uinteger = 0;
}

/* ------------------------------------------------------------ MT19937 */
#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfu
#define UPPER 0x80000000u
#define LOWER 0x7fffffffu

static void mt_gen(lpy_mt19937 *s) {
  uint32_t *k = s->key, y;
  int i;
  for (i = 0; i < MT_N; i++) {
    y = (k[i] & UPPER) | (k[(i + 1) % MT_N] & LOWER);
    k[i] = k[(i + MT_M) % MT_N] ^ (y >> 1) ^ ((0u - (y & 1)) & MATRIX_A);
  }
  s->pos = 0;
}

uint32_t lpy_mt19937_next32(void *st) {
  lpy_mt19937 *s = st;
  uint32_t y;
  if (s->pos >= MT_N) mt_gen(s);
  y = s->key[s->pos++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  return y ^ (y >> 18);
}
static uint64_t mt_next64(void *st) {
  uint64_t hi = lpy_mt19937_next32(st);
  return hi << 32 | lpy_mt19937_next32(st);
}
static uint64_t mt_raw(void *st) { return lpy_mt19937_next32(st); }
/* 53 bits from two words: 27 from the first, 26 from the second */
double lpy_mt19937_double(void *st) {
  int32_t a = (int32_t)(lpy_mt19937_next32(st) >> 5);
  int32_t b = (int32_t)(lpy_mt19937_next32(st) >> 6);
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

void lpy_mt19937_bind(lpy_bitgen *bg, lpy_mt19937 *s) {
  bg->state = s;
  bg->next_uint64 = mt_next64;
  bg->next_uint32 = lpy_mt19937_next32;
  bg->next_double = lpy_mt19937_double;
  bg->next_raw = mt_raw;
}

/* Knuth's linear congruential initialisation (init_genrand) */
void lpy_mt19937_seed(lpy_mt19937 *s, uint32_t seed) {
  int i;
  s->key[0] = seed;
  for (i = 1; i < MT_N; i++)
    s->key[i] = 1812433253u * (s->key[i - 1] ^ (s->key[i - 1] >> 30)) + (uint32_t)i;
  s->pos = MT_N;
}

/* the reference init_by_array */
void lpy_mt19937_seed_array(lpy_mt19937 *s, const uint32_t *k, int64_t n) {
  uint32_t *mt = s->key;
  int64_t i = 1, j = 0, c;
  lpy_mt19937_seed(s, 19650218u);
  for (c = MT_N > n ? MT_N : n; c; c--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + k[j] + (uint32_t)j;
    i++;
    j++;
    if (i >= MT_N) { mt[0] = mt[MT_N - 1]; i = 1; }
    if (j >= n) j = 0;
  }
  for (c = MT_N - 1; c; c--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
    i++;
    if (i >= MT_N) { mt[0] = mt[MT_N - 1]; i = 1; }
  }
  mt[0] = 0x80000000u;
  s->pos = MT_N;
}

/* SeedSequence seeding: key[0] = 2^31, key[1..623] = words[1..623] */
void lpy_mt19937_seed_words(lpy_mt19937 *s, const uint32_t *w) {
  int i;
  s->key[0] = 0x80000000u;
  for (i = 1; i < MT_N; i++) s->key[i] = w[i];
  s->pos = MT_N - 1;
}
