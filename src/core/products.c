/*
** products.c - matmul over stacks of matrices. The float and complex
** dtypes go to BLAS: dot for a 1 x 1 result, gemv when one side is a
** vector, syrk for a @ a.T (the other triangle copied), gemm otherwise.
** Operands are handed to BLAS as they lie whenever a row-major or
** column-major description with a leading dimension fits their strides
** (transposed and Fortran-ordered views need no copy); only the others are
** copied to a contiguous buffer. Tiny matrices, dimensions beyond
** lpy_blasint and the other dtypes use products_kern.c.
*/
#include <string.h>
#include "blas.h"
#include "products.h"
#include "linalg.h"
#include "ctypes.h"

/* below this many multiply-adds (and with small sides) a BLAS call costs
   more than the product itself (measured: a 6 x 6 x 6 product takes about
   as long in the plain loop as in OpenBLAS's dgemm, an 8 x 8 x 8 one half
   as long in dgemm), alone or in a stack */
#define SMALL_SIDE 12
#define SMALL_MNK 216

/* ------------------------------------------------------- descriptions */
/* A rows x cols matrix as BLAS sees it in row-major order: the matrix
   itself with leading dimension ld (trans = NOTRANS), or the transpose of
   a cols x rows row-major matrix (trans = TRANS). */
typedef struct bmat { const char *p; int trans; int64_t ld; } bmat;

static int describe(const char *p, int64_t rows, int64_t cols, int64_t rs,
                    int64_t cs, int isz, bmat *d) {
  if (rs % isz || cs % isz) return 0;
  rs /= isz; cs /= isz;
  d->p = p;
  if ((cols == 1 || cs == 1) && (rows == 1 || rs >= cols)) {
    d->trans = LPY_NOTRANS; d->ld = rows == 1 ? cols : rs;
  } else if ((rows == 1 || rs == 1) && (cols == 1 || cs >= rows)) {
    d->trans = LPY_TRANS; d->ld = cols == 1 ? rows : cs;
  } else return 0;
  if (d->ld < 1) d->ld = 1;
  return d->ld <= LPY_BLASINT_MAX;
}

/* a vector of n elements with byte stride s as (pointer, inc) for BLAS:
   a negative inc starts from the lowest address */
static int vec(const char *p, int64_t n, int64_t s, int isz, const char **vp,
               int64_t *inc) {
  if (n == 1) s = isz;
  if (s == 0 || s % isz || s / isz > LPY_BLASINT_MAX ||
      s / isz < -LPY_BLASINT_MAX) return 0;
  *inc = s / isz;
  *vp = s < 0 ? p + (n - 1) * s : p;
  return 1;
}

static int flip(int trans) { return trans == LPY_NOTRANS ? LPY_TRANS : LPY_NOTRANS; }

/* ------------------------------------------------------------ calls */
static const float one_s[2] = {1, 0}, zero_s[2] = {0, 0};
static const double one_d[2] = {1, 0}, zero_d[2] = {0, 0};

#define bi lpy_blasint
static void gemm(lpy_dtype t, int order, int ta, int tb, bi m, bi n, bi k,
                 const void *a, bi lda, const void *b, bi ldb, void *c, bi ldc) {
  switch (t) {
  case LPY_FLOAT32: lpy_cblas_sgemm(order, ta, tb, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, ldc); break;
  case LPY_FLOAT64: lpy_cblas_dgemm(order, ta, tb, m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc); break;
  case LPY_COMPLEX64: lpy_cblas_cgemm(order, ta, tb, m, n, k, one_s, a, lda, b, ldb, zero_s, c, ldc); break;
  default: lpy_cblas_zgemm(order, ta, tb, m, n, k, one_d, a, lda, b, ldb, zero_d, c, ldc); break;
  }
}

static void gemv(lpy_dtype t, int ta, bi m, bi n, const void *a, bi lda,
                 const void *x, bi incx, void *y, bi incy) {
  switch (t) {
  case LPY_FLOAT32: lpy_cblas_sgemv(LPY_ROWMAJOR, ta, m, n, 1.0f, a, lda, x, incx, 0.0f, y, incy); break;
  case LPY_FLOAT64: lpy_cblas_dgemv(LPY_ROWMAJOR, ta, m, n, 1.0, a, lda, x, incx, 0.0, y, incy); break;
  case LPY_COMPLEX64: lpy_cblas_cgemv(LPY_ROWMAJOR, ta, m, n, one_s, a, lda, x, incx, zero_s, y, incy); break;
  default: lpy_cblas_zgemv(LPY_ROWMAJOR, ta, m, n, one_d, a, lda, x, incx, zero_d, y, incy); break;
  }
}

