/*
** fancy.c - advanced indexing: integer index arrays and boolean masks turned
** into byte offsets, then a gather (read) or scatter (write) over the
** result's pre / broadcast / post dimensions, as NumPy lays them out. A
** 1-D mask over a contiguous array and one index array on the first axis
** of a contiguous array have their own loops.
*/
#include <stdio.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include "fancy.h"

/* ---------------------------------------------------------- positions */
/* a LumPy position v (1-based, negative from the end) on length n; the
   result is out of [0, n) when v is out of range (raise mode) */
#define NORM_RAISE(v, n) ((v) + ((v) < 0 ? (n) : -1))

/* wrap and clip: v is first read as NumPy reads it (v - 1 for v >= 1, v
   itself for v <= 0), then wrapped into [0, n) or clipped to it; n > 0 */
static int64_t norm_mode(int64_t v, int64_t n, int mode) {
  int64_t i = v > 0 ? v - 1 : v;
  if (mode == LPY_MODE_WRAP) {
    i %= n;
    return i < 0 ? i + n : i;
  }
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

static int64_t norm_mode_u(uint64_t u, int64_t n, int mode) {
  if (mode == LPY_MODE_WRAP) return (int64_t)((u - 1) % (uint64_t)n);
  return n - 1;
}

typedef struct idx_ctx {
  lpy_dtype t;
  int64_t n, stride;
  int mode, bad, badunsigned;
  int64_t badv;
  uint64_t badu;
} idx_ctx;

/* args[0]: int64 offsets (+= position * stride); args[1]: the index */
#define IDX_BODY(T) {                                                     \
    for (k = 0; k < m; k++) {                                             \
      T x;                                                                \
      memcpy(&x, pi + k * si, sizeof x);   /* may be misaligned */        \
      int64_t v, i;                                                       \
      if ((T)-1 > 0 && sizeof(T) == 8 && (uint64_t)x > INT64_MAX) {       \
        if (c->mode == LPY_MODE_RAISE) {                                  \
          c->bad = c->badunsigned = 1; c->badu = (uint64_t)x; return;     \
        }                                                                 \
        i = norm_mode_u((uint64_t)x, n, c->mode);                         \
      } else {                                                            \
        v = (int64_t)x;                                                   \
        if (c->mode == LPY_MODE_RAISE) {                                  \
          i = NORM_RAISE(v, n);                                           \
          if ((uint64_t)i >= (uint64_t)n) { c->bad = 1; c->badv = v; return; } \
        } else i = norm_mode(v, n, c->mode);                              \
      }                                                                   \
      *(int64_t *)(po + k * so) += i * st;                                \
    }                                                                     \
  } break;

static void idx_loop(char **args, int64_t m, const int64_t *steps, void *ctx) {
  idx_ctx *c = ctx;
  char *po = args[0];
  const char *pi = args[1];
  int64_t so = steps[0], si = steps[1], n = c->n, st = c->stride, k;
  if (c->bad) return;
  switch (c->t) {
    case LPY_INT8: IDX_BODY(int8_t)
    case LPY_INT16: IDX_BODY(int16_t)
    case LPY_INT32: IDX_BODY(int32_t)
    case LPY_INT64: IDX_BODY(int64_t)
    case LPY_UINT8: IDX_BODY(uint8_t)
    case LPY_UINT16: IDX_BODY(uint16_t)
    case LPY_UINT32: IDX_BODY(uint32_t)
    case LPY_UINT64: IDX_BODY(uint64_t)
    default: break;
  }
}

/* raw 0-based offsets (a mask's), added as they are */
static void raw_loop(char **args, int64_t m, const int64_t *steps, void *ctx) {
  int64_t k;
  (void)ctx;
  for (k = 0; k < m; k++)
    *(int64_t *)(args[0] + k * steps[0]) += *(const int64_t *)(args[1] + k * steps[1]);
}

