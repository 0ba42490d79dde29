/*
** spectral.c - np.linalg's decompositions on LAPACK: svd (gesdd), eigh
** and svd(hermitian) (syevd/heevd), eig (geev); see spectral.h.
** Each routine packs the matrices of a stack one after another into a
** column-major float64 / complex128 buffer (NumPy's compute precision),
** calls LAPACK through LAPACKE's *_work entry points with workspace sized
** by LAPACK's own query, and stores the results with casting.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "blas.h"
#include "linalg.h"
#include "spectral.h"

#define LMAX ((int64_t)LPY_BLASINT_MAX)
#define COL LAPACK_COL_MAJOR
typedef lapack_complex_double zc;

/* ------------------------------------------------------------ scratch */
/* One allocation carved into 64-byte aligned pieces: take() reserves n
   elements of size sz and returns the offset (sets *bad on overflow). */
static size_t take(size_t *total, int64_t n, size_t sz, int *bad) {
  size_t off = (*total + 63) & ~(size_t)63;
  if (n < 0 || (uint64_t)n > ((uint64_t)1 << 46) / sz) { *bad = 1; return 0; }
  *total = off + (size_t)n * sz;
  return off;
}

static char *grab(size_t total, int bad, lpy_err *e) {
  char *p;
  if (bad) {
    lpy_err_set(e, LPY_EVALUE, "matrix too large for LAPACK's workspace");
    return NULL;
  }
  p = malloc(total ? total : 1);
  if (!p) lpy_err_set(e, LPY_EMEMORY, "cannot allocate %zu bytes of workspace", total);
  return p;
}

/* a workspace size returned by a LAPACK query (as a double) */
static int qsize(double q, lapack_int *out, lpy_err *e) {
  if (!(q >= 0) || q > (double)LMAX) {
    lpy_err_set(e, LPY_EVALUE, "matrix too large for LAPACK's workspace");
    return -1;
  }
  *out = q < 1 ? 1 : (lapack_int)q;
  return 0;
}

static int too_big(lpy_err *e) {
  return lpy_err_set(e, LPY_EVALUE,
                     "matrix dimensions exceed LAPACK's integer range");
}

static int all_finite(const double *p, int64_t n) {
  int64_t i;
  for (i = 0; i < n; i++) if (!isfinite(p[i])) return 0;
  return 1;
}

/* store n float64 values into dst of dtype t (contiguous) */
static void put_real(const double *src, int64_t n, char *dst, lpy_dtype t) {
  lpy_cast_fn(LPY_FLOAT64, t)((const char *)src, 8, dst, lpy_itemsize(t), n);
}

/* ones on the diagonal of every matrix of the zero-filled C-contiguous x */
static void set_identity(lpy_array *x) {
  int nd = x->ndim;
  int64_t r = x->shape[nd - 2], c = x->shape[nd - 1], cnt, it, i;
  int64_t isz = lpy_itemsize(x->dtype);
  double one = 1.0;
  lpy_castfn f = lpy_cast_fn(LPY_FLOAT64, x->dtype);
  cnt = lpy_stack_count(x, 2);
  for (it = 0; it < cnt; it++)
    for (i = 0; i < r && i < c; i++)
      f((const char *)&one, 0, x->data + ((it * r + i) * c + i) * isz, 0, 1);
}

/* ---------------------------------------------------------------- svd */
/* gesdd works on B = A^T (n x m, column-major: A's rows are B's columns,
   so a C-ordered A packs with contiguous reads). From B = U' S V'^H,
   A = conj(V') S U'^T: LAPACK's VT' (= V'^H, column-major) is u in C
   order and its U' (column-major) is vh in C order, for real and complex
   input alike. So gesdd writes u and vh straight into the outputs when they
   have the compute dtype, and through contiguous buffers otherwise. */
