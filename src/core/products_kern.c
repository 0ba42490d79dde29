/*
** products_kern.c - LumPy's own matrix-product kernels, for what BLAS does
** not take: bool (or of ands) and the integer types (wrapping arithmetic),
** tiny matrices where a BLAS call costs more than the product, and
** dimensions beyond BLAS's integer. Two kernels per dtype:
**   small   - strided loops, one accumulator per element of C (no memory);
**   blocked - B packed in cache-sized blocks, C accumulated four rows at a
**             time in contiguous rows (vectorisable).
** No BLAS here (the cross build compiles this file).
*/
#include <string.h>
#include "products.h"
#include "ctypes.h"

/* integers are computed in the unsigned type of their width: the same
   bits as NumPy's wrapping signed arithmetic, without overflow UB */
#define MAC_R(c, a, b) ((c) += (a) * (b))
#define MAC_B(c, a, b) ((c) |= (a) & (b))
#define MAC_C(c, a, b) ((c).re += (a).re * (b).re - (a).im * (b).im, \
                        (c).im += (a).re * (b).im + (a).im * (b).re)
#define ZERO_R(T) ((T)0)
#define ZERO_C(T) ((T){0, 0})

/* blocking: a packed block of B is KC x NC elements; C rows are NC wide */
#define KC 256
#define NC 256

/* one accumulator per element of C over K terms; M, N, K constants in the
   unrolled cases of tiny matrices */
#define SMALL_LOOP(T, MAC, ZERO, M, N, K)                                     \
  for (i = 0; i < (M); i++) {                                                \
    const char *ai = a + i * ars;                                            \
    for (j = 0; j < (N); j++) {                                              \
      const char *bj = b + j * bcs;                                          \
      T acc = ZERO(T);                                                       \
      for (p = 0; p < (K); p++)                                              \
        MAC(acc, *(const T *)(ai + p * acs), *(const T *)(bj + p * brs));    \
      *(T *)(c + i * crs + j * ccs) = acc;                                   \
    }                                                                        \
  }
#define SMALL_STACK(T, MAC, ZERO, M, N, K)                                    \
  for (it = 0; it < cnt; it++, a += sa, b += sb, c += sc) {                  \
    SMALL_LOOP(T, MAC, ZERO, M, N, K)                                        \
  }

#define DEF_KERNELS(NAME, T, MAC, ZERO)                                       \
/* cnt products, item it at a + it * sa, b + it * sb, c + it * sc */         \
static void small_##NAME(int64_t cnt, int64_t sa, int64_t sb, int64_t sc,    \
                         int64_t m, int64_t n, int64_t k, const char *a,     \
                         int64_t ars, int64_t acs, const char *b,            \
                         int64_t brs, int64_t bcs, char *c, int64_t crs,     \
                         int64_t ccs) {                                      \
  int64_t i, j, p, it;                                                       \
  if (m == n && n == k && k <= 4) {                                          \
    switch (k) {                                                             \
    case 2: SMALL_STACK(T, MAC, ZERO, 2, 2, 2) return;                       \
    case 3: SMALL_STACK(T, MAC, ZERO, 3, 3, 3) return;                       \
    case 4: SMALL_STACK(T, MAC, ZERO, 4, 4, 4) return;                       \
    default: break;                                                          \
    }                                                                        \
  }                                                                          \
  switch (k) {                                                               \
  case 2: SMALL_STACK(T, MAC, ZERO, m, n, 2) break;                          \
  case 3: SMALL_STACK(T, MAC, ZERO, m, n, 3) break;                          \
  case 4: SMALL_STACK(T, MAC, ZERO, m, n, 4) break;                          \
  default: SMALL_STACK(T, MAC, ZERO, m, n, k) break;                         \
  }                                                                          \
}                                                                            \
/* rows [0, mb) of C (row stride ldc elements, nb wide) += A block (mb x kb, \
   byte strides) @ bp (kb x nb, contiguous) */                               \
