/*
** setops.c - Lua binding of unique, isin and the set operations (union1d,
** intersect1d, setdiff1d, setxor1d), on the sorting kernels of
** src/core/sort.c. Index and inverse results are 1-based.
*/
#include <string.h>
#include "lsort.h"

/* ---------------------------------------------------------------- unique */
/* push unique's optional results from the sorted order pm of n elements
   and the starts st[0..nr] of its nr groups of equal values: the 1-based
   first positions, the 1-based inverse, the counts; returns how many */
static int push_unique_extras(lua_State *L, int64_t n, int64_t nr,
                              const int64_t *st, const int64_t *pm,
                              int want_index, int want_inverse,
                              int want_counts, const char *fn) {
  int64_t g, i, *r;
  int nres = 0;
  if (want_index) {
    r = (int64_t *)lb_push_new(L, LPY_INT64, 1, &nr, 0, fn)->data;
    for (g = 0; g < nr; g++) r[g] = pm[st[g]] + 1;
    nres++;
  }
  if (want_inverse) {
    r = (int64_t *)lb_push_new(L, LPY_INT64, 1, &n, 0, fn)->data;
    for (g = 0; g < nr; g++)
      for (i = st[g]; i < st[g + 1]; i++) r[pm[i]] = g + 1;
    nres++;
  }
  if (want_counts) {
    r = (int64_t *)lb_push_new(L, LPY_INT64, 1, &nr, 0, fn)->data;
    for (g = 0; g < nr; g++) r[g] = st[g + 1] - st[g];
    nres++;
  }
  return nres;
}

/* Unique values of the contiguous 1-D array x at idx (sorted in place).
   Pushes the values, then index / inverse / counts when asked (1-based
   index and inverse). */
static int unique1d(lua_State *L, int idx, int want_index, int want_inverse,
                    int want_counts, int equal_nan, const char *fn) {
  lpy_array *x = lb_test(L, idx), *aux, *perm = NULL, *starts, *r;
  int64_t n = x->size, nr, g, i, one = n + 1;
  int isz = lpy_itemsize(x->dtype), nres = 1;
  lpy_dtype t = x->dtype;
  int64_t *st, *pm = NULL;
  lpy_err e;
  idx = lua_absindex(L, idx);
  if (want_index || want_inverse) {
    perm = lb_push_new(L, LPY_INT64, 1, &n, 0, fn);
    lbs_check(L, lpy_argsort(x, 0, want_index ? LPY_SORT_STABLE : LPY_SORT_QUICK,
                         perm, 0, &e), &e, fn);
    pm = (int64_t *)perm->data;
    aux = lb_push_new(L, t, 1, &n, 0, fn);
    for (i = 0; i < n; i++)
      memcpy(aux->data + i * isz, x->data + pm[i] * isz, (size_t)isz);
  } else {
    lbs_check(L, lpy_sort(x, 0, LPY_SORT_QUICK, &e), &e, fn);
    aux = x;
    lua_pushvalue(L, idx);
  }
  starts = lb_push_new(L, LPY_INT64, 1, &one, 0, fn);
  st = (int64_t *)starts->data;
  nr = lpy_sort_runs(t, aux->data, n, 1, equal_nan, st);
  st[nr] = n;
  r = lb_push_new(L, t, 1, &nr, 0, fn);
  for (g = 0; g < nr; g++)
    memcpy(r->data + g * isz, aux->data + st[g] * isz, (size_t)isz);
  return nres + push_unique_extras(L, n, nr, st, pm, want_index, want_inverse,
                                   want_counts, fn);
}

