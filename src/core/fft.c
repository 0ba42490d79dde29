/*
** fft.c - lpy_fft_exec: one DFT over some axes of an array through cached
** FFTW guru64 plans (see fft.h). The transform axes become a plan's dims
** and every other axis of length > 1 a loop dim, both with the arrays' own
** strides, so views transform without copies. With MEASURE / PATIENT the
** whole n-d transform is one plan, made on scratch arrays of the same
** extent and alignment (that planning overwrites both arrays). With
** ESTIMATE (which never touches the arrays) a transform over several axes,
** or along an axis that is not the last in memory, runs as 1-d passes:
** FFTW_ESTIMATE's plans for long columns at a large stride are 3-5x slower
** than contiguous rows, so those columns go through a small buffer, as
** NumPy's pocketfft does. Plans run with FFTW's new-array execute.
*/
#include <stdint.h>
#include <stdlib.h>
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
    if (!bi) goto done;
    if (k->inplace) {
      op = ip;
    } else {
      bo = scratch(c->out, &op, &no);
      if (!bo) goto done;
    }
  }
  if (!k->inplace)
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

/* FFTW aborts the process when an allocation of its own fails. Its plan
   for a long transform holds about one complex copy of it (twiddle
   factors, buffers), so for a large one that much memory must be there to
   be had first (a malloc that is never touched costs no more than a
   system call); otherwise the call fails with an error */
#define HEADROOM_MIN ((int64_t)256 << 20)

static int no_headroom(const lpy_fft_key *k, lpy_err *e) {
  int64_t n = 1, csz = k->single ? 8 : 16;
  void *p;
  int j;
  for (j = 0; j < k->rank; j++) n *= k->d[3 * j];
  if (n < HEADROOM_MIN / csz) return 0;
  if ((p = malloc((size_t)(n * csz))) != NULL) {
    free(p);
    return 0;
  }
  lpy_err_set(e, LPY_EMEMORY,
              "cannot allocate the memory FFTW needs for a transform of %lld points",
              (long long)n);
  return 1;
}

/* the cached plan of the transform of kind over naxes axes of in into out
   (the same array when inplace); other axes are loop dims */
static lpy_fft_entry *acquire(int kind, int sign, const lpy_array *in,
                              const lpy_array *out, int naxes,
                              const int *axes, int inplace, lpy_fft_key *k,
                              void **plan, lpy_err *e) {
  unsigned char used[LPY_MAXDIMS] = {0};
  int64_t isz = lpy_itemsize(in->dtype), osz = lpy_itemsize(out->dtype);
  make_ctx ctx;
  int j;
  memset(k, 0, sizeof *k);
  k->kind = kind;
  k->single = in->dtype == LPY_FLOAT32 || in->dtype == LPY_COMPLEX64;
  k->sign = sign;
  k->rank = naxes;
  k->inplace = inplace;
  for (j = 0; j < naxes; j++) {
    int ax = axes[j];
    used[ax] = 1;
    k->d[3 * j] = kind == LPY_FFT_C2R ? out->shape[ax] : in->shape[ax];
    k->d[3 * j + 1] = in->strides[ax] / isz;
    k->d[3 * j + 2] = out->strides[ax] / osz;
  }
  for (j = 0; j < in->ndim; j++) {
    if (used[j] || out->shape[j] == 1) continue;
    k->h[3 * k->hrank] = out->shape[j];
    k->h[3 * k->hrank + 1] = in->strides[j] / isz;
    k->h[3 * k->hrank + 2] = out->strides[j] / osz;
    k->hrank++;
  }
  if (k->single) {
    k->ain = fftwf_alignment_of((float *)in->data);
    k->aout = fftwf_alignment_of((float *)out->data);
  } else {
    k->ain = fftw_alignment_of((double *)in->data);
    k->aout = fftw_alignment_of((double *)out->data);
  }
  if (no_headroom(k, e)) return NULL;
  ctx.in = in;
  ctx.out = out;
  return lpy_fft_plan_get(k, make_plan, &ctx, plan, e);
}

static int transform(int kind, int sign, const lpy_array *in, lpy_array *out,
                     int naxes, const int *axes, int inplace, lpy_err *e) {
  lpy_fft_key k;
  void *plan;
  lpy_fft_entry *en = acquire(kind, sign, in, out, naxes, axes, inplace, &k,
                              &plan, e);
  if (!en) return e->code;
  run(&k, plan, in->data, out->data);
  lpy_fft_plan_done(en);
  return 0;
}

/* Columns per block of the buffered pass: FFTW_ESTIMATE's plans for long
   transforms at a large stride (a column of a big matrix) run 3-6 times
   slower than over contiguous rows; NumPy's pocketfft copies columns out
   too. */
#define BLOCK 8

/* copy b columns of n elements (row stride inner) at col to / from the
   rows of buf (back != 0: from buf) */
