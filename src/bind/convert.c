/*
** convert.c - values crossing between Lua and arrays: nested tables to
** arrays (shape and dtype inference), ufunc operands (NEP 50 weak
** scalars), elements to Lua values, tolist and item.
*/
#include <string.h>
#include "lbind.h"

enum { HAS_BOOL = 1, HAS_INT = 2, HAS_FLOAT = 4, HAS_COMPLEX = 8 };

typedef struct scan {
  int ndim;
  int64_t shape[LPY_MAXDIMS];
  unsigned has;            /* HAS_* of Lua scalars seen */
  int arrtype;             /* promoted dtype of nested arrays, -1 none */
} scan;

static int is_plain_table(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE) return 0;
  if (lua_getmetatable(L, idx)) { lua_pop(L, 1); return 0; }
  return 1;
}

static const char *ltype(lua_State *L, int idx) { return luaL_typename(L, idx); }

#define DATA_TABLE "a table of array data"

/* find the shape along the chain of first elements */
static void scan_shape(lua_State *L, int idx, scan *s, const char *fn) {
  lua_pushvalue(L, idx);
  for (;;) {
    lpy_array *a;
    if (is_plain_table(L, -1)) {
      int64_t n = (int64_t)lua_rawlen(L, -1);
      if (n == 0)                   /* {} is empty; {x = 1} is not data */
        lb_check_sequence(L, -1, 0, fn, DATA_TABLE);
      if (s->ndim >= LPY_MAXDIMS)
        lb_error(L, fn, "nested tables are deeper than %d dimensions",
                 LPY_MAXDIMS);
      s->shape[s->ndim++] = n;
      if (n == 0) break;
      lua_rawgeti(L, -1, 1);
      lua_remove(L, -2);
    } else if ((a = lb_test(L, -1)) != NULL) {
      int i;
      if (s->ndim + a->ndim > LPY_MAXDIMS)
        lb_error(L, fn, "nested data is deeper than %d dimensions", LPY_MAXDIMS);
      for (i = 0; i < a->ndim; i++) s->shape[s->ndim++] = a->shape[i];
      break;
    } else {
      break;
    }
  }
  lua_pop(L, 1);
}

static void ragged(lua_State *L, const char *fn, int depth) {
  lb_error(L, fn, "inhomogeneous shape: the nested tables are ragged at depth %d",
           depth + 1);
}

/* check every element against the shape and collect the scalar kinds */
static void scan_check(lua_State *L, int idx, int depth, scan *s,
                       const char *fn) {
  lpy_array *a;
  idx = lua_absindex(L, idx);
  if (is_plain_table(L, idx)) {
    int64_t n = (int64_t)lua_rawlen(L, idx), i;
    if (depth >= s->ndim || s->shape[depth] != n) ragged(L, fn, depth);
    luaL_checkstack(L, 6, "nested too deep");
    /* {1, 2, x = 3} is not data either. One step of lua_next past the
       sequence finds nothing in a table that keeps it in its array part,
       as most do; otherwise every key is checked */
    if (n == 0) {
      lb_check_sequence(L, idx, 0, fn, DATA_TABLE);
    } else {
      lua_pushinteger(L, (lua_Integer)n);
      if (lua_next(L, idx)) {
        lua_pop(L, 2);
        lb_check_sequence(L, idx, n, fn, DATA_TABLE);
      }
    }
    for (i = 1; i <= n; i++) {
      lua_rawgeti(L, idx, i);
      scan_check(L, -1, depth + 1, s, fn);
      lua_pop(L, 1);
    }
    return;
  }
  if ((a = lb_test(L, idx)) != NULL) {
    int i;
    if (a->flags & LB_CLOSED) lb_error(L, fn, "array is closed");
    if (depth + a->ndim != s->ndim) ragged(L, fn, depth);
    for (i = 0; i < a->ndim; i++)
      if (a->shape[i] != s->shape[depth + i]) ragged(L, fn, depth + i);
    s->arrtype = s->arrtype < 0 ? (int)a->dtype
                                : (int)lpy_promote(s->arrtype, a->dtype);
    return;
  }
  if (depth != s->ndim) ragged(L, fn, depth);
  switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN: s->has |= HAS_BOOL; break;
    case LUA_TNUMBER:
      s->has |= lua_isinteger(L, idx) ? HAS_INT : HAS_FLOAT;
      break;
    default:
      if (lb_testcomplex(L, idx)) { s->has |= HAS_COMPLEX; break; }
      lb_error(L, fn, "cannot convert a %s to an array element", ltype(L, idx));
  }
}

static lpy_dtype infer(const scan *s) {
  int t = s->arrtype;
  lpy_dtype d;
  if (s->has & HAS_COMPLEX) d = LPY_COMPLEX128;
  else if (s->has & HAS_FLOAT) d = LPY_FLOAT64;
  else if (s->has & HAS_INT) d = LPY_INT64;
  else if (s->has & HAS_BOOL) d = LPY_BOOL;
  else return t < 0 ? LPY_FLOAT64 : (lpy_dtype)t;   /* empty: float64 */
  return t < 0 ? d : lpy_promote((lpy_dtype)t, d);
}

