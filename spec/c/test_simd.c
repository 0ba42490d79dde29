/*
** test_simd.c - every SIMD level compiled in and runnable on this CPU
** against the baseline level, kernel by kernel, through the dispatch
** tables of each level alone (simd.h): lengths 0..67 (every tail), data
** misaligned for the vector width, strided and broadcast operands.
** Arithmetic, comparisons, min/max, abs, sqrt, casts and reductions must
** be bit-identical to the baseline; exp, log, sin, cos, tanh and power
** within MATH_ULPS of it (SLEEF's 1-ULP functions against libm), with the
** same special values. `make ctest` runs it.
*/
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/core/simd.h"

#define MATH_ULPS 2
#define MAXN 67
#include "check.h"

static const char *const knames[] = {
#define KNAME(k, fam) #k,
  LPY_SIMD_KERNELS(KNAME)
#undef KNAME
};
static const int math_kernel[LPY_SK_COUNT] = {
  [LPY_SK_exp] = 1, [LPY_SK_log] = 1, [LPY_SK_sin] = 1, [LPY_SK_cos] = 1,
  [LPY_SK_tanh] = 1, [LPY_SK_power] = 1,
};
static int nin_of(int k) {
  return k == LPY_SK_absolute || k == LPY_SK_sqrt || k == LPY_SK_exp ||
         k == LPY_SK_log || k == LPY_SK_sin || k == LPY_SK_cos ||
         k == LPY_SK_tanh ? 1 : 2;
}

/* ------------------------------------------------------- inputs */
static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return rng;
}
/* values of every kind: special, tiny, huge, ordinary, integral */
static double sample(int i) {
  static const double special[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, 1.0,
    -1.0, 0.5, 2.0, 1e-310, -1e-310, 1e308, -1e308, 709.78, -745.2, 88.7,
    -103.9, 3.14159, 1e20, -1e20, 0.1};
  uint64_t r = next();
  if (i < (int)(sizeof special / sizeof special[0])) return special[i];
  switch (r % 4) {
    case 0: return ((double)(r >> 11) / 9007199254740992.0 - 0.5) * 20;
    case 1: return ((double)(r >> 11) / 9007199254740992.0 - 0.5) * 2e6;
    case 2: return (double)((int64_t)(r >> 40) - (1 << 23));
    default: return ((double)(r >> 11) / 9007199254740992.0) * 4;
  }
}

#define NBUF (2 * MAXN + 16)
typedef struct { _Alignas(64) char b[NBUF * 8]; } buf;
static buf in1[LPY_NTYPES], in2[LPY_NTYPES];

static void fill(lpy_dtype t, char *p, int n, int second) {
  int i;
  for (i = 0; i < n; i++) {
    double v = sample(second ? n - 1 - i : i);
    switch (t) {
      case LPY_FLOAT32: ((float *)p)[i] = (float)v; break;
      case LPY_FLOAT64: ((double *)p)[i] = v; break;
      default: {
        int64_t k = isfinite(v) && fabs(v) < 1e9 ? (int64_t)v : (int64_t)(next() % 2000) - 1000;
        if (i % 7 == 3) k = (int64_t)next();
        switch (t) {
          case LPY_INT8: ((int8_t *)p)[i] = (int8_t)k; break;
          case LPY_INT16: ((int16_t *)p)[i] = (int16_t)k; break;
          case LPY_INT32: ((int32_t *)p)[i] = (int32_t)k; break;
          case LPY_INT64: ((int64_t *)p)[i] = k; break;
          case LPY_UINT8: ((uint8_t *)p)[i] = (uint8_t)k; break;
          case LPY_UINT16: ((uint16_t *)p)[i] = (uint16_t)k; break;
          case LPY_UINT32: ((uint32_t *)p)[i] = (uint32_t)k; break;
          case LPY_UINT64: ((uint64_t *)p)[i] = (uint64_t)k; break;
          default: break;
        }
      }
    }
  }
}

