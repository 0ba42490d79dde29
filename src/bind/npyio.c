/*
** npyio.c - Lua binding of the .npy format and of memory-mapped files:
** the primitives lumpy/npyio.lua builds np.save, np.load, np.memmap and
** np.lib.format.open_memmap on (internal "npyio" table), and a:flush().
** Files are held in collectable userdata, so an error never leaks one.
*/
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "lnpyio.h"

#define FILE_MT "lumpy.npyio.file"

/* ------------------------------------------------------------ files */
typedef struct lfile { FILE *f; } lfile;

static int file_gc(lua_State *L) {
  lfile *h = luaL_checkudata(L, 1, FILE_MT);
  if (h->f) fclose(h->f);
  h->f = NULL;
  return 0;
}

FILE *lb_npy_file(lua_State *L, int idx, const char *mode, const char *fn) {
  FILE *f;
  int closed = 0;
  lfile *h;
  if (lua_type(L, idx) == LUA_TSTRING) {
    const char *path = lua_tostring(L, idx);
    h = lc_newscratch(L, sizeof *h);
    h->f = NULL;
    luaL_setmetatable(L, FILE_MT);
    h->f = fopen(path, mode);
    if (!h->f) lb_error(L, fn, "cannot open %s: %s", path, strerror(errno));
    return h->f;
  }
  f = lc_tofile(L, idx, &closed);
  if (!f && !closed)
    lb_error(L, fn, "expected a file name or an open file, got %s",
             luaL_typename(L, idx));
  if (closed) lb_error(L, fn, "the file is closed");
  lua_pushvalue(L, idx);
  return f;
}

void lb_npy_close(lua_State *L, int idx, const char *fn) {
  lfile *h = luaL_testudata(L, idx, FILE_MT);
  if (h && h->f) {
    int bad = fclose(h->f);
    h->f = NULL;
    if (bad) lb_error(L, fn, "cannot write the file: %s", strerror(errno));
  }
}

/* bytes left in f from its position; -1 when unknown (not a regular file) */
static int64_t file_left(FILE *f) {
  struct stat st;
  off_t at = ftello(f);
  if (at < 0 || fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) return -1;
  return st.st_size > at ? (int64_t)(st.st_size - at) : 0;
}

/* read and parse the header at f's position */
static void read_header(lua_State *L, FILE *f, size_t max_header,
                        lpy_npy_header *h, const char *fn) {
  char pre[12], *buf;
  size_t got = fread(pre, 1, 10, f), off = 0, need = 0;
  int64_t left;
  lpy_err e;
  int st = lpy_npy_prefix(pre, got, max_header, &off, &need, &e);
  if (st < 0 && got == 10 && need == 12) {
    got += fread(pre + 10, 1, 2, f);
    st = lpy_npy_prefix(pre, got, max_header, &off, &need, &e);
  }
  if (st < 0) lb_error(L, fn, "the file is truncated (%zu bytes, no complete "
                       ".npy header)", got);
  if (st) lb_core_error(L, fn, &e);
  left = file_left(f);
  if (left >= 0 && (uint64_t)left < off - got)
    lb_error(L, fn, "the file is truncated: the .npy header says %zu bytes, "
             "the file has %lld", off, (long long)(left + (int64_t)got));
  buf = lc_newscratch(L, off);
  memcpy(buf, pre, got);
  if (fread(buf + got, 1, off - got, f) != off - got)
    lb_error(L, fn, "the file is truncated inside the .npy header");
  if (lpy_npy_parse(buf, off, max_header, h, &e)) lb_core_error(L, fn, &e);
  lua_pop(L, 1);
}

static size_t opt_max_header(lua_State *L, int idx) {
  lua_Integer m = luaL_optinteger(L, idx, 10000);
  return m <= 0 ? 0 : (size_t)m;
}

