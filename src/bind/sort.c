/*
** sort.c - Lua binding of sorting and searching: sort, argsort, partition,
** argpartition, lexsort, searchsorted, unique, nonzero, argwhere,
** flatnonzero, where, extract, place, isin and the set operations. The
** kernels are in src/core/sort.c; positions given and returned are 1-based.
*/
#include <string.h>
#include "lbind.h"
#include "../core/sort.h"

/* ------------------------------------------------------------ helpers */
static void check(lua_State *L, int st, const lpy_err *e, const char *fn) {
  if (st != 0) lb_core_error(L, fn, e);
}

/* replace the value at idx with a fresh C-contiguous 1-D copy of the
   array-like there, cast to dtype (-1: its own) */
static lpy_array *flat_copy(lua_State *L, int idx, int dtype, const char *fn) {
  lpy_array *a, *r;
  int64_t n;
  lpy_err e;
  idx = lua_absindex(L, idx);
  a = lb_toarray(L, idx, -1, fn);
  r = lb_push_new(L, dtype < 0 ? a->dtype : (lpy_dtype)dtype, a->ndim,
                  a->shape, 0, fn);
  check(L, lpy_array_assign(r, a, &e), &e, fn);
  n = a->size;
  r = lb_push_view(L, -1, r->dtype, 1, &n, NULL, r->data);
  lua_replace(L, idx);
  lua_pop(L, 2);
  return r;
}

/* the array-like at idx as C-contiguous data of dtype t: itself when it
   already is, else a flat copy that replaces it */
static lpy_array *contig_as(lua_State *L, int idx, lpy_dtype t, const char *fn) {
  lpy_array *a = lb_test(L, idx);
  if (a && a->dtype == t && (a->flags & LPY_C_CONTIGUOUS) && !(a->flags & LB_CLOSED))
    return a;
  return flat_copy(L, idx, t, fn);
}

/* a new contiguous copy of array a (at idx) in a's shape, pushed */
static lpy_array *push_copy(lua_State *L, lpy_array *a, const char *fn) {
  lpy_err e;
  lpy_array *r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
  check(L, lpy_array_assign(r, a, &e), &e, fn);
  return r;
}

/* the array-like at idx as an array, replacing it */
static lpy_array *arg_array(lua_State *L, int idx, const char *fn) {
  lpy_array *a = lb_toarray(L, idx, -1, fn);
  lua_replace(L, idx);
  return a;
}

static int read_kind(lua_State *L, int idx, const char *fn) {
  const char *s;
  if (lua_isnoneornil(L, idx)) return LPY_SORT_QUICK;
  if (lua_type(L, idx) != LUA_TSTRING) lb_error(L, fn, "sort kind must be a string");
  s = lua_tostring(L, idx);
  if (!strcmp(s, "quicksort")) return LPY_SORT_QUICK;
  if (!strcmp(s, "stable") || !strcmp(s, "mergesort")) return LPY_SORT_STABLE;
  if (!strcmp(s, "heapsort")) return LPY_SORT_HEAP;
  return lb_error(L, fn, "sort kind must be one of 'quicksort', 'mergesort', "
                  "'heapsort' or 'stable' (got '%s')", s);
}

/* the axis argument at idx: nil -> the last axis; false -> -1 (None:
   flatten, when allowed); else 0-based */
static int read_axis(lua_State *L, int idx, int ndim, int allow_none,
                     const char *fn) {
  if (lua_isnoneornil(L, idx)) {
    if (ndim == 0) return lb_normaxis(L, -1, 0, fn);
    return ndim - 1;
  }
  if (lua_type(L, idx) == LUA_TBOOLEAN && !lua_toboolean(L, idx)) {
    if (!allow_none) lb_error(L, fn, "axis must be an integer");
    return -1;
  }
  return lb_checkaxis(L, idx, ndim, fn);
}

/* the trailing options table (or 0), checked against allowed names */
static int get_opts(lua_State *L, int first, const char *const *allowed,
                    const char *fn) {
  int opts = lb_opts(L, first);
  lb_checkopts(L, opts, fn, allowed);
  return opts;
}

/* room for the temporaries a function keeps on the Lua stack */
static void room(lua_State *L, int n, const char *fn) {
  if (!lua_checkstack(L, n)) lb_error(L, fn, "Lua stack overflow");
}

/* make positional slots 1..n valid (absent ones nil) */
static void pad(lua_State *L, int n) {
  if (lua_gettop(L) < n) lua_settop(L, n);
}

