/*
** where.c - Lua binding of nonzero, argwhere, flatnonzero, where, extract
** and place. Positions returned are 1-based.
*/
#include <string.h>
#include "lsort.h"

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
    lbs_check(L, lpy_nonzero(a, flat, (int64_t *)r->data, shape[0], base, &e), &e, fn);
  }
  return r;
}

static int nonzero_impl(lua_State *L, const char *fn) {
  lpy_array *a = lbs_arg_array(L, 1, fn), *c, *r;
  int d;
  int64_t n;
  if (a->ndim == 0)
    lb_error(L, fn, "Calling nonzero on 0d arrays is not allowed. Use "
             "np.atleast_1d(scalar).nonzero() instead.");
  lbs_room(L, a->ndim + 20, fn);
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
  lpy_array *a = lbs_arg_array(L, 1, "argwhere");
  if (a->ndim == 0) {
    int64_t shape[2] = {lpy_count_nonzero(a), 0};
    lb_push_new(L, LPY_INT64, 2, shape, 0, "argwhere");
    return 1;
  }
  push_coords(L, a, 0, 1, "argwhere");
  return 1;
}

static int l_flatnonzero(lua_State *L) {
  lpy_array *a = lbs_arg_array(L, 1, "flatnonzero");
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
  lbs_room(L, 40, "where");
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
  lbs_check(L, lpy_broadcast_shapes(3, ndims, shapes, &ondim, oshape, &e), &e, "where");
  out = lb_push_new(L, t, ondim, oshape, 0, "where");
  if (out->size == 0) return 1;
  arrs[0] = out;
  lbs_check(L, lpy_iter_setup(&it, 4, arrs, ondim, oshape, &e), &e, "where");
  isz = (size_t)lpy_itemsize(t);
  lpy_iter_run(&it, where_loop, &isz);
  return 1;
}

/* ---------------------------------------------------- extract, place */
/* np.extract(condition, arr) = ravel(arr)[nonzero(ravel(condition))] */
static int l_extract(lua_State *L) {
  lbs_room(L, 40, "extract");
  lpy_array *c = lbs_flat_copy(L, 1, -1, "extract"), *a, *pos, *r;
  int64_t i, n, isz;
  a = lbs_flat_copy(L, 2, -1, "extract");
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
  lbs_room(L, 40, "place");
  lpy_array *a = lb_check(L, 1, "place"), *m, *v, *c;
  int64_t i, k = 0, isz;
  lpy_err e;
  if (!(a->flags & LPY_WRITEABLE)) lb_error(L, "place", "array is read-only");
  m = lbs_flat_copy(L, 2, LPY_BOOL, "place");
  /* a table of values converts to arr's dtype element by element, checked
     as assigned scalars are */
  if (lua_type(L, 3) == LUA_TTABLE && !lb_test(L, 3)) {
    lb_toarray(L, 3, a->dtype, "place");
    lua_replace(L, 3);
  }
  v = lbs_flat_copy(L, 3, a->dtype, "place");
  if (m->size != a->size) lb_error(L, "place", "mask and data must be the same size");
  c = lb_push_copy(L, a, "place");
  isz = lpy_itemsize(a->dtype);
  for (i = 0; i < m->size; i++) {
    if (!m->data[i]) continue;
    if (v->size == 0) lb_error(L, "place", "Cannot insert from an empty array!");
    memcpy(c->data + i * isz, v->data + k * isz, (size_t)isz);
    if (++k == v->size) k = 0;
  }
  lbs_check(L, lpy_array_assign(a, c, &e), &e, "place");
  return 0;
}

static const luaL_Reg funcs[] = {
  {"nonzero", l_nonzero},
  {"argwhere", l_argwhere},
  {"flatnonzero", l_flatnonzero},
  {"where", l_where},
  {"extract", l_extract},
  {"place", l_place},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"nonzero", l_nonzero},
  {NULL, NULL}
};

void lbs_open_where(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
