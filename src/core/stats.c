/*
** stats.c - order statistics (median and NumPy's 13 quantile methods on
** lines partitioned by sort.c, as NumPy partitions them), digitize,
** histogram and bincount counting, correlation (np.correlate and
** np.convolve) and np.gradient with a uniform spacing.
** The arithmetic follows numpy/lib/function_base.py step by step (the
** native-dtype difference b - a of _lerp, its two-sided formula, the
** index rules of each method), so results match NumPy's bit for bit.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "stats.h"
#include "ctypes.h"
#include "sort.h"

/* --------------------------------------------------------- element ops */
/* Per dtype: isnan, the value as a complex
   double, and b - a computed in the dtype itself (integers wrap) */
typedef struct elemops {
  int (*isnanf)(const void *);
  void (*get)(const void *, double *, double *);
  void (*sub)(const void *, const void *, double *, double *);
} elemops;

static int flt_lt(double a, double b) { return a < b || (b != b && a == a); }

#define INT_OPS(NAME, T, UT)                                                \
  static int nan_##NAME(const void *x) { (void)x; return 0; }               \
  static void get_##NAME(const void *x, double *r, double *i) {             \
    *r = (double)*(const T *)x; *i = 0.0;                                   \
  }                                                                         \
  static void sub_##NAME(const void *b, const void *a, double *r,           \
                         double *i) {                                       \
    T d = (T)((UT)*(const T *)b - (UT)*(const T *)a);                       \
    *r = (double)d; *i = 0.0;                                               \
  }

#define FLT_OPS(NAME, T)                                                    \
  static int nan_##NAME(const void *x) { T a = *(const T *)x; return a != a; } \
  static void get_##NAME(const void *x, double *r, double *i) {             \
    *r = (double)*(const T *)x; *i = 0.0;                                   \
  }                                                                         \
  static void sub_##NAME(const void *b, const void *a, double *r,           \
                         double *i) {                                       \
    T d = *(const T *)b - *(const T *)a;                                    \
    *r = (double)d; *i = 0.0;                                               \
  }

#define CPLX_OPS(NAME, T, R)                                                \
  static int nan_##NAME(const void *x) {                                    \
    const T *a = (const T *)x; return a->re != a->re || a->im != a->im;     \
  }                                                                         \
  static void get_##NAME(const void *x, double *r, double *i) {             \
    *r = (double)((const T *)x)->re; *i = (double)((const T *)x)->im;       \
  }                                                                         \
  static void sub_##NAME(const void *b, const void *a, double *r,           \
                         double *i) {                                       \
    R dr = ((const T *)b)->re - ((const T *)a)->re;                         \
    R di = ((const T *)b)->im - ((const T *)a)->im;                         \
    *r = (double)dr; *i = (double)di;                                       \
  }

INT_OPS(bool, uint8_t, uint8_t)
INT_OPS(int8, int8_t, uint8_t)
INT_OPS(int16, int16_t, uint16_t)
INT_OPS(int32, int32_t, uint32_t)
INT_OPS(int64, int64_t, uint64_t)
INT_OPS(uint8, uint8_t, uint8_t)
INT_OPS(uint16, uint16_t, uint16_t)
INT_OPS(uint32, uint32_t, uint32_t)
INT_OPS(uint64, uint64_t, uint64_t)
FLT_OPS(float32, float)
FLT_OPS(float64, double)
CPLX_OPS(complex64, lpy_c64, float)
CPLX_OPS(complex128, lpy_c128, double)

#define OPS_ENTRY(NAME, T, K) { nan_##NAME, get_##NAME, sub_##NAME },
static const elemops ops[LPY_NTYPES] = { LPY_SRC_TYPES(OPS_ENTRY) };

/* ------------------------------------------------------------ methods */
static const char *const method_names[LPY_Q_NMETHODS] = {
  "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
  "interpolated_inverted_cdf", "hazen", "weibull", "linear",
  "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint",
  "nearest"
};

int lpy_quantile_method(const char *name) {
  int i;
  for (i = 0; i < LPY_Q_NMETHODS; i++)
    if (strcmp(name, method_names[i]) == 0) return i;
  return -1;
}

const char *lpy_quantile_method_name(int m) {
  return (m >= 0 && m < LPY_Q_NMETHODS) ? method_names[m] : "?";
}

int lpy_quantile_discrete(int m) {
  return m == LPY_Q_INVERTED_CDF || m == LPY_Q_CLOSEST_OBSERVATION ||
         m == LPY_Q_LOWER || m == LPY_Q_HIGHER || m == LPY_Q_NEAREST;
}

lpy_dtype lpy_median_type(lpy_dtype t) {
  if (lpy_isinexact(t)) return t;
  return LPY_FLOAT64;
}

lpy_dtype lpy_quantile_type(lpy_dtype t, int m) {
  if (lpy_quantile_discrete(m)) return t;
  return lpy_iscomplex(t) ? LPY_COMPLEX128 : LPY_FLOAT64;
}