void lb_check_int_fits(lua_State *L, lpy_dtype t, lua_Integer v,
                       const char *fn) {
  int ok;
  switch (t) {
    case LPY_INT8: ok = v >= INT8_MIN && v <= INT8_MAX; break;
    case LPY_INT16: ok = v >= INT16_MIN && v <= INT16_MAX; break;
    case LPY_INT32: ok = v >= INT32_MIN && v <= INT32_MAX; break;
    case LPY_UINT8: ok = v >= 0 && v <= UINT8_MAX; break;
    case LPY_UINT16: ok = v >= 0 && v <= UINT16_MAX; break;
    case LPY_UINT32: ok = v >= 0 && v <= (lua_Integer)UINT32_MAX; break;
    case LPY_UINT64: ok = v >= 0; break;
    default: ok = 1;
  }
  if (!ok)
    lb_error(L, fn, "Lua integer %lld out of bounds for %s", (long long)v,
             lpy_dtypes[t].name);
}

void lb_set_scalar(lua_State *L, lpy_dtype t, char *p, const lpy_operand *op,
                   const char *fn) {
  if (op->weak == LPY_WEAK_INT && !op->isbool) lb_check_int_fits(L, t, op->i, fn);
  if (op->weak == LPY_WEAK_COMPLEX && !lpy_iscomplex(t))
    lb_error(L, fn, "cannot store a complex number in a %s array", lpy_dtypes[t].name);
  lpy_set_scalar(t, p, op);
}

int lb_assign_scalar(lua_State *L, lpy_array *dst, int idx, const char *fn) {
  lpy_array_space s;
  _Alignas(16) char val[16];
  lpy_operand op;
  lpy_err e;
  if (lua_type(L, idx) != LUA_TNUMBER && lua_type(L, idx) != LUA_TBOOLEAN &&
      !lb_testcomplex(L, idx))
    return 0;
  lb_operand(L, idx, &op, fn);
  lpy_array_init(&s.a, dst->dtype, 0, NULL, NULL, val, NULL);
  lb_set_scalar(L, dst->dtype, val, &op, fn);
  if (lpy_array_assign(dst, &s.a, &e) != 0) lb_core_error(L, fn, &e);
  return 1;
}

/* store the Lua scalar at idx into p as dtype t */
static void store_scalar(lua_State *L, int idx, lpy_dtype t, char *p,
                         const char *fn) {
  lpy_operand op;
  lb_complex *c;
  memset(&op, 0, sizeof op);
  switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
      op.isbool = 1;
      op.i = lua_toboolean(L, idx);
      break;
    case LUA_TNUMBER:     /* (a -0.0 keeps its sign in a float: lb_operand) */
      lb_operand(L, idx, &op, fn);
      break;
    default:
      c = lb_testcomplex(L, idx);
      if (!c) lb_error(L, fn, "cannot convert a %s to an array element",
                       ltype(L, idx));
      op.weak = LPY_WEAK_COMPLEX;
      op.re = c->re;
      op.im = c->im;
  }
  lb_set_scalar(L, t, p, &op, fn);
}

/* write the nested value at idx into the array region starting at p */
static void fill(lua_State *L, int idx, lpy_array *dst, int depth, char *p,
                 const char *fn) {
  lpy_array *a;
  idx = lua_absindex(L, idx);
  if (is_plain_table(L, idx)) {
    int64_t n = (int64_t)lua_rawlen(L, idx), i;
    for (i = 0; i < n; i++) {
      lua_rawgeti(L, idx, i + 1);
      fill(L, -1, dst, depth + 1, p + i * dst->strides[depth], fn);
      lua_pop(L, 1);
    }
  } else if ((a = lb_test(L, idx)) != NULL) {
    lpy_array_space view;
    lpy_err e;
    lpy_array_init(&view.a, dst->dtype, dst->ndim - depth, dst->shape + depth,
                   dst->strides + depth, p, NULL);
    if (lpy_array_assign(&view.a, a, &e) != 0) lb_core_error(L, fn, &e);
  } else {
    store_scalar(L, idx, dst->dtype, p, fn);
  }
}

lpy_array *lb_toarray(lua_State *L, int idx, int dtype, const char *fn) {
  lpy_array *a;
  scan s;
  idx = lua_absindex(L, idx);
  if ((a = lb_test(L, idx)) != NULL) {
    lpy_array *r;
    lpy_err e;
    if (a->flags & LB_CLOSED) lb_error(L, fn, "array is closed");
    if (dtype < 0 || dtype == (int)a->dtype) {
      lua_pushvalue(L, idx);
      return a;
    }
    r = lb_push_new(L, (lpy_dtype)dtype, a->ndim, a->shape, 0, fn);
    if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, fn, &e);
    return r;
  }
  memset(&s, 0, sizeof s);
  s.arrtype = -1;
  scan_shape(L, idx, &s, fn);
  scan_check(L, idx, 0, &s, fn);
  a = lb_push_new(L, dtype >= 0 ? (lpy_dtype)dtype : infer(&s), s.ndim,
                  s.shape, 0, fn);
  if (a->size > 0) fill(L, idx, a, 0, a->data, fn);
  return a;
}

