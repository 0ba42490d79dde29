/*
** fft.c - Lua binding of np.fft: the control of FFTW's planner and plan
** cache (set_planner, get_planner, set_num_threads, get_num_threads,
** cache_clear, cache_info, export_wisdom, import_wisdom) and the one
** transform primitive lumpy/fft.lua builds the fft* functions on
** (internal "fft" table: exec).
*/
#include <math.h>
#include <string.h>
#include "lbind.h"
#include "../core/fft.h"

/* ------------------------------------------------------------ exec */
/* the i-th integer of the sequence at idx */
static int64_t seq_int(lua_State *L, int idx, int i, const char *fn) {
  int64_t v;
  int ok;
  lua_geti(L, idx, i);
  v = (int64_t)lua_tointegerx(L, -1, &ok);
  lua_pop(L, 1);
  if (!ok) lb_error(L, fn, "internal: expected integers");
  return v;
}

/* could FFTW read a directly as dtype t */
static int usable(const lpy_array *a, lpy_dtype t) {
  int64_t isz = lpy_itemsize(t);
  int j;
  if (a->dtype != t || !(a->flags & LPY_ALIGNED)) return 0;
  for (j = 0; j < a->ndim; j++) if (a->strides[j] % isz) return 0;
  return 1;
}

/* zero the imaginary parts of the first and (even n) the middle element
   along axis ax of the C-contiguous complex t: NumPy's irfft reads only
   their real parts; FFTW's c2r leaves their effect undefined */
static void hermitian_ends(lpy_array *t, int ax, int64_t n) {
  int64_t outer = 1, inner = 1, m = t->shape[ax], o, i;
  int64_t half = lpy_itemsize(t->dtype) / 2;
  int j;
  for (j = 0; j < ax; j++) outer *= t->shape[j];
  for (j = ax + 1; j < t->ndim; j++) inner *= t->shape[j];
  for (o = 0; o < outer; o++)
    for (i = 0; i < inner; i++) {
      char *p = t->data + ((o * m) * inner + i) * 2 * half;
      memset(p + half, 0, (size_t)half);
      if (n % 2 == 0 && n / 2 < m) memset(p + (n / 2) * inner * 2 * half + half, 0, (size_t)half);
    }
}

/* exec(fn, kind, a, axes, lens, inverse, norm [, owned]): the transform of kind
   (0 c2c, 1 r2c, 2 c2r) of a over axes with logical lengths lens (a cut
   or zero-padded to them first); norm 0 "backward", 1 "ortho", 2
   "forward". axes and lens are either sequences (0-based distinct axes,
   lengths >= 1, checked by the caller) or, for the 1-d functions, one
   LumPy axis (nil: the last) and one length (nil: NumPy's default for
   the kind), checked here with NumPy's messages. owned: a is a temporary
   of the caller's that a c2r transform may overwrite instead of copying. */