/* H&F's virtual index n*q + alpha + q*(1 - alpha - beta) - 1, as NumPy
   groups it */
static double hf_index(int64_t n, double q, double alpha, double beta) {
  return (double)n * q + (alpha + q * (1.0 - alpha - beta)) - 1.0;
}

/* Python's float x % 2 == 0 */
static int even(double x) {
  double m = fmod(x, 2.0);
  if (m < 0) m += 2.0;
  return m == 0.0;
}

/* NumPy's _discret_interpolation_to_boundaries */
static int64_t discrete_pos(double index, int closest) {
  double prev = floor(index), gamma = index - prev;
  int cond = closest ? (gamma == 0 && even(floor(index))) : gamma == 0;
  double r = cond ? prev : prev + 1;
  return r < 0 ? 0 : (int64_t)r;
}

/* Where quantile q of n sorted values lies: an element (returns 1, *lo is
   its position) or between *lo and *hi with weight *g (returns 0). */
static int qpos(int m, int64_t n, double q, int64_t *lo, int64_t *hi,
                double *g) {
  double vi, prev;
  switch (m) {
  case LPY_Q_INVERTED_CDF: *lo = discrete_pos((double)n * q - 1, 0); goto take;
  case LPY_Q_CLOSEST_OBSERVATION:
    *lo = discrete_pos((double)n * q - 1 - 0.5, 1); goto take;
  case LPY_Q_LOWER: *lo = (int64_t)floor((double)(n - 1) * q); goto take;
  case LPY_Q_HIGHER: *lo = (int64_t)ceil((double)(n - 1) * q); goto take;
  case LPY_Q_NEAREST: *lo = (int64_t)rint((double)(n - 1) * q); goto take;
  case LPY_Q_AVERAGED_INVERTED_CDF: vi = (double)n * q - 1; break;
  case LPY_Q_INTERPOLATED_INVERTED_CDF: vi = hf_index(n, q, 0, 1); break;
  case LPY_Q_HAZEN: vi = hf_index(n, q, 0.5, 0.5); break;
  case LPY_Q_WEIBULL: vi = hf_index(n, q, 0, 0); break;
  case LPY_Q_MEDIAN_UNBIASED: vi = hf_index(n, q, 1 / 3.0, 1 / 3.0); break;
  case LPY_Q_NORMAL_UNBIASED: vi = hf_index(n, q, 3 / 8.0, 3 / 8.0); break;
  case LPY_Q_MIDPOINT: {
    double x = (double)(n - 1) * q;
    vi = 0.5 * (floor(x) + ceil(x));
    break;
  }
  default: vi = (double)(n - 1) * q; break;    /* linear */
  }
  /* NumPy's _get_indexes: -1 stands for the last element */
  prev = floor(vi);
  if (vi >= (double)(n - 1) || vi != vi) prev = -1;
  else if (vi < 0) prev = 0;
  *g = vi - prev;
  if (m == LPY_Q_AVERAGED_INVERTED_CDF) *g = (*g == 0) ? 0.5 : 1.0;
  else if (m == LPY_Q_MIDPOINT) *g = (fmod(vi, 1.0) == 0) ? 0.0 : 0.5;
  if (prev < 0) *lo = *hi = n - 1;
  else { *lo = (int64_t)prev; *hi = *lo + 1 < n ? *lo + 1 : n - 1; }
  if (vi < 0) *hi = 0;
  return 0;
take:
  if (*lo < 0) *lo = 0;
  if (*lo > n - 1) *lo = n - 1;
  return 1;
}

/* ------------------------------------------------------ line helpers */
/* with skipnan, move the nan of a line out of the way; returns how many
   values are left */
static int64_t drop_nan(lpy_dtype t, char *x, int64_t n, int skipnan) {
  size_t sz = (size_t)lpy_itemsize(t);
  int64_t k = 0, i;
  if (!skipnan || !lpy_isinexact(t)) return n;
  if (t == LPY_FLOAT64) {
    double *v = (double *)x;
    for (i = 0; i < n; i++) { v[k] = v[i]; k += v[i] == v[i]; }
    return k;
  }
  if (t == LPY_FLOAT32) {
    float *v = (float *)x;
    for (i = 0; i < n; i++) { v[k] = v[i]; k += v[i] == v[i]; }
    return k;
  }
  for (i = 0; i < n; i++)
    if (!ops[t].isnanf(x + i * sz)) {
      if (k != i) memcpy(x + k * sz, x + i * sz, sz);
      k++;
    }
  return k;
}

static int has_nan(lpy_dtype t, const char *p, int64_t n) {
  int64_t i;
  int r = 0;
  switch (t) {
  case LPY_FLOAT32: { const float *x = (const float *)p; for (i = 0; i < n; i++) r |= x[i] != x[i]; break; }
  case LPY_FLOAT64: { const double *x = (const double *)p; for (i = 0; i < n; i++) r |= x[i] != x[i]; break; }
  case LPY_COMPLEX64: { const float *x = (const float *)p; for (i = 0; i < 2 * n; i++) r |= x[i] != x[i]; break; }
  case LPY_COMPLEX128: { const double *x = (const double *)p; for (i = 0; i < 2 * n; i++) r |= x[i] != x[i]; break; }
  default: break;
  }
  return r;
}

