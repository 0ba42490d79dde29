/*
** rng_mtjump.c - MT19937's jump ahead by 2^128 draws as NumPy's
** MT19937.jumped does it: the jump polynomial (rng_mtjump_poly.h, made by
** tools/gen_mt_jump.py) applied to the state by Horner's rule, the state
** seen as the 624 words from pos on, stepped one word at a time.
*/
#include "rng_bg.h"
#include "rng_mtjump_poly.h"

#define MT_N 624
#define MT_M 397

/* one word of the recurrence at pos; pos moves on (wrapping) */
static void step1(lpy_mt19937 *s) {
  int p = s->pos;
  uint32_t y = (s->key[p] & 0x80000000u) | (s->key[(p + 1) % MT_N] & 0x7fffffffu);
  s->key[p] = s->key[(p + MT_M) % MT_N] ^ (y >> 1) ^ ((0u - (y & 1)) & 0x9908b0dfu);
  s->pos = (p + 1) % MT_N;
}

/* a ^= b, word k of each counted from its own pos */
static void add(lpy_mt19937 *a, const lpy_mt19937 *b) {
  int k;
  for (k = 0; k < MT_N; k++) a->key[(a->pos + k) % MT_N] ^= b->key[(b->pos + k) % MT_N];
}

static int coef(int d) { return (mt_jump_poly[d >> 5] >> (d & 31)) & 1; }

void lpy_mt19937_jump(lpy_mt19937 *s) {
  lpy_mt19937 tmp, *t = &tmp;
  int d = 19936;
  if (s->pos >= MT_N) s->pos = 0;
  while (d >= 0 && !coef(d)) d--;
  *t = *s;
  if (d > 0) {
    step1(t);
    for (d--; d > 0; d--) {
      if (coef(d)) add(t, s);
      step1(t);
    }
    if (coef(0)) add(t, s);
  }
  *s = *t;
}