/* value for name: the option when given, else positional argument pos */
static int opt_or_arg(lua_State *L, int opts, const char *name, int pos) {
  if (pos > lua_gettop(L)) lb_error(L, "internal", "argument slot %d not padded", pos);
  if (opts && lb_optfield(L, opts, name) != LUA_TNIL) return lua_gettop(L);
  if (opts) lua_pop(L, 1);
  if (opts && pos >= opts) { lua_pushnil(L); return lua_gettop(L); }
  lua_pushvalue(L, pos);
  return lua_gettop(L);
}

static int opt_bool(lua_State *L, int opts, const char *name, int pos) {
  int i = opt_or_arg(L, opts, name, pos), b = lua_toboolean(L, i);
  lua_pop(L, 1);
  return b;
}

/* ------------------------------------------------------ sort, argsort */
static const char *const sort_opts[] = {"axis", "kind", "order", NULL};

/* a (at 1) for an operation along *axis: flattened when axis is None */
static lpy_array *prepare(lua_State *L, int axis_pos, int opts, int *axis,
                          int allow_none, const char *fn) {
  lpy_array *a = arg_array(L, 1, fn);
  int ai = opt_or_arg(L, opts, "axis", axis_pos);
  *axis = read_axis(L, ai, a->ndim, allow_none, fn);
  lua_pop(L, 1);
  if (*axis < 0) {
    a = flat_copy(L, 1, -1, fn);
    *axis = 0;
  }
  return a;
}

static void check_order(lua_State *L, int opts, int pos, const char *fn) {
  int i = opt_or_arg(L, opts, "order", pos);
  if (!lua_isnil(L, i)) lb_error(L, fn, "order is not supported (no structured dtypes)");
  lua_pop(L, 1);
}

static int read_kind_opt(lua_State *L, int opts, int pos, const char *fn) {
  int i = opt_or_arg(L, opts, "kind", pos), k = read_kind(L, i, fn);
  lua_pop(L, 1);
  return k;
}

/* np.sort(a [, axis [, kind [, order]]]) -> a sorted copy */
static int l_sort(lua_State *L) {
  int opts = get_opts(L, 2, sort_opts, "sort"), axis, kind, flattened;
  lpy_array *a;
  pad(L, 4);
  a = prepare(L, 2, opts, &axis, 1, "sort");
  flattened = lua_isboolean(L, 2) && !lua_toboolean(L, 2);
  if (opts && !flattened && lb_optfield(L, opts, "axis") == LUA_TBOOLEAN)
    flattened = !lua_toboolean(L, -1);
  if (opts) lua_pop(L, 1);
  if (flattened) lua_pushvalue(L, 1);
  lpy_err e;
  kind = read_kind_opt(L, opts, 3, "sort");
  check_order(L, opts, 4, "sort");
  if (!flattened) a = push_copy(L, a, "sort");
  check(L, lpy_sort(a, axis, kind, &e), &e, "sort");
  return 1;
}

/* a:sort([axis [, kind]]): in place, returns nothing */
static int m_sort(lua_State *L) {
  int opts = get_opts(L, 2, sort_opts, "sort"), axis, kind, ai;
  lpy_array *a = lb_check(L, 1, "sort");
  lpy_err e;
  pad(L, 4);
  ai = opt_or_arg(L, opts, "axis", 2);
  axis = read_axis(L, ai, a->ndim, 0, "sort");
  lua_pop(L, 1);
  kind = read_kind_opt(L, opts, 3, "sort");
  check_order(L, opts, 4, "sort");
  check(L, lpy_sort(a, axis, kind, &e), &e, "sort");
  return 0;
}

static int l_argsort(lua_State *L) {
  int opts = get_opts(L, 2, sort_opts, "argsort"), axis, kind;
  lpy_array *a, *out;
  lpy_err e;
  pad(L, 4);
  a = arg_array(L, 1, "argsort");
  if (a->ndim == 0) {     /* as NumPy: a 0-d array is sorted as 1-d */
    int64_t one = 1;
    lb_push_view(L, 1, a->dtype, 1, &one, NULL, a->data);
    lua_replace(L, 1);
  }
  a = prepare(L, 2, opts, &axis, 1, "argsort");
  kind = read_kind_opt(L, opts, 3, "argsort");
  check_order(L, opts, 4, "argsort");
  out = lb_push_new(L, LPY_INT64, a->ndim, a->shape, 0, "argsort");
  check(L, lpy_argsort(a, axis, kind, out, 1, &e), &e, "argsort");
  return 1;
}

/* ------------------------------------------------------------ partition */
static const char *const part_opts[] = {"axis", "kind", "order", NULL};

/* kth at idx (integer or sequence / array of integers, 1-based, negative
   from the end) -> sorted distinct 0-based positions, kept in a userdata
   pushed on the stack */
