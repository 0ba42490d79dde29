/*
** cast.c - conversion loops between every pair of dtypes, and assignment
** of one array into another with broadcasting and casting.
** The element conversions themselves are in convdefs.h.
*/
#include <stdlib.h>
#include <string.h>
#include "lpy.h"
#include "convdefs.h"
#include "simd.h"

/* one row of the table: every destination for one source */
#define CAST_ROW(SN, ST, SK) LPY_DST_TYPES(CASTFN, SN, ST, SK)
LPY_SRC_TYPES(CAST_ROW)

#define TABLE_ENTRY(SN, ST, SK, DN, DT, DK) cast_##SN##_##DN,
#define TABLE_ROW(SN, ST, SK) {LPY_DST_TYPES(TABLE_ENTRY, SN, ST, SK)},
static const lpy_castfn cast_table[LPY_NTYPES][LPY_NTYPES] = {
  LPY_SRC_TYPES(TABLE_ROW)
};

/* the dispatch table's SIMD build for the hot pairs, else the generic */
lpy_castfn lpy_cast_fn(lpy_dtype from, lpy_dtype to) {
  const lpy_simd_table *t = lpy_simd_table_get();
  if (t && t->cast[from][to]) return t->cast[from][to];
  return cast_table[from][to];
}

/* -------- assignment */
void lpy_array_extent(const lpy_array *a, char **lo, char **hi) {
  char *l = a->data, *h = a->data;
  int i;
  if (a->size == 0) { *lo = *hi = a->data; return; }
  for (i = 0; i < a->ndim; i++) {
    int64_t span = a->strides[i] * (a->shape[i] - 1);
    if (span < 0) l += span; else h += span;
  }
  *lo = l;
  *hi = h + lpy_itemsize(a->dtype);
}

int lpy_arrays_overlap(const lpy_array *a, const lpy_array *b) {
  char *alo, *ahi, *blo, *bhi;
  if (a->size == 0 || b->size == 0) return 0;
  lpy_array_extent(a, &alo, &ahi);
  lpy_array_extent(b, &blo, &bhi);
  return alo < bhi && blo < ahi;
}

typedef struct { lpy_castfn f; } assign_ctx;

static void assign_loop(char **args, int64_t n, const int64_t *steps,
                        void *ud) {
  assign_ctx *c = ud;
  c->f(args[1], steps[1], args[0], steps[0], n);
}

/* a 2-d copy where the destination runs along rows and the source along
   columns (a transpose): walking rows would touch a new source cache line
   for every element, so copy in tiles: a few source columns read as long
   runs, written as short pieces of many destination rows (the shape was
   measured: 1024 x 4 was about 1.5x faster than square tiles here) */
#define TILE 32             /* both sides at least this long to bother */
#define TROWS 1024
#define TCOLS 4

static int is_transpose(const lpy_iter *it, int dsize, int ssize) {
  return it->ndim == 2 && it->strides[0][1] == dsize &&
         it->strides[1][0] == ssize && it->shape[0] >= TILE &&
         it->shape[1] >= TILE;
}

/* same-type tiles move elements directly; T is the element's C type */
#define TILED_MOVE(T)                                                       \
  for (r = 0; r < rows; r += TROWS)                                         \
    for (c = 0; c < cols; c += TCOLS) {                                     \
      int64_t re = rows - r < TROWS ? rows : r + TROWS;                     \
      int64_t ce = cols - c < TCOLS ? cols : c + TCOLS;                     \
      for (i = r; i < re; i++) {                                            \
        const char *sp = src + i * s0;                                      \
        T *dp = (T *)(dst + i * d0);                                        \
        for (j = c; j < ce; j++) dp[j] = *(const T *)(sp + j * s1);         \
      }                                                                     \
    }

typedef struct { uint64_t lo, hi; } pair64;

static void copy_tiled(const lpy_iter *it, lpy_castfn f, int same_size) {
  int64_t r, c, i, j, rows = it->shape[0], cols = it->shape[1];
  int64_t d0 = it->strides[0][0], d1 = it->strides[0][1];
  int64_t s0 = it->strides[1][0], s1 = it->strides[1][1];
  const char *src = it->ptrs[1];
  char *dst = it->ptrs[0];
  switch (same_size) {       /* an exact copy: d1 is the item size */
    case 1: TILED_MOVE(uint8_t) return;
    case 2: TILED_MOVE(uint16_t) return;
    case 4: TILED_MOVE(uint32_t) return;
    case 8: TILED_MOVE(uint64_t) return;
    case 16: TILED_MOVE(pair64) return;
    default: break;
  }
  for (r = 0; r < rows; r += TROWS)
    for (c = 0; c < cols; c += TCOLS) {
      int64_t nr = rows - r < TROWS ? rows - r : TROWS;
      int64_t nc = cols - c < TCOLS ? cols - c : TCOLS;
      for (i = r; i < r + nr; i++)
        f(src + i * s0 + c * s1, s1, dst + i * d0 + c * d1, d1, nc);
    }
}

