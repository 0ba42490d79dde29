/*
** stats.c - Lua binding of the statistics core: median, nanmedian,
** quantile, nanquantile, percentile, nanpercentile, bincount, digitize,
** correlate, convolve, and the primitives lumpy/stats.lua builds on
** (the internal stats table: histogram counting, gradient).
*/
#include <math.h>
#include <string.h>
#include "lbind.h"
#include "../core/stats.h"

/* ------------------------------------------------------------ axes */
/* Push a C-contiguous copy of a in dtype t with the kept axes first and
   the reduced ones last (each group in order); *nlines and *n are the
   sizes of the two groups. */
static lpy_array *push_lines(lua_State *L, lpy_array *a, const unsigned char *red,
                             lpy_dtype t, int64_t *nlines, int64_t *n,
                             const char *fn) {
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  int i, k = 0;
  lpy_array_space v;
  lpy_array *w;
  lpy_err e;
  *nlines = 1; *n = 1;
  for (i = 0; i < a->ndim; i++)
    if (!red[i]) { shape[k] = a->shape[i]; strides[k++] = a->strides[i]; *nlines *= a->shape[i]; }
  for (i = 0; i < a->ndim; i++)
    if (red[i]) { shape[k] = a->shape[i]; strides[k++] = a->strides[i]; *n *= a->shape[i]; }
  lpy_array_init(&v.a, a->dtype, a->ndim, shape, strides, a->data, NULL);
  w = lb_push_new(L, t, a->ndim, shape, 0, fn);
  if (lpy_array_assign(w, &v.a, &e) != 0) lb_core_error(L, fn, &e);
  return w;
}

/* the result shape: q's dims, then the kept axes (reduced ones as 1 with
   keepdims) */
static int out_shape(const lpy_array *a, const unsigned char *red, int keepdims,
                     const lpy_array *q, int64_t *shape) {
  int i, k = 0;
  if (q) for (i = 0; i < q->ndim; i++) shape[k++] = q->shape[i];
  for (i = 0; i < a->ndim; i++)
    if (!red[i]) shape[k++] = a->shape[i];
    else if (keepdims) shape[k++] = 1;
  return k;
}

static int opt_bool(lua_State *L, int opts, const char *k) {
  int r;
  lb_optfield(L, opts, k);
  r = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return r;
}

/* ------------------------------------------------ median and quantiles */
static const char *const median_opts[] = {"keepdims", "overwrite_input", NULL};
static const char *const quantile_opts[] = {"keepdims", "overwrite_input",
                                            "method", NULL};

static int median_impl(lua_State *L, int skipnan, const char *fn) {
  int opts = lb_opts(L, 2), given, keepdims, ndim;
  unsigned char red[LPY_MAXDIMS];
  int64_t nlines, n, shape[LPY_MAXDIMS];
  lpy_array *a, *w, *r;
  lpy_err e;
  lb_checkopts(L, opts, fn, median_opts);
  opts = lb_maxargs(L, opts, 2, "the array and an axis", fn);
  keepdims = opts ? opt_bool(L, opts, "keepdims") : 0;
  a = lb_toarray(L, 1, -1, fn);
  given = lb_read_axes(L, opts == 2 ? 0 : 2, a->ndim, red, fn);
  w = push_lines(L, a, red, a->dtype, &nlines, &n, fn);
  ndim = out_shape(a, red, keepdims, NULL, shape);
  r = lb_push_new(L, lpy_median_type(a->dtype), ndim, shape, 0, fn);
  if (lpy_median_lines(a->dtype, w->data, nlines, n, skipnan, r->data, &e))
    lb_core_error(L, fn, &e);
  if (!given && !keepdims) lb_push_elem(L, r->dtype, r->data);
  return 1;
}

static int l_median(lua_State *L) { return median_impl(L, 0, "median"); }
static int l_nanmedian(lua_State *L) { return median_impl(L, 1, "nanmedian"); }

