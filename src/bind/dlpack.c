/*
** dlpack.c - DLPack: arrays exported as DLPack tensors and tensors imported
** as arrays, without copies, in both directions: a:__dlpack(),
** a:__dlpack_device(), np.from_dlpack, and the C API's lumpy_to_dlpack* /
** lumpy_push_dlpack*. From Lua a tensor travels in a capsule (a userdata
** that calls the tensor's deleter if nobody consumed it), as in Python.
*/
#include <stdlib.h>
#include <string.h>
#include "lbind.h"
#include "../../include/lumpy.h"

#define CAPSULE_MT "lumpy.dlpack"
enum { DL_CPU = 1 };
enum { DL_INT = 0, DL_UINT = 1, DL_FLOAT = 2, DL_COMPLEX = 5, DL_BOOL = 6 };

/* ------------------------------------------------------------ export */
/* what an exported tensor owns: a reference to the memory and the shape
   and strides the tensor points to; one block with the managed struct */
typedef struct exported {
  union {
    lumpy_dlmanaged legacy;
    lumpy_dlmanaged_versioned versioned;
  } m;
  lpy_buffer *buf;
  int64_t dims[2 * LPY_MAXDIMS];
} exported;

static void free_exported(exported *x) {
  lpy_buffer_decref(x->buf);
  free(x);
}
static void delete_legacy(lumpy_dlmanaged *m) {
  free_exported((exported *)m->manager_ctx);
}
static void delete_versioned(lumpy_dlmanaged_versioned *m) {
  free_exported((exported *)m->manager_ctx);
}

static lumpy_dldtype dl_dtype(lpy_dtype t) {
  lumpy_dldtype d;
  switch (lpy_dtypes[t].kindn) {
    case LPY_KIND_BOOL: d.code = DL_BOOL; break;
    case LPY_KIND_INT: d.code = DL_INT; break;
    case LPY_KIND_UINT: d.code = DL_UINT; break;
    case LPY_KIND_FLOAT: d.code = DL_FLOAT; break;
    default: d.code = DL_COMPLEX; break;
  }
  d.bits = (uint8_t)(8 * lpy_itemsize(t));
  d.lanes = 1;
  return d;
}

/* fill the tensor of x for the array a (whose memory is in buf) */
static const char *describe(exported *x, lumpy_dltensor *t, const lpy_array *a,
                            lpy_buffer *buf) {
  int64_t isz = lpy_itemsize(a->dtype);
  int i;
  for (i = 0; i < a->ndim; i++) {
    if (a->strides[i] % isz != 0)
      return "DLPack only supports strides which are a multiple of itemsize";
    x->dims[i] = a->shape[i];
    x->dims[LPY_MAXDIMS + i] = a->strides[i] / isz;
  }
  x->buf = buf;
  lpy_buffer_incref(buf);
  t->data = a->data;
  t->device.device_type = DL_CPU;
  t->device.device_id = 0;
  t->ndim = a->ndim;
  t->dtype = dl_dtype(a->dtype);
  t->shape = x->dims;
  t->strides = x->dims + LPY_MAXDIMS;
  t->byte_offset = 0;
  return NULL;
}

/* export the array at idx; copy: 1 always copy, 0 never, -1 when needed.
   Arrays whose elements live inside the Lua object are copied (their
   memory cannot outlive the state), and flagged as copies. */
