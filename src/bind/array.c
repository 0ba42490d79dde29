/*
** array.c - the array userdata: allocation (small arrays inline in the
** userdata, large ones in refcounted buffers), views and their owners,
** the garbage-collector hooks, close, attributes and metamethod dispatch.
*/
#include <stddef.h>
#include <string.h>
#include "lbind.h"

#define INLINE_MAX 256        /* bytes of data stored inside the userdata */
#define INLINE_ALIGN 16       /* enough for any element; buffers get 64 */

/* The userdata: a tag that identifies LumPy arrays without a metatable
   lookup (checked together with the userdata's size), then the header. */
#define LB_TAG 0x4c756d5079417272ULL   /* "LumPyArr" */
typedef struct lb_ud {
  uint64_t tag;
  uint64_t pad;
  lpy_array a;
} lb_ud;

#define UD_SIZE(ndim) (offsetof(lb_ud, a) + lpy_array_sizeof(ndim))

/* registry: the array metatable, and a copy without __gc for arrays that
   own no outside memory (small arrays keep their data inside the userdata):
   Lua's finalizers are costly, and those arrays need none */
static const char mt_key = 'm';
static const char mt_nogc_key = 'n';

lpy_array *lb_test(lua_State *L, int idx) {
  lb_ud *u = lua_touserdata(L, idx);
  if (!u || lua_type(L, idx) != LUA_TUSERDATA ||
      lua_rawlen(L, idx) < UD_SIZE(0) || u->tag != LB_TAG)
    return NULL;
  return &u->a;
}

lpy_array *lb_check(lua_State *L, int idx, const char *fn) {
  lpy_array *a = lb_test(L, idx);
  if (!a) lb_error(L, fn, "expected an array, got %s", luaL_typename(L, idx));
  if (a->flags & LB_CLOSED) lb_error(L, fn, "array is closed");
  return a;
}

/* a new userdata of n bytes tagged as an array, with the metatable set;
   finalize: it will hold a reference to a buffer */
static lpy_array *new_ud(lua_State *L, size_t n, int finalize) {
  lb_ud *u = lc_newuserdata(L, n);
  u->tag = LB_TAG;
  u->a.buf = NULL;
  u->a.flags = 0;
  lua_rawgetp(L, LUA_REGISTRYINDEX, finalize ? &mt_key : &mt_nogc_key);
  lua_setmetatable(L, -2);
  return &u->a;
}

lpy_array *lb_push_new(lua_State *L, lpy_dtype t, int ndim,
                       const int64_t *shape, int zero, const char *fn) {
  lpy_err e;
  int64_t n = lpy_shape_size(ndim, shape, &e);
  size_t nbytes;
  lpy_array *a;
  if (n < 0) lb_core_error(L, fn, &e);
  if (n > ((int64_t)1 << 62) / lpy_itemsize(t))
    lb_error(L, fn, "array is too big; cannot allocate it");
  nbytes = (size_t)n * lpy_itemsize(t);
  if (nbytes <= INLINE_MAX) {
    size_t hs = (UD_SIZE(ndim) + INLINE_ALIGN - 1) / INLINE_ALIGN * INLINE_ALIGN;
    char *mem, *data;
    a = new_ud(L, hs + nbytes + INLINE_ALIGN, 0);
    mem = (char *)a - offsetof(lb_ud, a);
    data = mem + hs;
    data += (INLINE_ALIGN - ((uintptr_t)data & (INLINE_ALIGN - 1))) & (INLINE_ALIGN - 1);
    if (zero) memset(data, 0, nbytes);
    lpy_array_init(a, t, ndim, shape, NULL, data, NULL);
  } else {
    lpy_buffer *b;
    /* collect first, so a dead temporary's memory can serve this array;
       before the userdata exists, so that a collection here does not count
       as one it lived through (Lua makes an object old after two) */
    lb_gc_account(L, nbytes);
    a = new_ud(L, UD_SIZE(ndim), 1);
    b = lpy_buffer_new(nbytes, zero, &e);
    if (!b) {
      char s[200];
      lpy_shape_str(ndim, shape, s, sizeof s);
      lb_error(L, fn, "cannot allocate %lld bytes for an array of shape %s",
               (long long)nbytes, s);
    }
    lpy_array_init(a, t, ndim, shape, NULL, b->data, b);
  }
  a->flags |= LPY_OWNDATA;
  return a;
}