/* unique sub-arrays along axis: a (at 1) with axis moved first */
static int unique_axis(lua_State *L, int axis, int want_index, int want_inverse,
                       int want_counts, const char *fn) {
  lpy_array *a = lb_test(L, 1), *c, *perm, *starts, *r;
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS], n, m = 1, nr, g, i, one;
  int nd = a->ndim, k, j, isz = lpy_itemsize(a->dtype), nres = 1;
  int64_t *pm, *st;
  lpy_err e;
  /* view with the axis first, then a C-contiguous copy */
  shape[0] = a->shape[axis]; strides[0] = a->strides[axis];
  for (k = 0, j = 1; k < nd; k++)
    if (k != axis) { shape[j] = a->shape[k]; strides[j++] = a->strides[k]; }
  lb_push_view(L, 1, a->dtype, nd, shape, strides, a->data);
  c = lb_push_copy(L, lb_test(L, -1), fn);
  n = shape[0];
  for (k = 1; k < nd; k++) m *= shape[k];
  one = n + 1;
  perm = lb_push_new(L, LPY_INT64, 1, &n, 0, fn);
  pm = (int64_t *)perm->data;
  lbs_check(L, lpy_argsort_rows(a->dtype, c->data, n, m, pm, &e), &e, fn);
  {   /* rows in sorted order */
    lpy_array *s = lb_push_new(L, a->dtype, nd, shape, 0, fn);
    size_t rb = (size_t)(m * isz);
    for (i = 0; i < n; i++) memcpy(s->data + i * rb, c->data + pm[i] * rb, rb);
    c = s;
  }
  starts = lb_push_new(L, LPY_INT64, 1, &one, 0, fn);
  st = (int64_t *)starts->data;
  nr = lpy_sort_runs(a->dtype, c->data, n, m, 0, st);
  if (n > 0 && m == 0) nr = 1;
  st[nr] = n;
  shape[0] = nr;
  r = lb_push_new(L, a->dtype, nd, shape, 0, fn);
  for (g = 0; g < nr; g++)
    memcpy(r->data + g * m * isz, c->data + st[g] * m * isz, (size_t)(m * isz));
  {   /* move the first axis back to 'axis' */
    int64_t sh2[LPY_MAXDIMS], st2[LPY_MAXDIMS];
    for (k = 0, j = 1; k < nd; k++) {
      if (k == axis) { sh2[k] = r->shape[0]; st2[k] = r->strides[0]; }
      else { sh2[k] = r->shape[j]; st2[k] = r->strides[j]; j++; }
    }
    lb_push_view(L, -1, a->dtype, nd, sh2, st2, r->data);
    lua_remove(L, -2);
  }
  return nres + push_unique_extras(L, n, nr, st, pm, want_index, want_inverse,
                                   want_counts, fn);
}

/* np.unique(ar [, return_index [, return_inverse [, return_counts [, axis]]]]
   [, {return_index=, return_inverse=, return_counts=, axis=, equal_nan=}]) */
static int l_unique(lua_State *L) {
  lbs_room(L, 40, "unique");
  static const char *const ok[] = {"return_index", "return_inverse",
                                   "return_counts", "axis", "equal_nan", NULL};
  int opts = lbs_get_opts(L, 2, ok, "unique"), ri, rv, rc;
  int eqnan = 1, ai, axis = -1, nres, nd, d;
  int64_t shape[LPY_MAXDIMS];
  lpy_array *a;
  lbs_pad(L, 5);
  ri = lbs_opt_bool(L, opts, "return_index", 2);
  rv = lbs_opt_bool(L, opts, "return_inverse", 3);
  rc = lbs_opt_bool(L, opts, "return_counts", 4);
  a = lbs_arg_array(L, 1, "unique");
  nd = a->ndim;
  for (d = 0; d < nd; d++) shape[d] = a->shape[d];
  if (opts && lb_optfield(L, opts, "equal_nan") != LUA_TNIL) eqnan = lua_toboolean(L, -1);
  if (opts) lua_pop(L, 1);
  ai = lbs_opt_or_arg(L, opts, "axis", 5);
  if (lua_toboolean(L, ai)) axis = lb_checkaxis(L, ai, a->ndim, "unique");
  lua_pop(L, 1);
  lua_settop(L, 1);
  if (axis >= 0) return unique_axis(L, axis, ri, rv, rc, "unique");
  lbs_flat_copy(L, 1, -1, "unique");
  nres = unique1d(L, 1, ri, rv, rc, eqnan, "unique");
  if (rv && nd != 1) {
    /* NumPy 2: the inverse has the input's shape when axis is None */
    int pos = lua_gettop(L) - nres + 1 + 1 + (ri ? 1 : 0);
    lpy_array *inv = lb_test(L, pos);
    lb_push_view(L, pos, LPY_INT64, nd, shape, NULL, inv->data);
    lua_replace(L, pos);
  }
  return nres;
}