static void panel_##NAME(int64_t mb, int64_t nb, int64_t kb, const char *a,  \
                         int64_t ars, int64_t acs, const T *bp, T *c,        \
                         int64_t ldc) {                                      \
  int64_t i = 0, j, p;                                                       \
  for (; i + 4 <= mb; i += 4) {                                              \
    T *restrict c0 = c + i * ldc, *restrict c1 = c0 + ldc;                   \
    T *restrict c2 = c1 + ldc, *restrict c3 = c2 + ldc;                      \
    const char *ai = a + i * ars;                                            \
    for (p = 0; p < kb; p++) {                                               \
      const T *restrict bq = bp + p * nb;                                    \
      const char *ap = ai + p * acs;                                         \
      T a0 = *(const T *)ap, a1 = *(const T *)(ap + ars);                    \
      T a2 = *(const T *)(ap + 2 * ars), a3 = *(const T *)(ap + 3 * ars);    \
      for (j = 0; j < nb; j++) {                                             \
        T bv = bq[j];                                                        \
        MAC(c0[j], a0, bv); MAC(c1[j], a1, bv);                              \
        MAC(c2[j], a2, bv); MAC(c3[j], a3, bv);                              \
      }                                                                      \
    }                                                                        \
  }                                                                          \
  for (; i < mb; i++) {                                                      \
    T *restrict c0 = c + i * ldc;                                            \
    const char *ai = a + i * ars;                                            \
    for (p = 0; p < kb; p++) {                                               \
      const T *restrict bq = bp + p * nb;                                    \
      T a0 = *(const T *)(ai + p * acs);                                     \
      for (j = 0; j < nb; j++) MAC(c0[j], a0, bq[j]);                        \
    }                                                                        \
  }                                                                          \
}                                                                            \
static int blocked_##NAME(int64_t m, int64_t n, int64_t k, const char *a,    \
                          int64_t ars, int64_t acs, const char *b,           \
                          int64_t brs, int64_t bcs, char *c, int64_t crs,    \
                          int64_t ccs, lpy_err *e) {                         \
  int64_t jb, pb, i, j, p, ldc;                                              \
  size_t bsz = (size_t)KC * NC * sizeof(T), csz = 0;                         \
  T *bp = lpy_alloc(bsz, 0), *cc;                                            \
  if (!bp) return lpy_err_set(e, LPY_EMEMORY, "out of memory");              \
  /* accumulate in C itself when its rows are contiguous, else in a copy */  \
  if (ccs == (int64_t)sizeof(T) && crs % (int64_t)sizeof(T) == 0 &&          \
      crs >= n * (int64_t)sizeof(T)) {                                       \
    cc = (T *)c; ldc = crs / (int64_t)sizeof(T);                             \
  } else {                                                                   \
    csz = (size_t)m * (size_t)n * sizeof(T);                                 \
    cc = lpy_alloc(csz, 0); ldc = n;                                         \
    if (!cc) { lpy_free(bp, bsz);                                            \
               return lpy_err_set(e, LPY_EMEMORY, "out of memory"); }        \
  }                                                                          \
  for (i = 0; i < m; i++) memset(cc + i * ldc, 0, (size_t)n * sizeof(T));    \
  for (jb = 0; jb < n; jb += NC) {                                           \
    int64_t nb = n - jb < NC ? n - jb : NC;                                  \
    for (pb = 0; pb < k; pb += KC) {                                         \
      int64_t kb = k - pb < KC ? k - pb : KC;                                \
      for (p = 0; p < kb; p++) {                                             \
        const char *bq = b + (pb + p) * brs + jb * bcs;                      \
        for (j = 0; j < nb; j++) bp[p * nb + j] = *(const T *)(bq + j * bcs);\
      }                                                                      \
      panel_##NAME(m, nb, kb, a + pb * acs, ars, acs, bp, cc + jb, ldc);     \
    }                                                                        \
  }                                                                          \
  if (csz) {                                                                 \
    for (i = 0; i < m; i++)                                                  \
      for (j = 0; j < n; j++)                                                \
        *(T *)(c + i * crs + j * ccs) = cc[i * n + j];                       \
    lpy_free(cc, csz);                                                       \
  }                                                                          \
  lpy_free(bp, bsz);                                                         \
  return 0;                                                                  \
}

DEF_KERNELS(b, uint8_t, MAC_B, ZERO_R)
DEF_KERNELS(u8, uint8_t, MAC_R, ZERO_R)
DEF_KERNELS(u16, uint16_t, MAC_R, ZERO_R)
DEF_KERNELS(u32, uint32_t, MAC_R, ZERO_R)
DEF_KERNELS(u64, uint64_t, MAC_R, ZERO_R)
DEF_KERNELS(f32, float, MAC_R, ZERO_R)
DEF_KERNELS(f64, double, MAC_R, ZERO_R)
DEF_KERNELS(c64, lpy_c64, MAC_C, ZERO_C)
DEF_KERNELS(c128, lpy_c128, MAC_C, ZERO_C)

/* bool: C(i, j) is true as soon as one A(i, p) & B(p, j) is, so each
   element scans A's row against B's column in blocks of 64 and stops at
   the first true block (NumPy stops at the first true term), on contiguous
   copies of A and of B transposed */
