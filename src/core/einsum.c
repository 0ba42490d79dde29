/*
** einsum.c - the general engine of np.einsum: a strided nested loop over
** every label that adds the product of the operands into the output (a
** label repeated in one operand is one dimension whose stride is the sum
** of its strides: a diagonal), with sum-of-products kernels per dtype.
** The subscripts and the plan are in einsum_parse.c; the BLAS mapping and
** the dispatcher in einsum_blas.c.
*/
#include <string.h>
#include "einsum.h"

/* ------------------------------------------------------------ kernels */
/* A sum-of-products kernel: out[i] += prod_k op_k[i] for i < n, p[nop] and
   s[nop] being the output (s[nop] == 0: a reduction, summed in registers
   first). Integers compute in unsigned types (wrapping as NumPy's do). */
typedef void (*sop_fn)(int nop, char **p, const int64_t *s, int64_t n);

#define AT(T, q, st, i) (*(const T *)((q) + (i) * (st)))

#define REAL_SOP(NAME, T, A) \
static void NAME(int nop, char **p, const int64_t *s, int64_t n) { \
  const int64_t z = (int64_t)sizeof(T), so = s[nop]; \
  char *o = p[nop]; \
  int64_t i; \
  if (nop <= 2) { \
    const char *a = p[0], *b = nop == 2 ? p[1] : NULL; \
    int64_t sa = s[0], sb = nop == 2 ? s[1] : 0; \
    if (so == 0) { \
      A s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0; \
      if (nop == 1 && sa == z) { \
        const T *x = (const T *)a; \
        for (i = 0; i + 8 <= n; i += 8) { \
          s0 += (A)x[i]; s1 += (A)x[i + 1]; s2 += (A)x[i + 2]; s3 += (A)x[i + 3]; \
          s4 += (A)x[i + 4]; s5 += (A)x[i + 5]; s6 += (A)x[i + 6]; s7 += (A)x[i + 7]; } \
        for (; i < n; i++) s0 += (A)x[i]; \
      } else if (nop == 1) { \
        for (i = 0; i < n; i++) s0 += (A)AT(T, a, sa, i); \
      } else if (sa == z && sb == z) { \
        const T *x = (const T *)a, *y = (const T *)b; \
        for (i = 0; i + 8 <= n; i += 8) { \
          s0 += (A)x[i] * (A)y[i]; s1 += (A)x[i + 1] * (A)y[i + 1]; \
          s2 += (A)x[i + 2] * (A)y[i + 2]; s3 += (A)x[i + 3] * (A)y[i + 3]; \
          s4 += (A)x[i + 4] * (A)y[i + 4]; s5 += (A)x[i + 5] * (A)y[i + 5]; \
          s6 += (A)x[i + 6] * (A)y[i + 6]; s7 += (A)x[i + 7] * (A)y[i + 7]; } \
        for (; i < n; i++) s0 += (A)x[i] * (A)y[i]; \
      } else { \
        for (i = 0; i < n; i++) s0 += (A)AT(T, a, sa, i) * (A)AT(T, b, sb, i); \
      } \
      *(T *)o = (T)((A)*(T *)o + (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)))); \
      return; \
    } \
    if (nop == 1) { \
      for (i = 0; i < n; i++) { \
        T *y = (T *)(o + i * so); *y = (T)((A)*y + (A)AT(T, a, sa, i)); } \
      return; \
    } \
    if (so == z && (sa == 0 || sb == 0) && (sa == z || sb == z)) { \
      const T *x = (const T *)(sa == 0 ? b : a); \
      A c = (A)*(const T *)(sa == 0 ? a : b); \
      T *y = (T *)o; \
      for (i = 0; i < n; i++) y[i] = (T)((A)y[i] + c * (A)x[i]); \
      return; \
    } \
    if (so == z && sa == z && sb == z) { \
      const T *x = (const T *)a, *w = (const T *)b; T *y = (T *)o; \
      for (i = 0; i < n; i++) y[i] = (T)((A)y[i] + (A)x[i] * (A)w[i]); \
      return; \
    } \
    for (i = 0; i < n; i++) { \
      T *y = (T *)(o + i * so); \
      *y = (T)((A)*y + (A)AT(T, a, sa, i) * (A)AT(T, b, sb, i)); } \
    return; \
  } \
  if (nop == 3) { \
    const char *a = p[0], *b = p[1], *c = p[2]; \
    int64_t sa = s[0], sb = s[1], sc = s[2]; \
    if (so == 0) { \
      A s0 = 0, s1 = 0; \
      for (i = 0; i + 2 <= n; i += 2) { \
        s0 += (A)AT(T, a, sa, i) * (A)AT(T, b, sb, i) * (A)AT(T, c, sc, i); \
        s1 += (A)AT(T, a, sa, i + 1) * (A)AT(T, b, sb, i + 1) * (A)AT(T, c, sc, i + 1); \
      } \
      if (i < n) s0 += (A)AT(T, a, sa, i) * (A)AT(T, b, sb, i) * (A)AT(T, c, sc, i); \
      *(T *)o = (T)((A)*(T *)o + (s0 + s1)); \
    } else { \
      for (i = 0; i < n; i++) { \
        T *y = (T *)(o + i * so); \
        *y = (T)((A)*y + (A)AT(T, a, sa, i) * (A)AT(T, b, sb, i) * (A)AT(T, c, sc, i)); \
      } \
    } \
    return; \
  } \
  { \
    A acc = 0; \
    for (i = 0; i < n; i++) { \
      A v = (A)AT(T, p[0], s[0], i); \
      int k; \
      for (k = 1; k < nop; k++) v *= (A)AT(T, p[k], s[k], i); \
      if (so == 0) acc += v; \
      else { T *y = (T *)(o + i * so); *y = (T)((A)*y + v); } \
    } \
    if (so == 0) *(T *)o = (T)((A)*(T *)o + acc); \
  } \
}