/* q at idx as float64 values (divided by 100 for percentiles) */
static lpy_array *read_q(lua_State *L, int idx, int percent, int *qdims,
                         const char *fn) {
  lpy_array *q = lb_toarray(L, idx, -1, fn), *c;
  lpy_err e;
  int64_t i;
  if (lpy_iscomplex(q->dtype)) lb_error(L, fn, "q must be real");
  if (q->ndim > 2) lb_error(L, fn, "q must be a scalar or 1d");
  *qdims = q->ndim;
  c = lb_push_new(L, LPY_FLOAT64, q->ndim, q->shape, 0, fn);
  if (lpy_array_assign(c, q, &e) != 0) lb_core_error(L, fn, &e);
  for (i = 0; i < c->size; i++) {
    double *v = (double *)c->data + i;
    if (percent) *v = *v / 100;
    if (!(*v >= 0.0 && *v <= 1.0))
      lb_error(L, fn, percent ? "Percentiles must be in the range [0, 100]"
                              : "Quantiles must be in the range [0, 1]");
  }
  return c;
}

static int quantile_impl(lua_State *L, int percent, int skipnan,
                         const char *fn) {
  int opts = lb_opts(L, 3), given, keepdims, qdims, ndim;
  unsigned char red[LPY_MAXDIMS];
  int method = LPY_Q_LINEAR, kept = 0, i;
  int64_t nlines, n, shape[LPY_MAXDIMS];
  lpy_array *a, *q, *w, *r;
  lpy_dtype ot, rt;
  lpy_err e;
  lb_checkopts(L, opts, fn, quantile_opts);
  opts = lb_maxargs(L, opts, 3, "the array, q and an axis", fn);
  keepdims = opts ? opt_bool(L, opts, "keepdims") : 0;
  if (opts) {
    lb_optfield(L, opts, "method");
    if (!lua_isnil(L, -1)) {
      const char *m = lua_tostring(L, -1);
      method = m ? lpy_quantile_method(m) : -1;
      if (method < 0)
        lb_error(L, fn, "'%s' is not a valid method. Use one of: inverted_cdf, "
                 "averaged_inverted_cdf, closest_observation, "
                 "interpolated_inverted_cdf, hazen, weibull, linear, "
                 "median_unbiased, normal_unbiased, lower, higher, midpoint, "
                 "nearest", m ? m : luaL_typename(L, -1));
    }
    lua_pop(L, 1);
  }
  a = lb_toarray(L, 1, -1, fn);
  if (lua_isnoneornil(L, 2) || opts == 2) lb_error(L, fn, "missing argument q");
  q = read_q(L, 2, percent, &qdims, fn);
  given = lb_read_axes(L, opts == 3 ? 0 : 3, a->ndim, red, fn);
  if (a->dtype == LPY_BOOL && !lpy_quantile_discrete(method))
    lb_error(L, fn, "numpy boolean subtract, the `-` operator, is not supported "
             "(method '%s' interpolates)", lpy_quantile_method_name(method));
  w = push_lines(L, a, red, a->dtype, &nlines, &n, fn);
  if (a->ndim + q->ndim > LPY_MAXDIMS) lb_error(L, fn, "too many dimensions");
  ndim = out_shape(a, red, keepdims, q, shape);
  ot = lpy_quantile_type(a->dtype, method);
  for (i = 0; i < a->ndim; i++) kept += !red[i];
  /* the result dtype (rt) as NumPy gives it. A complex64 line with a
     scalar q is computed on scalars and stays complex64: the whole array
     when every axis is reduced; each line in the nan forms, which go line
     by line and give the result the first line's dtype. That is the
     input's own when the first line is all nan (or there is none) */
  rt = ot;
  if (a->dtype == LPY_COMPLEX64 && !qdims && (!kept || skipnan)) rt = LPY_COMPLEX64;
  if (skipnan && lpy_isinexact(a->dtype) &&
      (nlines == 0 || lpy_all_nan(a->dtype, w->data, n)))
    rt = a->dtype;
  r = lb_push_new(L, ot, ndim, shape, 0, fn);
  if (lpy_quantile_lines(a->dtype, w->data, nlines, n, (double *)q->data,
                         q->size, method, skipnan, r->data, &e))
    lb_core_error(L, fn, &e);
  if (rt != ot) {
    lpy_array *c = lb_push_new(L, rt, ndim, shape, 0, fn);
    if (lpy_array_assign(c, r, &e) != 0) lb_core_error(L, fn, &e);
    r = c;
  }
  if (!given && !keepdims && !qdims) lb_push_elem(L, r->dtype, r->data);
  return 1;
}

