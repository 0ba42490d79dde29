/*
** reduce.c - the reduction engine. A reduction walks its input in memory
** order as NumPy's iterator does for reductions (length-1 axes dropped,
** axes sorted by the input's absolute stride, axes contiguous for every
** operand merged; negative strides are kept, NumPy does not flip them). When the inner axis is a reduced one, each inner line is
** reduced by a kernel (NumPy's pairwise order for float sums) and combined
** with its output element; otherwise the line is accumulated elementwise
** into a row of the output, in order. An input of another dtype is cast in
** blocks of 8192 elements, NumPy's buffer size, which fixes the pairwise
** blocks the same way. Also argmin/argmax, cumsum/cumprod and the nan
** replacement behind the nan-functions.
*/
#include <stdlib.h>
#include <string.h>
#include "reduce.h"
#include "simd.h"
#include "ufunc.h"
#include "loopdefs.h"

#define BUFN 8192
#define ABS64(x) ((x) < 0 ? -(x) : (x))

static const char *const ufunc_names[LPY_ROP_COUNT] = {
  "add", "multiply", "minimum", "maximum", "fmin", "fmax", "logical_or",
  "logical_and"
};

const char *lpy_reduce_ufunc_name(int op) { return ufunc_names[op]; }

lpy_dtype lpy_reduce_dtype(int op, lpy_dtype t) {
  if (op == LPY_ROP_ANY || op == LPY_ROP_ALL) return LPY_BOOL;
  if (op == LPY_ROP_SUM || op == LPY_ROP_PROD) {
    switch (t) {
      case LPY_BOOL: case LPY_INT8: case LPY_INT16: case LPY_INT32:
        return LPY_INT64;
      case LPY_UINT8: case LPY_UINT16: case LPY_UINT32: return LPY_UINT64;
      default: return t;
    }
  }
  return t;
}

/* the binary ufunc loop of op for dtype t: the dispatched one, else the
   generic one; NULL when the ufunc has none */
static lpy_loop elem_loop(int op, lpy_dtype t) {
  int vec;
  lpy_loop f = lpy_simd_loop(ufunc_names[op], t, &vec);
  if (!f) {
    const lpy_ufunc *u = lpy_ufunc_find(ufunc_names[op]);
    f = u ? u->loops[t] : NULL;
  }
  return f;
}

/* ------------------------------------------------------- complex sums */
/* NumPy's pairwise sum of complex numbers: its float version run over the
   interleaved parts, so blocks are four numbers (eight parts) wide */
#define CPAIRWISE(N, T, R)                                                  \
  static void N##_cpairwise(const char *p, int64_t n, int64_t s, R *rr,     \
                            R *ri) {                                        \
    int64_t i, j;                                                           \
    if (n < 4) {                                                            \
      R a = 0, b = 0;                                                       \
      for (i = 0; i < n; i++) {                                             \
        a += ((const T *)(p + i * s))->re;                                  \
        b += ((const T *)(p + i * s))->im;                                  \
      }                                                                     \
      *rr = a; *ri = b;                                                     \
    } else if (n <= 64) {                                                   \
      R r[8], a, b;                                                         \
      int64_t m = n - n % 4;                                                \
      for (j = 0; j < 4; j++) {                                             \
        r[2 * j] = ((const T *)(p + j * s))->re;                            \
        r[2 * j + 1] = ((const T *)(p + j * s))->im;                        \
      }                                                                     \
      for (i = 4; i < m; i += 4)                                            \
        for (j = 0; j < 4; j++) {                                           \
          r[2 * j] += ((const T *)(p + (i + j) * s))->re;                   \
          r[2 * j + 1] += ((const T *)(p + (i + j) * s))->im;               \
        }                                                                   \
      a = (r[0] + r[2]) + (r[4] + r[6]);                                    \
      b = (r[1] + r[3]) + (r[5] + r[7]);                                    \
      for (i = m; i < n; i++) {                                             \
        a += ((const T *)(p + i * s))->re;                                  \
        b += ((const T *)(p + i * s))->im;                                  \
      }                                                                     \
      *rr = a; *ri = b;                                                     \
    } else {                                                                \
      R a1, b1, a2, b2;                                                     \
      int64_t h = (n - n % 8) / 2;                                          \
      N##_cpairwise(p, h, s, &a1, &b1);                                     \
      N##_cpairwise(p + h * s, n - h, s, &a2, &b2);                         \
      *rr = a1 + a2; *ri = b1 + b2;                                         \
    }                                                                       \
  }                                                                         \
  static void sum_##N(const char *p, int64_t n, int64_t s, void *out) {     \
    T *o = (T *)out;                                                        \
    N##_cpairwise(p, n, s, &o->re, &o->im);                                 \
  }