lpy_array *lb_push_copy(lua_State *L, const lpy_array *a, const char *fn) {
  lpy_err e;
  lpy_array *r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
  if (lpy_array_assign(r, (lpy_array *)a, &e) != 0) lb_core_error(L, fn, &e);
  return r;
}

lpy_array *lb_contig(lua_State *L, lpy_array *a, int dtype, const char *fn) {
  lpy_err e;
  lpy_array *r;
  if ((dtype < 0 || dtype == (int)a->dtype) && lpy_is_contig_aligned(a)) return a;
  r = lb_push_new(L, dtype < 0 ? a->dtype : (lpy_dtype)dtype, a->ndim, a->shape, 0, fn);
  if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, fn, &e);
  return r;
}

lpy_array *lb_toarray_aligned(lua_State *L, int idx, int dtype, const char *fn) {
  lpy_array *a = lb_toarray(L, idx, dtype, fn);
  if (a->flags & LPY_ALIGNED) return a;
  a = lb_push_copy(L, a, fn);
  lua_remove(L, -2);
  return a;
}

void lb_make_fortran(lpy_array *a) {
  int64_t s = lpy_itemsize(a->dtype);
  int i;
  for (i = 0; i < a->ndim; i++) {
    a->strides[i] = s;
    s *= a->shape[i] ? a->shape[i] : 1;
  }
  lpy_array_update_flags(a);
}

int lb_optorder(lua_State *L, int opts, const lpy_array *like, const char *fn) {
  const char *o;
  int f = 0;
  if (!opts || lb_optfield(L, opts, "order") == LUA_TNIL) {
    if (opts) lua_pop(L, 1);
    o = like ? "K" : "C";
  } else {
    if (lua_type(L, -1) != LUA_TSTRING)
      lb_error(L, fn, "order must be one of 'C', 'F', 'A', 'K'");
    o = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  if (strcmp(o, "F") == 0) f = 1;
  else if (strcmp(o, "A") == 0 || strcmp(o, "K") == 0)
    f = like && like->ndim > 1 &&
        (like->flags & (LPY_F_CONTIGUOUS | LPY_C_CONTIGUOUS)) == LPY_F_CONTIGUOUS;
  else if (strcmp(o, "C") != 0)
    lb_error(L, fn, "order must be one of 'C', 'F', 'A', 'K', got '%s'", o);
  return f;
}

lpy_array *lb_push_view(lua_State *L, int baseidx, lpy_dtype t, int ndim,
                        const int64_t *shape, const int64_t *strides,
                        char *data) {
  lpy_array *base = lb_test(L, baseidx);
  lpy_array *a;
  baseidx = lua_absindex(L, baseidx);
  a = new_ud(L, UD_SIZE(ndim), base->buf != NULL);
  lpy_array_init(a, t, ndim, shape, strides, data, base->buf);
  if (base->buf) lpy_buffer_incref(base->buf);
  if (!(base->flags & LPY_WRITEABLE)) a->flags &= ~(unsigned)LPY_WRITEABLE;
  /* the owner of the memory: the base's owner, or the base itself */
  lc_getuservalue(L, baseidx);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushvalue(L, baseidx);
  }
  lc_setuservalue(L, -2);
  return a;
}

lpy_array *lb_push_buffer(lua_State *L, lpy_buffer *b, lpy_dtype t, int ndim,
                          const int64_t *shape, const int64_t *strides,
                          char *data, int writeable) {
  lpy_array *a = new_ud(L, UD_SIZE(ndim), 1);
  lpy_array_init(a, t, ndim, shape, strides, data, b);
  lpy_buffer_incref(b);
  if (!writeable) a->flags &= ~(unsigned)LPY_WRITEABLE;
  return a;
}