static void *export(lua_State *L, int idx, int versioned, int copy,
                    const char *fn) {
  lpy_array *a = lb_check(L, idx, fn), *src = a;
  lpy_buffer *buf = a->buf;
  const char *bad;
  exported *x;
  int copied = 0;
  lpy_err e;
  if (!versioned && !(a->flags & LPY_WRITEABLE) && copy != 1)
    lb_error(L, fn, "Cannot export readonly array since signalling readonly "
             "is unsupported by DLPack (supported by newer DLPack version)");
  if (copy == 1 || !buf) {
    lpy_array *c;
    if (copy == 0)
      lb_error(L, fn, "cannot export this array without a copy (its "
               "elements live inside the Lua object); use copy = nil");
    lumpy_push_new(L, (lumpy_dtype)a->dtype, a->ndim, a->shape);
    c = lb_test(L, -1);
    if (lpy_array_assign(c, a, &e) != 0) lb_core_error(L, fn, &e);
    src = c;
    buf = c->buf;
    copied = 1;
  }
  x = calloc(1, sizeof *x);
  if (!x) lb_error(L, fn, "out of memory");
  bad = describe(x, versioned ? &x->m.versioned.dl_tensor : &x->m.legacy.dl_tensor,
                 src, buf);
  if (bad) {
    free(x);
    lb_error(L, fn, "%s", bad);
  }
  if (copied) lua_pop(L, 1);
  if (versioned) {
    x->m.versioned.version.major = 1;
    x->m.versioned.version.minor = 0;
    x->m.versioned.manager_ctx = x;
    x->m.versioned.deleter = delete_versioned;
    x->m.versioned.flags = (copied ? LUMPY_DL_IS_COPIED : 0) |
                           ((src->flags & LPY_WRITEABLE) ? 0 : LUMPY_DL_READ_ONLY);
  } else {
    x->m.legacy.manager_ctx = x;
    x->m.legacy.deleter = delete_legacy;
  }
  return &x->m;
}

lumpy_dlmanaged *lumpy_to_dlpack(lua_State *L, int idx) {
  return export(L, lua_absindex(L, idx), 0, -1, "lumpy_to_dlpack");
}

lumpy_dlmanaged_versioned *lumpy_to_dlpack_versioned(lua_State *L, int idx) {
  return export(L, lua_absindex(L, idx), 1, -1, "lumpy_to_dlpack_versioned");
}

/* ------------------------------------------------------------ import */
typedef struct imported { void *m; int versioned; } imported;

static void call_deleter(void *m, int versioned) {
  if (versioned) {
    lumpy_dlmanaged_versioned *v = m;
    if (v->deleter) v->deleter(v);
  } else {
    lumpy_dlmanaged *t = m;
    if (t->deleter) t->deleter(t);
  }
}

static void release_imported(void *data, void *ud) {
  imported *im = ud;
  (void)data;
  call_deleter(im->m, im->versioned);
  free(im);
}

static const char *dl_to_dtype(lumpy_dldtype d, lpy_dtype *t) {
  int k;
  if (d.lanes != 1) return "vector dtypes (lanes > 1) are not supported";
  for (k = 0; k < LPY_NTYPES; k++)
    if (dl_dtype((lpy_dtype)k).code == d.code &&
        8 * lpy_itemsize((lpy_dtype)k) == d.bits) {
      *t = (lpy_dtype)k;
      return NULL;
    }
  return "unsupported dtype (code and bits)";
}

