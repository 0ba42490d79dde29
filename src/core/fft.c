/*
** fft.c - lpy_fft_exec: one DFT over some axes of an array through a
** cached FFTW guru64 plan (see fft.h). The transform axes become the
** plan's dims and every other axis of length > 1 a loop dim, both with the
** arrays' own strides, so views transform without copies. Plans are made
** on the caller's arrays with FFTW_ESTIMATE (which never touches them) and
** on scratch arrays of the same extent and alignment with MEASURE and
** PATIENT (which overwrite both), then run with FFTW's new-array execute.
*/
#include <stdint.h>
#include <string.h>
#include <fftw3.h>
#include "fft_plan.h"

typedef struct {
  const lpy_array *in, *out;
} make_ctx;

/* a scratch copy of a's extent with the same address modulo 64: *p is
   its data pointer, the block (size *n) is returned for lpy_free */
static char *scratch(const lpy_array *a, char **p, size_t *n) {
  char *lo, *hi, *blk;
  size_t off;
  lpy_array_extent(a, &lo, &hi);
  off = (uintptr_t)lo & 63;
  *n = (size_t)(hi - lo) + 64;
  blk = lpy_alloc(*n, 1);
  if (blk) *p = blk + off + (a->data - lo);
  return blk;
}

static void fill_dims(const int64_t *src, int n, fftw_iodim64 *d) {
  int i;
  for (i = 0; i < n; i++) {
    d[i].n = (ptrdiff_t)src[3 * i];
    d[i].is = (ptrdiff_t)src[3 * i + 1];
    d[i].os = (ptrdiff_t)src[3 * i + 2];
  }
}

static void *make_plan(const lpy_fft_key *k, void *ud) {
  make_ctx *c = ud;
  fftw_iodim64 d[LPY_MAXDIMS], h[LPY_MAXDIMS];
  char *ip = c->in->data, *op = c->out->data, *bi = NULL, *bo = NULL;
  size_t ni = 0, no = 0;
  void *p = NULL;
  unsigned fl = (unsigned)k->flags;
  fill_dims(k->d, k->rank, d);
  fill_dims(k->h, k->hrank, h);
  if (!(fl & FFTW_ESTIMATE)) {
    bi = scratch(c->in, &ip, &ni);
    bo = scratch(c->out, &op, &no);
    if (!bi || !bo) goto done;
  }
  fl |= k->kind == LPY_FFT_C2R ? FFTW_DESTROY_INPUT : FFTW_PRESERVE_INPUT;
  if (k->single) {
    switch (k->kind) {
      case LPY_FFT_C2C:
        p = fftwf_plan_guru64_dft(k->rank, d, k->hrank, h, (fftwf_complex *)ip,
                                  (fftwf_complex *)op, k->sign, fl);
        break;
      case LPY_FFT_R2C:
        p = fftwf_plan_guru64_dft_r2c(k->rank, d, k->hrank, h, (float *)ip,
                                      (fftwf_complex *)op, fl);
        break;
      default:
        p = fftwf_plan_guru64_dft_c2r(k->rank, d, k->hrank, h,
                                      (fftwf_complex *)ip, (float *)op, fl);
    }
  } else {
    switch (k->kind) {
      case LPY_FFT_C2C:
        p = fftw_plan_guru64_dft(k->rank, d, k->hrank, h, (fftw_complex *)ip,
                                 (fftw_complex *)op, k->sign, fl);
        break;
      case LPY_FFT_R2C:
        p = fftw_plan_guru64_dft_r2c(k->rank, d, k->hrank, h, (double *)ip,
                                     (fftw_complex *)op, fl);
        break;
      default:
        p = fftw_plan_guru64_dft_c2r(k->rank, d, k->hrank, h,
                                     (fftw_complex *)ip, (double *)op, fl);
    }
  }
done:
  if (bi) lpy_free(bi, ni);
  if (bo) lpy_free(bo, no);
  return p;
}

static void run(const lpy_fft_key *k, void *p, char *in, char *out) {
  if (k->single) {
    if (k->kind == LPY_FFT_C2C)
      fftwf_execute_dft((fftwf_plan)p, (fftwf_complex *)in, (fftwf_complex *)out);
    else if (k->kind == LPY_FFT_R2C)
      fftwf_execute_dft_r2c((fftwf_plan)p, (float *)in, (fftwf_complex *)out);
    else
      fftwf_execute_dft_c2r((fftwf_plan)p, (fftwf_complex *)in, (float *)out);
  } else {
    if (k->kind == LPY_FFT_C2C)
      fftw_execute_dft((fftw_plan)p, (fftw_complex *)in, (fftw_complex *)out);
    else if (k->kind == LPY_FFT_R2C)
      fftw_execute_dft_r2c((fftw_plan)p, (double *)in, (fftw_complex *)out);
    else
      fftw_execute_dft_c2r((fftw_plan)p, (fftw_complex *)in, (double *)out);
  }
}