#define GATHER(name, T)                                                     \
  static void name(char *col, char *buf, int64_t n, int64_t inner,         \
                   int64_t b, int back) {                                   \
    T *c = (T *)col, *bf = (T *)buf;                                        \
    int64_t i, j;                                                           \
    if (back) {                                                             \
      for (i = 0; i < n; i++)                                               \
        for (j = 0; j < b; j++) c[i * inner + j] = bf[j * n + i];           \
    } else {                                                                \
      for (i = 0; i < n; i++)                                               \
        for (j = 0; j < b; j++) bf[j * n + i] = c[i * inner + j];           \
    }                                                                       \
  }
typedef struct { double re, im; } cplx16;
typedef struct { float re, im; } cplx8;
GATHER(gather16, cplx16)
GATHER(gather8, cplx8)

/* the in-place complex transform along axis ax of the C-contiguous out:
   directly when ax is the last axis, else BLOCK columns at a time copied
   to contiguous rows of a scratch buffer, transformed, copied back */
static int pass_inplace(int sign, lpy_array *out, int ax, lpy_err *e) {
  int64_t n = out->shape[ax], inner = 1, outer = 1, o, c0, j;
  size_t esz = (size_t)lpy_itemsize(out->dtype), nb;
  int64_t bshape[2];
  lpy_array_space bufa;
  lpy_fft_entry *en[2] = {NULL, NULL};
  lpy_fft_key key[2];
  void *plan[2];
  char *buf;
  int r = 0, tail;
  for (j = 0; j < ax; j++) outer *= out->shape[j];
  for (j = ax + 1; j < out->ndim; j++) inner *= out->shape[j];
  if (inner == 1) return transform(LPY_FFT_C2C, sign, out, out, 1, &ax, 1, e);
  nb = (size_t)n * BLOCK * esz;
  buf = lpy_alloc(nb, 0);
  if (!buf) return lpy_err_set(e, LPY_EMEMORY, "cannot allocate %zu bytes of scratch", nb);
  for (tail = 0; tail < 2; tail++) {
    int64_t b = tail ? inner % BLOCK : (inner < BLOCK ? inner : BLOCK);
    int axis1 = 1;
    if (b == 0 || (tail && inner < BLOCK)) continue;
    bshape[0] = b;
    bshape[1] = n;
    lpy_array_init(&bufa.a, out->dtype, 2, bshape, NULL, buf, NULL);
    en[tail] = acquire(LPY_FFT_C2C, sign, &bufa.a, &bufa.a, 1, &axis1, 1,
                       &key[tail], &plan[tail], e);
    if (!en[tail]) { r = e->code; goto done; }
  }
  for (o = 0; o < outer; o++) {
    char *base = out->data + (size_t)(o * n * inner) * esz;
    for (c0 = 0; c0 < inner; c0 += BLOCK) {
      int64_t b = inner - c0 < BLOCK ? inner - c0 : BLOCK;
      int t = b < BLOCK && inner >= BLOCK;
      char *col = base + (size_t)c0 * esz;
      if (esz == 16) gather16(col, buf, n, inner, b, 0);
      else gather8(col, buf, n, inner, b, 0);
      run(&key[t], plan[t], buf, buf);
      if (esz == 16) gather16(col, buf, n, inner, b, 1);
      else gather8(col, buf, n, inner, b, 1);
    }
  }
done:
  if (en[0]) lpy_fft_plan_done(en[0]);
  if (en[1]) lpy_fft_plan_done(en[1]);
  lpy_free(buf, nb);
  return r;
}

/* pointers to the b columns along axis ax whose other indices are outer
   index o (over the axes before ax) and inner index c0 + j (over those
   after it) */
static void columns(const lpy_array *a, int ax, int64_t o, int64_t c0,
                    int64_t b, char **cols) {
  int64_t j, r;
  int d;
  char *base = a->data;
  for (d = ax - 1, r = o; d >= 0; d--) {
    base += (r % a->shape[d]) * a->strides[d];
    r /= a->shape[d];
  }
  for (j = 0; j < b; j++) {
    char *p = base;
    for (d = a->ndim - 1, r = c0 + j; d > ax; d--) {
      p += (r % a->shape[d]) * a->strides[d];
      r /= a->shape[d];
    }
    cols[j] = p;
  }
}

/* b columns of n elements of size esz at stride st to / from the rows of
   buf (back != 0: from buf) */
#define COLCOPY(name, T)                                                    \
  static void name(char **cols, int64_t st, char *buf, int64_t n,           \
                   int64_t b, int back) {                                   \
    T *bf = (T *)buf;                                                       \
    int64_t i, j;                                                           \
    if (back) {                                                             \
      for (i = 0; i < n; i++)                                               \
        for (j = 0; j < b; j++) *(T *)(cols[j] + i * st) = bf[j * n + i];   \
    } else {                                                                \
      for (i = 0; i < n; i++)                                               \
        for (j = 0; j < b; j++) bf[j * n + i] = *(T *)(cols[j] + i * st);   \
    }                                                                       \
  }
typedef struct { float v; } real4;
typedef struct { double v; } real8;
COLCOPY(colcopy4, real4)
COLCOPY(colcopy8, real8)
COLCOPY(colcopy16, cplx16)