static void syrk(lpy_dtype t, int order, int trans, bi n, bi k, const void *a,
                 bi lda, void *c, bi ldc) {
  switch (t) {
  case LPY_FLOAT32: lpy_cblas_ssyrk(order, LPY_UPPER, trans, n, k, 1.0f, a, lda, 0.0f, c, ldc); break;
  case LPY_FLOAT64: lpy_cblas_dsyrk(order, LPY_UPPER, trans, n, k, 1.0, a, lda, 0.0, c, ldc); break;
  case LPY_COMPLEX64: lpy_cblas_csyrk(order, LPY_UPPER, trans, n, k, one_s, a, lda, zero_s, c, ldc); break;
  default: lpy_cblas_zsyrk(order, LPY_UPPER, trans, n, k, one_d, a, lda, zero_d, c, ldc); break;
  }
}

static void dot(lpy_dtype t, bi n, const void *x, bi incx, const void *y,
                bi incy, void *r) {
  switch (t) {
  case LPY_FLOAT32: *(float *)r = lpy_cblas_sdot(n, x, incx, y, incy); break;
  case LPY_FLOAT64: *(double *)r = lpy_cblas_ddot(n, x, incx, y, incy); break;
  case LPY_COMPLEX64: lpy_cblas_cdotu_sub(n, x, incx, y, incy, r); break;
  default: lpy_cblas_zdotu_sub(n, x, incx, y, incy, r); break;
  }
}
#undef bi

/* --------------------------------------------------------- one matrix */
/* scratch space kept across the matrices of a stack */
typedef struct scratch { char *p[3]; size_t n[3]; } scratch;

static char *grab(scratch *s, int i, size_t n, lpy_err *e) {
  if (s->n[i] < n) {
    if (s->p[i]) lpy_free(s->p[i], s->n[i]);
    s->p[i] = lpy_alloc(n, 0);
    s->n[i] = s->p[i] ? n : 0;
    if (!s->p[i]) { lpy_err_set(e, LPY_EMEMORY, "out of memory"); return NULL; }
  }
  return s->p[i];
}

/* describe, or copy to scratch slot i (column-major, ld = rows) */
static int operand(lpy_dtype t, const char *p, int64_t rows, int64_t cols,
                   int64_t rs, int64_t cs, scratch *s, int i, bmat *d,
                   lpy_err *e) {
  int isz = lpy_itemsize(t);
  char *q;
  if (describe(p, rows, cols, rs, cs, isz, d)) return 0;
  q = grab(s, i, (size_t)rows * (size_t)cols * (size_t)isz, e);
  if (!q) return -1;
  lpy_mat_pack(p, t, rs, cs, rows, cols, q, t, rows);
  d->p = q; d->trans = LPY_TRANS; d->ld = rows;
  return 0;
}

static int blas_type(lpy_dtype t) { return lpy_isinexact(t); }

static int fits(int64_t m, int64_t n, int64_t k) {
  return m <= LPY_BLASINT_MAX && n <= LPY_BLASINT_MAX && k <= LPY_BLASINT_MAX;
}

/* C(j, i) = C(i, j) for i < j, in 64 x 64 tiles (a plain column walk
   over a large matrix misses the cache on every element) */
#define FILL_TILES(T)                                                         \
  for (ib = 0; ib < n; ib += 64)                                             \
    for (jb = ib; jb < n; jb += 64) {                                        \
      int64_t ie = ib + 64 < n ? ib + 64 : n, je = jb + 64 < n ? jb + 64 : n;\
      for (i = ib; i < ie; i++)                                              \
        for (j = (jb > i + 1 ? jb : i + 1); j < je; j++)                     \
          *(T *)(c + j * rs + i * cs) = *(const T *)(c + i * rs + j * cs);   \
    }

static void fill_lower(lpy_dtype t, int64_t n, char *c, int64_t rs, int64_t cs) {
  int64_t ib, jb, i, j;
  switch (lpy_itemsize(t)) {
  case 4: FILL_TILES(uint32_t) break;
  case 8: FILL_TILES(uint64_t) break;
  default: FILL_TILES(lpy_c128) break;
  }
}

typedef struct mm {
  lpy_dtype t;
  int64_t m, n, k;
  int64_t ars, acs, brs, bcs, crs, ccs;
} mm;

/* a dot product longer than lpy_blasint allows (an LP64 build): BLAS dots
   of the longest chunks that fit, summed; -1 when the strides do not suit
   BLAS (then LumPy's kernel does it) */