static int bad_index(const idx_ctx *c, int axis, lpy_err *e) {
  if (axis < 0 && c->badunsigned)
    return lpy_err_set(e, LPY_EINDEX, "index %llu is out of bounds for size %lld",
                       (unsigned long long)c->badu, (long long)c->n);
  if (axis < 0)
    return lpy_err_set(e, LPY_EINDEX, "index %lld is out of bounds for size %lld",
                       (long long)c->badv, (long long)c->n);
  if (c->badunsigned)
    return lpy_err_set(e, LPY_EINDEX, "index %llu is out of bounds for axis %d with size %lld",
                       (unsigned long long)c->badu, axis + 1, (long long)c->n);
  return lpy_err_set(e, LPY_EINDEX, "index %lld is out of bounds for axis %d with size %lld",
                     (long long)c->badv, axis + 1, (long long)c->n);
}

static int bad_value(int64_t v, int64_t n, int axis, lpy_err *e) {
  idx_ctx c;
  memset(&c, 0, sizeof c);
  c.n = n;
  c.badv = v;
  return bad_index(&c, axis, e);
}

static int empty_take(lpy_err *e) {
  return lpy_err_set(e, LPY_EINDEX, "cannot do a non-empty take from an empty axis");
}

/* off (int64, shape (nd, shape), C order) += positions of idx * stride */
static int add_index(int64_t *off, int nd, const int64_t *shape,
                     const lpy_array *idx, int64_t n, int64_t stride, int mode,
                     int axis, lpy_err *e) {
  lpy_array_space o;
  lpy_array *ops[2];
  lpy_iter it;
  idx_ctx c;
  int64_t sz = 1;
  int k;
  for (k = 0; k < nd; k++) sz *= shape[k];
  if (sz == 0) return 0;
  if (n == 0 && mode != LPY_MODE_RAISE) return empty_take(e);
  lpy_array_init(&o.a, LPY_INT64, nd, shape, NULL, (char *)off, NULL);
  ops[0] = &o.a;
  ops[1] = (lpy_array *)idx;
  if (lpy_iter_setup(&it, 2, ops, nd, shape, e)) return e->code;
  memset(&c, 0, sizeof c);
  c.t = idx->dtype; c.n = n; c.stride = stride; c.mode = mode;
  lpy_iter_run(&it, idx_loop, &c);
  return c.bad ? bad_index(&c, axis, e) : 0;
}

int lpy_fancy_addpos(int64_t *out, int nd, const int64_t *shape,
                     const lpy_array *idx, int64_t n, int64_t mult, int mode,
                     int axis, lpy_err *e) {
  if (!lpy_isint(idx->dtype))
    return lpy_err_set(e, LPY_ETYPE, "arrays used as indices must be of integer type, not %s",
                       lpy_dtypes[idx->dtype].name);
  return add_index(out, nd, shape, idx, n, mult, mode, axis, e);
}

/* ---------------------------------------------------------- masks */
/* nonzero bytes among n contiguous ones: byte counters for blocks of 255
   steps of 16, which the compiler turns into vector compares and adds */
static int64_t count_bytes(const char *p, int64_t n) {
  int64_t total = 0, j;
  while (n >= 4080) {
    uint8_t acc[16] = {0};
    int l;
    for (j = 0; j < 4080; j += 16)
      for (l = 0; l < 16; l++) acc[l] += p[j + l] != 0;
    for (l = 0; l < 16; l++) total += acc[l];
    p += 4080;
    n -= 4080;
  }
  for (j = 0; j < n; j++) total += p[j] != 0;
  return total;
}

int64_t lpy_fancy_count(const lpy_array *m) {
  int64_t ctr[LPY_MAXDIMS] = {0}, total = 0, len, st;
  const char *p = m->data;
  int nd = m->ndim, k;
  if (m->size == 0) return 0;
  if (nd == 0) return p[0] != 0;
  if (m->flags & LPY_C_CONTIGUOUS) return count_bytes(p, m->size);
  len = m->shape[nd - 1];
  st = m->strides[nd - 1];
  for (;;) {
    int64_t j, c = 0;
    if (st == 1) c = count_bytes(p, len);
    else for (j = 0; j < len; j++) c += p[j * st] != 0;
    total += c;
    for (k = nd - 2; k >= 0; k--) {
      p += m->strides[k];
      if (++ctr[k] < m->shape[k]) break;
      p -= m->strides[k] * m->shape[k];
      ctr[k] = 0;
    }
    if (k < 0) return total;
  }
}