int lpy_spectral_svd(const lpy_array *a, int full, lpy_array *u,
                     lpy_array *s, lpy_array *vh, lpy_err *e) {
  int nd = a->ndim, cx = lpy_iscomplex(a->dtype), bad = 0, direct;
  int64_t m = a->shape[nd - 2], n = a->shape[nd - 1];
  int64_t rs = a->strides[nd - 2], cs = a->strides[nd - 1];
  int64_t k = m < n ? m : n, mx = m < n ? n : m;
  int64_t count = lpy_stack_count(a, 2), it, nr = 0;
  lpy_dtype ct = lpy_linalg_compute(a->dtype);
  size_t isz = cx ? 16 : 8, total = 0, ob, os, ou = 0, ov = 0, oi, orw = 0, ow;
  char jobz = !u ? 'N' : full ? 'A' : 'S';
  int64_t ucols = jobz == 'A' ? m : k, vrows = jobz == 'A' ? n : k;
  lapack_int ldu, ldvt, lwork, info;
  char *mem = NULL, *work, *pu, *pv;
  int sisz = lpy_itemsize(s->dtype);
  double q[2] = {0, 0};
  if (count == 0) return 0;
  if (k == 0) {
    if (u) { set_identity(u); set_identity(vh); }
    return 0;
  }
  if (m > LMAX || n > LMAX || 8 * k > LMAX) return too_big(e);
  if (cx) {
    nr = jobz == 'N' ? 7 * k : 5 * k * k + 5 * k;
    if (jobz != 'N' && 2 * mx * k + 2 * k * k + k > nr)
      nr = 2 * mx * k + 2 * k * k + k;
    if (nr > LMAX || mx > LMAX / k) return too_big(e);
  }
  direct = u && u->dtype == ct && vh->dtype == ct;
  ldu = jobz == 'N' ? 1 : (lapack_int)n;         /* U' (n x vrows) -> vh */
  ldvt = jobz == 'N' ? 1 : (lapack_int)ucols;    /* VT' (ucols x m) -> u */
  ob = take(&total, m * n, isz, &bad);
  os = take(&total, k, 8, &bad);
  if (u && !direct) {
    ou = take(&total, n * vrows, isz, &bad);
    ov = take(&total, ucols * m, isz, &bad);
  }
  oi = take(&total, 8 * k, sizeof(lapack_int), &bad);
  if (cx) orw = take(&total, nr, 8, &bad);
  if (!(mem = grab(total, bad, e))) return -1;
  pu = u ? (direct ? vh->data : mem + ou) : NULL;
  pv = u ? (direct ? u->data : mem + ov) : NULL;
#define SVD_ARGS(w, lw) COL, jobz, (lapack_int)n, (lapack_int)m, \
    (void *)(mem + ob), (lapack_int)n, (double *)(mem + os), \
    (void *)pu, ldu, (void *)pv, ldvt, (void *)(w), lw
  if (cx)
    info = LAPACKE_zgesdd_work(SVD_ARGS(q, -1), (double *)(mem + orw),
                               (lapack_int *)(mem + oi));
  else
    info = LAPACKE_dgesdd_work(SVD_ARGS(q, -1), (lapack_int *)(mem + oi));
  if (info != 0 || qsize(q[0], &lwork, e)) {
    free(mem);
    if (info != 0) return lpy_err_set(e, LPY_ERUNTIME, "SVD did not converge");
    return -1;
  }
  ow = take(&total, lwork, isz, &bad);
  work = bad ? NULL : realloc(mem, total);
  if (!work) {
    free(mem);
    return lpy_err_set(e, LPY_EMEMORY, "cannot allocate LAPACK's workspace");
  }
  mem = work;
  work = mem + ow;
  if (u && !direct) { pu = mem + ou; pv = mem + ov; }
  for (it = 0; it < count; it++) {
    int64_t usz = m * ucols, vsz = vrows * n;
    lpy_mat_pack(lpy_stack_item(a, 2, it), a->dtype, cs, rs, n, m, mem + ob,
                 ct, n);
    /* gesdd fails on NaN (info -4) and may loop forever on Inf */
    if (!all_finite((const double *)(mem + ob), m * n * (cx ? 2 : 1))) {
      info = 1;
      break;
    }
    if (direct) {
      pu = vh->data + it * vsz * (int64_t)isz;
      pv = u->data + it * usz * (int64_t)isz;
    }
    if (cx)
      info = LAPACKE_zgesdd_work(SVD_ARGS(work, lwork), (double *)(mem + orw),
                                 (lapack_int *)(mem + oi));
    else
      info = LAPACKE_dgesdd_work(SVD_ARGS(work, lwork),
                                 (lapack_int *)(mem + oi));
    if (info != 0) break;
    put_real((const double *)(mem + os), k, s->data + it * k * sisz, s->dtype);
    if (u && !direct) {
      int64_t osz = lpy_itemsize(u->dtype);
      lpy_castfn f = lpy_cast_fn(ct, u->dtype);
      f(pv, isz, u->data + it * usz * osz, osz, usz);
      f(pu, isz, vh->data + it * vsz * osz, osz, vsz);
    }
  }
#undef SVD_ARGS
  free(mem);
  if (info != 0) return lpy_err_set(e, LPY_ERUNTIME, "SVD did not converge");
  return 0;
}

