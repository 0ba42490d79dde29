/*
** manip.c - Lua binding of array manipulation: concatenate, flip,
** array_split / split, repeat, and what lua/lumpy/manip.lua builds on
** (the internal manip table): slab gather / scatter (delete, insert) and the box of
** nonzero elements (trim_zeros).
** Positions given by the user are 1-based (negative from the end).
*/
#include <string.h>
#include "lbind.h"
#include "../core/manip.h"

/* ---------------------------------------------------------- helpers */
/* integers at idx: a Lua integer (returns -1, value in *one), or a
   sequence / integer array (values in a userdata pushed on the stack;
   returns the count). Anything else is an error. */
static int64_t read_ints(lua_State *L, int idx, int64_t **out, int64_t *one,
                         const char *fn, const char *what) {
  lpy_array *a;
  int64_t n, i, *v;
  int isnum;
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) == LUA_TNUMBER) {
    *one = lua_tointegerx(L, idx, &isnum);
    if (!isnum) lb_error(L, fn, "%s must be integers", what);
    return -1;
  }
  if (lua_type(L, idx) != LUA_TTABLE && !lb_test(L, idx))
    lb_error(L, fn, "%s must be an integer or a sequence of integers, got %s",
             what, luaL_typename(L, idx));
  a = lb_toarray(L, idx, -1, fn);
  if (a->ndim > 1) lb_error(L, fn, "%s must be 0- or 1-dimensional", what);
  if (a->size > 0 && !lpy_isint(a->dtype) && a->dtype != LPY_BOOL)
    lb_error(L, fn, "%s must be integers, got %s", what, lpy_dtypes[a->dtype].name);
  n = a->size;
  v = lc_newscratch(L, (size_t)(n ? n : 1) * sizeof(int64_t));
  for (i = 0; i < n; i++) {
    const char *p = a->data + (a->ndim ? i * a->strides[0] : 0);
    v[i] = lpy_get_int64(a->dtype, p);
    if (a->dtype == LPY_UINT64 && v[i] < 0)
      lb_error(L, fn, "%s: value out of range", what);
  }
  lua_remove(L, -2);
  *out = v;
  return n;
}

/* ---------------------------------------------------------- concatenate */
/* the arrays of sequence seq (an array: its sub-arrays along the first
   axis); returns their count. Pushes a table that keeps the converted
   arrays alive (anchor) and the userdata holding the pointers. */
static int collect(lua_State *L, int seq, lpy_array ***arrs, const char *fn) {
  lpy_array *s = lb_test(L, seq), **v;
  lua_Integer len;
  int n, i, anchor;
  if (s) {
    if (s->ndim == 0) lb_error(L, fn, "zero-dimensional arrays cannot be concatenated");
    len = s->shape[0];
  } else {
    if (lua_type(L, seq) != LUA_TTABLE)
      lb_error(L, fn, "expected a sequence of arrays, got %s", luaL_typename(L, seq));
    len = (lua_Integer)lua_rawlen(L, seq);
    lb_check_sequence(L, seq, len, fn, "a table of arrays");
  }
  if (len > (1 << 26)) lb_error(L, fn, "too many arrays");
  n = (int)len;
  lua_newtable(L);
  anchor = lua_gettop(L);
  v = lc_newscratch(L, (size_t)(n ? n : 1) * sizeof *v);
  for (i = 0; i < n; i++) {
    if (s) {
      v[i] = lb_push_view(L, seq, s->dtype, s->ndim - 1, s->shape + 1,
                          s->strides + 1, s->data + i * s->strides[0]);
    } else {
      lua_rawgeti(L, seq, i + 1);
      v[i] = lb_toarray(L, -1, -1, fn);
      lua_remove(L, -2);
    }
    lua_rawseti(L, anchor, i + 1);
  }
  *arrs = v;
  return n;
}

/* np.concatenate(arrays [, axis] [, {out=, dtype=, casting=}]);
   axis nil is NumPy's 0, false is NumPy's None (flatten every input) */