static int long_dot(const mm *x, const char *a, const char *b, char *c) {
  lpy_dtype t = x->t;
  int isz = lpy_itemsize(t);
  int64_t k = x->k, done = 0, ix, iy;
  const char *xp, *yp;
  double acc[2] = {0, 0};
  if (!vec(a, k, x->acs, isz, &xp, &ix) || !vec(b, k, x->brs, isz, &yp, &iy))
    return -1;
  xp = a; yp = b;                /* chunks walk from the first element */
  while (done < k) {
    int64_t len = k - done, ax = ix < 0 ? -ix : ix, ay = iy < 0 ? -iy : iy;
    int64_t lim = LPY_BLASINT_MAX / (ax > ay ? ax : ay);
    double part[2] = {0, 0};
    const char *px = NULL, *py = NULL;
    if (len > lim) len = lim;
    vec(xp + done * x->acs, len, x->acs, isz, &px, &ix);
    vec(yp + done * x->brs, len, x->brs, isz, &py, &iy);
    if (t == LPY_FLOAT32 || t == LPY_COMPLEX64) {
      float f[2] = {0, 0};
      dot(t, (lpy_blasint)len, px, (lpy_blasint)ix, py, (lpy_blasint)iy, f);
      part[0] = f[0]; part[1] = t == LPY_COMPLEX64 ? f[1] : 0;
    } else dot(t, (lpy_blasint)len, px, (lpy_blasint)ix, py, (lpy_blasint)iy, part);
    acc[0] += part[0]; acc[1] += part[1];
    done += len;
  }
  switch (t) {
  case LPY_FLOAT32: *(float *)c = (float)acc[0]; break;
  case LPY_FLOAT64: *(double *)c = acc[0]; break;
  case LPY_COMPLEX64: ((float *)c)[0] = (float)acc[0]; ((float *)c)[1] = (float)acc[1]; break;
  default: ((double *)c)[0] = acc[0]; ((double *)c)[1] = acc[1]; break;
  }
  return 0;
}

static int blas_one(const mm *x, const char *a, const char *b, char *c,
                    scratch *s, lpy_err *e) {
  lpy_dtype t = x->t;
  int isz = lpy_itemsize(t), order, ta, tb;
  int64_t m = x->m, n = x->n, k = x->k;
  bmat A, B, C;
  char *cdst = NULL;
  /* a 1 x 1 result: dot */
  if (m == 1 && n == 1) {
    const char *xp, *yp;
    int64_t ix, iy;
    if (vec(a, k, x->acs, isz, &xp, &ix) && vec(b, k, x->brs, isz, &yp, &iy)) {
      dot(t, k, xp, ix, yp, iy, c);
      return 0;
    }
  }
  /* matrix @ vector and vector @ matrix: gemv */
  if (n == 1 || m == 1) {
    const char *xp, *vp = n == 1 ? b : a;
    int64_t ix, iy, vs = n == 1 ? x->brs : x->acs;
    int64_t len = n == 1 ? m : n, ys = n == 1 ? x->crs : x->ccs;
    char *yp;
    if (vec(vp, k, vs, isz, &xp, &ix) && vec(c, len, ys, isz, (const char **)&yp, &iy)) {
      if (n == 1 ? operand(t, a, m, k, x->ars, x->acs, s, 0, &A, e)
                 : operand(t, b, k, n, x->brs, x->bcs, s, 1, &A, e)) return -1;
      if (n == 1) {   /* y = A x */
        if (A.trans == LPY_NOTRANS) gemv(t, LPY_NOTRANS, m, k, A.p, A.ld, xp, ix, yp, iy);
        else gemv(t, LPY_TRANS, k, m, A.p, A.ld, xp, ix, yp, iy);
      } else {        /* y = B^T x */
        if (A.trans == LPY_NOTRANS) gemv(t, LPY_TRANS, k, n, A.p, A.ld, xp, ix, yp, iy);
        else gemv(t, LPY_NOTRANS, n, k, A.p, A.ld, xp, ix, yp, iy);
      }
      return 0;
    }
  }
  /* the result: written in place when BLAS can describe it, else through
     a contiguous buffer */
  if (!describe(c, m, n, x->crs, x->ccs, isz, &C)) {
    cdst = c;
    c = grab(s, 2, (size_t)m * (size_t)n * (size_t)isz, e);
    if (!c) return -1;
    C.p = c; C.trans = LPY_TRANS; C.ld = m;    /* column-major */
  }
  order = C.trans == LPY_NOTRANS ? LPY_ROWMAJOR : LPY_COLMAJOR;
  /* a @ a.T: syrk, and the lower triangle copied from the upper one */
  if (a == b && m == n && x->ars == x->bcs && x->acs == x->brs &&
      describe(a, m, k, x->ars, x->acs, isz, &A)) {
    ta = order == LPY_ROWMAJOR ? A.trans : flip(A.trans);
    syrk(t, order, ta, n, k, A.p, A.ld, c, C.ld);
    if (cdst) {
      fill_lower(t, n, c, isz, m * isz);
      lpy_mat_unpack(c, t, m, m, n, cdst, t, x->crs, x->ccs);
    } else fill_lower(t, n, c, x->crs, x->ccs);
    return 0;
  }
  if (operand(t, a, m, k, x->ars, x->acs, s, 0, &A, e) ||
      operand(t, b, k, n, x->brs, x->bcs, s, 1, &B, e)) return -1;
  ta = order == LPY_ROWMAJOR ? A.trans : flip(A.trans);
  tb = order == LPY_ROWMAJOR ? B.trans : flip(B.trans);
  gemm(t, order, ta, tb, m, n, k, A.p, A.ld, B.p, B.ld, c, C.ld);
  if (cdst) lpy_mat_unpack(c, t, m, m, n, cdst, t, x->crs, x->ccs);
  return 0;
}