/* distance in ULPs of two floats of dtype t (0 when both nan) */
static double ulps(lpy_dtype t, const char *a, const char *b) {
  if (t == LPY_FLOAT64) {
    double x, y;
    int64_t i, j;
    memcpy(&x, a, 8); memcpy(&y, b, 8);
    if (isnan(x) || isnan(y)) return isnan(x) && isnan(y) ? 0 : INFINITY;
    if (x == y) return signbit(x) == signbit(y) ? 0 : INFINITY;
    if (isinf(x) || isinf(y)) return INFINITY;
    memcpy(&i, a, 8); memcpy(&j, b, 8);
    if (i < 0) i = INT64_MIN - i;
    if (j < 0) j = INT64_MIN - j;
    return fabs((double)i - (double)j);
  } else {
    float x, y;
    int32_t i, j;
    memcpy(&x, a, 4); memcpy(&y, b, 4);
    if (isnan(x) || isnan(y)) return isnan(x) && isnan(y) ? 0 : INFINITY;
    if (x == y) return signbit(x) == signbit(y) ? 0 : INFINITY;
    if (isinf(x) || isinf(y)) return INFINITY;
    memcpy(&i, a, 4); memcpy(&j, b, 4);
    if (i < 0) i = INT32_MIN - i;
    if (j < 0) j = INT32_MIN - j;
    return fabs((double)i - (double)j);
  }
}

/* ------------------------------------------------------- loops */
enum { CONTIG, MISALIGNED, STRIDED, BROADCAST, NLAYOUTS };
static const char *const layout_names[] = {"contiguous", "misaligned", "strided", "broadcast"};

/* run loop f over n elements in the given layout; output contiguous */
static void run(lpy_loop f, int nin, lpy_dtype t, int osz, int layout, int n,
                char *out) {
  int64_t sz = lpy_itemsize(t), s[3];
  char *args[3];
  args[0] = out;
  s[0] = osz;
  args[1] = in1[t].b;
  args[2] = in2[t].b;
  s[1] = s[2] = sz;
  if (layout == MISALIGNED) { args[1] += sz; args[2] += 3 * sz; }
  if (layout == STRIDED) { s[1] = 2 * sz; s[2] = 2 * sz; }
  if (layout == BROADCAST) s[nin] = 0;
  (void)nin;
  f(args, n, s, NULL);
}

static void compare_loops(const char *level, const lpy_simd_table *base,
                          const lpy_simd_table *lev) {
  int k, t, layout, n;
  for (k = 0; k < LPY_SK_COUNT; k++)
    for (t = 0; t < LPY_NTYPES; t++) {
      lpy_loop fb = base->loop[k][t], fl = lev->loop[k][t];
      int nin = nin_of(k), osz, worst_n = -1;
      double worst = 0;
      int bad = 0;
      if (!fb || !fl) continue;
      osz = (k >= LPY_SK_equal && k <= LPY_SK_greater_equal) ? 1 : (int)lpy_itemsize(t);
      for (layout = 0; layout < NLAYOUTS; layout++)
        for (n = 0; n <= MAXN; n++) {
          _Alignas(64) char ob[MAXN * 8 + 64], ol[MAXN * 8 + 64];
          int i;
          memset(ob, 0x5a, sizeof ob);
          memset(ol, 0x5a, sizeof ol);
          run(fb, nin, (lpy_dtype)t, osz, layout, n, ob);
          run(fl, nin, (lpy_dtype)t, osz, layout, n, ol);
          if (memcmp(ob + n * osz, ol + n * osz, 64) != 0) bad = 1;  /* past the end */
          for (i = 0; i < n; i++) {
            const char *a = ob + i * osz, *b = ol + i * osz;
            if (memcmp(a, b, (size_t)osz) == 0) continue;
            if (math_kernel[k]) {
              double d = ulps((lpy_dtype)t, a, b);
              if (d > worst) { worst = d; worst_n = n; }
            } else {
              bad = 1;
              worst_n = n;
            }
          }
        }
      CHECK(!bad && worst <= MATH_ULPS, "%s %s %s: differs from the baseline "
            "(worst %.0f ulps, n = %d)", level, knames[k], lpy_dtypes[t].name,
            worst, worst_n);
    }
}

static void compare_casts(const char *level, const lpy_simd_table *base,
                          const lpy_simd_table *lev) {
  int a, b, n, layout;
  for (a = 0; a < LPY_NTYPES; a++)
    for (b = 0; b < LPY_NTYPES; b++) {
      lpy_castfn fb = base->cast[a][b], fl = lev->cast[a][b];
      int64_t ss = lpy_itemsize(a), ds = lpy_itemsize(b);
      int bad = 0;
      if (!fb || !fl) continue;
      for (layout = 0; layout < 3; layout++)
        for (n = 0; n <= MAXN; n++) {
          _Alignas(64) char ob[MAXN * 8 * 2 + 64], ol[MAXN * 8 * 2 + 64];
          const char *src = in1[a].b + (layout == MISALIGNED ? ss : 0);
          int64_t st = layout == STRIDED ? 2 * ss : ss;
          memset(ob, 0, sizeof ob);
          memset(ol, 0, sizeof ol);
          fb(src, st, ob, ds, n);
          fl(src, st, ol, ds, n);
          if (memcmp(ob, ol, sizeof ob) != 0) bad = 1;
        }
      CHECK(!bad, "%s cast %s -> %s differs from the baseline", level,
            lpy_dtypes[a].name, lpy_dtypes[b].name);
    }
}

