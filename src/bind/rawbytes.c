/*
** rawbytes.c - Lua binding of raw bytes: an array's memory as a Lua string
** (tobytes, tofile's binary mode), a Lua string seen as an array
** (frombuffer: a read-only view that keeps the string alive; fromfile's
** binary mode copies it), and separated text to an array (fromstring,
** fromfile's text mode). Primitives of the internal "textio" table.
*/
#include <string.h>
#include "ltextio.h"
#include "../core/textio.h"

/* tobytes(a, fortran) -> the elements of a in C (or Fortran) order */
static int p_tobytes(lua_State *L) {
  const char *fn = "tobytes";
  lpy_array *a = lb_check(L, 1, fn), *c;
  int f = lua_toboolean(L, 2);
  unsigned want = f ? LPY_F_CONTIGUOUS : LPY_C_CONTIGUOUS;
  lpy_err e;
  if (a->size == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (!(a->flags & want)) {
    c = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
    if (f) lb_make_fortran(c);
    if (lpy_array_assign(c, a, &e) != 0) return lb_core_error(L, fn, &e);
    a = c;
  }
  lua_pushlstring(L, a->data, (size_t)lpy_array_nbytes(a));
  return 1;
}

/* a read-only 1-d view of count items (-1: all) of the bytes of the Lua
   string at index 1 from byte off (kept alive by the view); a copy when
   the bytes are not aligned for the dtype */
static int frombuffer(lua_State *L, lpy_dtype t, lua_Integer count,
                      lua_Integer off, const char *fn) {
  size_t len;
  const char *s = lua_tolstring(L, 1, &len);
  int64_t isz = lpy_itemsize(t), n, zero = 0;
  int lg = __builtin_ctzll((unsigned long long)isz);   /* sizes are powers of 2 */
  size_t avail, align = (size_t)(lpy_iscomplex(t) ? isz / 2 : isz);
  const char *p;
  lpy_array *v;
  if (off < 0 || (size_t)off > len)
    return lb_error(L, fn, "offset must be non-negative and no greater than buffer length (%zu)", len);
  avail = len - (size_t)off;
  if (count < 0) {
    if (avail & (size_t)(isz - 1))
      return lb_error(L, fn, "buffer size must be a multiple of element size");
    n = (int64_t)(avail >> lg);
  } else {
    if ((uint64_t)count > avail >> lg)
      return lb_error(L, fn, "buffer is smaller than requested size");
    n = (int64_t)count;
  }
  p = s + off;
  if ((uintptr_t)p % align || n == 0) {
    v = lb_push_new(L, t, 1, &n, 0, fn);
    if (n) memcpy(v->data, p, (size_t)(n * isz));
    return 1;
  }
  /* an empty array made to point at the string instead, which its user
     value keeps alive; views of it take the string as their owner (as
     when empty, the view is contiguous both ways) */
  v = lb_push_new(L, t, 1, &zero, 0, fn);
  v->data = (char *)p;
  v->shape[0] = v->size = n;
  v->strides[0] = isz;
  v->flags &= ~(unsigned)(LPY_OWNDATA | LPY_WRITEABLE);
  lua_pushvalue(L, 1);
  lc_setuservalue(L, -2);
  return 1;
}

/* frombuffer(s, dtype, count, offset, fn): the Lua side's checked call */
static int p_frombuffer(lua_State *L) {
  const char *fn = luaL_optstring(L, 5, "frombuffer");
  lpy_dtype t;
  luaL_checkstring(L, 1);
  t = (lpy_dtype)lb_optdtype(L, 2, LPY_FLOAT64, fn);
  return frombuffer(L, t, luaL_optinteger(L, 3, -1), luaL_optinteger(L, 4, 0), fn);
}

/* np.frombuffer(s [, dtype]) in C, the common call; any other goes to the
   Lua function in upvalue 1 (options, count, offset, errors of type) */
static int l_frombuffer(lua_State *L) {
  int top = lua_gettop(L), k = top < 2 ? LUA_TNIL : lua_type(L, 2);
  if (top <= 2 && lua_type(L, 1) == LUA_TSTRING &&
      (k == LUA_TNIL || k == LUA_TSTRING))
    return frombuffer(L, (lpy_dtype)lb_optdtype(L, 2, LPY_FLOAT64, "frombuffer"),
                      -1, 0, "frombuffer");
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, top, LUA_MULTRET);
  return lua_gettop(L);
}

