/*
** sort.c - Lua binding of sort, argsort, partition, argpartition, lexsort
** and searchsorted (kernels in src/core/sort.c). Positions given and
** returned are 1-based. lb_open_sort also registers where.c and setops.c.
*/
#include <string.h>
#include "lsort.h"

/* ------------------------------------------------------ sort, argsort */
static const char *const sort_opts[] = {"axis", "kind", "order", NULL};

/* a (at 1) for an operation along *axis: flattened when axis is None */
static lpy_array *prepare(lua_State *L, int axis_pos, int opts, int *axis,
                          int allow_none, const char *fn) {
  lpy_array *a = lbs_arg_array(L, 1, fn);
  int ai = lbs_opt_or_arg(L, opts, "axis", axis_pos);
  *axis = lbs_read_axis(L, ai, a->ndim, allow_none, fn);
  lua_pop(L, 1);
  if (*axis < 0) {
    a = lbs_flat_copy(L, 1, -1, fn);
    *axis = 0;
  }
  return a;
}

static void check_order(lua_State *L, int opts, int pos, const char *fn) {
  int i = lbs_opt_or_arg(L, opts, "order", pos);
  if (!lua_isnil(L, i)) lb_error(L, fn, "order is not supported (no structured dtypes)");
  lua_pop(L, 1);
}

static int read_kind_opt(lua_State *L, int opts, int pos, const char *fn) {
  int i = lbs_opt_or_arg(L, opts, "kind", pos), k = lbs_read_kind(L, i, fn);
  lua_pop(L, 1);
  return k;
}

/* np.sort(a [, axis [, kind [, order]]]) -> a sorted copy */
static int l_sort(lua_State *L) {
  int opts = lbs_get_opts(L, 2, sort_opts, "sort"), axis, kind, flattened;
  lpy_array *a;
  lbs_pad(L, 4);
  a = prepare(L, 2, opts, &axis, 1, "sort");
  flattened = lua_isboolean(L, 2) && !lua_toboolean(L, 2);
  if (opts && !flattened && lb_optfield(L, opts, "axis") == LUA_TBOOLEAN)
    flattened = !lua_toboolean(L, -1);
  if (opts) lua_pop(L, 1);
  if (flattened) lua_pushvalue(L, 1);
  lpy_err e;
  kind = read_kind_opt(L, opts, 3, "sort");
  check_order(L, opts, 4, "sort");
  if (!flattened) a = lb_push_copy(L, a, "sort");
  lbs_check(L, lpy_sort(a, axis, kind, &e), &e, "sort");
  return 1;
}

/* a:sort([axis [, kind]]): in place, returns nothing */
static int m_sort(lua_State *L) {
  int opts = lbs_get_opts(L, 2, sort_opts, "sort"), axis, kind, ai;
  lpy_array *a = lb_check(L, 1, "sort");
  lpy_err e;
  lbs_pad(L, 4);
  ai = lbs_opt_or_arg(L, opts, "axis", 2);
  axis = lbs_read_axis(L, ai, a->ndim, 0, "sort");
  lua_pop(L, 1);
  kind = read_kind_opt(L, opts, 3, "sort");
  check_order(L, opts, 4, "sort");
  lbs_check(L, lpy_sort(a, axis, kind, &e), &e, "sort");
  return 0;
}