CPAIRWISE(complex64, lpy_c64, float)
CPAIRWISE(complex128, lpy_c128, double)

/* ------------------------------------------------------- reduce */
typedef struct rctx {
  lpy_loop elem;           /* op's binary loop in dtype t */
  lpy_reducefn red;        /* a line to one value, or NULL: elem in order */
  lpy_castfn cast;         /* input dtype -> t, NULL when the same */
  int64_t tsz;
  char *buf;               /* BUFN elements of t when casting */
} rctx;

/* a line into its output: reduced by the kernel in blocks of BUFN (the
   inner loops NumPy's buffered iterator hands out), or accumulated
   elementwise into a row */
static void line_same(rctx *c, char *o, int64_t os, const char *x,
                      int64_t xs, int64_t n) {
  char *args[3];
  int64_t st[3];
  lpy_kctx k = {0};
  if (n <= 0) return;
  args[0] = o; args[1] = o;
  st[0] = st[1] = os;
  if (os == 0 && c->red) {
    union { lpy_c128 z; double d; int64_t i; char b[16]; } v;
    int64_t i, m;
    args[2] = v.b; st[2] = 0;
    for (i = 0; i < n; i += m) {
      m = n - i < BUFN ? n - i : BUFN;
      c->red(x + i * xs, m, xs, &v);
      c->elem(args, 1, st, &k);
    }
  } else {
    args[2] = (char *)x; st[2] = xs;
    c->elem(args, n, st, &k);
  }
}

static void line(rctx *c, char *o, int64_t os, const char *x, int64_t xs,
                 int64_t n) {
  int64_t i, m;
  if (!c->cast) {
    line_same(c, o, os, x, xs, n);
    return;
  }
  for (i = 0; i < n; i += m) {
    m = n - i < BUFN ? n - i : BUFN;
    c->cast(x + i * xs, xs, c->buf, c->tsz, m);
    line_same(c, o + i * os, os, c->buf, c->tsz, m);
  }
}

/* only the runs of true mask elements */
static void line_where(rctx *c, char *o, int64_t os, const char *x,
                       int64_t xs, const char *w, int64_t ws, int64_t n) {
  int64_t i = 0, j;
  while (i < n) {
    while (i < n && !w[i * ws]) i++;
    for (j = i; j < n && w[j * ws]; j++) {}
    if (j > i) line(c, o + i * os, os, x + i * xs, xs, j - i);
    i = j;
  }
}

/* A reduction to one element of an input that is not one strided line:
   NumPy's iterator copies (and casts) it in iteration order into a buffer
   of BUFN elements and reduces each full buffer, so this does too. */