static int l_concatenate(lua_State *L) {
  static const char *const ok[] = {"out", "dtype", "casting", NULL};
  const char *fn = "concatenate";
  lpy_casting rule;
  int opts = lb_opts(L, 2), flat = 0, axis = 0, n, i, k, nd, dt = -1, outidx = 0;
  lpy_array **in, *out = NULL, *a0;
  int64_t shape[LPY_MAXDIMS], total = 0;
  lpy_err e;
  lb_checkopts(L, opts, fn, ok);
  opts = lb_maxargs(L, opts, 2, "the arrays and an axis", fn);
  if (opts == 2) { lua_pushnil(L); lua_insert(L, 2); opts = 3; }
  if (opts) {
    if (lb_optfield(L, opts, "out") != LUA_TNIL) {
      out = lb_check(L, -1, fn);
      outidx = lua_gettop(L);
    } else lua_pop(L, 1);
    lb_optfield(L, opts, "dtype");
    dt = lb_optdtype(L, -1, -1, fn);
    lua_pop(L, 1);
    if (out && dt >= 0)
      return lb_error(L, fn, "concatenate() only takes `out` or `dtype` as an argument, but both were provided.");
  }
  rule = lb_optcasting(L, opts, LPY_CAST_SAME_KIND, fn);
  if (lua_type(L, 2) == LUA_TBOOLEAN && !lua_toboolean(L, 2)) flat = 1;
  n = collect(L, 1, &in, fn);
  if (n == 0) return lb_error(L, fn, "need at least one array to concatenate");
  a0 = in[0];
  if (flat) {
    nd = 1;
    for (i = 0; i < n; i++)
      if (__builtin_add_overflow(total, in[i]->size, &total))
        return lb_error(L, fn, "array is too big");
    shape[0] = total;
  } else {
    if (a0->ndim == 0) return lb_error(L, fn, "zero-dimensional arrays cannot be concatenated");
    nd = a0->ndim;
    axis = lua_isnil(L, 2) ? 0 : lb_checkaxis(L, 2, nd, fn);
    memcpy(shape, a0->shape, (size_t)nd * sizeof(int64_t));
    for (i = 1; i < n; i++) {
      lpy_array *a = in[i];
      if (a->ndim != nd)
        return lb_error(L, fn, "all the input arrays must have same number of dimensions, but the array at index 1 has %d dimension(s) and the array at index %d has %d dimension(s)",
                        nd, i + 1, a->ndim);
      for (k = 0; k < nd; k++) {
        if (k == axis) continue;
        if (a->shape[k] != shape[k])
          return lb_error(L, fn, "all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 1 has size %lld and the array at index %d has size %lld",
                          k + 1, (long long)shape[k], i + 1, (long long)a->shape[k]);
      }
      if (__builtin_add_overflow(shape[axis], a->shape[axis], &shape[axis]))
        return lb_error(L, fn, "array is too big");
    }
  }
  if (out) dt = out->dtype;
  else if (dt < 0) {
    dt = a0->dtype;
    for (i = 1; i < n; i++) dt = lpy_promote((lpy_dtype)dt, in[i]->dtype);
  }
  for (i = 0; i < n; i++)
    if (!lpy_can_cast(in[i]->dtype, (lpy_dtype)dt, rule))
      return lb_error(L, fn, "cannot cast array data from %s to %s according to the rule '%s'",
                      lpy_dtypes[in[i]->dtype].name, lpy_dtypes[dt].name,
                      lpy_casting_names[rule]);
  if (out) {
    if (out->ndim != nd || memcmp(out->shape, shape, (size_t)nd * sizeof(int64_t)))
      return lb_error(L, fn, "Output array is the wrong shape");
    if (!(out->flags & LPY_WRITEABLE))
      return lb_error(L, fn, "output array is read-only");
    for (i = 0; i < n; i++)     /* an input sharing out's memory: copy it */
      if (lpy_arrays_overlap(out, in[i])) {
        lpy_array *c = lb_push_new(L, in[i]->dtype, in[i]->ndim, in[i]->shape, 0, fn);
        if (lpy_array_assign(c, in[i], &e) != 0) lb_core_error(L, fn, &e);
        in[i] = c;
        lua_rawseti(L, -3, i + 1);      /* the anchor keeps the copy alive */
      }
    lua_pushvalue(L, outidx);
  } else {
    out = lb_push_new(L, (lpy_dtype)dt, nd, shape, 0, fn);
  }
  if (flat) {
    int64_t off = 0;
    int64_t st = out->strides[0];
    for (i = 0; i < n; i++) {
      lpy_array_space v;
      lpy_array *a = in[i];
      int64_t vs[LPY_MAXDIMS], s = st;
      if (a->size == 0) continue;
      for (k = a->ndim - 1; k >= 0; k--) { vs[k] = s; s *= a->shape[k]; }
      lpy_array_init(&v.a, out->dtype, a->ndim, a->shape, vs,
                     out->data + off * st, NULL);
      if (lpy_array_assign(&v.a, a, &e) != 0) lb_core_error(L, fn, &e);
      off += a->size;
    }
  } else if (lpy_concat(out, n, in, axis, &e) != 0) {
    lb_core_error(L, fn, &e);
  }
  return 1;
}