/* a and b are the same elements: each element of dst is read from src
   only where it is written */
static int same_elements(const lpy_array *a, const lpy_array *b) {
  return a->data == b->data && a->ndim == b->ndim &&
         lpy_itemsize(a->dtype) == lpy_itemsize(b->dtype) &&
         (a->ndim == 0 ||
          memcmp(a->strides, b->strides, (size_t)a->ndim * sizeof(int64_t)) == 0);
}

int lpy_array_assign(lpy_array *dst, lpy_array *src, lpy_err *e) {
  lpy_iter it;
  lpy_array *ops[2];
  assign_ctx c;
  lpy_array *tmp = NULL;
  int st;
  if (!(dst->flags & LPY_WRITEABLE))
    return lpy_err_set(e, LPY_EVALUE, "assignment destination is read-only");
  if (lpy_arrays_overlap(dst, src) && !same_elements(dst, src)) {
    /* copy the source first so overlapping parts are not read after
       being written */
    tmp = lpy_array_new(src->dtype, src->ndim, src->shape, 0, e);
    if (!tmp) return e->code;
    if ((st = lpy_array_assign(tmp, src, e)) != 0) {
      lpy_array_free(tmp);
      return st;
    }
    src = tmp;
  }
  ops[0] = dst; ops[1] = src;
  st = lpy_iter_setup(&it, 2, ops, dst->ndim, dst->shape, e);
  if (st == 0) {
    int sz = lpy_itemsize(dst->dtype), move = sz > 8 ? 8 : sz;
    c.f = lpy_cast_fn(src->dtype, dst->dtype);
    if (is_transpose(&it, sz, lpy_itemsize(src->dtype)))
      /* a typed move needs both sides aligned for its integer type */
      copy_tiled(&it, c.f, src->dtype == dst->dtype &&
                           lpy_array_is_aligned(dst, move) &&
                           lpy_array_is_aligned(src, move) ? sz : 0);
    else
      lpy_iter_run(&it, assign_loop, &c);
  }
  lpy_array_free(tmp);
  return st;
}

/* dst[...] = src[...] where mask (bool, broadcast to dst's shape) is true:
   a src of another dtype, or one overlapping dst, is first cast into a
   temporary of dst's dtype and shape; then elements are copied under the
   mask */
static void where_loop(char **args, int64_t n, const int64_t *steps,
                       void *ctx) {
  size_t sz = *(const size_t *)ctx;
  char *d = args[0];
  const char *s = args[1], *m = args[2];
  int64_t i;
  for (i = 0; i < n; i++, d += steps[0], s += steps[1], m += steps[2])
    if (*m) memcpy(d, s, sz);
}

int lpy_array_assign_where(lpy_array *dst, lpy_array *src,
                           lpy_array *mask, lpy_err *e) {
  lpy_iter it;
  lpy_array *ops[3], *tmp, *mcopy = NULL;
  size_t sz = (size_t)lpy_itemsize(dst->dtype);
  int st;
  if (!mask) return lpy_array_assign(dst, src, e);
  if (mask->dtype != LPY_BOOL)
    return lpy_err_set(e, LPY_ETYPE, "where must be a bool array, got %s",
                       lpy_dtypes[mask->dtype].name);
  if (!(dst->flags & LPY_WRITEABLE))
    return lpy_err_set(e, LPY_EVALUE, "assignment destination is read-only");
  if (lpy_arrays_overlap(dst, mask)) {   /* the writes would change the mask */
    if (!(mcopy = lpy_array_new(LPY_BOOL, mask->ndim, mask->shape, 0, e))) return e->code;
    if ((st = lpy_array_assign(mcopy, mask, e)) != 0) {
      lpy_array_free(mcopy);
      return st;
    }
    mask = mcopy;
  }
  if (src->dtype == dst->dtype && !lpy_arrays_overlap(dst, src)) {
    tmp = NULL;
    st = 0;
  } else {
    tmp = lpy_array_new(dst->dtype, dst->ndim, dst->shape, 0, e);
    if (!tmp) { lpy_array_free(mcopy); return e->code; }
    st = lpy_array_assign(tmp, src, e);
    src = tmp;
  }
  if (st == 0) {
    ops[0] = dst; ops[1] = src; ops[2] = mask;
    if ((st = lpy_iter_setup(&it, 3, ops, dst->ndim, dst->shape, e)) == 0)
      lpy_iter_run(&it, where_loop, &sz);
  }
  lpy_array_free(tmp);
  lpy_array_free(mcopy);
  return st;
}
