/*
** linalg_lp.c - the LAPACK table of the solvers (float64 and complex128
** through LAPACKE's column-major *_work entry points), NumPy's result
** dtype rule, broadcast views of stacks and checked workspace.
*/
#include <string.h>
#include "linalg_lp.h"

#define CM LAPACK_COL_MAJOR
typedef lapack_complex_double zc;

static li d_gesv(li n, li r, void *a, li lda, li *p, void *b, li ldb) {
  return LAPACKE_dgesv_work(CM, n, r, a, lda, p, b, ldb);
}
static li z_gesv(li n, li r, void *a, li lda, li *p, void *b, li ldb) {
  return LAPACKE_zgesv_work(CM, n, r, a, lda, p, b, ldb);
}
static li d_getrf(li n, void *a, li lda, li *p) {
  return LAPACKE_dgetrf_work(CM, n, n, a, lda, p);
}
static li z_getrf(li n, void *a, li lda, li *p) {
  return LAPACKE_zgetrf_work(CM, n, n, a, lda, p);
}
static li d_getrs(char t, li n, li r, const void *a, li lda, const li *p,
                  void *b, li ldb) {
  return LAPACKE_dgetrs_work(CM, t, n, r, a, lda, p, b, ldb);
}
static li z_getrs(char t, li n, li r, const void *a, li lda, const li *p,
                  void *b, li ldb) {
  return LAPACKE_zgetrs_work(CM, t, n, r, a, lda, p, b, ldb);
}
static li d_potrf(char u, li n, void *a, li lda) {
  return LAPACKE_dpotrf_work(CM, u, n, a, lda);
}
static li z_potrf(char u, li n, void *a, li lda) {
  return LAPACKE_zpotrf_work(CM, u, n, a, lda);
}
static li d_geqrf(li m, li n, void *a, li lda, void *tau, void *w, li lw) {
  return LAPACKE_dgeqrf_work(CM, m, n, a, lda, tau, w, lw);
}
static li z_geqrf(li m, li n, void *a, li lda, void *tau, void *w, li lw) {
  return LAPACKE_zgeqrf_work(CM, m, n, a, lda, tau, w, lw);
}
static li d_orgqr(li m, li n, li k, void *a, li lda, const void *tau,
                  void *w, li lw) {
  return LAPACKE_dorgqr_work(CM, m, n, k, a, lda, tau, w, lw);
}
static li z_orgqr(li m, li n, li k, void *a, li lda, const void *tau,
                  void *w, li lw) {
  return LAPACKE_zungqr_work(CM, m, n, k, a, lda, tau, w, lw);
}
static li d_gelsd(li m, li n, li r, void *a, li lda, void *b, li ldb,
                  double *s, double rc, li *rank, void *w, li lw,
                  double *rw, li *iw) {
  (void)rw;
  return LAPACKE_dgelsd_work(CM, m, n, r, a, lda, b, ldb, s, rc, rank, w,
                             lw, iw);
}
static li z_gelsd(li m, li n, li r, void *a, li lda, void *b, li ldb,
                  double *s, double rc, li *rank, void *w, li lw,
                  double *rw, li *iw) {
  return LAPACKE_zgelsd_work(CM, m, n, r, a, lda, b, ldb, s, rc, rank, w,
                             lw, rw, iw);
}

static const lpy_lp lp_d = {LPY_FLOAT64, 8, d_gesv, d_getrf, d_getrs,
                            d_potrf, d_geqrf, d_orgqr, d_gelsd};
static const lpy_lp lp_z = {LPY_COMPLEX128, 16, z_gesv, z_getrf, z_getrs,
                            z_potrf, z_geqrf, z_orgqr, z_gelsd};

const lpy_lp *lpy_lp_get(lpy_dtype t) {
  return t == LPY_COMPLEX128 ? &lp_z : &lp_d;
}

void lpy_linalg_bview(const lpy_array *src, int core, int nb,
                      const int64_t *bshape, lpy_array_space *v) {
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  int sb = src->ndim - core, i;
  for (i = 0; i < nb; i++) {
    int j = i - (nb - sb);       /* src's batch dim aligned from the right */
    shape[i] = bshape[i];
    strides[i] = (j >= 0 && src->shape[j] != 1) ? src->strides[j] : 0;
  }
  for (i = 0; i < core; i++) {
    shape[nb + i] = src->shape[sb + i];
    strides[nb + i] = src->strides[sb + i];
  }
  lpy_array_init(&v->a, src->dtype, nb + core, shape, strides, src->data,
                 NULL);
}

int lpy_lp_fits(lpy_err *e, int n, const int64_t *dims) {
  int i;
  for (i = 0; i < n; i++)
    if (dims[i] > (int64_t)LPY_BLASINT_MAX / 2)
      return lpy_err_set(e, LPY_EVALUE, "matrix dimension %lld is too large "
                         "for LAPACK", (long long)dims[i]);
  return 0;
}

void *lpy_lp_alloc(lpy_err *e, size_t *nbytes, int64_t a, int64_t b,
                   int64_t c) {
  uint64_t n = 1, f[3];
  int i;
  void *p;
  f[0] = a > 1 ? (uint64_t)a : 1; f[1] = b > 1 ? (uint64_t)b : 1;
  f[2] = c > 1 ? (uint64_t)c : 1;
  for (i = 0; i < 3; i++) {
    if (n > ((uint64_t)1 << 62) / f[i]) {
      lpy_err_set(e, LPY_EMEMORY, "workspace is too big; cannot allocate it");
      return NULL;
    }
    n *= f[i];
  }
  p = lpy_alloc((size_t)n, 0);
  if (!p) lpy_err_set(e, LPY_EMEMORY, "out of memory (workspace of %llu "
                      "bytes)", (unsigned long long)n);
  *nbytes = (size_t)n;
  return p;
}

li lpy_lp_lwork(const void *w, li lo, lpy_err *e) {
  double v = *(const double *)w;   /* a complex's real part comes first */
  if (!(v < (double)LPY_BLASINT_MAX)) {
    lpy_err_set(e, LPY_EMEMORY, "LAPACK workspace is too large");
    return -1;
  }
  return (li)v > lo ? (li)v : lo;
}

void lpy_lp_put(lpy_array *out, int64_t k, lpy_dtype t, const void *src) {
  lpy_cast_fn(t, out->dtype)(src, 0, lpy_stack_item(out, 0, k), 0, 1);
}

int lpy_lp_bad(lpy_err *e, const char *routine, li info) {
  return lpy_err_set(e, LPY_ERUNTIME, "internal error: LAPACK %s rejected "
                     "argument %d", routine, (int)-info);
}

void lpy_lp_swap_last(const lpy_array *a, lpy_array_space *v) {
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  int nd = a->ndim, i;
  for (i = 0; i < nd; i++) { shape[i] = a->shape[i]; strides[i] = a->strides[i]; }
  shape[nd - 2] = a->shape[nd - 1]; shape[nd - 1] = a->shape[nd - 2];
  strides[nd - 2] = a->strides[nd - 1]; strides[nd - 1] = a->strides[nd - 2];
  lpy_array_init(&v->a, a->dtype, nd, shape, strides, a->data, NULL);
}
