/*
** rng_seed.c - SeedSequence's entropy pool: NumPy's hash mixing (from
** O'Neill's seed_seq design) and generate_state, plus entropy from the OS.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "rng_bg.h"

#if defined(__linux__)
#include <sys/random.h>
#endif

/* the constants that define NumPy's SeedSequence hashing */
#define INIT_A 0x43b0d7e5u
#define MULT_A 0x931e8875u
#define INIT_B 0x8b51f9ddu
#define MULT_B 0x58f38dedu
#define MIX_MULT_L 0xca01f9ddu
#define MIX_MULT_R 0x4973f715u
#define XSHIFT 16

static uint32_t hashmix(uint32_t v, uint32_t *hc) {
  v ^= *hc;
  *hc *= MULT_A;
  v *= *hc;
  return v ^ (v >> XSHIFT);
}

static uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t r = MIX_MULT_L * x - MIX_MULT_R * y;
  return r ^ (r >> XSHIFT);
}

void lpy_seedseq_mix(const uint32_t *entropy, size_t n, uint32_t *pool,
                     int pool_size) {
  uint32_t hc = INIT_A;
  size_t i, j, ps = (size_t)pool_size;
  for (i = 0; i < ps; i++) pool[i] = hashmix(i < n ? entropy[i] : 0, &hc);
  for (i = 0; i < ps; i++)
    for (j = 0; j < ps; j++)
      if (i != j) pool[j] = mix(pool[j], hashmix(pool[i], &hc));
  for (i = ps; i < n; i++)
    for (j = 0; j < ps; j++) pool[j] = mix(pool[j], hashmix(entropy[i], &hc));
}

void lpy_seedseq_generate(const uint32_t *pool, int pool_size, uint32_t *out,
                          size_t n) {
  uint32_t hc = INIT_B;
  size_t i;
  for (i = 0; i < n; i++) {
    uint32_t v = pool[i % (size_t)pool_size] ^ hc;
    hc *= MULT_B;
    v *= hc;
    out[i] = v ^ (v >> XSHIFT);
  }
}

int lpy_os_entropy(void *buf, size_t n, lpy_err *e) {
  char *p = buf;
#if defined(__linux__)
  while (n > 0) {
    ssize_t k = getrandom(p, n, 0);
    if (k < 0) {
      if (errno == EINTR) continue;
      break;
    }
    p += k;
    n -= (size_t)k;
  }
  if (n == 0) return 0;
#endif
  {
    FILE *f = fopen("/dev/urandom", "rb");
    size_t k = f ? fread(p, 1, n, f) : 0;
    if (f) fclose(f);
    if (k == n) return 0;
  }
  return lpy_err_set(e, LPY_ERUNTIME, "no entropy available from the OS");
}