/* --------------------------------------------------------------- eigh */
/* syevd / heevd on one n x n column-major matrix at a, reused over a stack */
typedef struct eigh_ws {
  int cx;
  char jobz, uplo;
  lapack_int n, lwork, lrwork, liwork;
  char *a;              /* the matrix; the eigenvectors after the call */
  double *w;            /* eigenvalues, ascending */
  char *extra;          /* room the caller asked for (64-byte aligned) */
  char *mem, *work;
  double *rwork;
  lapack_int *iwork;
} eigh_ws;

static int eigh_setup(eigh_ws *q, int64_t n, int cx, int vectors, int upper,
                      size_t extra, lpy_err *e) {
  size_t isz = cx ? 16 : 8, total = 0, oa, ow, ox, owk, orw = 0, oiw;
  int bad = 0;
  lapack_int info, iq = 0;
  double wq[2] = {0, 0}, rq = 0;
  memset(q, 0, sizeof *q);
  if (n > LMAX) return too_big(e);
  q->cx = cx;
  q->jobz = vectors ? 'V' : 'N';
  q->uplo = upper ? 'U' : 'L';
  q->n = (lapack_int)n;
  oa = take(&total, n * n, isz, &bad);
  ow = take(&total, n, 8, &bad);
  ox = take(&total, (int64_t)extra, 1, &bad);
  if (!(q->mem = grab(total, bad, e))) return -1;
  q->a = q->mem + oa;
  q->w = (double *)(q->mem + ow);
  if (cx)
    info = LAPACKE_zheevd_work(COL, q->jobz, q->uplo, q->n, (zc *)q->a, q->n,
                               q->w, (zc *)wq, -1, &rq, -1, &iq, -1);
  else
    info = LAPACKE_dsyevd_work(COL, q->jobz, q->uplo, q->n, (double *)q->a,
                               q->n, q->w, wq, -1, &iq, -1);
  if (info != 0) {
    free(q->mem);
    q->mem = NULL;
    return lpy_err_set(e, LPY_ERUNTIME, "Eigenvalues did not converge");
  }
  if (qsize(wq[0], &q->lwork, e) || (cx && qsize(rq, &q->lrwork, e)) ||
      qsize((double)iq, &q->liwork, e)) {
    free(q->mem);
    q->mem = NULL;
    return -1;
  }
  owk = take(&total, q->lwork, isz, &bad);
  if (cx) orw = take(&total, q->lrwork, 8, &bad);
  oiw = take(&total, q->liwork, sizeof(lapack_int), &bad);
  {
    char *p = bad ? NULL : realloc(q->mem, total);
    if (!p) {
      free(q->mem);
      q->mem = NULL;
      return lpy_err_set(e, LPY_EMEMORY, "cannot allocate LAPACK's workspace");
    }
    q->mem = p;
  }
  q->a = q->mem + oa;
  q->w = (double *)(q->mem + ow);
  q->extra = q->mem + ox;
  q->work = q->mem + owk;
  q->rwork = cx ? (double *)(q->mem + orw) : NULL;
  q->iwork = (lapack_int *)(q->mem + oiw);
  return 0;
}

static lapack_int eigh_run(eigh_ws *q) {
  if (q->cx)
    return LAPACKE_zheevd_work(COL, q->jobz, q->uplo, q->n, (zc *)q->a, q->n,
                               q->w, (zc *)q->work, q->lwork, q->rwork,
                               q->lrwork, q->iwork, q->liwork);
  return LAPACKE_dsyevd_work(COL, q->jobz, q->uplo, q->n, (double *)q->a,
                             q->n, q->w, (double *)q->work, q->lwork,
                             q->iwork, q->liwork);
}