REAL_SOP(sop_i8, int8_t, uint32_t)
REAL_SOP(sop_i16, int16_t, uint32_t)
REAL_SOP(sop_i32, int32_t, uint32_t)
REAL_SOP(sop_i64, int64_t, uint64_t)
REAL_SOP(sop_u8, uint8_t, uint32_t)
REAL_SOP(sop_u16, uint16_t, uint32_t)
REAL_SOP(sop_u32, uint32_t, uint32_t)
REAL_SOP(sop_u64, uint64_t, uint64_t)
REAL_SOP(sop_f32, float, float)
REAL_SOP(sop_f64, double, double)

/* complex: (re, im) pairs multiplied as NumPy does, without C99's
   infinity recovery */
#define CPLX_SOP(NAME, R) \
static void NAME(int nop, char **p, const int64_t *s, int64_t n) { \
  const int64_t so = s[nop]; \
  char *o = p[nop]; \
  R ar = 0, ai = 0; \
  int64_t i; \
  for (i = 0; i < n; i++) { \
    const R *x = (const R *)(p[0] + i * s[0]); \
    R vr = x[0], vi = x[1]; \
    int k; \
    for (k = 1; k < nop; k++) { \
      const R *w = (const R *)(p[k] + i * s[k]); \
      R t = vr * w[0] - vi * w[1]; \
      vi = vr * w[1] + vi * w[0]; \
      vr = t; \
    } \
    if (so == 0) { ar += vr; ai += vi; } \
    else { R *y = (R *)(o + i * so); y[0] += vr; y[1] += vi; } \
  } \
  if (so == 0) { R *y = (R *)o; y[0] += ar; y[1] += ai; } \
}

CPLX_SOP(sop_c64, float)
CPLX_SOP(sop_c128, double)

/* bool: out |= and of the operands */
static void sop_bool(int nop, char **p, const int64_t *s, int64_t n) {
  int64_t i;
  int k;
  for (i = 0; i < n; i++) {
    for (k = 0; k < nop; k++)
      if (!*(const unsigned char *)(p[k] + i * s[k])) break;
    if (k == nop) {
      *(unsigned char *)(p[nop] + i * s[nop]) = 1;
      if (s[nop] == 0) return;
    }
  }
}

static sop_fn sop_for(lpy_dtype t) {
  switch (t) {
  case LPY_BOOL: return sop_bool;
  case LPY_INT8: return sop_i8;
  case LPY_INT16: return sop_i16;
  case LPY_INT32: return sop_i32;
  case LPY_INT64: return sop_i64;
  case LPY_UINT8: return sop_u8;
  case LPY_UINT16: return sop_u16;
  case LPY_UINT32: return sop_u32;
  case LPY_UINT64: return sop_u64;
  case LPY_FLOAT32: return sop_f32;
  case LPY_FLOAT64: return sop_f64;
  case LPY_COMPLEX64: return sop_c64;
  case LPY_COMPLEX128: return sop_c128;
  default: return NULL;
  }
}