/* byte offsets (strides vs) of the true elements of m, in C order */
static void mask_offsets(const lpy_array *m, const int64_t *vs, int64_t *out) {
  int64_t ctr[LPY_MAXDIMS] = {0}, len, st, vst, base = 0;
  const char *p = m->data;
  int nd = m->ndim, k;
  if (m->size == 0) return;
  len = m->shape[nd - 1];
  st = m->strides[nd - 1];
  vst = vs[nd - 1];
  for (;;) {
    int64_t j;
    for (j = 0; j < len; j++)
      if (p[j * st]) *out++ = base + j * vst;
    for (k = nd - 2; k >= 0; k--) {
      p += m->strides[k];
      base += vs[k];
      if (++ctr[k] < m->shape[k]) break;
      p -= m->strides[k] * m->shape[k];
      base -= vs[k] * m->shape[k];
      ctr[k] = 0;
    }
    if (k < 0) return;
  }
}

/* ---------------------------------------------------------- geometry */
static int is_c_contig(int nd, const int64_t *shape, const int64_t *strides,
                       int64_t isz) {
  int k;
  for (k = nd - 1; k >= 0; k--) {
    if (shape[k] != 1 && strides[k] != isz) return 0;
    isz *= shape[k];
  }
  return 1;
}

static int entry_shape(const lpy_fancy_entry *a, int64_t *shape) {
  switch (a->kind) {
    case LPY_FANCY_INDEX:
      memcpy(shape, a->arr->shape, (size_t)a->arr->ndim * sizeof *shape);
      return a->arr->ndim;
    case LPY_FANCY_MASK: shape[0] = a->count; return 1;
    default: shape[0] = a->boolval ? 1 : 0; return 1;
  }
}

static int entry_ndims(const lpy_fancy_entry *a) {
  return a->kind == LPY_FANCY_MASK ? a->arr->ndim : 1;
}

static int broadcast_entries(lpy_fancy *f, lpy_err *e) {
  int64_t sh[LPY_MAXDIMS];
  int i, k;
  f->bndim = 0;
  for (i = 0; i < f->nadv; i++) {
    int nd = entry_shape(&f->adv[i], sh), off;
    if (nd > f->bndim) {
      int d = nd - f->bndim;
      memmove(f->bshape + d, f->bshape, (size_t)f->bndim * sizeof *sh);
      for (k = 0; k < d; k++) f->bshape[k] = 1;
      f->bndim = nd;
    }
    off = f->bndim - nd;
    for (k = 0; k < nd; k++) {
      int64_t *b = &f->bshape[off + k];
      if (*b == sh[k] || sh[k] == 1) continue;
      if (*b == 1) { *b = sh[k]; continue; }
      {
        char msg[300], one[100];
        size_t len = 0;
        int j;
        msg[0] = 0;
        for (j = 0; j < f->nadv; j++) {
          int n = entry_shape(&f->adv[j], sh);
          lpy_shape_str(n, sh, one, sizeof one);
          if (len + strlen(one) + 2 < sizeof msg) {
            len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s", j ? " " : "", one);
          }
        }
        return lpy_err_set(e, LPY_EINDEX,
                           "shape mismatch: indexing arrays could not be broadcast together with shapes %s",
                           msg);
      }
    }
  }
  return 0;
}