/* Partition nlines lines of k elements (line stride 'step' elements) with
   sort.c's introselect so that the np ascending distinct positions pos
   hold what a sort puts there */
static int partition_lines(lpy_dtype t, char *x, int64_t nlines, int64_t k,
                           int64_t step, const int64_t *pos, int np,
                           lpy_err *e) {
  lpy_array_space v;
  int64_t shape[2], strides[2];
  if (k < 2 || nlines == 0 || np == 0) return 0;
  shape[0] = nlines; shape[1] = k;
  strides[1] = lpy_itemsize(t); strides[0] = step * strides[1];
  lpy_array_init(&v.a, t, 2, shape, strides, x, NULL);
  return lpy_partition(&v.a, 1, pos, np, e);
}

static void store_nan(lpy_dtype ot, char *p) {
  if (ot == LPY_FLOAT32) *(float *)p = NAN;
  else if (ot == LPY_FLOAT64) *(double *)p = NAN;
  else if (ot == LPY_COMPLEX64) { ((lpy_c64 *)p)->re = NAN; ((lpy_c64 *)p)->im = 0; }
  else if (ot == LPY_COMPLEX128) { ((lpy_c128 *)p)->re = NAN; ((lpy_c128 *)p)->im = 0; }
}

/* NumPy's complex division by a positive real count c */
#define CDIV(T, sr, si, c, o)                                               \
  do { T scl_ = (T)1.0 / (T)(c), rat_ = (T)0;                               \
       (o)->re = ((sr) + (si) * rat_) * scl_;                               \
       (o)->im = ((si) - (sr) * rat_) * scl_; } while (0)

/* mean of k (0, 1 or 2) elements at x as np.mean does it: 0 + x0 + x1,
   divided by k in the result dtype */
static void mean_of(lpy_dtype t, const char *x, int k, char *out) {
  int i;
  size_t sz = (size_t)lpy_itemsize(t);
  switch (t) {
  case LPY_FLOAT32: {
    float s = 0.0f;
    for (i = 0; i < k; i++) s += ((const float *)x)[i];
    *(float *)out = s / (float)k;
    break;
  }
  case LPY_COMPLEX64: {
    float sr = 0.0f, si = 0.0f;
    for (i = 0; i < k; i++) { sr += ((const lpy_c64 *)x)[i].re; si += ((const lpy_c64 *)x)[i].im; }
    if (k == 0) { ((lpy_c64 *)out)->re = sr / 0.0f; ((lpy_c64 *)out)->im = si / 0.0f; }
    else CDIV(float, sr, si, k, (lpy_c64 *)out);
    break;
  }
  case LPY_COMPLEX128: {
    double sr = 0.0, si = 0.0;
    for (i = 0; i < k; i++) { sr += ((const lpy_c128 *)x)[i].re; si += ((const lpy_c128 *)x)[i].im; }
    if (k == 0) { ((lpy_c128 *)out)->re = sr / 0.0; ((lpy_c128 *)out)->im = si / 0.0; }
    else CDIV(double, sr, si, k, (lpy_c128 *)out);
    break;
  }
  default: {
    double s = 0.0, r, im;
    for (i = 0; i < k; i++) { ops[t].get(x + (size_t)i * sz, &r, &im); s += r; }
    *(double *)out = s / (double)k;
    break;
  }
  }
}

static void median_line(lpy_dtype t, const char *x, int64_t k, int nan,
                        char *o) {
  size_t sz = (size_t)lpy_itemsize(t);
  if (nan) store_nan(lpy_median_type(t), o);
  else if (k == 0) mean_of(t, x, 0, o);
  else if (k % 2) mean_of(t, x + (size_t)(k / 2) * sz, 1, o);
  else mean_of(t, x + (size_t)(k / 2 - 1) * sz, 2, o);
}

/* the middle positions of k sorted values (one or two); their count */
static int mid_pos(int64_t k, int64_t *pos) {
  if (k % 2) { pos[0] = k / 2; return 1; }
  pos[0] = k / 2 - 1; pos[1] = k / 2;
  return 2;
}

/* NumPy partitions at the middle (and the last, to find nan); here the
   middle is selected (both middle positions in one pass for an even
   length) and nan found by a scan before */