static int l_argsort(lua_State *L) {
  int opts = lbs_get_opts(L, 2, sort_opts, "argsort"), axis, kind;
  lpy_array *a, *out;
  lpy_err e;
  lbs_pad(L, 4);
  a = lbs_arg_array(L, 1, "argsort");
  if (a->ndim == 0) {     /* as NumPy: a 0-d array is sorted as 1-d */
    int64_t one = 1;
    lb_push_view(L, 1, a->dtype, 1, &one, NULL, a->data);
    lua_replace(L, 1);
  }
  a = prepare(L, 2, opts, &axis, 1, "argsort");
  kind = read_kind_opt(L, opts, 3, "argsort");
  check_order(L, opts, 4, "argsort");
  out = lb_push_new(L, LPY_INT64, a->ndim, a->shape, 0, "argsort");
  lbs_check(L, lpy_argsort(a, axis, kind, out, 1, &e), &e, "argsort");
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
  ka = lbs_flat_copy(L, idx, -1, fn);
  if (!lpy_isint(ka->dtype)) lb_error(L, fn, "kth must be an integer or a sequence of integers");
  if (ka->size > 1 << 20) lb_error(L, fn, "too many kth values");
  m = ka->size;
  k = lc_newscratch(L, (size_t)(m ? m : 1) * sizeof(int64_t));
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
  int i = lbs_opt_or_arg(L, opts, "kind", pos);
  if (!lua_isnil(L, i) && (lua_type(L, i) != LUA_TSTRING ||
                           strcmp(lua_tostring(L, i), "introselect")))
    lb_error(L, fn, "partition kind must be 'introselect'");
  lua_pop(L, 1);
}