static int gather(rctx *c, char *const *p, int64_t (*sd)[LPY_MAXDIMS],
                  const int64_t *shp, int n, lpy_dtype tin, lpy_err *e) {
  int64_t idx[LPY_MAXDIMS], fill = 0, len, m, xs = sd[1][n - 1];
  lpy_castfn f = c->cast ? c->cast : lpy_cast_fn(tin, tin);
  const char *x = p[1], *q;
  int k;
  if (!c->buf) {
    c->buf = lpy_alloc((size_t)(BUFN * c->tsz), 0);
    if (!c->buf) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  }
  memset(idx, 0, sizeof idx);
  for (;;) {
    for (q = x, len = shp[n - 1]; len > 0; len -= m, q += m * xs) {
      m = BUFN - fill < len ? BUFN - fill : len;
      f(q, xs, c->buf + fill * c->tsz, c->tsz, m);
      fill += m;
      if (fill == BUFN) {
        line_same(c, p[0], 0, c->buf, c->tsz, fill);
        fill = 0;
      }
    }
    for (k = n - 2; k >= 0; k--) {
      x += sd[1][k];
      if (++idx[k] < shp[k]) break;
      x -= sd[1][k] * shp[k];
      idx[k] = 0;
    }
    if (k < 0) break;
  }
  if (fill) line_same(c, p[0], 0, c->buf, c->tsz, fill);
  return 0;
}

static int fill_identity(lpy_array *out, int op, lpy_err *e) {
  unsigned char v = (op == LPY_ROP_PROD || op == LPY_ROP_ALL);
  lpy_array_space s;
  lpy_array_init(&s.a, LPY_BOOL, 0, NULL, NULL, (char *)&v, NULL);
  return lpy_array_assign(out, &s.a, e);
}

