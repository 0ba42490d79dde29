/*
** lumpy.h - LumPy's public C API, for applications that embed Lua.
**
** Open the module into a state (from the shared module, or from liblumpy.a
** linked into the host), on any Lua from 5.1 to 5.4 and LuaJIT:
**   lumpy_openlib(L);
** then move arrays between the host and its scripts: push new arrays, wrap
** the host's own memory without copying, read an argument's data pointer,
** dtype, shape and strides, and keep arrays alive in the host's own threads.
** DLPack tensors cross in both directions without copies.
**
** Threads: each lua_State must be used by one thread at a time, as Lua
** requires; several states in several threads may use LumPy at once.
** lumpy_array handles are not tied to any state: they may be made, read and
** released in any thread. docs/c-api.md is the reference.
*/
#ifndef LUMPY_H
#define LUMPY_H

#include <stddef.h>
#include <stdint.h>
#include "lua.h"

#define LUMPY_VERSION "0.1.0"
#define LUMPY_VERSION_NUM 100

#if defined(__GNUC__)
#define LUMPY_EXPORT __attribute__((visibility("default")))
#else
#define LUMPY_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* open the module: pushes the lumpy table */
LUMPY_EXPORT int luaopen_lumpy(lua_State *L);
/* open it as package.loaded.lumpy, so that scripts' require finds it, and
   push it: luaL_requiref(L, "lumpy", luaopen_lumpy, 0) on every Lua */
LUMPY_EXPORT void lumpy_openlib(lua_State *L);

/* ---- dtypes (the same names as np.<dtype>) */
typedef enum lumpy_dtype {
  LUMPY_BOOL, LUMPY_INT8, LUMPY_INT16, LUMPY_INT32, LUMPY_INT64,
  LUMPY_UINT8, LUMPY_UINT16, LUMPY_UINT32, LUMPY_UINT64,
  LUMPY_FLOAT32, LUMPY_FLOAT64, LUMPY_COMPLEX64, LUMPY_COMPLEX128
} lumpy_dtype;
#define LUMPY_NTYPES 13
#define LUMPY_MAXDIMS 32

/* bytes per element of t (0 for an invalid t); its name, "float64" */
LUMPY_EXPORT size_t lumpy_itemsize(lumpy_dtype t);
LUMPY_EXPORT const char *lumpy_dtype_name(lumpy_dtype t);

/* ---- what the host sees of an array. The pointers stay valid while the
   array (or a handle sharing its memory) is alive. */
typedef struct lumpy_info {
  void *data;              /* address of the first element */
  lumpy_dtype dtype;
  int ndim;
  const int64_t *shape;
  const int64_t *strides;  /* in bytes; may be negative or 0 */
  int64_t size;            /* number of elements */
  size_t itemsize;
  int writeable;
  int c_contiguous, f_contiguous;
} lumpy_info;

/* called once when no array uses the wrapped memory any more, in whatever
   thread drops the last reference (or by the collector in the state's) */
typedef void (*lumpy_release_fn)(void *data, void *ud);

/* flags of lumpy_push_wrap / lumpy_array_wrap */
#define LUMPY_READONLY 1

/* ---- arrays on a Lua stack. These raise Lua errors (in the luaL_ style)
   on bad input or when memory runs out. */

/* push a new zero-filled C-ordered array; returns its data */
LUMPY_EXPORT void *lumpy_push_new(lua_State *L, lumpy_dtype t, int ndim,
                                  const int64_t *shape);
/* push an array over the host's memory, without copying. strides in bytes,
   or NULL for C order. release (may be NULL) is called with (data, ud)
   when the last array using the memory is gone. If this function raises an
   error, release has already been called. */
LUMPY_EXPORT void lumpy_push_wrap(lua_State *L, void *data, lumpy_dtype t,
                                  int ndim, const int64_t *shape,
                                  const int64_t *strides, unsigned flags,
                                  lumpy_release_fn release, void *ud);
/* 1 and info filled if the value at idx is an array, else 0 */
LUMPY_EXPORT int lumpy_toarray(lua_State *L, int idx, lumpy_info *info);
/* the array at argument arg, or a Lua error "bad argument #arg to 'f'
   (array expected, got <type>)" */
LUMPY_EXPORT void lumpy_checkarray(lua_State *L, int arg, lumpy_info *info);
/* the same, also checking the dtype (t < 0: any), the number of dimensions
   (ndim < 0: any) and the requirements (LUMPY_REQ_*). LUMPY_REQ_ALIGNED:
   every element at an address aligned for its C type, which reading data
   through a typed pointer needs (a view of bytes as another dtype, a
   memmap at an odd offset or wrapped memory may not be) */