static int l_quantile(lua_State *L) { return quantile_impl(L, 0, 0, "quantile"); }
static int l_nanquantile(lua_State *L) { return quantile_impl(L, 0, 1, "nanquantile"); }
static int l_percentile(lua_State *L) { return quantile_impl(L, 1, 0, "percentile"); }
static int l_nanpercentile(lua_State *L) { return quantile_impl(L, 1, 1, "nanpercentile"); }

/* ------------------------------------------------ bincount, digitize */
static const char *const bincount_opts[] = {"weights", "minlength", NULL};

/* np.bincount(x [, weights [, minlength]] | {weights=, minlength=}) */
static int l_bincount(lua_State *L) {
  const char *fn = "bincount";
  int opts = lb_opts(L, 2), widx = 2, midx = 3;
  lpy_array *x, *xi, *w = NULL, *r;
  int64_t i, mx = -1, minlength = 0, len;
  lb_checkopts(L, opts, fn, bincount_opts);
  if (!opts) lua_settop(L, 3);
  if (opts) {
    lua_settop(L, opts);
    lb_optfield(L, opts, "weights");
    lb_optfield(L, opts, "minlength");
    widx = opts + 1; midx = opts + 2;
  }
  if (!lua_isnoneornil(L, midx)) {
    minlength = lb_checkinteger(L, midx, fn);
    if (minlength < 0) lb_error(L, fn, "'minlength' must not be negative");
  }
  x = lb_toarray(L, 1, -1, fn);
  if (x->ndim != 1)
    lb_error(L, fn, x->ndim == 0 ? "object of too small depth for desired array"
                                 : "object too deep for desired array");
  if (!(lpy_isint(x->dtype) || x->dtype == LPY_BOOL) || x->dtype == LPY_UINT64) {
    if (x->size == 0 && lua_type(L, 1) == LUA_TTABLE && !lb_test(L, 1)) {
      /* np.bincount([]): an empty list is accepted */
    } else
      lb_error(L, fn, "Cannot cast array data from dtype('%s') to dtype('int64') "
               "according to the rule 'safe'", lpy_dtypes[x->dtype].name);
  }
  xi = lb_contig(L, x, LPY_INT64, fn);
  if (lua_isnoneornil(L, widx) && xi->size >= 4 * LPY_BINCOUNT_CAP) {
    /* small values counted in one pass; else the range first */
    int64_t cap = LPY_BINCOUNT_CAP;
    lpy_array *c = lb_push_new(L, LPY_INT64, 1, &cap, 0, fn);
    mx = lpy_bincount_small((const int64_t *)xi->data, xi->size,
                            (int64_t *)c->data);
    if (mx >= -1) {
      len = mx + 1 > minlength ? mx + 1 : minlength;
      if (len > ((int64_t)1 << 40)) lb_error(L, fn, "maximum value too large");
      r = lb_push_new(L, LPY_INT64, 1, &len, 1, fn);
      memcpy(r->data, c->data, (size_t)(mx + 1) * sizeof(int64_t));
      return 1;
    }
    mx = -1;
  }
  if (xi->size > 0) {
    int64_t mn;
    lpy_minmax_i64((const int64_t *)xi->data, xi->size, &mn, &mx);
    if (mn < 0) lb_error(L, fn, "'list' argument must have no negative elements");
  }
  if (!lua_isnoneornil(L, widx)) {
    lpy_array *wa = lb_toarray(L, widx, -1, fn);
    if (lpy_iscomplex(wa->dtype))
      lb_error(L, fn, "Cannot cast array data from dtype('%s') to dtype('float64') "
               "according to the rule 'safe'", lpy_dtypes[wa->dtype].name);
    if (wa->ndim != 1 || wa->size != xi->size)
      lb_error(L, fn, "The weights and list don't have the same length.");
    w = lb_contig(L, wa, LPY_FLOAT64, fn);
  }
  if (mx >= ((int64_t)1 << 40)) lb_error(L, fn, "maximum value too large");
  len = mx + 1 > minlength ? mx + 1 : minlength;
  if (len > ((int64_t)1 << 40)) lb_error(L, fn, "maximum value too large");
  r = lb_push_new(L, w ? LPY_FLOAT64 : LPY_INT64, 1, &len, 1, fn);
  {
    const int64_t *xv = (const int64_t *)xi->data;
    if (w) {
      const double *wv = (const double *)w->data;
      double *o = (double *)r->data;
      for (i = 0; i < xi->size; i++) o[xv[i]] += wv[i];
    } else lpy_bincount(xv, xi->size, (int64_t *)r->data);
  }
  return 1;
}