int lpy_median_lines(lpy_dtype t, char *data, int64_t nlines, int64_t n,
                     int skipnan, char *out, lpy_err *e) {
  size_t sz = (size_t)lpy_itemsize(t);
  size_t osz = (size_t)lpy_itemsize(lpy_median_type(t));
  int64_t l, pos[2];
  int inexact = lpy_isinexact(t), np;
  if (!skipnan || !inexact) {
    if (n == 0) {
      for (l = 0; l < nlines; l++)
        median_line(t, data, 0, 0, out + (size_t)l * osz);
      return 0;
    }
    np = mid_pos(n, pos);
    if (partition_lines(t, data, nlines, n, n, pos, np, e)) return -1;
    for (l = 0; l < nlines; l++) {
      char *x = data + (size_t)l * (size_t)n * sz;
      int nan = inexact && has_nan(t, x, n);
      median_line(t, x, n, nan, out + (size_t)l * osz);
    }
    return 0;
  }
  for (l = 0; l < nlines; l++) {
    char *x = data + (size_t)l * (size_t)n * sz;
    int64_t k = drop_nan(t, x, n, 1);
    if (k > 0) {
      np = mid_pos(k, pos);
      if (partition_lines(t, x, 1, k, k, pos, np, e)) return -1;
    }
    median_line(t, x, k, 0, out + (size_t)l * osz);
  }
  return 0;
}

/* _lerp(a, b, t): b - a in the input dtype, the rest in (complex) double;
   a complex times the real t is a complex product with t + 0j */
static void lerp(lpy_dtype t, const char *a, const char *b, double g,
                 double *rr, double *ri) {
  double ar, ai, br, bi, dr, di, s;
  ops[t].get(a, &ar, &ai);
  ops[t].get(b, &br, &bi);
  ops[t].sub(b, a, &dr, &di);
  if (g >= 0.5) {
    s = 1.0 - g;
    if (lpy_iscomplex(t)) {
      *rr = br - (dr * s - di * 0.0);
      *ri = bi - (dr * 0.0 + di * s);
    } else { *rr = br - dr * s; *ri = 0.0; }
  } else if (lpy_iscomplex(t)) {
    *rr = ar + (dr * g - di * 0.0);
    *ri = ai + (dr * 0.0 + di * g);
  } else { *rr = ar + dr * g; *ri = 0.0; }
}

/* where each quantile lies among k values (qpos), and the distinct
   positions to select (every lo and hi) */
typedef struct qplan {
  int64_t *lo, *hi, *pos;
  double *g;
  int *take;
  int np;
} qplan;

static int cmp_i64(const void *p, const void *q) {
  int64_t a = *(const int64_t *)p, b = *(const int64_t *)q;
  return (a > b) - (a < b);
}

static void plan_q(qplan *p, int method, int64_t k, const double *q,
                   int64_t nq) {
  int64_t j;
  int i, m = 0;
  int64_t c = 0;
  for (j = 0; j < nq; j++) {
    p->take[j] = qpos(method, k, q[j], &p->lo[j], &p->hi[j], &p->g[j]);
    p->pos[c++] = p->lo[j];
    if (!p->take[j] && p->hi[j] != p->lo[j]) p->pos[c++] = p->hi[j];
  }
  qsort(p->pos, (size_t)c, sizeof *p->pos, cmp_i64);
  for (i = 0; i < (int)c; i++)
    if (m == 0 || p->pos[m - 1] != p->pos[i]) p->pos[m++] = p->pos[i];
  p->np = m;
}

/* the quantiles of the sorted line x into out (dtype ot, the method's
   lpy_quantile_type); all nan when nan is set (then p is not read: a line
   of nothing but nan makes no plan) */
static void quantile_line(lpy_dtype t, lpy_dtype ot, const char *x, int nan,
                          const qplan *p, int64_t nq, char *out,
                          int64_t ostep) {
  size_t sz = (size_t)lpy_itemsize(t);
  int64_t j;
  for (j = 0; j < nq; j++) {
    char *o = out + (size_t)(j * ostep) * (size_t)lpy_itemsize(ot);
    double rr, ri;
    if (nan) { store_nan(ot, o); continue; }
    if (p->take[j]) { memcpy(o, x + (size_t)p->lo[j] * sz, sz); continue; }
    lerp(t, x + (size_t)p->lo[j] * sz, x + (size_t)p->hi[j] * sz, p->g[j], &rr, &ri);
    if (ot == LPY_COMPLEX128) { ((lpy_c128 *)o)->re = rr; ((lpy_c128 *)o)->im = ri; }
    else *(double *)o = rr;
  }
}

