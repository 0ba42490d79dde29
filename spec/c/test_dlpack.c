/*
** test_dlpack.c - LumPy's DLPack structs against dlpack.h (Debian's
** libdlpack-dev), and tensors crossing between a C host and a script in
** both directions without copies, each deleter called exactly once.
*/
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <dlpack/dlpack.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lumpy.h"

#define SAME(a, fa, b, fb) \
  _Static_assert(offsetof(a, fa) == offsetof(b, fb), #a "." #fa)
SAME(lumpy_dltensor, data, DLTensor, data);
SAME(lumpy_dltensor, device, DLTensor, device);
SAME(lumpy_dltensor, ndim, DLTensor, ndim);
SAME(lumpy_dltensor, dtype, DLTensor, dtype);
SAME(lumpy_dltensor, shape, DLTensor, shape);
SAME(lumpy_dltensor, strides, DLTensor, strides);
SAME(lumpy_dltensor, byte_offset, DLTensor, byte_offset);
SAME(lumpy_dlmanaged, manager_ctx, DLManagedTensor, manager_ctx);
SAME(lumpy_dlmanaged, deleter, DLManagedTensor, deleter);
_Static_assert(sizeof(lumpy_dltensor) == sizeof(DLTensor), "DLTensor size");
_Static_assert(sizeof(lumpy_dlmanaged) == sizeof(DLManagedTensor), "size");

static int fails;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "test_dlpack:%d: %s\n", __LINE__, #c); fails++; } } while (0)

/* a host tensor: 2x3 int32 in Fortran order, with a deleter that counts */
static int32_t host_data[6] = {1, 2, 3, 4, 5, 6};
static int64_t host_shape[2] = {2, 3}, host_strides[2] = {1, 2};
static int deleted;
static void host_deleter(DLManagedTensor *self) { (void)self; deleted++; }

static int run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != 0) {
    fprintf(stderr, "test_dlpack: %s\n", lua_tostring(L, -1));
    fails++;
    return 0;
  }
  return 1;
}

int main(void) {
  lua_State *L = luaL_newstate();
  DLManagedTensor in, *out;
  luaL_openlibs(L);
  lumpy_openlib(L);
  lua_setglobal(L, "lumpy");

  /* host -> script: the script sees the host's memory and writes into it */
  memset(&in, 0, sizeof in);
  in.dl_tensor.data = host_data;
  in.dl_tensor.device.device_type = kDLCPU;
  in.dl_tensor.ndim = 2;
  in.dl_tensor.dtype.code = kDLInt;
  in.dl_tensor.dtype.bits = 32;
  in.dl_tensor.dtype.lanes = 1;
  in.dl_tensor.shape = host_shape;
  in.dl_tensor.strides = host_strides;
  in.deleter = host_deleter;
  lumpy_push_dlpack(L, (lumpy_dlmanaged *)&in);
  lua_setglobal(L, "t");
  run(L, "assert(t.dtype.name == 'int32' and t.shape[1] == 2 and t.shape[2] == 3)\n"
         "assert(t[{1, 2}] == 3 and t[{2, 1}] == 2, 'Fortran strides')\n"
         "t[{2, 3}] = 60\n"
         "u = lumpy.from_dlpack(t)  -- a view: the memory stays the host's\n"
         "t = nil");
  CHECK(host_data[5] == 60);
  lua_gc(L, LUA_GCCOLLECT, 0);
  CHECK(deleted == 0);                 /* u still uses it */
  run(L, "u = nil");
  lua_gc(L, LUA_GCCOLLECT, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);
  CHECK(deleted == 1);

  /* script -> host: the host reads the script's array through dlpack.h */
  run(L, "a = lumpy.arange(100, {dtype = 'float64'}):reshape(10, 10)[{{2, 10, 3}, {1, 10, 4}}]");
  lua_getglobal(L, "a");
  out = (DLManagedTensor *)lumpy_to_dlpack(L, -1);
  lua_pop(L, 1);
  run(L, "a = nil");
  lua_gc(L, LUA_GCCOLLECT, 0);
  CHECK(out->dl_tensor.device.device_type == kDLCPU);
  CHECK(out->dl_tensor.dtype.code == kDLFloat && out->dl_tensor.dtype.bits == 64);
  CHECK(out->dl_tensor.ndim == 2 && out->dl_tensor.shape[0] == 3 &&
        out->dl_tensor.shape[1] == 3);
  CHECK(out->dl_tensor.strides[0] == 30 && out->dl_tensor.strides[1] == 4);
  CHECK(((double *)out->dl_tensor.data)[30 + 4] == 44);   /* a[{2, 2}] */
  lua_close(L);                        /* the tensor outlives the state */
  CHECK(((double *)out->dl_tensor.data)[0] == 10);
  out->deleter(out);

  printf("test_dlpack: %s\n", fails ? "FAILED" : "ok");
  return fails != 0;
}