lpy_array *lb_push_shell(lua_State *L, int ndim) {
  lpy_array *a = new_ud(L, UD_SIZE(ndim), 1);
  a->ndim = 0;
  a->size = 0;
  return a;
}

void lb_push_base(lua_State *L, int idx) {
  lc_getuservalue(L, idx);
}

static int array_gc(lua_State *L) {
  lpy_array *a = lb_test(L, 1);
  if (a && a->buf) {
    lpy_buffer_decref(a->buf);
    a->buf = NULL;
  }
  return 0;
}

/* a:close(): release the memory now; views keep what they share */
static int array_close(lua_State *L) {
  lpy_array *a = lb_test(L, 1);
  if (!a) return lb_error(L, "close", "expected an array");
  array_gc(L);
  a->flags |= LB_CLOSED;
  a->size = 0;
  return 0;
}

static int array_len(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "len");
  if (a->ndim == 0) return lb_error(L, "len", "len() of unsized object");
  lua_pushinteger(L, a->shape[0]);
  return 1;
}

/* ------------------------------------------------------------ attributes */
static void push_strides(lua_State *L, lpy_array *a) {
  lb_push_shape(L, a->ndim, a->strides);
}

static void push_flags(lua_State *L, lpy_array *a) {
  lua_createtable(L, 0, 5);
  lua_pushboolean(L, (a->flags & LPY_C_CONTIGUOUS) != 0);
  lua_setfield(L, -2, "c_contiguous");
  lua_pushboolean(L, (a->flags & LPY_F_CONTIGUOUS) != 0);
  lua_setfield(L, -2, "f_contiguous");
  lua_pushboolean(L, (a->flags & LPY_WRITEABLE) != 0);
  lua_setfield(L, -2, "writeable");
  lua_pushboolean(L, (a->flags & LPY_OWNDATA) != 0);
  lua_setfield(L, -2, "owndata");
  lua_pushboolean(L, (a->flags & LPY_ALIGNED) != 0);
  lua_setfield(L, -2, "aligned");
}

/* .real / .imag: views for complex arrays; for real arrays real is the
   array itself and imag a read-only zero array */
static void push_part(lua_State *L, int idx, lpy_array *a, int imag) {
  if (lpy_iscomplex(a->dtype)) {
    lpy_dtype rt = lpy_dtype_real(a->dtype);
    lb_push_view(L, idx, rt, a->ndim, a->shape, a->strides,
                 a->data + (imag ? lpy_itemsize(rt) : 0));
  } else if (!imag) {
    lb_push_view(L, idx, a->dtype, a->ndim, a->shape, a->strides, a->data);
  } else {
    lpy_array *z = lb_push_new(L, a->dtype, a->ndim, a->shape, 1, "imag");
    z->flags &= ~(unsigned)LPY_WRITEABLE;
  }
}

/* returns 1 if k named an attribute (and pushed it) */
static int push_attribute(lua_State *L, int idx, lpy_array *a, const char *k) {
  switch (k[0]) {
    case 'T':
      if (strcmp(k, "T") == 0) {
        int64_t sh[LPY_MAXDIMS], st[LPY_MAXDIMS];
        int i;
        for (i = 0; i < a->ndim; i++) {
          sh[i] = a->shape[a->ndim - 1 - i];
          st[i] = a->strides[a->ndim - 1 - i];
        }
        lb_push_view(L, idx, a->dtype, a->ndim, sh, st, a->data);
        return 1;
      }
      break;
    case 'b':
      if (strcmp(k, "base") == 0) { lb_push_base(L, idx); return 1; }
      break;
    case 'd':
      if (strcmp(k, "dtype") == 0) { lb_push_dtype(L, a->dtype); return 1; }
      break;
    case 'f':
      if (strcmp(k, "flags") == 0) { push_flags(L, a); return 1; }
      break;
    case 'i':
      if (strcmp(k, "itemsize") == 0) {
        lua_pushinteger(L, lpy_itemsize(a->dtype));
        return 1;
      }
      if (strcmp(k, "imag") == 0) { push_part(L, idx, a, 1); return 1; }
      break;
    case 'n':
      if (strcmp(k, "ndim") == 0) { lua_pushinteger(L, a->ndim); return 1; }
      if (strcmp(k, "nbytes") == 0) {
        lua_pushinteger(L, lpy_array_nbytes(a));
        return 1;
      }
      break;
    case 'r':
      if (strcmp(k, "real") == 0) { push_part(L, idx, a, 0); return 1; }
      break;
    case 's':
      if (strcmp(k, "shape") == 0) {
        lb_push_shape(L, a->ndim, a->shape);
        return 1;
      }
      if (strcmp(k, "size") == 0) { lua_pushinteger(L, a->size); return 1; }
      if (strcmp(k, "strides") == 0) { push_strides(L, a); return 1; }
      break;
  }
  return 0;
}