static int64_t *read_kth(lua_State *L, int idx, int64_t n, int *nk,
                         const char *fn) {
  int64_t *k;
  lpy_array *ka;
  int64_t i, j, m;
  if (lua_type(L, idx) == LUA_TNUMBER && !lua_isinteger(L, idx))
    lb_error(L, fn, "kth must be an integer or a sequence of integers");
  ka = flat_copy(L, idx, -1, fn);
  if (!lpy_isint(ka->dtype)) lb_error(L, fn, "kth must be an integer or a sequence of integers");
  if (ka->size > 1 << 20) lb_error(L, fn, "too many kth values");
  m = ka->size;
  k = lua_newuserdatauv(L, (size_t)(m ? m : 1) * sizeof(int64_t), 0);
  for (i = 0; i < m; i++) {
    int64_t v = lpy_get_int64(ka->dtype, ka->data + i * lpy_itemsize(ka->dtype));
    if (ka->dtype == LPY_UINT64 && v < 0) v = INT64_MAX;
    if (v >= 1 && v <= n) v = v - 1;
    else if (v <= -1 && v >= -n) v = n + v;
    else lb_error(L, fn, "kth(=%lld) out of bounds (%lld)", (long long)v, (long long)n);
    k[i] = v;
  }
  /* sort, drop repeats */
  for (i = 1; i < m; i++) {
    int64_t t = k[i];
    for (j = i; j > 0 && k[j - 1] > t; j--) k[j] = k[j - 1];
    k[j] = t;
  }
  for (i = 0, j = 0; i < m; i++)
    if (j == 0 || k[j - 1] != k[i]) k[j++] = k[i];
  *nk = (int)j;
  return k;
}

static void read_part_kind(lua_State *L, int opts, int pos, const char *fn) {
  int i = opt_or_arg(L, opts, "kind", pos);
  if (!lua_isnil(L, i) && (lua_type(L, i) != LUA_TSTRING ||
                           strcmp(lua_tostring(L, i), "introselect")))
    lb_error(L, fn, "partition kind must be 'introselect'");
  lua_pop(L, 1);
}

/* np.partition(a, kth [, axis [, kind]]) */
static int partition_impl(lua_State *L, int inplace, int arg, const char *fn) {
  int opts = get_opts(L, 3, part_opts, fn), axis, nk;
  lpy_array *a;
  int64_t *kth;
  lpy_err e;
  pad(L, 5);
  if (lua_isnoneornil(L, 2)) lb_error(L, fn, "kth is required");
  if (inplace) {
    int ai = opt_or_arg(L, opts, "axis", 3);
    a = lb_check(L, 1, fn);
    axis = read_axis(L, ai, a->ndim, 0, fn);
    lua_pop(L, 1);
  } else {
    a = prepare(L, 3, opts, &axis, 1, fn);
  }
  read_part_kind(L, opts, 4, fn);
  check_order(L, opts, 5, fn);
  kth = read_kth(L, 2, a->shape[axis], &nk, fn);
  if (arg) {
    lpy_array *out = lb_push_new(L, LPY_INT64, a->ndim, a->shape, 0, fn);
    check(L, lpy_argpartition(a, axis, kth, nk, out, 1, &e), &e, fn);
    return 1;
  }
  if (!inplace) a = push_copy(L, a, fn);
  check(L, lpy_partition(a, axis, kth, nk, &e), &e, fn);
  return inplace ? 0 : 1;
}
static int l_partition(lua_State *L) { return partition_impl(L, 0, 0, "partition"); }
static int m_partition(lua_State *L) { return partition_impl(L, 1, 0, "partition"); }
static int l_argpartition(lua_State *L) { return partition_impl(L, 0, 1, "argpartition"); }

/* -------------------------------------------------------------- lexsort */
/* np.lexsort(keys [, axis]): keys a Lua sequence of arrays or an array
   whose first axis runs over the keys; the last key is the primary one */