int lpy_fancy_prepare(lpy_fancy *f, lpy_err *e) {
  unsigned char covered[LPY_MAXDIMS] = {0};
  int i, k, first = f->ndim, nb = 0;
  for (i = 0; i < f->nadv; i++) {
    lpy_fancy_entry *a = &f->adv[i];
    int nd = entry_ndims(a);
    if (a->dim < 0 || a->dim + nd > f->ndim)
      return lpy_err_set(e, LPY_EINDEX, "too many indices for array");
    if (a->kind == LPY_FANCY_INDEX && !lpy_isint(a->arr->dtype))
      return lpy_err_set(e, LPY_EINDEX,
                         "arrays used as indices must be of integer (or boolean) type, not %s",
                         lpy_dtypes[a->arr->dtype].name);
    if (a->kind == LPY_FANCY_MASK) {
      for (k = 0; k < nd; k++)
        if (a->arr->shape[k] != f->shape[a->dim + k])
          return lpy_err_set(e, LPY_EINDEX,
                             "boolean index did not match indexed array along axis %d; "
                             "size of axis is %lld but size of corresponding boolean axis is %lld",
                             a->axis + k + 1, (long long)f->shape[a->dim + k],
                             (long long)a->arr->shape[k]);
      a->count = lpy_fancy_count(a->arr);
    }
    for (k = 0; k < nd; k++) covered[a->dim + k] = 1;
    if (a->dim < first) first = a->dim;
  }
  if (broadcast_entries(f, e)) return e->code;
  f->bsize = lpy_shape_size(f->bndim, f->bshape, e);
  if (f->bsize < 0) return e->code;
  if (f->bsize > ((int64_t)1 << 58))      /* its offsets must fit memory */
    return lpy_err_set(e, LPY_EMEMORY, "the index arrays are too big");
  /* basic dims: before the first advanced one (when consecutive), then
     the rest */
  f->npre = f->npost = 0;
  for (k = 0; k < f->ndim; k++) {
    if (covered[k]) continue;
    f->pshape[nb] = f->shape[k];
    f->pstrides[nb++] = f->strides[k];
    if (f->consec && k < first) f->npre++;
    else f->npost++;
  }
  f->ondim = nb + f->bndim;
  if (f->ondim > LPY_MAXDIMS)
    return lpy_err_set(e, LPY_EINDEX, "the result would have more than %d dimensions",
                       LPY_MAXDIMS);
  memcpy(f->oshape, f->pshape, (size_t)f->npre * sizeof(int64_t));
  memcpy(f->oshape + f->npre, f->bshape, (size_t)f->bndim * sizeof(int64_t));
  memcpy(f->oshape + f->npre + f->bndim, f->pshape + f->npre,
         (size_t)f->npost * sizeof(int64_t));
  f->osize = lpy_shape_size(f->ondim, f->oshape, e);
  if (f->osize < 0) return e->code;
  if (f->osize > ((int64_t)1 << 62) / lpy_itemsize(f->dtype))
    return lpy_err_set(e, LPY_EMEMORY, "the result is too big");
  return 0;
}

/* byte offsets of every position of the broadcast shape; *poff is NULL
   when bsize is 0 */
static int offsets(const lpy_fancy *f, int64_t **poff, lpy_err *e) {
  int64_t *off;
  int i;
  *poff = NULL;
  if (f->bsize == 0) return 0;
  off = lpy_alloc((size_t)f->bsize * sizeof *off, 1);
  if (!off) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  for (i = 0; i < f->nadv; i++) {
    const lpy_fancy_entry *a = &f->adv[i];
    int st = 0;
    if (a->kind == LPY_FANCY_INDEX) {
      st = add_index(off, f->bndim, f->bshape, a->arr, f->shape[a->dim],
                     f->strides[a->dim], a->mode, a->axis, e);
    } else if (a->kind == LPY_FANCY_MASK && a->count > 0) {
      int64_t *m = lpy_alloc((size_t)a->count * sizeof *m, 0);
      lpy_array_space o, r;
      lpy_array *ops[2];
      lpy_iter it;
      if (!m) st = lpy_err_set(e, LPY_EMEMORY, "out of memory");
      else {
        mask_offsets(a->arr, f->strides + a->dim, m);
        lpy_array_init(&o.a, LPY_INT64, f->bndim, f->bshape, NULL, (char *)off, NULL);
        lpy_array_init(&r.a, LPY_INT64, 1, &a->count, NULL, (char *)m, NULL);
        ops[0] = &o.a; ops[1] = &r.a;
        st = lpy_iter_setup(&it, 2, ops, f->bndim, f->bshape, e);
        if (st == 0) lpy_iter_run(&it, raw_loop, NULL);
        lpy_free(m, (size_t)a->count * sizeof *m);
      }
    }
    if (st) {
      lpy_free(off, (size_t)f->bsize * sizeof *off);
      return st;
    }
  }
  *poff = off;
  return 0;
}

/* ---------------------------------------------------------- copying */
typedef struct { uint64_t a, b; } u128;

/* one element of size S */
#define MOVE(S, d, s) memcpy((d), (s), S)