int lpy_quantile_lines(lpy_dtype t, char *data, int64_t nlines, int64_t n,
                       const double *q, int64_t nq, int method, int skipnan,
                       char *out, lpy_err *e) {
  size_t sz = (size_t)lpy_itemsize(t);
  lpy_dtype ot = lpy_quantile_type(t, method);
  size_t osz = (size_t)lpy_itemsize(ot);
  int inexact = lpy_isinexact(t);
  qplan p;
  int64_t l;
  int st = 0;
  char *mem;
  if (n == 0 && nlines > 0 && !skipnan)
    return lpy_err_set(e, LPY_EINDEX, "cannot do a non-empty take from an empty axes.");
  if (nq < 0 || nq > INT32_MAX / 8)
    return lpy_err_set(e, LPY_EVALUE, "too many quantiles");
  mem = malloc((size_t)(nq * 5 + 1) * sizeof(int64_t) + (size_t)nq * sizeof(int));
  if (!mem) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  p.lo = (int64_t *)mem; p.hi = p.lo + nq; p.pos = p.hi + nq;
  p.g = (double *)(p.pos + 2 * nq);
  p.take = (int *)(p.g + nq);
  if (!skipnan || !inexact) {
    if (n > 0) {
      plan_q(&p, method, n, q, nq);
      st = partition_lines(t, data, nlines, n, n, p.pos, p.np, e);
      for (l = 0; l < nlines && st == 0; l++) {
        char *x = data + (size_t)l * (size_t)n * sz;
        quantile_line(t, ot, x, inexact && has_nan(t, x, n), &p, nq,
                      out + (size_t)l * osz, nlines);
      }
    }
  } else {
    for (l = 0; l < nlines && st == 0; l++) {
      char *x = data + (size_t)l * (size_t)n * sz;
      int64_t k = drop_nan(t, x, n, 1);
      if (k > 0) {
        plan_q(&p, method, k, q, nq);
        st = partition_lines(t, x, 1, k, k, p.pos, p.np, e);
      }
      quantile_line(t, ot, x, k == 0, &p, nq, out + (size_t)l * osz, nlines);
    }
  }
  free(mem);
  return st ? -1 : 0;
}

int lpy_all_nan(lpy_dtype t, const char *p, int64_t n) {
  size_t sz = (size_t)lpy_itemsize(t);
  int64_t i;
  if (!lpy_isinexact(t)) return 0;
  for (i = 0; i < n; i++)
    if (!ops[t].isnanf(p + (size_t)i * sz)) return 0;
  return 1;
}

