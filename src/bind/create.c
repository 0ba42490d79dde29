/*
** create.c - array creation: array, asarray, zeros/ones/full/empty and
** their _like forms, arange, linspace, logspace, geomspace, eye, identity,
** diag, diagflat, tri, tril, triu, copy.
*/
#include <math.h>
#include <string.h>
#include "lbind.h"

/* dtype given positionally at idx, or as opts.dtype */
static int get_dtype(lua_State *L, int idx, int opts, int def, const char *fn) {
  if (idx > 0 && !lua_isnoneornil(L, idx) && idx != opts)
    return lb_optdtype(L, idx, def, fn);
  if (opts) {
    int t;
    lb_optfield(L, opts, "dtype");
    t = lb_optdtype(L, -1, def, fn);
    lua_pop(L, 1);
    return t;
  }
  return def;
}

static void fill_scalar(lua_State *L, lpy_array *a, int vidx, const char *fn) {
  lpy_array *v;
  lpy_err e;
  if (lb_assign_scalar(L, a, vidx, fn)) return;
  v = lb_toarray(L, vidx, -1, fn);
  if (lpy_array_assign(a, v, &e) != 0) lb_core_error(L, fn, &e);
  lua_pop(L, 1);
}

/* the array at the top, in Fortran order when asked: a copy if needed */
static void to_order(lua_State *L, int fortran, const char *fn) {
  lpy_array *a = lb_test(L, -1), *r;
  lpy_err e;
  if (!fortran || a->ndim < 2 || (a->flags & LPY_F_CONTIGUOUS)) return;
  r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
  lb_make_fortran(r);
  if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, fn, &e);
  lua_replace(L, -2);
}

/* np.array(obj [, dtype | {dtype=, copy=, order=}]): copy = false (NumPy 2)
   is an error when a copy cannot be avoided */
static int l_array(lua_State *L) {
  static const char *const ok[] = {"dtype", "copy", "order", NULL};
  int opts = lb_opts(L, 2), t = get_dtype(L, 2, opts, -1, "array"), f, copy = 1;
  lpy_array *a = lb_test(L, 1);
  lb_checkopts(L, opts, "array", ok);
  if (lua_isnone(L, 1)) return lb_error(L, "array", "expected an object to convert");
  if (opts && lb_optfield(L, opts, "copy") != LUA_TNIL) copy = lua_toboolean(L, -1);
  f = lb_optorder(L, opts, a, "array");
  if (a) {
    lpy_array *r;
    lpy_err e;
    if (a->flags & LB_CLOSED) return lb_error(L, "array", "array is closed");
    if (!copy) {
      if ((t >= 0 && t != (int)a->dtype) ||
          (f && a->ndim > 1 && !(a->flags & LPY_F_CONTIGUOUS)))
        return lb_error(L, "array", "unable to avoid a copy while creating an array as requested (copy = false)");
      lua_pushvalue(L, 1);
      return 1;
    }
    r = lb_push_new(L, t < 0 ? a->dtype : (lpy_dtype)t, a->ndim, a->shape, 0, "array");
    if (f) lb_make_fortran(r);
    if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, "array", &e);
    return 1;
  }
  if (!copy)
    return lb_error(L, "array", "unable to avoid a copy while creating an array as requested (copy = false)");
  lb_toarray(L, 1, t, "array");
  to_order(L, f, "array");
  return 1;
}

static int l_asarray(lua_State *L) {
  static const char *const ok[] = {"dtype", "order", NULL};
  int opts = lb_opts(L, 2), t = get_dtype(L, 2, opts, -1, "asarray"), f;
  lb_checkopts(L, opts, "asarray", ok);
  if (lua_isnone(L, 1)) return lb_error(L, "asarray", "expected an object to convert");
  f = opts ? lb_optorder(L, opts, NULL, "asarray") : 0;
  lb_toarray(L, 1, t, "asarray");
  to_order(L, f, "asarray");
  return 1;
}

/* the contents by kind: 0 zeros (already), 1 ones, 2 nothing, 3 the
   fill value at index 2 */