/* np.digitize(x, bins [, right]): NumPy's index + 1, in 1..#bins+1 */
static int l_digitize(lua_State *L) {
  const char *fn = "digitize";
  int opts = lb_opts(L, 3), right;
  lpy_array *x, *b, *xd, *bd, *r;
  int64_t i;
  if (opts) {
    static const char *const ok[] = {"right", NULL};
    lb_checkopts(L, opts, fn, ok);
    right = opt_bool(L, opts, "right");
  } else right = lua_toboolean(L, 3);
  lua_settop(L, 3);
  x = lb_toarray(L, 1, -1, fn);
  b = lb_toarray(L, 2, -1, fn);
  if (lpy_iscomplex(x->dtype)) lb_error(L, fn, "x may not be complex");
  if (lpy_iscomplex(b->dtype)) lb_error(L, fn, "bins may not be complex");
  if (b->ndim != 1) lb_error(L, fn, "bins must be one-dimensional");
  xd = lb_contig(L, x, LPY_FLOAT64, fn);
  bd = lb_contig(L, b, LPY_FLOAT64, fn);
  if (lpy_monotonic((double *)bd->data, bd->size) == 0)
    lb_error(L, fn, "bins must be monotonically increasing or decreasing");
  r = lb_push_new(L, LPY_INT64, x->ndim, x->shape, 0, fn);
  lpy_digitize((double *)xd->data, xd->size, (double *)bd->data, bd->size,
               right, (int64_t *)r->data);
  for (i = 0; i < r->size; i++) ((int64_t *)r->data)[i]++;
  if (x->ndim == 0) lb_push_elem(L, LPY_INT64, r->data);
  return 1;
}

/* ------------------------------------------------ correlate, convolve */
static int read_mode(lua_State *L, int idx, int def, const char *fn) {
  static const char *const names[] = {"valid", "same", "full"};
  int i;
  if (lua_isnoneornil(L, idx)) return def;
  if (lua_type(L, idx) == LUA_TNUMBER) {
    lua_Integer m = lua_tointeger(L, idx);
    if (m >= 0 && m <= 2) return (int)m;
  } else if (lua_type(L, idx) == LUA_TSTRING) {
    const char *s = lua_tostring(L, idx);
    for (i = 0; i < 3; i++) if (strcmp(s, names[i]) == 0) return i;
    lb_error(L, fn, "mode must be one of 'valid', 'same', or 'full' (got '%s')", s);
  }
  return lb_error(L, fn, "mode must be one of 'valid', 'same', or 'full'");
}

