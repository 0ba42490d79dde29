/*
** npz.c - Lua binding of .npz archives: an archive object over the
** read-only mapping of the file (its members are extracted one at a time,
** on each access, as NumPy's NpzFile does) and the writer behind np.savez
** and np.savez_compressed. Registered by npyio.c.
*/
#include <errno.h>
#include <string.h>
#include "lnpyio.h"

#define NPZ_MT "lumpy.npz"
#define ZIPW_MT "lumpy.npz.writer"

typedef struct lnpz {
  lpy_buffer *map;     /* the whole file, mapped read-only */
  lpy_zip z;
  int closed;
} lnpz;

static int npz_gc(lua_State *L) {
  lnpz *a = luaL_checkudata(L, 1, NPZ_MT);
  lpy_zip_free(&a->z);
  if (a->map) lpy_buffer_decref(a->map);
  a->map = NULL;
  a->closed = 1;
  return 0;
}

static lnpz *check_npz(lua_State *L, int idx, const char *fn) {
  lnpz *a = luaL_testudata(L, idx, NPZ_MT);
  if (!a) lb_error(L, fn, "expected an NpzFile");
  if (a->closed) lb_error(L, fn, "the NpzFile is closed");
  return a;
}

/* npz_open(fn, path) */
int lb_npz_open(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  const char *path = luaL_checkstring(L, 2);
  lnpz *a = lc_newscratch(L, sizeof *a);
  lpy_err e;
  memset(a, 0, sizeof *a);
  if (luaL_newmetatable(L, NPZ_MT)) {
    lua_pushcfunction(L, npz_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  if (lpy_map_file(path, LPY_MAP_R, 0, UINT64_MAX, &a->map, &e))
    return lb_core_error(L, fn, &e);
  if (lpy_zip_open(&a->z, a->map->data, a->map->nbytes, &e))
    return lb_core_error(L, fn, &e);
  return 1;
}

/* npz_names(z): the member names in archive order */
int lb_npz_names(lua_State *L) {
  lnpz *a = check_npz(L, 1, "load");
  size_t i;
  lua_createtable(L, (int)a->z.count, 0);
  for (i = 0; i < a->z.count; i++) {
    lua_pushlstring(L, a->z.e[i].name, a->z.e[i].namelen);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* npz_read(fn, z, i, max_header): member i (1-based) as an array when it
   is .npy data, else its bytes as a string */
int lb_npz_read(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  lnpz *a = check_npz(L, 2, fn);
  lua_Integer i = luaL_checkinteger(L, 3);
  lua_Integer m = luaL_optinteger(L, 4, 10000);
  uint64_t us;
  lpy_array *s;
  lpy_buffer *b;
  lpy_err e;
  lua_settop(L, 4);
  if (i < 1 || (uint64_t)i > a->z.count) return lb_error(L, fn, "no such member");
  if (lpy_zip_size(&a->z, (size_t)i - 1, &us, &e)) return lb_core_error(L, fn, &e);
  if (us > SIZE_MAX / 2) return lb_error(L, fn, "member too large");
  if (us == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  lb_gc_account(L, (size_t)us);
  s = lb_push_shell(L, LPY_MAXDIMS);                    /* 5 */
  b = lpy_buffer_new((size_t)us, 0, &e);
  if (!b) return lb_core_error(L, fn, &e);
  s->buf = b;
  if (lpy_zip_extract(&a->z, (size_t)i - 1, b->data, &e))
    return lb_core_error(L, fn, &e);
  if (us >= LPY_NPY_MAGIC_LEN && memcmp(b->data, LPY_NPY_MAGIC, LPY_NPY_MAGIC_LEN) == 0)
    lb_npy_from_buffer(L, 5, m <= 0 ? 0 : (size_t)m, fn);
  else
    lua_pushlstring(L, b->data, (size_t)us);
  return 1;
}

int lb_npz_close(lua_State *L) {
  if (luaL_testudata(L, 1, NPZ_MT)) npz_gc(L);
  return 0;
}

/* ------------------------------------------------------------ writing */
static int zipw_gc(lua_State *L) {
  lpy_zipw *w = luaL_checkudata(L, 1, ZIPW_MT);
  lpy_zipw_free(w);
  return 0;
}

/* npz_save(fn, dest, names, arrays, compress): each array C- or
   Fortran-contiguous, written as member names[k] .. ".npy" */
int lb_npz_save(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  int compress = lua_toboolean(L, 5);
  lua_Integer n, k;
  lpy_zipw *w;
  lpy_err e;
  FILE *f;
  luaL_checktype(L, 3, LUA_TTABLE);
  luaL_checktype(L, 4, LUA_TTABLE);
  lua_settop(L, 5);
  n = (lua_Integer)lua_rawlen(L, 3);
  w = lc_newscratch(L, sizeof *w);               /* 6 */
  lpy_zipw_init(w, NULL);
  if (luaL_newmetatable(L, ZIPW_MT)) {
    lua_pushcfunction(L, zipw_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  f = lb_npy_file(L, 2, "wb", fn);                      /* 7 */
  lpy_zipw_init(w, f);
  for (k = 1; k <= n; k++) {
    char hdr[4096], name[4200];
    const char *nm;
    size_t hl, nl;
    lpy_array *a;
    int fortran;
    lua_rawgeti(L, 3, k);
    nm = lua_tolstring(L, -1, &nl);
    if (!nm) return lb_error(L, fn, "internal: names must be strings");
    if (nl > 4000 || memchr(nm, 0, nl)) return lb_error(L, fn, "bad member name");
    snprintf(name, sizeof name, "%s.npy", nm);
    lua_pop(L, 1);
    lua_rawgeti(L, 4, k);
    a = lb_check(L, -1, fn);
    if (a->size > 1 && !(a->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS)))
      return lb_error(L, fn, "internal: the array must be contiguous");
    fortran = a->size > 1 && !(a->flags & LPY_C_CONTIGUOUS);
    hl = lpy_npy_header_write(hdr, sizeof hdr, a->dtype, fortran, a->ndim,
                              a->shape, 0, &e);
    if (!hl) return lb_core_error(L, fn, &e);
    if (lpy_zipw_add(w, name, hdr, hl, a->data, (size_t)lpy_array_nbytes(a),
                     compress, &e))
      return lb_core_error(L, fn, &e);
    lua_pop(L, 1);
  }
  if (lpy_zipw_finish(w, &e)) return lb_core_error(L, fn, &e);
  lb_npy_close(L, 7, fn);
  return 0;
}