static void fill_kind(lua_State *L, lpy_array *a, int kind, const char *fn) {
  if (kind == 1) {
    lua_pushinteger(L, 1);
    fill_scalar(L, a, lua_gettop(L), fn);
    lua_pop(L, 1);
  } else if (kind == 3) {
    fill_scalar(L, a, 2, fn);
  }
}

static int make_filled(lua_State *L, const char *fn, int kind) {
  /* kind: 0 zeros, 1 ones, 2 empty, 3 full */
  int64_t shape[LPY_MAXDIMS];
  static const char *const ok[] = {"dtype", "order", NULL};
  int dtidx = kind == 3 ? 3 : 2, opts = lb_opts(L, dtidx), ndim, t;
  lpy_array *a;
  lb_checkopts(L, opts, fn, ok);
  if (lua_isnone(L, 1)) return lb_error(L, fn, "missing shape");
  ndim = lb_checkshape(L, 1, shape, fn);
  if (kind == 3 && lua_isnone(L, 2)) return lb_error(L, fn, "missing fill value");
  t = get_dtype(L, dtidx, opts, -2, fn);
  if (t == -2) {
    if (kind != 3) t = LPY_FLOAT64;
    else if (lua_type(L, 2) == LUA_TBOOLEAN) t = LPY_BOOL;
    else if (lua_isinteger(L, 2)) t = LPY_INT64;
    else if (lua_type(L, 2) == LUA_TNUMBER) t = LPY_FLOAT64;
    else if (lb_testcomplex(L, 2)) t = LPY_COMPLEX128;
    else t = lb_toarray(L, 2, -1, fn)->dtype;
  }
  a = lb_push_new(L, (lpy_dtype)t, ndim, shape, kind == 0, fn);
  if (lb_optorder(L, opts, NULL, fn)) lb_make_fortran(a);
  fill_kind(L, a, kind, fn);
  return 1;
}

static int l_zeros(lua_State *L) { return make_filled(L, "zeros", 0); }
static int l_ones(lua_State *L) { return make_filled(L, "ones", 1); }
static int l_empty(lua_State *L) { return make_filled(L, "empty", 2); }
static int l_full(lua_State *L) { return make_filled(L, "full", 3); }

static int make_like(lua_State *L, const char *fn, int kind) {
  static const char *const ok[] = {"dtype", "order", "shape", NULL};
  int dtidx = kind == 3 ? 3 : 2, opts = lb_opts(L, dtidx), t, ndim;
  int64_t shape[LPY_MAXDIMS];
  lpy_array *a, *r;
  lb_checkopts(L, opts, fn, ok);
  a = lb_toarray(L, 1, -1, fn);
  lua_replace(L, 1);
  t = get_dtype(L, dtidx, opts, a->dtype, fn);
  ndim = a->ndim;
  memcpy(shape, a->shape, (size_t)ndim * sizeof(int64_t));
  if (opts && lb_optfield(L, opts, "shape") != LUA_TNIL) ndim = lb_checkshape(L, -1, shape, fn);
  if (opts) lua_pop(L, 1);
  if (kind == 3 && lua_isnone(L, 2)) return lb_error(L, fn, "missing fill value");
  r = lb_push_new(L, (lpy_dtype)t, ndim, shape, kind == 0, fn);
  if (ndim == a->ndim && lb_optorder(L, opts, a, fn)) lb_make_fortran(r);
  fill_kind(L, r, kind, fn);
  return 1;
}

static int l_zeros_like(lua_State *L) { return make_like(L, "zeros_like", 0); }
static int l_ones_like(lua_State *L) { return make_like(L, "ones_like", 1); }
static int l_empty_like(lua_State *L) { return make_like(L, "empty_like", 2); }
static int l_full_like(lua_State *L) { return make_like(L, "full_like", 3); }

/* the length of arange with float bounds, NumPy's rule: ceil(delta / step),
   except that a quotient which underflows (or divides by an infinite step)
   to zero while delta is not zero counts 1 for +0 and 0 for -0 */
static int64_t float_length(lua_State *L, double delta, double step) {
  double q = delta / step, len;
  if (q == 0 && delta != 0) return signbit(q) ? 0 : 1;
  len = ceil(q);
  if (isnan(len)) return lb_error(L, "arange", "cannot compute length (nan or inf arguments)");
  if (len > 9.2e18 || len < -9.2e18)
    return lb_error(L, "arange", "maximum allowed size exceeded");
  return len > 0 ? (int64_t)len : 0;
}