int lpy_reduce(int op, lpy_array *in, lpy_array *out,
               const unsigned char *axes, lpy_array *where, int init,
               lpy_err *e) {
  rctx c;
  int nd = in->ndim, n = 0, i, k, st;
  int64_t shp[LPY_MAXDIMS], sd[3][LPY_MAXDIMS], idx[LPY_MAXDIMS];
  char *p[3];
  lpy_dtype t = out->dtype;
  const lpy_simd_table *tb = lpy_simd_table_get();
  if (out->ndim != nd)
    return lpy_err_set(e, LPY_EVALUE, "reduction output has the wrong number of dimensions");
  c.elem = elem_loop(op, t);
  if (!c.elem)
    return lpy_err_set(e, LPY_ETYPE, "the reduction %s is not supported for dtype %s",
                       ufunc_names[op], lpy_dtypes[t].name);
  c.red = NULL;
  if (op == LPY_ROP_SUM && lpy_iscomplex(t))
    c.red = t == LPY_COMPLEX64 ? sum_complex64 : sum_complex128;
  else if (tb) {
    int r = op == LPY_ROP_SUM ? LPY_RED_SUM
          : op == LPY_ROP_MIN ? LPY_RED_MIN
          : op == LPY_ROP_MAX ? LPY_RED_MAX
          : op == LPY_ROP_FMIN && !lpy_isinexact(t) ? LPY_RED_MIN
          : op == LPY_ROP_FMAX && !lpy_isinexact(t) ? LPY_RED_MAX : -1;
    if (r >= 0) c.red = tb->reduce[r][t];
    if (r == LPY_RED_SUM && t == LPY_UINT64)   /* the same bits as int64's */
      c.red = tb->reduce[r][LPY_INT64];
  }
  /* another dtype, or elements not aligned for their type: through a
     buffer (the kernels read aligned elements only) */
  c.cast = in->dtype == t && (in->flags & LPY_ALIGNED) ? NULL
         : lpy_cast_fn(in->dtype, t);
  c.tsz = lpy_itemsize(t);
  c.buf = NULL;
  /* the output's starting values */
  if (init == LPY_RINIT_IDENTITY) {
    if ((st = fill_identity(out, op, e)) != 0) return st;
  } else if (init == LPY_RINIT_FIRST && out->size > 0) {
    lpy_array_space v;
    if (in->size == 0)
      return lpy_err_set(e, LPY_EVALUE,
                         "zero-size array to reduction operation %s which has no identity",
                         ufunc_names[op]);
    lpy_array_init(&v.a, in->dtype, nd, out->shape, in->strides, in->data, NULL);
    if ((st = lpy_array_assign(out, &v.a, e)) != 0) return st;
  }
  if (in->size == 0 || out->size == 0) return 0;
  /* the walk: drop length-1 axes, flip negative input strides, sort by
     input stride (outermost first), merge */
  p[0] = out->data; p[1] = in->data; p[2] = where ? where->data : NULL;
  for (k = 0; k < nd; k++) {
    if (in->shape[k] == 1) continue;
    shp[n] = in->shape[k];
    sd[0][n] = axes[k] ? 0 : out->strides[k];
    sd[1][n] = in->strides[k];
    sd[2][n] = where ? where->strides[k] : 0;
    n++;
  }
  for (k = 1; k < n; k++) {            /* stable insertion sort */
    int j = k;
    while (j > 0 && ABS64(sd[1][j - 1]) < ABS64(sd[1][j])) {
      int64_t tmp = shp[j]; shp[j] = shp[j - 1]; shp[j - 1] = tmp;
      for (i = 0; i < 3; i++) {
        tmp = sd[i][j]; sd[i][j] = sd[i][j - 1]; sd[i][j - 1] = tmp;
      }
      j--;
    }
  }
  if (n == 0) {
    n = 1; shp[0] = 1;
    sd[0][0] = sd[1][0] = sd[2][0] = 0;
  } else {
    int m = 0;
    for (k = 1; k < n; k++) {
      int ok = 1;
      for (i = 0; i < 3; i++) ok &= sd[i][m] == sd[i][k] * shp[k];
      if (ok) shp[m] *= shp[k];
      else { m++; shp[m] = shp[k]; }
      for (i = 0; i < 3; i++) sd[i][m] = sd[i][k];
    }
    n = m + 1;
  }
  if (c.cast) {
    c.buf = lpy_alloc((size_t)(BUFN * c.tsz), 0);
    if (!c.buf) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  }
  memset(idx, 0, sizeof idx);
  if (!where && n > 1) {
    for (k = 0; k < n && sd[0][k] == 0; k++) {}
    if (k == n) {
      st = gather(&c, p, sd, shp, n, in->dtype, e);
      if (c.buf) lpy_free(c.buf, (size_t)(BUFN * c.tsz));
      return st;
    }
  }
  for (;;) {
    if (where)
      line_where(&c, p[0], sd[0][n - 1], p[1], sd[1][n - 1], p[2],
                 sd[2][n - 1], shp[n - 1]);
    else
      line(&c, p[0], sd[0][n - 1], p[1], sd[1][n - 1], shp[n - 1]);
    for (k = n - 2; k >= 0; k--) {      /* odometer over the outer axes */
      for (i = 0; i < 3; i++) p[i] += sd[i][k];
      if (++idx[k] < shp[k]) break;
      for (i = 0; i < 3; i++) p[i] -= sd[i][k] * shp[k];
      idx[k] = 0;
    }
    if (k < 0) break;
  }
  if (c.buf) lpy_free(c.buf, (size_t)(BUFN * c.tsz));
  return 0;
}

/* ------------------------------------------------------- argmin, argmax */
/* NumPy's rules: the first extreme wins; a nan beats everything, so the
   first nan ends the search. 'better(x, m)' says x replaces m. */
#define ARGFN(NAME, T, BETTER, ISNAN)                                       \
  static int64_t NAME(const char *p, int64_t n, int64_t s) {                \
    T m = *(const T *)p;                                                    \
    int64_t k = 0, i;                                                       \
    if (ISNAN(m)) return 0;                                                 \
    for (i = 1; i < n; i++) {                                               \
      T x = *(const T *)(p + i * s);                                        \
      if (BETTER(x, m)) {                                                   \
        m = x; k = i;                                                       \
        if (ISNAN(m)) break;                                                \
      }                                                                     \
    }                                                                       \
    return k;                                                               \
  }