/* ------------------------------------------------------------ engine */
static int64_t iabs64(int64_t x) { return x < 0 ? -x : x; }

int lpy_einsum_loop(const lpy_einsum_plan *p, char *const *data, lpy_dtype t,
                    char *out, lpy_err *e) {
  int nop = p->nop, nd = 0, i, j, k, d[LPY_EINSUM_MAXLABELS];
  int64_t key[LPY_EINSUM_MAXLABELS], sz[LPY_EINSUM_MAXLABELS];
  int64_t st[LPY_EINSUM_MAXLABELS][LPY_EINSUM_MAXOPS + 1];
  int64_t idx[LPY_EINSUM_MAXLABELS], inner[LPY_EINSUM_MAXOPS + 1], n;
  char *ptr[LPY_EINSUM_MAXOPS + 1];
  sop_fn f = sop_for(t);
  if (!f) return lpy_err_set(e, LPY_ETYPE, "einsum: unsupported dtype");
  /* the labels that matter, outermost first: larger strides outside */
  for (i = 0; i < p->nl; i++) {
    int64_t kk = 0;
    if (p->size[i] == 0) return 0;
    if (p->size[i] == 1) continue;
    for (k = 0; k <= nop; k++) kk += iabs64(p->stride[k][i]);
    for (j = nd; j > 0 && key[j - 1] < kk; j--) { d[j] = d[j - 1]; key[j] = key[j - 1]; }
    d[j] = i; key[j] = kk;
    nd++;
  }
  /* coalesce neighbours that every operand walks as one */
  {
    int m = 0;
    for (i = 0; i < nd; i++) {
      int l = d[i];
      if (m > 0) {
        for (k = 0; k <= nop; k++)
          if (st[m - 1][k] != p->stride[k][l] * p->size[l]) break;
        if (k > nop) {
          sz[m - 1] *= p->size[l];
          for (k = 0; k <= nop; k++) st[m - 1][k] = p->stride[k][l];
          continue;
        }
      }
      sz[m] = p->size[l];
      for (k = 0; k <= nop; k++) st[m][k] = p->stride[k][l];
      m++;
    }
    nd = m;
  }
  /* a short inner loop costs a call per few elements: walk the longest
     dimension innermost instead when it is much longer */
  if (nd > 1 && sz[nd - 1] < 16) {
    int b = nd - 1;
    for (i = 0; i < nd - 1; i++) if (sz[i] > sz[b]) b = i;
    if (sz[b] >= 4 * sz[nd - 1]) {
      int64_t t = sz[b];
      sz[b] = sz[nd - 1]; sz[nd - 1] = t;
      for (k = 0; k <= nop; k++) {
        t = st[b][k]; st[b][k] = st[nd - 1][k]; st[nd - 1][k] = t;
      }
    }
  }
  for (k = 0; k < nop; k++) ptr[k] = data[k];
  ptr[nop] = out;
  if (nd == 0) {
    for (k = 0; k <= nop; k++) inner[k] = 0;
    f(nop, ptr, inner, 1);
    return 0;
  }
  n = sz[nd - 1];
  for (k = 0; k <= nop; k++) inner[k] = st[nd - 1][k];
  for (i = 0; i < nd; i++) idx[i] = 0;
  for (;;) {
    f(nop, ptr, inner, n);
    for (i = nd - 2; i >= 0; i--) {
      if (++idx[i] < sz[i]) {
        for (k = 0; k <= nop; k++) ptr[k] += st[i][k];
        break;
      }
      idx[i] = 0;
      for (k = 0; k <= nop; k++) ptr[k] -= st[i][k] * (sz[i] - 1);
    }
    if (i < 0) break;
  }
  return 0;
}

void lpy_einsum_zero(lpy_array *a) {
  static const double zero[2] = {0.0, 0.0};
  lpy_array_space z;
  int64_t none[1] = {0};
  lpy_err e;
  if (a->size == 0) return;
  if (a->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS)) {
    memset(a->data, 0, (size_t)lpy_array_nbytes(a));
    return;
  }
  lpy_array_init(&z.a, a->dtype, 0, none, none, (char *)zero, NULL);
  lpy_array_assign(a, &z.a, &e);
}