#define LUMPY_REQ_WRITEABLE 1
#define LUMPY_REQ_C_CONTIGUOUS 2
#define LUMPY_REQ_ALIGNED 4
LUMPY_EXPORT void lumpy_checkarrayx(lua_State *L, int arg, int t, int ndim,
                                    unsigned req, lumpy_info *info);

/* ---- array handles for the host, independent of any Lua state */
typedef struct lumpy_array lumpy_array;

/* a new zero-filled C-ordered array; NULL when out of memory or the shape
   is invalid */
LUMPY_EXPORT lumpy_array *lumpy_array_new(lumpy_dtype t, int ndim,
                                          const int64_t *shape);
/* a handle over the host's memory (as lumpy_push_wrap); NULL on bad
   arguments or out of memory, after calling release */
LUMPY_EXPORT lumpy_array *lumpy_array_wrap(void *data, lumpy_dtype t, int ndim,
                                           const int64_t *shape,
                                           const int64_t *strides,
                                           unsigned flags,
                                           lumpy_release_fn release, void *ud);
/* a handle on the array at idx (a Lua error if it is not one). It shares
   the array's memory, except for arrays whose elements live inside the Lua
   object (arrays of 256 bytes or less made by Lua code): those are copied,
   and *shared (if not NULL) is set to 0. */
LUMPY_EXPORT lumpy_array *lumpy_array_get(lua_State *L, int idx, int *shared);
LUMPY_EXPORT void lumpy_array_info(const lumpy_array *a, lumpy_info *info);
/* drop the handle; the memory lives on while any array uses it */
LUMPY_EXPORT void lumpy_array_release(lumpy_array *a);
/* push a Lua array sharing the handle's memory */
LUMPY_EXPORT void lumpy_push_array(lua_State *L, const lumpy_array *a);

/* ---- DLPack (https://dmlc.github.io/dlpack/). These structs have the
   layout of dlpack.h's DLManagedTensor (any version) and, for DLPack 1.0,
   DLManagedTensorVersioned; a host that uses dlpack.h casts between them. */
typedef struct lumpy_dldevice { int32_t device_type, device_id; } lumpy_dldevice;
typedef struct lumpy_dldtype { uint8_t code, bits; uint16_t lanes; } lumpy_dldtype;
typedef struct lumpy_dltensor {
  void *data;
  lumpy_dldevice device;
  int32_t ndim;
  lumpy_dldtype dtype;
  int64_t *shape;
  int64_t *strides;        /* in elements; NULL means C order */
  uint64_t byte_offset;
} lumpy_dltensor;
typedef struct lumpy_dlmanaged {
  lumpy_dltensor dl_tensor;
  void *manager_ctx;
  void (*deleter)(struct lumpy_dlmanaged *self);
} lumpy_dlmanaged;
typedef struct lumpy_dlmanaged_versioned {
  struct { uint32_t major, minor; } version;
  void *manager_ctx;
  void (*deleter)(struct lumpy_dlmanaged_versioned *self);
  uint64_t flags;          /* LUMPY_DL_READ_ONLY, LUMPY_DL_IS_COPIED */
  lumpy_dltensor dl_tensor;
} lumpy_dlmanaged_versioned;
#define LUMPY_DL_READ_ONLY 1
#define LUMPY_DL_IS_COPIED 2

/* export the array at idx; the caller owns the result and must call its
   deleter. Errors (Lua) for arrays DLPack cannot describe: strides that
   are not whole elements, or (legacy struct only) read-only arrays. */
LUMPY_EXPORT lumpy_dlmanaged *lumpy_to_dlpack(lua_State *L, int idx);
LUMPY_EXPORT lumpy_dlmanaged_versioned *lumpy_to_dlpack_versioned(lua_State *L,
                                                                  int idx);
/* push an array over a DLPack tensor (CPU memory only), taking ownership:
   its deleter is called when no array uses the memory any more, or at
   once if this raises an error */
LUMPY_EXPORT void lumpy_push_dlpack(lua_State *L, lumpy_dlmanaged *t);
LUMPY_EXPORT void lumpy_push_dlpack_versioned(lua_State *L,
                                              lumpy_dlmanaged_versioned *t);

#ifdef __cplusplus
}
#endif

#endif