/* dst[j] = src + off[j] (contiguous dst); or the reverse */
#define GATHER(S) { for (j = 0; j < n; j++) MOVE(S, d + j * S, base + off[j]); } break;
#define SCATTER(S) { for (j = 0; j < n; j++) MOVE(S, base + off[j], s + j * ss); } break;

static void gather(char *d, const char *base, const int64_t *off, int64_t n,
                   int isz) {
  int64_t j;
  switch (isz) {
    case 1: GATHER(1)
    case 2: GATHER(2)
    case 4: GATHER(4)
    case 8: GATHER(8)
    case 16: GATHER(16)
    default: for (j = 0; j < n; j++) memcpy(d + j * isz, base + off[j], (size_t)isz);
  }
}

static void scatter(char *base, const int64_t *off, const char *s, int64_t ss,
                    int64_t n, int isz) {
  int64_t j;
  switch (isz) {
    case 1: SCATTER(1)
    case 2: SCATTER(2)
    case 4: SCATTER(4)
    case 8: SCATTER(8)
    case 16: SCATTER(16)
    default: for (j = 0; j < n; j++) memcpy(base + off[j], s + j * ss, (size_t)isz);
  }
}

/* copy a block of the post dims between a (strided) and a contiguous or
   repeated buffer b; set: b -> a */
static void block(char *a, const int64_t *shape, const int64_t *strides,
                  int nd, char *b, int64_t bstep, int isz, int set) {
  int64_t ctr[LPY_MAXDIMS] = {0}, len = shape[nd - 1], st = strides[nd - 1], j;
  int k;
  for (;;) {
    if (set)
      for (j = 0; j < len; j++) memcpy(a + j * st, b + j * bstep, (size_t)isz);
    else
      for (j = 0; j < len; j++) memcpy(b + j * isz, a + j * st, (size_t)isz);
    b += len * bstep;
    for (k = nd - 2; k >= 0; k--) {
      a += strides[k];
      if (++ctr[k] < shape[k]) break;
      a -= strides[k] * shape[k];
      ctr[k] = 0;
    }
    if (k < 0) return;
  }
}

/* walk pre x broadcast x post; b is the contiguous side (or one element
   repeated when bstep is 0) */
static void walk(const lpy_fancy *f, const int64_t *off, char *b, int64_t bstep,
                 int set) {
  int64_t ctr[LPY_MAXDIMS] = {0}, postsize = 1, j;
  const int64_t *psh = f->pshape + f->npre, *pst = f->pstrides + f->npre;
  int isz = lpy_itemsize(f->dtype), k;
  char *pa = f->data;
  for (k = 0; k < f->npost; k++) postsize *= psh[k];
  for (;;) {
    if (f->npost == 0) {
      if (set) scatter(pa, off, b, bstep, f->bsize, isz);
      else gather(b, pa, off, f->bsize, isz);
      b += f->bsize * bstep;
    } else {
      for (j = 0; j < f->bsize; j++) {
        block(pa + off[j], psh, pst, f->npost, b, bstep, isz, set);
        b += postsize * bstep;
      }
    }
    for (k = f->npre - 1; k >= 0; k--) {
      pa += f->pstrides[k];
      if (++ctr[k] < f->pshape[k]) break;
      pa -= f->pstrides[k] * f->pshape[k];
      ctr[k] = 0;
    }
    if (k < 0) return;
  }
}

/* ---------------------------------------------------------- fast paths */
/* the typed loops below need elements at addresses aligned for their type */
static int aligned(const void *p, int isz) {
  uintptr_t al = (uintptr_t)(isz > 8 ? 8 : isz);
  return (uintptr_t)p % al == 0;
}

/* one mask covering every dimension of a contiguous V */
static int whole_mask(const lpy_fancy *f) {
  const lpy_fancy_entry *a = &f->adv[0];
  int isz = lpy_itemsize(f->dtype);
  return f->nadv == 1 && a->kind == LPY_FANCY_MASK && a->arr->ndim == f->ndim &&
         aligned(f->data, isz) &&
         is_c_contig(f->ndim, f->shape, f->strides, isz) &&
         is_c_contig(a->arr->ndim, a->arr->shape, a->arr->strides, 1);
}