int lpy_spectral_eigh(const lpy_array *a, int upper, lpy_array *w,
                      lpy_array *v, lpy_err *e) {
  int cx = lpy_iscomplex(a->dtype), wisz = lpy_itemsize(w->dtype);
  int64_t n = a->shape[a->ndim - 1], count = lpy_stack_count(a, 2), it;
  lpy_dtype ct = lpy_linalg_compute(a->dtype);
  eigh_ws q;
  if (count == 0 || n == 0) return 0;
  if (eigh_setup(&q, n, cx, v != NULL, upper, 0, e)) return -1;
  for (it = 0; it < count; it++) {
    lpy_stack_pack(a, it, q.a, ct, n);
    if (eigh_run(&q) != 0) {
      free(q.mem);
      return lpy_err_set(e, LPY_ERUNTIME, "Eigenvalues did not converge");
    }
    put_real(q.w, n, w->data + it * n * wisz, w->dtype);
    if (v) lpy_stack_unpack(v, it, q.a, ct, n);
  }
  free(q.mem);
  return 0;
}

/* ------------------------------------------------------ svd(hermitian) */
typedef struct { double key; int64_t i; } keyed;

/* ascending |w| with NaN last, ties in index order (a stable sort) */
static int by_key(const void *x, const void *y) {
  const keyed *p = x, *r = y;
  int pn = isnan(p->key), rn = isnan(r->key);
  if (pn != rn) return pn - rn;
  if (!pn && p->key != r->key) return p->key < r->key ? -1 : 1;
  return (p->i > r->i) - (p->i < r->i);
}

int lpy_spectral_svd_herm(const lpy_array *a, lpy_array *u, lpy_array *s,
                          lpy_array *vh, lpy_err *e) {
  int cx = lpy_iscomplex(a->dtype), sisz = lpy_itemsize(s->dtype);
  int64_t n = a->shape[a->ndim - 1], count = lpy_stack_count(a, 2), it, j, i;
  lpy_dtype ct = lpy_linalg_compute(a->dtype);
  size_t isz = cx ? 16 : 8, extra;
  keyed *ord;
  double *sv;
  char *ub, *vb;
  eigh_ws q;
  if (count == 0 || n == 0) return 0;
  if (n > ((int64_t)1 << 24)) return too_big(e);
  extra = (size_t)n * (sizeof(keyed) + 8) + 128 +
          (u ? 2 * (size_t)n * n * isz + 64 : 0);
  if (eigh_setup(&q, n, cx, u != NULL, 0, extra, e)) return -1;
  ord = (keyed *)q.extra;
  sv = (double *)(q.extra + (((size_t)n * sizeof(keyed) + 63) & ~(size_t)63));
  ub = (char *)sv + (((size_t)n * 8 + 63) & ~(size_t)63);
  vb = ub + (size_t)n * n * isz;
  for (it = 0; it < count; it++) {
    lpy_stack_pack(a, it, q.a, ct, n);
    if (eigh_run(&q) != 0) {
      free(q.mem);
      return lpy_err_set(e, LPY_ERUNTIME, "Eigenvalues did not converge");
    }
    for (i = 0; i < n; i++) { ord[i].key = fabs(q.w[i]); ord[i].i = i; }
    qsort(ord, (size_t)n, sizeof *ord, by_key);
    for (j = 0; j < n; j++) sv[j] = ord[n - 1 - j].key;
    put_real(sv, n, s->data + it * n * sisz, s->dtype);
    if (!u) continue;
    for (j = 0; j < n; j++) {
      int64_t c = ord[n - 1 - j].i;
      double sg = copysign(1.0, q.w[c]);
      const double *src = (const double *)(q.a + c * n * isz);
      memcpy(ub + j * n * isz, src, n * isz);
      /* vh[j, i] = sign * conj(u[i, j]), column-major n x n */
      for (i = 0; i < n; i++) {
        double *d = (double *)(vb + (i * n + j) * isz);
        if (cx) { d[0] = sg * src[2 * i]; d[1] = -sg * src[2 * i + 1]; }
        else d[0] = sg * src[i];
      }
    }
    lpy_stack_unpack(u, it, ub, ct, n);
    lpy_stack_unpack(vh, it, vb, ct, n);
  }
  free(q.mem);
  return 0;
}

