/*
** einsum_blas.c - einsum on BLAS: a two-operand contraction of float32,
** float64, complex64 or complex128 seen as C[b] = A[b] . B[b] with the
** labels grouped into batch (both operands and the output), contracted
** (both operands, not the output) and free (one operand and the output).
** Each group must walk its operand as one strided dimension and each
** matrix must have a unit stride on one side: an operand that does not is
** copied to a contiguous buffer first, and an output that does not gets
** a contiguous temporary copied back. m = n = 1 is a dot, n = 1 or m = 1 a
** gemv, the rest gemm; batch labels loop around the call. Anything else
** (or a size beyond the BLAS integer) goes to the general loop of einsum.c.
** lpy_einsum_run, the dispatcher, lives here so that einsum.c stays free of
** BLAS (the cross build leaves this file out).
*/
#include <string.h>
#include "einsum.h"
#include "blas.h"

typedef struct group {
  int n;                        /* labels in the group, in walking order */
  int lab[LPY_MAXDIMS];
  int64_t size;                 /* product of their sizes */
} group;

/* a matrix of rows x cols with element strides rs, cs */
typedef struct mat {
  char *data;
  int64_t rows, cols, rs, cs;
  int64_t bst[LPY_MAXDIMS];     /* byte strides along the batch labels */
} mat;

static void add(group *g, const lpy_einsum_plan *p, int l) {
  g->lab[g->n++] = l;
  if (__builtin_mul_overflow(g->size, p->size[l], &g->size)) g->size = INT64_MAX;
}

/* the one element stride with which operand k walks group g, or 0 when it
   cannot (not mergeable, not a whole number of elements, broadcast) */
static int64_t merged(const lpy_einsum_plan *p, int k, const group *g,
                      int64_t isz) {
  int i;
  int64_t s;
  if (g->n == 0) return 1;
  for (i = 0; i + 1 < g->n; i++)
    if (p->stride[k][g->lab[i]] !=
        p->stride[k][g->lab[i + 1]] * p->size[g->lab[i + 1]])
      return 0;
  s = p->stride[k][g->lab[g->n - 1]];
  if (s % isz) return 0;
  return s / isz;
}

static int64_t max1(int64_t x) { return x > 1 ? x : 1; }

/* can BLAS take m as it is (row-major, or transposed); its ld */
static int mat_ok(const mat *m, int *trans, int64_t *ld) {
  if ((m->cols <= 1 || m->cs == 1) && (m->rows <= 1 || m->rs >= max1(m->cols))) {
    *trans = 0;
    *ld = m->rows <= 1 ? max1(m->cols) : m->rs;
    return *ld <= LPY_BLASINT_MAX;
  }
  if ((m->rows <= 1 || m->rs == 1) && (m->cols <= 1 || m->cs >= max1(m->rows))) {
    *trans = 1;
    *ld = m->cols <= 1 ? max1(m->rows) : m->cs;
    return *ld <= LPY_BLASINT_MAX;
  }
  return 0;
}

static void mat_t(mat *m) {
  int64_t t = m->rows; m->rows = m->cols; m->cols = t;
  t = m->rs; m->rs = m->cs; m->cs = t;
}

/* The matrix view of operand k (rows group r, cols group c): strides from
   the plan; ok = 0 when it needs a copy. */
static int mat_of(const lpy_einsum_plan *p, int k, char *data, const group *bt,
                  const group *r, const group *c, int64_t isz, mat *m) {
  int i, tr;
  int64_t ld;
  m->data = data;
  m->rows = r->size;
  m->cols = c->size;
  m->rs = merged(p, k, r, isz);
  m->cs = merged(p, k, c, isz);
  for (i = 0; i < bt->n; i++) m->bst[i] = p->stride[k][bt->lab[i]];
  if ((m->rows > 1 && m->rs <= 0) || (m->cols > 1 && m->cs <= 0)) return 0;
  return mat_ok(m, &tr, &ld);
}

/* the geometry of operand k over the groups g[0..ng-1] (labels in order) */
static int geometry(const lpy_einsum_plan *p, int k, const group *const *g,
                    int ng, int64_t *shape, int64_t *strides) {
  int nd = 0, i, j;
  for (j = 0; j < ng; j++)
    for (i = 0; i < g[j]->n; i++) {
      shape[nd] = p->size[g[j]->lab[i]];
      strides[nd++] = p->stride[k][g[j]->lab[i]];
    }
  return nd;
}

