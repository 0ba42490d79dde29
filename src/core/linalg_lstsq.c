/*
** linalg_lstsq.c - least squares by LAPACK's gelsd (SVD, divide and
** conquer) as NumPy's lstsq: solution, rank, singular values, and the
** residuals as the squared norm of the rows n..m-1 of the solved b.
*/
#include <string.h>
#include "linalg_lp.h"

int lpy_linalg_lstsq(const lpy_array *a, const lpy_array *b, double rcond,
                     lpy_array *x, lpy_array *resid, int *has_resid,
                     int64_t *rank, lpy_array *s, lpy_err *e) {
  const lpy_lp *lp = lpy_lp_get(lpy_linalg_compute(x->dtype));
  int64_t m = a->shape[0], n = a->shape[1], nrhs = b->shape[1], j, i;
  int64_t k = m < n ? m : n, mx = m > n ? m : n, dims[3];
  int64_t nr = nrhs > 0 ? nrhs : 1;   /* LAPACK wants a column at least */
  li lda = LPY_LD(m), ldb = LPY_LD(mx), info, lw, lrw = 1, liw, rk = 0;
  double qw[2] = {0, 0}, qrw = 0, dummy[2] = {0, 0};
  li qiw = 0;
  size_t nbytes;
  char *mem;
  void *A, *B, *work;
  double *S, *rwork;
  li *iwork;
  int cplx = lp->t == LPY_COMPLEX128;
  *has_resid = 0;
  dims[0] = m; dims[1] = n; dims[2] = nrhs;
  if (lpy_lp_fits(e, 3, dims)) return -1;
  info = lp->gelsd((li)m, (li)n, (li)nr, dummy, lda, dummy, ldb, dummy,
                   rcond, &rk, qw, -1, &qrw, &qiw);
  if (info < 0) return lpy_lp_bad(e, "gelsd", info);
  if ((lw = lpy_lp_lwork(qw, 1, e)) < 0) return -1;
  liw = qiw > 1 ? qiw : 1;
  if (cplx && (lrw = lpy_lp_lwork(&qrw, 1, e)) < 0) return -1;
  /* A (lda x n), B (ldb x nr), work (lw): compute dtype; S, rwork
     doubles; iwork */
  {
    int64_t ne = (int64_t)lda * (n > 1 ? n : 1) + (int64_t)ldb * nr + lw;
    int64_t nd = (k > 1 ? k : 1) + (cplx ? lrw : 0);
    int64_t total = ne * lp->isz + nd * 8 + (int64_t)liw * (int64_t)sizeof(li);
    if (ne > ((int64_t)1 << 58) || liw > ((int64_t)1 << 58)) {
      return lpy_err_set(e, LPY_EMEMORY, "workspace is too big; cannot "
                         "allocate it");
    }
    if (!(mem = lpy_lp_alloc(e, &nbytes, total, 1, 1))) return -1;
    A = mem;
    B = mem + (size_t)lda * (n > 1 ? n : 1) * lp->isz;
    work = (char *)B + (size_t)ldb * nr * lp->isz;
    S = (double *)((char *)work + (size_t)lw * lp->isz);
    rwork = S + (k > 1 ? k : 1);
    iwork = (li *)(rwork + (cplx ? lrw : 0));
  }
  lpy_stack_pack(a, 0, A, lp->t, lda);
  memset(B, 0, (size_t)ldb * nr * lp->isz);
  if (nrhs > 0) lpy_stack_pack(b, 0, B, lp->t, ldb);
  info = lp->gelsd((li)m, (li)n, (li)nr, A, lda, B, ldb, S, rcond, &rk,
                   work, lw, rwork, iwork);
  if (info != 0) {        /* NaN makes LAPACK's scaling report bad input */
    lpy_free(mem, nbytes);
    return lpy_err_set(e, LPY_ERUNTIME, "SVD did not converge in Linear "
                       "Least Squares");
  }
  if (m == 0) memset(B, 0, (size_t)ldb * nr * lp->isz);  /* NumPy: x = 0 */
  if (nrhs > 0) lpy_stack_unpack(x, 0, B, lp->t, ldb);
  lpy_mat_unpack(S, LPY_FLOAT64, 1, 1, k, s->data, s->dtype, 0,
                 s->strides[0]);
  *rank = rk;
  if (m > n && rk == n) {
    *has_resid = 1;
    for (j = 0; j < nrhs; j++) {
      const double *v = (const double *)((char *)B + (size_t)(j * ldb + n) * lp->isz);
      double acc = 0.0;
      if (cplx)
        for (i = 0; i < 2 * (m - n); i += 2) acc += v[i] * v[i] + v[i + 1] * v[i + 1];
      else
        for (i = 0; i < m - n; i++) acc += v[i] * v[i];
      lpy_lp_put(resid, j, LPY_FLOAT64, &acc);
    }
  }
  lpy_free(mem, nbytes);
  return 0;
}