static int corr_impl(lua_State *L, int convolve, const char *fn) {
  int opts = lb_opts(L, 3), mode, midx = 3;
  lpy_array *a, *v, *ac, *vc, *r;
  int64_t k0, len;
  lpy_dtype t;
  lpy_err e;
  if (opts) {
    static const char *const ok[] = {"mode", NULL};
    lb_checkopts(L, opts, fn, ok);
    lua_settop(L, opts);
    lb_optfield(L, opts, "mode");
    midx = opts + 1;
  }
  else lua_settop(L, 3);
  mode = read_mode(L, midx, convolve ? LPY_MODE_FULL : LPY_MODE_VALID, fn);
  a = lb_toarray(L, 1, -1, fn);
  v = lb_toarray(L, 2, -1, fn);
  if (a->ndim > 1 || v->ndim > 1) lb_error(L, fn, "object too deep for desired array");
  if (convolve && v->size > a->size) {       /* NumPy swaps the operands */
    lpy_array *tmp = a; a = v; v = tmp;
  }
  if (a->size == 0) lb_error(L, fn, "a cannot be empty");
  if (v->size == 0) lb_error(L, fn, "v cannot be empty");
  t = lpy_promote(a->dtype, v->dtype);
  {
    int64_t sa = a->size, sv = v->size, st;
    ac = lb_push_new(L, t, 1, &sa, 0, fn);
    if (lpy_array_assign(ac, a->ndim ? a : a, &e) != 0) lb_core_error(L, fn, &e);
    vc = lb_push_new(L, t, 1, &sv, 0, fn);
    if (convolve) {                          /* correlate with v reversed */
      lpy_array_space rv;
      int64_t sh = sv;
      st = v->ndim ? -v->strides[0] : 0;
      lpy_array_init(&rv.a, v->dtype, 1, &sh, &st,
                     v->data + (v->ndim ? (sv - 1) * v->strides[0] : 0), NULL);
      if (lpy_array_assign(vc, &rv.a, &e) != 0) lb_core_error(L, fn, &e);
    } else if (lpy_array_assign(vc, v, &e) != 0) lb_core_error(L, fn, &e);
  }
  len = lpy_correlate_len(a->size, v->size, mode, &k0);
  r = lb_push_new(L, t, 1, &len, 0, fn);
  lpy_correlate(t, ac->data, ac->size, vc->data, vc->size, mode,
                !convolve && lpy_iscomplex(t), r->data);
  return 1;
}

static int l_correlate(lua_State *L) { return corr_impl(L, 0, "correlate"); }
static int l_convolve(lua_State *L) { return corr_impl(L, 1, "convolve"); }

/* ------------------------------------------- primitives for stats.lua */
/* stats.hist_uniform(a, w|nil, edges, first, last, norm) -> counts: a and
   edges of one dtype (float32 / float64), w float64 or nil */
static int p_hist_uniform(lua_State *L) {
  const char *fn = "histogram";
  lpy_array *a = lb_check(L, 1, fn), *w = lua_isnil(L, 2) ? NULL : lb_check(L, 2, fn);
  lpy_array *ed = lb_check(L, 3, fn), *r;
  double first = lb_checknumber(L, 4, fn), last = lb_checknumber(L, 5, fn),
         norm = lb_checknumber(L, 6, fn);
  int64_t nb = ed->size - 1;
  if (a->dtype != ed->dtype || !(a->dtype == LPY_FLOAT32 || a->dtype == LPY_FLOAT64) ||
      !lpy_is_contig_aligned(a) || !lpy_is_contig_aligned(ed) || nb < 1 ||
      (w && (w->dtype != LPY_FLOAT64 || w->size != a->size || !lpy_is_contig_aligned(w))))
    lb_error(L, fn, "internal: bad arguments to hist_uniform");
  r = lb_push_new(L, w ? LPY_FLOAT64 : LPY_INT64, 1, &nb, 1, fn);
  lpy_hist_uniform(a->dtype, a->data, a->size, w ? (double *)w->data : NULL,
                   ed->data, nb, first, last, norm,
                   w ? NULL : (int64_t *)r->data, w ? (double *)r->data : NULL);
  return 1;
}

/* stats.hist_edges(a, w|nil, edges) -> counts (float64 arrays) */
static int p_hist_edges(lua_State *L) {
  const char *fn = "histogram";
  lpy_array *a = lb_check(L, 1, fn), *w = lua_isnil(L, 2) ? NULL : lb_check(L, 2, fn);
  lpy_array *ed = lb_check(L, 3, fn), *r;
  int64_t nb = ed->size - 1;
  if (a->dtype != LPY_FLOAT64 || ed->dtype != LPY_FLOAT64 || nb < 1 ||
      !lpy_is_contig_aligned(a) || !lpy_is_contig_aligned(ed) ||
      (w && (w->dtype != LPY_FLOAT64 || w->size != a->size || !lpy_is_contig_aligned(w))))
    lb_error(L, fn, "internal: bad arguments to hist_edges");
  r = lb_push_new(L, w ? LPY_FLOAT64 : LPY_INT64, 1, &nb, 1, fn);
  if (lpy_hist_edges((double *)a->data, a->size, w ? (double *)w->data : NULL,
                     (double *)ed->data, nb, w ? NULL : (int64_t *)r->data,
                     w ? (double *)r->data : NULL))
    lb_error(L, fn, "out of memory");
  return 1;
}