/* Copy operand k (geometry over groups g) into the contiguous buffer buf
   and describe it as the matrix (rows group g[1], cols g[2]) in m. */
static int pack(const lpy_einsum_plan *p, int k, char *data,
                const group *const *g, lpy_dtype t, char *buf, mat *m,
                lpy_err *e) {
  lpy_array_space src, dst;
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS], cst[LPY_MAXDIMS];
  int nd = geometry(p, k, g, 3, shape, strides), i;
  lpy_array_init(&src.a, t, nd, shape, strides, data, NULL);
  lpy_array_init(&dst.a, t, nd, shape, NULL, buf, NULL);
  if (lpy_array_assign(&dst.a, &src.a, e) != 0) return -1;
  lpy_strides_c(nd, shape, lpy_itemsize(t), cst);
  m->data = buf;
  m->rows = g[1]->size;
  m->cols = g[2]->size;
  m->rs = m->cols;
  m->cs = 1;
  for (i = 0; i < g[0]->n; i++) m->bst[i] = cst[i];
  return 0;
}

/* ------------------------------------------------------------ calls */
static const float one_f[2] = {1, 0}, zero_f[2] = {0, 0};
static const double one_d[2] = {1, 0}, zero_d[2] = {0, 0};

/* C (M x N, row-major ldc, unit column stride) = X . Y */
static void gemm(lpy_dtype t, int tx, int ty, int64_t M, int64_t N, int64_t K,
                 const char *x, int64_t ldx, const char *y, int64_t ldy,
                 char *c, int64_t ldc) {
  int ox = tx ? LPY_TRANS : LPY_NOTRANS, oy = ty ? LPY_TRANS : LPY_NOTRANS;
  lpy_blasint m = (lpy_blasint)M, n = (lpy_blasint)N, k = (lpy_blasint)K;
  switch (t) {
  case LPY_FLOAT32:
    lpy_cblas_sgemm(LPY_ROWMAJOR, ox, oy, m, n, k, 1.0f, x, (lpy_blasint)ldx,
                    y, (lpy_blasint)ldy, 0.0f, c, (lpy_blasint)ldc);
    break;
  case LPY_FLOAT64:
    lpy_cblas_dgemm(LPY_ROWMAJOR, ox, oy, m, n, k, 1.0, x, (lpy_blasint)ldx,
                    y, (lpy_blasint)ldy, 0.0, c, (lpy_blasint)ldc);
    break;
  case LPY_COMPLEX64:
    lpy_cblas_cgemm(LPY_ROWMAJOR, ox, oy, m, n, k, one_f, x, (lpy_blasint)ldx,
                    y, (lpy_blasint)ldy, zero_f, c, (lpy_blasint)ldc);
    break;
  default:
    lpy_cblas_zgemm(LPY_ROWMAJOR, ox, oy, m, n, k, one_d, x, (lpy_blasint)ldx,
                    y, (lpy_blasint)ldy, zero_d, c, (lpy_blasint)ldc);
  }
}

/* y = op(A) x, A row-major rows x cols (before op) */
static void gemv(lpy_dtype t, int ta, int64_t rows, int64_t cols,
                 const char *a, int64_t lda, const char *x, int64_t incx,
                 char *y, int64_t incy) {
  int o = ta ? LPY_TRANS : LPY_NOTRANS;
  lpy_blasint r = (lpy_blasint)rows, c = (lpy_blasint)cols,
              l = (lpy_blasint)lda, ix = (lpy_blasint)incx,
              iy = (lpy_blasint)incy;
  switch (t) {
  case LPY_FLOAT32:
    lpy_cblas_sgemv(LPY_ROWMAJOR, o, r, c, 1.0f, a, l, x, ix, 0.0f, y, iy); break;
  case LPY_FLOAT64:
    lpy_cblas_dgemv(LPY_ROWMAJOR, o, r, c, 1.0, a, l, x, ix, 0.0, y, iy); break;
  case LPY_COMPLEX64:
    lpy_cblas_cgemv(LPY_ROWMAJOR, o, r, c, one_f, a, l, x, ix, zero_f, y, iy); break;
  default:
    lpy_cblas_zgemv(LPY_ROWMAJOR, o, r, c, one_d, a, l, x, ix, zero_d, y, iy);
  }
}