#define NONAN(x) 0
#define IGT(x, m) ((x) > (m))
#define ILT(x, m) ((x) < (m))
#define FGT(x, m) (!((x) <= (m)))
#define FLT(x, m) (!((x) >= (m)))
#define CGT_(x, m) ((x).re > (m).re || ((x).re == (m).re && (x).im > (m).im) || CNAN(x))
#define CLT_(x, m) ((x).re < (m).re || ((x).re == (m).re && (x).im < (m).im) || CNAN(x))
#define ARG_INT(N, T, U, UW, BITS, SIGNED)                                  \
  ARGFN(argmax_##N, T, IGT, NONAN) ARGFN(argmin_##N, T, ILT, NONAN)
INT_TYPES(ARG_INT)
ARGFN(argmax_bool, uint8_t, IGT, NONAN)
ARGFN(argmin_bool, uint8_t, ILT, NONAN)
ARGFN(argmax_float32, float, FGT, isnan)
ARGFN(argmin_float32, float, FLT, isnan)
ARGFN(argmax_float64, double, FGT, isnan)
ARGFN(argmin_float64, double, FLT, isnan)
ARGFN(argmax_complex64, lpy_c64, CGT_, CNAN)
ARGFN(argmin_complex64, lpy_c64, CLT_, CNAN)
ARGFN(argmax_complex128, lpy_c128, CGT_, CNAN)
ARGFN(argmin_complex128, lpy_c128, CLT_, CNAN)

typedef int64_t (*argfn)(const char *p, int64_t n, int64_t s);
#define ARGROW(N) {argmin_##N, argmax_##N}
static const argfn argfns[LPY_NTYPES][2] = {
  ARGROW(bool), ARGROW(int8), ARGROW(int16), ARGROW(int32), ARGROW(int64),
  ARGROW(uint8), ARGROW(uint16), ARGROW(uint32), ARGROW(uint64),
  ARGROW(float32), ARGROW(float64), ARGROW(complex64), ARGROW(complex128)
};

/* contiguous lines: the dispatched min/max kernel finds each block's
   extreme; only the block that holds the first overall extreme (or the
   first nan) is searched element by element */
#define ARGBLOCKED(N, T, ISNAN)                                             \
  static int64_t argblk_##N(lpy_reducefn red, argfn f, int max,             \
                            const char *p, int64_t n, int64_t blk) {        \
    int64_t b, best = 0, len, blen = n < blk ? n : blk;                     \
    T bm = 0, v;                                                            \
    for (b = 0; b < n; b += blk) {                                          \
      len = n - b < blk ? n - b : blk;                                      \
      red(p + b * (int64_t)sizeof(T), len, sizeof(T), &v);                  \
      if (ISNAN(v))                                                         \
        return b + f(p + b * (int64_t)sizeof(T), len, sizeof(T));           \
      if (b == 0 || (max ? v > bm : v < bm)) {                              \
        bm = v; best = b; blen = len;                                       \
      }                                                                     \
    }                                                                       \
    {  /* the first element equal to the extreme: NumPy's first occurrence */ \
      const T *q = (const T *)p + best;                                     \
      for (b = 0; b < blen - 1 && q[b] != bm; b++) {}                       \
      (void)f;                                                              \
      return best + b;                                                      \
    }                                                                       \
  }
ARGBLOCKED(float32, float, isnan)
ARGBLOCKED(float64, double, isnan)
ARGBLOCKED(int32, int32_t, NONAN)
ARGBLOCKED(int64, int64_t, NONAN)

static int64_t arg_line(lpy_dtype t, int max, const char *p, int64_t n,
                        int64_t s) {
  const lpy_simd_table *tb = lpy_simd_table_get();
  argfn f = argfns[t][max];
  lpy_reducefn red = tb ? tb->reduce[max ? LPY_RED_MAX : LPY_RED_MIN][t] : NULL;
  /* short blocks keep the final search short; long ones the calls few */
  int64_t blk = n >= 1 << 20 ? 16384 : n >= 65536 ? 2048 : 256;
  if (red && n >= 512 && s == lpy_itemsize(t)) {
    switch (t) {
      case LPY_FLOAT32: return argblk_float32(red, f, max, p, n, blk);
      case LPY_FLOAT64: return argblk_float64(red, f, max, p, n, blk);
      case LPY_INT32: return argblk_int32(red, f, max, p, n, blk);
      case LPY_INT64: return argblk_int64(red, f, max, p, n, blk);
      default: break;
    }
  }
  return f(p, n, s);
}