/* one int64 index array on the first dimension of a contiguous V */
static int row_index(const lpy_fancy *f) {
  const lpy_fancy_entry *a = &f->adv[0];
  return f->nadv == 1 && a->kind == LPY_FANCY_INDEX && a->dim == 0 &&
         a->arr->dtype == LPY_INT64 && aligned(a->arr->data, 8) &&
         aligned(f->data, lpy_itemsize(f->dtype)) &&
         is_c_contig(f->ndim, f->shape, f->strides, lpy_itemsize(f->dtype)) &&
         is_c_contig(a->arr->ndim, a->arr->shape, a->arr->strides, 8);
}

/* branch-free compress: every element is stored, the count advances only
   for true ones; stop at the last true one so no store lands past the end */
#define COMPRESS(T) {                                                     \
    const T *s = (const T *)src; T *d = (T *)dst;                         \
    for (i = 0; i <= last; i++) { d[k] = s[i]; k += m[i] != 0; }          \
  } break;

static void compress_get(const char *m, int64_t n, int64_t count,
                         const char *src, char *dst, int isz) {
  int64_t i, k = 0, last = n - 1;
  if (count == 0) return;
  /* the last true element: skip zero words from the end first */
  while (last >= 8) {
    uint64_t w;
    memcpy(&w, m + last - 7, 8);
    if (w) break;
    last -= 8;
  }
  while (!m[last]) last--;
  switch (isz) {
    case 1: COMPRESS(uint8_t)
    case 2: COMPRESS(uint16_t)
    case 4: COMPRESS(uint32_t)
    case 8: COMPRESS(uint64_t)
    case 16: COMPRESS(u128)
    default:
      for (i = 0; i < n; i++)
        if (m[i]) { memcpy(dst + k * isz, src + i * isz, (size_t)isz); k++; }
  }
}

#define MASKFILL(T) {                                                     \
    T *d = (T *)dst, v;                                                   \
    memcpy(&v, src, sizeof v);                                            \
    for (i = 0; i < n; i++) if (m[i]) d[i] = v;                           \
  } break;
#define MASKPUT(T) {                                                      \
    T *d = (T *)dst; const T *s = (const T *)src;                         \
    for (i = 0; i < n; i++) if (m[i]) d[i] = s[k++];                      \
  } break;

static void compress_set(const char *m, int64_t n, const char *src,
                         int scalar, char *dst, int isz) {
  int64_t i, k = 0;
  if (scalar) {
    switch (isz) {
      case 1: MASKFILL(uint8_t)
      case 2: MASKFILL(uint16_t)
      case 4: MASKFILL(uint32_t)
      case 8: MASKFILL(uint64_t)
      case 16: MASKFILL(u128)
      default:
        for (i = 0; i < n; i++) if (m[i]) memcpy(dst + i * isz, src, (size_t)isz);
    }
    return;
  }
  switch (isz) {
    case 1: MASKPUT(uint8_t)
    case 2: MASKPUT(uint16_t)
    case 4: MASKPUT(uint32_t)
    case 8: MASKPUT(uint64_t)
    case 16: MASKPUT(u128)
    default:
      for (i = 0; i < n; i++)
        if (m[i]) { memcpy(dst + i * isz, src + k * isz, (size_t)isz); k++; }
  }
}

/* the 0-based rows of the positions of the single index entry */
static int rows(const lpy_fancy *f, int64_t *pos, lpy_err *e) {
  const lpy_fancy_entry *a = &f->adv[0];
  const int64_t *x = (const int64_t *)a->arr->data;
  int64_t n = f->shape[0], j, cnt = a->arr->size;
  if (a->mode == LPY_MODE_RAISE) {
    for (j = 0; j < cnt; j++) {
      int64_t i = NORM_RAISE(x[j], n);
      if ((uint64_t)i >= (uint64_t)n) return bad_value(x[j], n, a->axis, e);
      pos[j] = i;
    }
    return 0;
  }
  if (n == 0 && cnt > 0) return empty_take(e);
  for (j = 0; j < cnt; j++) pos[j] = norm_mode(x[j], n, a->mode);
  return 0;
}

/* gather of elements (rowbytes == itemsize) validated on the fly. Random
   reads from a large array wait on memory: the element AHEAD positions on
   is prefetched, so that many loads are in flight at once. A result of
   TAKE_NT_MIN bytes or more is written with non-temporal stores, which
   skip reading its lines first and leave the caches to the table read. */