/* push an array over the tensor, which this takes over */
static void import(lua_State *L, void *m, int versioned, const char *fn) {
  lumpy_dltensor *t = versioned ? &((lumpy_dlmanaged_versioned *)m)->dl_tensor
                                : &((lumpy_dlmanaged *)m)->dl_tensor;
  int writeable = !versioned ||
                  !(((lumpy_dlmanaged_versioned *)m)->flags & LUMPY_DL_READ_ONLY);
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS], nbytes = 0, isz;
  const char *bad = NULL;
  lpy_dtype dt = LPY_FLOAT64;
  imported *im;
  int i;
  if (versioned && ((lumpy_dlmanaged_versioned *)m)->version.major > 1)
    bad = "unsupported DLPack major version";
  else if (t->device.device_type != DL_CPU)
    bad = "only CPU tensors can be imported (device type 1)";
  else if (t->ndim < 0 || t->ndim > LPY_MAXDIMS)
    bad = "ndim must be in 0..32";
  else if (t->ndim > 0 && !t->shape)
    bad = "shape is NULL";
  else bad = dl_to_dtype(t->dtype, &dt);
  if (!bad) {
    lpy_err e;
    isz = lpy_itemsize(dt);
    for (i = 0; i < t->ndim; i++) {
      shape[i] = t->shape[i];
      if (t->strides && __builtin_mul_overflow(t->strides[i], isz, &strides[i]))
        bad = "strides overflow";
    }
    if (!bad && lpy_shape_size(t->ndim, shape, &e) < 0) bad = "invalid shape";
    if (!bad && !t->strides) lpy_strides_c(t->ndim, shape, (int)isz, strides);
    if (!bad) nbytes = lpy_shape_size(t->ndim, shape, &e) * isz;
    if (!bad && !t->data && nbytes > 0) bad = "data is NULL";
  }
  im = bad ? NULL : malloc(sizeof *im);
  if (!im) {
    call_deleter(m, versioned);
    lb_error(L, fn, "%s", bad ? bad : "out of memory");
  }
  im->m = m;
  im->versioned = versioned;
  lumpy_push_wrap(L, (char *)t->data + t->byte_offset, (lumpy_dtype)dt,
                  t->ndim, shape, strides, writeable ? 0 : LUMPY_READONLY,
                  release_imported, im);
}

void lumpy_push_dlpack(lua_State *L, lumpy_dlmanaged *t) {
  import(L, t, 0, "lumpy_push_dlpack");
}

void lumpy_push_dlpack_versioned(lua_State *L, lumpy_dlmanaged_versioned *t) {
  import(L, t, 1, "lumpy_push_dlpack_versioned");
}

/* ------------------------------------------------------------ capsules */
typedef struct capsule { void *m; int versioned; } capsule;

static void push_capsule(lua_State *L, void *m, int versioned) {
  capsule *c = lc_newuserdata(L, sizeof *c);
  c->m = NULL;
  luaL_setmetatable(L, CAPSULE_MT);
  c->m = m;
  c->versioned = versioned;
}

static int capsule_gc(lua_State *L) {
  capsule *c = luaL_checkudata(L, 1, CAPSULE_MT);
  if (c->m) call_deleter(c->m, c->versioned);
  c->m = NULL;
  return 0;
}

static int capsule_tostring(lua_State *L) {
  capsule *c = luaL_checkudata(L, 1, CAPSULE_MT);
  lua_pushfstring(L, "dltensor%s capsule%s", c->versioned ? "_versioned" : "",
                  c->m ? "" : " (used)");
  return 1;
}

