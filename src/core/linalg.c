/*
** linalg.c - helpers shared by the linear-algebra parts of the core:
** the compute dtype and stacks of matrices packed to and from
** column-major buffers (see linalg.h).
*/
#include <string.h>
#include "linalg.h"

lpy_dtype lpy_linalg_result(int n, const lpy_dtype *t) {
  int single = 1, cplx = 0, i;
  for (i = 0; i < n; i++) {
    if (lpy_iscomplex(t[i])) cplx = 1;
    if (t[i] != LPY_FLOAT32 && t[i] != LPY_COMPLEX64) single = 0;
  }
  if (cplx) return single ? LPY_COMPLEX64 : LPY_COMPLEX128;
  return single ? LPY_FLOAT32 : LPY_FLOAT64;
}

lpy_dtype lpy_linalg_compute(lpy_dtype t) {
  return lpy_iscomplex(t) ? LPY_COMPLEX128 : LPY_FLOAT64;
}

int64_t lpy_stack_count(const lpy_array *a, int core) {
  int64_t n = 1;
  int i;
  for (i = 0; i < a->ndim - core; i++) n *= a->shape[i];
  return n;
}

char *lpy_stack_item(const lpy_array *a, int core, int64_t k) {
  char *p = a->data;
  int i;
  for (i = a->ndim - core - 1; i >= 0; i--) {
    int64_t d = a->shape[i];
    p += (k % d) * a->strides[i];
    k /= d;
  }
  return p;
}

/* ---------------------------------------------------------------- packing */
/* copy the m x n matrix at s (byte strides srs, scs) to d (byte strides
   drs, dcs) without a cast, elements of E bytes, in 32 x 32 tiles so that
   a transposing copy stays in cache */
#define TILE 32
#define COPY_MAT(NAME, E)                                                   \
  static void NAME(const char *s, int64_t srs, int64_t scs, char *d,        \
                   int64_t drs, int64_t dcs, int64_t m, int64_t n) {        \
    int64_t i0, j0, i, j;                                                    \
    for (j0 = 0; j0 < n; j0 += TILE)                                         \
      for (i0 = 0; i0 < m; i0 += TILE) {                                     \
        int64_t ie = i0 + TILE < m ? i0 + TILE : m;                          \
        int64_t je = j0 + TILE < n ? j0 + TILE : n;                          \
        for (j = j0; j < je; j++)                                            \
          for (i = i0; i < ie; i++)                                          \
            memcpy(d + i * drs + j * dcs, s + i * srs + j * scs, E);        \
      }                                                                      \
  }
COPY_MAT(copy8, 8)
COPY_MAT(copy16, 16)

static void copy_same(int isz, const char *s, int64_t srs, int64_t scs,
                     char *d, int64_t drs, int64_t dcs, int64_t m,
                     int64_t n) {
  if (srs == isz && drs == isz) {              /* columns to columns */
    int64_t j;
    for (j = 0; j < n; j++) memcpy(d + j * dcs, s + j * scs, (size_t)(m * isz));
  } else if (isz == 8 && m <= TILE && n <= TILE) {   /* small: a plain loop */
    int64_t i, j;
    for (j = 0; j < n; j++)      /* (memcpy: an operand may be misaligned) */
      for (i = 0; i < m; i++)
        memcpy(d + i * drs + j * dcs, s + i * srs + j * scs, 8);
  } else if (isz == 8) copy8(s, srs, scs, d, drs, dcs, m, n);
  else copy16(s, srs, scs, d, drs, dcs, m, n);
}

/* the same dtype on both sides with 8- or 16-byte elements: no cast */
#define SAME(from, to) ((from) == (to) && (lpy_itemsize(to) == 8 || \
                                           lpy_itemsize(to) == 16))

void lpy_mat_pack(const char *src, lpy_dtype from, int64_t rs, int64_t cs,
                  int64_t m, int64_t n, void *dst, lpy_dtype to, int64_t ld) {
  int64_t isz = lpy_itemsize(to), j;
  lpy_castfn f;
  if (SAME(from, to)) {
    copy_same((int)isz, src, rs, cs, dst, isz, ld * isz, m, n);
    return;
  }
  f = lpy_cast_fn(from, to);
  for (j = 0; j < n; j++)
    f(src + j * cs, rs, (char *)dst + j * ld * isz, isz, m);
}

void lpy_mat_unpack(const void *src, lpy_dtype from, int64_t ld, int64_t m,
                    int64_t n, char *dst, lpy_dtype to, int64_t rs,
                    int64_t cs) {
  int64_t isz = lpy_itemsize(from), j;
  lpy_castfn f;
  if (SAME(from, to)) {
    copy_same((int)isz, src, isz, ld * isz, dst, rs, cs, m, n);
    return;
  }
  f = lpy_cast_fn(from, to);
  for (j = 0; j < n; j++)
    f((const char *)src + j * ld * isz, isz, dst + j * cs, rs, m);
}

void lpy_stack_pack(const lpy_array *a, int64_t k, void *dst, lpy_dtype to,
                    int64_t ld) {
  int nd = a->ndim;
  lpy_mat_pack(lpy_stack_item(a, 2, k), a->dtype, a->strides[nd - 2],
               a->strides[nd - 1], a->shape[nd - 2], a->shape[nd - 1], dst,
               to, ld);
}

void lpy_stack_unpack(lpy_array *a, int64_t k, const void *src,
                      lpy_dtype from, int64_t ld) {
  int nd = a->ndim;
  lpy_mat_unpack(src, from, ld, a->shape[nd - 2], a->shape[nd - 1],
                 lpy_stack_item(a, 2, k), a->dtype, a->strides[nd - 2],
                 a->strides[nd - 1]);
}