/* ------------------------------------------------------ isin, set ops */
/* flags[i] = x[i] occurs in y (both 1-D contiguous of dtype t) */
static void in1d(lua_State *L, lpy_array *x, lpy_array *y, int invert,
                 char *flags, const char *fn) {
  lpy_err e;
  lbs_check(L, lpy_in1d(x->dtype, x->data, x->size, y->data, y->size, invert,
                        flags, &e), &e, fn);
}

static lpy_dtype common2(lua_State *L, const char *fn) {
  lpy_array *a = lbs_arg_array(L, 1, fn), *b = lbs_arg_array(L, 2, fn);
  return lpy_promote(a->dtype, b->dtype);
}

/* np.isin(element, test_elements [, assume_unique [, invert]]) */
static int l_isin(lua_State *L) {
  lbs_room(L, 40, "isin");
  static const char *const ok[] = {"assume_unique", "invert", "kind", NULL};
  int opts = lbs_get_opts(L, 3, ok, "isin");
  int invert, table = 0;
  lpy_array *a, *x, *y, *r;
  lpy_dtype t;
  lbs_pad(L, 4);
  invert = lbs_opt_bool(L, opts, "invert", 4);
  if (opts && lb_optfield(L, opts, "kind") != LUA_TNIL) {
    const char *k = lua_tostring(L, -1);
    if (lua_type(L, -1) != LUA_TSTRING || (strcmp(k, "sort") && strcmp(k, "table")))
      lb_error(L, "isin", "Invalid kind: '%s'. Please use None, 'sort' or 'table'.",
               lua_type(L, -1) == LUA_TSTRING ? k : luaL_typename(L, -1));
    table = !strcmp(k, "table");
  }
  lua_settop(L, 2);
  t = common2(L, "isin");
  if (table && (lpy_isinexact(lb_test(L, 1)->dtype) || lpy_isinexact(lb_test(L, 2)->dtype)))
    lb_error(L, "isin", "The 'table' method is only supported for boolean or "
             "integer arrays. Please select 'sort' or None for kind.");
  a = lb_test(L, 1);
  r = lb_push_new(L, LPY_BOOL, a->ndim, a->shape, 0, "isin");
  x = lbs_flat_copy(L, 1, t, "isin");
  y = lbs_flat_copy(L, 2, t, "isin");
  in1d(L, x, y, invert, r->data, "isin");
  return 1;
}

/* np.union1d(a, b) = unique of both */
static int l_union1d(lua_State *L) {
  lbs_room(L, 40, "union1d");
  lpy_dtype t;
  lpy_array *x, *y, *c;
  int64_t n;
  int isz;
  lua_settop(L, 2);
  t = common2(L, "union1d");
  x = lbs_flat_copy(L, 1, t, "union1d");
  y = lbs_flat_copy(L, 2, t, "union1d");
  n = x->size + y->size;
  isz = lpy_itemsize(t);
  c = lb_push_new(L, t, 1, &n, 0, "union1d");
  memcpy(c->data, x->data, (size_t)(x->size * isz));
  memcpy(c->data + x->size * isz, y->data, (size_t)(y->size * isz));
  return unique1d(L, 3, 0, 0, 0, 1, "union1d");
}

/* ar at idx -> its unique values (sorted), or a flat copy when assume is set;
   returns it, replacing idx. With want_index the 0-based positions of the
   values in the input are pushed (int64 array) */