static int one(const mm *x, const char *a, const char *b, char *c, scratch *s,
               lpy_err *e) {
  int64_t m = x->m, n = x->n, k = x->k, i;
  if (m == 0 || n == 0) return 0;
  if (k == 0) {
    int isz = lpy_itemsize(x->t);
    for (i = 0; i < m; i++) {
      int64_t j;
      for (j = 0; j < n; j++) memset(c + i * x->crs + j * x->ccs, 0, (size_t)isz);
    }
    return 0;
  }
  if (blas_type(x->t) && m == 1 && n == 1 && !fits(1, 1, k) &&
      long_dot(x, a, b, c) == 0)
    return 0;
  if (blas_type(x->t) && fits(m, n, k) &&
      !(m <= SMALL_SIDE && n <= SMALL_SIDE && k <= SMALL_SIDE && m * n * k <= SMALL_MNK))
    return blas_one(x, a, b, c, s, e);
  return lpy_matmul_kernel(x->t, m, n, k, a, x->ars, x->acs, b, x->brs, x->bcs,
                           c, x->crs, x->ccs, e);
}

/* --------------------------------------------------------------- stacks */
int lpy_matmul(const lpy_array *a, const lpy_array *b, lpy_array *c,
               lpy_err *e) {
  int nd = c->ndim, lead = nd - 2, i, r = 0;
  int64_t idx[LPY_MAXDIMS], count = 1, it;
  const char *pa = a->data, *pb = b->data;
  char *pc = c->data;
  scratch s = {{NULL, NULL, NULL}, {0, 0, 0}};
  mm x;
  x.t = c->dtype;
  x.m = c->shape[nd - 2]; x.n = c->shape[nd - 1]; x.k = a->shape[nd - 1];
  x.ars = a->strides[nd - 2]; x.acs = a->strides[nd - 1];
  x.brs = b->strides[nd - 2]; x.bcs = b->strides[nd - 1];
  x.crs = c->strides[nd - 2]; x.ccs = c->strides[nd - 1];
  for (i = 0; i < lead; i++) { count *= c->shape[i]; idx[i] = 0; }
  if (x.m == 0 || x.n == 0) count = 0;
  /* tiny matrices: the small kernel straight over the stack, over the
     innermost leading dimension at a time */
  if (count > 1 && x.m <= SMALL_SIDE && x.n <= SMALL_SIDE &&
      x.k <= SMALL_SIDE && x.k > 0 && (!blas_type(x.t) || x.m * x.n * x.k <= SMALL_MNK)) {
    int64_t inner = c->shape[lead - 1];
    for (it = 0; it < count; it += inner) {
      lpy_matmul_small(x.t, inner, a->strides[lead - 1], b->strides[lead - 1],
                       c->strides[lead - 1], x.m, x.n, x.k, pa, x.ars, x.acs,
                       pb, x.brs, x.bcs, pc, x.crs, x.ccs);
      for (i = lead - 2; i >= 0; i--) {   /* next line, C order */
        pa += a->strides[i]; pb += b->strides[i]; pc += c->strides[i];
        if (++idx[i] < c->shape[i]) break;
        pa -= a->strides[i] * c->shape[i]; pb -= b->strides[i] * c->shape[i];
        pc -= c->strides[i] * c->shape[i]; idx[i] = 0;
      }
    }
    return 0;
  }
  for (it = 0; it < count && r == 0; it++) {
    r = one(&x, pa, pb, pc, &s, e);
    for (i = lead - 1; i >= 0; i--) {
      pa += a->strides[i]; pb += b->strides[i]; pc += c->strides[i];
      if (++idx[i] < c->shape[i]) break;
      pa -= a->strides[i] * c->shape[i]; pb -= b->strides[i] * c->shape[i];
      pc -= c->strides[i] * c->shape[i]; idx[i] = 0;
    }
  }
  for (i = 0; i < 3; i++) if (s.p[i]) lpy_free(s.p[i], s.n[i]);
  return r;
}
