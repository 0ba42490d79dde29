/*
** capi.c - the public C API of include/lumpy.h (less DLPack, in dlpack.c):
** arrays pushed, wrapped and checked on a Lua stack, and array handles the
** host keeps in its own threads. Handles are core arrays (lpy_array) whose
** memory is a refcounted buffer, so any thread may release them.
*/
#include <stdlib.h>
#include <string.h>
#include "lbind.h"
#include "../../include/lumpy.h"

/* the public dtype numbers are the core's */
_Static_assert(LUMPY_BOOL == (int)LPY_BOOL && LUMPY_UINT8 == (int)LPY_UINT8 &&
               LUMPY_FLOAT32 == (int)LPY_FLOAT32 &&
               LUMPY_COMPLEX128 == (int)LPY_COMPLEX128 &&
               LUMPY_NTYPES == (int)LPY_NTYPES && LUMPY_MAXDIMS == LPY_MAXDIMS,
               "lumpy.h's dtypes must match lpy.h's");

struct lumpy_array { lpy_array a; };

static int valid_dtype(int t) { return t >= 0 && t < LPY_NTYPES; }

size_t lumpy_itemsize(lumpy_dtype t) {
  return valid_dtype((int)t) ? (size_t)lpy_itemsize((lpy_dtype)t) : 0;
}

const char *lumpy_dtype_name(lumpy_dtype t) {
  return valid_dtype((int)t) ? lpy_dtypes[t].name : NULL;
}

static void fill_info(const lpy_array *a, lumpy_info *info) {
  if (!info) return;
  info->data = a->data;
  info->dtype = (lumpy_dtype)a->dtype;
  info->ndim = a->ndim;
  info->shape = a->shape;
  info->strides = a->strides;
  info->size = a->size;
  info->itemsize = (size_t)lpy_itemsize(a->dtype);
  info->writeable = (a->flags & LPY_WRITEABLE) != 0;
  info->c_contiguous = (a->flags & LPY_C_CONTIGUOUS) != 0;
  info->f_contiguous = (a->flags & LPY_F_CONTIGUOUS) != 0;
}

/* the geometry a host gives: NULL when fine, else what is wrong */
static const char *bad_geometry(int t, int ndim, const int64_t *shape,
                                int64_t *nbytes) {
  lpy_err e;
  int64_t n;
  if (!valid_dtype(t)) return "invalid dtype";
  if (ndim < 0 || ndim > LPY_MAXDIMS) return "ndim must be in 0..32";
  if (ndim > 0 && !shape) return "shape is NULL";
  n = lpy_shape_size(ndim, shape, &e);
  if (n < 0) return "invalid shape";
  if (n > ((int64_t)1 << 62) / lpy_itemsize((lpy_dtype)t))
    return "array is too big";
  *nbytes = n * lpy_itemsize((lpy_dtype)t);
  return NULL;
}

void lumpy_openlib(lua_State *L) {
  luaL_requiref(L, "lumpy", luaopen_lumpy, 0);
}

/* ------------------------------------------------------------ on a stack */
/* the buffer comes after the array's userdata exists (lb_push_shell), so
   that a memory error in Lua cannot leak it; the array takes over the
   buffer's reference */
static void attach(lpy_array *a, lpy_buffer *b, int t, int ndim,
                   const int64_t *shape, const int64_t *strides, void *data,
                   int writeable) {
  lpy_array_init(a, (lpy_dtype)t, ndim, shape, strides, data, b);
  if (!writeable) a->flags &= ~(unsigned)LPY_WRITEABLE;
}

void *lumpy_push_new(lua_State *L, lumpy_dtype t, int ndim,
                     const int64_t *shape) {
  int64_t nbytes = 0;
  const char *bad = bad_geometry((int)t, ndim, shape, &nbytes);
  lpy_array *a;
  lpy_err e;
  lpy_buffer *b;
  if (bad) lb_error(L, "lumpy_push_new", "%s", bad);
  /* always a buffer of its own (never inside the userdata), so that
     lumpy_array_get shares it */
  lb_gc_account(L, (size_t)nbytes);
  a = lb_push_shell(L, ndim);
  b = lpy_buffer_new((size_t)nbytes, 1, &e);
  if (!b) lb_core_error(L, "lumpy_push_new", &e);
  attach(a, b, (int)t, ndim, shape, NULL, b->data, 1);
  a->flags |= LPY_OWNDATA;
  return a->data;
}