/* ------------------------------------------------------------ save / load */
/* write p1[0..n1) then p2[0..n2) to fd, resuming after partial writes */
static int write_all(int fd, const char *p1, size_t n1, const char *p2, size_t n2) {
  while (n1 + n2 > 0) {
    struct iovec v[2];
    int k = 0;
    ssize_t w;
    if (n1) { v[k].iov_base = (void *)p1; v[k].iov_len = n1; k++; }
    if (n2) { v[k].iov_base = (void *)p2; v[k].iov_len = n2 > ((size_t)1 << 30) ? (size_t)1 << 30 : n2; k++; }
    w = writev(fd, v, k);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if ((size_t)w >= n1) {
      w -= (ssize_t)n1;
      p1 += n1;
      n1 = 0;
      p2 += w;
      n2 -= (size_t)w;
    } else {
      p1 += w;
      n1 -= (size_t)w;
    }
  }
  return 0;
}

/* save(fn, dest, a [, version]): a is C- or Fortran-contiguous */
static int p_save(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  lpy_array *a = lb_check(L, 3, fn);
  int version = (int)luaL_optinteger(L, 4, 0), fortran;
  char hdr[4096];
  size_t hl, nb = (size_t)lpy_array_nbytes(a);
  lpy_err e;
  FILE *f;
  if (a->size > 1 && !(a->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS)))
    return lb_error(L, fn, "internal: the array must be contiguous");
  fortran = a->size > 1 && !(a->flags & LPY_C_CONTIGUOUS);
  hl = lpy_npy_header_write(hdr, sizeof hdr, a->dtype, fortran, a->ndim,
                            a->shape, version, &e);
  if (!hl) return lb_core_error(L, fn, &e);
  lua_settop(L, 4);
  f = lb_npy_file(L, 2, "wb", fn);                      /* 5 */
  if (lua_type(L, 2) == LUA_TSTRING) {
    /* a file of our own, nothing buffered: the blocks reserved first (as
       NumPy does: the file system then lays the data out in one go), then
       one writev of header and data */
    if (nb > ((size_t)1 << 20))
      (void)fallocate(fileno(f), FALLOC_FL_KEEP_SIZE, 0, (off_t)(hl + nb));
    if (write_all(fileno(f), hdr, hl, a->data, nb))
      return lb_error(L, fn, "cannot write the file: %s", strerror(errno));
  } else if (fwrite(hdr, 1, hl, f) != hl || (nb && fwrite(a->data, 1, nb, f) != nb)) {
    return lb_error(L, fn, "cannot write the file: %s", strerror(errno));
  }
  lb_npy_close(L, 5, fn);
  return 0;
}

/* load(fn, src [, max_header]): the .npy array at src's position */
static int p_load(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  size_t max = opt_max_header(L, 3);
  lpy_npy_header h;
  lpy_array *a;
  int64_t left;
  FILE *f;
  lua_settop(L, 3);
  f = lb_npy_file(L, 2, "rb", fn);                      /* 4 */
  read_header(L, f, max, &h, fn);
  left = file_left(f);
  if (left >= 0 && left < h.nbytes)
    return lb_error(L, fn, "the file is truncated: the array needs %lld bytes "
                    "of data, the file has %lld", (long long)h.nbytes, (long long)left);
  a = lb_push_new(L, h.dtype, h.ndim, h.shape, 0, fn); /* 5 */
  if (h.fortran) lb_make_fortran(a);
  if (h.nbytes && fread(a->data, 1, (size_t)h.nbytes, f) != (size_t)h.nbytes)
    return lb_error(L, fn, "the file is truncated: the array needs %lld bytes of data",
                    (long long)h.nbytes);
  if (h.swap) lpy_npy_byteswap(a->data, a->size, a->dtype);
  lb_npy_close(L, 4, fn);
  return 1;
}