static int l_lexsort(lua_State *L) {
  const lpy_array *keys[256];
  int nk, i, axis;
  lpy_array *k0, *out;
  lpy_err e;
  int opts = get_opts(L, 2, (const char *const[]){"axis", NULL}, "lexsort");
  pad(L, 2);
  opt_or_arg(L, opts, "axis", 2);
  lua_replace(L, 2);
  lua_settop(L, 2);
  if (lb_test(L, 1)) {
    lpy_array *ka = lb_check(L, 1, "lexsort");
    if (ka->ndim == 0) lb_error(L, "lexsort", "need sequence of keys with len > 0 in lexsort");
    if (ka->shape[0] > 256) lb_error(L, "lexsort", "too many keys (at most 256)");
    nk = (int)ka->shape[0];
    room(L, nk + 20, "lexsort");
    for (i = 0; i < nk; i++) {
      keys[i] = lb_push_view(L, 1, ka->dtype, ka->ndim - 1, ka->shape + 1,
                             ka->strides + 1, ka->data + i * ka->strides[0]);
    }
  } else {
    if (lua_type(L, 1) != LUA_TTABLE)
      lb_error(L, "lexsort", "keys must be a sequence of arrays or an array");
    nk = (int)lua_rawlen(L, 1);
    if (nk > 256) lb_error(L, "lexsort", "too many keys (at most 256)");
    room(L, nk + 20, "lexsort");
    for (i = 0; i < nk; i++) {
      lua_rawgeti(L, 1, i + 1);
      keys[i] = lb_toarray(L, -1, -1, "lexsort");
      lua_remove(L, -2);
    }
  }
  if (nk == 0) lb_error(L, "lexsort", "need sequence of keys with len > 0 in lexsort");
  k0 = (lpy_array *)keys[0];
  for (i = 1; i < nk; i++) {
    int d, same = keys[i]->ndim == k0->ndim;
    for (d = 0; same && d < k0->ndim; d++) same = keys[i]->shape[d] == k0->shape[d];
    if (!same) lb_error(L, "lexsort", "all keys need to be the same shape");
  }
  if (k0->ndim == 0) lb_error(L, "lexsort", "keys must have at least one dimension");
  axis = read_axis(L, 2, k0->ndim, 0, "lexsort");
  out = lb_push_new(L, LPY_INT64, k0->ndim, k0->shape, 0, "lexsort");
  check(L, lpy_lexsort(nk, keys, axis, out, 1, &e), &e, "lexsort");
  return 1;
}

/* --------------------------------------------------------- searchsorted */
/* np.searchsorted(a, v [, side [, sorter]]) */
static int l_searchsorted(lua_State *L) {
  room(L, 40, "searchsorted");
  static const char *const ok[] = {"side", "sorter", NULL};
  int opts = get_opts(L, 3, ok, "searchsorted"), right = 0, scalar;
  lpy_array *a, *v, *out, *s = NULL;
  int64_t *sorter = NULL;
  lpy_dtype t;
  int si, so, vnd, d;
  int64_t vshape[LPY_MAXDIMS];
  pad(L, 4);
  a = arg_array(L, 1, "searchsorted");
  if (a->ndim != 1) lb_error(L, "searchsorted", "a must be 1-dimensional");
  if (lua_isnoneornil(L, 2)) lb_error(L, "searchsorted", "v is required");
  scalar = lua_type(L, 2) == LUA_TNUMBER || lua_type(L, 2) == LUA_TBOOLEAN ||
           lb_testcomplex(L, 2) != NULL;
  v = arg_array(L, 2, "searchsorted");
  vnd = v->ndim;
  for (d = 0; d < vnd; d++) vshape[d] = v->shape[d];
  si = opt_or_arg(L, opts, "side", 3);
  if (!lua_isnil(L, si)) {
    const char *side = lua_tostring(L, si);
    if (lua_type(L, si) != LUA_TSTRING) lb_error(L, "searchsorted", "side must be 'left' or 'right'");
    if (!strcmp(side, "right")) right = 1;
    else if (strcmp(side, "left"))
      lb_error(L, "searchsorted", "side must be 'left' or 'right' (got '%s')", side);
  }
  so = opt_or_arg(L, opts, "sorter", 4);
  t = lpy_promote(a->dtype, v->dtype);
  a = contig_as(L, 1, t, "searchsorted");
  v = contig_as(L, 2, t, "searchsorted");
  if (!lua_isnil(L, so)) {
    int64_t i, n = a->size;
    s = flat_copy(L, so, LPY_INT64, "searchsorted");
    if (s->size != n) lb_error(L, "searchsorted", "sorter.size must equal a.size");
    sorter = (int64_t *)s->data;
    for (i = 0; i < n; i++) {
      int64_t p = sorter[i];
      if (p >= 1 && p <= n) sorter[i] = p - 1;
      else if (p <= -1 && p >= -n) sorter[i] = n + p;
      else lb_error(L, "searchsorted", "Sorter index out of range.");
    }
  }
  out = lb_push_new(L, LPY_INT64, vnd, vshape, 0, "searchsorted");
  lpy_searchsorted(t, a->data, a->size, sorter, v->data, v->size, right,
                   (int64_t *)out->data, 1);
  if (scalar) {
    lua_pushinteger(L, ((int64_t *)out->data)[0]);
    return 1;
  }
  return 1;
}