static int push_shell(lua_State *L) {
  lb_push_shell(L, (int)lua_tointeger(L, 1));
  return 1;
}

void lumpy_push_wrap(lua_State *L, void *data, lumpy_dtype t, int ndim,
                     const int64_t *shape, const int64_t *strides,
                     unsigned flags, lumpy_release_fn release, void *ud) {
  int64_t nbytes = 0;
  const char *bad = bad_geometry((int)t, ndim, shape, &nbytes);
  lpy_err e;
  lpy_buffer *b;
  lpy_array *a;
  if (!bad && !data && nbytes > 0) bad = "data is NULL";
  if (bad) {
    if (release) release(data, ud);
    lb_error(L, "lumpy_push_wrap", "%s", bad);
  }
  if (!lua_checkstack(L, 4)) {
    if (release) release(data, ud);
    lb_error(L, "lumpy_push_wrap", "stack overflow");
  }
  /* the buffer first (on failure it has called release); the userdata in a
     protected call, so that when Lua runs out of memory the buffer is
     dropped, which calls release, before the error goes on */
  b = lpy_buffer_wrap(data, (size_t)nbytes, release, ud, &e);
  if (!b) lb_core_error(L, "lumpy_push_wrap", &e);
  lua_pushcfunction(L, push_shell);
  lua_pushinteger(L, ndim);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    lpy_buffer_decref(b);
    lua_error(L);
  }
  a = lb_test(L, -1);
  attach(a, b, (int)t, ndim, shape, strides, data, !(flags & LUMPY_READONLY));
}

int lumpy_toarray(lua_State *L, int idx, lumpy_info *info) {
  lpy_array *a = lb_test(L, idx);
  if (!a || (a->flags & LB_CLOSED)) return 0;
  fill_info(a, info);
  return 1;
}

static int arg_error(lua_State *L, int arg, const char *expected) {
  const char *got;
  lpy_array *a = lb_test(L, arg);
  if (a && !(a->flags & LB_CLOSED))
    got = lua_pushfstring(L, "%s array of %d dimension(s)%s%s%s",
                          lpy_dtypes[a->dtype].name, a->ndim,
                          (a->flags & LPY_WRITEABLE) ? "" : ", read-only",
                          (a->flags & LPY_C_CONTIGUOUS) ? "" : ", not C-contiguous",
                          (a->flags & LPY_ALIGNED) ? "" : ", not aligned");
  else if (a) got = "closed array";
  else got = luaL_typename(L, arg);
  return luaL_argerror(L, arg, lua_pushfstring(L, "%s expected, got %s",
                                               expected, got));
}

void lumpy_checkarray(lua_State *L, int arg, lumpy_info *info) {
  if (!lumpy_toarray(L, arg, info)) arg_error(L, arg, "array");
}

void lumpy_checkarrayx(lua_State *L, int arg, int t, int ndim, unsigned req,
                       lumpy_info *info) {
  lpy_array *a = lb_test(L, arg);
  int ok = a && !(a->flags & LB_CLOSED) &&
           (t < 0 || a->dtype == (lpy_dtype)t) &&
           (ndim < 0 || a->ndim == ndim) &&
           (!(req & LUMPY_REQ_WRITEABLE) || (a->flags & LPY_WRITEABLE)) &&
           (!(req & LUMPY_REQ_C_CONTIGUOUS) || (a->flags & LPY_C_CONTIGUOUS)) &&
           (!(req & LUMPY_REQ_ALIGNED) || (a->flags & LPY_ALIGNED));
  if (!ok) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (req & LUMPY_REQ_WRITEABLE) luaL_addstring(&b, "writeable ");
    if (req & LUMPY_REQ_C_CONTIGUOUS) luaL_addstring(&b, "C-contiguous ");
    if (req & LUMPY_REQ_ALIGNED) luaL_addstring(&b, "aligned ");
    if (t >= 0 && t < LPY_NTYPES) {
      luaL_addstring(&b, lpy_dtypes[t].name);
      luaL_addchar(&b, ' ');
    }
    luaL_addstring(&b, "array");
    if (ndim >= 0) {
      lua_pushfstring(L, " of %d dimension(s)", ndim);
      luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    arg_error(L, arg, lua_tostring(L, -1));
  }
  fill_info(a, info);
}