/* stats.hist2d(x, y, w|nil, xedges, yedges) -> float64 counts */
static int p_hist2d(lua_State *L) {
  const char *fn = "histogram2d";
  lpy_array *x = lb_check(L, 1, fn), *y = lb_check(L, 2, fn);
  lpy_array *w = lua_isnil(L, 3) ? NULL : lb_check(L, 3, fn);
  lpy_array *xe = lb_check(L, 4, fn), *ye = lb_check(L, 5, fn), *r;
  int64_t shape[2];
  shape[0] = xe->size - 1; shape[1] = ye->size - 1;
  if (x->dtype != LPY_FLOAT64 || y->dtype != LPY_FLOAT64 || xe->dtype != LPY_FLOAT64 ||
      ye->dtype != LPY_FLOAT64 || x->size != y->size || shape[0] < 1 || shape[1] < 1 ||
      !lpy_is_contig_aligned(x) || !lpy_is_contig_aligned(y) ||
      !lpy_is_contig_aligned(xe) || !lpy_is_contig_aligned(ye) ||
      (w && (w->dtype != LPY_FLOAT64 || w->size != x->size || !lpy_is_contig_aligned(w))))
    lb_error(L, fn, "internal: bad arguments to hist2d");
  r = lb_push_new(L, LPY_FLOAT64, 2, shape, 0, fn);
  lpy_hist2d((double *)x->data, (double *)y->data, x->size,
             w ? (double *)w->data : NULL, (double *)xe->data, shape[0],
             (double *)ye->data, shape[1], (double *)r->data);
  return 1;
}

/* a float64 array as (outer, n, inner) around the 0-based axis ax: its
   contiguous data (a pushed copy when a is not C-contiguous and aligned) */
static const double *blocks(lua_State *L, lpy_array *a, int ax,
                            int64_t *outer, int64_t *n, int64_t *inner,
                            const char *fn) {
  int i;
  if (a->dtype != LPY_FLOAT64 || ax < 0 || ax >= a->ndim)
    lb_error(L, fn, "internal: bad arguments");
  a = lb_contig(L, a, LPY_FLOAT64, fn);
  *outer = 1; *inner = 1; *n = a->shape[ax];
  for (i = 0; i < ax; i++) *outer *= a->shape[i];
  for (i = ax + 1; i < a->ndim; i++) *inner *= a->shape[i];
  return (const double *)a->data;
}

/* stats.gradient(f, ax, h, edge_order) -> np.gradient along the 0-based
   axis ax of float64 f with the uniform spacing h (a number) */
static int p_gradient(lua_State *L) {
  const char *fn = "gradient";
  lpy_array *f = lb_check(L, 1, fn), *r;
  int ax = (int)lb_checkinteger(L, 2, fn);
  double h = lb_checknumber(L, 3, fn);
  int order = (int)lb_checkinteger(L, 4, fn);
  int64_t outer, n, inner;
  const double *d;
  lua_settop(L, 4);
  d = blocks(L, f, ax, &outer, &n, &inner, fn);
  if (n < order + 1 || order < 1 || order > 2)
    lb_error(L, fn, "internal: bad arguments");
  r = lb_push_new(L, LPY_FLOAT64, f->ndim, f->shape, 0, fn);
  lpy_gradient_f64(d, outer, n, inner, h, order, (double *)r->data);
  return 1;
}

static const luaL_Reg prims[] = {
  {"hist_uniform", p_hist_uniform}, {"hist_edges", p_hist_edges},
  {"hist2d", p_hist2d}, {"gradient", p_gradient},
  {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"median", l_median}, {"nanmedian", l_nanmedian},
  {"quantile", l_quantile}, {"nanquantile", l_nanquantile},
  {"percentile", l_percentile}, {"nanpercentile", l_nanpercentile},
  {"bincount", l_bincount}, {"digitize", l_digitize},
  {"correlate", l_correlate}, {"convolve", l_convolve},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {NULL, NULL}
};

void lb_open_stats(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
  lb_register_internal(L, modidx, "stats", prims);
}
