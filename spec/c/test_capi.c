/*
** test_capi.c - the handle half of include/lumpy.h: arrays made and
** wrapped by the host without a state, pushed into one and read back,
** released in either order; and the check helpers' errors (alignment too).
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lumpy.h"

static int fails;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "test_capi:%d: %s\n", __LINE__, #c); fails++; } } while (0)

static float host[6] = {1, 2, 3, 4, 5, 6};
static int released;
static void give_back(void *data, void *ud) { (void)ud; if (data == host) released++; }

static int need_f64_vector(lua_State *L) {
  lumpy_info info;
  lumpy_checkarrayx(L, 1, LUMPY_FLOAT64, 1, LUMPY_REQ_WRITEABLE, &info);
  lua_pushinteger(L, info.size);
  return 1;
}

static int need_f64_aligned(lua_State *L) {
  lumpy_info info;
  lumpy_checkarrayx(L, 1, LUMPY_FLOAT64, -1, LUMPY_REQ_C_CONTIGUOUS | LUMPY_REQ_ALIGNED,
                    &info);
  lua_pushboolean(L, ((uintptr_t)info.data & 7) == 0);
  return 1;
}

static const char *run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) == 0) return NULL;
  return lua_tostring(L, -1);
}

int main(void) {
  lua_State *L = luaL_newstate();
  int64_t shape[2] = {2, 3}, bad[1] = {-1};
  lumpy_array *h, *w, *g;
  lumpy_info info;
  const char *err;
  int shared;
  luaL_openlibs(L);
  lumpy_openlib(L);
  lua_setglobal(L, "lumpy");
  lua_register(L, "need_f64_vector", need_f64_vector);
  lua_register(L, "need_f64_aligned", need_f64_aligned);

  /* a host array, filled, pushed, changed by the script, seen by the host */
  h = lumpy_array_new(LUMPY_INT32, 2, shape);
  CHECK(h != NULL);
  lumpy_array_info(h, &info);
  CHECK(info.size == 6 && info.itemsize == 4 && info.c_contiguous && info.writeable);
  ((int32_t *)info.data)[5] = 7;
  lumpy_push_array(L, h);
  lua_setglobal(L, "h");
  CHECK(run(L, "assert(h:sum() == 7 and h.dtype.name == 'int32'); h[{1, 1}] = 9") == NULL);
  CHECK(((int32_t *)info.data)[0] == 9);
  lumpy_array_release(h);                  /* the Lua array keeps the memory */
  CHECK(run(L, "assert(h:sum() == 16)") == NULL);

  /* the host's own memory, read-only, Fortran strides */
  {
    int64_t st[2] = {4, 8};
    w = lumpy_array_wrap(host, LUMPY_FLOAT32, 2, shape, st, LUMPY_READONLY, give_back, NULL);
  }
  CHECK(w != NULL);
  lumpy_push_array(L, w);
  lua_setglobal(L, "w");
  lumpy_array_release(w);
  CHECK(run(L, "assert(w[{1, 2}] == 3 and not w.flags.writeable)") == NULL);
  err = run(L, "w[{1, 1}] = 0");
  CHECK(err && strstr(err, "read-only"));
  CHECK(released == 0);
  CHECK(run(L, "w = nil; collectgarbage(); collectgarbage()") == NULL);
  CHECK(released == 1);

  /* a handle on a script's array outlives the state */
  CHECK(run(L, "big = lumpy.arange(100, {dtype = 'float64'})") == NULL);
  lua_getglobal(L, "big");
  g = lumpy_array_get(L, -1, &shared);
  lua_pop(L, 1);
  CHECK(shared == 1);

  /* the checks' messages */
  err = run(L, "need_f64_vector(lumpy.zeros(3, 'float32'))");
  CHECK(err && strstr(err, "bad argument #1") && strstr(err, "writeable float64 array of 1 dimension(s) expected, got float32"));
  err = run(L, "need_f64_vector(3)");
  CHECK(err && strstr(err, "got number"));
  CHECK(run(L, "assert(need_f64_vector(lumpy.zeros(4)) == 4)") == NULL);
  /* LUMPY_REQ_ALIGNED refuses a view of bytes one off the alignment */
  CHECK(run(L, "assert(need_f64_aligned(lumpy.zeros({2, 2})) == true)") == NULL);
  err = run(L, "need_f64_aligned(lumpy.zeros(33, 'uint8')[{{2, 33}}]:view('float64'))");
  CHECK(err && strstr(err, "C-contiguous aligned float64 array expected") &&
        strstr(err, "got float64 array of 1 dimension(s), not aligned"));
  /* host memory at an odd address: a misaligned array that works */
  {
    static double mem[5];
    int64_t four[1] = {4};
    char *odd = (char *)mem + 1;
    double v = 2.5;
    int i;
    for (i = 0; i < 4; i++) memcpy(odd + 8 * i, &v, 8);
    lumpy_push_wrap(L, odd, LUMPY_FLOAT64, 1, four, NULL, 0, NULL, NULL);
    lua_setglobal(L, "odd");
    CHECK(run(L, "assert(not odd.flags.aligned and odd:sum() == 10 and lumpy.sort(odd)[4] == 2.5)") == NULL);
    CHECK(run(L, "assert(not pcall(need_f64_aligned, odd)); odd = nil; collectgarbage()") == NULL);
  }

  /* bad geometry: NULL from the handle functions, release still called */
  CHECK(lumpy_array_new(LUMPY_FLOAT64, 1, bad) == NULL);
  CHECK(lumpy_array_new((lumpy_dtype)99, 1, shape) == NULL);
  CHECK(lumpy_array_wrap(host, LUMPY_FLOAT32, 1, bad, NULL, 0, give_back, NULL) == NULL);
  CHECK(released == 2);
  lua_close(L);

  lumpy_array_info(g, &info);
  CHECK(info.size == 100 && ((double *)info.data)[99] == 99);
  lumpy_array_release(g);
  printf("test_capi: %s\n", fails ? "FAILED" : "ok");
  return fails != 0;
}