static lpy_array *set_prep(lua_State *L, int idx, lpy_dtype t, int assume,
                           int want_index, const char *fn) {
  lpy_array *x = lbs_flat_copy(L, idx, t, fn);
  if (assume && !want_index) return x;
  if (assume) {
    /* sort stably, keeping the positions */
    int64_t n = x->size, i;
    int isz = lpy_itemsize(t);
    lpy_err e;
    lpy_array *p = lb_push_new(L, LPY_INT64, 1, &n, 0, fn), *s;
    lbs_check(L, lpy_argsort(x, 0, LPY_SORT_STABLE, p, 0, &e), &e, fn);
    s = lb_push_new(L, t, 1, &n, 0, fn);
    for (i = 0; i < n; i++)
      memcpy(s->data + i * isz, x->data + ((int64_t *)p->data)[i] * isz, (size_t)isz);
    lua_replace(L, idx);
    return s;
  }
  unique1d(L, idx, want_index, 0, 0, 1, fn);
  if (want_index) {
    int64_t i, n;
    lpy_array *p = lb_test(L, -1);
    n = p->size;
    for (i = 0; i < n; i++) ((int64_t *)p->data)[i] -= 1;
    lua_insert(L, -2);          /* values on top */
  }
  lua_replace(L, idx);
  return lb_test(L, idx);
}

/* np.intersect1d(a, b [, assume_unique [, return_indices]]) */
static int l_intersect1d(lua_State *L) {
  lbs_room(L, 40, "intersect1d");
  static const char *const ok[] = {"assume_unique", "return_indices", NULL};
  int opts = lbs_get_opts(L, 3, ok, "intersect1d");
  int assume, ri;
  lpy_dtype t;
  lpy_array *x, *y, *r, *i1 = NULL, *i2 = NULL;
  int64_t i = 0, j = 0, k = 0, cap;
  int isz;
  int64_t *p1 = NULL, *p2 = NULL;
  lbs_pad(L, 4);
  assume = lbs_opt_bool(L, opts, "assume_unique", 3);
  ri = lbs_opt_bool(L, opts, "return_indices", 4);
  lua_settop(L, 2);
  t = common2(L, "intersect1d");
  isz = lpy_itemsize(t);
  if (assume && !ri) {
    /* sort both in place */
    lpy_err e;
    x = lbs_flat_copy(L, 1, t, "intersect1d");
    y = lbs_flat_copy(L, 2, t, "intersect1d");
    lbs_check(L, lpy_sort(x, 0, LPY_SORT_QUICK, &e), &e, "intersect1d");
    lbs_check(L, lpy_sort(y, 0, LPY_SORT_QUICK, &e), &e, "intersect1d");
  } else {
    x = set_prep(L, 1, t, assume, 1, "intersect1d");   /* pushes positions */
    p1 = (int64_t *)lb_test(L, -1)->data;
    y = set_prep(L, 2, t, assume, 1, "intersect1d");
    p2 = (int64_t *)lb_test(L, -1)->data;
  }
  cap = x->size < y->size ? x->size : y->size;
  r = lb_push_new(L, t, 1, &cap, 0, "intersect1d");
  if (ri) {
    i1 = lb_push_new(L, LPY_INT64, 1, &cap, 0, "intersect1d");
    i2 = lb_push_new(L, LPY_INT64, 1, &cap, 0, "intersect1d");
  }
  while (i < x->size && j < y->size) {
    const char *a = x->data + i * isz, *b = y->data + j * isz;
    if (lpy_sort_less(t, a, b)) i++;
    else if (lpy_sort_less(t, b, a)) j++;
    else {
      if (lpy_sort_equal(t, a, b)) {
        memcpy(r->data + k * isz, a, (size_t)isz);
        if (ri) {
          ((int64_t *)i1->data)[k] = p1[i] + 1;
          ((int64_t *)i2->data)[k] = p2[j] + 1;
        }
        k++;
      }
      i++; j++;
    }
  }
  {   /* the first k elements of each result */
    int top = lua_gettop(L), n = ri ? 3 : 1, q;
    for (q = 0; q < n; q++) {
      lpy_array *z = lb_test(L, top - n + 1 + q);
      lb_push_view(L, top - n + 1 + q, z->dtype, 1, &k, NULL, z->data);
    }
    return n;
  }
}