static int is_identifier(const char *s) {
  if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
    return 0;
  for (s++; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
          (*s >= '0' && *s <= '9') || *s == '_'))
      return 0;
  return 1;
}

/* __index: methods, then attributes, then indexing */
static int array_index(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING) {
    const char *k = lua_tostring(L, 2);
    if (is_identifier(k)) {
      lpy_array *a;
      lua_pushvalue(L, 2);
      if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
      lua_pop(L, 1);
      a = lb_check(L, 1, "index");
      if (push_attribute(L, 1, a, k)) return 1;
      if (strcmp(k, "newaxis") != 0 && strcmp(k, "None") != 0)
        return lb_error(L, "index", "array has no attribute or method '%s'", k);
    }
  }
  return lb_index_get(L);
}

static int array_newindex(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING && is_identifier(lua_tostring(L, 2)) &&
      strcmp(lua_tostring(L, 2), "newaxis") != 0 &&
      strcmp(lua_tostring(L, 2), "None") != 0)
    return lb_error(L, "newindex", "cannot set attribute '%s' of an array",
                    lua_tostring(L, 2));
  return lb_index_set(L);
}

static int array_lt(lua_State *L) {
  return lb_error(L, "lt", "'<' is not elementwise in Lua; use np.less(a, b) or a:lt(b), and np.array_equal for equality");
}

static int array_le(lua_State *L) {
  return lb_error(L, "le", "'<=' is not elementwise in Lua; use np.less_equal(a, b) or a:le(b)");
}

static const luaL_Reg meta[] = {
  {"__gc", array_gc},
  {"__close", array_close},
  {"__len", array_len},
  {"__newindex", array_newindex},
  {"__lt", array_lt},
  {"__le", array_le},
  {"__tostring", lb_array_tostring},
  {NULL, NULL}
};

static const luaL_Reg methods[] = {
  {"close", array_close},
  {NULL, NULL}
};

void lb_open_array(lua_State *L, int modidx, int mtidx) {
  lua_pushvalue(L, mtidx);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &mt_key);
  lua_newtable(L);                      /* filled by lb_finish_array */
  lua_rawsetp(L, LUA_REGISTRYINDEX, &mt_nogc_key);
  lua_pushvalue(L, mtidx);
  luaL_setfuncs(L, meta, 0);
  lua_pushliteral(L, "lumpy.ndarray");
  lua_setfield(L, -2, "__name");
  lua_pop(L, 1);
  /* methods live in a table that __index sees as its upvalue; the table
     is stored in the metatable as "methods" for the other files */
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, mtidx, "methods");
  lua_pushcclosure(L, array_index, 1);
  lua_setfield(L, mtidx, "__index");
  (void)modidx;
}

/* once every file has filled the metatable: the copy without __gc */
void lb_finish_array(lua_State *L, int mtidx) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &mt_nogc_key);
  lua_pushnil(L);
  while (lua_next(L, mtidx)) {
    if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "__gc") == 0) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  lua_pop(L, 1);
}