#define AHEAD 64
#define TAKE_NT_MIN ((int64_t)4 << 20)
#define PLAIN_PUT(T, p, v) (*(p) = (v))
#if defined(__x86_64__)
#define NT_PUT4(T, p, v) _mm_stream_si32((int *)(p), (int)(v))
#define NT_PUT8(T, p, v) _mm_stream_si64((long long *)(p), (long long)(v))
#define NT_PUT16(T, p, v) (_mm_stream_si64((long long *)(p), (long long)(v).a), \
                           _mm_stream_si64((long long *)(p) + 1, (long long)(v).b))
#define NT_FENCE() _mm_sfence()
#else
#define NT_PUT4 PLAIN_PUT
#define NT_PUT8 PLAIN_PUT
#define NT_PUT16 PLAIN_PUT
#define NT_FENCE() ((void)0)
#endif
#define TAKE1(T, PUT) {                                                   \
    const T *s = (const T *)f->data; T *d = (T *)out;                     \
    for (j = 0; j < cnt; j++) {                                           \
      int64_t i = NORM_RAISE(x[j], n);                                    \
      if (j + AHEAD < cnt) {                                              \
        int64_t p = NORM_RAISE(x[j + AHEAD], n);                          \
        if ((uint64_t)p < (uint64_t)n) __builtin_prefetch(s + p);         \
      }                                                                   \
      if ((uint64_t)i >= (uint64_t)n) { bad = j; break; }                 \
      PUT(T, d + j, s[i]);                                                \
    }                                                                     \
  } break;

/* the first bad position's index in x, or -1 */
static int64_t take1(const lpy_fancy *f, const int64_t *x, int64_t cnt,
                     char *out) {
  int64_t j, bad = -1, n = f->shape[0];
  int isz = lpy_itemsize(f->dtype);
  if (cnt * isz >= TAKE_NT_MIN && ((uintptr_t)out & 15) == 0) {
    switch (isz) {
      case 4: TAKE1(uint32_t, NT_PUT4)
      case 8: TAKE1(uint64_t, NT_PUT8)
      case 16: TAKE1(u128, NT_PUT16)
      default: goto cached;
    }
    NT_FENCE();
    return bad;
  }
cached:
  switch (isz) {
    case 1: TAKE1(uint8_t, PLAIN_PUT)
    case 2: TAKE1(uint16_t, PLAIN_PUT)
    case 4: TAKE1(uint32_t, PLAIN_PUT)
    case 8: TAKE1(uint64_t, PLAIN_PUT)
    default: TAKE1(u128, PLAIN_PUT)
  }
  return bad;
}

static int row_get(const lpy_fancy *f, char *out, lpy_err *e) {
  const lpy_fancy_entry *a = &f->adv[0];
  int64_t cnt = a->arr->size, rowb = lpy_itemsize(f->dtype), j, n = f->shape[0];
  int64_t *pos;
  int k;
  for (k = 1; k < f->ndim; k++) rowb *= f->shape[k];
  if (cnt == 0) return 0;
  if (a->mode == LPY_MODE_RAISE && rowb == lpy_itemsize(f->dtype)) {
    const int64_t *x = (const int64_t *)a->arr->data;
    int64_t bad = take1(f, x, cnt, out);
    return bad >= 0 ? bad_value(x[bad], n, a->axis, e) : 0;
  }
  pos = lpy_alloc((size_t)cnt * sizeof *pos, 0);
  if (!pos) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  if (rows(f, pos, e)) {
    lpy_free(pos, (size_t)cnt * sizeof *pos);
    return e->code;
  }
  for (j = 0; j < cnt; j++)
    memcpy(out + j * rowb, f->data + pos[j] * rowb, (size_t)rowb);
  lpy_free(pos, (size_t)cnt * sizeof *pos);
  return 0;
}

/* element scatter in raise mode: check every position first (nothing is
   written when one is bad), then write */
#define PUT1(T) {                                                         \
    T *d = (T *)f->data, v;                                               \
    const T *s = (const T *)src;                                          \
    if (scalar) {                                                         \
      memcpy(&v, src, sizeof v);                                          \
      for (j = 0; j < cnt; j++) d[NORM_RAISE(x[j], n)] = v;               \
    } else for (j = 0; j < cnt; j++) d[NORM_RAISE(x[j], n)] = s[j];       \
  } break;