/* ---------------------------------------------------------------- eig */
int lpy_spectral_eig(const lpy_array *a, lpy_array *w, lpy_array *v,
                     int *real, lpy_err *e) {
  int cx = lpy_iscomplex(a->dtype), bad = 0;
  int64_t n = a->shape[a->ndim - 1], count = lpy_stack_count(a, 2), it, i, j;
  lpy_dtype ct = lpy_linalg_compute(a->dtype);
  size_t isz = cx ? 16 : 8, total = 0, oa, ow, ow2 = 0, ov = 0, orw = 0, owk;
  char jobvr = v ? 'V' : 'N', *mem, *p;
  lapack_int ln, lwork, info;
  double q[2] = {0, 0};
  *real = !cx;
  if (count == 0 || n == 0) return 0;
  if (n > LMAX || 2 * n > LMAX) return too_big(e);
  ln = (lapack_int)n;
  oa = take(&total, n * n, isz, &bad);
  ow = take(&total, n, isz, &bad);
  if (!cx) ow2 = take(&total, n, 8, &bad);
  if (v) ov = take(&total, n * n, isz, &bad);
  if (cx) orw = take(&total, 2 * n, 8, &bad);
  if (!(mem = grab(total, bad, e))) return -1;
  /* NumPy checks the whole stack before computing anything */
  for (it = 0; it < count; it++) {
    lpy_stack_pack(a, it, mem + oa, ct, n);
    if (!all_finite((const double *)(mem + oa), n * n * (cx ? 2 : 1))) {
      free(mem);
      return lpy_err_set(e, LPY_EVALUE, "array must not contain infs or NaNs");
    }
  }
#define EIG_CALL(wk, lw) (cx \
    ? LAPACKE_zgeev_work(COL, 'N', jobvr, ln, (zc *)(mem + oa), ln, \
                         (zc *)(mem + ow), NULL, 1, \
                         v ? (zc *)(mem + ov) : NULL, v ? ln : 1, (zc *)(wk), \
                         lw, (double *)(mem + orw)) \
    : LAPACKE_dgeev_work(COL, 'N', jobvr, ln, (double *)(mem + oa), ln, \
                         (double *)(mem + ow), (double *)(mem + ow2), NULL, 1, \
                         v ? (double *)(mem + ov) : NULL, v ? ln : 1, \
                         (double *)(wk), lw))
  info = EIG_CALL(q, -1);
  if (info != 0 || qsize(q[0], &lwork, e)) {
    free(mem);
    if (info != 0)
      return lpy_err_set(e, LPY_ERUNTIME, "Eigenvalues did not converge");
    return -1;
  }
  owk = take(&total, lwork, isz, &bad);
  p = bad ? NULL : realloc(mem, total);
  if (!p) {
    free(mem);
    return lpy_err_set(e, LPY_EMEMORY, "cannot allocate LAPACK's workspace");
  }
  mem = p;
  for (it = 0; it < count; it++) {
    double *wo = (double *)(w->data + it * n * 16);
    double *vo = v ? (double *)(v->data + it * n * n * 16) : NULL;
    lpy_stack_pack(a, it, mem + oa, ct, n);
    info = EIG_CALL(mem + owk, lwork);
    if (info != 0) break;
    if (cx) {
      memcpy(wo, mem + ow, n * 16);
      if (v) lpy_mat_unpack(mem + ov, ct, n, n, n, (char *)vo, ct, n * 16, 16);
      continue;
    }
    {
      const double *wr = (const double *)(mem + ow);
      const double *wi = (const double *)(mem + ow2);
      const double *vr = (const double *)(mem + ov);
      for (j = 0; j < n; j++) {
        wo[2 * j] = wr[j];
        wo[2 * j + 1] = wi[j];
        if (wi[j] != 0) *real = 0;
      }
      if (!v) continue;
      for (j = 0; j < n; j++) {
        if (wi[j] == 0 || j + 1 == n) {
          for (i = 0; i < n; i++) {
            vo[2 * (i * n + j)] = vr[j * n + i];
            vo[2 * (i * n + j) + 1] = 0;
          }
          continue;
        }
        /* a conjugate pair: v(j) = vr(j) + i vr(j+1), v(j+1) its conjugate */
        for (i = 0; i < n; i++) {
          double re = vr[j * n + i], im = vr[(j + 1) * n + i];
          vo[2 * (i * n + j)] = re;
          vo[2 * (i * n + j) + 1] = im;
          vo[2 * (i * n + j + 1)] = re;
          vo[2 * (i * n + j + 1) + 1] = -im;
        }
        j++;
      }
    }
  }
#undef EIG_CALL
  free(mem);
  if (info != 0)
    return lpy_err_set(e, LPY_ERUNTIME, "Eigenvalues did not converge");
  return 0;
}