/* np.partition(a, kth [, axis [, kind]]) */
static int partition_impl(lua_State *L, int inplace, int arg, const char *fn) {
  int opts = lbs_get_opts(L, 3, part_opts, fn), axis, nk;
  lpy_array *a;
  int64_t *kth;
  lpy_err e;
  lbs_pad(L, 5);
  if (lua_isnoneornil(L, 2)) lb_error(L, fn, "kth is required");
  if (arg && lb_test(L, 1) && lb_test(L, 1)->ndim == 0) {
    /* as argsort (and NumPy): a 0-d array is partitioned as 1-d */
    int64_t one = 1;
    lpy_array *z = lb_test(L, 1);
    lb_push_view(L, 1, z->dtype, 1, &one, NULL, z->data);
    lua_replace(L, 1);
  }
  if (inplace) {
    int ai = lbs_opt_or_arg(L, opts, "axis", 3);
    a = lb_check(L, 1, fn);
    axis = lbs_read_axis(L, ai, a->ndim, 0, fn);
    lua_pop(L, 1);
  } else {
    a = prepare(L, 3, opts, &axis, 1, fn);
  }
  read_part_kind(L, opts, 4, fn);
  check_order(L, opts, 5, fn);
  kth = read_kth(L, 2, a->shape[axis], &nk, fn);
  if (arg) {
    lpy_array *out = lb_push_new(L, LPY_INT64, a->ndim, a->shape, 0, fn);
    lbs_check(L, lpy_argpartition(a, axis, kth, nk, out, 1, &e), &e, fn);
    return 1;
  }
  if (!inplace) a = lb_push_copy(L, a, fn);
  lbs_check(L, lpy_partition(a, axis, kth, nk, &e), &e, fn);
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
  int opts = lbs_get_opts(L, 2, (const char *const[]){"axis", NULL}, "lexsort");
  lbs_pad(L, 2);
  lbs_opt_or_arg(L, opts, "axis", 2);
  lua_replace(L, 2);
  lua_settop(L, 2);
  if (lb_test(L, 1)) {
    lpy_array *ka = lb_check(L, 1, "lexsort");
    if (ka->ndim == 0) lb_error(L, "lexsort", "need sequence of keys with len > 0 in lexsort");
    if (ka->shape[0] > 256) lb_error(L, "lexsort", "too many keys (at most 256)");
    nk = (int)ka->shape[0];
    lbs_room(L, nk + 20, "lexsort");
    for (i = 0; i < nk; i++) {
      keys[i] = lb_push_view(L, 1, ka->dtype, ka->ndim - 1, ka->shape + 1,
                             ka->strides + 1, ka->data + i * ka->strides[0]);
    }
  } else {
    if (lua_type(L, 1) != LUA_TTABLE)
      lb_error(L, "lexsort", "keys must be a sequence of arrays or an array");
    nk = (int)lua_rawlen(L, 1);
    if (nk > 256) lb_error(L, "lexsort", "too many keys (at most 256)");
    lb_check_sequence(L, 1, nk, "lexsort", "a table of keys");
    lbs_room(L, nk + 20, "lexsort");
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
  if (k0->ndim == 0) {      /* scalar keys: one position (NumPy's 0) */
    lua_pushinteger(L, 1);
    return 1;
  }
  axis = lbs_read_axis(L, 2, k0->ndim, 0, "lexsort");
  out = lb_push_new(L, LPY_INT64, k0->ndim, k0->shape, 0, "lexsort");
  lbs_check(L, lpy_lexsort(nk, keys, axis, out, 1, &e), &e, "lexsort");
  return 1;
}

/* --------------------------------------------------------- searchsorted */
/* np.searchsorted(a, v [, side [, sorter]]) */
static int l_searchsorted(lua_State *L) {
  lbs_room(L, 40, "searchsorted");
  static const char *const ok[] = {"side", "sorter", NULL};
  int opts = lbs_get_opts(L, 3, ok, "searchsorted"), right = 0, scalar;
  lpy_array *a, *v, *out, *s = NULL;
  int64_t *sorter = NULL;
  lpy_dtype t;
  int si, so, vnd, d;
  int64_t vshape[LPY_MAXDIMS];
  lbs_pad(L, 4);
  a = lbs_arg_array(L, 1, "searchsorted");
  if (a->ndim != 1) lb_error(L, "searchsorted", "a must be 1-dimensional");
  if (lua_isnoneornil(L, 2)) lb_error(L, "searchsorted", "v is required");
  scalar = lua_type(L, 2) == LUA_TNUMBER || lua_type(L, 2) == LUA_TBOOLEAN ||
           lb_testcomplex(L, 2) != NULL;
  v = lbs_arg_array(L, 2, "searchsorted");
  vnd = v->ndim;
  for (d = 0; d < vnd; d++) vshape[d] = v->shape[d];
  si = lbs_opt_or_arg(L, opts, "side", 3);
  if (!lua_isnil(L, si)) {
    const char *side = lua_tostring(L, si);
    if (lua_type(L, si) != LUA_TSTRING) lb_error(L, "searchsorted", "side must be 'left' or 'right'");
    if (!strcmp(side, "right")) right = 1;
    else if (strcmp(side, "left"))
      lb_error(L, "searchsorted", "side must be 'left' or 'right' (got '%s')", side);
  }
  so = lbs_opt_or_arg(L, opts, "sorter", 4);
  t = lpy_promote(a->dtype, v->dtype);
  a = lbs_contig_as(L, 1, t, "searchsorted");
  v = lbs_contig_as(L, 2, t, "searchsorted");
  if (!lua_isnil(L, so)) {
    int64_t i, n = a->size;
    s = lb_toarray(L, so, -1, "searchsorted");      /* positions: 1-D, integer */
    lua_replace(L, so);
    if (!lpy_isint(s->dtype))
      lb_error(L, "searchsorted", "sorter must only contain integers, got dtype %s",
               lpy_dtypes[s->dtype].name);
    if (s->ndim != 1)
      lb_error(L, "searchsorted", "sorter must be 1-dimensional, got %d dimensions",
               s->ndim);
    s = lbs_flat_copy(L, so, LPY_INT64, "searchsorted");
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

static const luaL_Reg funcs[] = {
  {"sort", l_sort},
  {"argsort", l_argsort},
  {"partition", l_partition},
  {"argpartition", l_argpartition},
  {"lexsort", l_lexsort},
  {"searchsorted", l_searchsorted},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"sort", m_sort},
  {"argsort", l_argsort},
  {"partition", m_partition},
  {"argpartition", l_argpartition},
  {"searchsorted", l_searchsorted},
  {NULL, NULL}
};

void lb_open_sort(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
  lbs_open_where(L, modidx, mtidx);
  lbs_open_setops(L, modidx, mtidx);
}