/* ---------------------------------------------------------- flip */
/* np.flip(a [, axis]): a view; axis nil = every axis, integer or table */
static int l_flip(lua_State *L) {
  const char *fn = "flip";
  lpy_array *a = lb_toarray(L, 1, -1, fn);
  int64_t st[LPY_MAXDIMS];
  int fl[LPY_MAXDIMS] = {0}, i, n;
  char *p;
  lua_replace(L, 1);
  if (lua_isnoneornil(L, 2)) {
    for (i = 0; i < a->ndim; i++) fl[i] = 1;
  } else if (lua_type(L, 2) == LUA_TTABLE) {
    n = (int)lua_rawlen(L, 2);
    for (i = 1; i <= n; i++) {
      int ax;
      lua_rawgeti(L, 2, i);
      ax = lb_checkaxis(L, -1, a->ndim, fn);
      if (fl[ax]++) return lb_error(L, fn, "repeated axis");
      lua_pop(L, 1);
    }
  } else {
    fl[lb_checkaxis(L, 2, a->ndim, fn)] = 1;
  }
  p = a->data;
  for (i = 0; i < a->ndim; i++) {
    st[i] = a->strides[i];
    if (fl[i] && a->shape[i] > 0) {
      p += (a->shape[i] - 1) * st[i];
      st[i] = -st[i];
    }
  }
  if (a->ndim == 0) {                   /* NumPy's m[()]: a scalar */
    lb_push_elem(L, a->dtype, a->data);
    return 1;
  }
  lb_push_view(L, 1, a->dtype, a->ndim, a->shape, st, p);
  return 1;
}

/* ---------------------------------------------------------- split */
/* Python's slice bound clamping of a NumPy (0-based) split point */
static int64_t clamp_point(int64_t p, int64_t len) {
  if (p < 0) { p += len; if (p < 0) p = 0; }
  return p > len ? len : p;
}