int lpy_argreduce(int max, lpy_array *in, int axis, lpy_array *out,
                  lpy_err *e) {
  int nd = in->ndim, k, m = 0, st;
  int64_t shp[LPY_MAXDIMS], sd[LPY_MAXDIMS], idx[LPY_MAXDIMS], len, s, j;
  int64_t *o = (int64_t *)out->data;
  char *p;
  lpy_array *tmp = NULL;
  const char *what = max ? "argmax" : "argmin";
  if (axis < 0 ? in->size == 0 : out->size > 0 && in->shape[axis] == 0)
    return lpy_err_set(e, LPY_EVALUE, "attempt to get %s of an empty sequence", what);
  if (axis < 0 ? !lpy_is_contig_aligned(in)
               : !(in->flags & LPY_ALIGNED) && out->size > 0) {
    /* one contiguous run, or aligned elements for the typed loops */
    tmp = lpy_array_new(in->dtype, nd, in->shape, 0, e);
    if (!tmp) return e->code;
    if ((st = lpy_array_assign(tmp, in, e)) != 0) {
      lpy_array_free(tmp);
      return st;
    }
    in = tmp;
  }
  if (axis < 0) {
    o[0] = arg_line(in->dtype, max, in->data, in->size, lpy_itemsize(in->dtype));
    lpy_array_free(tmp);
    return 0;
  }
  len = in->shape[axis];
  s = in->strides[axis];
  if (out->size == 0) return 0;
  for (k = 0; k < nd; k++)
    if (k != axis) { shp[m] = in->shape[k]; sd[m] = in->strides[k]; m++; }
  memset(idx, 0, sizeof idx);
  p = in->data;
  for (j = 0; j < out->size; j++) {
    o[j] = arg_line(in->dtype, max, p, len, s);
    for (k = m - 1; k >= 0; k--) {
      p += sd[k];
      if (++idx[k] < shp[k]) break;
      p -= sd[k] * shp[k];
      idx[k] = 0;
    }
  }
  lpy_array_free(tmp);
  return 0;
}

/* ------------------------------------------------------- cumsum, cumprod */
COMPLEX_TYPES(COMPLEX_HELPERS)
/* o[j] = prev[j] OP o[j] for j < n, in order (prev may be o - 1 element) */
#define ACCFN(NAME, T, EXPR)                                                \
  static void NAME(char *o, const char *prev, int64_t n, int64_t s) {       \
    int64_t j;                                                              \
    for (j = 0; j < n; j++) {                                               \
      T a = *(const T *)(prev + j * s), b = *(T *)(o + j * s);              \
      *(T *)(o + j * s) = (EXPR);                                           \
    }                                                                       \
  }
