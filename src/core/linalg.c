/*
** linalg.c - helpers shared by the linear-algebra parts of the core:
** the compute dtype and stacks of matrices packed to and from
** column-major buffers (see linalg.h).
*/
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

void lpy_mat_pack(const char *src, lpy_dtype from, int64_t rs, int64_t cs,
                  int64_t m, int64_t n, void *dst, lpy_dtype to, int64_t ld) {
  lpy_castfn f = lpy_cast_fn(from, to);
  int64_t isz = lpy_itemsize(to), j;
  for (j = 0; j < n; j++)
    f(src + j * cs, rs, (char *)dst + j * ld * isz, isz, m);
}

void lpy_mat_unpack(const void *src, lpy_dtype from, int64_t ld, int64_t m,
                    int64_t n, char *dst, lpy_dtype to, int64_t rs,
                    int64_t cs) {
  lpy_castfn f = lpy_cast_fn(from, to);
  int64_t isz = lpy_itemsize(from), j;
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