/* np.arange([start,] stop [, step] [, dtype]) - values, as NumPy's */
static int l_arange(lua_State *L) {
  static const char *const ok[] = {"dtype", NULL};
  int opts = lb_opts(L, 1), top = opts ? opts - 1 : lua_gettop(L), slot = 0, i;
  int allint = 1, t, given[3] = {0, 0, 0};
  double v[3] = {0, 0, 1};
  lua_Integer iv[3] = {0, 0, 1};
  int dtidx = 0;
  int64_t n, k;              /* k: 64-bit, an arange may pass 2^31 elements */
  lpy_array *a;
  lb_checkopts(L, opts, "arange", ok);
  /* ([start,] stop [, step] [, dtype]); nil stands for a default */
  for (i = 1; i <= top; i++) {
    if (lua_type(L, i) == LUA_TNUMBER && slot < 3) {
      if (!lua_isinteger(L, i)) allint = 0;
      v[slot] = lua_tonumber(L, i);
      iv[slot] = lua_isinteger(L, i) ? lua_tointeger(L, i) : 0;
      given[slot++] = 1;
    } else if (lua_isnil(L, i) && slot < 3) {
      slot++;
    } else if (lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TTABLE) {
      dtidx = i;
      break;
    } else {
      return lb_error(L, "arange", "arguments must be numbers, got %s",
                      luaL_typename(L, i));
    }
  }
  if (!given[0] && !given[1]) return lb_error(L, "arange", "missing stop");
  if (!given[1]) {             /* one bound: it is the stop, from 0 */
    v[1] = v[0]; v[0] = 0; iv[1] = iv[0]; iv[0] = 0;
  } else if (!given[0]) {
    v[0] = 0; iv[0] = 0;
  }
  if (!given[2]) { v[2] = 1; iv[2] = 1; }
  if (v[2] == 0) return lb_error(L, "arange", "step cannot be zero (maximum allowed length exceeded)");
  t = dtidx ? lb_optdtype(L, dtidx, -1, "arange") : get_dtype(L, 0, opts, -1, "arange");
  if (t < 0) t = allint ? LPY_INT64 : LPY_FLOAT64;
  if (allint) {
    /* the count, as ceil((stop - start) / step), without overflowing */
    int64_t span, q;
    if (__builtin_sub_overflow(iv[1], iv[0], &span))
      return lb_error(L, "arange", "maximum allowed size exceeded");
    if ((iv[2] > 0) != (span > 0) || span == 0) {
      n = 0;
    } else {
      q = span / iv[2];            /* same signs: q >= 0, no overflow */
      n = q + (q * iv[2] != span);
    }
  } else {
    n = float_length(L, v[1] - v[0], v[2]);
  }
  /* NumPy has no fill loop for bool: only start and start + step */
  if (t == LPY_BOOL && n > 2)
    return lb_error(L, "arange", "booleans are only supported when the result has at most "
                    "length 2, got length %lld", (long long)n);
  a = lb_push_new(L, (lpy_dtype)t, 1, &n, 0, "arange");
  if (allint && lpy_isint(a->dtype)) {
    for (k = 0; k < n; k++) {
      int64_t x = (int64_t)((uint64_t)iv[0] + (uint64_t)k * (uint64_t)iv[2]);
      lpy_cast_fn(LPY_INT64, a->dtype)((const char *)&x, 0,
                                       a->data + k * a->strides[0], 0, 1);
    }
  } else {
    /* NumPy fills start, start + delta, ... with delta = second - first,
       both computed in the output type */
    lpy_castfn to = lpy_cast_fn(LPY_FLOAT64, a->dtype);
    lpy_castfn back = lpy_cast_fn(a->dtype, LPY_FLOAT64);
    double first = v[0], second = v[0] + v[2], delta;
    char buf[16];
    to((const char *)&first, 0, buf, 0, 1);
    back(buf, 0, (char *)&first, 0, 1);
    to((const char *)&second, 0, buf, 0, 1);
    back(buf, 0, (char *)&second, 0, 1);
    delta = second - first;
    for (k = 0; k < n; k++) {
      double x = k == 0 ? first : k == 1 ? second : first + (double)k * delta;
      to((const char *)&x, 0, a->data + k * a->strides[0], 0, 1);
    }
  }
  return 1;
}