static void dot(lpy_dtype t, int64_t n, const char *x, int64_t incx,
                const char *y, int64_t incy, char *out) {
  lpy_blasint k = (lpy_blasint)n, ix = (lpy_blasint)incx, iy = (lpy_blasint)incy;
  switch (t) {
  case LPY_FLOAT32:
    *(float *)out = lpy_cblas_sdot(k, (const float *)x, ix, (const float *)y, iy);
    break;
  case LPY_FLOAT64:
    *(double *)out = lpy_cblas_ddot(k, (const double *)x, ix, (const double *)y, iy);
    break;
  case LPY_COMPLEX64: lpy_cblas_cdotu_sub(k, x, ix, y, iy, out); break;
  default: lpy_cblas_zdotu_sub(k, x, ix, y, iy, out);
  }
}

/* C = X . Y for one batch item: X is M x K, Y K x N, C M x N (all three
   accepted by mat_ok, C without transposition) */
static void product(lpy_dtype t, const mat *X, const mat *Y, const mat *C,
                    char *x, char *y, char *c) {
  int tx = 0, ty = 0, tc = 0;
  int64_t ldx = 1, ldy = 1, ldc = 1, M = C->rows, N = C->cols, K = X->cols;
  mat_ok(X, &tx, &ldx);
  mat_ok(Y, &ty, &ldy);
  mat_ok(C, &tc, &ldc);
  if (M == 1 && N == 1)
    dot(t, K, x, K > 1 ? X->cs : 1, y, K > 1 ? Y->rs : 1, c);
  else if (N == 1) {
    if (!tx) gemv(t, 0, M, K, x, ldx, y, K > 1 ? Y->rs : 1, c, C->rs);
    else gemv(t, 1, K, M, x, ldx, y, K > 1 ? Y->rs : 1, c, C->rs);
  } else if (M == 1) {
    if (!ty) gemv(t, 1, K, N, y, ldy, x, K > 1 ? X->cs : 1, c, C->cs);
    else gemv(t, 0, N, K, y, ldy, x, K > 1 ? X->cs : 1, c, C->cs);
  } else
    gemm(t, tx, ty, M, N, K, x, ldx, y, ldy, c, ldc);
}

static int blas_type(lpy_dtype t) {
  return t == LPY_FLOAT32 || t == LPY_FLOAT64 || t == LPY_COMPLEX64 ||
         t == LPY_COMPLEX128;
}

static int fits(int64_t v) { return v <= LPY_BLASINT_MAX; }

/* bytes of a buffer of a x b x c elements of size isz; 0 on overflow */
static size_t nbytes(int64_t a, int64_t b, int64_t c, int64_t isz) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r) || __builtin_mul_overflow(r, c, &r) ||
      __builtin_mul_overflow(r, isz, &r) || (uint64_t)r > SIZE_MAX / 2)
    return 0;
  return (size_t)r;
}