/* ------------------------------------------------------ counting, bins */
int64_t lpy_search_left(const double *v, int64_t n, double x) {
  int64_t lo = 0, hi = n;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (flt_lt(v[mid], x)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

int64_t lpy_search_right(const double *v, int64_t n, double x) {
  int64_t lo = 0, hi = n;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (flt_lt(x, v[mid])) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/* searchsorted on increasing bins without nan, for a key that is not nan:
   a branch-free halving (the comparison picks the half) */
static int64_t search_plain(const double *v, int64_t n, double x, int left) {
  int64_t lo = 0, len = n;
  while (len > 0) {
    int64_t h = len >> 1;
    int go = left ? v[lo + h] < x : v[lo + h] <= x;
    lo = go ? lo + h + 1 : lo;
    len = go ? len - h - 1 : h;
  }
  return lo;
}

int lpy_monotonic(const double *v, int64_t n) {
  int64_t i;
  int inc = 1, dec = 1;
  for (i = 1; i < n; i++) {
    if (flt_lt(v[i], v[i - 1])) inc = 0;
    if (flt_lt(v[i - 1], v[i])) dec = 0;
  }
  if (inc) return 1;
  return dec ? -1 : 0;
}

void lpy_digitize(const double *x, int64_t n, const double *bins, int64_t nb,
                  int right, int64_t *out) {
  int64_t i;
  int dir = lpy_monotonic(bins, nb);
  if (dir >= 0 && (nb == 0 || bins[nb - 1] == bins[nb - 1])) {
    /* increasing bins, none nan (nan would sort last): plain comparisons;
       a nan key goes after every bin */
    for (i = 0; i < n; i++)
      out[i] = x[i] != x[i] ? nb : search_plain(bins, nb, x[i], right);
    return;
  }
  for (i = 0; i < n; i++) {
    if (dir >= 0) {
      out[i] = right ? lpy_search_left(bins, nb, x[i])
                     : lpy_search_right(bins, nb, x[i]);
    } else {
      /* len(bins) - searchsorted(bins[::-1], x): search the reversed bins */
      int64_t lo = 0, hi = nb;
      while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        double b = bins[nb - 1 - mid];
        int go = right ? flt_lt(b, x[i]) : !flt_lt(x[i], b);
        if (go) lo = mid + 1; else hi = mid;
      }
      out[i] = nb - lo;
    }
  }
}

#define HIST_BLOCK 65536

#define HIST_UNIFORM(T)                                                     \
  do {                                                                      \
    const T *a = (const T *)data, *ed = (const T *)edges;                   \
    T f0 = (T)first, f1 = (T)last, nm = (T)norm;                            \
    int64_t i;                                                              \
    for (i = 0; i < n; i++) {                                               \
      T x = a[i], f;                                                        \
      int64_t k;                                                            \
      if (!(x >= f0 && x <= f1)) continue;                                  \
      f = (x - f0) * nm;                                                    \
      k = f >= (T)nb ? nb : f > 0 ? (int64_t)f : 0;                         \
      if (k == nb) k--;                                                     \
      if (x < ed[k]) k--;                                                   \
      if (k < 0) k = 0;                                                     \
      if (x >= ed[k + 1] && k != nb - 1) k++;                               \
      if (w) blk[k] += w[i]; else icount[k]++;                              \
      if (w && blk != wcount && (i + 1) % HIST_BLOCK == 0)                  \
        flush(blk, wcount, nb);                                             \
    }                                                                       \
  } while (0)

static void flush(double *blk, double *wcount, int64_t nb) {
  int64_t k;
  for (k = 0; k < nb; k++) { wcount[k] += blk[k]; blk[k] = 0.0; }
}

void lpy_hist_uniform(lpy_dtype t, const char *data, int64_t n,
                      const double *w, const char *edges, int64_t nb,
                      double first, double last, double norm,
                      int64_t *icount, double *wcount) {
  double *blk = wcount;
  /* weighted sums go per block of 65536 into a scratch then into wcount;
     without scratch memory, straight into wcount */
  if (w && n > HIST_BLOCK) {
    blk = calloc((size_t)nb, sizeof(double));
    if (!blk) blk = wcount;
  }
  if (t == LPY_FLOAT32) HIST_UNIFORM(float);
  else HIST_UNIFORM(double);
  if (w && blk != wcount) { flush(blk, wcount, nb); free(blk); }
}

typedef struct { double x, w; } xw;
static int cmp_xw(const void *p, const void *q) {
  const xw *a = (const xw *)p, *b = (const xw *)q;
  return flt_lt(a->x, b->x) ? -1 : flt_lt(b->x, a->x) ? 1 : 0;
}

int lpy_hist_edges(const double *data, int64_t n, const double *w,
                   const double *edges, int64_t nb, int64_t *icount,
                   double *wcount) {
  int64_t start, k, ne = nb + 1;
  xw *s;
  double *cw;
  int64_t *pos;
  if (!w) {
    /* counting needs no sort: the bin of x is the last edge <= x (the
       last bin closed); nan and values outside fall in no bin */
    int64_t i;
    int nanfree = 1;
    for (k = 0; k < ne; k++) nanfree &= edges[k] == edges[k];
    for (k = 0; k < nb; k++) icount[k] = 0;
    for (i = 0; i < n; i++) {
      double x = data[i];
      int64_t b;
      if (!(x >= edges[0] && x <= edges[nb])) continue;
      b = nanfree ? search_plain(edges, ne, x, 0) - 1 : lpy_search_right(edges, ne, x) - 1;
      if (b >= nb) b = nb - 1;
      icount[b]++;
    }
    return 0;
  }
  s = malloc((size_t)(n < HIST_BLOCK ? n : HIST_BLOCK) * sizeof(xw) + 1);
  cw = malloc(((size_t)(n < HIST_BLOCK ? n : HIST_BLOCK) + 1) * sizeof(double));
  pos = malloc((size_t)ne * sizeof(int64_t));
  if (!s || !cw || !pos) { free(s); free(cw); free(pos); return -1; }
  for (k = 0; k < nb; k++) wcount[k] = 0;
  for (start = 0; start < n; start += HIST_BLOCK) {
    int64_t m = n - start < HIST_BLOCK ? n - start : HIST_BLOCK, i;
    for (i = 0; i < m; i++) { s[i].x = data[start + i]; s[i].w = w[start + i]; }
    qsort(s, (size_t)m, sizeof(xw), cmp_xw);
    for (i = 0; i < m; i++) cw[i] = s[i].x;
    for (k = 0; k < ne; k++) {
      /* searchsorted left for all edges but the last, right for it */
      int64_t lo = 0, hi = m;
      while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        int go = k < ne - 1 ? flt_lt(cw[mid], edges[k]) : !flt_lt(edges[k], cw[mid]);
        if (go) lo = mid + 1; else hi = mid;
      }
      pos[k] = lo;
    }
    /* NumPy: differences of the cumulative sums of the sorted weights */
    cw[0] = 0.0;
    for (i = 0; i < m; i++) cw[i + 1] = cw[i] + s[i].w;
    for (k = 0; k < nb; k++) wcount[k] += cw[pos[k + 1]] - cw[pos[k]];
  }
  free(s); free(cw); free(pos);
  return 0;
}

void lpy_hist2d(const double *x, const double *y, int64_t n, const double *w,
                const double *xe, int64_t nx, const double *ye, int64_t ny,
                double *out) {
  int64_t i;
  for (i = 0; i < nx * ny; i++) out[i] = 0.0;
  for (i = 0; i < n; i++) {
    int64_t a = lpy_search_right(xe, nx + 1, x[i]);
    int64_t b = lpy_search_right(ye, ny + 1, y[i]);
    if (x[i] == xe[nx]) a--;
    if (y[i] == ye[ny]) b--;
    if (a < 1 || a > nx || b < 1 || b > ny) continue;
    out[(a - 1) * ny + (b - 1)] += w ? w[i] : 1.0;
  }
}

/* ------------------------------------------------------- correlation */
int64_t lpy_correlate_len(int64_t na, int64_t nv, int mode, int64_t *k0) {
  if (mode == LPY_MODE_FULL) { *k0 = -(nv - 1); return na + nv - 1; }
  if (mode == LPY_MODE_SAME) {
    *k0 = na >= nv ? -(nv / 2) : na / 2 - nv + 1;
    return na >= nv ? na : nv;
  }
  if (na >= nv) { *k0 = 0; return na - nv + 1; }
  *k0 = na - nv;
  return nv - na + 1;
}

/* dot products in 8 partial sums (as BLAS does, in its own order): the
   loop vectorizes without reassociating anything */
#define DOT8(NAME, T)                                                       \
  static T NAME(const T *a, const T *b, int64_t n) {                        \
    T s[8] = {0, 0, 0, 0, 0, 0, 0, 0}, r;                                   \
    int64_t i, m = n - n % 8;                                               \
    int j;                                                                  \
    for (i = 0; i < m; i += 8)                                              \
      for (j = 0; j < 8; j++) s[j] += a[i + j] * b[i + j];                  \
    r = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));  \
    for (; i < n; i++) r += a[i] * b[i];                                    \
    return r;                                                               \
  }