#define BOOL_BLOCK 64
static int rows_b(int64_t m, int64_t n, int64_t k, const char *a, int64_t ars,
                  int64_t acs, const char *b, int64_t brs, int64_t bcs,
                  char *c, int64_t crs, int64_t ccs, lpy_err *e) {
  size_t asz = (size_t)m * (size_t)k, bsz = (size_t)n * (size_t)k;
  uint8_t *ap = lpy_alloc(asz, 0), *bt = lpy_alloc(bsz, 0);
  int64_t i, j, p, q;
  if (!ap || !bt) {
    if (ap) lpy_free(ap, asz);
    if (bt) lpy_free(bt, bsz);
    return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  }
  int64_t ta = 0, tb = 0;
  for (i = 0; i < m; i++)
    for (p = 0; p < k; p++) ta += ap[i * k + p] = *(const uint8_t *)(a + i * ars + p * acs);
  for (p = 0; p < k; p++)
    for (j = 0; j < n; j++) tb += bt[j * k + p] = *(const uint8_t *)(b + p * brs + j * bcs);
  /* few true terms expected per element (k * density(A) * density(B)):
     the scans would mostly run to the end, the blocked kernel is faster */
  if ((double)ta / (double)asz * ((double)tb / (double)bsz) * (double)k < 16.0) {
    lpy_free(ap, asz);
    lpy_free(bt, bsz);
    return blocked_b(m, n, k, a, ars, acs, b, brs, bcs, c, crs, ccs, e);
  }
  for (i = 0; i < m; i++) {
    const uint8_t *ai = ap + i * k;
    for (j = 0; j < n; j++) {
      const uint8_t *bj = bt + j * k;
      uint8_t acc = 0;
      for (p = 0; p < k && !acc; p += BOOL_BLOCK) {
        int64_t pe = p + BOOL_BLOCK < k ? p + BOOL_BLOCK : k;
        for (q = p; q < pe; q++) acc |= ai[q] & bj[q];
      }
      *(uint8_t *)(c + i * crs + j * ccs) = acc;
    }
  }
  lpy_free(ap, asz);
  lpy_free(bt, bsz);
  return 0;
}

typedef void (*small_fn)(int64_t, int64_t, int64_t, int64_t, int64_t,
                         int64_t, int64_t, const char *, int64_t,
                         int64_t, const char *, int64_t, int64_t, char *,
                         int64_t, int64_t);
typedef int (*blocked_fn)(int64_t, int64_t, int64_t, const char *, int64_t,
                          int64_t, const char *, int64_t, int64_t, char *,
                          int64_t, int64_t, lpy_err *);

static const struct { small_fn small; blocked_fn blocked; } kern[LPY_NTYPES] = {
  {small_b, rows_b}, {small_u8, blocked_u8}, {small_u16, blocked_u16},
  {small_u32, blocked_u32}, {small_u64, blocked_u64}, {small_u8, blocked_u8},
  {small_u16, blocked_u16}, {small_u32, blocked_u32}, {small_u64, blocked_u64},
  {small_f32, blocked_f32}, {small_f64, blocked_f64},
  {small_c64, blocked_c64}, {small_c128, blocked_c128}
};

void lpy_matmul_small(lpy_dtype t, int64_t count, int64_t sa, int64_t sb,
                      int64_t sc, int64_t m, int64_t n, int64_t k,
                      const char *a, int64_t ars, int64_t acs, const char *b,
                      int64_t brs, int64_t bcs, char *c, int64_t crs,
                      int64_t ccs) {
  kern[t].small(count, sa, sb, sc, m, n, k, a, ars, acs, b, brs, bcs, c, crs, ccs);
}

int lpy_matmul_kernel(lpy_dtype t, int64_t m, int64_t n, int64_t k,
                      const char *a, int64_t ars, int64_t acs, const char *b,
                      int64_t brs, int64_t bcs, char *c, int64_t crs,
                      int64_t ccs, lpy_err *e) {
  /* a vector result, or little work: the strided loops (a dot product per
     element); otherwise the blocked kernel */
  if (n == 1 || m * n <= 64 || (m <= 64 && n <= 64 && k <= 64 && m * n * k <= 4096)) {
    kern[t].small(1, 0, 0, 0, m, n, k, a, ars, acs, b, brs, bcs, c, crs, ccs);
    return 0;
  }
  return kern[t].blocked(m, n, k, a, ars, acs, b, brs, bcs, c, crs, ccs, e);
}