void lb_npy_from_buffer(lua_State *L, int shellidx, size_t max_header,
                        const char *fn) {
  lpy_array *s = lb_test(L, shellidx);
  lpy_buffer *b = s->buf;
  lpy_npy_header h;
  lpy_err e;
  char *data;
  size_t align;
  if (lpy_npy_parse(b->data, b->nbytes, max_header, &h, &e)) lb_core_error(L, fn, &e);
  if ((uint64_t)(b->nbytes - h.data_offset) < (uint64_t)h.nbytes)
    lb_error(L, fn, "the data is truncated: the array needs %lld bytes, the "
             "member holds %zu", (long long)h.nbytes, b->nbytes - h.data_offset);
  data = b->data + h.data_offset;
  if (h.swap) lpy_npy_byteswap(data, h.size, h.dtype);
  align = (size_t)lpy_itemsize(lpy_dtype_real(h.dtype));
  if ((uintptr_t)data % align == 0) {
    lpy_array_init(s, h.dtype, h.ndim, h.shape, NULL, data, b);
    if (h.fortran) lb_make_fortran(s);
    lua_pushvalue(L, shellidx);
  } else {
    lpy_array *a = lb_push_new(L, h.dtype, h.ndim, h.shape, 0, fn);
    if (h.fortran) lb_make_fortran(a);
    memcpy(a->data, data, (size_t)h.nbytes);
  }
}

/* ------------------------------------------------------------ maps */
static const char *const MODES[] = {"r", "r+", "c", "w+", NULL};

/* lay the shell at top out over the mapping b of an (t, ndim, shape) array */
static void map_array(lua_State *L, lpy_array *s, lpy_buffer *b, lpy_dtype t,
                      int ndim, const int64_t *shape, int fortran, int mode) {
  lpy_array_init(s, t, ndim, shape, NULL, b->data, b);
  if (fortran) lb_make_fortran(s);
  if (mode == LPY_MAP_R) s->flags &= ~(unsigned)LPY_WRITEABLE;
  (void)L;
}

/* map(fn, path, mode, max_header): np.load(path, {mmap_mode = mode}) */
static int p_map(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  const char *path = luaL_checkstring(L, 2);
  int mode = luaL_checkoption(L, 3, NULL, MODES);
  size_t max = opt_max_header(L, 4);
  lpy_npy_header h;
  lpy_array *s;
  lpy_buffer *b;
  lpy_err e;
  FILE *f;
  lua_settop(L, 4);
  if (mode == 3) mode = LPY_MAP_RW;
  f = lb_npy_file(L, 2, "rb", fn);                      /* 5 */
  read_header(L, f, max, &h, fn);
  lb_npy_close(L, 5, fn);
  if (h.swap)
    return lb_error(L, fn, "cannot memory-map %s: its data is in the other byte "
                    "order and LumPy arrays are in native order; load it "
                    "without mmap_mode", path);
  s = lb_push_shell(L, LPY_MAXDIMS);
  if (lpy_map_file(path, mode, h.data_offset, (uint64_t)h.nbytes, &b, &e))
    return lb_core_error(L, fn, &e);
  map_array(L, s, b, h.dtype, h.ndim, h.shape, h.fortran, mode);
  return 1;
}

/* memmap(fn, path, dtype, mode, offset, shape|nil, fortran): a raw file */
static int p_memmap(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  const char *path = luaL_checkstring(L, 2);
  lpy_dtype t = (lpy_dtype)lb_optdtype(L, 3, LPY_UINT8, fn);
  int mode = luaL_checkoption(L, 4, NULL, MODES), ndim = 1, fortran;
  lua_Integer off = lb_checkinteger(L, 5, fn);
  int64_t shape[LPY_MAXDIMS], n;
  uint64_t len = UINT64_MAX;
  lpy_array *s;
  lpy_buffer *b;
  lpy_err e;
  fortran = lua_toboolean(L, 7);
  if (off < 0) return lb_error(L, fn, "offset must be non-negative");
  if (mode == 3) mode = LPY_MAP_CREATE;
  if (!lua_isnoneornil(L, 6)) {
    ndim = lb_checkshape(L, 6, shape, fn);
    n = lpy_shape_size(ndim, shape, &e);
    if (n < 0) return lb_core_error(L, fn, &e);
    if (n > INT64_MAX / lpy_itemsize(t)) return lb_error(L, fn, "the array is too big");
    len = (uint64_t)n * (uint64_t)lpy_itemsize(t);
  } else if (mode == LPY_MAP_CREATE) {
    return lb_error(L, fn, "shape must be given if no data is being mapped");
  }
  s = lb_push_shell(L, LPY_MAXDIMS);
  if (lpy_map_file(path, mode, (uint64_t)off, len, &b, &e))
    return lb_core_error(L, fn, &e);
  s->buf = b;                                /* collected with the shell */
  if (len == UINT64_MAX) {
    if (b->nbytes % (size_t)lpy_itemsize(t))
      return lb_error(L, fn, "size of available data is not a multiple of the "
                      "data-type size");
    shape[0] = (int64_t)(b->nbytes / (size_t)lpy_itemsize(t));
  }
  map_array(L, s, b, t, ndim, shape, fortran, mode);
  return 1;
}