static void colcopy(char **cols, int64_t st, char *buf, int64_t n, int64_t b,
                    size_t esz, int back) {
  if (esz == 16) colcopy16(cols, st, buf, n, b, back);
  else if (esz == 8) colcopy8(cols, st, buf, n, b, back);
  else colcopy4(cols, st, buf, n, b, back);
}

/* the 1-d transform of kind along axis ax of in into out (ax not the last
   axis in memory): 128 bytes of each row at a time gathered into contiguous rows,
   transformed out of place into a second buffer, scattered into out */
static int pass_buffered(int kind, int sign, const lpy_array *in,
                         lpy_array *out, int ax, lpy_err *e) {
  int64_t ni = in->shape[ax], no = out->shape[ax], inner = 1, outer = 1;
  int64_t o, c0, shi[2], sho[2];
  size_t isz = (size_t)lpy_itemsize(in->dtype), osz = (size_t)lpy_itemsize(out->dtype);
  /* a block reads 128 bytes of each row of in */
  int64_t blk = (int64_t)(128 / isz);
  size_t nbi = (size_t)ni * (size_t)blk * isz, nbo = (size_t)no * (size_t)blk * osz;
  lpy_array_space ba, bb;
  lpy_fft_entry *en[2] = {NULL, NULL};
  lpy_fft_key key[2];
  void *plan[2];
  char *bi, *bo, *ci[32], *co[32];
  int r = 0, tail, j, axis1 = 1;
  for (j = 0; j < ax; j++) outer *= out->shape[j];
  for (j = ax + 1; j < out->ndim; j++) inner *= out->shape[j];
  bi = lpy_alloc(nbi, 0);
  bo = lpy_alloc(nbo, 0);
  if (!bi || !bo) {
    r = lpy_err_set(e, LPY_EMEMORY, "cannot allocate %zu bytes of scratch", nbi + nbo);
    goto done;
  }
  for (tail = 0; tail < 2; tail++) {
    int64_t b = tail ? inner % blk : (inner < blk ? inner : blk);
    if (b == 0 || (tail && inner < blk)) continue;
    shi[0] = sho[0] = b;
    shi[1] = ni;
    sho[1] = no;
    lpy_array_init(&ba.a, in->dtype, 2, shi, NULL, bi, NULL);
    lpy_array_init(&bb.a, out->dtype, 2, sho, NULL, bo, NULL);
    en[tail] = acquire(kind, sign, &ba.a, &bb.a, 1, &axis1, 0, &key[tail],
                       &plan[tail], e);
    if (!en[tail]) { r = e->code; goto done; }
  }
  for (o = 0; o < outer; o++)
    for (c0 = 0; c0 < inner; c0 += blk) {
      int64_t b = inner - c0 < blk ? inner - c0 : blk;
      int t = b < blk && inner >= blk;
      columns(in, ax, o, c0, b, ci);
      columns(out, ax, o, c0, b, co);
      colcopy(ci, in->strides[ax], bi, ni, b, isz, 0);
      run(&key[t], plan[t], bi, bo);
      colcopy(co, out->strides[ax], bo, no, b, osz, 1);
    }
done:
  if (en[0]) lpy_fft_plan_done(en[0]);
  if (en[1]) lpy_fft_plan_done(en[1]);
  if (bi) lpy_free(bi, nbi);
  if (bo) lpy_free(bo, nbo);
  return r;
}

int lpy_fft_exec(int kind, int inverse, const lpy_array *in, lpy_array *out,
                 int naxes, const int *axes, double scale, lpy_err *e) {
  unsigned char used[LPY_MAXDIMS] = {0};
  int64_t isz, ralign, inner = 1;
  int j, nd = in->ndim, sign, r, est;
  if (!types_ok(kind, in->dtype, out->dtype) || out->ndim != nd ||
      naxes < 1 || naxes > nd || !(out->flags & LPY_C_CONTIGUOUS))
    return lpy_err_set(e, LPY_EVALUE, "internal: bad transform arguments");
  isz = lpy_itemsize(in->dtype);
  ralign = lpy_iscomplex(in->dtype) ? isz / 2 : isz;
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
  sign = kind == LPY_FFT_R2C ? FFTW_FORWARD
       : kind == LPY_FFT_C2R ? FFTW_BACKWARD
       : inverse ? FFTW_BACKWARD : FFTW_FORWARD;
  est = lpy_fft_get_planner() == LPY_FFT_ESTIMATE;
  for (j = axes[naxes - 1] + 1; j < nd; j++) inner *= out->shape[j];
  if (est && (naxes == 1 || kind != LPY_FFT_C2R)) {
    /* the last axis named first (out of place, buffered when it is not
       the last in memory), then each other one in place, buffered */
    r = inner > 1 ? pass_buffered(kind, sign, in, out, axes[naxes - 1], e)
                  : transform(kind, sign, in, out, 1, &axes[naxes - 1], 0, e);
    for (j = naxes - 2; r == 0 && j >= 0; j--)
      r = pass_inplace(sign, out, axes[j], e);
  } else {
    r = transform(kind, sign, in, out, naxes, axes, 0, e);
  }
  if (r != 0) return r;
  if (scale != 1.0) rescale(out, scale);
  return 0;
}