/* -------------------------------------------------------------- nonzero */
static lpy_array *push_coords(lua_State *L, lpy_array *a, int flat,
                              int64_t base, const char *fn) {
  int64_t shape[2];
  lpy_array *r;
  shape[0] = lpy_count_nonzero(a);
  shape[1] = flat ? 1 : a->ndim;
  r = lb_push_new(L, LPY_INT64, flat ? 1 : 2, shape, 0, fn);
  if (shape[0] * shape[1] > 0) {
    lpy_err e;
    check(L, lpy_nonzero(a, flat, (int64_t *)r->data, base, &e), &e, fn);
  }
  return r;
}

static int nonzero_impl(lua_State *L, const char *fn) {
  lpy_array *a = arg_array(L, 1, fn), *c, *r;
  int d;
  int64_t n;
  if (a->ndim == 0)
    lb_error(L, fn, "Calling nonzero on 0d arrays is not allowed. Use "
             "np.atleast_1d(scalar).nonzero() instead.");
  room(L, a->ndim + 20, fn);
  c = push_coords(L, a, 0, 1, fn);
  n = c->shape[0];
  if (a->ndim == 1) {
    lb_push_view(L, -1, LPY_INT64, 1, &n, NULL, c->data);
    return 1;
  }
  for (d = 0; d < a->ndim; d++) {
    int64_t st = a->ndim * 8;
    r = lb_push_new(L, LPY_INT64, 1, &n, 0, fn);
    {
      int64_t i;
      const char *p = c->data + d * 8;
      for (i = 0; i < n; i++, p += st) ((int64_t *)r->data)[i] = *(const int64_t *)p;
    }
  }
  return a->ndim;
}
static int l_nonzero(lua_State *L) { return nonzero_impl(L, "nonzero"); }

static int l_argwhere(lua_State *L) {
  lpy_array *a = arg_array(L, 1, "argwhere");
  if (a->ndim == 0) {
    int64_t shape[2] = {lpy_count_nonzero(a), 0};
    lb_push_new(L, LPY_INT64, 2, shape, 0, "argwhere");
    return 1;
  }
  push_coords(L, a, 0, 1, "argwhere");
  return 1;
}

static int l_flatnonzero(lua_State *L) {
  lpy_array *a = arg_array(L, 1, "flatnonzero");
  push_coords(L, a, 1, 1, "flatnonzero");
  return 1;
}

/* ---------------------------------------------------------------- where */
static void where_loop(char **args, int64_t n, const int64_t *s, void *ctx) {
  size_t isz = *(const size_t *)ctx;
  char *o = args[0], *c = args[1], *x = args[2], *y = args[3];
  int64_t i;
  for (i = 0; i < n; i++, o += s[0], c += s[1], x += s[2], y += s[3])
    memcpy(o, *c ? x : y, isz);
}

/* operand at idx as an array of dtype t (a weak scalar becomes 0-d) */
static lpy_array *operand_as(lua_State *L, int idx, const lpy_operand *op,
                             lpy_dtype t, const char *fn) {
  lpy_array *r;
  if (op->arr) {
    r = lb_toarray(L, idx, t, fn);
  } else {
    if (op->weak == LPY_WEAK_INT && lpy_isint(t)) lb_check_int_fits(L, t, op->i, fn);
    r = lb_push_new(L, t, 0, NULL, 0, fn);
    lpy_set_scalar(t, r->data, op);
  }
  lua_replace(L, idx);
  return r;
}

/* np.where(cond) = nonzero; np.where(cond, x, y) */
static int l_where(lua_State *L) {
  room(L, 40, "where");
  lpy_operand ops[2];
  lpy_array *arrs[4], *out;
  int ndims[3], ondim, i;
  const int64_t *shapes[3];
  int64_t oshape[LPY_MAXDIMS];
  lpy_dtype t;
  lpy_iter it;
  lpy_err e;
  size_t isz;
  int n = lua_gettop(L);
  if (n == 1) return nonzero_impl(L, "where");
  if (n != 3) lb_error(L, "where", "either both or neither of x and y should be given");
  arrs[1] = lb_toarray(L, 1, LPY_BOOL, "where");
  lua_replace(L, 1);
  for (i = 0; i < 2; i++) {
    if (lb_operand(L, 2 + i, &ops[i], "where")) lua_replace(L, 2 + i);
  }
  t = lpy_result_type(2, ops);
  arrs[2] = operand_as(L, 2, &ops[0], t, "where");
  arrs[3] = operand_as(L, 3, &ops[1], t, "where");
  for (i = 0; i < 3; i++) { ndims[i] = arrs[i + 1]->ndim; shapes[i] = arrs[i + 1]->shape; }
  check(L, lpy_broadcast_shapes(3, ndims, shapes, &ondim, oshape, &e), &e, "where");
  out = lb_push_new(L, t, ondim, oshape, 0, "where");
  if (out->size == 0) return 1;
  arrs[0] = out;
  check(L, lpy_iter_setup(&it, 4, arrs, ondim, oshape, &e), &e, "where");
  isz = (size_t)lpy_itemsize(t);
  lpy_iter_run(&it, where_loop, &isz);
  return 1;
}