#define ACC_INT(N, T, U, UW, BITS, SIGNED)                                  \
  ACCFN(cumsum_##N, T, N##_add(a, b)) ACCFN(cumprod_##N, T, N##_mul(a, b))
INT_TYPES(ACC_INT)
ACCFN(cumsum_bool, uint8_t, (uint8_t)(a | b))
ACCFN(cumprod_bool, uint8_t, (uint8_t)(a & b))
ACCFN(cumsum_float32, float, a + b)
ACCFN(cumprod_float32, float, a * b)
ACCFN(cumsum_float64, double, a + b)
ACCFN(cumprod_float64, double, a * b)
#define CADD(a, b) ((__typeof__(a)){(a).re + (b).re, (a).im + (b).im})
ACCFN(cumsum_complex64, lpy_c64, CADD(a, b))
ACCFN(cumprod_complex64, lpy_c64, complex64_mul(a, b))
ACCFN(cumsum_complex128, lpy_c128, CADD(a, b))
ACCFN(cumprod_complex128, lpy_c128, complex128_mul(a, b))

typedef void (*accfn)(char *o, const char *prev, int64_t n, int64_t s);
#define ACCROW(N) {cumsum_##N, cumprod_##N}
static const accfn accfns[LPY_NTYPES][2] = {
  ACCROW(bool), ACCROW(int8), ACCROW(int16), ACCROW(int32), ACCROW(int64),
  ACCROW(uint8), ACCROW(uint16), ACCROW(uint32), ACCROW(uint64),
  ACCROW(float32), ACCROW(float64), ACCROW(complex64), ACCROW(complex128)
};

int lpy_accumulate(int prod, lpy_array *in, int axis, lpy_array *out,
                   lpy_err *e) {
  lpy_array_space v;
  int nd = in->ndim, k, st;
  int64_t outer = 1, len, inner = 1, i, j, sz = lpy_itemsize(out->dtype);
  accfn f = accfns[out->dtype][prod];
  /* out viewed with in's shape receives in, cast */
  lpy_array_init(&v.a, out->dtype, nd, in->shape, NULL, out->data, NULL);
  if ((st = lpy_array_assign(&v.a, in, e)) != 0) return st;
  if (in->size == 0) return 0;
  if (axis < 0) {
    len = in->size;
  } else {
    for (k = 0; k < axis; k++) outer *= in->shape[k];
    for (k = axis + 1; k < nd; k++) inner *= in->shape[k];
    len = in->shape[axis];
  }
  for (i = 0; i < outer; i++) {
    char *base = out->data + i * len * inner * sz;
    if (inner == 1) {
      f(base + sz, base, len - 1, sz);
    } else {
      for (j = 1; j < len; j++)
        f(base + j * inner * sz, base + (j - 1) * inner * sz, inner, sz);
    }
  }
  return 0;
}

/* ------------------------------------------------------- nan replacement */
/* branch-free, so that the float loops vectorize */
#define REPLACE_F(T)                                                        \
  {                                                                         \
    T *x = (T *)a->data, v = (T)val;                                        \
    if (mk)                                                                 \
      for (i = 0; i < n; i++) {                                             \
        int bad = isnan(x[i]);                                              \
        mk[i] = (uint8_t)bad;                                               \
        cnt += bad;                                                         \
        x[i] = bad ? v : x[i];                                              \
      }                                                                     \
    else                                                                    \
      for (i = 0; i < n; i++) {                                             \
        int bad = isnan(x[i]);                                              \
        cnt += bad;                                                         \
        x[i] = bad ? v : x[i];                                              \
      }                                                                     \
  }
#define REPLACE_C(T, R)                                                     \
  {                                                                         \
    T *x = (T *)a->data;                                                    \
    for (i = 0; i < n; i++) {                                               \
      int bad = CNAN(x[i]);                                                 \
      if (bad) { x[i].re = (R)val; x[i].im = 0; cnt++; }                    \
      if (mk) mk[i] = (uint8_t)bad;                                         \
    }                                                                       \
  }

int64_t lpy_replace_nan(lpy_array *a, double val, lpy_array *mask) {
  int64_t i, n = a->size, cnt = 0;
  uint8_t *mk = mask ? (uint8_t *)mask->data : NULL;
  switch (a->dtype) {
    case LPY_FLOAT32: REPLACE_F(float) break;
    case LPY_FLOAT64: REPLACE_F(double) break;
    case LPY_COMPLEX64: REPLACE_C(lpy_c64, float) break;
    case LPY_COMPLEX128: REPLACE_C(lpy_c128, double) break;
    default:
      if (mk) memset(mk, 0, (size_t)n);
      break;
  }
  return cnt;
}
