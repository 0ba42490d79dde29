/*
** array.c - array headers: layout, contiguity flags, overflow-checked
** shape arithmetic, shape broadcasting, heap arrays for C users.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lpy.h"

#define MAX_BYTES ((int64_t)1 << 62)

/* the product of the non-zero dims is bounded even when a dim is 0, so that
   byte strides (up to the widest item, complex128) and running products of
   dims never overflow */
#define MAX_ELEMS (MAX_BYTES / 16)

int64_t lpy_shape_size(int ndim, const int64_t *shape, lpy_err *e) {
  int64_t n = 1;
  int i, zero = 0;
  for (i = 0; i < ndim; i++) {
    if (shape[i] < 0) {
      lpy_err_set(e, LPY_EVALUE, "negative dimensions are not allowed");
      return -1;
    }
    if (shape[i] == 0) { zero = 1; continue; }
    if (__builtin_mul_overflow(n, shape[i], &n) || n > MAX_ELEMS) {
      lpy_err_set(e, LPY_EVALUE,
                  "array is too big; arr.size * arr.dtype.itemsize is larger "
                  "than the maximum possible size");
      return -1;
    }
  }
  return zero ? 0 : n;
}

int64_t lpy_strides_c(int ndim, const int64_t *shape, int itemsize,
                      int64_t *strides) {
  int64_t s = itemsize;
  int i;
  for (i = ndim - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] ? shape[i] : 1;
  }
  return s;
}

static int is_contig(const lpy_array *a, int forder) {
  int64_t s = lpy_itemsize(a->dtype);
  int i, k;
  if (a->size == 0) return 1;
  for (k = 0; k < a->ndim; k++) {
    i = forder ? k : a->ndim - 1 - k;
    if (a->shape[i] == 1) continue;
    if (a->strides[i] != s) return 0;
    s *= a->shape[i];
  }
  return 1;
}

/* NumPy's rule: the data address and every stride of an axis longer than
   1 are multiples of the alignment; an empty array is aligned */
int lpy_array_is_aligned(const lpy_array *a, int alignment) {
  uintptr_t bits = (uintptr_t)a->data;
  int i;
  if (alignment <= 1 || a->size == 0) return 1;
  for (i = 0; i < a->ndim; i++)
    if (a->shape[i] > 1) bits |= (uintptr_t)a->strides[i];
  return bits % (uintptr_t)alignment == 0;
}

void lpy_array_update_flags(lpy_array *a) {
  unsigned f = a->flags & ~(unsigned)(LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS |
                                      LPY_ALIGNED);
  if (is_contig(a, 0)) f |= LPY_C_CONTIGUOUS;
  if (is_contig(a, 1)) f |= LPY_F_CONTIGUOUS;
  if (lpy_array_is_aligned(a, lpy_alignment(a->dtype))) f |= LPY_ALIGNED;
  a->flags = f;
}

void lpy_array_init(lpy_array *a, lpy_dtype t, int ndim, const int64_t *shape,
                    const int64_t *strides, char *data, lpy_buffer *buf) {
  int i;
  a->dtype = t;
  a->ndim = ndim;
  a->shape = a->dims;
  a->strides = a->dims + ndim;
  a->data = data;
  a->buf = buf;
  a->size = 1;
  for (i = 0; i < ndim; i++) {
    a->shape[i] = shape[i];
    a->size *= shape[i];
  }
  if (strides) memcpy(a->strides, strides, (size_t)ndim * sizeof(int64_t));
  else lpy_strides_c(ndim, shape, lpy_itemsize(t), a->strides);
  a->flags = LPY_WRITEABLE;
  lpy_array_update_flags(a);
}

lpy_array *lpy_array_new(lpy_dtype t, int ndim, const int64_t *shape, int zero,
                         lpy_err *e) {
  int64_t n = lpy_shape_size(ndim, shape, e);
  lpy_buffer *b;
  lpy_array *a;
  if (n < 0) return NULL;
  if (n > MAX_BYTES / lpy_itemsize(t)) {
    lpy_err_set(e, LPY_EMEMORY, "array is too big");
    return NULL;
  }
  b = lpy_buffer_new((size_t)n * lpy_itemsize(t), zero, e);
  if (!b) return NULL;
  a = malloc(lpy_array_sizeof(ndim));
  if (!a) {
    lpy_buffer_decref(b);
    lpy_err_set(e, LPY_EMEMORY, "out of memory");
    return NULL;
  }
  lpy_array_init(a, t, ndim, shape, NULL, b->data, b);
  a->flags |= LPY_OWNDATA;
  return a;
}

void lpy_array_free(lpy_array *a) {
  if (!a) return;
  lpy_buffer_decref(a->buf);
  free(a);
}

void lpy_shape_str(int ndim, const int64_t *shape, char *buf, size_t n) {
  size_t len = 0;
  int i;
  if (n == 0) return;
  buf[0] = '\0';
  len += (size_t)snprintf(buf, n, "(");
  for (i = 0; i < ndim && len < n; i++)
    len += (size_t)snprintf(buf + len, n - len, i ? ",%lld" : "%lld",
                            (long long)shape[i]);
  if (len < n) snprintf(buf + len, n - len, ")");
}

int lpy_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes,
                         int *ondim, int64_t *out, lpy_err *e) {
  int nd = 0, i, k;
  for (i = 0; i < n; i++)
    if (ndims[i] > nd) nd = ndims[i];
  for (k = 0; k < nd; k++) out[k] = 1;
  for (i = 0; i < n; i++) {
    int off = nd - ndims[i];
    for (k = 0; k < ndims[i]; k++) {
      int64_t d = shapes[i][k], *o = &out[off + k];
      if (d == *o) continue;
      if (*o == 1) *o = d;
      else if (d != 1) goto fail;
    }
  }
  *ondim = nd;
  return 0;
fail: {
    char msg[sizeof e->msg];
    size_t len = (size_t)snprintf(msg, sizeof msg,
                           "operands could not be broadcast together with shapes");
    for (i = 0; i < n && len + 2 < sizeof msg; i++) {
      msg[len++] = ' ';
      lpy_shape_str(ndims[i], shapes[i], msg + len, sizeof msg - len);
      len += strlen(msg + len);
    }
    return lpy_err_set(e, LPY_EVALUE, "%s", msg);
  }
}