/* 1: done; 0: not a BLAS case; -1: error */
static int try_blas(const lpy_einsum_plan *p, char *const *data, lpy_dtype t,
                    lpy_array *out, lpy_err *e) {
  group bt = {0, {0}, 1}, con = {0, {0}, 1}, fa = {0, {0}, 1}, fb = {0, {0}, 1};
  const group *ga[3], *gb[3], *gc[3];
  mat A, B, C, X, Y, Z;
  int64_t isz = lpy_itemsize(t), idx[LPY_MAXDIMS], i;
  char *abuf = NULL, *bbuf = NULL, *cbuf = NULL;
  size_t an = 0, bn = 0, cn = 0;
  int l, okc, swap = 0, rc = 1, tr = 0;
  int64_t ld = 1;
  for (l = 0; l < p->nl; l++) {
    int a = p->has[0][l], b = p->has[1][l], o = p->has[2][l];
    if (p->size[l] == 1) continue;
    if (a && b && !o) add(&con, p, l);
    else if (!(o && (a || b))) return 0;    /* summed in one operand only */
  }
  for (i = 0; i < p->nout; i++) {
    int a, b;
    l = p->out[i];
    if (p->size[l] == 1) continue;
    a = p->has[0][l]; b = p->has[1][l];
    if (a && b) add(&bt, p, l);
    else if (a) add(&fa, p, l);
    else add(&fb, p, l);
  }
  if (con.n == 0) return 0;
  if (fa.size == 1 && fb.size == 1 && bt.size > 1) return 0;
  if (bt.size > 1 && (double)fa.size * fb.size * con.size < 4096) return 0;
  if (!fits(fa.size) || !fits(fb.size) || !fits(con.size)) return 0;
  ga[0] = &bt; ga[1] = &fa; ga[2] = &con;
  gb[0] = &bt; gb[1] = &con; gb[2] = &fb;
  gc[0] = &bt; gc[1] = &fa; gc[2] = &fb;
  /* operands: as they are, or packed */
  if (!mat_of(p, 0, data[0], &bt, &fa, &con, isz, &A)) {
    an = nbytes(bt.size, fa.size, con.size, isz);
    if (!an || !(abuf = lpy_alloc(an, 0))) goto nomem;
    if (pack(p, 0, data[0], ga, t, abuf, &A, e)) { rc = -1; goto done; }
  }
  if (!mat_of(p, 1, data[1], &bt, &con, &fb, isz, &B)) {
    bn = nbytes(bt.size, con.size, fb.size, isz);
    if (!bn || !(bbuf = lpy_alloc(bn, 0))) goto nomem;
    if (pack(p, 1, data[1], gb, t, bbuf, &B, e)) { rc = -1; goto done; }
  }
  /* the output: row-major as it is, or transposed (C' = B' A'), or a
     contiguous temporary */
  okc = mat_of(p, 2, out->data, &bt, &fa, &fb, isz, &C);
  if (okc) {
    mat_ok(&C, &tr, &ld);
    if (tr) swap = 1;
  } else {
    int64_t shape[LPY_MAXDIMS], st[LPY_MAXDIMS];
    int nd = geometry(p, 2, gc, 3, shape, st);
    cn = nbytes(bt.size, fa.size, fb.size, isz);
    if (!cn || !(cbuf = lpy_alloc(cn, 0))) goto nomem;
    lpy_strides_c(nd, shape, (int)isz, st);
    C.data = cbuf; C.rows = fa.size; C.cols = fb.size; C.rs = fb.size; C.cs = 1;
    for (i = 0; i < bt.n; i++) C.bst[i] = st[i];
  }
  X = A; Y = B; Z = C;
  if (swap) { X = B; Y = A; mat_t(&X); mat_t(&Y); mat_t(&Z); }
  /* the batch loop */
  {
    char *x = X.data, *y = Y.data, *c = Z.data;
    int nb = bt.n, j;
    for (j = 0; j < nb; j++) idx[j] = 0;
    for (;;) {
      product(t, &X, &Y, &Z, x, y, c);
      for (j = nb - 1; j >= 0; j--) {
        int64_t sz = p->size[bt.lab[j]];
        if (++idx[j] < sz) {
          x += X.bst[j]; y += Y.bst[j]; c += Z.bst[j];
          break;
        }
        idx[j] = 0;
        x -= X.bst[j] * (sz - 1); y -= Y.bst[j] * (sz - 1); c -= Z.bst[j] * (sz - 1);
      }
      if (j < 0) break;
    }
  }
  if (cbuf) {
    lpy_array_space src, dst;
    int64_t shape[LPY_MAXDIMS], st[LPY_MAXDIMS];
    int nd = geometry(p, 2, gc, 3, shape, st);
    lpy_array_init(&dst.a, t, nd, shape, st, out->data, NULL);
    lpy_array_init(&src.a, t, nd, shape, NULL, cbuf, NULL);
    if (lpy_array_assign(&dst.a, &src.a, e) != 0) rc = -1;
  }
  goto done;
nomem:
  lpy_err_set(e, LPY_EMEMORY, "cannot allocate the contraction's buffers");
  rc = -1;
done:
  if (abuf) lpy_free(abuf, an);
  if (bbuf) lpy_free(bbuf, bn);
  if (cbuf) lpy_free(cbuf, cn);
  return rc;
}

/* Labels summed in operand k alone (not in the other operand, not in the
   output) are summed first, as NumPy's tensordot path does, when what is
   left is a contraction: is that the case here */