/* ---------------------------------------------------- extract, place */
/* np.extract(condition, arr) = ravel(arr)[nonzero(ravel(condition))] */
static int l_extract(lua_State *L) {
  room(L, 40, "extract");
  lpy_array *c = flat_copy(L, 1, -1, "extract"), *a, *pos, *r;
  int64_t i, n, isz;
  a = flat_copy(L, 2, -1, "extract");
  pos = push_coords(L, c, 1, 0, "extract");
  n = pos->size;
  r = lb_push_new(L, a->dtype, 1, &n, 0, "extract");
  isz = lpy_itemsize(a->dtype);
  for (i = 0; i < n; i++) {
    int64_t p = ((int64_t *)pos->data)[i];
    if (p >= a->size)
      lb_error(L, "extract", "index %lld is out of bounds for size %lld",
               (long long)p + 1, (long long)a->size);
    memcpy(r->data + i * isz, a->data + p * isz, (size_t)isz);
  }
  return 1;
}

/* np.place(arr, mask, vals): arr.flat[mask] = vals, repeating vals */
static int l_place(lua_State *L) {
  room(L, 40, "place");
  lpy_array *a = lb_check(L, 1, "place"), *m, *v, *c;
  int64_t i, k = 0, isz;
  lpy_err e;
  if (!(a->flags & LPY_WRITEABLE)) lb_error(L, "place", "array is read-only");
  m = flat_copy(L, 2, LPY_BOOL, "place");
  v = flat_copy(L, 3, a->dtype, "place");
  if (m->size != a->size) lb_error(L, "place", "mask and data must be the same size");
  c = push_copy(L, a, "place");
  isz = lpy_itemsize(a->dtype);
  for (i = 0; i < m->size; i++) {
    if (!m->data[i]) continue;
    if (v->size == 0) lb_error(L, "place", "Cannot insert from an empty array!");
    memcpy(c->data + i * isz, v->data + k * isz, (size_t)isz);
    if (++k == v->size) k = 0;
  }
  check(L, lpy_array_assign(a, c, &e), &e, "place");
  return 0;
}

/* ---------------------------------------------------------------- unique */
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
    check(L, lpy_argsort(x, 0, want_index ? LPY_SORT_STABLE : LPY_SORT_QUICK,
                         perm, 0, &e), &e, fn);
    pm = (int64_t *)perm->data;
    aux = lb_push_new(L, t, 1, &n, 0, fn);
    for (i = 0; i < n; i++)
      memcpy(aux->data + i * isz, x->data + pm[i] * isz, (size_t)isz);
  } else {
    check(L, lpy_sort(x, 0, LPY_SORT_QUICK, &e), &e, fn);
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
  if (want_index) {
    r = lb_push_new(L, LPY_INT64, 1, &nr, 0, fn);
    for (g = 0; g < nr; g++) ((int64_t *)r->data)[g] = pm[st[g]] + 1;
    nres++;
  }
  if (want_inverse) {
    r = lb_push_new(L, LPY_INT64, 1, &n, 0, fn);
    for (g = 0; g < nr; g++)
      for (i = st[g]; i < st[g + 1]; i++) ((int64_t *)r->data)[pm[i]] = g + 1;
    nres++;
  }
  if (want_counts) {
    r = lb_push_new(L, LPY_INT64, 1, &nr, 0, fn);
    for (g = 0; g < nr; g++) ((int64_t *)r->data)[g] = st[g + 1] - st[g];
    nres++;
  }
  return nres;
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
  c = push_copy(L, lb_test(L, -1), fn);
  n = shape[0];
  for (k = 1; k < nd; k++) m *= shape[k];
  one = n + 1;
  perm = lb_push_new(L, LPY_INT64, 1, &n, 0, fn);
  pm = (int64_t *)perm->data;
  check(L, lpy_argsort_rows(a->dtype, c->data, n, m, pm, &e), &e, fn);
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
  if (want_index) {
    r = lb_push_new(L, LPY_INT64, 1, &nr, 0, fn);
    for (g = 0; g < nr; g++) ((int64_t *)r->data)[g] = pm[st[g]] + 1;
    nres++;
  }
  if (want_inverse) {
    r = lb_push_new(L, LPY_INT64, 1, &n, 0, fn);
    for (g = 0; g < nr; g++)
      for (i = st[g]; i < st[g + 1]; i++) ((int64_t *)r->data)[pm[i]] = g + 1;
    nres++;
  }
  if (want_counts) {
    r = lb_push_new(L, LPY_INT64, 1, &nr, 0, fn);
    for (g = 0; g < nr; g++) ((int64_t *)r->data)[g] = st[g + 1] - st[g];
    nres++;
  }
  return nres;
}