static void rescale(lpy_array *out, double s) {
  int64_t n = out->size * (lpy_iscomplex(out->dtype) ? 2 : 1), i;
  if (out->dtype == LPY_FLOAT32 || out->dtype == LPY_COMPLEX64) {
    float *p = (float *)out->data, f = (float)s;
    for (i = 0; i < n; i++) p[i] *= f;
  } else {
    double *p = (double *)out->data;
    for (i = 0; i < n; i++) p[i] *= s;
  }
}

/* the dtypes a kind needs: in, out */
static int types_ok(int kind, lpy_dtype in, lpy_dtype out) {
  switch (kind) {
    case LPY_FFT_C2C:
      return in == out && lpy_iscomplex(in);
    case LPY_FFT_R2C:
      return (in == LPY_FLOAT32 && out == LPY_COMPLEX64) ||
             (in == LPY_FLOAT64 && out == LPY_COMPLEX128);
    case LPY_FFT_C2R:
      return (out == LPY_FLOAT32 && in == LPY_COMPLEX64) ||
             (out == LPY_FLOAT64 && in == LPY_COMPLEX128);
  }
  return 0;
}

/* the length of axis ax in in and out agree for this kind */
static int lengths_ok(int kind, int last, int64_t ni, int64_t no) {
  if (!last || kind == LPY_FFT_C2C) return ni == no;
  if (kind == LPY_FFT_R2C) return no == ni / 2 + 1;
  return ni == no / 2 + 1;
}

int lpy_fft_exec(int kind, int inverse, const lpy_array *in, lpy_array *out,
                 int naxes, const int *axes, double scale, lpy_err *e) {
  lpy_fft_key k;
  lpy_fft_entry *en;
  unsigned char used[LPY_MAXDIMS] = {0};
  int64_t isz, osz, ralign;
  make_ctx ctx;
  void *plan;
  int j, nd = in->ndim;
  if (!types_ok(kind, in->dtype, out->dtype) || out->ndim != nd ||
      naxes < 1 || naxes > nd || !(out->flags & LPY_C_CONTIGUOUS))
    return lpy_err_set(e, LPY_EVALUE, "internal: bad transform arguments");
  isz = lpy_itemsize(in->dtype);
  osz = lpy_itemsize(out->dtype);
  ralign = lpy_iscomplex(in->dtype) ? isz / 2 : isz;
  memset(&k, 0, sizeof k);
  k.kind = kind;
  k.single = in->dtype == LPY_FLOAT32 || in->dtype == LPY_COMPLEX64;
  k.sign = kind == LPY_FFT_R2C ? FFTW_FORWARD
         : kind == LPY_FFT_C2R ? FFTW_BACKWARD
         : inverse ? FFTW_BACKWARD : FFTW_FORWARD;
  k.rank = naxes;
  for (j = 0; j < naxes; j++) {
    int ax = axes[j];
    if (ax < 0 || ax >= nd || used[ax] ||
        !lengths_ok(kind, j == naxes - 1, in->shape[ax], out->shape[ax]) ||
        in->shape[ax] < 1)
      return lpy_err_set(e, LPY_EVALUE, "internal: bad transform axes");
    used[ax] = 1;
  }
  for (j = 0; j < nd; j++) {
    if (in->strides[j] % isz != 0)
      return lpy_err_set(e, LPY_EVALUE, "internal: strides not in elements");
    if (!used[j] && in->shape[j] != out->shape[j])
      return lpy_err_set(e, LPY_EVALUE, "internal: shapes differ");
  }
  if ((uintptr_t)in->data % (uintptr_t)ralign != 0)
    return lpy_err_set(e, LPY_EVALUE, "internal: misaligned input");
  if (out->size == 0) return 0;
  for (j = 0; j < naxes; j++) {
    int ax = axes[j];
    k.d[3 * j] = kind == LPY_FFT_C2R ? out->shape[ax] : in->shape[ax];
    k.d[3 * j + 1] = in->strides[ax] / isz;
    k.d[3 * j + 2] = out->strides[ax] / osz;
  }
  for (j = 0; j < nd; j++) {
    if (used[j] || out->shape[j] == 1) continue;
    k.h[3 * k.hrank] = out->shape[j];
    k.h[3 * k.hrank + 1] = in->strides[j] / isz;
    k.h[3 * k.hrank + 2] = out->strides[j] / osz;
    k.hrank++;
  }
  if (k.single) {
    k.ain = fftwf_alignment_of((float *)in->data);
    k.aout = fftwf_alignment_of((float *)out->data);
  } else {
    k.ain = fftw_alignment_of((double *)in->data);
    k.aout = fftw_alignment_of((double *)out->data);
  }
  ctx.in = in;
  ctx.out = out;
  en = lpy_fft_plan_get(&k, make_plan, &ctx, &plan, e);
  if (!en) return e->code;
  run(&k, plan, in->data, out->data);
  lpy_fft_plan_done(en);
  if (scale != 1.0) rescale(out, scale);
  return 0;
}