/* create(fn, path, dtype, shape, fortran, version): open_memmap "w+" */
static int p_create(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  const char *path = luaL_checkstring(L, 2);
  lpy_dtype t = (lpy_dtype)lb_optdtype(L, 3, LPY_FLOAT64, fn);
  int64_t shape[LPY_MAXDIMS], n;
  int ndim = lb_checkshape(L, 4, shape, fn);
  int fortran = lua_toboolean(L, 5);
  int version = (int)luaL_optinteger(L, 6, 0);
  char hdr[4096];
  size_t hl;
  lpy_array *s;
  lpy_buffer *b;
  lpy_err e;
  FILE *f;
  n = lpy_shape_size(ndim, shape, &e);
  if (n < 0) return lb_core_error(L, fn, &e);
  if (n > INT64_MAX / lpy_itemsize(t)) return lb_error(L, fn, "the array is too big");
  hl = lpy_npy_header_write(hdr, sizeof hdr, t, fortran && ndim > 1, ndim, shape,
                            version, &e);
  if (!hl) return lb_core_error(L, fn, &e);
  lua_settop(L, 6);
  f = lb_npy_file(L, 2, "wb", fn);                      /* 7 */
  if (fwrite(hdr, 1, hl, f) != hl)
    return lb_error(L, fn, "cannot write the file: %s", strerror(errno));
  lb_npy_close(L, 7, fn);
  s = lb_push_shell(L, LPY_MAXDIMS);
  if (lpy_map_file(path, LPY_MAP_RW, hl, (uint64_t)n * lpy_itemsize(t), &b, &e))
    return lb_core_error(L, fn, &e);
  map_array(L, s, b, t, ndim, shape, fortran, LPY_MAP_RW);
  return 1;
}

/* a:flush(): write a memory map's changes to its file; no-op otherwise */
static int m_flush(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "flush");
  lpy_err e;
  if (a->buf && lpy_map_flush(a->buf, &e)) return lb_core_error(L, "flush", &e);
  return 0;
}

/* is_memmap(a): does a's memory come from a mapped file */
static int p_is_memmap(lua_State *L) {
  lpy_array *a = lb_test(L, 1);
  lua_pushboolean(L, a && lpy_map_is(a->buf));
  return 1;
}

void lb_open_npyio(lua_State *L, int modidx, int mtidx) {
  static const luaL_Reg fns[] = {
    {"save", p_save}, {"load", p_load}, {"map", p_map}, {"memmap", p_memmap},
    {"create", p_create}, {"is_memmap", p_is_memmap},
    {"npz_open", lb_npz_open}, {"npz_names", lb_npz_names},
    {"npz_read", lb_npz_read}, {"npz_close", lb_npz_close},
    {"npz_save", lb_npz_save}, {NULL, NULL}};
  static const luaL_Reg meths[] = {{"flush", m_flush}, {NULL, NULL}};
  if (luaL_newmetatable(L, FILE_MT)) {
    lua_pushcfunction(L, file_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, file_gc);
    lua_setfield(L, -2, "__close");
  }
  lua_pop(L, 1);
  lb_register_internal(L, modidx, "npyio", fns);
  lb_register(L, modidx, mtidx, NULL, meths);
}