static int presum_needed(const lpy_einsum_plan *p, int k) {
  int l, nsum = 0, ncon = 0, o = 1 - k;
  for (l = 0; l < p->nl; l++) {
    if (p->size[l] <= 1 || !p->has[k][l]) continue;
    if (!p->has[o][l] && !p->has[2][l]) nsum++;
    else if (p->has[o][l] && !p->has[2][l]) ncon++;
  }
  return nsum && ncon;
}

/* Operand k becomes a contiguous buffer over its other labels (*buf, *bn
   bytes, in plan order) and q (which may be p itself) the plan for it;
   data[k] points at the buffer. 0 ok, -1 error. */
static int presum(const lpy_einsum_plan *p, lpy_einsum_plan *q, int k,
                  char **data, lpy_dtype t, char **buf, size_t *bn,
                  lpy_err *e) {
  lpy_einsum_plan *sub;
  int l, o = 1 - k;
  int64_t n = lpy_itemsize(t), st;
  for (l = 0; l < p->nl; l++)
    if (p->size[l] > 1 && p->has[k][l] && (p->has[o][l] || p->has[2][l]) &&
        __builtin_mul_overflow(n, p->size[l], &n))
      return lpy_err_set(e, LPY_EMEMORY, "the contraction is too large"), -1;
  sub = (lpy_einsum_plan *)lpy_alloc(sizeof *sub, 0);
  *bn = (size_t)n;
  *buf = lpy_alloc(*bn, 1);
  if (!sub || !*buf) {
    if (sub) lpy_free(sub, sizeof *sub);
    if (*buf) lpy_free(*buf, *bn);
    *buf = NULL;
    lpy_err_set(e, LPY_EMEMORY, "cannot allocate the contraction's buffers");
    return -1;
  }
  if (q != p) memcpy(q, p, sizeof *q);
  sub->nop = 1;
  sub->nl = q->nl;
  st = lpy_itemsize(t);
  for (l = q->nl - 1; l >= 0; l--) {
    sub->size[l] = q->has[k][l] ? q->size[l] : 1;
    sub->stride[0][l] = q->stride[k][l];
    sub->stride[1][l] = 0;
    q->stride[k][l] = 0;
    if (q->size[l] <= 1 || !q->has[k][l]) continue;
    if (!q->has[o][l] && !q->has[2][l]) { q->has[k][l] = 0; q->size[l] = 1; continue; }
    sub->stride[1][l] = st;
    q->stride[k][l] = st;
    st *= q->size[l];
  }
  lpy_einsum_loop(sub, &data[k], t, *buf, e);
  lpy_free(sub, sizeof *sub);
  data[k] = *buf;
  return 0;
}

int lpy_einsum_run(const lpy_einsum_plan *p, char *const *data, lpy_dtype t,
                   lpy_array *out, int blas, lpy_err *e) {
  const lpy_einsum_plan *cur = p;
  lpy_einsum_plan *q = NULL;
  char *d[2], *buf[2] = {NULL, NULL};
  size_t bn[2] = {0, 0};
  int l, k, r = 0;
  for (l = 0; l < p->nl; l++)
    if (p->size[l] == 0) {
      lpy_einsum_zero(out);
      return 0;
    }
  if (!(blas && p->nop == 2 && blas_type(t))) {
    lpy_einsum_zero(out);
    return lpy_einsum_loop(p, data, t, out->data, e);
  }
  d[0] = data[0];
  d[1] = data[1];
  for (k = 0; k < 2; k++) {
    if (!presum_needed(cur, k)) continue;
    if (!q && !(q = (lpy_einsum_plan *)lpy_alloc(sizeof *q, 0))) {
      lpy_err_set(e, LPY_EMEMORY, "cannot allocate the contraction's plan");
      r = -1;
      goto done;
    }
    if (presum(cur, q, k, d, t, &buf[k], &bn[k], e)) { r = -1; goto done; }
    cur = q;
  }
  r = try_blas(cur, d, t, out, e);
  if (r == 0) {
    lpy_einsum_zero(out);
    r = lpy_einsum_loop(cur, d, t, out->data, e) ? -1 : 1;
  }
done:
  for (k = 0; k < 2; k++) if (buf[k]) lpy_free(buf[k], bn[k]);
  if (q) lpy_free(q, sizeof *q);
  return r < 0 ? -1 : 0;
}