static int p_exec(lua_State *L) {
  const char *fn = luaL_checkstring(L, 1);
  int kind = (int)luaL_checkinteger(L, 2), inverse, norm, nax, j, nd, copy;
  int axes[LPY_MAXDIMS];
  int64_t lens[LPY_MAXDIMS], tshape[LPY_MAXDIMS], vshape[LPY_MAXDIMS];
  int64_t oshape[LPY_MAXDIMS];
  lpy_array *a, *in, *out;
  lpy_array_space view, sub;
  lpy_dtype wt, ot;
  double n = 1, scale;
  lpy_err e;
  int single, pad = 0, one = !lua_istable(L, 4), owned, cut = 0;
  inverse = lua_toboolean(L, 6);
  norm = (int)luaL_checkinteger(L, 7);
  owned = lua_toboolean(L, 8);
  lua_settop(L, 7);
  a = lb_toarray(L, 3, -1, fn);                       /* 8 */
  nd = a->ndim;
  if (kind < 0 || kind > 2) return lb_error(L, fn, "internal: bad arguments");
  if (kind == 1 && lpy_iscomplex(a->dtype))
    return lb_error(L, fn, "expected real input, got %s", lpy_dtypes[a->dtype].name);
  if (one) {
    int ok;
    lua_Integer ax = -1, len;
    if (!lua_isnil(L, 4)) {
      ax = lua_tointegerx(L, 4, &ok);
      if (!ok) return lb_error(L, fn, "axis must be an integer, got %s", luaL_typename(L, 4));
    }
    axes[0] = lb_normaxis(L, ax, nd, fn);
    if (lua_isnil(L, 5)) {
      len = a->shape[axes[0]];
      if (kind == 2) len = (len - 1) * 2;
    } else {
      len = lua_tointegerx(L, 5, &ok);
      if (!ok)
        return lb_error(L, fn, "the number of data points must be an integer, got %s",
                        lua_type(L, 5) == LUA_TNUMBER ? "float" : luaL_typename(L, 5));
    }
    if (len < 1)
      return lb_error(L, fn, "Invalid number of FFT data points (%lld) specified.", (long long)len);
    nax = 1;
    lens[0] = len;
  } else {
    if (!lua_istable(L, 5)) return lb_error(L, fn, "internal: bad arguments");
    nax = (int)lua_rawlen(L, 4);
    if (nax < 1 || nax > nd || (int)lua_rawlen(L, 5) != nax)
      return lb_error(L, fn, "internal: bad arguments");
    for (j = 0; j < nax; j++) {
      int64_t ax = seq_int(L, 4, j + 1, fn), len = seq_int(L, 5, j + 1, fn);
      if (ax < 0 || ax >= nd || len < 1) return lb_error(L, fn, "internal: bad axes");
      axes[j] = (int)ax;
      lens[j] = len;
    }
  }
  single = a->dtype == LPY_FLOAT32 || a->dtype == LPY_COMPLEX64;
  wt = kind == 1 ? (single ? LPY_FLOAT32 : LPY_FLOAT64)
                 : (single ? LPY_COMPLEX64 : LPY_COMPLEX128);
  ot = kind == 2 ? (single ? LPY_FLOAT32 : LPY_FLOAT64)
                 : (single ? LPY_COMPLEX64 : LPY_COMPLEX128);
  for (j = 0; j < nd; j++) tshape[j] = oshape[j] = a->shape[j];
  for (j = 0; j < nax; j++) {
    int ax = axes[j];
    int64_t len = lens[j];
    int last = j == nax - 1;
    n *= (double)len;
    tshape[ax] = kind == 2 && last ? len / 2 + 1 : len;
    oshape[ax] = kind == 1 && last ? len / 2 + 1 : len;
  }
  for (j = 0; j < nd; j++) {
    vshape[j] = a->shape[j] < tshape[j] ? a->shape[j] : tshape[j];
    pad |= vshape[j] < tshape[j];
    cut |= vshape[j] < a->shape[j];
  }
  /* a, cut to the lengths wanted (a view) */
  lpy_array_init(&view.a, a->dtype, nd, vshape, a->strides, a->data, NULL);
  copy = pad || !usable(a, wt) ||
         (kind == 2 && !(owned && !cut && (a->flags & LPY_C_CONTIGUOUS)));
  in = &view.a;
  if (!copy && kind == 2) hermitian_ends(a, axes[nax - 1], lens[nax - 1]);
  if (copy) {
    lpy_array *t = lb_push_new(L, wt, nd, tshape, pad, fn);
    lpy_array_init(&sub.a, wt, nd, vshape, t->strides, t->data, NULL);
    if (lpy_array_assign(&sub.a, &view.a, &e) != 0) return lb_core_error(L, fn, &e);
    if (kind == 2) hermitian_ends(t, axes[nax - 1], lens[nax - 1]);
    in = t;
  }
  out = lb_push_new(L, ot, nd, oshape, 0, fn);
  if (!inverse && kind != 2)
    scale = norm == 0 ? 1.0 : norm == 1 ? 1.0 / sqrt(n) : 1.0 / n;
  else
    scale = norm == 2 ? 1.0 : norm == 1 ? 1.0 / sqrt(n) : 1.0 / n;
  if (lpy_fft_exec(kind, inverse, in, out, nax, axes, scale, &e) != 0)
    return lb_core_error(L, fn, &e);
  return 1;
}

/* np.fft.fft(a) and its 1-d kin, called with the array alone (or with
   nils after it): straight to exec, named by upvalue 1, of kind upvalue 2,
   inverse when upvalue 3; any other call goes to the Lua function in
   upvalue 4, which reads n, axis, norm and out */