int lb_operand(lua_State *L, int idx, lpy_operand *op, const char *fn) {
  lb_complex *c;
  memset(op, 0, sizeof *op);
  switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) {
        op->weak = LPY_WEAK_INT;
        op->i = lua_tointeger(L, idx);
        op->re = lua_tonumber(L, idx);      /* keeps the sign of a -0.0 */
      } else {
        op->weak = LPY_WEAK_FLOAT;
        op->re = lua_tonumber(L, idx);
      }
      return 0;
    case LUA_TBOOLEAN:
      op->isbool = 1;
      op->i = lua_toboolean(L, idx);
      op->re = (double)op->i;
      return 0;
    case LUA_TUSERDATA:
      if ((op->arr = lb_test(L, idx)) != NULL) {
        if (op->arr->flags & LB_CLOSED) lb_error(L, fn, "array is closed");
        return 0;
      }
      if ((c = lb_testcomplex(L, idx)) != NULL) {
        op->weak = LPY_WEAK_COMPLEX;
        op->re = c->re;
        op->im = c->im;
        return 0;
      }
      break;
    case LUA_TTABLE:
      op->arr = lb_toarray(L, idx, -1, fn);
      return 1;
    default: break;
  }
  return lb_error(L, fn, "unsupported operand type %s", ltype(L, idx));
}

/* ------------------------------------------------------------ to Lua */
void lb_push_elem(lua_State *L, lpy_dtype t, const char *p) {
  switch (lpy_kind(t)) {
    case LPY_KIND_BOOL: lua_pushboolean(L, *(const uint8_t *)p != 0); break;
    case LPY_KIND_INT: case LPY_KIND_UINT:
      /* uint64 above 2^63-1 wraps to a negative Lua integer (two's
         complement), as Lua's own integers do */
      lua_pushinteger(L, (lua_Integer)lpy_get_int64(t, p));
      break;
    case LPY_KIND_FLOAT: lua_pushnumber(L, lpy_get_double(t, p)); break;
    default: {
      double re, im;
      lpy_get_complex(t, p, &re, &im);
      lb_push_complex(L, re, im);
    }
  }
}

static void tolist(lua_State *L, lpy_array *a, int depth, const char *p) {
  int64_t i;
  if (depth == a->ndim) {
    lb_push_elem(L, a->dtype, p);
    return;
  }
  luaL_checkstack(L, 3, "array too deep");
  lua_createtable(L, (int)(a->shape[depth] < 1 << 20 ? a->shape[depth] : 0), 0);
  for (i = 0; i < a->shape[depth]; i++) {
    tolist(L, a, depth + 1, p + i * a->strides[depth]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

static int array_tolist(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "tolist");
  tolist(L, a, 0, a->data);
  return 1;
}

/* a:item() / a:item(flat_position) / a:item(i, j, ...) / a:item({i, j, ...}) */
static int array_item(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "item");
  int n = lua_gettop(L) - 1, k;
  const char *p = a->data;
  if (n == 1 && lua_type(L, 2) == LUA_TTABLE) {   /* NumPy's tuple */
    lua_Integer len = (lua_Integer)lua_rawlen(L, 2);
    if (len > LPY_MAXDIMS) return lb_error(L, "item", "incorrect number of indices for array");
    lb_check_sequence(L, 2, len, "item", "a table of positions");
    for (k = 1; k <= len; k++) lua_rawgeti(L, 2, k);
    lua_remove(L, 2);
    n = (int)len;
  }
  if (n == 0) {
    if (a->size != 1)
      return lb_error(L, "item", "can only convert an array of size 1 to a Lua scalar");
  } else if (n == 1 && a->ndim != 1) {
    lua_Integer f = lb_checkinteger(L, 2, "item"), pos;
    if (f < 0) f += a->size + 1;
    if (f < 1 || f > a->size)
      return lb_error(L, "item", "index %lld is out of bounds for size %lld",
                      (long long)lb_checkinteger(L, 2, "item"), (long long)a->size);
    pos = f - 1;
    for (k = a->ndim - 1; k >= 0; k--) {
      p += (pos % a->shape[k]) * a->strides[k];
      pos /= a->shape[k];
    }
  } else {
    if (n != a->ndim)
      return lb_error(L, "item", "incorrect number of indices for array");
    for (k = 0; k < n; k++) {
      lua_Integer i = lb_checkinteger(L, k + 2, "item"), j = i;
      if (j < 0) j += a->shape[k] + 1;
      if (j < 1 || j > a->shape[k])
        return lb_error(L, "item", "index %lld is out of bounds for axis %d with size %lld",
                        (long long)i, k + 1, (long long)a->shape[k]);
      p += (j - 1) * a->strides[k];
    }
  }
  lb_push_elem(L, a->dtype, p);
  return 1;
}

static const luaL_Reg meths[] = {
  {"tolist", array_tolist},
  {"item", array_item},
  {NULL, NULL}
};

void lb_open_convert(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, NULL, meths);
}