DOT8(dot_f, float)
DOT8(dot_d, double)

#define CORR_DOT(T, DOT)                                                    \
  do {                                                                      \
    const T *A = (const T *)a, *V = (const T *)v;                           \
    T *O = (T *)out;                                                        \
    for (i = 0; i < len; i++) {                                             \
      int64_t k = k0 + i, j = k < 0 ? -k : 0, je = na - k < nv ? na - k : nv; \
      O[i] = je > j ? DOT(A + j + k, V + j, je - j) : 0;                    \
    }                                                                       \
  } while (0)

/* the dot of a[k + j] and v[j] over the j where both exist */
#define CORR_REAL(T, ACC, MUL, FIN)                                             \
  do {                                                                      \
    const T *A = (const T *)a, *V = (const T *)v;                           \
    T *O = (T *)out;                                                        \
    for (i = 0; i < len; i++) {                                             \
      int64_t k = k0 + i, j = k < 0 ? -k : 0, je = na - k < nv ? na - k : nv; \
      ACC s = 0;                                                            \
      for (; j < je; j++) s = s + MUL(A[j + k], V[j]);                      \
      O[i] = (T)FIN(s);                                                     \
    }                                                                       \
  } while (0)

#define CORR_CPLX(T, R)                                                     \
  do {                                                                      \
    const T *A = (const T *)a, *V = (const T *)v;                           \
    T *O = (T *)out;                                                        \
    R sg = conj ? (R)-1 : (R)1;                                             \
    for (i = 0; i < len; i++) {                                             \
      int64_t k = k0 + i, j = k < 0 ? -k : 0, je = na - k < nv ? na - k : nv; \
      R sr = 0, si = 0;                                                     \
      for (; j < je; j++) {                                                 \
        R xr = A[j + k].re, xi = A[j + k].im, yr = V[j].re, yi = sg * V[j].im; \
        sr += xr * yr - xi * yi;                                            \
        si += xr * yi + xi * yr;                                            \
      }                                                                     \
      O[i].re = sr; O[i].im = si;                                           \
    }                                                                       \
  } while (0)

#define MUL_WRAP(x, y) ((uint64_t)(x) * (uint64_t)(y))
#define MUL_AND(x, y) ((x) && (y))
#define ISSET(s) ((s) != 0)

void lpy_correlate(lpy_dtype t, const char *a, int64_t na, const char *v,
                   int64_t nv, int mode, int conj, char *out) {
  int64_t k0, i, len = lpy_correlate_len(na, nv, mode, &k0);
  switch (t) {
  case LPY_BOOL: CORR_REAL(uint8_t, int64_t, MUL_AND, ISSET); break;
  case LPY_INT8: CORR_REAL(int8_t, uint64_t, MUL_WRAP, ); break;
  case LPY_INT16: CORR_REAL(int16_t, uint64_t, MUL_WRAP, ); break;
  case LPY_INT32: CORR_REAL(int32_t, uint64_t, MUL_WRAP, ); break;
  case LPY_INT64: CORR_REAL(int64_t, uint64_t, MUL_WRAP, ); break;
  case LPY_UINT8: CORR_REAL(uint8_t, uint64_t, MUL_WRAP, ); break;
  case LPY_UINT16: CORR_REAL(uint16_t, uint64_t, MUL_WRAP, ); break;
  case LPY_UINT32: CORR_REAL(uint32_t, uint64_t, MUL_WRAP, ); break;
  case LPY_UINT64: CORR_REAL(uint64_t, uint64_t, MUL_WRAP, ); break;
  case LPY_FLOAT32: CORR_DOT(float, dot_f); break;
  case LPY_FLOAT64: CORR_DOT(double, dot_d); break;
  case LPY_COMPLEX64: CORR_CPLX(lpy_c64, float); break;
  case LPY_COMPLEX128: CORR_CPLX(lpy_c128, double); break;
  default: break;
  }
}

