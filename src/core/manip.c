/*
** manip.c - moving data for array manipulation: concatenation into one
** output, gathering / scattering slabs along an axis, repeating slabs.
** Same-dtype C-contiguous operands go by block copies; anything else goes
** through lpy_array_assign on a slab view (strides, casting).
*/
#include <string.h>
#include "manip.h"

static int64_t prod(const int64_t *s, int from, int to) {
  int64_t p = 1;
  int i;
  for (i = from; i < to; i++) p *= s[i];
  return p;
}

/* a view of a's positions [pos, pos + len) along axis */
static void slab(lpy_array_space *v, const lpy_array *a, int axis,
                 int64_t pos, int64_t len) {
  int64_t sh[LPY_MAXDIMS];
  memcpy(sh, a->shape, (size_t)a->ndim * sizeof(int64_t));
  sh[axis] = len;
  lpy_array_init(&v->a, a->dtype, a->ndim, sh, a->strides,
                 a->data + pos * a->strides[axis], NULL);
}

/* copy one block of b bytes; small element-sized blocks without a call */
static inline void copy_block(char *d, const char *s, int64_t b) {
  switch (b) {
    case 1: *d = *s; break;
    case 2: memcpy(d, s, 2); break;
    case 4: memcpy(d, s, 4); break;
    case 8: memcpy(d, s, 8); break;
    case 16: memcpy(d, s, 16); break;
    default: memcpy(d, s, (size_t)b); break;
  }
}

int lpy_concat(lpy_array *out, int n, lpy_array *const *in, int axis,
               lpy_err *e) {
  int isz = lpy_itemsize(out->dtype), i, st;
  int fast = (out->flags & LPY_C_CONTIGUOUS) != 0;
  int64_t outer = prod(out->shape, 0, axis);
  int64_t inner = prod(out->shape, axis + 1, out->ndim);
  int64_t rowb = out->shape[axis] * inner * isz, off = 0, o;
  for (i = 0; i < n; i++) {
    lpy_array *a = in[i];
    int64_t len = a->shape[axis];
    if (a->size > 0) {
      if (fast && a->dtype == out->dtype && (a->flags & LPY_C_CONTIGUOUS)) {
        int64_t chunk = len * inner * isz;
        char *d = out->data + off * inner * isz;
        const char *s = a->data;
        if (outer == 1) memcpy(d, s, (size_t)chunk);
        else
          for (o = 0; o < outer; o++)
            copy_block(d + o * rowb, s + o * chunk, chunk);
      } else {
        lpy_array_space v;
        slab(&v, out, axis, off, len);
        if ((st = lpy_array_assign(&v.a, a, e)) != 0) return st;
      }
    }
    off += len;
  }
  return LPY_OK;
}

int lpy_take_axis(lpy_array *dst, lpy_array *src, int axis,
                  const int64_t *idx, int64_t n, int put, lpy_err *e) {
  int64_t j, o, st;
  lpy_array *big = put ? dst : src;   /* the side idx points into */
  if (dst->size == 0 || src->size == 0 || n == 0) return LPY_OK;
  if (dst->dtype == src->dtype && (dst->flags & LPY_C_CONTIGUOUS) &&
      (src->flags & LPY_C_CONTIGUOUS)) {
    int64_t outer = prod(big->shape, 0, axis);
    int64_t b = prod(big->shape, axis + 1, big->ndim) * lpy_itemsize(big->dtype);
    int64_t bigrow = big->shape[axis] * b, smallrow = n * b;
    for (o = 0; o < outer; o++) {
      char *bp = big->data + o * bigrow, *sp = (put ? src : dst)->data + o * smallrow;
      if (put)
        for (j = 0; j < n; j++) copy_block(bp + idx[j] * b, sp + j * b, b);
      else
        for (j = 0; j < n; j++) copy_block(sp + j * b, bp + idx[j] * b, b);
    }
    return LPY_OK;
  }
  for (j = 0; j < n; j++) {
    lpy_array_space d, s;
    slab(&d, dst, axis, put ? idx[j] : j, 1);
    slab(&s, src, axis, put ? j : idx[j], 1);
    if ((st = lpy_array_assign(&d.a, &s.a, e)) != 0) return (int)st;
  }
  return LPY_OK;
}

int lpy_repeat(lpy_array *dst, lpy_array *src, int axis,
               const int64_t *counts, int64_t ncounts, lpy_err *e) {
  int64_t outer, b, len, o, i, r, k = 0;
  if (dst->size == 0) return LPY_OK;
  if (dst->dtype != src->dtype || !(dst->flags & LPY_C_CONTIGUOUS) ||
      !(src->flags & LPY_C_CONTIGUOUS))
    return lpy_err_set(e, LPY_EVALUE, "repeat needs contiguous operands of one dtype");
  outer = prod(src->shape, 0, axis);
  len = src->shape[axis];
  b = prod(src->shape, axis + 1, src->ndim) * lpy_itemsize(src->dtype);
  for (o = 0; o < outer; o++) {
    const char *s = src->data + o * len * b;
    for (i = 0; i < len; i++, s += b) {
      int64_t c = counts[ncounts == 1 ? 0 : i];
      char *d = dst->data + k * b;
      if (b == 8) for (r = 0; r < c; r++) memcpy(d + r * 8, s, 8);
      else for (r = 0; r < c; r++) copy_block(d + r * b, s, b);
      k += c;
    }
  }
  return LPY_OK;
}

static int nonzero_at(lpy_dtype t, const char *p) {
  if (lpy_iscomplex(t)) {
    double re, im;
    lpy_get_complex(t, p, &re, &im);
    return re != 0 || im != 0;
  }
  if (t == LPY_BOOL) return *p != 0;
  if (lpy_isint(t)) return lpy_get_int64(t, p) != 0;
  return lpy_get_double(t, p) != 0;
}

int lpy_nonzero_box(const lpy_array *a, int64_t *lo, int64_t *hi) {
  int64_t idx[LPY_MAXDIMS] = {0}, i;
  int nd = a->ndim, k, found = 0;
  const char *p = a->data;
  if (a->size == 0) return 0;
  if (nd == 1) {
    int64_t n = a->shape[0], s = a->strides[0];
    for (i = 0; i < n && !nonzero_at(a->dtype, p + i * s); i++) {}
    if (i == n) return 0;
    lo[0] = i;
    for (i = n - 1; !nonzero_at(a->dtype, p + i * s); i--) {}
    hi[0] = i;
    return 1;
  }
  for (;;) {
    if (nonzero_at(a->dtype, p)) {
      for (k = 0; k < nd; k++) {
        if (!found || idx[k] < lo[k]) lo[k] = idx[k];
        if (!found || idx[k] > hi[k]) hi[k] = idx[k];
      }
      found = 1;
    }
    for (k = nd - 1; k >= 0; k--) {      /* next multi-index, C order */
      p += a->strides[k];
      if (++idx[k] < a->shape[k]) break;
      p -= a->strides[k] * a->shape[k];
      idx[k] = 0;
    }
    if (k < 0) return found;
  }
}