/* np.setdiff1d(a, b [, assume_unique]) */
static int l_setdiff1d(lua_State *L) {
  lbs_room(L, 40, "setdiff1d");
  static const char *const ok[] = {"assume_unique", NULL};
  int opts = lbs_get_opts(L, 3, ok, "setdiff1d"), assume;
  lpy_array *a, *b, *x, *xc, *y, *r, *f;
  lpy_dtype t;
  int64_t i, k = 0, n;
  int isz;
  lbs_pad(L, 3);
  assume = lbs_opt_bool(L, opts, "assume_unique", 3);
  lua_settop(L, 2);
  a = lbs_arg_array(L, 1, "setdiff1d");
  b = lbs_arg_array(L, 2, "setdiff1d");
  t = lpy_promote(a->dtype, b->dtype);
  x = lbs_flat_copy(L, 1, -1, "setdiff1d");
  if (!assume) { unique1d(L, 1, 0, 0, 0, 1, "setdiff1d"); lua_replace(L, 1); x = lb_test(L, 1); }
  lua_pushvalue(L, 1);
  xc = lbs_flat_copy(L, -1, t, "setdiff1d");          /* at 3 */
  y = lbs_flat_copy(L, 2, t, "setdiff1d");
  n = x->size;
  f = lb_push_new(L, LPY_BOOL, 1, &n, 0, "setdiff1d");
  in1d(L, xc, y, 1, f->data, "setdiff1d");
  for (i = 0; i < n; i++) k += f->data[i] != 0;
  r = lb_push_new(L, x->dtype, 1, &k, 0, "setdiff1d");
  isz = lpy_itemsize(x->dtype);
  for (i = 0, k = 0; i < n; i++)
    if (f->data[i]) memcpy(r->data + isz * k++, x->data + i * isz, (size_t)isz);
  return 1;
}

/* np.setxor1d(a, b [, assume_unique]) */
static int l_setxor1d(lua_State *L) {
  lbs_room(L, 40, "setxor1d");
  static const char *const ok[] = {"assume_unique", NULL};
  int opts = lbs_get_opts(L, 3, ok, "setxor1d"), assume;
  lpy_array *x, *y, *c, *s, *r;
  lpy_dtype t;
  int64_t n, nr, g, k = 0, one;
  int isz;
  lpy_err e;
  int64_t *st;
  lbs_pad(L, 3);
  assume = lbs_opt_bool(L, opts, "assume_unique", 3);
  lua_settop(L, 2);
  t = common2(L, "setxor1d");
  x = set_prep(L, 1, t, assume, 0, "setxor1d");
  y = set_prep(L, 2, t, assume, 0, "setxor1d");
  isz = lpy_itemsize(t);
  n = x->size + y->size;
  c = lb_push_new(L, t, 1, &n, 0, "setxor1d");
  memcpy(c->data, x->data, (size_t)(x->size * isz));
  memcpy(c->data + x->size * isz, y->data, (size_t)(y->size * isz));
  lbs_check(L, lpy_sort(c, 0, LPY_SORT_QUICK, &e), &e, "setxor1d");
  one = n + 1;
  s = lb_push_new(L, LPY_INT64, 1, &one, 0, "setxor1d");
  st = (int64_t *)s->data;
  nr = lpy_sort_runs(t, c->data, n, 1, 0, st);
  st[nr] = n;
  for (g = 0; g < nr; g++) k += st[g + 1] - st[g] == 1;
  r = lb_push_new(L, t, 1, &k, 0, "setxor1d");
  for (g = 0, k = 0; g < nr; g++)
    if (st[g + 1] - st[g] == 1)
      memcpy(r->data + isz * k++, c->data + st[g] * isz, (size_t)isz);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"unique", l_unique},
  {"isin", l_isin},
  {"union1d", l_union1d},
  {"intersect1d", l_intersect1d},
  {"setdiff1d", l_setdiff1d},
  {"setxor1d", l_setxor1d},
  {NULL, NULL}
};

void lbs_open_setops(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, NULL);
}