static void compare_reductions(const char *level, const lpy_simd_table *base,
                               const lpy_simd_table *lev) {
  static const char *const rn[] = {"sum", "min", "max"};
  int r, t, n, stride;
  for (r = 0; r < LPY_RED_COUNT; r++)
    for (t = 0; t < LPY_NTYPES; t++) {
      lpy_reducefn fb = base->reduce[r][t], fl = lev->reduce[r][t];
      int64_t sz = lpy_itemsize(t);
      int bad = 0;
      static _Alignas(64) char data[2 * 1000 * 8];
      if (!fb || !fl) continue;
      for (n = 0; n < 1000; n++) {
        double v = sample(n % 40 == 39 ? 4 : 40);   /* a nan now and then */
        if (t == LPY_FLOAT64) ((double *)data)[n] = v;
        else if (t == LPY_FLOAT32) ((float *)data)[n] = (float)v;
        else if (t == LPY_INT32) ((int32_t *)data)[n] = (int32_t)next();
        else ((int64_t *)data)[n] = (int64_t)next();
      }
      for (stride = 1; stride <= 2; stride++)
        for (n = r == LPY_RED_SUM ? 0 : 1; n <= 1000 / stride; n += n < 70 ? 1 : 37) {
          char rb[8], rl[8];
          int off;
          for (off = 0; off < 2; off++) {
            fb(data + off * sz, n - off > 0 ? n - off : n, stride * sz, rb);
            fl(data + off * sz, n - off > 0 ? n - off : n, stride * sz, rl);
            if (memcmp(rb, rl, (size_t)sz) != 0) bad = 1;
          }
        }
      CHECK(!bad, "%s %s %s differs from the baseline", level, rn[r],
            lpy_dtypes[t].name);
    }
}

/* the pairwise sum itself, against a hand-computed order */
static void test_pairwise(void) {
  const lpy_simd_table *t = lpy_simd_table_get();
  double d[200], r, s;
  int i;
  for (i = 0; i < 200; i++) d[i] = 1.0 / (i + 1);
  /* 7 elements: one by one from -0.0 */
  t->reduce[LPY_RED_SUM][LPY_FLOAT64]((char *)d, 7, 8, &r);
  s = -0.0;
  for (i = 0; i < 7; i++) s += d[i];
  CHECK(r == s, "pairwise sum of 7: %.17g, expected %.17g", r, s);
  /* 20 elements: 8 partial sums over 16, a tree, then 4 one by one */
  {
    double p[8];
    for (i = 0; i < 8; i++) p[i] = d[i] + d[i + 8];
    s = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
    for (i = 16; i < 20; i++) s += d[i];
    t->reduce[LPY_RED_SUM][LPY_FLOAT64]((char *)d, 20, 8, &r);
    CHECK(r == s, "pairwise sum of 20: %.17g, expected %.17g", r, s);
  }
  {
    double neg = -0.0;
    t->reduce[LPY_RED_SUM][LPY_FLOAT64]((char *)&neg, 1, 8, &r);
    CHECK(r == 0 && signbit(r), "sum of [-0.0] keeps the sign");
  }
}

int main(void) {
  lpy_err e;
  const lpy_simd_info *info;
  const lpy_simd_table *base;
  int t, k;
  if (lpy_simd_init(&e) != 0) {
    printf("FAIL: %s\n", e.msg);
    return 1;
  }
  info = lpy_simd_get_info();
  for (t = 0; t < LPY_NTYPES; t++) {
    if (t == LPY_BOOL || t >= LPY_COMPLEX64) continue;
    fill((lpy_dtype)t, in1[t].b, NBUF, 0);
    fill((lpy_dtype)t, in2[t].b, NBUF, 1);
  }
  base = lpy_simd_level_table(info->level_names[0]);
  CHECK(base != NULL, "the baseline's table");
  for (k = 1; k < info->nlevels && base; k++) {
    const lpy_simd_table *lev = lpy_simd_level_table(info->level_names[k]);
    if (!lev) {
      printf("skip: level %s (this CPU cannot run it)\n", info->level_names[k]);
      continue;
    }
    printf("level %s against %s\n", info->level_names[k], info->level_names[0]);
    compare_loops(info->level_names[k], base, lev);
    compare_casts(info->level_names[k], base, lev);
    compare_reductions(info->level_names[k], base, lev);
  }
  test_pairwise();
  (void)layout_names;
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