/* np.unique(ar [, return_index [, return_inverse [, return_counts [, axis]]]]
   [, {return_index=, return_inverse=, return_counts=, axis=, equal_nan=}]) */
static int l_unique(lua_State *L) {
  room(L, 40, "unique");
  static const char *const ok[] = {"return_index", "return_inverse",
                                   "return_counts", "axis", "equal_nan", NULL};
  int opts = get_opts(L, 2, ok, "unique"), ri, rv, rc;
  int eqnan = 1, ai, axis = -1, nres, nd, d;
  int64_t shape[LPY_MAXDIMS];
  lpy_array *a;
  pad(L, 5);
  ri = opt_bool(L, opts, "return_index", 2);
  rv = opt_bool(L, opts, "return_inverse", 3);
  rc = opt_bool(L, opts, "return_counts", 4);
  a = arg_array(L, 1, "unique");
  nd = a->ndim;
  for (d = 0; d < nd; d++) shape[d] = a->shape[d];
  if (opts && lb_optfield(L, opts, "equal_nan") != LUA_TNIL) eqnan = lua_toboolean(L, -1);
  if (opts) lua_pop(L, 1);
  ai = opt_or_arg(L, opts, "axis", 5);
  if (lua_toboolean(L, ai)) axis = lb_checkaxis(L, ai, a->ndim, "unique");
  lua_pop(L, 1);
  lua_settop(L, 1);
  if (axis >= 0) return unique_axis(L, axis, ri, rv, rc, "unique");
  flat_copy(L, 1, -1, "unique");
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
  int64_t m = x->size, n = y->size, i, *pos;
  int isz = lpy_itemsize(x->dtype);
  lpy_array *p;
  lpy_err e;
  check(L, lpy_sort(y, 0, LPY_SORT_QUICK, &e), &e, fn);
  p = lb_push_new(L, LPY_INT64, 1, &m, 0, fn);
  pos = (int64_t *)p->data;
  lpy_searchsorted(x->dtype, y->data, n, NULL, x->data, m, 0, pos, 0);
  for (i = 0; i < m; i++) {
    int found = pos[i] < n && lpy_sort_equal(x->dtype, x->data + i * isz,
                                             y->data + pos[i] * isz);
    flags[i] = (char)(found != invert);
  }
  lua_pop(L, 1);
}

static lpy_dtype common2(lua_State *L, const char *fn) {
  lpy_array *a = arg_array(L, 1, fn), *b = arg_array(L, 2, fn);
  return lpy_promote(a->dtype, b->dtype);
}

/* np.isin(element, test_elements [, assume_unique [, invert]]) */
static int l_isin(lua_State *L) {
  room(L, 40, "isin");
  static const char *const ok[] = {"assume_unique", "invert", "kind", NULL};
  int opts = get_opts(L, 3, ok, "isin");
  int invert;
  lpy_array *a, *x, *y, *r;
  lpy_dtype t;
  pad(L, 4);
  invert = opt_bool(L, opts, "invert", 4);
  lua_settop(L, 2);
  t = common2(L, "isin");
  a = lb_test(L, 1);
  r = lb_push_new(L, LPY_BOOL, a->ndim, a->shape, 0, "isin");
  x = flat_copy(L, 1, t, "isin");
  y = flat_copy(L, 2, t, "isin");
  in1d(L, x, y, invert, r->data, "isin");
  return 1;
}