static int l_one(lua_State *L) {
  int top = lua_gettop(L), i;
  for (i = 2; i <= top; i++)
    if (!lua_isnil(L, i)) break;
  if (top >= 1 && i > top) {
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 2);                     /* fn, kind, a */
    lua_pushnil(L);                       /* axis: the last */
    lua_pushnil(L);                       /* n: the input's */
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_pushinteger(L, 0);                /* norm "backward" */
    lua_pushboolean(L, 0);                /* the input is not ours */
    return p_exec(L);
  }
  lua_pushvalue(L, lua_upvalueindex(4));
  lua_insert(L, 1);
  lua_call(L, top, LUA_MULTRET);
  return lua_gettop(L);
}

/* entry(fn, kind, inverse, slow) -> the function np.fft.<name> */
static int p_entry(lua_State *L) {
  luaL_checkstring(L, 1);
  luaL_checkinteger(L, 2);
  luaL_checktype(L, 4, LUA_TFUNCTION);
  lua_settop(L, 4);
  lua_pushcclosure(L, l_one, 4);
  return 1;
}

/* ------------------------------------------------------ planner control */
static const char *const planners[] = {"estimate", "measure", "patient", NULL};

static int l_set_planner(lua_State *L) {
  const char *fn = "fft.set_planner", *s;
  int i;
  if (lua_type(L, 1) != LUA_TSTRING)
    return lb_error(L, fn, "expected \"estimate\", \"measure\" or \"patient\"");
  s = lua_tostring(L, 1);
  for (i = 0; planners[i]; i++)
    if (strcmp(s, planners[i]) == 0) break;
  if (!planners[i])
    return lb_error(L, fn, "unknown planner '%s' (expected \"estimate\", \"measure\" or \"patient\")", s);
  lpy_fft_set_planner(i);
  return 0;
}

static int l_get_planner(lua_State *L) {
  lua_pushstring(L, planners[lpy_fft_get_planner()]);
  return 1;
}

static int l_set_num_threads(lua_State *L) {
  const char *fn = "fft.set_num_threads";
  lua_Integer n = lb_checkinteger(L, 1, fn);
  lpy_err e;
  if (n < 1 || n > 1024) return lb_error(L, fn, "the thread count must be between 1 and 1024, got %lld", (long long)n);
  if (lpy_fft_set_threads((int)n, &e) != 0) return lb_core_error(L, fn, &e);
  return 0;
}

static int l_get_num_threads(lua_State *L) {
  lua_pushinteger(L, lpy_fft_get_threads());
  return 1;
}

static int l_cache_clear(lua_State *L) {
  (void)L;
  lpy_fft_cache_clear();
  return 0;
}

static int l_cache_info(lua_State *L) {
  int64_t size, cap, hits, misses;
  lpy_fft_cache_info(&size, &cap, &hits, &misses);
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, size); lua_setfield(L, -2, "size");
  lua_pushinteger(L, cap); lua_setfield(L, -2, "capacity");
  lua_pushinteger(L, hits); lua_setfield(L, -2, "hits");
  lua_pushinteger(L, misses); lua_setfield(L, -2, "misses");
  return 1;
}

static int wisdom(lua_State *L, int import, const char *fn) {
  lpy_err e;
  int r;
  if (lua_type(L, 1) != LUA_TSTRING) return lb_error(L, fn, "expected a file path");
  r = import ? lpy_fft_import_wisdom(lua_tostring(L, 1), &e)
             : lpy_fft_export_wisdom(lua_tostring(L, 1), &e);
  if (r != 0) return lb_core_error(L, fn, &e);
  return 0;
}

static int l_export_wisdom(lua_State *L) { return wisdom(L, 0, "fft.export_wisdom"); }
static int l_import_wisdom(lua_State *L) { return wisdom(L, 1, "fft.import_wisdom"); }

static const luaL_Reg funcs[] = {
  {"set_planner", l_set_planner}, {"get_planner", l_get_planner},
  {"set_num_threads", l_set_num_threads},
  {"get_num_threads", l_get_num_threads},
  {"cache_clear", l_cache_clear}, {"cache_info", l_cache_info},
  {"export_wisdom", l_export_wisdom}, {"import_wisdom", l_import_wisdom},
  {NULL, NULL}
};

static const luaL_Reg prims[] = {
  {"exec", p_exec}, {"entry", p_entry}, {NULL, NULL}
};

void lb_open_fft(lua_State *L, int modidx, int mtidx) {
  (void)mtidx;
  lb_push_submodule(L, modidx, "fft");
  luaL_setfuncs(L, funcs, 0);
  lua_pop(L, 1);
  lb_register_internal(L, modidx, "fft", prims);
}