static int do_split(lua_State *L, int even, const char *fn) {
  lpy_array *a = lb_toarray(L, 1, -1, fn);
  int64_t *pos = NULL, nsec = 0, npos, len, i, sh[LPY_MAXDIMS];
  int axis;
  lua_replace(L, 1);
  axis = lua_isnoneornil(L, 3) ? 0 : lb_checkaxis(L, 3, a->ndim, fn);
  if (a->ndim == 0) lb_normaxis(L, 1, 0, fn);
  len = a->shape[axis];
  npos = read_ints(L, 2, &pos, &nsec, fn, "indices_or_sections");
  memcpy(sh, a->shape, (size_t)a->ndim * sizeof(int64_t));
  if (npos < 0) {                       /* a number of sections */
    int64_t each, extra, start = 0;
    if (nsec <= 0) return lb_error(L, fn, "number sections must be larger than 0.");
    if (even && len % nsec != 0)
      return lb_error(L, fn, "array split does not result in an equal division");
    if (nsec > (int64_t)1 << 24) return lb_error(L, fn, "too many sections");
    each = len / nsec;
    extra = len % nsec;
    lua_createtable(L, (int)nsec, 0);
    for (i = 0; i < nsec; i++) {
      sh[axis] = each + (i < extra);
      lb_push_view(L, 1, a->dtype, a->ndim, sh, a->strides,
                   a->data + start * a->strides[axis]);
      lua_rawseti(L, -2, i + 1);
      start += sh[axis];
    }
    return 1;
  }
  if (npos >= (int64_t)1 << 24) return lb_error(L, fn, "too many split positions");
  lua_createtable(L, (int)npos + 1, 0);
  for (i = 0; i <= npos; i++) {
    /* LumPy's 1-based positions: where each new piece starts */
    int64_t s = i == 0 ? 0 : clamp_point(pos[i - 1] > 0 ? pos[i - 1] - 1 : pos[i - 1], len);
    int64_t t = i == npos ? len : clamp_point(pos[i] > 0 ? pos[i] - 1 : pos[i], len);
    if (i > 0 && pos[i - 1] == 0) return lb_error(L, fn, "positions are 1-based: 0 is not a position");
    sh[axis] = t > s ? t - s : 0;
    lb_push_view(L, 1, a->dtype, a->ndim, sh, a->strides, a->data + s * a->strides[axis]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int l_array_split(lua_State *L) { return do_split(L, 0, "array_split"); }
static int l_split(lua_State *L) { return do_split(L, 1, "split"); }

/* ---------------------------------------------------------- repeat */
/* a C-contiguous, aligned array with a's values at the top of the stack
   (a itself when it already is one) */
static lpy_array *contiguous(lua_State *L, int idx, lpy_array *a, const char *fn) {
  lpy_array *c = lb_contig(L, a, -1, fn);
  if (c == a) lua_pushvalue(L, idx);
  return c;
}

/* np.repeat(a, repeats [, axis]) / a:repeat(...): axis nil = flattened */
static int l_repeat(lua_State *L) {
  const char *fn = "repeat";
  lpy_array *a = lb_toarray(L, 1, -1, fn), *src, *r;
  int64_t *counts, one, nc, len, total = 0, i, sh[LPY_MAXDIMS];
  int axis;
  lpy_err e;
  lua_replace(L, 1);
  if (lua_isnone(L, 2)) return lb_error(L, fn, "missing repeats");
  lua_settop(L, 3);
  src = contiguous(L, 1, a, fn);
  if (lua_isnil(L, 3) || (lua_isboolean(L, 3) && !lua_toboolean(L, 3)) ||
      a->ndim == 0) {           /* flattened; a 0-d array counts as 1-d */
    int64_t sz = src->size;
    if (!lua_isnil(L, 3) && !lua_isboolean(L, 3)) lb_checkaxis(L, 3, 1, fn);
    lb_push_view(L, -1, src->dtype, 1, &sz, NULL, src->data);
    src = lb_test(L, -1);
    axis = 0;
  } else {
    axis = lb_checkaxis(L, 3, a->ndim, fn);
  }
  len = src->shape[axis];
  nc = read_ints(L, 2, &counts, &one, fn, "repeats");
  if (nc < 0) { counts = &one; nc = 1; }
  else if (nc != 1 && nc != len)
    return lb_error(L, fn, "operands could not be broadcast together with shape (%lld,) (%lld,)",
                    (long long)len, (long long)nc);
  for (i = 0; i < nc; i++) {
    if (counts[i] < 0)
      return lb_error(L, fn, nc == 1 && lua_type(L, 2) == LUA_TNUMBER
                      ? "negative dimensions are not allowed"
                      : "repeats may not contain negative values.");
  }
  if (nc == 1) {
    if (counts[0] && __builtin_mul_overflow(len, counts[0], &total))
      return lb_error(L, fn, "array is too big");
  } else {
    for (i = 0; i < nc; i++)
      if (__builtin_add_overflow(total, counts[i], &total))
        return lb_error(L, fn, "array is too big");
  }
  memcpy(sh, src->shape, (size_t)src->ndim * sizeof(int64_t));
  sh[axis] = total;
  r = lb_push_new(L, src->dtype, src->ndim, sh, 0, fn);
  if (lpy_repeat(r, src, axis, counts, nc, &e) != 0) lb_core_error(L, fn, &e);
  return 1;
}

/* ---------------------------------------------------------- gather / scatter */
/* positions at idx for an axis of length len: integers, or a bool mask of
   length len (the positions where it is true); returns their count */
static int64_t read_positions(lua_State *L, int idx, int64_t len, int64_t **pos,
                              int64_t *one, const char *fn) {
  lpy_array *m = lb_test(L, idx);
  int64_t n, i;
  if (m && m->dtype == LPY_BOOL) {
    if (m->ndim != 1 || m->shape[0] != len)
      lb_error(L, fn, "mask length does not match the axis");
    *pos = lc_newscratch(L, (size_t)(len ? len : 1) * sizeof(int64_t));
    for (i = n = 0; i < len; i++)
      if (m->data[i * m->strides[0]]) (*pos)[n++] = i;
    return n;
  }
  n = read_ints(L, idx, pos, one, fn, "positions");
  if (n < 0) { *pos = one; n = 1; }
  return n;
}

/* the internal manip table.take(a, positions, axis): slabs of a at 0-based positions
   (integers, or a bool mask of the axis' length) along 0-based axis, as a
   new array */
static int l_take(lua_State *L) {
  const char *fn = "take";
  lpy_array *a = lb_check(L, 1, fn), *r;
  int64_t *idx, one, n, i, sh[LPY_MAXDIMS];
  int axis = (int)lb_checkinteger(L, 3, fn);
  lpy_err e;
  if (axis < 0 || axis >= a->ndim) return lb_error(L, fn, "bad axis");
  n = read_positions(L, 2, a->shape[axis], &idx, &one, fn);
  a = contiguous(L, 1, a, fn);          /* block copies from here on */
  for (i = 0; i < n; i++)
    if (idx[i] < 0 || idx[i] >= a->shape[axis])
      return lb_error(L, fn, "position %lld is out of bounds", (long long)idx[i] + 1);
  memcpy(sh, a->shape, (size_t)a->ndim * sizeof(int64_t));
  sh[axis] = n;
  r = lb_push_new(L, a->dtype, a->ndim, sh, 0, fn);
  if (lpy_take_axis(r, a, axis, idx, n, 0, &e) != 0) lb_core_error(L, fn, &e);
  return 1;
}

/* the internal manip table.put(dst, src, positions, axis): dst's slabs at 0-based
   positions (or where a bool mask is true) along axis = src's slabs in order (src has dst's shape but
   #positions along axis; it is cast to dst's dtype) */
static int l_put(lua_State *L) {
  const char *fn = "put";
  lpy_array *d = lb_check(L, 1, fn), *s = lb_check(L, 2, fn);
  int64_t *idx, one, n, i;
  int axis = (int)lb_checkinteger(L, 4, fn), k;
  lpy_err e;
  if (axis < 0 || axis >= d->ndim || s->ndim != d->ndim) return lb_error(L, fn, "bad axis");
  n = read_positions(L, 3, d->shape[axis], &idx, &one, fn);
  for (k = 0; k < d->ndim; k++)
    if (s->shape[k] != (k == axis ? n : d->shape[k])) return lb_error(L, fn, "shapes do not match");
  for (i = 0; i < n; i++)
    if (idx[i] < 0 || idx[i] >= d->shape[axis])
      return lb_error(L, fn, "position %lld is out of bounds", (long long)idx[i] + 1);
  if (!(d->flags & LPY_WRITEABLE)) return lb_error(L, fn, "destination is read-only");
  if (lpy_arrays_overlap(d, s)) return lb_error(L, fn, "source and destination overlap");
  if (s->dtype != d->dtype || !(s->flags & LPY_C_CONTIGUOUS)) {
    lpy_array *c = lb_push_new(L, d->dtype, s->ndim, s->shape, 0, fn);
    if (lpy_array_assign(c, s, &e) != 0) lb_core_error(L, fn, &e);
    s = c;
  }
  if (lpy_take_axis(d, s, axis, idx, n, 1, &e) != 0) lb_core_error(L, fn, &e);
  return 0;
}

/* the internal manip table.nonzero_box(a): nil when every element is zero, else two
   sequences: the first and last 1-based position holding a nonzero
   element along each axis */
static int l_nonzero_box(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "trim_zeros");
  int64_t lo[LPY_MAXDIMS], hi[LPY_MAXDIMS];
  int k;
  if (!lpy_nonzero_box(a, lo, hi)) return 0;
  for (k = 0; k < a->ndim; k++) { lo[k]++; hi[k]++; }
  lb_push_shape(L, a->ndim, lo);
  lb_push_shape(L, a->ndim, hi);
  return 2;
}

static const luaL_Reg funcs[] = {
  {"concatenate", l_concatenate}, {"flip", l_flip},
  {"array_split", l_array_split}, {"split", l_split},
  {"repeat", l_repeat}, {"repeat_", l_repeat},   /* repeat is a Lua keyword */
  {NULL, NULL}
};

/* C.check_sequence(t, what): lb_check_sequence for lumpy/manip.lua (its
   error names "manip"; the Lua function's wrapper puts its own name) */
static int l_check_sequence(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lb_check_sequence(L, 1, (lua_Integer)lua_rawlen(L, 1), "manip",
                    luaL_checkstring(L, 2));
  return 0;
}

static const luaL_Reg internal[] = {
  {"take", l_take}, {"put", l_put}, {"nonzero_box", l_nonzero_box},
  {"check_sequence", l_check_sequence},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"repeat", l_repeat}, {"repeat_", l_repeat},
  {NULL, NULL}
};

void lb_open_manip(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
  lb_register_internal(L, modidx, "manip", internal);
}