/* frombuffer_entry(slow) -> np.frombuffer, slow serving the other calls */
static int p_frombuffer_entry(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  lua_pushcclosure(L, l_frombuffer, 1);
  return 1;
}

/* the end of sep matched at p (spaces in sep match any run of whitespace,
   a separator of spaces only needs at least one), or NULL */
static const char *match_sep(const char *p, const char *end, const char *sep,
                             size_t sl) {
  size_t k;
  int ws = 0, other = 0;
  const char *q = p;
  for (k = 0; k < sl; k++) {
    if (sep[k] == ' ') {
      while (q < end && lpy_text_isspace((unsigned char)*q)) q++, ws++;
    } else {
      other = 1;
      if (q >= end || *q != sep[k]) return NULL;
      q++;
    }
  }
  if (!other && !ws) return NULL;
  return q;
}

/* fromtext(s, dtype, count, sep, fn, short_ok) -> a 1-d array of the items
   of s separated by sep; count -1: all. Fewer items than count: an error,
   or (short_ok, fromfile) the items there are */
static int p_fromtext(lua_State *L) {
  size_t len, sl;
  const char *s = luaL_checklstring(L, 1, &len), *end = s + len, *p = s;
  const char *fn = luaL_optstring(L, 5, "fromstring");
  lpy_dtype t = (lpy_dtype)lb_optdtype(L, 2, LPY_FLOAT64, fn);
  lua_Integer count = luaL_optinteger(L, 3, -1);
  const char *sep = luaL_checklstring(L, 4, &sl);
  int short_ok = lua_toboolean(L, 6);
  int64_t n = 0, cap = 16, isz = lpy_itemsize(t);
  lpy_array *a = lb_push_new(L, t, 1, &cap, 0, fn);   /* 7 */
  while (count < 0 || n < count) {
    const char *q, *stop = NULL;
    while (p < end && lpy_text_isspace((unsigned char)*p)) p++;
    if (p >= end) break;
    for (q = p; q < end && !(stop = match_sep(q, end, sep, sl)); q++) {}
    if (n == cap) {                               /* grow: copy to twice */
      int64_t nc = cap * 2;
      lpy_array *b = lb_push_new(L, t, 1, &nc, 0, fn);
      memcpy(b->data, a->data, (size_t)(n * isz));
      lua_replace(L, 7);
      a = b;
      cap = nc;
    }
    if (lpy_text_parse(t, p, (size_t)(q - p), a->data + n * isz) != 0) {
      size_t m = (size_t)(q - p) > 60 ? 60 : (size_t)(q - p);
      return lb_error(L, fn, "could not convert string '%.*s' to %s (item %lld)", (int)m, p,
                      lpy_dtypes[t].name, (long long)n + 1);
    }
    n++;
    p = stop ? stop : q;
    if (!stop) break;
  }
  if (count >= 0 && n < count && !short_ok)
    return lb_error(L, fn, "string is smaller than requested size (%lld items, %lld requested)",
                    (long long)n, (long long)count);
  if (n < cap) {
    lpy_array *b = lb_push_new(L, t, 1, &n, 0, fn);
    if (n) memcpy(b->data, a->data, (size_t)(n * isz));
  }
  return 1;
}

static const luaL_Reg fns[] = {
  {"tobytes", p_tobytes},
  {"frombuffer", p_frombuffer},
  {"frombuffer_entry", p_frombuffer_entry},
  {"fromtext", p_fromtext},
  {NULL, NULL}
};

void lb_rawbytes_fns(lua_State *L) {
  luaL_setfuncs(L, fns, 0);
}