/* compute NumPy's linspace into a float64 buffer */
static double linspace_fill(double *y, int64_t num, double start, double stop,
                            int endpoint) {
  int64_t div = endpoint ? num - 1 : num, i;
  double delta = stop - start, step = div > 0 ? delta / div : NAN;
  for (i = 0; i < num; i++) {
    if (div > 0 && step == 0) y[i] = ((double)i / div) * delta + start;
    else if (div > 0) y[i] = (double)i * step + start;
    else y[i] = (double)i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  return step;
}

static void space_args(lua_State *L, const char *fn, int *opts, double *start,
                       double *stop, int64_t *num, int *endpoint) {
  *opts = lb_opts(L, 3);
  *start = lb_checknumber(L, 1, fn);
  *stop = lb_checknumber(L, 2, fn);
  *num = 50;
  if (!lua_isnoneornil(L, 3) && 3 != *opts) {
    int ok;
    *num = lua_tointegerx(L, 3, &ok);
    if (!ok) lb_error(L, fn, "num must be an integer");
  }
  if (*num < 0) lb_error(L, fn, "Number of samples, %lld, must be non-negative.", (long long)*num);
  *endpoint = 1;
  {
    static const char *const ok[] = {"num", "endpoint", "retstep", "dtype",
                                     "base", NULL};
    lb_checkopts(L, *opts, fn, ok);
  }
  if (*opts) {
    if (lb_optfield(L, *opts, "num") != LUA_TNIL) *num = lb_checkinteger(L, -1, fn);
    if (lb_optfield(L, *opts, "endpoint") != LUA_TNIL) *endpoint = lua_toboolean(L, -1);
    lua_pop(L, 2);
  }
}

/* the float64 samples f cast to the dtype asked for; with floor_ints, an
   integer dtype gets floor(f) (NumPy's linspace rounds toward -inf, logspace
   and geomspace cast, which truncates) */
static lpy_array *finish_space(lua_State *L, lpy_array *f, int opts,
                               int floor_ints, const char *fn) {
  int t;
  int64_t i;
  lpy_array *r;
  lpy_err e;
  t = get_dtype(L, 0, opts, LPY_FLOAT64, fn);
  if (t == LPY_FLOAT64) return f;
  if (floor_ints && lpy_isint((lpy_dtype)t)) {
    double *y = (double *)f->data;
    for (i = 0; i < f->shape[0]; i++) y[i] = floor(y[i]);
  }
  r = lb_push_new(L, (lpy_dtype)t, 1, f->shape, 0, fn);
  if (lpy_array_assign(r, f, &e) != 0) lb_core_error(L, fn, &e);
  lua_replace(L, -2);
  return r;
}

static int l_linspace(lua_State *L) {
  int opts, endpoint, retstep = 0;
  double start, stop, step;
  int64_t num;
  lpy_array *a;
  space_args(L, "linspace", &opts, &start, &stop, &num, &endpoint);
  if (opts) {
    lb_optfield(L, opts, "retstep");
    retstep = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  a = lb_push_new(L, LPY_FLOAT64, 1, &num, 0, "linspace");
  step = linspace_fill((double *)a->data, num, start, stop, endpoint);
  finish_space(L, a, opts, 1, "linspace");
  if (!retstep) return 1;
  lua_pushnumber(L, step);
  return 2;
}

static int l_logspace(lua_State *L) {
  int opts, endpoint;
  double start, stop, base = 10.0;
  int64_t num, i;
  lpy_array *a;
  double *y;
  space_args(L, "logspace", &opts, &start, &stop, &num, &endpoint);
  if (opts) {
    if (lb_optfield(L, opts, "base") != LUA_TNIL) base = lb_checknumber(L, -1, "logspace");
    lua_pop(L, 1);
  }
  a = lb_push_new(L, LPY_FLOAT64, 1, &num, 0, "logspace");
  y = (double *)a->data;
  linspace_fill(y, num, start, stop, endpoint);
  for (i = 0; i < num; i++) y[i] = pow(base, y[i]);
  finish_space(L, a, opts, 0, "logspace");
  return 1;
}

static int l_geomspace(lua_State *L) {
  int opts, endpoint;
  double start, stop, sign = 1;
  int64_t num, i;
  lpy_array *a;
  double *y;
  space_args(L, "geomspace", &opts, &start, &stop, &num, &endpoint);
  if (start == 0 || stop == 0)
    return lb_error(L, "geomspace", "Geometric sequence cannot include zero");
  /* both negative: compute on the positive side; opposite signs give nan
     inside, as NumPy's real geomspace does */
  if (start < 0 && stop < 0) { sign = -1; start = -start; stop = -stop; }
  a = lb_push_new(L, LPY_FLOAT64, 1, &num, 0, "geomspace");
  y = (double *)a->data;
  linspace_fill(y, num, log10(start), log10(stop), endpoint);
  for (i = 0; i < num; i++) y[i] = pow(10.0, y[i]);
  if (num > 0) y[0] = start;
  if (num > 1 && endpoint) y[num - 1] = stop;
  for (i = 0; i < num; i++) y[i] *= sign;
  finish_space(L, a, opts, 0, "geomspace");
  return 1;
}

/* a diagonal offset beyond +-lim selects the same as +-lim: clamping keeps
   the index arithmetic below from overflowing */
static int64_t clamp_k(int64_t k, int64_t lim) {
  return k > lim ? lim : k < -lim ? -lim : k;
}

/* set ones on the k-th diagonal of a 2-d C-contiguous array */
static void set_diag_ones(lpy_array *a, int64_t k) {
  int64_t i, r = a->shape[0], c = a->shape[1];
  lua_Integer one = 1;
  lpy_castfn f = lpy_cast_fn(LPY_INT64, a->dtype);
  /* only the rows the diagonal crosses: i in [max(0, -k), min(r, c - k));
     k lies within +-(r + c), so nothing overflows */
  int64_t lo = k < 0 ? -k : 0, hi = c - k < r ? c - k : r;
  for (i = lo; i < hi; i++)
    f((const char *)&one, 0, a->data + i * a->strides[0] + (i + k) * a->strides[1], 0, 1);
}

/* the (N [, M] [, k] [, dtype] [, opts]) arguments of eye and tri */
static int matrix_args(lua_State *L, int64_t *shape, int64_t *k,
                       const char *fn) {
  static const char *const ok[] = {"M", "k", "dtype", NULL};
  int opts = lb_opts(L, 2), t = LPY_FLOAT64, i, top = lua_gettop(L);
  lb_checkopts(L, opts, fn, ok);
  shape[0] = lb_checkinteger(L, 1, fn);
  shape[1] = shape[0];
  *k = 0;
  for (i = 2; i <= top && i != opts; i++) {
    if (lua_type(L, i) == LUA_TNUMBER) {
      if (i == 2) shape[1] = lb_checkinteger(L, i, fn);
      else if (i == 3) *k = lb_checkinteger(L, i, fn);
    } else if (!lua_isnil(L, i)) {
      t = lb_optdtype(L, i, LPY_FLOAT64, fn);
    }
  }
  if (opts) {
    if (lb_optfield(L, opts, "M") != LUA_TNIL) shape[1] = lb_checkinteger(L, -1, fn);
    if (lb_optfield(L, opts, "k") != LUA_TNIL) *k = lb_checkinteger(L, -1, fn);
    lua_pop(L, 2);
    t = get_dtype(L, 0, opts, t, fn);
  }
  if (shape[0] < 0 || shape[1] < 0)
    lb_error(L, fn, "negative dimensions are not allowed");
  return t;
}

static int l_eye(lua_State *L) {
  int64_t shape[2], k;
  int t = matrix_args(L, shape, &k, "eye");
  /* made first: an accepted shape's dims sum without overflow */
  lpy_array *a = lb_push_new(L, (lpy_dtype)t, 2, shape, 1, "eye");
  k = clamp_k(k, shape[0] + shape[1]);
  set_diag_ones(a, k);
  return 1;
}

static int l_identity(lua_State *L) {
  static const char *const ok[] = {"dtype", NULL};
  int opts = lb_opts(L, 2), t = get_dtype(L, 2, opts, LPY_FLOAT64, "identity");
  lb_checkopts(L, opts, "identity", ok);
  int64_t shape[2];
  lpy_array *a;
  shape[0] = shape[1] = lb_checkinteger(L, 1, "identity");
  a = lb_push_new(L, (lpy_dtype)t, 2, shape, 1, "identity");
  set_diag_ones(a, 0);
  return 1;
}

/* np.diag(v [, k]) */
static int diag_impl(lua_State *L, lpy_array *v, int vidx, int64_t k,
                     const char *fn) {
  lpy_err e;
  if (v->ndim == 1) {
    int64_t n, shape[2];
    if (k > ((int64_t)1 << 40) || k < -((int64_t)1 << 40))
      return lb_error(L, fn, "diagonal offset %lld is too large", (long long)k);
    n = v->shape[0] + (k < 0 ? -k : k);
    shape[0] = shape[1] = n;
    lpy_array_space dg;
    int64_t st, off;
    lpy_array *r = lb_push_new(L, v->dtype, 2, shape, 1, fn);
    st = r->strides[0] + r->strides[1];
    off = k >= 0 ? k * r->strides[1] : -k * r->strides[0];
    lpy_array_init(&dg.a, v->dtype, 1, v->shape, &st, r->data + off, NULL);
    if (lpy_array_assign(&dg.a, v, &e) != 0) lb_core_error(L, fn, &e);
    return 1;
  }
  if (v->ndim == 2) {
    int64_t n, st = v->strides[0] + v->strides[1];
    k = clamp_k(k, v->shape[0] + v->shape[1]);
    char *p = v->data;
    lpy_array *r;
    if (k >= 0) {
      n = v->shape[1] - k < v->shape[0] ? v->shape[1] - k : v->shape[0];
      p += k * v->strides[1];
    } else {
      n = v->shape[0] + k < v->shape[1] ? v->shape[0] + k : v->shape[1];
      p += -k * v->strides[0];
    }
    if (n < 0) n = 0;
    if (n == 0) p = v->data;
    r = lb_push_view(L, vidx, v->dtype, 1, &n, &st, p);
    r->flags &= ~(unsigned)LPY_WRITEABLE;
    return 1;
  }
  return lb_error(L, fn, "Input must be 1- or 2-d.");
}

static int l_diag(lua_State *L) {
  int64_t k = lb_optinteger(L, 2, 0, "diag");
  lpy_array *v = lb_toarray(L, 1, -1, "diag");
  lua_replace(L, 1);
  return diag_impl(L, v, 1, k, "diag");
}

static int l_diagflat(lua_State *L) {
  int64_t k = lb_optinteger(L, 2, 0, "diagflat");
  lpy_array *v = lb_toarray(L, 1, -1, "diagflat"), *flat;
  lpy_err e;
  int64_t n = v->size;
  lua_replace(L, 1);
  flat = lb_push_new(L, v->dtype, 1, &n, 0, "diagflat");
  {
    lpy_array_space src;
    lpy_array_init(&src.a, v->dtype, v->ndim, v->shape, v->strides, v->data, NULL);
    /* copy in C order through a C-shaped view of flat */
    {
      lpy_array_space dst;
      lpy_array_init(&dst.a, v->dtype, v->ndim, v->shape, NULL, flat->data, NULL);
      if (lpy_array_assign(&dst.a, &src.a, &e) != 0) lb_core_error(L, "diagflat", &e);
    }
  }
  return diag_impl(L, flat, lua_gettop(L), k, "diagflat");
}

/* np.tri(N [, M] [, k] [, dtype]) */
static int l_tri(lua_State *L) {
  int64_t shape[2], k, i, j;
  int t = matrix_args(L, shape, &k, "tri");
  lua_Integer one = 1;
  /* made first: an accepted shape's dims sum without overflow */
  lpy_array *a = lb_push_new(L, (lpy_dtype)t, 2, shape, 1, "tri");
  k = clamp_k(k, shape[0] + shape[1]);
  lpy_castfn f = lpy_cast_fn(LPY_INT64, a->dtype);
  for (i = 0; shape[1] > 0 && i < shape[0]; i++)     /* (no rows to walk when empty) */
    for (j = 0; j < shape[1] && j <= i + k; j++)
      f((const char *)&one, 0, a->data + i * a->strides[0] + j * a->strides[1], 0, 1);
  return 1;
}

/* zero the part of the last two axes above (tril) or below (triu) k; a
   1-D input of length n is taken as n equal rows (NumPy broadcasts it) */
static int tri_mask(lua_State *L, int upper, const char *fn) {
  int64_t k = lb_optinteger(L, 2, 0, fn), idx[LPY_MAXDIMS] = {0};
  lpy_array *a = lb_toarray(L, 1, -1, fn), *r;
  lpy_array_space rows;
  lpy_err e;
  int nd;
  int64_t outer = 1, o, i, j;
  lua_replace(L, 1);
  if (a->ndim < 1) return lb_error(L, fn, "input must be at least 1-d");
  if (a->ndim == 1) {
    int64_t shape[2], strides[2];
    shape[0] = shape[1] = a->shape[0];
    strides[0] = 0;
    strides[1] = a->strides[0];
    lpy_array_init(&rows.a, a->dtype, 2, shape, strides, a->data, NULL);
    a = &rows.a;
  }
  r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
  if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, fn, &e);
  nd = r->ndim;
  k = clamp_k(k, r->shape[nd - 2] + r->shape[nd - 1]);
  for (i = 0; i < nd - 2; i++) outer *= r->shape[i];
  for (o = 0; o < outer; o++) {
    char *base = r->data;
    int64_t rem = o;
    for (i = nd - 3; i >= 0; i--) {
      idx[i] = rem % r->shape[i];
      rem /= r->shape[i];
      base += idx[i] * r->strides[i];
    }
    for (i = 0; i < r->shape[nd - 2]; i++)
      for (j = 0; j < r->shape[nd - 1]; j++)
        if (upper ? (j < i + k) : (j > i + k))
          memset(base + i * r->strides[nd - 2] + j * r->strides[nd - 1], 0,
                 (size_t)lpy_itemsize(r->dtype));
  }
  return 1;
}

static int l_tril(lua_State *L) { return tri_mask(L, 0, "tril"); }
static int l_triu(lua_State *L) { return tri_mask(L, 1, "triu"); }

/* np.copy(a [, {order=}]) keeps the layout ('K'); a:copy() is C-ordered */
static int copy_impl(lua_State *L, int method) {
  static const char *const ok[] = {"order", NULL};
  int opts = lb_opts(L, 2), f;
  lb_checkopts(L, opts, "copy", ok);
  lpy_array *a = lb_toarray(L, 1, -1, "copy"), *r;
  lpy_err e;
  if (!opts && lua_type(L, 2) == LUA_TSTRING) {   /* a:copy("F") */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "order");
    opts = lua_gettop(L);
  }
  if (method && (!opts || lb_optfield(L, opts, "order") == LUA_TNIL))
    f = 0;                              /* a:copy() is C-ordered */
  else
    f = lb_optorder(L, opts, a, "copy");
  r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, "copy");
  if (f) lb_make_fortran(r);
  if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, "copy", &e);
  return 1;
}

static int l_copy(lua_State *L) { return copy_impl(L, 0); }
static int m_copy(lua_State *L) { return copy_impl(L, 1); }

static const luaL_Reg funcs[] = {
  {"array", l_array}, {"asarray", l_asarray},
  {"zeros", l_zeros}, {"ones", l_ones}, {"empty", l_empty}, {"full", l_full},
  {"zeros_like", l_zeros_like}, {"ones_like", l_ones_like},
  {"empty_like", l_empty_like}, {"full_like", l_full_like},
  {"arange", l_arange}, {"linspace", l_linspace}, {"logspace", l_logspace},
  {"geomspace", l_geomspace}, {"eye", l_eye}, {"identity", l_identity},
  {"diag", l_diag}, {"diagflat", l_diagflat}, {"tri", l_tri},
  {"tril", l_tril}, {"triu", l_triu}, {"copy", l_copy},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"copy", m_copy},
  {NULL, NULL}
};

void lb_open_create(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