/* ------------------------------------------------------------ handles */
static lumpy_array *new_handle(lpy_buffer *b, lpy_dtype t, int ndim,
                               const int64_t *shape, const int64_t *strides,
                               char *data, unsigned flags) {
  lpy_array *a = malloc(lpy_array_sizeof(ndim));
  if (!a) return NULL;
  lpy_array_init(a, t, ndim, shape, strides, data, b);
  a->flags = (a->flags & ~(unsigned)LPY_WRITEABLE) | (flags & LPY_WRITEABLE);
  lpy_buffer_incref(b);
  return (lumpy_array *)a;
}

lumpy_array *lumpy_array_new(lumpy_dtype t, int ndim, const int64_t *shape) {
  int64_t nbytes;
  lpy_err e;
  if (bad_geometry((int)t, ndim, shape, &nbytes)) return NULL;
  return (lumpy_array *)lpy_array_new((lpy_dtype)t, ndim, shape, 1, &e);
}

lumpy_array *lumpy_array_wrap(void *data, lumpy_dtype t, int ndim,
                              const int64_t *shape, const int64_t *strides,
                              unsigned flags, lumpy_release_fn release,
                              void *ud) {
  int64_t nbytes = 0;
  lpy_err e;
  lpy_buffer *b;
  lumpy_array *h;
  if (bad_geometry((int)t, ndim, shape, &nbytes) || (!data && nbytes > 0)) {
    if (release) release(data, ud);
    return NULL;
  }
  b = lpy_buffer_wrap(data, (size_t)nbytes, release, ud, &e);
  if (!b) return NULL;
  h = new_handle(b, (lpy_dtype)t, ndim, shape, strides, data,
                 (flags & LUMPY_READONLY) ? 0 : LPY_WRITEABLE);
  lpy_buffer_decref(b);      /* the handle's reference, or the release */
  return h;
}

lumpy_array *lumpy_array_get(lua_State *L, int idx, int *shared) {
  lpy_array *a = lb_test(L, idx), *c;
  lpy_err e;
  if (!a || (a->flags & LB_CLOSED)) {
    arg_error(L, idx, "array");
    return NULL;
  }
  if (shared) *shared = a->buf != NULL;
  if (a->buf) {
    lumpy_array *h = new_handle(a->buf, a->dtype, a->ndim, a->shape,
                                a->strides, a->data, a->flags);
    if (!h) lb_error(L, "lumpy_array_get", "out of memory");
    return h;
  }
  /* the elements live inside the userdata: a C-ordered copy */
  c = lpy_array_new(a->dtype, a->ndim, a->shape, 0, &e);
  if (!c) lb_core_error(L, "lumpy_array_get", &e);
  if (lpy_array_assign(c, a, &e) != 0) {
    lpy_array_free(c);
    lb_core_error(L, "lumpy_array_get", &e);
  }
  return (lumpy_array *)c;
}

void lumpy_array_info(const lumpy_array *h, lumpy_info *info) {
  fill_info(&h->a, info);
}

void lumpy_array_release(lumpy_array *h) {
  lpy_array_free(h ? &h->a : NULL);
}

void lumpy_push_array(lua_State *L, const lumpy_array *h) {
  const lpy_array *a = &h->a;
  lb_push_buffer(L, a->buf, a->dtype, a->ndim, a->shape, a->strides, a->data,
                 (a->flags & LPY_WRITEABLE) != 0);
}
