/*
** exhaust_f32.c - runs the float32 vector log, sin, cos or tanh of
** src/simd on every float in a range of bit patterns and reports, over the
** lanes the vector code keeps (not those its mask sends to libm), the
** largest error in ULPs of the exact value (libm's double result as the
** reference) and the largest distance from glibc's float function.
** Build it for the level to check, e.g. AVX-512:
**   gcc -O2 -march=skylake-avx512 -Isrc/simd tools/fit/exhaust_f32.c \
**       -o /tmp/exhaust_f32 -lm
** (or -mavx2 -mfma for AVX2), then
**   /tmp/exhaust_f32 log 0x00800000 0x7f800000   (positive normal floats)
**   /tmp/exhaust_f32 cos 0 0x48000001            (0 <= x <= 2^17)
**   /tmp/exhaust_f32 cos 0x80000000 0xc8000001   (the negative ones)
** About a minute per 2^31 floats.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vmath.h"
#include "vmath_f32.h"
#include "vmath_sincos_f32.h"

#define LANES (sizeof(VF) / sizeof(float))

enum { F_LOG, F_SIN, F_COS, F_TANH };

/* the ulp of the float nearest y */
static double ulp_f(double y) {
  int e;
  float f = (float)y;
  if (f == 0) return 0x1p-149;
  frexpf(fabsf(f), &e);
  return ldexp(1.0, e - 24 < -149 ? -149 : e - 24);
}

/* one vector: the results in r, the mask of lanes for libm returned */
static unsigned run(int fn, const float *x, float *r) {
  VF v = LOADV(VF, x), y;
  unsigned m;
  switch (fn) {
  case F_LOG: y = vlog_f(v); m = LOG_RANGE_F(y, v); break;
  case F_SIN: y = vsin_f(v); m = SIN_RANGE_F(y, v); break;
  case F_COS: y = vcos_f(v); m = COS_RANGE_F(y, v); break;
  default: y = vtanh_f(v); m = TANH_RANGE_F(y, v); break;
  }
  STOREV(VF, r, y);
  return m;
}

static double ref_d(int fn, float x) {
  switch (fn) {
  case F_LOG: return log((double)x);
  case F_SIN: return sin((double)x);
  case F_COS: return cos((double)x);
  default: return tanh((double)x);
  }
}

static float ref_f(int fn, float x) {
  switch (fn) {
  case F_LOG: return logf(x);
  case F_SIN: return sinf(x);
  case F_COS: return cosf(x);
  default: return tanhf(x);
  }
}

int main(int argc, char **argv) {
  static const char *names[] = {"log", "sin", "cos", "tanh"};
  int fn = -1, maxg = 0;
  uint64_t b, lo, hi;
  long n = 0, ndiff = 0;
  double maxe = 0;
  float worst = 0;
  for (int i = 0; argc == 4 && i < 4; i++)
    if (strcmp(argv[1], names[i]) == 0) fn = i;
  if (fn < 0) {
    fprintf(stderr, "usage: %s log|sin|cos|tanh FIRST_BITS END_BITS\n", argv[0]);
    return 2;
  }
  lo = strtoull(argv[2], NULL, 0);
  hi = strtoull(argv[3], NULL, 0);
  if (hi > 0x100000000ULL) hi = 0x100000000ULL;
  for (b = lo; b < hi; b += LANES) {
    float x[LANES], r[LANES];
    unsigned m;
    for (unsigned j = 0; j < LANES; j++) {
      uint32_t u = (uint32_t)(b + j);
      memcpy(&x[j], &u, 4);
    }
    m = run(fn, x, r);
    for (unsigned j = 0; j < LANES && b + j < hi; j++) {
      double e;
      float g;
      int32_t gi, ri;
      if (m >> j & 1) continue;
      n++;
      e = fabs((double)r[j] - ref_d(fn, x[j])) / ulp_f(ref_d(fn, x[j]));
      if (e > maxe) { maxe = e; worst = x[j]; }
      g = ref_f(fn, x[j]);
      memcpy(&gi, &g, 4);
      memcpy(&ri, &r[j], 4);
      if (gi != ri) {
        ndiff++;
        if (abs(gi - ri) > maxg) maxg = abs(gi - ri);
      }
    }
  }
  printf("%s [%#llx, %#llx): %ld lanes, largest error %.4f ULP (x = %a); "
         "from glibc: %ld differ, by at most %d ULP\n", names[fn],
         (unsigned long long)lo, (unsigned long long)hi, n, maxe,
         (double)worst, ndiff, maxg);
  return 0;
}