/* ----------------------------------------------------------- gradient */
/* f and out are (outer, n, inner) C-contiguous float64 blocks; the axis
   is the middle one. Each formula is NumPy's expression, operation by
   operation (interior (f[i+1] - f[i-1]) / (2. * h); the edges' weighted
   sums added left to right). */
/* x / h == x * (1 / h) for every x when h is a power of two whose
   reciprocal is exact: then the product replaces the slower division */
static int exact_recip(double h) {
  int ex;
  double r;
  if (!isfinite(h) || fabs(frexp(h, &ex)) != 0.5) return 0;
  r = 1.0 / h;
  return r != 0.0 && isfinite(r) && r * h == 1.0;
}

void lpy_gradient_f64(const double *f, int64_t outer, int64_t n,
                      int64_t inner, double h, int edge_order, double *out) {
  int64_t o, k, j, m = (n - 2) * inner;
  double h2 = 2.0 * h, r2 = 1.0 / h2;
  int mul = exact_recip(h2);
  for (o = 0; o < outer; o++, f += n * inner, out += n * inner) {
    /* the interior as one run: out[k] for k in [inner, (n - 1) * inner) */
    const double *lo = f, *hi = f + 2 * inner;
    double *r = out + inner;
    if (mul) for (k = 0; k < m; k++) r[k] = (hi[k] - lo[k]) * r2;
    else for (k = 0; k < m; k++) r[k] = (hi[k] - lo[k]) / h2;
    if (edge_order == 1) {
      const double *a = f, *b = f + inner;
      const double *y = f + (n - 2) * inner, *z = f + (n - 1) * inner;
      double *r0 = out, *r1 = out + (n - 1) * inner;
      for (j = 0; j < inner; j++) {
        r0[j] = (b[j] - a[j]) / h;
        r1[j] = (z[j] - y[j]) / h;
      }
    } else {
      double a0 = -1.5 / h, b0 = 2.0 / h, c0 = -0.5 / h;
      double a1 = 0.5 / h, b1 = -2.0 / h, c1 = 1.5 / h;
      const double *f0 = f, *f1 = f + inner, *f2 = f + 2 * inner;
      const double *g0 = f + (n - 3) * inner, *g1 = f + (n - 2) * inner,
                   *g2 = f + (n - 1) * inner;
      double *r0 = out, *r1 = out + (n - 1) * inner;
      for (j = 0; j < inner; j++) {
        r0[j] = a0 * f0[j] + b0 * f1[j] + c0 * f2[j];
        r1[j] = a1 * g0[j] + b1 * g1[j] + c1 * g2[j];
      }
    }
  }
}

/* ----------------------------------------------------------- bincount */
/* smallest and largest of x[0..n-1] (n >= 1), in one pass */
void lpy_minmax_i64(const int64_t *x, int64_t n, int64_t *mn, int64_t *mx) {
  int64_t i, lo = x[0], hi = x[0];
  for (i = 1; i < n; i++) {
    int64_t v = x[i];
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  *mn = lo; *mx = hi;
}

#define BC_TABLES 4

/* out[v] += 1 for each v = x[i] (all in range of out) */
void lpy_bincount(const int64_t *x, int64_t n, int64_t *out) {
  int64_t i;
  for (i = 0; i < n; i++) out[x[i]]++;
}

/* One pass for small values: BC_TABLES interleaved tables of 32-bit counts
   (so that repeated values do not wait on each other's increments), the
   range checked on the way. */
int64_t lpy_bincount_small(const int64_t *x, int64_t n, int64_t *counts) {
  const size_t tb = (size_t)BC_TABLES * LPY_BINCOUNT_CAP * sizeof(uint32_t);
  const int64_t cap = LPY_BINCOUNT_CAP;
  uint32_t *t, *t1, *t2, *t3;
  uint64_t out = 0;
  int64_t i, k, mx = -1;
  if (n > (int64_t)UINT32_MAX || (t = lpy_alloc(tb, 1)) == NULL) return -3;
  t1 = t + cap; t2 = t1 + cap; t3 = t2 + cap;
  for (i = 0; i + 4 <= n; i += 4) {
    uint64_t a = (uint64_t)x[i], b = (uint64_t)x[i + 1],
             c = (uint64_t)x[i + 2], d = (uint64_t)x[i + 3];
    out |= (a | b | c | d) >= (uint64_t)cap;
    t[a & (cap - 1)]++; t1[b & (cap - 1)]++;
    t2[c & (cap - 1)]++; t3[d & (cap - 1)]++;
  }
  for (; i < n; i++) {
    uint64_t a = (uint64_t)x[i];
    out |= a >= (uint64_t)cap;
    t[a & (cap - 1)]++;
  }
  if (!out)
    for (k = 0; k < cap; k++) {
      counts[k] = (int64_t)t[k] + t1[k] + t2[k] + t3[k];
      if (counts[k]) mx = k;
    }
  lpy_free(t, tb);
  return out ? -2 : mx;
}
