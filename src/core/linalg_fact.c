/*
** linalg_fact.c - the Cholesky (potrf) and QR (geqrf + orgqr/ungqr)
** factorizations of each matrix of a stack, in NumPy's layouts: the
** unused triangle zeroed, QR's modes reduced, complete, r and raw.
*/
#include <string.h>
#include "linalg_lp.h"

/* zero the strict lower (lower = 1) or upper triangle of the m x n
   column-major matrix p */
static void zero_tri(void *p, const lpy_lp *lp, int64_t m, int64_t n, li ld,
                     int lower) {
  int64_t j;
  for (j = 0; j < n; j++) {
    char *col = (char *)p + j * ld * lp->isz;
    if (lower) {
      if (j + 1 < m) memset(col + (j + 1) * lp->isz, 0, (size_t)((m - j - 1) * lp->isz));
    } else {
      int64_t r = j < m ? j : m;
      memset(col, 0, (size_t)(r * lp->isz));
    }
  }
}

/* When a's rows are contiguous (C order) the factorization runs on a^T:
   potrf with the other triangle on the transposed copy (a plain copy of
   the rows) gives the transposed factor (l = u^T for l l^H = a), which is
   copied back row by row: no transposing copies. */
int lpy_linalg_cholesky(const lpy_array *a, int upper, lpy_array *r,
                        lpy_err *e) {
  const lpy_lp *lp = lpy_lp_get(lpy_linalg_compute(r->dtype));
  int64_t n = a->shape[a->ndim - 1], cnt = lpy_stack_count(a, 2), i;
  li ld = LPY_LD(n), info;
  size_t nb;
  void *buf;
  lpy_array_space at, rt;
  const lpy_array *src = a;
  lpy_array *dst = r;
  int up = upper;
  if (r->size == 0) return 0;
  if (lpy_lp_fits(e, 1, &n)) return -1;
  if (a->dtype == lp->t && a->strides[a->ndim - 1] == lp->isz) {
    lpy_lp_swap_last(a, &at); lpy_lp_swap_last(r, &rt);
    src = &at.a; dst = &rt.a; up = !upper;
  }
  if (!(buf = lpy_lp_alloc(e, &nb, ld, ld, lp->isz))) return -1;
  for (i = 0; i < cnt; i++) {
    lpy_stack_pack(src, i, buf, lp->t, ld);
    info = lp->potrf(up ? 'U' : 'L', (li)n, buf, ld);
    if (info != 0) {
      lpy_free(buf, nb);
      return lpy_err_set(e, LPY_EVALUE, "matrix is not positive definite");
    }
    zero_tri(buf, lp, n, n, ld, up);
    lpy_stack_unpack(dst, i, buf, lp->t, ld);
  }
  lpy_free(buf, nb);
  return 0;
}

static int qr_failed(lpy_err *e) {
  return lpy_err_set(e, LPY_EVALUE, "Incorrect argument found while "
                     "performing QR factorization");
}

/* the column-major m x n matrix src (leading dimension ld) transposed into
   item k of the stack h (..., n, m) */
static void unpack_t(lpy_array *h, int64_t k, const void *src, lpy_dtype t,
                     li ld) {
  int nd = h->ndim;
  lpy_mat_unpack(src, t, ld, h->shape[nd - 1], h->shape[nd - 2],
                 lpy_stack_item(h, 2, k), h->dtype, h->strides[nd - 1],
                 h->strides[nd - 2]);
}

int lpy_linalg_qr(const lpy_array *a, int mode, lpy_array *q, lpy_array *r,
                  lpy_err *e) {
  lpy_array *out = mode == LPY_QR_R ? r : q;
  const lpy_lp *lp = lpy_lp_get(lpy_linalg_compute(out->dtype));
  int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1];
  int64_t k = m < n ? m : n, cnt = lpy_stack_count(a, 2), i, mc = k, ncp;
  int64_t dims[2];
  li lda = LPY_LD(m), lw1, lw2 = 1, info;
  double qry[2][2], dummy[2] = {0, 0};
  size_t nb;
  char *mem;
  void *A, *Q, *tau, *work;
  int wantq = mode == LPY_QR_REDUCED || mode == LPY_QR_COMPLETE;
  if (cnt == 0 || out->size == 0) return 0;  /* NumPy runs no loop then */
  dims[0] = m; dims[1] = n;
  if (lpy_lp_fits(e, 2, dims)) return -1;
  if (mode == LPY_QR_COMPLETE && m > n) mc = m;
  /* workspace sizes: geqrf's, and orgqr's when q is wanted */
  info = lp->geqrf((li)m, (li)n, dummy, lda, dummy, qry[0], -1);
  if (info < 0) return lpy_lp_bad(e, "geqrf", info);
  if ((lw1 = lpy_lp_lwork(qry[0], n > 1 ? (li)n : 1, e)) < 0) return -1;
  if (wantq) {
    info = lp->orgqr((li)m, (li)mc, (li)k, dummy, lda, dummy, qry[1], -1);
    if (info < 0) return lpy_lp_bad(e, "orgqr", info);
    if ((lw2 = lpy_lp_lwork(qry[1], mc > 1 ? (li)mc : 1, e)) < 0) return -1;
  }
  if (lw2 > lw1) lw1 = lw2;
  /* A (m x n), Q (m x mc), tau (k), work */
  mem = lpy_lp_alloc(e, &nb, (int64_t)lda * (n > 1 ? n : 1) +
                     (int64_t)lda * (wantq ? (mc > 1 ? mc : 1) : 0) + k + lw1,
                     lp->isz, 1);
  if (!mem) return -1;
  A = mem;
  Q = mem + (size_t)lda * (n > 1 ? n : 1) * lp->isz;
  tau = (char *)Q + (size_t)lda * (wantq ? (mc > 1 ? mc : 1) : 0) * lp->isz;
  work = (char *)tau + (size_t)k * lp->isz;
  ncp = n < mc ? n : mc;
  for (i = 0; i < cnt; i++) {
    lpy_stack_pack(a, i, A, lp->t, lda);
    info = lp->geqrf((li)m, (li)n, A, lda, tau, work, lw1);
    if (info != 0) { lpy_free(mem, nb); return qr_failed(e); }
    if (mode == LPY_QR_RAW) {
      unpack_t(q, i, A, lp->t, lda);
      lpy_mat_unpack(tau, lp->t, 1, 1, k, lpy_stack_item(r, 1, i), r->dtype,
                     0, r->ndim ? r->strides[r->ndim - 1] : 0);
      continue;
    }
    if (wantq) {
      memcpy(Q, A, (size_t)(lda * ncp * lp->isz));
      info = lp->orgqr((li)m, (li)mc, (li)k, Q, lda, tau, work, lw1);
      if (info != 0) { lpy_free(mem, nb); return qr_failed(e); }
      lpy_stack_unpack(q, i, Q, lp->t, lda);
    }
    /* r: the first rows of A's upper triangle */
    zero_tri(A, lp, m, n, lda, 1);
    lpy_stack_unpack(r, i, A, lp->t, lda);
  }
  lpy_free(mem, nb);
  return 0;
}