static int row_put1(const lpy_fancy *f, const char *src, int scalar,
                    lpy_err *e) {
  const lpy_fancy_entry *a = &f->adv[0];
  const int64_t *x = (const int64_t *)a->arr->data;
  int64_t cnt = a->arr->size, n = f->shape[0], j;
  uint64_t bad = 0;
  for (j = 0; j < cnt; j++) bad |= (uint64_t)NORM_RAISE(x[j], n) >= (uint64_t)n;
  if (bad) {
    for (j = 0; j < cnt; j++)
      if ((uint64_t)NORM_RAISE(x[j], n) >= (uint64_t)n) break;
    return bad_value(x[j], n, a->axis, e);
  }
  switch (lpy_itemsize(f->dtype)) {
    case 1: PUT1(uint8_t)
    case 2: PUT1(uint16_t)
    case 4: PUT1(uint32_t)
    case 8: PUT1(uint64_t)
    default: PUT1(u128)
  }
  return 0;
}

static int row_set(const lpy_fancy *f, const char *src, int scalar, lpy_err *e) {
  const lpy_fancy_entry *a = &f->adv[0];
  int64_t cnt = a->arr->size, rowb = lpy_itemsize(f->dtype), j, isz = rowb;
  int64_t *pos;
  int k;
  for (k = 1; k < f->ndim; k++) rowb *= f->shape[k];
  if (cnt == 0) return 0;
  if (a->mode == LPY_MODE_RAISE && rowb == isz &&
      (isz == 1 || isz == 2 || isz == 4 || isz == 8 || isz == 16))
    return row_put1(f, src, scalar, e);
  pos = lpy_alloc((size_t)cnt * sizeof *pos, 0);
  if (!pos) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  if (rows(f, pos, e)) {
    lpy_free(pos, (size_t)cnt * sizeof *pos);
    return e->code;
  }
  if (rowb == isz) {
    for (j = 0; j < cnt; j++)
      memcpy(f->data + pos[j] * isz, scalar ? src : src + j * isz, (size_t)isz);
  } else if (!scalar) {
    for (j = 0; j < cnt; j++)
      memcpy(f->data + pos[j] * rowb, src + j * rowb, (size_t)rowb);
  } else {
    for (j = 0; j < cnt; j++) {
      int64_t i;
      for (i = 0; i < rowb; i += isz) memcpy(f->data + pos[j] * rowb + i, src, (size_t)isz);
    }
  }
  lpy_free(pos, (size_t)cnt * sizeof *pos);
  return 0;
}

/* ---------------------------------------------------------- entry points */
int lpy_fancy_get(const lpy_fancy *f, lpy_array *out, lpy_err *e) {
  int64_t *off;
  int isz = lpy_itemsize(f->dtype);
  if (whole_mask(f)) {
    compress_get(f->adv[0].arr->data, f->adv[0].arr->size, f->adv[0].count,
                 f->data, out->data, isz);
    return 0;
  }
  if (row_index(f)) return row_get(f, out->data, e);
  if (offsets(f, &off, e)) return e->code;
  if (off && f->osize > 0) walk(f, off, out->data, isz, 0);
  if (off) lpy_free(off, (size_t)f->bsize * sizeof *off);
  return 0;
}

int lpy_fancy_set(const lpy_fancy *f, const char *src, int scalar, lpy_err *e) {
  int64_t *off;
  int isz = lpy_itemsize(f->dtype);
  int fast = scalar || aligned(src, isz);   /* typed loops: aligned values */
  if (fast && whole_mask(f)) {
    compress_set(f->adv[0].arr->data, f->adv[0].arr->size, src, scalar,
                 f->data, isz);
    return 0;
  }
  if (fast && row_index(f)) return row_set(f, src, scalar, e);
  if (offsets(f, &off, e)) return e->code;
  if (off && f->osize > 0) walk(f, off, (char *)src, scalar ? 0 : isz, 1);
  if (off) lpy_free(off, (size_t)f->bsize * sizeof *off);
  return 0;
}