/* np.union1d(a, b) = unique of both */
static int l_union1d(lua_State *L) {
  room(L, 40, "union1d");
  lpy_dtype t;
  lpy_array *x, *y, *c;
  int64_t n;
  int isz;
  lua_settop(L, 2);
  t = common2(L, "union1d");
  x = flat_copy(L, 1, t, "union1d");
  y = flat_copy(L, 2, t, "union1d");
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
  lpy_array *x = flat_copy(L, idx, t, fn);
  if (assume && !want_index) return x;
  if (assume) {
    /* sort stably, keeping the positions */
    int64_t n = x->size, i;
    int isz = lpy_itemsize(t);
    lpy_err e;
    lpy_array *p = lb_push_new(L, LPY_INT64, 1, &n, 0, fn), *s;
    check(L, lpy_argsort(x, 0, LPY_SORT_STABLE, p, 0, &e), &e, fn);
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
  room(L, 40, "intersect1d");
  static const char *const ok[] = {"assume_unique", "return_indices", NULL};
  int opts = get_opts(L, 3, ok, "intersect1d");
  int assume, ri;
  lpy_dtype t;
  lpy_array *x, *y, *r, *i1 = NULL, *i2 = NULL;
  int64_t i = 0, j = 0, k = 0, cap;
  int isz;
  int64_t *p1 = NULL, *p2 = NULL;
  pad(L, 4);
  assume = opt_bool(L, opts, "assume_unique", 3);
  ri = opt_bool(L, opts, "return_indices", 4);
  lua_settop(L, 2);
  t = common2(L, "intersect1d");
  isz = lpy_itemsize(t);
  if (assume && !ri) {
    /* sort both in place */
    lpy_err e;
    x = flat_copy(L, 1, t, "intersect1d");
    y = flat_copy(L, 2, t, "intersect1d");
    check(L, lpy_sort(x, 0, LPY_SORT_QUICK, &e), &e, "intersect1d");
    check(L, lpy_sort(y, 0, LPY_SORT_QUICK, &e), &e, "intersect1d");
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
  room(L, 40, "setdiff1d");
  static const char *const ok[] = {"assume_unique", NULL};
  int opts = get_opts(L, 3, ok, "setdiff1d"), assume;
  lpy_array *a, *b, *x, *xc, *y, *r, *f;
  lpy_dtype t;
  int64_t i, k = 0, n;
  int isz;
  pad(L, 3);
  assume = opt_bool(L, opts, "assume_unique", 3);
  lua_settop(L, 2);
  a = arg_array(L, 1, "setdiff1d");
  b = arg_array(L, 2, "setdiff1d");
  t = lpy_promote(a->dtype, b->dtype);
  x = flat_copy(L, 1, -1, "setdiff1d");
  if (!assume) { unique1d(L, 1, 0, 0, 0, 1, "setdiff1d"); lua_replace(L, 1); x = lb_test(L, 1); }
  lua_pushvalue(L, 1);
  xc = flat_copy(L, -1, t, "setdiff1d");          /* at 3 */
  y = flat_copy(L, 2, t, "setdiff1d");
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
  room(L, 40, "setxor1d");
  static const char *const ok[] = {"assume_unique", NULL};
  int opts = get_opts(L, 3, ok, "setxor1d"), assume;
  lpy_array *x, *y, *c, *s, *r;
  lpy_dtype t;
  int64_t n, nr, g, k = 0, one;
  int isz;
  lpy_err e;
  int64_t *st;
  pad(L, 3);
  assume = opt_bool(L, opts, "assume_unique", 3);
  lua_settop(L, 2);
  t = common2(L, "setxor1d");
  x = set_prep(L, 1, t, assume, 0, "setxor1d");
  y = set_prep(L, 2, t, assume, 0, "setxor1d");
  isz = lpy_itemsize(t);
  n = x->size + y->size;
  c = lb_push_new(L, t, 1, &n, 0, "setxor1d");
  memcpy(c->data, x->data, (size_t)(x->size * isz));
  memcpy(c->data + x->size * isz, y->data, (size_t)(y->size * isz));
  check(L, lpy_sort(c, 0, LPY_SORT_QUICK, &e), &e, "setxor1d");
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
  {"sort", l_sort},
  {"argsort", l_argsort},
  {"partition", l_partition},
  {"argpartition", l_argpartition},
  {"lexsort", l_lexsort},
  {"searchsorted", l_searchsorted},
  {"unique", l_unique},
  {"nonzero", l_nonzero},
  {"argwhere", l_argwhere},
  {"flatnonzero", l_flatnonzero},
  {"where", l_where},
  {"extract", l_extract},
  {"place", l_place},
  {"isin", l_isin},
  {"union1d", l_union1d},
  {"intersect1d", l_intersect1d},
  {"setdiff1d", l_setdiff1d},
  {"setxor1d", l_setxor1d},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"sort", m_sort},
  {"argsort", l_argsort},
  {"partition", m_partition},
  {"argpartition", l_argpartition},
  {"searchsorted", l_searchsorted},
  {"nonzero", l_nonzero},
  {NULL, NULL}
};

void lb_open_sort(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