/* a:__dlpack({stream =, max_version =, dl_device =, copy =}) */
static int a_dlpack(lua_State *L) {
  static const char *const allowed[] = {"stream", "max_version", "dl_device",
                                        "copy", NULL};
  const char *fn = "ndarray.__dlpack";
  int opts = lua_istable(L, 2) ? 2 : 0, versioned = 0, copy = -1;
  void *m;
  lb_check(L, 1, fn);
  lb_checkopts(L, opts, fn, allowed);
  if (lb_optfield(L, opts, "stream") != LUA_TNIL)
    lb_error(L, fn, "stream must be nil for CPU arrays");
  lua_pop(L, 1);
  if (lb_optfield(L, opts, "max_version") != LUA_TNIL) {
    lua_Integer major;
    if (!lua_istable(L, -1)) lb_error(L, fn, "max_version must be {major, minor}");
    lua_geti(L, -1, 1);
    major = lua_tointeger(L, -1);
    lua_pop(L, 1);
    versioned = major >= 1;
  }
  lua_pop(L, 1);
  if (lb_optfield(L, opts, "dl_device") != LUA_TNIL) {
    lua_Integer type, id;
    if (!lua_istable(L, -1)) lb_error(L, fn, "dl_device must be {type, id}");
    lua_geti(L, -1, 1);
    lua_geti(L, -2, 2);
    type = lua_tointeger(L, -2);
    id = lua_tointeger(L, -1);
    if (type != DL_CPU || id != 0)
      lb_error(L, fn, "unsupported device requested (only CPU: {1, 0})");
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  if (lb_optfield(L, opts, "copy") != LUA_TNIL) copy = lua_toboolean(L, -1);
  lua_pop(L, 1);
  m = export(L, 1, versioned, copy, fn);
  push_capsule(L, m, versioned);
  return 1;
}

static int a_dlpack_device(lua_State *L) {
  lb_check(L, 1, "ndarray.__dlpack_device");
  lua_pushinteger(L, DL_CPU);
  lua_pushinteger(L, 0);
  return 2;
}

/* np.from_dlpack(x, {device =, copy =}): x a capsule, or anything with a
   __dlpack method (an array, or another library's tensor) */
static int from_dlpack(lua_State *L) {
  static const char *const allowed[] = {"device", "copy", NULL};
  const char *fn = "from_dlpack";
  int opts = lb_opts(L, 2);
  capsule *c;
  lb_checkopts(L, opts, fn, allowed);
  if (opts && lb_optfield(L, opts, "device") != LUA_TNIL &&
      !(lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "cpu") == 0))
    lb_error(L, fn, "unsupported device: only \"cpu\"");
  lua_settop(L, opts ? opts : 1);
  if (lb_test(L, 1)) {
    /* a LumPy array: a view of it, sharing memory even when the elements
       live inside the Lua object (which a capsule would have to copy) */
    lpy_array *a = lb_check(L, 1, fn);
    if (opts && lb_optfield(L, opts, "copy") != LUA_TNIL && lua_toboolean(L, -1)) {
      lpy_err e;
      lpy_array *c = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
      if (lpy_array_assign(c, a, &e) != 0) lb_core_error(L, fn, &e);
      return 1;
    }
    lb_push_view(L, 1, a->dtype, a->ndim, a->shape, a->strides, a->data);
    return 1;
  }
  if (!luaL_testudata(L, 1, CAPSULE_MT)) {
    if (!lua_istable(L, 1) && !(lua_isuserdata(L, 1) && lua_getmetatable(L, 1)))
      lb_error(L, fn, "expected an object with a __dlpack method or a "
               "DLPack capsule, got %s", luaL_typename(L, 1));
    lua_settop(L, opts ? opts : 1);
    lua_getfield(L, 1, "__dlpack");
    if (!lua_isfunction(L, -1))
      lb_error(L, fn, "the object has no __dlpack method");
    lua_pushvalue(L, 1);
    lua_createtable(L, 0, 2);
    lua_createtable(L, 2, 0);
    lua_pushinteger(L, 1);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, 0);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "max_version");
    if (opts) {
      lua_getfield(L, opts, "copy");
      lua_setfield(L, -2, "copy");
    }
    lua_call(L, 2, 1);
    lua_replace(L, 1);
  }
  c = luaL_testudata(L, 1, CAPSULE_MT);
  if (!c) lb_error(L, fn, "__dlpack did not return a DLPack capsule");
  if (!c->m) lb_error(L, fn, "the capsule was already used");
  {
    void *m = c->m;
    c->m = NULL;                 /* consumed: the array owns it now */
    import(L, m, c->versioned, fn);
  }
  return 1;
}

void lb_open_dlpack(lua_State *L, int modidx, int mtidx) {
  static const luaL_Reg funcs[] = {{"from_dlpack", from_dlpack}, {NULL, NULL}};
  static const luaL_Reg meths[] = {{"__dlpack", a_dlpack},
                                   {"__dlpack_device", a_dlpack_device},
                                   {NULL, NULL}};
  static const luaL_Reg capsule_mt[] = {{"__gc", capsule_gc},
                                        {"__tostring", capsule_tostring},
                                        {NULL, NULL}};
  luaL_newmetatable(L, CAPSULE_MT);
  luaL_setfuncs(L, capsule_mt, 0);
  lua_pop(L, 1);
  lb_register(L, modidx, mtidx, funcs, meths);
}
